//! A drafted event's title: subject, verb and object of its clause, as the article
//! writes them.

use super::Paragraph;
use super::analysis::Analysis;
use super::clauses::{ABBREVIATIONS, Clause, Role};
use super::lexicon::{DETERMINERS, Form, PREPOSITIONS};

/// Words that open a clause without belonging to its subject.
const LEADING: &[&str] = &[
    "meanwhile",
    "despite",
    "and",
    "but",
    "which",
    "who",
    "that",
    "however",
    "so",
    "also",
    "in",
    "ahead",
    "of",
    "after",
    "before",
    "following",
    "as",
    "while",
];

/// A short title: the clause's subject, its verb and the start of its object; for an
/// event noun without a verb of its own ("which followed another flight", "ahead of
/// the talks"), the noun's phrase. Written as the article writes it (hyphens and
/// inner full stops kept), without quotation marks.
pub(super) fn title(paragraph: &Paragraph, clause: &Clause, analysis: &Analysis) -> String {
    let words = &paragraph.words;
    // "to exchange prisoners" is titled with who agreed to it.
    let range = match clause.governor.and_then(|g| paragraph.clauses.get(g)) {
        Some(governor) if clause.role == Role::Intent => governor.words.start..clause.words.end,
        _ => clause.words.clone(),
    };
    // Inside a clause a full stop is an abbreviation's ("U.S."), never a break.
    let breaks_before = |j: usize| {
        j > 0
            && paragraph
                .text
                .get(words[j - 1].end..words[j].start)
                .unwrap_or("")
                .contains([',', ';', ':', '“', '”', '"', '(', '—'])
    };
    let in_timex = |j: usize| paragraph.in_timex(words[j].start);
    let mut start = range.start;
    while start < analysis.at && LEADING.contains(&&*words[start].lower) {
        start += 1;
    }
    let is_noun = analysis.trigger.form == Form::Noun;
    let verb = if is_noun {
        (start..range.end).find(|&j| paragraph.marks.finite[j])
    } else {
        Some(analysis.at)
    };
    let (from, head) = match verb {
        Some(v) if !(is_noun && clause.role == Role::Relative && v < analysis.at) => {
            let most = if clause.role == Role::Intent {
                MAX_INTENT_SUBJECT_WORDS
            } else {
                MAX_SUBJECT_WORDS
            };
            let mut floor = start.max(v.saturating_sub(most));
            // Never start inside a name ("United States").
            while floor > start
                && words[floor].is_capitalised()
                && words[floor - 1].is_capitalised()
            {
                floor -= 1;
            }
            let from = (floor..v)
                .rev()
                .find(|&j| breaks_before(j))
                .unwrap_or(floor);
            (from, v)
        }
        _ => {
            let floor = verb.map_or(start, |v| (v + 1).min(analysis.at)).max(start);
            (floor.max(analysis.at.saturating_sub(3)), analysis.at)
        }
    };
    let mut end = head + 1;
    while end < range.end && end - head <= 6 && !breaks_before(end) && !in_timex(end) {
        let lower: &str = &words[end].lower;
        let preposition = PREPOSITIONS.contains(&lower);
        if lower == "that"
            || (preposition && (end > head + 1 || end + 1 >= range.end || in_timex(end + 1)))
        {
            break;
        }
        end += 1;
    }
    // No title ends on "a", "to" or "and".
    while end > head + 1 {
        let lower: &str = &words[end - 1].lower;
        if DETERMINERS.contains(&lower)
            || PREPOSITIONS.contains(&lower)
            || lower == "and"
            || lower == "or"
        {
            end -= 1;
        } else {
            break;
        }
    }
    let last = &words[(end - 1).max(from)];
    let abbreviation =
        last.text.contains('.') || ABBREVIATIONS.contains(&format!("{}.", last.text).as_str());
    let stop = if abbreviation && paragraph.text[last.end..].starts_with('.') {
        last.end + 1
    } else {
        last.end
    };
    let raw = paragraph.text.get(words[from].start..stop).unwrap_or("");
    let cleaned: String = raw
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"'))
        .collect();
    let mut chars = cleaned.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => analysis.trigger.kind.to_string(),
    }
}

/// Most words of a subject a title keeps.
const MAX_SUBJECT_WORDS: usize = 6;

/// The same before what was intended, which the agreeing clause precedes ("Russia and
/// Ukraine agreed on Thursday to exchange …").
const MAX_INTENT_SUBJECT_WORDS: usize = 10;
