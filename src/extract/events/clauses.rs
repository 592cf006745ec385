//! Sentences and clauses of a paragraph. Sentences follow the Unicode rules (UAX #29),
//! joined again after abbreviations ("Mr.", "U.S.", "Jan."). Clauses are cut at the
//! places news prose joins them: `;`, `, and`, `, which`, an attribution (`, the
//! official said`), the `that` after a verb of saying, a conjunction or subordinator
//! before a new finite verb, and `ahead of` / `after` before an event noun. Quoted words
//! are never cut.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::lexicon::{
    AUXILIARIES, CLAUSE_OPENERS, Class, DETERMINERS, Form, PREPOSITIONS, trigger,
};
use crate::extract::words::Word;

/// What a clause is to the sentence it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// It tells its own event.
    Main,
    /// It says who said something ("the official said").
    Speech,
    /// What its governor said ("that Russia could invade").
    Complement,
    /// A relative clause on what came before ("which followed another flight").
    Relative,
    /// A condition ("if Ukraine were invaded"): no event of its own.
    Condition,
    /// What someone agreed, planned or vowed to do ("to exchange prisoners").
    Intent,
    /// An event the sentence puts later than its main clause ("ahead of the talks").
    Ahead,
    /// An event the sentence puts earlier than its main clause ("after the talks").
    Behind,
}

/// One clause of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Its byte range in the paragraph, from its first word to its last (closing
    /// quotation marks and a final full stop included).
    pub range: Range<usize>,
    /// Its words, as indices into the paragraph's words.
    pub words: Range<usize>,
    /// What it is to its sentence.
    pub role: Role,
    /// The clause it depends on (the speaker of a complement, the main clause of an
    /// `ahead of` clause), as an index into the paragraph's clauses.
    pub governor: Option<usize>,
    /// The sentence it belongs to, counted from 0 in its paragraph.
    pub sentence: usize,
}

/// Abbreviations after which a full stop ends no sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Sgt.", "Capt.",
    "Adm.", "Prof.", "St.", "Sr.", "Rev.", "Maj.", "Cmdr.", "Amb.", "Pres.", "U.S.", "U.K.",
    "U.N.", "E.U.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
    "Dec.", "No.", "vs.", "e.g.", "i.e.", "approx.", "est.",
];

/// Verbs whose `to` opens what was intended ("agreed to exchange prisoners").
const INTENT_VERBS: &[&str] = &[
    "agreed",
    "agree",
    "agrees",
    "decided",
    "decide",
    "decides",
    "planned",
    "plans",
    "plan",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "threatened",
    "threatens",
    "intends",
    "intended",
    "aims",
    "aimed",
    "hopes",
    "hoped",
    "wants",
    "wanted",
    "expects",
    "expected",
];

/// How far after its verb of intent a `to` may come ("agreed on Monday to …").
const MAX_WORDS_BEFORE_TO: usize = 4;

/// Verbs of saying whose complement may follow without `that` ("said the talks …").
const BARE_COMPLEMENT_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "noted",
    "stressed",
    "believes",
    "believe",
    "thinks",
    "insisted",
    "warned",
    "confirmed",
    "claimed",
];

/// Longest piece without a verb that joins the clause after it ("In a statement, …");
/// a longer one most likely has a verb the lexicon does not know.
const MAX_JOINING_WORDS: usize = 3;

/// Words after which an attribution clause names its speaker ("…, the official said").
const MAX_SPEAKER_WORDS: usize = 7;

/// How far after its verb of saying a `that` may come ("told X in a call on Thursday
/// that …").
const MAX_WORDS_BEFORE_THAT: usize = 12;

/// The sentences of `text`, as byte ranges trimmed of surrounding blank space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (start, sentence) in text.split_sentence_bound_indices() {
        let lead = sentence.len() - sentence.trim_start().len();
        let trimmed = sentence.trim();
        if trimmed.is_empty() {
            continue;
        }
        let range = start + lead..start + lead + trimmed.len();
        match out.last_mut() {
            Some(last) if ends_with_abbreviation(text.get(last.clone()).unwrap_or("")) => {
                last.end = range.end;
            }
            _ => out.push(range),
        }
    }
    out
}

/// Whether a sentence ends with an abbreviation or an initial ("John F."), after which
/// the Unicode rules cut too eagerly.
fn ends_with_abbreviation(sentence: &str) -> bool {
    let last = sentence.rsplit(char::is_whitespace).next().unwrap_or("");
    let last = last.trim_start_matches(['(', '“', '"', '‘']);
    if ABBREVIATIONS.contains(&last) {
        return true;
    }
    let mut chars = last.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// The text between word `i - 1` and word `i` (the start of the text for `i == 0`).
fn gap<'a>(text: &'a str, words: &[Word], i: usize) -> &'a str {
    let from = i.checked_sub(1).map_or(0, |j| words[j].end);
    text.get(from..words[i].start).unwrap_or("")
}

/// Whether each word stands inside quotation marks, for a whole paragraph at once
/// (a quotation may run over several sentences).
fn quoted(text: &str, words: &[Word]) -> Vec<bool> {
    let mut inside = false;
    (0..words.len())
        .map(|i| {
            for c in gap(text, words, i).chars() {
                match c {
                    '“' => inside = true,
                    '”' => inside = false,
                    '"' => inside = !inside,
                    _ => {}
                }
            }
            inside
        })
        .collect()
}

/// What the clause rules ask of each word of a paragraph, worked out once.
pub struct Marks {
    /// Inside quotation marks.
    pub quoted: Vec<bool>,
    /// A finite verb ([`is_finite`]).
    pub finite: Vec<bool>,
    /// A verb of saying ([`is_speech_verb`]).
    pub speech: Vec<bool>,
    /// An event noun of the lexicon.
    pub event_noun: Vec<bool>,
}

impl Marks {
    /// The marks of the words of `text`.
    pub fn of(text: &str, words: &[Word]) -> Marks {
        let all = |f: &dyn Fn(usize) -> bool| (0..words.len()).map(f).collect();
        Marks {
            quoted: quoted(text, words),
            finite: all(&|i| is_finite(words, i)),
            speech: all(&|i| is_speech_verb(words, i)),
            event_noun: all(&|i| trigger(&words[i].lower).is_some_and(|t| t.form == Form::Noun)),
        }
    }
}

/// Whether a lowercase word is a finite verb: an auxiliary, a past or present form of
/// an event verb, or a regular past (`-ed`) not used as an adjective.
pub fn is_finite(words: &[Word], i: usize) -> bool {
    let lower: &str = &words[i].lower;
    if AUXILIARIES.contains(&lower) {
        return true;
    }
    let after_determiner = i
        .checked_sub(1)
        .is_some_and(|j| DETERMINERS.contains(&&*words[j].lower));
    if after_determiner {
        return false;
    }
    match trigger(lower) {
        Some(t) => matches!(t.form, Form::Past | Form::PastOrParticiple | Form::Present),
        None => lower.len() > 4 && lower.ends_with("ed") && !words[i].is_capitalised(),
    }
}

/// Whether word `i` is a verb of saying used as a verb (not "recent reports").
pub fn is_speech_verb(words: &[Word], i: usize) -> bool {
    let lower: &str = &words[i].lower;
    let Some(t) = trigger(lower) else {
        return false;
    };
    if t.class != Class::Speech || t.form == Form::Noun {
        return false;
    }
    if t.form == Form::Present {
        // "reports", "warns": a noun after a determiner or an adjective.
        let before = i.checked_sub(1).map(|j| &words[j]);
        return before.is_none_or(|w| {
            let w: &str = &w.lower;
            !DETERMINERS.contains(&w)
                && (words[i - 1].is_capitalised()
                    || ["he", "she", "it", "they", "who", "which", "also"].contains(&w)
                    || w.ends_with("ly"))
        });
    }
    true
}

/// Whether a gap holds punctuation that ends a phrase.
fn has_break(gap: &str) -> bool {
    gap.contains([',', ';', ':', '.', '!', '?', '(', ')', '—', '–'])
}

/// Whether a finite verb comes within the next `limit` words from `from`, before any
/// phrase-ending punctuation.
fn finite_verb_follows(
    text: &str,
    words: &[Word],
    marks: &Marks,
    from: usize,
    end: usize,
    limit: usize,
) -> bool {
    (from..end.min(from + limit))
        .take_while(|&j| j == from || !has_break(gap(text, words, j)))
        .any(|j| marks.finite[j])
}

/// Whether a verb of saying comes within `limit` words from `from`, with no
/// punctuation before it.
fn speech_verb_follows(
    text: &str,
    words: &[Word],
    marks: &Marks,
    from: usize,
    end: usize,
    limit: usize,
) -> bool {
    (from..end.min(from + limit))
        .take_while(|&j| j == from || !has_break(gap(text, words, j)))
        .any(|j| marks.speech[j])
}

/// Whether an event noun comes within a few words from `from`, before punctuation.
fn event_noun_follows(text: &str, words: &[Word], marks: &Marks, from: usize, end: usize) -> bool {
    (from..end.min(from + 6))
        .take_while(|&j| j == from || !has_break(gap(text, words, j)))
        .any(|j| marks.event_noun[j])
}

/// A place where a new clause starts: the word it starts at, the word its text starts
/// at (after a conjunction that joins it), and its role.
struct Cut {
    at: usize,
    text_from: usize,
    role: Role,
    /// A complement's speaker is the clause before it.
    governed: bool,
}

/// Cuts the sentence made of `words[sentence]` into clauses, appending them to `out`;
/// `marks` are the [`Marks`] of the paragraph's words.
pub fn clauses(
    text: &str,
    words: &[Word],
    marks: &Marks,
    sentence: Range<usize>,
    sentence_index: usize,
    out: &mut Vec<Clause>,
) {
    if sentence.is_empty() {
        return;
    }
    let end = sentence.end;
    let mut cuts = vec![Cut {
        at: sentence.start,
        text_from: sentence.start,
        role: Role::Main,
        governed: false,
    }];
    let mut speech_at: Option<usize> = None;
    let mut intent_at: Option<usize> = None;
    let mut finite_in_clause = false;
    let mut i = sentence.start;
    while i < end {
        let lower: &str = &words[i].lower;
        let g = if i == sentence.start {
            ""
        } else {
            gap(text, words, i)
        };
        let comma = g.contains(',') && !marks.quoted[i];
        let current_role = cuts.last().map_or(Role::Main, |c| c.role);
        let mut cut: Option<Cut> = None;
        if i > sentence.start && !marks.quoted[i] {
            if g.contains(';') {
                cut = Some(Cut {
                    at: i,
                    text_from: i,
                    role: Role::Main,
                    governed: false,
                });
            } else if comma && (lower == "which" || lower == "who") {
                cut = Some(Cut {
                    at: i,
                    text_from: i,
                    role: Role::Relative,
                    governed: true,
                });
            } else if comma && speech_verb_follows(text, words, marks, i, end, MAX_SPEAKER_WORDS) {
                // "…, and the official said": the conjunction joins, it is not said.
                let joins = lower == "and" || lower == "but";
                cut = Some(Cut {
                    at: i,
                    text_from: if joins { i + 1 } else { i },
                    role: Role::Speech,
                    governed: false,
                });
            } else if lower == "to"
                && intent_at.is_some_and(|k| i - k <= MAX_WORDS_BEFORE_TO)
                && words
                    .get(i + 1)
                    .filter(|_| i + 1 < end)
                    .is_some_and(|w| !w.is_capitalised() && !DETERMINERS.contains(&&*w.lower))
            {
                cut = Some(Cut {
                    at: i,
                    text_from: i + 1,
                    role: Role::Intent,
                    governed: true,
                });
            } else if lower == "and"
                && words.get(i + 1).is_some_and(|w| w.text == "that")
                && current_role == Role::Complement
            {
                cut = Some(Cut {
                    at: i,
                    text_from: i + 2,
                    role: Role::Complement,
                    governed: true,
                });
            } else if CLAUSE_OPENERS.contains(&lower)
                && (comma || finite_in_clause)
                && finite_verb_follows(text, words, marks, i + 1, end, 6)
            {
                let role = match lower {
                    "if" | "unless" => Role::Condition,
                    "and" | "but" if current_role == Role::Complement => Role::Complement,
                    _ => Role::Main,
                };
                let governed = role == Role::Complement;
                cut = Some(Cut {
                    at: i,
                    text_from: i + 1,
                    role,
                    governed,
                });
            } else if lower == "that" && speech_at.is_some_and(|s| i - s <= MAX_WORDS_BEFORE_THAT) {
                cut = Some(Cut {
                    at: i,
                    text_from: i + 1,
                    role: Role::Complement,
                    governed: true,
                });
            } else if let Some(s) = speech_at.filter(|&s| s + 1 == i)
                && BARE_COMPLEMENT_VERBS.contains(&&*words[s].lower)
                && !has_break(g)
                && !PREPOSITIONS.contains(&lower)
                && lower != "that"
            {
                cut = Some(Cut {
                    at: i,
                    text_from: i,
                    role: Role::Complement,
                    governed: true,
                });
            } else if (lower == "ahead" && words.get(i + 1).is_some_and(|w| w.text == "of"))
                || ((lower == "before" || lower == "after" || lower == "following")
                    && !finite_verb_follows(text, words, marks, i + 1, end, 6))
            {
                let role = if lower == "after" || lower == "following" {
                    Role::Behind
                } else {
                    Role::Ahead
                };
                let skip = if lower == "ahead" { 2 } else { 1 };
                if event_noun_follows(text, words, marks, i + skip, end) {
                    cut = Some(Cut {
                        at: i,
                        text_from: i + skip,
                        role,
                        governed: true,
                    });
                }
            }
        }
        if let Some(c) = cut {
            speech_at = None;
            intent_at = None;
            finite_in_clause = false;
            cuts.push(c);
        }
        if INTENT_VERBS.contains(&lower) {
            intent_at = Some(i);
        }
        if marks.speech[i] && speech_at.is_none() {
            speech_at = Some(i);
        }
        if marks.finite[i] {
            finite_in_clause = true;
        }
        i += 1;
    }
    emit(text, words, marks, &cuts, end, sentence_index, out);
}

/// Turns the cuts of one sentence into clauses. A short piece with no finite verb ("In
/// a statement") joins the clause after it; an attribution governs the clauses of its
/// sentence that have no speaker yet.
fn emit(
    text: &str,
    words: &[Word],
    marks: &Marks,
    cuts: &[Cut],
    end: usize,
    sentence: usize,
    out: &mut Vec<Clause>,
) {
    let first_of_sentence = out.len();
    let mut pending_from: Option<usize> = None;
    for (k, cut) in cuts.iter().enumerate() {
        let until = cuts.get(k + 1).map_or(end, |c| c.at);
        let from = pending_from.take().unwrap_or(cut.text_from);
        if from >= until {
            continue;
        }
        let has_verb = (from..until).any(|j| marks.finite[j]);
        let joins_next = !has_verb
            && until - from <= MAX_JOINING_WORDS
            && k + 1 < cuts.len()
            && matches!(cut.role, Role::Main)
            && matches!(cuts[k + 1].role, Role::Main | Role::Speech);
        if joins_next {
            pending_from = Some(from);
            continue;
        }
        let previous = out.len().checked_sub(1).filter(|&g| g >= first_of_sentence);
        let governor = match previous {
            // "said X and that Y": Y has X's speaker.
            Some(g) if cut.role == Role::Complement && out[g].role == Role::Complement => {
                out[g].governor
            }
            Some(g) if cut.governed => Some(g),
            _ => None,
        };
        let range = span(text, words, from, until);
        out.push(Clause {
            range,
            words: from..until,
            role: cut.role,
            governor,
            sentence,
        });
        if cut.role == Role::Speech {
            let speaker = out.len() - 1;
            for clause in &mut out[first_of_sentence..speaker] {
                if clause.governor.is_none() && clause.role == Role::Main {
                    clause.governor = Some(speaker);
                }
            }
        }
    }
}

/// The byte range of words `from..until`, with the quotation marks that open before
/// the first and close after the last, and a final full stop.
fn span(text: &str, words: &[Word], from: usize, until: usize) -> Range<usize> {
    let mut start = words[from].start;
    let mut stop = words[until - 1].end;
    let before = text.get(..start).unwrap_or("");
    let opening = before.len() - before.trim_end_matches(['“', '"', '‘', '(']).len();
    start -= opening;
    let after = text.get(stop..).unwrap_or("");
    let closing = after.len()
        - after
            .trim_start_matches(['”', '"', '’', '.', '!', '?', ')'])
            .len();
    stop += closing;
    start..stop
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::words;

    fn split(text: &str) -> Vec<(String, Role, Option<usize>)> {
        let words = words(text);
        let marks = Marks::of(text, &words);
        let mut out = Vec::new();
        for (n, s) in sentences(text).into_iter().enumerate() {
            let from = words.partition_point(|w| w.start < s.start);
            let to = words.partition_point(|w| w.start < s.end);
            clauses(text, &words, &marks, from..to, n, &mut out);
        }
        out.into_iter()
            .map(|c| (text[c.range].to_string(), c.role, c.governor))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        split(text).into_iter().map(|(t, _, _)| t).collect()
    }

    #[test]
    fn abbreviations_end_no_sentence() {
        let text = "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. They talked.";
        let found: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "Mr. Smith met Dr. Jones in the U.S. on Jan. 5.",
                "They talked."
            ]
        );
    }

    #[test]
    fn an_attribution_is_a_speech_clause_governing_the_sentence() {
        let found = split("The talks will resume next week, the minister said.");
        assert_eq!(
            found[0],
            (
                "The talks will resume next week".into(),
                Role::Main,
                Some(1)
            )
        );
        assert_eq!(found[1], ("the minister said.".into(), Role::Speech, None));
    }

    #[test]
    fn that_after_a_verb_of_saying_opens_a_complement() {
        let found = split("Officials warned on Monday that the army could strike within days.");
        assert_eq!(found[0].0, "Officials warned on Monday");
        assert_eq!(
            found[1],
            (
                "the army could strike within days.".into(),
                Role::Complement,
                Some(0)
            )
        );
    }

    #[test]
    fn said_takes_a_complement_without_that() {
        assert_eq!(
            texts("The spokesman said the convoy left at dawn."),
            ["The spokesman said", "the convoy left at dawn."]
        );
    }

    #[test]
    fn a_relative_clause_and_a_new_finite_verb_are_cut() {
        assert_eq!(
            texts("A drone hit the depot on Friday, which followed a strike on Tuesday."),
            [
                "A drone hit the depot on Friday",
                "which followed a strike on Tuesday."
            ]
        );
        assert_eq!(
            texts("Troops have massed at the border and the navy has sailed."),
            ["Troops have massed at the border", "the navy has sailed."]
        );
    }

    #[test]
    fn and_that_opens_a_second_complement_of_the_same_speaker() {
        let found = split("The envoy said the mood was calm and that talks were planned.");
        assert_eq!(
            found[2],
            ("talks were planned.".into(), Role::Complement, Some(0))
        );
    }

    #[test]
    fn an_attribution_after_and_leaves_the_conjunction_out() {
        let found = split("Troops left the town, and the mayor said the roads were open.");
        assert_eq!(found[1], ("the mayor said".into(), Role::Speech, None));
    }

    #[test]
    fn to_after_a_verb_of_intent_opens_what_was_intended() {
        let found = split("Both sides agreed on Monday to exchange prisoners next week.");
        assert_eq!(found[0].0, "Both sides agreed on Monday");
        assert_eq!(
            found[1],
            (
                "exchange prisoners next week.".into(),
                Role::Intent,
                Some(0)
            )
        );
        assert_eq!(texts("They agreed to a truce.").len(), 1);
    }

    #[test]
    fn a_piece_without_a_verb_joins_the_next_clause() {
        assert_eq!(
            texts("In a statement, the ministry said it regretted the delay."),
            [
                "In a statement, the ministry said",
                "it regretted the delay."
            ]
        );
    }

    #[test]
    fn ahead_of_an_event_noun_is_a_clause_of_its_own() {
        let found = split("Envoys will meet over the weekend ahead of the summit.");
        assert_eq!(found[1], ("the summit.".into(), Role::Ahead, Some(0)));
    }

    #[test]
    fn quoted_words_are_not_cut_and_conditions_are_marked() {
        let found = split("He said the deal was “fair, and which is rare” if it is signed.");
        assert!(
            found
                .iter()
                .any(|(t, _, _)| t.contains("“fair, and which is rare”"))
        );
        assert_eq!(found.last().map(|f| f.1), Some(Role::Condition));
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "",
            ".",
            "“",
            "said that",
            ", said",
            "and and and",
            "Mr. Mr. U.S.",
            "ahead of",
        ] {
            let _ = split(text);
        }
    }
}
