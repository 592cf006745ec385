//! tline's own CSV columns, both ways: the rows `list --format csv` writes (one event a
//! row) and `csv-full` adds (one actor or document a row), and reading them back.
//!
//! An event row: `id,date,start,end,title,kind,status,actors,date_text,summary,actor_ids,
//! sources,doc_count,outlet_count`. `start` and `end` (the date's earliest and latest
//! day), `actors` (the actors' names) and the counts of documents and outlets citing the
//! event are for people and are not read back: the date, `actor_ids` and `sources` say
//! the same. The `sources` cell holds one source a line, `DOC ¶N: QUOTE`, the quote's `\`
//! written `\\` and its line breaks `\n`. When the notes file annotates any event, the
//! columns `starred,review,tags,notes` follow: they are for people too, and not read back
//! (annotations live in the notes file). The full form adds the columns
//! `record,name,aliases,publisher,published,url,paragraphs`: `record` is `event`, `actor`,
//! `document` or `title`; an actor row uses `id`, `name`, `kind` and `aliases` (one a
//! line), a document row `id`, `title`, `publisher`, `published`, `url` and `paragraphs`
//! (one a line, escaped as quotes are), the timeline's title row (where it has one, as a
//! sheet does) `title`. Text is made safe for a terminal as everywhere else.

use std::io::{self, Write};

use super::Cells;
use crate::load::schema::{RawActor, RawDocument, RawEvent, RawSource};
use crate::model::{Annotation, Event, Timeline};
use crate::query::SourceCount;
use crate::text::sanitize;

/// The columns of an event row, as `list --format csv` writes them.
pub const EVENT_COLUMNS: [&str; 12] = [
    "id",
    "date",
    "start",
    "end",
    "title",
    "kind",
    "status",
    "actors",
    "date_text",
    "summary",
    "actor_ids",
    "sources",
];

/// The columns after [`EVENT_COLUMNS`] that say how many documents and outlets cite the
/// event: written for people, not read back.
pub const COUNT_COLUMNS: [&str; 2] = ["doc_count", "outlet_count"];

/// The columns written when the notes file annotates any event: `starred` (`true` or
/// empty), `review`, `tags` (space-separated) and `notes` (one a line, `DATE AUTHOR:
/// TEXT`, the text escaped as a quote is). Not read back.
pub const ANNOTATION_COLUMNS: [&str; 4] = ["starred", "review", "tags", "notes"];

/// The columns `csv-full` adds for the actors and documents.
pub const DEFINITION_COLUMNS: [&str; 7] = [
    "record",
    "name",
    "aliases",
    "publisher",
    "published",
    "url",
    "paragraphs",
];

/// Whether a header of `names` is tline's own: it names an id, a date and a title.
pub fn is_own_header(names: &[String]) -> bool {
    ["id", "date", "title"]
        .iter()
        .all(|c| names.iter().any(|n| n == c))
}

/// Writes a header row, one row per event, and with `definitions` (the `csv-full` form)
/// a row for every actor and document of `timeline` and for its title, so that the file
/// loads alone.
pub fn write_rows<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: impl Iterator<Item = &'a Event>,
    definitions: bool,
) -> io::Result<()> {
    let mut header: Vec<&str> = EVENT_COLUMNS.to_vec();
    header.extend(COUNT_COLUMNS);
    let annotated = !timeline.annotations.is_empty();
    if annotated {
        header.extend(ANNOTATION_COLUMNS);
    }
    if definitions {
        header.extend(DEFINITION_COLUMNS);
    }
    writeln!(out, "{}", header.join(","))?;
    // A definition row holds only its own cells, each in its column.
    let row = |cells: &[(&str, String)]| -> String {
        let mut row = vec![String::new(); header.len()];
        for (name, value) in cells {
            if let Some(i) = header.iter().position(|h| h == name) {
                row[i].clone_from(value);
            }
        }
        row.join(",")
    };
    for e in events {
        let mut cells = event_cells(timeline, e);
        let count = SourceCount::of(timeline, e);
        cells.push(count.documents.to_string());
        cells.push(count.outlets.to_string());
        if annotated {
            cells.extend(annotation_cells(timeline, e));
        }
        if definitions {
            cells.push("event".to_string());
            cells.resize(header.len(), String::new());
        }
        writeln!(out, "{}", cells.join(","))?;
    }
    if !definitions {
        return Ok(());
    }
    for a in &timeline.actors {
        let cells = [
            ("id", cell(&a.id)),
            ("kind", cell(a.kind.as_str())),
            ("record", "actor".to_string()),
            ("name", cell(&a.name)),
            ("aliases", lines_cell(&a.aliases.join("\n"))),
        ];
        writeln!(out, "{}", row(&cells))?;
    }
    if let Some(title) = &timeline.title {
        let cells = [("title", cell(title)), ("record", "title".to_string())];
        writeln!(out, "{}", row(&cells))?;
    }
    for d in &timeline.documents {
        let paragraphs: Vec<String> = d.paragraphs.iter().map(|p| escaped_line(p)).collect();
        let cells = [
            ("id", cell(&d.id)),
            ("title", cell(&d.title)),
            ("record", "document".to_string()),
            (
                "publisher",
                cell(d.publisher.as_deref().unwrap_or_default()),
            ),
            ("published", d.published.to_string()),
            ("url", cell(d.url.as_deref().unwrap_or_default())),
            ("paragraphs", lines_cell(&paragraphs.join("\n"))),
        ];
        writeln!(out, "{}", row(&cells))?;
    }
    Ok(())
}

/// The annotation cells of `e`, in [`ANNOTATION_COLUMNS`] order: empty ones (review
/// `unreviewed`) when it has none.
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
                escaped_line(&n.text)
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

/// The cells of an event's row, in [`EVENT_COLUMNS`] order, each quoted as needed.
fn event_cells(timeline: &Timeline, e: &Event) -> Vec<String> {
    let names: Vec<&str> = e
        .actors
        .iter()
        .map(|&a| timeline.actor(a).name.as_str())
        .collect();
    let one_line = [
        e.id.to_string(),
        e.date.to_string(),
        e.date.earliest().map(|d| d.to_string()).unwrap_or_default(),
        e.date.latest().map(|d| d.to_string()).unwrap_or_default(),
        e.title.to_string(),
        timeline.kind(e.kind).to_string(),
        e.status.to_string(),
        names.join(", "),
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
    let sources: Vec<String> = e
        .sources
        .iter()
        .map(|s| {
            let doc = &timeline.document(s.doc).id;
            format!("{doc} ¶{}: {}", s.paragraph, escaped_line(&s.quote))
        })
        .collect();
    cells.push(lines_cell(&sources.join("\n")));
    cells
}

/// A text kept to one line of a cell: backslashes doubled and line breaks `\n`.
fn escaped_line(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// A text written by [`escaped_line`], read back; an unknown escape is kept as written.
fn unescaped_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
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

/// What one row of tline's own CSV holds.
pub enum OwnRow {
    /// An event.
    Event(RawEvent),
    /// An actor.
    Actor(RawActor),
    /// A document.
    Document(RawDocument),
    /// The timeline's title.
    Title(String),
}

/// The field of an item that a column holds, for locating problems: `(list, field,
/// column)`.
pub const FIELD_COLUMNS: &[(&str, &str, &str)] = &[
    ("events", "id", "id"),
    ("events", "date", "date"),
    ("events", "date_text", "date_text"),
    ("events", "title", "title"),
    ("events", "kind", "kind"),
    ("events", "status", "status"),
    ("events", "actors", "actor_ids"),
    ("events", "summary", "summary"),
    ("events", "sources", "sources"),
    ("actors", "id", "id"),
    ("actors", "name", "name"),
    ("actors", "kind", "kind"),
    ("actors", "aliases", "aliases"),
    ("documents", "id", "id"),
    ("documents", "title", "title"),
    ("documents", "publisher", "publisher"),
    ("documents", "published", "published"),
    ("documents", "url", "url"),
    ("documents", "paragraphs", "paragraphs"),
];

/// Reads one row; a problem is reported as `(column, message)`.
pub fn read_row(row: &Cells) -> Result<OwnRow, (&'static str, String)> {
    match row.get("record").trim() {
        "" | "event" => read_event(row).map(OwnRow::Event),
        "actor" => Ok(OwnRow::Actor(RawActor {
            id: row.get("id").to_string(),
            name: row.get("name").to_string(),
            kind: row.get("kind").to_string(),
            aliases: row.get("aliases").lines().map(str::to_string).collect(),
            shape: Vec::new(),
        })),
        "document" => Ok(OwnRow::Document(RawDocument {
            id: row.get("id").to_string(),
            title: row.get("title").to_string(),
            publisher: optional(row.get("publisher")),
            published: row.get("published").to_string(),
            url: optional(row.get("url")),
            paragraphs: row.get("paragraphs").lines().map(unescaped_line).collect(),
            shape: Vec::new(),
        })),
        "title" => Ok(OwnRow::Title(row.get("title").to_string())),
        other => Err((
            "record",
            format!("unknown record {other:?} (expected event, actor, document or title)"),
        )),
    }
}

/// An event row.
fn read_event(row: &Cells) -> Result<RawEvent, (&'static str, String)> {
    let mut sources = Vec::new();
    for (n, line) in row.get("sources").lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let source = read_source(line).ok_or_else(|| {
            (
                "sources",
                format!("source {} is not `DOC ¶N: QUOTE` (found {line:?})", n + 1),
            )
        })?;
        sources.push(source);
    }
    Ok(RawEvent {
        id: row.get("id").to_string(),
        date: row.get("date").to_string(),
        date_text: optional(row.get("date_text")),
        title: row.get("title").to_string(),
        kind: optional(row.get("kind")),
        status: optional(row.get("status")),
        actors: row
            .get("actor_ids")
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        summary: optional(&row.get("summary").replace("\r\n", "\n")),
        sources,
        from_sheet: true,
        shape: Vec::new(),
    })
}

/// One line of a `sources` cell, `DOC ¶N: QUOTE`.
fn read_source(line: &str) -> Option<RawSource> {
    let (place, quote) = line.split_once(": ")?;
    let (doc, paragraph) = place.split_once(" ¶")?;
    Some(RawSource {
        doc: doc.trim().to_string(),
        paragraph: paragraph.trim().parse().ok()?,
        quote: unescaped_line(quote),
    })
}

/// An optional text: `None` when the cell is empty.
fn optional(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
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
        assert_eq!(escaped_line("a\nb \\n c"), "a\\nb \\\\n c");
    }

    #[test]
    fn an_escaped_line_reads_back_whole() {
        for text in ["a\nb \\n c", "ends with \\", "\\\\n", "plain"] {
            assert_eq!(unescaped_line(&escaped_line(text)), text);
        }
    }

    #[test]
    fn a_source_line_reads_back_its_document_paragraph_and_quote() {
        let source = read_source("doc-1 ¶12: said: \\\"yes\\\\no\\n\"").expect("a source");
        assert_eq!(source.doc, "doc-1");
        assert_eq!(source.paragraph, 12);
        assert_eq!(source.quote, "said: \\\"yes\\no\n\"");
        assert!(read_source("doc 12: quote").is_none());
    }
}
