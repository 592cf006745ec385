//! `tline [FILE]...` with no subcommand: the TUI on a terminal, the `list` table on a pipe.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use ratatui::layout::Size;

use super::extract::load_with_articles;
use super::inputs::{expand_directories, refuse_duplicates, refuse_mistyped_subcommand};
use super::list::{self, ListFormat};
use super::note::default_author;
use super::{FilterArgs, Limits, NotesArgs};
use crate::load::{Progress, Stage, default_input};
use crate::model::Timeline;
use crate::query::Filter;
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
    let preview = preview_of(&files, &filter, &notes, &title);
    let load = move |progress: &Progress, size| {
        let (mut timeline, names) = load_with_articles(&files, limits.max_file_size, progress)?;
        notes.attach(&files, &mut timeline)?;
        let filter = filter.resolve(&timeline)?;
        progress.set_stage(Stage::Indexing);
        let mut app = App::new(timeline, names.join(", "), filter, size);
        app.session.files = names;
        app.session.author = default_author();
        Ok(app)
    };
    let copied = crate::tui::run_loading(title, followed, load, preview)?;
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

/// How to show the first events of the load of `files` while the rest loads: with the
/// notes file's annotations, under `title`. Never when filters were asked for, whose
/// results on part of the timeline would not be true of the whole, nor for several
/// files, whose events merge in date order: the first file's first events need not be
/// the timeline's first.
fn preview_of(
    files: &[PathBuf],
    filter: &FilterArgs,
    notes: &NotesArgs,
    title: &str,
) -> impl FnMut(Timeline, Size) -> Option<App> + use<> {
    let (files, filter, notes, title) = (
        files.to_vec(),
        filter.clone(),
        notes.clone(),
        title.to_string(),
    );
    move |mut timeline, size| {
        if files.len() != 1 {
            return None;
        }
        notes.attach(&files, &mut timeline).ok()?;
        let filter = filter.resolve(&timeline).ok().filter(Filter::is_empty)?;
        let mut app = App::new(timeline, title.clone(), filter, size);
        app.session.files = files.iter().map(|f| f.display().to_string()).collect();
        Some(app)
    }
}
