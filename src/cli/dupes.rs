//! `tline dupes`: the likely duplicate events across documents, in pairs with both
//! quotes, and the conflicting reports among them.
//!
//! A subcommand of its own rather than `check --duplicates`: `check` says whether files
//! are valid (exit 1 on any problem), while a duplicate is a judgement, with a score,
//! for the analyst to confirm. Like `check`'s warnings, pairs found leave the exit status
//! 0; only files that do not load make it 1.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::extract::load_with_articles;
use super::inputs::refuse_duplicates;
use super::{Limits, exit_without_freeing, stdout};
use crate::load::Progress;
use crate::model::Timeline;
use crate::query::dupes::{Conflict, Duplicate, find};
use crate::text::sanitize;

/// The arguments of `tline dupes`.
#[derive(Debug, Clone, clap::Args)]
pub struct DupesArgs {
    /// Timeline files (or articles) to read together.
    pub files: Vec<PathBuf>,
}

/// Prints every likely duplicate pair on stdout, then their count on stderr.
pub fn run(args: &DupesArgs, limits: Limits) -> Result<ExitCode> {
    refuse_duplicates(&args.files)?;
    let (timeline, _) =
        load_with_articles(&args.files, limits.max_file_size, &Progress::default())?;
    let pairs = find(&timeline);
    let mut out = stdout();
    write(&mut out, &timeline, &pairs)?;
    out.flush()?;
    let _ = writeln!(io::stderr(), "tline: {}", summary(&pairs));
    exit_without_freeing(timeline);
    Ok(ExitCode::SUCCESS)
}

/// `2 likely duplicate pairs, 1 conflicting`; `no likely duplicates`.
pub fn summary(pairs: &[Duplicate]) -> String {
    if pairs.is_empty() {
        return "no likely duplicates".to_string();
    }
    let conflicting = pairs.iter().filter(|p| !p.conflicts.is_empty()).count();
    let plural = if pairs.len() == 1 { "" } else { "s" };
    format!(
        "{} likely duplicate pair{plural}, {conflicting} conflicting",
        pairs.len()
    )
}

/// Writes each pair: a heading with the score, both events (date, id, status, title, and
/// each source's document, paragraph and quote), and what conflicts, then a blank line.
pub fn write(out: &mut dyn Write, timeline: &Timeline, pairs: &[Duplicate]) -> io::Result<()> {
    for pair in pairs {
        let s = &pair.similarity;
        let label = if pair.conflicts.is_empty() {
            "duplicate"
        } else {
            "conflict"
        };
        writeln!(
            out,
            "{label} (score {:.2}: words {:.2}, actors {:.2}, {})",
            s.score(),
            s.text,
            s.actors,
            match s.gap_days {
                0 => "dates overlap".to_string(),
                1 => "1 day apart".to_string(),
                n => format!("{n} days apart"),
            }
        )?;
        for event in [pair.first, pair.second] {
            write_event(out, timeline, event)?;
        }
        for conflict in &pair.conflicts {
            writeln!(out, "  ! {}", conflict_words(timeline, pair, *conflict))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// One event of a pair: `  2021-12-30  biden-putin-call  occurred  Biden and Putin speak`
/// then each source, `      cbs-2022-01-01 ¶1: “…”`.
fn write_event(out: &mut dyn Write, timeline: &Timeline, index: usize) -> io::Result<()> {
    let event = &timeline.events[index];
    writeln!(
        out,
        "  {}  {}  {}  {}",
        event.date,
        sanitize(&event.id),
        event.status,
        sanitize(&event.title)
    )?;
    for source in &event.sources {
        writeln!(
            out,
            "      {} ¶{}: “{}”",
            sanitize(&timeline.document(source.doc).id),
            source.paragraph,
            sanitize(&source.quote)
        )?;
    }
    Ok(())
}

/// What a conflict says: `the dates do not overlap (2021-12-30 vs 2021-12-31)`.
fn conflict_words(timeline: &Timeline, pair: &Duplicate, conflict: Conflict) -> String {
    let (a, b) = (&timeline.events[pair.first], &timeline.events[pair.second]);
    match conflict {
        Conflict::Dates => format!("the dates do not overlap ({} vs {})", a.date, b.date),
        Conflict::Statuses => format!("the statuses disagree ({} vs {})", a.status, b.status),
    }
}
