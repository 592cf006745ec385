//! The command-line views: `check`, `list` and `source` output for people and scripts.

use std::io::{self, Write};

use anyhow::{Result, bail};
use serde::{Serialize, Serializer};
use unicode_width::UnicodeWidthStr;

use crate::date::EdtfDate;
use crate::model::{Event, Timeline};
use crate::query::Filter;
use crate::text::{escape_invisible, sanitize};

/// The output formats of `tline list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    #[default]
    Table,
    /// An array of event objects.
    Json,
    /// RFC 4180 comma-separated values with a header row.
    Csv,
    /// A GitHub-flavoured Markdown table.
    Markdown,
}

/// How `tline source` marks the quote in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// Bold reverse video, for a terminal.
    Styled,
    /// `»quote«`, for pipes and NO_COLOR.
    Plain,
}

/// Filter criteria as a person types them on the command line, before they are resolved
/// against a timeline.
#[derive(Debug, Clone, Default)]
pub struct FilterWords {
    /// Actor ids, names or aliases.
    pub actors: Vec<String>,
    /// Whether events must involve all the actors rather than any.
    pub all_actors: bool,
    /// Event kinds.
    pub kinds: Vec<String>,
    /// Statuses: occurred, planned, expected, reported.
    pub statuses: Vec<String>,
    /// EDTF date: keep events that end on or after its earliest day.
    pub from: Option<String>,
    /// EDTF date: keep events that start on or before its latest day.
    pub to: Option<String>,
    /// Text to find in titles, summaries and quotes.
    pub search: Option<String>,
}

impl FilterWords {
    /// Resolves the words against `timeline`: unknown actors and bad dates are errors.
    pub fn resolve(&self, timeline: &Timeline) -> Result<Filter> {
        let mut filter = Filter {
            all_actors: self.all_actors,
            kinds: self.kinds.clone(),
            text: self.search.clone().unwrap_or_default(),
            ..Filter::default()
        };
        for name in &self.actors {
            match timeline.resolve_actor(name) {
                Ok(id) => filter.actors.push(id),
                Err(e) => bail!("{e}"),
            }
        }
        for word in &self.statuses {
            match word.to_lowercase().parse::<crate::model::Status>() {
                Ok(status) => filter.statuses.push(status),
                Err(_) => bail!(
                    "unknown status {word:?} (expected occurred, planned, expected or reported)"
                ),
            }
        }
        let parse = |flag: &str, text: &str| {
            EdtfDate::parse(text).map_err(|e| anyhow::anyhow!("--{flag}: {e}"))
        };
        if let Some(from) = &self.from {
            filter.from = parse("from", from)?.earliest();
        }
        if let Some(to) = &self.to {
            filter.to = parse("to", to)?.latest();
        }
        Ok(filter)
    }
}

/// The one-line summary `tline check` prints for a valid timeline.
pub fn check_summary(timeline: &Timeline, files: &[String]) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}: ok, {}, {}, {}",
        sanitize(&files.join(", ")),
        count(timeline.documents.len(), "document"),
        count(timeline.actors.len(), "actor"),
        count(timeline.events.len(), "event")
    )
}

/// A writer that passes JSON through with C1 controls and invisible characters turned
/// into `\uXXXX` escapes (see [`escape_invisible`]). serde_json writes every string
/// fragment whole, so each write holds whole characters.
struct EscapeInvisible<W>(W);

impl<W: Write> Write for EscapeInvisible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Nearly every piece serde_json writes is ASCII: that is the cheaper check.
        let text = if buf.is_ascii() {
            None
        } else {
            std::str::from_utf8(buf).ok()
        };
        match text {
            Some(text) => self.0.write_all(escape_invisible(text).as_bytes())?,
            None => self.0.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: &'a str,
    date: String,
    date_text: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
    title: &'a str,
    kind: &'a str,
    status: &'a str,
    actors: Vec<JsonActor<'a>>,
    summary: Option<&'a str>,
    sources: Vec<JsonSource<'a>>,
}

#[derive(Serialize)]
struct JsonActor<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    doc: &'a str,
    paragraph: usize,
    quote: &'a str,
}

fn json_event<'a>(timeline: &'a Timeline, event: &'a Event) -> JsonEvent<'a> {
    JsonEvent {
        id: &event.id,
        date: event.date.to_string(),
        date_text: event.date_text.as_deref(),
        start: event.date.earliest().map(|d| d.to_string()),
        end: event.date.latest().map(|d| d.to_string()),
        title: &event.title,
        kind: timeline.kind(event.kind),
        status: event.status.as_str(),
        actors: event
            .actors
            .iter()
            .map(|&a| {
                let actor = timeline.actor(a);
                JsonActor {
                    id: &actor.id,
                    name: &actor.name,
                }
            })
            .collect(),
        summary: event.summary.as_deref(),
        sources: event
            .sources
            .iter()
            .map(|s| JsonSource {
                doc: &timeline.document(s.doc).id,
                paragraph: s.paragraph,
                quote: &s.quote,
            })
            .collect(),
    }
}

fn actor_names(timeline: &Timeline, event: &Event) -> String {
    let names: Vec<&str> = event
        .actors
        .iter()
        .map(|&a| timeline.actor(a).name.as_str())
        .collect();
    names.join(", ")
}

/// Writes the events at `selection` (positions in the timeline) in `format`.
pub fn write_list(
    out: &mut dyn Write,
    timeline: &Timeline,
    selection: &[usize],
    format: ListFormat,
) -> io::Result<()> {
    let events = selection.iter().map(|&i| &timeline.events[i]);
    match format {
        ListFormat::Json => {
            let formatter = serde_json::ser::PrettyFormatter::new();
            let mut json =
                serde_json::Serializer::with_formatter(EscapeInvisible(&mut *out), formatter);
            json.collect_seq(events.map(|e| json_event(timeline, e)))?;
            writeln!(out)
        }
        ListFormat::Csv => {
            writeln!(out, "id,date,start,end,title,kind,status,actors")?;
            for e in events {
                let cells = [
                    e.id.to_string(),
                    e.date.to_string(),
                    e.date.earliest().map(|d| d.to_string()).unwrap_or_default(),
                    e.date.latest().map(|d| d.to_string()).unwrap_or_default(),
                    e.title.to_string(),
                    timeline.kind(e.kind).to_string(),
                    e.status.to_string(),
                    actor_names(timeline, e),
                ];
                let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
                writeln!(out, "{}", cells.join(","))?;
            }
            Ok(())
        }
        ListFormat::Markdown => {
            writeln!(out, "| Date | Title | Kind | Status | Actors |")?;
            writeln!(out, "|---|---|---|---|---|")?;
            for e in events {
                let cells = [
                    e.date.human(),
                    e.title.to_string(),
                    timeline.kind(e.kind).to_string(),
                    e.status.to_string(),
                    actor_names(timeline, e),
                ];
                let cells: Vec<String> = cells
                    .iter()
                    .map(|c| sanitize(c).replace('\\', "\\\\").replace('|', "\\|"))
                    .collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
            Ok(())
        }
        ListFormat::Table => {
            let rows: Vec<[String; 3]> = events
                .map(|e| {
                    [
                        e.date.human(),
                        sanitize(&e.title).into_owned(),
                        sanitize(&actor_names(timeline, e)).into_owned(),
                    ]
                })
                .collect();
            let width = |col: usize| rows.iter().map(|r| r[col].width()).max().unwrap_or(0);
            let (date_w, title_w) = (width(0), width(1));
            for [date, title, actors] in &rows {
                let line = format!(
                    "{date}{}  {title}{}  {actors}",
                    " ".repeat(date_w - date.width()),
                    " ".repeat(title_w - title.width())
                );
                writeln!(out, "{}", line.trim_end())?;
            }
            Ok(())
        }
    }
}

/// A CSV field; control characters are made visible like everywhere else, since CSV is
/// often read on a terminal.
fn csv_cell(text: &str) -> String {
    let text = sanitize(text);
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Writes each source paragraph of the event at `index`, headed by document title and
/// paragraph number, with the quote marked.
pub fn write_source(
    out: &mut dyn Write,
    timeline: &Timeline,
    index: usize,
    mark: QuoteMark,
) -> io::Result<()> {
    let event = &timeline.events[index];
    writeln!(out, "{}  {}", event.date.human(), sanitize(&event.title))?;
    for source in &event.sources {
        let doc = timeline.document(source.doc);
        let publisher = doc
            .publisher
            .as_deref()
            .map(|p| format!(", {}", sanitize(p)))
            .unwrap_or_default();
        writeln!(out)?;
        writeln!(
            out,
            "{}{publisher}, {}, paragraph {}",
            sanitize(&doc.title),
            doc.published,
            source.paragraph
        )?;
        let paragraph = timeline.paragraph(source);
        let (open, close) = match mark {
            QuoteMark::Styled => ("\x1b[1;7m", "\x1b[0m"),
            QuoteMark::Plain => ("»", "«"),
        };
        let marked = match timeline.quote_range(source) {
            Some(r) => format!(
                "{}{open}{}{close}{}",
                sanitize(&paragraph[..r.start]),
                sanitize(&paragraph[r.clone()]),
                sanitize(&paragraph[r.end..])
            ),
            None => sanitize(paragraph).into_owned(),
        };
        writeln!(out, "{marked}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_only_when_needed() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
