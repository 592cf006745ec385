//! `tline check`: validate timeline files and report every problem with its place.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::extract::load_with_articles;
use super::inputs::refuse_duplicates;
use super::{Limits, NotesArgs, exit_without_freeing, stdout};
use crate::load::Progress;
use crate::load::notes::read_notes;
use crate::model::{Annotations, Timeline};
use crate::text::sanitize;

/// The arguments of `tline check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Timeline files to check.
    pub files: Vec<PathBuf>,
    /// The notes file checked with them.
    #[command(flatten)]
    pub notes: NotesArgs,
}

/// Checks the files and their notes file: the summary on stdout and success, or every
/// error on stderr, then their count, and failure. Notes on ids no event has are
/// warned of (they are kept, never dropped).
pub fn run(args: &CheckArgs, limits: Limits) -> Result<ExitCode> {
    refuse_duplicates(&args.files)?;
    match load_with_articles(&args.files, limits.max_file_size, &Progress::default()) {
        Ok((timeline, names)) => {
            warn_of_name_clashes(&timeline);
            if let Some(path) = args.notes.path(&args.files) {
                match read_notes(&path) {
                    Ok(notes) => warn_of_orphans(&timeline, &notes, &path.display().to_string()),
                    Err(e) => {
                        let n = e.diagnostics.len();
                        let plural = if n == 1 { "" } else { "s" };
                        let _ = writeln!(io::stderr(), "{e}\n{n} error{plural}");
                        return Ok(ExitCode::FAILURE);
                    }
                }
            }
            let mut out = stdout();
            writeln!(out, "{}", summary(&timeline, &names))?;
            out.flush()?;
            exit_without_freeing(timeline);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let n = e.diagnostics.len();
            let plural = if n == 1 { "" } else { "s" };
            let _ = writeln!(io::stderr(), "{e}\n{n} error{plural}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// At most this many name clashes are warned of one by one.
const MAX_CLASH_WARNINGS: usize = 20;

/// Warns on stderr of each word that names several actors: `--actor` with it picks one
/// by rank or refuses it, which the author of the file may not have meant.
fn warn_of_name_clashes(timeline: &Timeline) {
    let clashes = timeline.name_clashes();
    let mut err = io::stderr().lock();
    for clash in clashes.iter().take(MAX_CLASH_WARNINGS) {
        let _ = writeln!(err, "warning: {}", sanitize(&clash.to_string()));
    }
    if let Some(more) = clashes
        .len()
        .checked_sub(MAX_CLASH_WARNINGS)
        .filter(|&n| n > 0)
    {
        let _ = writeln!(err, "warning: {more} more words name several actors");
    }
}

/// At most this many orphan ids are named in the warning.
const MAX_ORPHANS_NAMED: usize = 20;

/// Warns on stderr of the annotated ids of the notes file `name` that no event of
/// `timeline` has: an event renamed or removed. They are kept in the file.
fn warn_of_orphans(timeline: &Timeline, notes: &Annotations, name: &str) {
    let ids: HashSet<&str> = timeline.events.iter().map(|e| &*e.id).collect();
    let orphans = notes.orphans(|id| ids.contains(id));
    if orphans.is_empty() {
        return;
    }
    let mut named = orphans
        .iter()
        .take(MAX_ORPHANS_NAMED)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if orphans.len() > MAX_ORPHANS_NAMED {
        named.push_str(&format!(" and {} more", orphans.len() - MAX_ORPHANS_NAMED));
    }
    let n = orphans.len();
    let _ = writeln!(
        io::stderr(),
        "warning: {}: notes on {n} id{} no event has (kept): {}",
        sanitize(name),
        if n == 1 { "" } else { "s" },
        sanitize(&named)
    );
}

/// The one-line summary `tline check` prints for a valid timeline read from `files`.
pub fn summary(timeline: &Timeline, files: &[String]) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}: ok, {}, {}, {}",
        sanitize(&files.join(", ")),
        count(timeline.documents.len(), "document"),
        count(timeline.actors.len(), "actor"),
        count(timeline.events.len(), "event")
    )
}
