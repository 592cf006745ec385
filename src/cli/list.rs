//! `tline list`: the selected events, one a line, in one of the [`ListFormat`]s.
//!
//! The formats themselves are in [`crate::export`], shared with the TUI's `w`.

pub use crate::export::{Layout, LeftOut, ListFormat};

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::inputs::{expand_directories, refuse_duplicates};
use super::{FilterArgs, Limits, NotesArgs, exit_without_freeing, stdout};
use crate::cli::extract::load_with_articles;
use crate::load::Progress;
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
    let left_out = crate::export::write(
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
