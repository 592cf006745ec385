//! `tline check`: validate timeline files and report every problem with its place.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::extract::load_with_articles;
use super::inputs::refuse_duplicates;
use super::{Limits, exit_without_freeing, stdout};
use crate::load::Progress;
use crate::model::Timeline;
use crate::text::sanitize;

/// The arguments of `tline check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Timeline files to check.
    pub files: Vec<PathBuf>,
}

/// Checks the files: the summary on stdout and success, or every error on stderr, then
/// their count, and failure.
pub fn run(args: &CheckArgs, limits: Limits) -> Result<ExitCode> {
    refuse_duplicates(&args.files)?;
    match load_with_articles(&args.files, limits.max_file_size, &Progress::default()) {
        Ok((timeline, names)) => {
            warn_of_name_clashes(&timeline);
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

/// The one-line summary `tline check` prints for a valid timeline read from `files`,
/// with how many events a sheet gave without a source, if any.
pub fn summary(timeline: &Timeline, files: &[String]) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let mut summary = format!(
        "{}: ok, {}, {}, {}",
        sanitize(&files.join(", ")),
        count(timeline.documents.len(), "document"),
        count(timeline.actors.len(), "actor"),
        count(timeline.events.len(), "event")
    );
    let sourceless = timeline
        .events
        .iter()
        .filter(|e| e.imported_without_source)
        .count();
    if sourceless > 0 {
        let (noun, verb) = if sourceless == 1 {
            ("event", "was")
        } else {
            ("events", "were")
        };
        summary.push_str(&format!(
            "; {sourceless} {noun} {verb} imported from a sheet without a source (needs-source)"
        ));
    }
    summary
}
