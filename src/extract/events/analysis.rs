//! Reading a clause: the event word it turns on, its status from its modality and its
//! tense.

use super::Paragraph;
use super::clauses::{Clause, Role};
use super::dating::Tense;
use super::lexicon::{
    Class, DETERMINERS, EXPECTED_CUES, Form, NEGATIONS, PLANNED_CUES, REPORTED_CUES, Trigger,
    trigger,
};
use crate::model::Status;

/// What a clause says of its event, before it is dated.
#[derive(Debug, Clone, Copy)]
pub(super) struct Analysis {
    /// Index of the trigger word in the paragraph's words.
    pub at: usize,
    pub trigger: Trigger,
    pub status: Status,
    pub tense: Tense,
    /// "the flight", "the upcoming talks": an event already told.
    pub anaphoric: bool,
    /// The word "recent" or "recently", if the clause has it: a time the tagger leaves
    /// undated.
    pub recent: Option<usize>,
}

/// Whether the lowercase words contain `phrase` (lowercase words joined by spaces).
fn has_phrase(lower: &[&str], phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    lower
        .windows(parts.len())
        .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
}

/// Reads a clause's trigger, status and tense; `None` for a clause that reports no
/// event (no trigger, or a condition).
pub(super) fn analyse(paragraph: &Paragraph, clause: &Clause) -> Option<Analysis> {
    if clause.role == Role::Condition {
        return None;
    }
    let words = &paragraph.words;
    let range = clause.words.clone();
    let lower: Vec<&str> = words[range.clone()].iter().map(|w| &*w.lower).collect();
    let candidate = |k: usize| -> Option<(usize, Trigger)> {
        let t = trigger(lower[k])?;
        let before = |n: usize| k.checked_sub(n).map(|j| lower[j]);
        if [before(1), before(2)]
            .iter()
            .flatten()
            .any(|w| NEGATIONS.contains(w))
        {
            return None;
        }
        // "according to a statement": a source named, not an event.
        if t.class == Class::Speech
            && t.form == Form::Noun
            && has_phrase(&lower[..k], "according to")
        {
            return None;
        }
        let adjectival = t.form != Form::Noun
            && before(1).is_some_and(|w| {
                DETERMINERS.contains(&w) || w.chars().all(|c| c.is_ascii_digit() || c == ',')
            });
        (!adjectival).then_some((range.start + k, t))
    };
    let found: Vec<(usize, Trigger)> = (0..lower.len()).filter_map(candidate).collect();
    let prefer = if clause.role == Role::Speech {
        Class::Speech
    } else {
        Class::Action
    };
    let verb_of = |class: Class| {
        found
            .iter()
            .find(|(_, t)| t.class == class && (class == Class::Action || t.form != Form::Noun))
    };
    let (at, head) = verb_of(prefer)
        .or_else(|| found.iter().find(|(_, t)| t.class == prefer))
        .or_else(|| found.first())
        .copied()?;
    // "this report", "this story": the article itself.
    let about_the_article = head.form == Form::Noun
        && at > range.start
        && lower[at - range.start - 1] == "this"
        && ["report", "story", "article"].contains(&lower[at - range.start]);
    // "any decision", "no attack": no event in particular.
    let unspecific = head.form == Form::Noun
        && at > range.start
        && ["any", "no", "every", "each"].contains(&lower[at - range.start - 1]);
    if about_the_article || unspecific {
        return None;
    }
    let governor = clause.governor.and_then(|g| paragraph.clauses.get(g));
    let governed_by_report = governor.is_some_and(|g| {
        words[g.words.clone()].iter().any(|w| {
            trigger(&w.lower).is_some_and(|t| t.kind == "report")
                || (clause.role == Role::Intent && REPORTED_CUES.contains(&&*w.lower))
        })
    });
    let status = if clause.role != Role::Speech
        && (lower.iter().any(|w| REPORTED_CUES.contains(w)) || governed_by_report)
    {
        Status::Reported
    } else if clause.role == Role::Intent {
        // "agreed to exchange prisoners": what was agreed is a plan.
        Status::Planned
    } else if lower.iter().any(|w| EXPECTED_CUES.contains(w)) || has_phrase(&lower, "as early as") {
        Status::Expected
    } else if lower.iter().any(|w| PLANNED_CUES.contains(w))
        || has_phrase(&lower, "set to")
        || has_phrase(&lower, "due to")
        || has_phrase(&lower, "going to")
    {
        Status::Planned
    } else {
        Status::Occurred
    };
    let before_trigger = &lower[..at - range.start];
    let tense = if matches!(status, Status::Planned | Status::Expected) {
        Tense::Future
    } else if before_trigger
        .iter()
        .any(|w| ["has", "have", "’ve", "'ve"].contains(w))
    {
        Tense::Perfect
    } else if matches!(
        head.form,
        Form::Past | Form::PastOrParticiple | Form::Participle
    ) || range.clone().any(|j| is_past(paragraph, j))
    {
        Tense::Past
    } else {
        Tense::Present
    };
    let offset = at - range.start;
    let determiner_at = |k: usize| {
        lower
            .get(k)
            .is_some_and(|w| ["the", "this", "that", "these", "those"].contains(w))
    };
    let anaphoric = head.form == Form::Noun
        && offset <= 3
        && (offset.checked_sub(1).is_some_and(determiner_at)
            || offset
                .checked_sub(2)
                .is_some_and(|k| determiner_at(k) && !words[at - 1].is_capitalised()));
    let recent = range
        .clone()
        .find(|&j| matches!(&*words[j].lower, "recent" | "recently"));
    Some(Analysis {
        recent,
        at,
        trigger: head,
        status,
        tense,
        anaphoric,
    })
}

/// Whether word `j` is a finite verb in the past: was, were, had, did, or a past form.
fn is_past(paragraph: &Paragraph, j: usize) -> bool {
    let lower: &str = &paragraph.words[j].lower;
    if ["was", "were", "had", "did"].contains(&lower) {
        return true;
    }
    paragraph.marks.finite[j]
        && (lower.ends_with("ed")
            || trigger(lower)
                .is_some_and(|t| matches!(t.form, Form::Past | Form::PastOrParticiple)))
}
