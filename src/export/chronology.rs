//! `tline list --format chronology`: a Markdown chronology for an editor.
//!
//! Events come in timeline order under date headings at the precision the date has (a
//! day, a month, an interval as such, `By …` for an open start); consecutive events
//! of the same date share a heading. Each event gives its title, status, kind, actors
//! and id, its summary, then its verbatim quotes, each footnoted with where it is from:
//! `[^1]: CBS News, "Biden warns…", 1 Jan 2022, ¶1, <URL>`. Quotes citing the same
//! paragraph of the same document share a footnote.
//!
//! An event the notes file annotates has a line of its star, review status and tags,
//! then each note with its author and day, after its facts.
//!
//! Text from files is Markdown-escaped and kept on one line, so no title, quote or
//! citation can open a heading, a link or a footnote, or end the one it is in.

use std::collections::HashMap;
use std::io::{self, Write};

use super::actor_names;
use super::cite::{Citation, capitalized, citations, date_words};
use crate::model::{Annotation, Event, Timeline};
use crate::text::sanitize;

/// Writes the chronology: a heading, the events under their dates, then the footnotes.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &'a Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    writeln!(out, "# Chronology")?;
    let mut footnotes = Footnotes::default();
    let mut heading = None;
    let mut count = 0;
    for event in events {
        count += 1;
        let date = capitalized(&date_words(&event.date));
        if heading.as_ref() != Some(&date) {
            writeln!(out, "\n## {}", markdown(&date))?;
            heading = Some(date);
        }
        write_event(out, timeline, event, &mut footnotes)?;
    }
    if count == 0 {
        writeln!(out, "\nNo events.")?;
    }
    if !footnotes.lines.is_empty() {
        writeln!(out)?;
        for line in &footnotes.lines {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// One event: its heading, a line of facts, the summary and the footnoted quotes.
fn write_event<'a>(
    out: &mut dyn Write,
    timeline: &'a Timeline,
    event: &'a Event,
    footnotes: &mut Footnotes<'a>,
) -> io::Result<()> {
    writeln!(out, "\n### {}\n", markdown(&event.title))?;
    let mut facts = vec![format!("**{}**", capitalized(event.status.as_str()))];
    facts.extend(timeline.given_kind(event.kind).map(markdown));
    let actors = actor_names(timeline, event);
    if !actors.is_empty() {
        facts.push(markdown(&actors));
    }
    if let Some(words) = &event.date_text {
        facts.push(format!("dated from “{}”", markdown(words)));
    }
    facts.push(format!("id `{}`", event.id));
    writeln!(out, "{}", facts.join(" · "))?;
    if let Some(annotation) = timeline.annotations.get(&event.id) {
        write_annotation(out, annotation)?;
    }
    if let Some(summary) = &event.summary {
        writeln!(out, "\n{}", markdown(summary))?;
    }
    for citation in citations(timeline, event) {
        let number = footnotes.number(&citation);
        writeln!(out, "\n> “{}”[^{number}]", markdown(citation.quote))?;
    }
    Ok(())
}

/// The analyst's word on an event: star, review status and tags on a line, then each
/// note, escaped like all text so that none can open a heading or a footnote.
fn write_annotation(out: &mut dyn Write, annotation: &Annotation) -> io::Result<()> {
    let mut marks = Vec::new();
    if annotation.star {
        marks.push("★ Starred".to_string());
    }
    marks.push(format!("Review: **{}**", annotation.review));
    if !annotation.tags.is_empty() {
        let tags: Vec<String> = annotation.tags.iter().map(|t| markdown(t)).collect();
        marks.push(format!("Tags: {}", tags.join(", ")));
    }
    writeln!(out, "\n{}", marks.join(" · "))?;
    for note in &annotation.notes {
        writeln!(
            out,
            "\n*Note ({}, {}):* {}",
            markdown(&note.author),
            note.date.format("%-d %b %Y"),
            markdown(&note.text)
        )?;
    }
    Ok(())
}

/// The footnotes so far, one per cited paragraph, numbered from 1 in order of use.
#[derive(Default)]
struct Footnotes<'a> {
    numbers: HashMap<(&'a str, usize), usize>,
    lines: Vec<String>,
}

impl<'a> Footnotes<'a> {
    /// The number of the footnote for `citation`'s paragraph, written the first time.
    fn number(&mut self, citation: &Citation<'a>) -> usize {
        let key = (citation.doc_id, citation.paragraph);
        if let Some(&n) = self.numbers.get(&key) {
            return n;
        }
        let n = self.lines.len() + 1;
        self.numbers.insert(key, n);
        self.lines
            .push(format!("[^{n}]: {}", footnote_text(citation)));
        n
    }
}

/// What a footnote says: publisher, title, day, paragraph and URL, each escaped.
fn footnote_text(citation: &Citation) -> String {
    let mut parts = Vec::with_capacity(5);
    parts.extend(citation.publisher.map(markdown));
    parts.push(format!("\"{}\"", markdown(citation.title)));
    parts.push(citation.published_short());
    parts.push(format!("¶{}", citation.paragraph));
    parts.extend(citation.url.map(|url| {
        if is_web_link(url) {
            autolink(url)
        } else {
            markdown(url)
        }
    }));
    parts.join(", ")
}

/// Whether `url` is a web address, the only kind made a link (a `javascript:` one, for
/// one, is shown as text).
fn is_web_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A URL as a Markdown autolink `<…>`, with what would end or break it
/// percent-encoded.
fn autolink(url: &str) -> String {
    let mut out = String::from("<");
    for c in sanitize(url).chars() {
        match c {
            '<' | '>' | ' ' | '\\' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// `text` made safe as inline Markdown on one line: control and invisible characters
/// visible and line breaks spaces (see [`sanitize`]), every punctuation mark Markdown
/// acts on backslash-escaped, and a line that would start a list or a heading
/// defused.
fn markdown(text: &str) -> String {
    let text = sanitize(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.trim().chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A leading `-`, `+`, `=` or `1.` would make a list item or a heading underline
    // when the text opens a line (a summary does).
    let opens_block = out.starts_with(['-', '+', '='])
        || out
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['.', ')'])
            && out.starts_with(|c: char| c.is_ascii_digit());
    if opens_block {
        let digits = out.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_is_escaped_and_lines_are_joined() {
        assert_eq!(markdown("plain words"), "plain words");
        assert_eq!(markdown("a [link](x) *b*"), "a \\[link\\](x) \\*b\\*");
        assert_eq!(
            markdown("ends ] here\n[^2]: forged"),
            "ends \\] here \\[^2\\]: forged"
        );
        assert_eq!(markdown("# not a heading"), "\\# not a heading");
        assert_eq!(markdown("<script>"), "\\<script\\>");
    }

    #[test]
    fn a_text_that_would_open_a_list_does_not() {
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("+ item"), "\\+ item");
        assert_eq!(markdown("1. item"), "1\\. item");
        assert_eq!(markdown("2022) item"), "2022\\) item");
        assert_eq!(markdown("100,000 troops"), "100,000 troops");
        assert_eq!(markdown("a - b"), "a - b");
    }

    #[test]
    fn only_a_web_address_is_a_link() {
        assert!(is_web_link("HTTPS://e.com"));
        assert!(!is_web_link("javascript:alert(1)"));
    }

    #[test]
    fn a_url_cannot_end_its_autolink() {
        assert_eq!(autolink("https://e.com/a b>c"), "<https://e.com/a%20b%3Ec>");
    }
}
