//! `tline [FILE]...` with no subcommand: the TUI on a terminal, the `list` table on a pipe.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::extract::load_with_articles;
use super::inputs::{expand_directories, refuse_duplicates, refuse_mistyped_subcommand};
use super::list::{self, ListFormat};
use super::note::default_author;
use super::{FilterArgs, Limits, NotesArgs};
use crate::load::{Stage, default_input};
use crate::tui::app::App;
use crate::tui::watch::Files;

/// Opens `files` in the TUI, filtered by `filter`, or lists them when stdout is not a
/// terminal. `subcommands` are tline's, for the hint when a file is a mistyped one. The
/// TUI reloads the files when they change on disk unless `watch` is false.
pub fn run(
    files: Vec<PathBuf>,
    filter: FilterArgs,
    notes: NotesArgs,
    limits: Limits,
    watch: bool,
    subcommands: &[&str],
) -> Result<ExitCode> {
    refuse_mistyped_subcommand(&files, subcommands)?;
    let files = expand_directories(&files)?;
    refuse_duplicates(&files)?;
    if !io::stdout().is_terminal() {
        return list::print(&files, &filter, &notes, limits, ListFormat::Table);
    }
    let title = if files.is_empty() {
        "the timeline".to_string()
    } else {
        let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        names.join(", ")
    };
    let followed = Files {
        paths: if files.is_empty() {
            default_input().into_iter().collect()
        } else {
            files.clone()
        },
        max_file_size: limits.max_file_size,
        watch,
        load: load_with_articles,
        notes: notes.path(&files),
    };
    let copied = crate::tui::run_loading(title, followed, move |progress, size| {
        let (mut timeline, names) = load_with_articles(&files, limits.max_file_size, progress)?;
        notes.attach(&files, &mut timeline)?;
        let filter = filter.resolve(&timeline)?;
        progress.set_stage(Stage::Indexing);
        let mut app = App::new(timeline, names.join(", "), filter, size);
        app.session.files = names;
        app.session.author = default_author();
        Ok(app)
    })?;
    // Many terminals ignore OSC 52: what was copied is printed, the terminal restored.
    if !copied.is_empty() {
        let mut out = io::stdout().lock();
        let noun = if copied.len() == 1 {
            "citation"
        } else {
            "citations"
        };
        writeln!(out, "tline: {noun} copied:")?;
        for citation in &copied {
            writeln!(out, "{citation}")?;
        }
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
