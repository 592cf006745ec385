//! `tline list --format ics`: an iCalendar file (RFC 5545) of all-day events, for what
//! is known to the day.
//!
//! Only an event whose date is a day, or an interval from a day to a day, none of them
//! marked approximate or uncertain, becomes a `VEVENT` (`DTSTART;VALUE=DATE`, and
//! `DTEND;VALUE=DATE` the day after the last, as RFC 5545 makes it exclusive). A month,
//! a year, an open end or a qualified day would need a day the sources do not give, so
//! such events are left out and counted, never given a false day.
//!
//! The output is reproducible: `UID` is the event id `@tline.invalid` (a reserved
//! domain, so it claims nobody's), and `DTSTAMP` the latest publication day of the
//! documents the event cites, at midnight UTC, not the time of the run. Text values are
//! escaped (`\\`, `\;`, `\,`, `\n`), lines folded at 75 octets without splitting a
//! character, and every line ends in CRLF.

use std::io::{self, Write};

use chrono::{Days, NaiveDate};

use super::actor_names;
use super::cite::{citations, date_words};
use crate::date::{DatePoint, EdtfDate, Precision};
use crate::model::{Event, Status, Timeline};
use crate::text::sanitize;

/// The longest a content line may be, in octets, before it is folded.
const LINE_OCTETS: usize = 75;

/// The domain that makes an event id a `UID`.
const UID_DOMAIN: &str = "tline.invalid";

/// Writes the calendar; returns how many events were left out for not being known to
/// the day.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &'a Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<usize> {
    let mut left_out = 0;
    line(out, "BEGIN:VCALENDAR")?;
    line(out, "VERSION:2.0")?;
    line(out, "PRODID:-//tline//tline list --format ics//EN")?;
    line(out, "CALSCALE:GREGORIAN")?;
    for event in events {
        match days(&event.date) {
            Some((first, last)) => write_event(out, timeline, event, first, last)?,
            None => left_out += 1,
        }
    }
    line(out, "END:VCALENDAR")?;
    Ok(left_out)
}

/// The first and last day of a date known to the day, else `None`.
fn days(date: &EdtfDate) -> Option<(NaiveDate, NaiveDate)> {
    let to_the_day = |p: &DatePoint| {
        (p.precision == Precision::Day && !p.approximate && !p.uncertain).then_some(p.first)
    };
    match date {
        EdtfDate::Point(p) => to_the_day(p).map(|d| (d, d)),
        EdtfDate::Interval {
            start: Some(s),
            end: Some(e),
        } => Some((to_the_day(s)?, to_the_day(e)?)),
        EdtfDate::Interval { .. } => None,
    }
}

/// One `VEVENT`, from `first` to `last` inclusive.
fn write_event(
    out: &mut dyn Write,
    timeline: &Timeline,
    event: &Event,
    first: NaiveDate,
    last: NaiveDate,
) -> io::Result<()> {
    let cited: Vec<_> = citations(timeline, event).collect();
    let stamp = cited
        .iter()
        .map(|c| c.published)
        .max()
        .unwrap_or(first)
        .format("%Y%m%dT000000Z");
    // The day after NaiveDate::MAX cannot be; no timeline holds it, and the last day
    // then stands for itself.
    let end = last.checked_add_days(Days::new(1)).unwrap_or(last);
    line(out, "BEGIN:VEVENT")?;
    line(out, &format!("UID:{}@{UID_DOMAIN}", text(&event.id)))?;
    line(out, &format!("DTSTAMP:{stamp}"))?;
    line(
        out,
        &format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")),
    )?;
    line(out, &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")))?;
    line(out, &format!("SUMMARY:{}", text(&sanitize(&event.title))))?;
    line(
        out,
        &format!("DESCRIPTION:{}", text(&description(timeline, event))),
    )?;
    if let Some(kind) = timeline.given_kind(event.kind) {
        line(out, &format!("CATEGORIES:{}", text(&sanitize(kind))))?;
    }
    let status = match event.status {
        Status::Occurred => "CONFIRMED",
        Status::Planned | Status::Expected | Status::Reported => "TENTATIVE",
    };
    line(out, &format!("STATUS:{status}"))?;
    let url = cited.iter().filter_map(|c| c.url).find(|u| is_plain_uri(u));
    if let Some(url) = url {
        line(out, &format!("URL:{url}"))?;
    }
    line(out, "END:VEVENT")
}

/// The event told in plain lines: the summary (its own line breaks kept), status, date
/// and actors, then each quote and its citation, each kept to one line.
fn description(timeline: &Timeline, event: &Event) -> String {
    let mut lines = Vec::new();
    if let Some(summary) = &event.summary {
        lines.extend(summary.lines().map(|l| sanitize(l).into_owned()));
        lines.push(String::new());
    }
    let mut facts = format!("{} · {}", event.status.as_str(), date_words(&event.date));
    let actors = actor_names(timeline, event);
    if !actors.is_empty() {
        facts.push_str(&format!(" · {}", sanitize(&actors)));
    }
    lines.push(facts);
    for citation in citations(timeline, event) {
        lines.push(String::new());
        lines.push(format!("“{}”", sanitize(citation.quote)));
        lines.push(format!("— {}", sanitize(&citation.plain())));
    }
    lines.join("\n")
}

/// Whether `url` can be a `URL` value as it is: a web address with nothing to escape.
fn is_plain_uri(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.chars().all(|c| c.is_ascii_graphic())
}

/// `value` escaped as an iCalendar TEXT value: backslash, semicolon, comma and line
/// breaks (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded (RFC 5545 §3.1), each physical line ending in CRLF.
fn line(out: &mut dyn Write, content: &str) -> io::Result<()> {
    out.write_all(folded(content).as_bytes())
}

/// `content` folded so that no line is longer than [`LINE_OCTETS`] octets, CRLF not
/// counted: a fold is CRLF and a space, which counts on the line it starts, and falls
/// between characters, never inside one.
fn folded(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + content.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if used + len > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_what_ics_gives_a_meaning() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let content = format!("DESCRIPTION:{}", "é".repeat(100));
        let written = folded(&content);
        let lines: Vec<&str> = written.split_terminator("\r\n").collect();
        assert!(lines.len() > 1);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= LINE_OCTETS, "{l:?}");
            assert_eq!(i > 0, l.starts_with(' '), "{l:?}");
        }
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, content);
        assert_eq!(folded("SHORT:x"), "SHORT:x\r\n");
        assert_eq!(folded(&"a".repeat(75)).len(), 77);
    }

    #[test]
    fn only_dates_known_to_the_day_have_days() {
        let days_of = |t: &str| days(&EdtfDate::parse(t).unwrap());
        let day = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap();
        assert_eq!(
            days_of("2021-12-30"),
            Some((day("2021-12-30"), day("2021-12-30")))
        );
        assert_eq!(
            days_of("2022-01-01/2022-01-08"),
            Some((day("2022-01-01"), day("2022-01-08")))
        );
        for vague in [
            "2021-12",
            "2022",
            "2021-12-30~",
            "2021-12-30?",
            "../2022-01-01",
            "2021-12-20/..",
            "2021-12-30/2022-01",
        ] {
            assert_eq!(days_of(vague), None, "{vague}");
        }
    }
}
