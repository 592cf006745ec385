//! `tline list --format csv`: RFC 4180 comma-separated values with a header row.
//!
//! Columns: `id,date,start,end,title,kind,status,actors` (actor names, comma-separated),
//! then `date_text`, `summary`, `actor_ids` (space-separated), `sources`, and
//! `doc_count` and `outlet_count` (distinct documents and publishers citing it). The
//! `sources` cell holds one source a line, `DOC ¶N: QUOTE`, where the quote has `\` written
//! `\\` and a line break `\n`, so each source stays on its line and reads back whole.
//! A summary keeps its line breaks inside its quoted cell. Every other cell is one line.
//! When the notes file annotates any event, four more columns follow: `starred` (`true`
//! or empty), `review`, `tags` (space-separated) and `notes`, one note a line,
//! `DATE AUTHOR: TEXT`, the text escaped as a quote is.

use std::io::{self, Write};

use super::actor_names;
use super::cite::citations;
use crate::model::{Annotation, Event, Timeline};
use crate::query::SourceCount;
use crate::text::sanitize;

/// The header row.
const HEADER: &str = "id,date,start,end,title,kind,status,actors,date_text,summary,actor_ids,sources,doc_count,outlet_count";

/// Writes the header row, then one row per event.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    let annotated = !timeline.annotations.is_empty();
    if annotated {
        writeln!(out, "{HEADER},{ANNOTATION_HEADER}")?;
    } else {
        writeln!(out, "{HEADER}")?;
    }
    for e in events {
        let one_line = [
            e.id.to_string(),
            e.date.to_string(),
            e.date.earliest().map(|d| d.to_string()).unwrap_or_default(),
            e.date.latest().map(|d| d.to_string()).unwrap_or_default(),
            e.title.to_string(),
            timeline.kind(e.kind).to_string(),
            e.status.to_string(),
            actor_names(timeline, e),
            e.date_text.as_deref().unwrap_or_default().to_string(),
        ];
        let mut cells: Vec<String> = one_line.iter().map(|c| cell(c)).collect();
        cells.push(lines_cell(e.summary.as_deref().unwrap_or_default()));
        let actor_ids: Vec<&str> = e
            .actors
            .iter()
            .map(|&a| timeline.actor(a).id.as_str())
            .collect();
        cells.push(cell(&actor_ids.join(" ")));
        let sources: Vec<String> = citations(timeline, e)
            .map(|c| format!("{} ¶{}: {}", c.doc_id, c.paragraph, source_quote(c.quote)))
            .collect();
        cells.push(lines_cell(&sources.join("\n")));
        let count = SourceCount::of(timeline, e);
        cells.push(count.documents.to_string());
        cells.push(count.outlets.to_string());
        if annotated {
            cells.extend(annotation_cells(timeline, e));
        }
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// The annotation columns, after the others when the notes file annotates any event.
const ANNOTATION_HEADER: &str = "starred,review,tags,notes";

/// The annotation cells of `e`: empty ones (review `unreviewed`) when it has none.
fn annotation_cells(timeline: &Timeline, e: &Event) -> [String; 4] {
    let default = Annotation::default();
    let a = timeline.annotations.get(&e.id).unwrap_or(&default);
    let tags: Vec<&str> = a.tags.iter().map(String::as_str).collect();
    let notes: Vec<String> = a
        .notes
        .iter()
        .map(|n| {
            format!(
                "{} {}: {}",
                n.date.format("%Y-%m-%dT%H:%M:%SZ"),
                n.author,
                source_quote(&n.text)
            )
        })
        .collect();
    [
        cell(if a.star { "true" } else { "" }),
        cell(a.review.as_str()),
        cell(&tags.join(" ")),
        lines_cell(&notes.join("\n")),
    ]
}

/// A quote as the `sources` cell holds it: backslashes doubled and line breaks `\n`.
fn source_quote(quote: &str) -> String {
    quote
        .replace('\\', "\\\\")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// A one-line CSV field; control characters are made visible like everywhere else,
/// since CSV is often read on a terminal.
fn cell(text: &str) -> String {
    quoted(&sanitize(text))
}

/// A CSV field that keeps its line breaks, each line made safe as [`cell`] makes it.
fn lines_cell(text: &str) -> String {
    let lines: Vec<_> = text.lines().map(sanitize).collect();
    quoted(&lines.join("\n"))
}

/// `text` quoted when it holds a comma, a quote or a line break (RFC 4180).
fn quoted(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_only_when_needed() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn a_summary_keeps_its_lines_in_one_quoted_cell() {
        assert_eq!(lines_cell("one\ntwo"), "\"one\ntwo\"");
        assert_eq!(lines_cell("esc\u{1b}"), "esc^[");
        assert_eq!(cell("one\ntwo"), "one two");
    }

    #[test]
    fn a_quote_keeps_to_its_line_in_the_sources_cell() {
        assert_eq!(source_quote("a\nb \\n c"), "a\\nb \\\\n c");
    }
}
