//! Dating a clause: its own temporal expression, read with its verb and, in reported
//! speech, from the day of the speech or of publication; else the context.

use chrono::NaiveDate;

use super::analysis::Analysis;
use super::clauses::{Clause, Role};
use super::dating::{
    Dated, Tense, context_date, month_after, statement_date, timex_date, until_start_of,
};
use super::lexicon::{Class, Form, trigger};
use super::{Context, Paragraph, Tagger};
use crate::date::EdtfDate;

/// A clause's own temporal expression, read.
pub(super) struct OwnTimex {
    /// Where it stands in the paragraph.
    pub range: std::ops::Range<usize>,
    /// The span it gives the event, read against the publication date.
    pub date: EdtfDate,
    /// Why the reading differs from the tagger's reading of the whole paragraph, or why
    /// it does not date the event.
    pub note: Option<String>,
    /// Whether it dates the clause's event (not when a past clause names a later time:
    /// "agreed to exchange prisoners next week").
    pub dates_event: bool,
}

/// The first expression within `clause` that names a span of the calendar, as the
/// tagger read it in the whole paragraph.
pub(super) fn plain_timex(
    paragraph: &Paragraph,
    clause: &Clause,
    published: NaiveDate,
) -> Option<EdtfDate> {
    paragraph
        .timexes_within(&clause.range)
        .find_map(|t| timex_date(t, paragraph.text, published))
}

/// The clause's own expression that names a span of the calendar. A past clause
/// cannot tell of days after publication: when the reading in the whole paragraph says
/// so (a later "would" taken as the expression's verb), the clause is read alone.
pub(super) fn own_timex(
    paragraph: &Paragraph,
    clause: &Clause,
    tense: Tense,
    published: NaiveDate,
    tag: Tagger,
) -> Option<OwnTimex> {
    let (timex, date) = paragraph
        .timexes_within(&clause.range)
        .find_map(|t| timex_date(t, paragraph.text, published).map(|d| (t, d)))?;
    let plain = OwnTimex {
        range: timex.range.clone(),
        date,
        note: None,
        dates_event: true,
    };
    let after_publication = date.earliest().is_some_and(|d| d > published);
    if !matches!(tense, Tense::Past | Tense::Perfect) || !after_publication {
        return Some(plain);
    }
    let clause_text = paragraph.text.get(clause.range.clone())?;
    let shift = clause.range.start;
    let alone = tag(clause_text, published)
        .into_iter()
        .find(|t| t.range.start + shift == timex.range.start)
        .and_then(|t| timex_date(&t, clause_text, published));
    match alone {
        Some(past) if past.earliest().is_some_and(|d| d <= published) => {
            let words = paragraph.text.get(timex.range.clone()).unwrap_or("");
            Some(OwnTimex {
                dates_event: true,
                range: plain.range,
                date: past,
                note: Some(format!(
                    "“{words}” is read with the clause's own past-tense verb, as {past} \
                     (read with the whole sentence it would be {date})."
                )),
            })
        }
        _ => {
            let words = paragraph.text.get(timex.range.clone()).unwrap_or("");
            Some(OwnTimex {
                dates_event: false,
                note: Some(format!(
                    "“{words}” ({date}) falls after publication though the clause is in the \
                     past: it dates what was {}, not the event itself.",
                    match tense {
                        Tense::Perfect => "done or said",
                        _ => "said or agreed",
                    }
                )),
                ..plain
            })
        }
    }
}

/// Whether a reported clause is backshifted ("its aim was to set …", "would react"):
/// told in the speaker's tenses, so its relative dates are the speaker's too.
fn backshifted(paragraph: &Paragraph, clause: &Clause) -> bool {
    paragraph.words[clause.words.clone()].iter().any(|w| {
        let lower: &str = &w.lower;
        ["was", "were", "would", "had"].contains(&lower)
            || trigger(lower).is_some_and(|t| t.form == Form::Past)
    })
}

/// The date of a clause's own expression. In reported speech dated to a day before
/// publication, a relative expression ("next month") has two readings: from the day of
/// the speech, taken when the clause is backshifted, and from publication, taken
/// otherwise ("will continue … over the next week"). The other reading goes in the note.
pub(super) fn reading_in_speech(
    paragraph: &Paragraph,
    clause: &Clause,
    own: &OwnTimex,
    speaker_day: Option<NaiveDate>,
    published: NaiveDate,
    tag: Tagger,
) -> Dated {
    let words = paragraph
        .text
        .get(own.range.clone())
        .unwrap_or("")
        .to_string();
    let plain = Dated {
        date: own.date,
        date_text: Some(words.clone()),
        note: own.note.clone(),
    };
    let Some(speech) = speaker_day.filter(|d| *d < published) else {
        return plain;
    };
    // The clause alone is read again from the day of the speech: the cost stays that of
    // the clause, however many statements a paragraph reports.
    let Some(clause_text) = paragraph.text.get(clause.range.clone()) else {
        return plain;
    };
    let shift = clause.range.start;
    let Some(other) = tag(clause_text, speech)
        .into_iter()
        .find(|t| t.range.start + shift == own.range.start)
        .and_then(|t| timex_date(&t, clause_text, speech))
    else {
        return plain;
    };
    let backshifted = backshifted(paragraph, clause);
    if other == own.date {
        return plain;
    }
    let (date, note) = if backshifted {
        (
            other,
            format!(
                "“{words}” is read from the day of the statement reported ({speech}), as the \
                 clause keeps the speaker's tenses: {other}; read from the publication date \
                 ({published}) it would be {}.",
                own.date
            ),
        )
    } else {
        (
            own.date,
            format!(
                "“{words}” is read from the publication date ({published}), as the clause \
                 keeps the present tense: {}; read from the day of the statement reported \
                 ({speech}) it would be {other}.",
                own.date
            ),
        )
    };
    Dated {
        date,
        date_text: Some(words),
        note: Some(note),
    }
}

/// The date of a clause without an expression of its own.
pub(super) fn undated(
    analysis: &Analysis,
    clause: &Clause,
    clause_dates: &[Option<EdtfDate>],
    context: &Context,
    paragraph: usize,
    published: NaiveDate,
) -> Dated {
    let governor_date = clause
        .governor
        .and_then(|g| clause_dates.get(g).copied().flatten());
    let relative = match clause.role {
        Role::Ahead => governor_date.as_ref().and_then(month_after),
        Role::Behind => governor_date.as_ref().and_then(until_start_of),
        _ => None,
    };
    if let (Some(date), Some(governor)) = (relative, governor_date) {
        let word = if clause.role == Role::Ahead {
            "after"
        } else {
            "before"
        };
        return Dated {
            date,
            date_text: None,
            note: Some(format!(
                "The article gives no date, only that it comes {word} an event dated {governor}."
            )),
        };
    }
    let is_statement = analysis.trigger.class == Class::Speech
        && matches!(clause.role, Role::Main | Role::Speech)
        && !matches!(analysis.tense, Tense::Perfect | Tense::Future);
    if is_statement {
        return statement_date(context.article_anchor, published);
    }
    let plan = context
        .plan_anchor
        .as_ref()
        .filter(|(_, p)| *p + 1 >= paragraph)
        .map(|(d, _)| d);
    context_date(
        analysis.tense,
        context.paragraph_anchor,
        context.article_anchor,
        plan,
        published,
    )
}
