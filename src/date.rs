//! Dates as analysts write them: the subset of EDTF (ISO 8601-2) that tline reads.
//!
//! A date is a calendar point (`2021-12-30`, `2021-12`, `2022`) that may be marked
//! approximate (`~`), uncertain (`?`) or both (`%`), or an interval of two points
//! (`2022-01-01/2022-01-08`) whose ends may be open (`../2022-01-01`, `2021-12-20/..`).
//! Every date covers a span of days from its earliest to its latest day.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// How much of a calendar point is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A whole year, such as `2022`.
    Year,
    /// A month, such as `2021-12`.
    Month,
    /// A single day, such as `2021-12-30`.
    Day,
}

/// One calendar point at day, month or year precision, with its EDTF qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DatePoint {
    /// The first day the point can mean.
    pub first: NaiveDate,
    /// How much of the date is given.
    pub precision: Precision,
    /// Marked `~` (or `%`): the date is roughly right.
    pub approximate: bool,
    /// Marked `?` (or `%`): the source is not sure of the date.
    pub uncertain: bool,
}

impl DatePoint {
    /// The last day the point can mean (`2021-12` → 2021-12-31).
    pub fn last(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.first,
            Precision::Month => last_day_of_month(self.first.year(), self.first.month()),
            Precision::Year => last_day_of_month(self.first.year(), 12),
        }
    }

    fn parse(text: &str) -> Result<Self, String> {
        let (body, approximate, uncertain) = match text.as_bytes().last() {
            Some(b'~') => (&text[..text.len() - 1], true, false),
            Some(b'?') => (&text[..text.len() - 1], false, true),
            Some(b'%') => (&text[..text.len() - 1], true, true),
            _ => (text, false, false),
        };
        let parts: Vec<&str> = body.split('-').collect();
        let number = |part: &str, digits: usize, what: &str| -> Result<u32, String> {
            if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("expected a {digits}-digit {what}, found {part:?}"));
            }
            part.parse::<u32>().map_err(|e| e.to_string())
        };
        let year = number(parts[0], 4, "year")? as i32;
        let (month, day, precision) = match parts.len() {
            1 => (1, 1, Precision::Year),
            2 => (number(parts[1], 2, "month")?, 1, Precision::Month),
            3 => (
                number(parts[1], 2, "month")?,
                number(parts[2], 2, "day")?,
                Precision::Day,
            ),
            _ => return Err("expected YYYY, YYYY-MM or YYYY-MM-DD".to_string()),
        };
        if !(1..=12).contains(&month) {
            return Err(format!("there is no month {month}"));
        }
        let first = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
            let name = NaiveDate::from_ymd_opt(year, month, 1)
                .map(|d| d.format("%B %Y").to_string())
                .unwrap_or_else(|| format!("{year}-{month:02}"));
            format!("{name} has no day {day}")
        })?;
        Ok(DatePoint {
            first,
            precision,
            approximate,
            uncertain,
        })
    }
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.first;
        match self.precision {
            Precision::Year => write!(f, "{:04}", d.year())?,
            Precision::Month => write!(f, "{:04}-{:02}", d.year(), d.month())?,
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())?,
        }
        match (self.approximate, self.uncertain) {
            (true, true) => f.write_str("%"),
            (true, false) => f.write_str("~"),
            (false, true) => f.write_str("?"),
            (false, false) => Ok(()),
        }
    }
}

/// Parses a single day (`2022-01-01`, no qualifier), as a document's `published` is
/// written: the rules of an event's date, at day precision.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    match EdtfDate::parse(text)? {
        EdtfDate::Point(point)
            if point.precision == Precision::Day && !point.approximate && !point.uncertain =>
        {
            Ok(point.first)
        }
        _ => Err(format!(
            "{:?} is not a single day (YYYY-MM-DD)",
            text.trim()
        )),
    }
}

/// A date of an event: one point, or an interval whose ends may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdtfDate {
    /// A single day, month or year.
    Point(DatePoint),
    /// From `start` to `end`; `None` is an open end (`..`).
    Interval {
        /// The first point, or `None` when open.
        start: Option<DatePoint>,
        /// The last point, or `None` when open.
        end: Option<DatePoint>,
    },
}

impl EdtfDate {
    /// Parses the EDTF subset described in the module documentation.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let fail = |why: String| format!("invalid date {text:?}: {why}");
        if text.is_empty() {
            return Err(fail("empty".to_string()));
        }
        let Some((left, right)) = text.split_once('/') else {
            return DatePoint::parse(text).map(EdtfDate::Point).map_err(fail);
        };
        let end_point = |part: &str| -> Result<Option<DatePoint>, String> {
            match part {
                ".." => Ok(None),
                "" => Err("an interval end is empty (write \"..\" for an open end)".to_string()),
                _ => DatePoint::parse(part).map(Some),
            }
        };
        let start = end_point(left).map_err(fail)?;
        let end = end_point(right).map_err(fail)?;
        match (start, end) {
            (None, None) => Err(fail("both ends are open".to_string())),
            (Some(s), Some(e)) if s.first > e.last() => Err(fail(format!(
                "the interval starts after it ends ({s} > {e})"
            ))),
            _ => Ok(EdtfDate::Interval { start, end }),
        }
    }

    /// The earliest day the date can mean, or `None` for an open start.
    pub fn earliest(&self) -> Option<NaiveDate> {
        match self {
            EdtfDate::Point(p) => Some(p.first),
            EdtfDate::Interval { start, .. } => start.map(|p| p.first),
        }
    }

    /// The latest day the date can mean, or `None` for an open end.
    pub fn latest(&self) -> Option<NaiveDate> {
        match self {
            EdtfDate::Point(p) => Some(p.last()),
            EdtfDate::Interval { end, .. } => end.map(|p| p.last()),
        }
    }

    /// The key the timeline sorts by: the day the date is placed at, then its latest day
    /// (an open end last), then whether its start is open. A date is placed at its
    /// earliest day; an open start (`../2022-01-12`) at its end, the last day it is known
    /// to hold, after the dates that start that day and before the longer ones, since
    /// placing it before every known day would put it above events weeks earlier.
    pub fn sort_key(&self) -> (NaiveDate, NaiveDate, bool) {
        let (start, end) = self.span();
        let open_start = self.earliest().is_none();
        (if open_start { end } else { start }, end, open_start)
    }

    /// The first and last day the date can mean, open ends as the first and last day
    /// there is.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        (
            self.earliest().unwrap_or(NaiveDate::MIN),
            self.latest().unwrap_or(NaiveDate::MAX),
        )
    }

    /// Whether the date's span shares a day with `from..=to` (`None` ends are unbounded).
    pub fn overlaps(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        let (start, end) = self.span();
        from.is_none_or(|from| end >= from) && to.is_none_or(|to| start <= to)
    }

    /// The first and last day the date can mean, as day numbers: what filtering and
    /// laying out rows compare, without the calendar.
    pub fn day_span(&self) -> DaySpan {
        DaySpan {
            first: self.earliest().map_or(i32::MIN, |d| d.num_days_from_ce()),
            last: self.latest().map_or(i32::MAX, |d| d.num_days_from_ce()),
        }
    }

    /// Whether any point of the date is marked approximate or uncertain.
    pub fn is_qualified(&self) -> bool {
        self.points().any(|p| p.approximate || p.uncertain)
    }

    fn points(&self) -> impl Iterator<Item = DatePoint> {
        let (a, b) = match *self {
            EdtfDate::Point(p) => (Some(p), None),
            EdtfDate::Interval { start, end } => (start, end),
        };
        a.into_iter().chain(b)
    }

    /// A label for people: "Thu 30 Dec 2021", "Dec 2021", "~ Dec 2021", "1–8 Jan 2022",
    /// "… → 1 Jan 2022".
    pub fn human(&self) -> String {
        match *self {
            EdtfDate::Point(p) => human_point(&p, true),
            EdtfDate::Interval {
                start: Some(s),
                end: Some(e),
            } if s.precision == Precision::Day && e.precision == Precision::Day => {
                human_day_range(&s, &e)
            }
            EdtfDate::Interval { start, end } => {
                let side =
                    |p: Option<DatePoint>| p.map_or("…".to_string(), |p| human_point(&p, false));
                format!("{} → {}", side(start), side(end))
            }
        }
    }
}

impl fmt::Display for EdtfDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = |p: Option<DatePoint>| p.map_or("..".to_string(), |p| p.to_string());
        match *self {
            EdtfDate::Point(p) => write!(f, "{p}"),
            EdtfDate::Interval { start, end } => write!(f, "{}/{}", side(start), side(end)),
        }
    }
}

fn qualifier(p: &DatePoint) -> &'static str {
    match (p.approximate, p.uncertain) {
        (true, true) => "~? ",
        (true, false) => "~ ",
        (false, true) => "? ",
        (false, false) => "",
    }
}

fn human_point(p: &DatePoint, weekday: bool) -> String {
    let body = match (p.precision, weekday) {
        (Precision::Day, true) => p.first.format("%a %-d %b %Y").to_string(),
        (Precision::Day, false) => p.first.format("%-d %b %Y").to_string(),
        (Precision::Month, _) => p.first.format("%b %Y").to_string(),
        (Precision::Year, _) => p.first.format("%Y").to_string(),
    };
    format!("{}{body}", qualifier(p))
}

fn human_day_range(s: &DatePoint, e: &DatePoint) -> String {
    let (a, b) = (s.first, e.first);
    let plain = !s.approximate && !s.uncertain && !e.approximate && !e.uncertain;
    if plain && a.year() == b.year() && a.month() == b.month() {
        format!("{}–{}", a.day(), b.format("%-d %b %Y"))
    } else if plain && a.year() == b.year() {
        format!("{}–{}", a.format("%-d %b"), b.format("%-d %b %Y"))
    } else {
        format!("{} → {}", human_point(s, false), human_point(e, false))
    }
}

/// The first and last day a date can mean, counted from 1 January of year 1 (see
/// [`EdtfDate::day_span`]); an open start is `i32::MIN`, an open end `i32::MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySpan {
    /// The earliest day, or `i32::MIN` for an open start.
    pub first: i32,
    /// The latest day, or `i32::MAX` for an open end.
    pub last: i32,
}

impl DaySpan {
    /// As [`EdtfDate::overlaps`]: whether the span overlaps `from`–`to`, either end open.
    pub fn overlaps(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        from.is_none_or(|from| self.last >= from.num_days_from_ce())
            && to.is_none_or(|to| self.first <= to.num_days_from_ce())
    }

    /// Days from the end of `self` to the start of `after`, unless an end between them
    /// is open.
    pub fn days_until(&self, after: &DaySpan) -> Option<i64> {
        (self.last != i32::MAX && after.first != i32::MIN)
            .then(|| i64::from(after.first) - i64::from(self.last))
    }
}

fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn span(text: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let d = EdtfDate::parse(text).unwrap();
        (d.earliest(), d.latest())
    }

    #[test]
    fn day_month_and_year_cover_their_days() {
        assert_eq!(
            span("2021-12-30"),
            (Some(day("2021-12-30")), Some(day("2021-12-30")))
        );
        assert_eq!(
            span("2021-12"),
            (Some(day("2021-12-01")), Some(day("2021-12-31")))
        );
        assert_eq!(
            span("2024-02"),
            (Some(day("2024-02-01")), Some(day("2024-02-29")))
        );
        assert_eq!(
            span("2022"),
            (Some(day("2022-01-01")), Some(day("2022-12-31")))
        );
    }

    #[test]
    fn qualifiers_are_read_and_written_back() {
        for text in ["2021-12~", "2021-12-30?", "2022%", "2021-12-27~/2022-01?"] {
            let date = EdtfDate::parse(text).unwrap();
            assert!(date.is_qualified(), "{text}");
            assert_eq!(date.to_string(), text);
        }
        assert!(!EdtfDate::parse("2021-12").unwrap().is_qualified());
    }

    #[test]
    fn intervals_and_open_ends() {
        assert_eq!(
            span("2022-01-01/2022-01-08"),
            (Some(day("2022-01-01")), Some(day("2022-01-08")))
        );
        assert_eq!(span("../2022-01-01"), (None, Some(day("2022-01-01"))));
        assert_eq!(span("2021-12-20/.."), (Some(day("2021-12-20")), None));
        assert_eq!(
            span("2021-12/2022"),
            (Some(day("2021-12-01")), Some(day("2022-12-31")))
        );
    }

    #[test]
    fn a_day_is_read_by_the_rules_of_event_dates() {
        assert_eq!(parse_day(" 2022-01-31 "), Ok(day("2022-01-31")));
        // Issue 18 item 17: chrono's own parser took each of these.
        for (text, why) in [
            ("2022-1-1", "expected a 2-digit month, found \"1\""),
            ("+12345-01-01", "expected a 4-digit year, found \"+12345\""),
            ("-0001-01-01", "expected a 4-digit year, found \"\""),
        ] {
            assert_eq!(
                parse_day(text),
                Err(format!("invalid date {text:?}: {why}"))
            );
        }
        for text in ["2022-01", "2022", "2022-01-01~", "2022-01-01/2022-01-02"] {
            assert_eq!(
                parse_day(text),
                Err(format!("{text:?} is not a single day (YYYY-MM-DD)"))
            );
        }
    }

    #[test]
    fn interval_ends_may_differ_in_precision_and_qualifiers() {
        assert_eq!(
            span("2021-12/2022-01-15"),
            (Some(day("2021-12-01")), Some(day("2022-01-15")))
        );
        assert_eq!(
            span("2021~/2022-03?"),
            (Some(day("2021-01-01")), Some(day("2022-03-31")))
        );
        assert_eq!(
            span("2021-12/2022"),
            (Some(day("2021-12-01")), Some(day("2022-12-31")))
        );
        assert_eq!(span("2021-12-20%/.."), (Some(day("2021-12-20")), None));
        assert!(EdtfDate::parse("../..").is_err());
    }

    #[test]
    fn invalid_dates_say_why() {
        let cases = [
            ("2021-02-30", "February 2021 has no day 30"),
            ("2021-13", "there is no month 13"),
            ("2021-00-10", "there is no month 0"),
            ("21-12-01", "expected a 4-digit year"),
            ("2021-1-01", "expected a 2-digit month"),
            ("2021-12-30-01", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
            ("", "empty"),
            ("Thursday", "expected a 4-digit year"),
            ("../..", "both ends are open"),
            ("2022-01-08/2022-01-01", "starts after it ends"),
            ("2022-01-08/", "interval end is empty"),
            ("2022~~", "expected a 4-digit year"),
        ];
        for (text, why) in cases {
            let err = EdtfDate::parse(text).unwrap_err();
            assert!(err.contains(why), "{text}: {err}");
            assert!(err.starts_with("invalid date"), "{text}: {err}");
        }
    }

    #[test]
    fn sorting_places_an_open_start_at_its_end_and_wider_spans_later() {
        // Was: every open start first, above events weeks before its end.
        let mut dates: Vec<EdtfDate> = [
            "2021-12-30",
            "../2021-12-30",
            "2021-12",
            "../2021-12-01",
            "2021-12-01",
            "2021-12-30/2022-01-01",
            "2021-11-02",
            "2021-12-30/..",
        ]
        .iter()
        .map(|t| EdtfDate::parse(t).unwrap())
        .collect();
        dates.sort_by_key(|d| d.sort_key());
        let order: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            order,
            [
                "2021-11-02",
                "2021-12-01",
                "../2021-12-01",
                "2021-12",
                "2021-12-30",
                "../2021-12-30",
                "2021-12-30/2022-01-01",
                "2021-12-30/..",
            ]
        );
    }

    #[test]
    fn overlap_with_open_ranges() {
        let dec = EdtfDate::parse("2021-12").unwrap();
        assert!(dec.overlaps(Some(day("2021-12-31")), None));
        assert!(dec.overlaps(None, Some(day("2021-12-01"))));
        assert!(!dec.overlaps(Some(day("2022-01-01")), None));
        assert!(
            EdtfDate::parse("../2020")
                .unwrap()
                .overlaps(None, Some(day("1900-01-01")))
        );
    }

    #[test]
    fn human_labels_follow_precision() {
        let cases = [
            ("2021-12-30", "Thu 30 Dec 2021"),
            ("2021-12", "Dec 2021"),
            ("2022", "2022"),
            ("2021-12~", "~ Dec 2021"),
            ("2022-01-01/2022-01-08", "1–8 Jan 2022"),
            ("2021-12-27/2022-01-02", "27 Dec 2021 → 2 Jan 2022"),
            ("2021-11-27/2021-12-02", "27 Nov–2 Dec 2021"),
            ("../2022-01-01", "… → 1 Jan 2022"),
            ("2021-12-20/..", "20 Dec 2021 → …"),
        ];
        for (text, label) in cases {
            assert_eq!(EdtfDate::parse(text).unwrap().human(), label, "{text}");
        }
    }
}
