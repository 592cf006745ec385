//! Dating a clause's event: from its own temporal expression, else from the context the
//! article has set (the latest day it has told of, the plans it has just mentioned),
//! else an interval ending at the publication date. Each inferred date comes with the
//! sentence that explains it in the draft's summary.

use chrono::{Datelike, Duration, NaiveDate};

use crate::date::{DatePoint, EdtfDate, Precision};
use crate::extract::timex::Timex;

/// How a clause's verb places its event in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// `has built up`, `have agreed`: done by the time of writing.
    Perfect,
    /// `flew`, `had charted`.
    Past,
    /// `speaks`, `is`.
    Present,
    /// `will continue`, `could invade`, `planned for`.
    Future,
}

/// A date and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    /// The event's date.
    pub date: EdtfDate,
    /// The words of the article it was read from, if any.
    pub date_text: Option<String>,
    /// Why the draft gives this date, when the article does not say it outright.
    pub note: Option<String>,
}

/// A single day.
pub fn day(first: NaiveDate) -> DatePoint {
    DatePoint {
        first,
        precision: Precision::Day,
        approximate: false,
        uncertain: false,
    }
}

/// From `start` (open when `None`) to `end` (open when `None`; callers give at least
/// one end); a single point when both ends are the same.
pub fn interval(start: Option<DatePoint>, end: Option<DatePoint>) -> EdtfDate {
    match (start, end) {
        (Some(s), Some(e)) if s == e => EdtfDate::Point(s),
        (Some(s), Some(e)) if s.first > e.last() => EdtfDate::Point(e),
        _ => EdtfDate::Interval { start, end },
    }
}

/// The date a temporal expression gives an event, if it names a span of the calendar:
/// its EDTF, or for a bare reference to the recent past ("recent reports") the month
/// before publication, approximately; the future, from publication on.
pub fn timex_date(timex: &Timex, text: &str, published: NaiveDate) -> Option<EdtfDate> {
    if let Some(edtf) = &timex.edtf {
        return EdtfDate::parse(edtf).ok();
    }
    let words = text.get(timex.range.clone()).unwrap_or("").to_lowercase();
    match timex.value.as_str() {
        "PAST_REF" if words.contains("recent") => Some(recent(&words, published).date),
        "FUTURE_REF" => Some(interval(Some(day(published)), None)),
        "PRESENT_REF" => Some(EdtfDate::Point(day(published))),
        _ => None,
    }
}

/// The date "recent" or "recently" gives: the month or so before publication, marked
/// approximate.
pub fn recent(word: &str, published: NaiveDate) -> Dated {
    let start = DatePoint {
        approximate: true,
        ..day(published - Duration::days(30))
    };
    Dated {
        date: interval(Some(start), Some(day(published))),
        date_text: Some(word.to_string()),
        note: Some(format!(
            "“{word}” is read as the month or so before publication ({published})."
        )),
    }
}

/// The month (uncertain) in which an event just after `date` falls: what "ahead of the
/// talks" says of talks that follow a period.
pub fn month_after(date: &EdtfDate) -> Option<EdtfDate> {
    let last = date.latest()?;
    let first = NaiveDate::from_ymd_opt(last.year(), last.month(), 1)?;
    Some(EdtfDate::Point(DatePoint {
        first,
        precision: Precision::Month,
        approximate: false,
        uncertain: true,
    }))
}

/// The open interval ending where `date` starts: what "after the talks" says of talks
/// that came before.
pub fn until_start_of(date: &EdtfDate) -> Option<EdtfDate> {
    Some(interval(None, Some(day(date.earliest()?))))
}

/// The date of a statement the article does not date: after the latest day the article
/// has told of, by the publication date.
pub fn statement_date(anchor: Option<NaiveDate>, published: NaiveDate) -> Dated {
    match anchor.filter(|a| *a <= published) {
        Some(anchor) => Dated {
            date: interval(Some(day(anchor)), Some(day(published))),
            date_text: None,
            note: Some(format!(
                "The article does not date this statement: it comes after the latest event \
                 it reports ({anchor}) and by publication ({published})."
            )),
        },
        None => Dated {
            date: interval(None, Some(day(published))),
            date_text: None,
            note: Some(format!(
                "The article does not date this statement: by publication ({published})."
            )),
        },
    }
}

/// The date of an undated clause that is not a statement, from its tense and the
/// context: the plan just mentioned for a future clause, the day its paragraph has
/// told of, or the latest day of the article so far for a past or present one.
pub fn context_date(
    tense: Tense,
    paragraph_anchor: Option<NaiveDate>,
    article_anchor: Option<NaiveDate>,
    plan_anchor: Option<&EdtfDate>,
    published: NaiveDate,
) -> Dated {
    let inferred = |date: EdtfDate, note: String| Dated {
        date,
        date_text: None,
        note: Some(note),
    };
    match tense {
        Tense::Future => match plan_anchor {
            Some(plan) => inferred(
                *plan,
                format!(
                    "Undated in the article; dated like the plan mentioned just before ({plan})."
                ),
            ),
            None => inferred(
                interval(Some(day(published)), None),
                format!("Undated in the article; foreseen from publication ({published}) on."),
            ),
        },
        _ if paragraph_anchor.is_some() => {
            let anchor = paragraph_anchor.unwrap_or(published);
            inferred(
                EdtfDate::Point(day(anchor)),
                format!(
                    "Undated in the article; dated to the day its paragraph tells of ({anchor})."
                ),
            )
        }
        Tense::Perfect => inferred(
            interval(None, Some(day(published))),
            format!(
                "The article gives no date, only that it had happened by publication ({published})."
            ),
        ),
        Tense::Past | Tense::Present => match article_anchor {
            Some(anchor) => inferred(
                EdtfDate::Point(day(anchor)),
                format!(
                    "Undated in the article; dated to the latest day it has reported so far ({anchor})."
                ),
            ),
            None => inferred(
                interval(None, Some(day(published))),
                format!("The article gives no date; it happened by publication ({published})."),
            ),
        },
    }
}

/// The single day a date names, if it names one on or before `published`: the days an
/// undated past clause may be anchored on.
pub fn past_day(date: &EdtfDate, published: NaiveDate) -> Option<NaiveDate> {
    match date {
        EdtfDate::Point(p) if p.precision == Precision::Day && p.first <= published => {
            Some(p.first)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::timex::TimexType;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    fn timex(text: &str, value: &str, edtf: Option<&str>) -> (Timex, String) {
        let timex = Timex {
            range: 0..text.len(),
            kind: TimexType::Date,
            value: value.to_string(),
            edtf: edtf.map(str::to_string),
        };
        (timex, text.to_string())
    }

    #[test]
    fn a_timex_gives_its_edtf_and_recent_the_month_before_publication() {
        let published = ymd(2022, 1, 1);
        let (t, text) = timex("Thursday", "2021-12-30", Some("2021-12-30"));
        assert_eq!(
            timex_date(&t, &text, published)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2021-12-30")
        );
        let (t, text) = timex("recent", "PAST_REF", None);
        assert_eq!(
            timex_date(&t, &text, published)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2021-12-02~/2022-01-01")
        );
        let (t, text) = timex("three days", "P3D", None);
        assert_eq!(timex_date(&t, &text, published), None);
    }

    #[test]
    fn an_undated_statement_falls_between_the_latest_event_and_publication() {
        let dated = statement_date(Some(ymd(2021, 12, 30)), ymd(2022, 1, 1));
        assert_eq!(dated.date.to_string(), "2021-12-30/2022-01-01");
        assert!(dated.note.is_some());
        assert_eq!(
            statement_date(None, ymd(2022, 1, 1)).date.to_string(),
            "../2022-01-01"
        );
    }

    #[test]
    fn undated_clauses_are_dated_by_tense_and_context() {
        let published = ymd(2022, 1, 1);
        let call = Some(ymd(2021, 12, 30));
        let plan = EdtfDate::parse("2022-01").expect("valid");
        let date = |tense, paragraph, article, plan| {
            context_date(tense, paragraph, article, plan, published)
                .date
                .to_string()
        };
        assert_eq!(date(Tense::Perfect, None, call, None), "../2022-01-01");
        assert_eq!(date(Tense::Perfect, call, call, None), "2021-12-30");
        assert_eq!(date(Tense::Past, None, call, None), "2021-12-30");
        assert_eq!(date(Tense::Past, None, None, None), "../2022-01-01");
        assert_eq!(date(Tense::Future, None, None, Some(&plan)), "2022-01");
        assert_eq!(date(Tense::Future, None, None, None), "2022-01-01/..");
    }

    #[test]
    fn ahead_of_a_period_is_the_month_it_ends_in() {
        let week = EdtfDate::parse("2021-12-30/2022-01-06").expect("valid");
        assert_eq!(
            month_after(&week).map(|d| d.to_string()).as_deref(),
            Some("2022-01?")
        );
        assert_eq!(
            until_start_of(&week).map(|d| d.to_string()).as_deref(),
            Some("../2021-12-30")
        );
    }
}
