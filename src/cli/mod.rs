//! The command line: the flags every command shares, one module per command, and how a
//! command's result becomes an exit status.
//!
//! The binary (`src/main.rs`) only parses arguments and calls a `run` here: [`check`],
//! [`list`], [`source`], or [`browse`] when no subcommand is given.

pub mod browse;
pub mod check;
pub mod list;
pub mod source;

use std::io::{self, BufWriter, StdoutLock, Write};
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use crate::date::EdtfDate;
use crate::model::{Status, Timeline};
use crate::query::Filter;

/// The filter flags of `list` and of the TUI, as a person types them, before they are
/// resolved against a timeline.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Keep events involving this actor (id, name or alias); repeat for several.
    #[arg(long = "actor", value_name = "NAME")]
    pub actors: Vec<String>,
    /// With several --actor: keep events involving all of them, not any.
    #[arg(long)]
    pub all_actors: bool,
    /// Keep events of this kind; repeat for several.
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<String>,
    /// Keep events with this status (occurred, planned, expected, reported).
    #[arg(long = "status", value_name = "STATUS")]
    pub statuses: Vec<String>,
    /// Keep events that end on or after this EDTF date.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Keep events that start on or before this EDTF date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Keep events whose title, summary or quotes contain this text.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

impl FilterArgs {
    /// Resolves the flags against `timeline`: unknown actors and statuses and bad dates
    /// are errors.
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
            match word.to_lowercase().parse::<Status>() {
                Ok(status) => filter.statuses.push(status),
                Err(_) => bail!("unknown status {word:?} (expected {})", status_words()),
            }
        }
        let parse =
            |flag: &str, text: &str| EdtfDate::parse(text).map_err(|e| anyhow!("--{flag}: {e}"));
        if let Some(from) = &self.from {
            filter.from = parse("from", from)?.earliest();
        }
        if let Some(to) = &self.to {
            filter.to = parse("to", to)?.latest();
        }
        Ok(filter)
    }
}

/// Every status word, for a message: "occurred, planned, expected or reported".
fn status_words() -> String {
    let words: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    match words.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The limits on input that every command accepts.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Limits {
    /// Refuse files larger than this many bytes [default: 256 MiB for YAML, 2 GiB for
    /// JSON and JSON Lines].
    #[arg(long, global = true, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
}

/// The exit status of a command that returned `result`, its error written to stderr.
pub fn exit_code(result: Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Not eprintln!: it panics when stderr is a terminal that has gone away.
            let _ = writeln!(io::stderr(), "tline: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// A reader that stopped reading (`tline list | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

/// Standard output, block-buffered: stdout on its own flushes at every line, a system
/// call per event.
fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Leaves a timeline to the operating system: the process is about to exit, and freeing a
/// million events one allocation at a time costs the best part of a second.
fn exit_without_freeing(timeline: Timeline) {
    std::mem::forget(timeline);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_name_every_status_in_order() {
        assert_eq!(status_words(), "occurred, planned, expected or reported");
    }
}
