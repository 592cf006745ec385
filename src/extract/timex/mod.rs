//! Temporal expressions in running text, found and resolved against a document date,
//! following the TimeML TIMEX3 conventions.
//!
//! Finding (`grammar` over the tokens of `scan`) and resolving (`resolve`, with
//! the tense of `tense` and the arithmetic of `calendar`) are separate steps, each
//! linear in the text. Conventions the rules follow:
//! - extents keep determiners, approximators and position words (`the next week`,
//!   `about three years`, `early January`, `the end of the year`) and leave out
//!   prepositions and bounding words (`on`, `since`, `by`, `as early as`);
//! - a bare weekday, month, date, season, quarter or holiday takes the tense of the verb
//!   that governs it (the nearest cue, preferring one before it in the same clause;
//!   `since` means past): past → the latest on or before the document date (a weekday
//!   that is the document's own weekday is the document date, in either tense), future →
//!   the earliest on or after it, no cue → the nearest, with `?` in the EDTF; a month
//!   before a noun (`its August recess`) is always the nearest;
//! - `last Friday` is the one before the document date, `next Friday` the one after,
//!   `this Friday` the one in the same ISO week; `last March` the latest March that has
//!   ended, `next March` the first that has not begun;
//! - `next week` is the next ISO week (value `2022-W01`, EDTF Monday–Sunday); `over the
//!   next week` is a duration `P1W` whose EDTF is the 7 days from the document date
//!   (`2022-01-01/2022-01-07`); `the past two weeks` is `P2W` with the 14 days ending on
//!   it; `the coming days` is `FUTURE_REF`;
//! - `the next day`, `two days later`, `the following week`, `that year` count from the
//!   last date the text named (if it is at least as fine), else from the document date;
//!   `three days ago`, `next month` always from the document date; a clock time takes the
//!   day written with it or after it (`12:15 p.m. on Thursday`), else the day named
//!   earlier in its sentence, else the document date;
//! - position modifiers (`early`, `mid-`, `the end of`) keep the period's value (TIMEX3
//!   puts them in `mod`, which [`Timex`] does not carry) and narrow its EDTF to a third;
//!   `earlier this year` runs from the year's start to the document date, `later this
//!   month` from it to the month's end;
//! - `as early as`/`since`/`starting` open the EDTF interval forwards (`2022-01/..`),
//!   `by`/`until`/`before` backwards to the period's last day (`../2022-12-31`);
//!   `about`/`around`/`some time in` add `~`;
//! - `PAST_REF` has the EDTF `../date`, `FUTURE_REF` `date/..`; durations without an
//!   anchor, sets and `PRESENT_REF` have none; times of day give their day;
//! - values: decades `199`, centuries `19` (`the 1800s`, `the 19th century` → `18`),
//!   fiscal years `FY2013`, halves `2013-H2`, weekends `2013-W12-WE`, quarters of a
//!   duration in months (`P6M`), decades and centuries of a duration `P2DE`, `P1CE`.

mod calendar;
mod grammar;
mod lexicon;
mod resolve;
mod scan;
mod tense;

use std::ops::Range;

use chrono::NaiveDate;

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period: `2013-03-22`, `2013-W12`, `PAST_REF`.
    Date,
    /// A time of day, possibly with a date: `2013-03-22T14:00`, `2013-03-22TMO`.
    Time,
    /// A length of time: `P3D`, `PT2H`.
    Duration,
    /// A recurring time: `P1W` with a quantity such as "every week".
    Set,
}

impl TimexType {
    /// The TIMEX3 name: `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Where it stands in the text given to [`tag`], in bytes, end exclusive.
    pub range: Range<usize>,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value, such as `2021-12-30`, `P1W` or `FUTURE_REF`.
    pub value: String,
    /// The span an event dated by it takes, as an EDTF date or interval
    /// (`2021-12-30`, `2022-01/..`, `2022-01-01/2022-01-07`, `2022-03~`, `2021-12-31?`);
    /// `None` when it names no span of the calendar (a duration on its own, a set,
    /// `PRESENT_REF`).
    pub edtf: Option<String>,
}

/// Finds and resolves every temporal expression of `text`, a document published on
/// `document_date`, in text order.
pub fn tag(text: &str, document_date: NaiveDate) -> Vec<Timex> {
    let tokens = scan::tokenize(text);
    let mentions = grammar::Grammar::new(&tokens).mentions();
    let mut resolver = resolve::Resolver::new(&tokens, document_date);
    mentions
        .iter()
        .filter_map(|mention| resolver.resolve(mention))
        .collect()
}

/// The character (Unicode scalar) offsets of byte ranges into `text`, as the
/// `--timexes` output gives them; `ranges` must be in text order (as [`tag`] returns
/// them) and on char boundaries. One pass over the text.
pub fn char_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut bytes_seen = 0;
    let mut chars_seen = 0;
    let mut to_chars = |byte: usize| {
        let byte = byte.min(text.len());
        if byte >= bytes_seen {
            chars_seen += text.get(bytes_seen..byte).map_or(0, |s| s.chars().count());
        } else {
            chars_seen = text.get(..byte).map_or(0, |s| s.chars().count());
        }
        bytes_seen = byte;
        chars_seen
    };
    for range in ranges {
        let start = to_chars(range.start);
        let end = to_chars(range.end);
        out.push(start..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
    }

    #[test]
    fn char_ranges_count_scalars_not_bytes() {
        let text = "“Café” 🎉 said Friday.";
        let found = tag(text, date(2022, 1, 1));
        let ranges: Vec<_> = found.iter().map(|t| t.range.clone()).collect();
        let chars = char_ranges(text, &ranges);
        let text_chars: Vec<char> = text.chars().collect();
        let first = chars.first().expect("Friday is found");
        let slice: String = text_chars[first.clone()].iter().collect();
        assert_eq!(slice, "Friday");
        assert_eq!(found[0].value, "2021-12-31");
    }
}
