//! Writing selected events in the formats people hand a timeline on in: a table, JSON,
//! CSV, Markdown, TimelineJS, a chronology, iCalendar. Shared by `tline list` and the
//! TUI's `w`, neither of which knows a format's details.
//!
//! Each format is a module with one `write` function; [`ListFormat`] names them, and
//! [`write()`] is the only place that chooses between them. The formats that keep
//! provenance (timelinejs, chronology, ics) share `cite`: each source with its
//! document, and dates in words. The annotations travel in the timeline
//! ([`Timeline::annotations`]); json, csv and chronology show them.

mod chronology;
mod cite;
mod csv;
mod ics;
mod json;
mod markdown;
mod table;
mod timelinejs;

pub use table::Layout;

use std::io::{self, Write};

use crate::model::{Event, Timeline};

/// The output formats of `tline list` and of the TUI's `w`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    #[default]
    Table,
    /// An array of event objects.
    Json,
    /// RFC 4180 comma-separated values with a header row.
    Csv,
    /// The CSV columns, then rows for every actor and document, so that the file loads
    /// back alone as the same timeline.
    CsvFull,
    /// A GitHub-flavoured Markdown table.
    Markdown,
    /// TimelineJS3 JSON, for a published web timeline.
    Timelinejs,
    /// A Markdown chronology with footnoted quotes, for an editor.
    Chronology,
    /// An iCalendar file of the events known to the day.
    Ics,
}

impl ListFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [ListFormat; 8] = [
        ListFormat::Table,
        ListFormat::Json,
        ListFormat::Csv,
        ListFormat::CsvFull,
        ListFormat::Markdown,
        ListFormat::Timelinejs,
        ListFormat::Chronology,
        ListFormat::Ics,
    ];

    /// The name `--format` takes (`csv-full`).
    pub fn name(self) -> &'static str {
        match self {
            ListFormat::Table => "table",
            ListFormat::Json => "json",
            ListFormat::Csv => "csv",
            ListFormat::CsvFull => "csv-full",
            ListFormat::Markdown => "markdown",
            ListFormat::Timelinejs => "timelinejs",
            ListFormat::Chronology => "chronology",
            ListFormat::Ics => "ics",
        }
    }

    /// The format `--format` calls `name`, if any.
    pub fn named(name: &str) -> Option<ListFormat> {
        ListFormat::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Events a format could not write, for a message on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    /// How many were left out.
    pub events: usize,
    /// Why, completing "left out N events …".
    pub reason: &'static str,
}

impl std::fmt::Display for LeftOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let noun = if self.events == 1 { "event" } else { "events" };
        write!(f, "left out {} {noun} {}", self.events, self.reason)
    }
}

/// Writes the events at `selection` (positions in the timeline) in `format`, a table
/// laid out for `layout`; says which events the format left out, if any.
pub fn write(
    out: &mut dyn Write,
    timeline: &Timeline,
    selection: &[usize],
    format: ListFormat,
    layout: Layout,
) -> io::Result<Option<LeftOut>> {
    let events = selection.iter().map(|&i| &timeline.events[i]);
    match format {
        ListFormat::Table => table::write(out, timeline, events, layout)?,
        ListFormat::Json => json::write(out, timeline, events)?,
        ListFormat::Csv => csv::write(out, timeline, events)?,
        ListFormat::CsvFull => csv::write_full(out, timeline, events)?,
        ListFormat::Markdown => markdown::write(out, timeline, events)?,
        ListFormat::Timelinejs => timelinejs::write(out, timeline, events)?,
        ListFormat::Chronology => chronology::write(out, timeline, events)?,
        ListFormat::Ics => {
            let events = ics::write(out, timeline, events)?;
            return Ok((events > 0).then_some(LeftOut {
                events,
                reason: "not known to the day",
            }));
        }
    }
    Ok(None)
}

/// The names of the event's actors, comma-separated, as the text formats show them.
fn actor_names(timeline: &Timeline, event: &Event) -> String {
    let names: Vec<&str> = event
        .actors
        .iter()
        .map(|&a| timeline.actor(a).name.as_str())
        .collect();
    names.join(", ")
}
