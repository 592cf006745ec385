//! `tline list --format timelinejs`: the events as TimelineJS3's JSON data, the format
//! newsrooms feed their published timelines with
//! (<https://timeline.knightlab.com/docs/json-format.html>).
//!
//! - `title`: a title slide naming the documents the events are drawn from, headed by
//!   the timeline's own title where it has one (a sheet's title row).
//! - `events`: one slide per event. `start_date` and `end_date` are date objects of
//!   numbers carrying only what the EDTF date knows: a month is `{year, month}`, never
//!   the 1st. An open end has no `end_date`; an open start is placed at its known end
//!   (TimelineJS requires a `start_date`) and says `by …` in its `display_date`.
//! - `display_date`: the date in words, qualifiers spelled out (`about December 2021`).
//! - `text.headline` is the title; `text.text` the summary, status and actors, then each
//!   source's verbatim quote with its document, publisher, day, paragraph and link.
//! - `group` is the event's kind; `unique_id` the event id, made a fixed point of
//!   TimelineJS's `slugify` (letters a-z, digits and `-`, no `--`, not starting with a
//!   digit) and kept unique.
//!
//! Every string TimelineJS shows is HTML-escaped: it renders headline and text as HTML.

use std::collections::HashSet;
use std::io::{self, Write};

use chrono::Datelike;
use serde::Serialize;

use super::actor_names;
use super::cite::{Citation, citations, date_words};
use super::json::EscapeInvisible;
use crate::date::{DatePoint, EdtfDate, Precision};
use crate::model::{Event, Timeline};

/// Writes the timeline as one pretty-printed TimelineJS3 JSON object, then a newline.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &'a Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    let events: Vec<&Event> = events.collect();
    let mut ids = UniqueIds::default();
    let slides: Vec<Slide> = events
        .iter()
        .map(|e| Slide::new(timeline, e, ids.claim(&e.id)))
        .collect();
    let title = (!events.is_empty()).then(|| title_slide(timeline, &events, ids.claim("title")));
    let data = TimelineJs {
        title,
        events: slides,
    };
    let formatter = serde_json::ser::PrettyFormatter::new();
    let mut json = serde_json::Serializer::with_formatter(EscapeInvisible(&mut *out), formatter);
    data.serialize(&mut json)?;
    writeln!(out)
}

/// The whole TimelineJS3 data object.
#[derive(Serialize)]
struct TimelineJs {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<Slide>,
    events: Vec<Slide>,
}

/// A slide: an event, or the title (which has no date).
#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<DateObject>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<DateObject>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    unique_id: String,
}

/// A date object: the year, and the month and day only when the date gives them.
#[derive(Serialize)]
struct DateObject {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

/// A slide's headline and body, both HTML.
#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

impl Slide {
    /// The slide of `event`, with `unique_id` already made unique.
    fn new(timeline: &Timeline, event: &Event, unique_id: String) -> Slide {
        let (start, end) = match event.date {
            EdtfDate::Point(p) => (Some(p), None),
            EdtfDate::Interval { start: None, end } => (end, None),
            EdtfDate::Interval { start, end } => (start, end),
        };
        Slide {
            start_date: start.as_ref().map(DateObject::new),
            end_date: end.as_ref().map(DateObject::new),
            display_date: Some(html(&date_words(&event.date))),
            text: Text {
                headline: html(&event.title),
                text: event_body(timeline, event),
            },
            group: timeline.given_kind(event.kind).map(html),
            unique_id,
        }
    }
}

impl DateObject {
    /// The date object of `point`, as precise as the point.
    fn new(point: &DatePoint) -> DateObject {
        let d = point.first;
        DateObject {
            year: d.year(),
            month: (point.precision >= Precision::Month).then(|| d.month()),
            day: (point.precision == Precision::Day).then(|| d.day()),
        }
    }
}

/// The body of an event's slide: summary, status and actors, the source's words for
/// the date, then each quote and where it is from.
fn event_body(timeline: &Timeline, event: &Event) -> String {
    let mut body = String::new();
    if let Some(summary) = &event.summary {
        body.push_str(&format!("<p>{}</p>", html(summary)));
    }
    let actors = actor_names(timeline, event);
    let mut facts = format!("<p><em>{}</em>", html(event.status.as_str()));
    if !actors.is_empty() {
        facts.push_str(&format!(" · {}", html(&actors)));
    }
    if let Some(words) = &event.date_text {
        facts.push_str(&format!(" · dated from “{}”", html(words)));
    }
    body.push_str(&facts);
    body.push_str("</p>");
    for citation in citations(timeline, event) {
        body.push_str(&format!(
            "<blockquote>“{}”</blockquote><p>— {}</p>",
            html(citation.quote),
            html_citation(&citation)
        ));
    }
    body
}

/// A citation as HTML: publisher, the linked title, day and paragraph. Only an http(s)
/// URL becomes a link; any other is shown as text.
fn html_citation(citation: &Citation) -> String {
    let mut parts = Vec::with_capacity(4);
    parts.extend(citation.publisher.map(html));
    let title = format!("“{}”", html(citation.title));
    parts.push(match citation.url {
        Some(url) if is_web_link(url) => format!("<a href=\"{}\">{title}</a>", html(url)),
        Some(url) => format!("{title} ({})", html(url)),
        None => title,
    });
    parts.push(citation.published.format("%-d %B %Y").to_string());
    parts.push(format!("¶{}", citation.paragraph));
    parts.join(", ")
}

/// The title slide: the documents the events are drawn from, each once, in the order
/// the events first cite them.
fn title_slide(timeline: &Timeline, events: &[&Event], unique_id: String) -> Slide {
    let mut seen = HashSet::new();
    let documents: Vec<Citation> = events
        .iter()
        .flat_map(|e| citations(timeline, e))
        .filter(|c| seen.insert(c.doc_id))
        .collect();
    let headline = match (&timeline.title, documents.as_slice()) {
        (Some(title), _) => html(title),
        (None, [only]) => html(only.title),
        _ => format!("{} events from {} documents", events.len(), documents.len()),
    };
    let items: String = documents
        .iter()
        .map(|c| {
            let mut parts = Vec::with_capacity(3);
            parts.extend(c.publisher.map(html));
            let title = format!("“{}”", html(c.title));
            parts.push(match c.url {
                Some(url) if is_web_link(url) => format!("<a href=\"{}\">{title}</a>", html(url)),
                _ => title,
            });
            parts.push(c.published.format("%-d %B %Y").to_string());
            format!("<li>{}</li>", parts.join(", "))
        })
        .collect();
    let noun = if events.len() == 1 { "event" } else { "events" };
    Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text {
            headline,
            text: format!(
                "<p>{} {noun}, each with its verbatim sources, from:</p><ul>{items}</ul>",
                events.len()
            ),
        },
        group: None,
        unique_id,
    }
}

/// Whether `url` is a web address, the only kind made a link.
fn is_web_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `text` with the characters HTML gives a meaning escaped, so that it shows as written.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The `unique_id`s given so far, so that each slide gets one of its own.
#[derive(Default)]
struct UniqueIds {
    used: HashSet<String>,
}

impl UniqueIds {
    /// A unique id for `id`: [`slug`] of it, then `-2`, `-3`… until unused.
    fn claim(&mut self, id: &str) -> String {
        let base = slug(id);
        let mut candidate = base.clone();
        let mut n = 1;
        while self.used.contains(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

/// `id` in the characters TimelineJS's `slugify` keeps unchanged: a-z, 0-9 and single
/// `-`; anything else becomes `-`, and an id that starts with a digit (which `slugify`
/// would prefix) starts with `event-`.
fn slug(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 6);
    for c in id.chars() {
        let c = match c {
            'a'..='z' | '0'..='9' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "event-");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_special_characters_are_escaped() {
        assert_eq!(
            html(r#"<b>Tom & "Jerry"</b>'s"#),
            "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;&#39;s"
        );
    }

    #[test]
    fn unique_ids_are_slugs_timelinejs_keeps_and_never_repeat() {
        assert_eq!(slug("biden-putin-call"), "biden-putin-call");
        assert_eq!(slug("talks_2022.01"), "talks-2022-01");
        assert_eq!(slug("a--b"), "a-b");
        assert_eq!(slug("2022-call"), "event-2022-call");
        let mut ids = UniqueIds::default();
        assert_eq!(ids.claim("a.b"), "a-b");
        assert_eq!(ids.claim("a_b"), "a-b-2");
        assert_eq!(ids.claim("a-b"), "a-b-3");
        assert_eq!(ids.claim("title"), "title");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_link("https://example.com/a"));
        assert!(is_web_link("HTTP://example.com"));
        assert!(!is_web_link("javascript:alert(1)"));
    }
}
