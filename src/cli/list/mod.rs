//! `tline list`: the selected events, one a line, in one of the [`ListFormat`]s.
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

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::inputs::{expand_directories, refuse_duplicates};
use super::{FilterArgs, Limits, NotesArgs, exit_without_freeing, stdout};
use crate::cli::extract::load_with_articles;
use crate::load::Progress;
use crate::model::{Event, Timeline};
use crate::query::Index;

/// The arguments of `tline list`.
#[derive(Debug, Clone, clap::Args)]
pub struct ListArgs {
    /// Timeline files to read (a directory: the timeline files in it).
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Which events to list.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Where the annotations are kept.
    #[command(flatten)]
    pub notes: NotesArgs,
}

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
    /// TimelineJS3 JSON, for a published web timeline.
    Timelinejs,
    /// A Markdown chronology with footnoted quotes, for an editor.
    Chronology,
    /// An iCalendar file of the events known to the day.
    Ics,
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

/// Prints the events of the files that the filter selects, in the chosen format.
pub fn run(args: &ListArgs, limits: Limits) -> Result<ExitCode> {
    print(&args.files, &args.filter, &args.notes, limits, args.format)
}

/// Prints the events of `files` that `filter` selects, in `format`, on stdout, with the
/// annotations of the notes file `notes` names.
pub fn print(
    files: &[PathBuf],
    filter: &FilterArgs,
    notes: &NotesArgs,
    limits: Limits,
    format: ListFormat,
) -> Result<ExitCode> {
    let files = expand_directories(files)?;
    refuse_duplicates(&files)?;
    let (mut timeline, _) = load_with_articles(&files, limits.max_file_size, &Progress::default())?;
    notes.attach(&files, &mut timeline)?;
    let filter = filter.resolve(&timeline)?;
    let selection = Index::for_filter(&timeline, &filter).select(&timeline, &filter);
    if selection.is_empty() {
        // Not eprintln!: it panics when stderr is a terminal that has gone away.
        let _ = writeln!(io::stderr(), "tline: no events match");
    }
    let mut out = stdout();
    let left_out = write(
        &mut out,
        &timeline,
        &selection,
        format,
        Layout::for_stdout(),
    )?;
    out.flush()?;
    if let Some(left_out) = left_out {
        let _ = writeln!(io::stderr(), "tline: {left_out}");
    }
    exit_without_freeing(timeline);
    Ok(ExitCode::SUCCESS)
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

impl Layout {
    /// A terminal's layout when stdout is one (its width, or 80 columns if it will not
    /// say), else plain.
    pub fn for_stdout() -> Layout {
        if !io::stdout().is_terminal() {
            return Layout::Plain;
        }
        match ratatui::crossterm::terminal::size() {
            Ok((cols, _)) if cols > 0 => Layout::Terminal(usize::from(cols)),
            _ => Layout::Terminal(80),
        }
    }
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
