//! The words that report events: each form of an event verb or noun with the kind of
//! event it reports, and the small closed classes (auxiliaries, prepositions, cues of
//! modality) the clause reader leans on.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Whether a word reports speech (said, statement) or something else happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Someone said, told, warned, reported.
    Speech,
    /// Something happened: a call, a flight, a withdrawal.
    Action,
}

/// The grammatical form of a trigger word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A noun: call, talks, statement.
    Noun,
    /// A simple past: flew, told.
    Past,
    /// A past participle: flown, withdrawn.
    Participle,
    /// Either (most regular verbs): warned, agreed.
    PastOrParticiple,
    /// A present tense: says, flies.
    Present,
    /// A bare form: fly, agree.
    Base,
}

/// What a trigger word says about its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// The event kind written in the draft.
    pub kind: &'static str,
    /// Speech or action.
    pub class: Class,
    /// The word's form.
    pub form: Form,
}

/// `kind class: form/tag …`; tags: n noun, p past, pp participle, pd past or
/// participle, s present, b base.
const LEXICON: &str = "\
call action: call/n calls/n spoke/p speaks/s speak/b spoken/pp talked/pd
statement speech: said/pd says/s say/b statement/n statements/n stated/pd told/pd tells/s \
tell/b added/pd noted/pd confirmed/pd confirms/s announced/pd announces/s announce/b \
announcement/n declared/pd claimed/pd insisted/pd stressed/pd explained/pd described/pd \
denied/pd denies/s acknowledged/pd admitted/pd
warning speech: warned/pd warns/s warn/b warning/n warnings/n threatened/pd threatens/s
report speech: reported/pd reports/s report/n
briefing speech: briefed/pd briefing/n briefings/n
flight action: flew/p flown/pp fly/b flies/s flight/n flights/n
agreement action: agreed/pd agrees/s agree/b agreement/n deal/n signed/pd signs/s sign/b accord/n
talks action: talks/n negotiations/n negotiated/pd negotiate/b dialogue/n engagement/n \
summit/n meeting/n meetings/n met/pd meet/b meets/s conference/n
consultation action: consulted/pd consult/b consults/s consultation/n consultations/n \
coordination/n coordinated/pd coordinate/b
deployment action: assembled/pd deployed/pd deploys/s deploy/b deployment/n massed/pd \
amassed/pd built/pd buildup/n mobilised/pd mobilized/pd
withdrawal action: withdrew/p withdrawn/pp withdraw/b withdraws/s withdrawal/n retreated/pd \
pulled/pd
attack action: attacked/pd attacks/s attack/n struck/pd strike/n strikes/n shelled/pd \
bombed/pd shelling/n bombing/n fired/pd
invasion action: invade/b invaded/pd invades/s invasion/n
appeal action: urged/pd urges/s urge/b appeal/n appealed/pd pressed/pd
proposal action: proposed/pd proposes/s propose/b proposal/n offered/pd offer/n charted/pd \
outlined/pd
response action: react/b reacted/pd reacts/s respond/b responded/pd response/n retaliate/b \
retaliated/pd
visit action: visited/pd visit/n visits/s trip/n travelled/pd traveled/pd arrived/pd
sanctions action: sanctions/n sanctioned/pd imposed/pd
election action: election/n elections/n elected/pd referendum/n
vote action: voted/pd vote/n votes/n
decision action: decided/pd decides/s decision/n raised/pd hiked/pd lowered/pd approved/pd \
approves/s adopted/pd rejected/pd ruled/pd ruling/n
casualties action: killed/pd died/p wounded/pd
arrest action: arrested/pd detained/pd arrest/n
protest action: protested/pd protest/n protests/n rallied/pd
resignation action: resigned/pd resignation/n
ceasefire action: ceasefire/n truce/n
exchange action: exchange/b exchanged/pd exchanges/s swap/n swapped/pd
exercise action: exercises/n drills/n
";

/// The trigger a lowercase word is, if it is one.
pub fn trigger(word: &str) -> Option<Trigger> {
    static TABLE: OnceLock<HashMap<&'static str, Trigger>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        let text: &'static str = LEXICON;
        for line in text.lines() {
            let Some((head, forms)) = line.split_once(':') else {
                continue;
            };
            let mut head = head.split_whitespace();
            let (Some(kind), Some(class)) = (head.next(), head.next()) else {
                continue;
            };
            let class = if class == "speech" {
                Class::Speech
            } else {
                Class::Action
            };
            for entry in forms.split_whitespace() {
                let Some((word, tag)) = entry.split_once('/') else {
                    continue;
                };
                let form = match tag {
                    "n" => Form::Noun,
                    "p" => Form::Past,
                    "pp" => Form::Participle,
                    "pd" => Form::PastOrParticiple,
                    "s" => Form::Present,
                    _ => Form::Base,
                };
                table.entry(word).or_insert(Trigger { kind, class, form });
            }
        }
        table
    });
    table.get(word).copied()
}

/// Auxiliaries and modals: finite verbs whatever follows.
pub const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "shall", "did", "does", "do", "comes", "come", "came", "be",
];

/// Prepositions that end a title's object or stand between a verb and its `that`.
pub const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "during", "after", "before", "by", "for", "with", "of", "from", "over",
    "as", "about", "into", "near", "along", "ahead", "since", "until", "amid", "against",
];

/// Words that make a clause a plan.
pub const PLANNED_CUES: &[&str] = &[
    "will",
    "’ll",
    "'ll",
    "shall",
    "planned",
    "plans",
    "plan",
    "planning",
    "scheduled",
    "upcoming",
    "intends",
    "intend",
    "due",
    "set",
];

/// Words that make a clause an expectation or a fear.
pub const EXPECTED_CUES: &[&str] = &[
    "could",
    "may",
    "might",
    "would",
    "expected",
    "expects",
    "likely",
    "possible",
    "possibly",
    "fear",
    "fears",
    "feared",
    "probably",
    "expect",
    "anticipated",
];

/// Words that make a clause a report the source does not confirm.
pub const REPORTED_CUES: &[&str] = &[
    "reportedly",
    "allegedly",
    "reports",
    "reported",
    "purportedly",
];

/// Words before a trigger that deny it ("not in response").
pub const NEGATIONS: &[&str] = &["not", "no", "never", "without", "nor"];

/// Words before a verb form that make it an adjective ("the withdrawn troops").
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "these", "those", "this", "that", "its", "their", "his", "her", "our", "any",
    "some", "every",
];

/// Conjunctions and subordinators that open a new clause when a finite verb follows.
pub const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "as", "while", "whereas", "because", "although", "though", "when", "since",
    "after", "before", "until", "if", "unless",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_entry_reads() {
        let entries = LEXICON
            .split_whitespace()
            .filter(|w| w.contains('/'))
            .count();
        assert!(entries > 150, "{entries}");
        assert_eq!(
            trigger("flew"),
            Some(Trigger {
                kind: "flight",
                class: Class::Action,
                form: Form::Past
            })
        );
        assert_eq!(trigger("said").map(|t| t.class), Some(Class::Speech));
        assert_eq!(trigger("talks").map(|t| t.form), Some(Form::Noun));
        assert_eq!(trigger("table"), None);
    }
}
