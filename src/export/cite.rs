//! What the formats that keep provenance share: a source with its document resolved (a
//! [`Citation`]), and dates in words at the precision they are known ([`date_words`]).
//!
//! Each format escapes these pieces for its own syntax (HTML, Markdown, iCalendar); this
//! module only gathers and words them.

use chrono::{Datelike, NaiveDate};

use crate::date::{DatePoint, EdtfDate, Precision};
use crate::model::{Event, Timeline};

/// A source of an event with what its document says of itself: the quote, and where a
/// reader finds it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Citation<'a> {
    /// The document's id.
    pub doc_id: &'a str,
    /// The document's headline.
    pub title: &'a str,
    /// Who published it, if known.
    pub publisher: Option<&'a str>,
    /// The day it was published.
    pub published: NaiveDate,
    /// Where it can be read, if known.
    pub url: Option<&'a str>,
    /// The paragraph cited, from 1.
    pub paragraph: usize,
    /// The words of the paragraph, verbatim.
    pub quote: &'a str,
}

impl Citation<'_> {
    /// The publication day as a citation shows it: `1 Jan 2022`.
    pub fn published_short(&self) -> String {
        self.published.format("%-d %b %Y").to_string()
    }

    /// The citation in one plain line, without the quote: `CBS News, "Biden warns…",
    /// 1 Jan 2022, ¶1, URL` (the publisher and URL only when known).
    pub fn plain(&self) -> String {
        let mut parts = Vec::with_capacity(5);
        parts.extend(self.publisher.map(str::to_string));
        parts.push(format!("\"{}\"", self.title));
        parts.push(self.published_short());
        parts.push(format!("¶{}", self.paragraph));
        parts.extend(self.url.map(str::to_string));
        parts.join(", ")
    }
}

/// The event's sources, each with its document resolved, in the event's order.
pub fn citations<'a>(
    timeline: &'a Timeline,
    event: &'a Event,
) -> impl Iterator<Item = Citation<'a>> + 'a {
    event.sources.iter().map(move |source| {
        let doc = timeline.document(source.doc);
        Citation {
            doc_id: &doc.id,
            title: &doc.title,
            publisher: doc.publisher.as_deref(),
            published: doc.published,
            url: doc.url.as_deref(),
            paragraph: source.paragraph,
            quote: &source.quote,
        }
    })
}

/// A date in words, as precise as it is known and no more: `30 December 2021`,
/// `December 2021`, `about December 2021`, `30 December 2021 (uncertain)`,
/// `1–8 January 2022`, `30 December 2021 to 1 January 2022`, `by 1 January 2022`
/// (an open start), `from 20 December 2021 on` (an open end).
pub fn date_words(date: &EdtfDate) -> String {
    match *date {
        EdtfDate::Point(p) => point_words(&p),
        EdtfDate::Interval {
            start: Some(s),
            end: Some(e),
        } => {
            let plain_days = [s, e]
                .iter()
                .all(|p| p.precision == Precision::Day && !p.approximate && !p.uncertain);
            let same_month = (s.first.year(), s.first.month()) == (e.first.year(), e.first.month());
            if plain_days && same_month {
                format!("{}–{}", s.first.format("%-d"), e.first.format("%-d %B %Y"))
            } else {
                format!("{} to {}", point_words(&s), point_words(&e))
            }
        }
        EdtfDate::Interval {
            start: None,
            end: Some(e),
        } => format!("by {}", point_words(&e)),
        EdtfDate::Interval {
            start: Some(s),
            end: None,
        } => format!("from {} on", point_words(&s)),
        // Parsing refuses an interval open at both ends.
        EdtfDate::Interval {
            start: None,
            end: None,
        } => "an unknown date".to_string(),
    }
}

/// One calendar point in words, its qualifiers spelled out.
pub fn point_words(point: &DatePoint) -> String {
    let body = match point.precision {
        Precision::Day => point.first.format("%-d %B %Y"),
        Precision::Month => point.first.format("%B %Y"),
        Precision::Year => point.first.format("%Y"),
    }
    .to_string();
    let about = if point.approximate { "about " } else { "" };
    let unsure = if point.uncertain { " (uncertain)" } else { "" };
    format!("{about}{body}{unsure}")
}

/// `text` with its first letter upper case, for words that open a heading.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> String {
        date_words(&EdtfDate::parse(text).unwrap())
    }

    #[test]
    fn dates_in_words_keep_their_precision_and_qualifiers() {
        let cases = [
            ("2021-12-30", "30 December 2021"),
            ("2021-12", "December 2021"),
            ("2022", "2022"),
            ("2021-12~", "about December 2021"),
            ("2021-12-30?", "30 December 2021 (uncertain)"),
            ("2022%", "about 2022 (uncertain)"),
            ("2022-01-01/2022-01-08", "1–8 January 2022"),
            (
                "2021-12-30/2022-01-01",
                "30 December 2021 to 1 January 2022",
            ),
            ("2021-12/2022-01~", "December 2021 to about January 2022"),
            ("../2022-01-01", "by 1 January 2022"),
            ("2021-12-20/..", "from 20 December 2021 on"),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text}");
        }
    }

    #[test]
    fn a_heading_opens_with_a_capital() {
        assert_eq!(capitalized("about December 2021"), "About December 2021");
        assert_eq!(capitalized(""), "");
    }
}
