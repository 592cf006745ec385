//! The command line: the flags every command shares, one module per command, and how a
//! command's result becomes an exit status.
//!
//! The binary (`src/main.rs`) only parses arguments and calls a `run` here: [`check`],
//! [`list`], [`source`], [`note`], [`dupes`], [`extract`], [`completions`], [`man`], or [`browse`] when no subcommand is
//! given; [`parse_error`] prints what clap could not parse. [`inputs`] checks the files
//! a command was given before they are read.

pub mod browse;
pub mod check;
pub mod completions;
pub mod dupes;
pub mod extract;
pub mod inputs;
pub mod list;
pub mod man;
pub mod note;
pub mod parse_error;
pub mod source;

use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use crate::date::EdtfDate;
use crate::load::default_input;
use crate::load::notes::{notes_path, read_notes};
use crate::model::{ActorLookupError, DocId, Hint, Review, Status, Timeline, closest};
use crate::query::{Filter, SourceCriterion};
use crate::text::sanitize;

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
    /// Keep events whose title, summary, quotes or actors' names contain this text.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Keep events citing this document (its id); repeat for several.
    #[arg(long = "doc", value_name = "ID")]
    pub docs: Vec<String>,
    /// Keep only starred events.
    #[arg(long)]
    pub starred: bool,
    /// Keep events with this tag; repeat for several (any of them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Keep events with this review status (unreviewed, verified, disputed,
    /// needs-source); repeat for several.
    #[arg(long = "review", value_name = "REVIEW")]
    pub reviews: Vec<String>,
    /// Keep events told by at least N distinct documents (corroborated).
    #[arg(long, value_name = "N", value_parser = document_count)]
    pub min_sources: Option<usize>,
    /// Keep events told by one document only (to verify).
    #[arg(long, conflicts_with = "min_sources")]
    pub single_source: bool,
}

impl FilterArgs {
    /// Resolves the flags against `timeline`: an unknown, ambiguous or empty actor, an
    /// unknown kind or status, a bad date and a `--from` after `--to` are errors, each
    /// naming the closest values it knows.
    pub fn resolve(&self, timeline: &Timeline) -> Result<Filter> {
        let sources = match (self.min_sources, self.single_source) {
            (_, true) => SourceCriterion::Single,
            (Some(n), false) => SourceCriterion::AtLeast(n),
            (None, false) => SourceCriterion::Any,
        };
        let mut filter = Filter {
            all_actors: self.all_actors,
            text: self.search.clone().unwrap_or_default(),
            sources,
            ..Filter::default()
        };
        for name in &self.actors {
            if name.trim().is_empty() {
                bail!("--actor needs an actor's id, name or alias, not an empty word");
            }
            match timeline.resolve_actor(name) {
                Ok(id) => filter.actors.push(id),
                Err(e) => bail!("{e}{}", actor_listing_hint(&e)),
            }
        }
        for kind in &self.kinds {
            filter.kinds.push(known_kind(timeline, kind)?);
        }
        for id in &self.docs {
            filter.docs.push(known_document(timeline, id)?);
        }
        for word in &self.statuses {
            match word.to_lowercase().parse::<Status>() {
                Ok(status) => filter.statuses.push(status),
                Err(_) => {
                    let words = Status::ALL.iter().map(|s| s.as_str());
                    let close = match closest(word, words, 1).as_slice() {
                        [best] => format!("did you mean {best}? "),
                        _ => String::new(),
                    };
                    bail!(
                        "unknown status {word:?} ({close}expected {})",
                        status_words()
                    )
                }
            }
        }
        filter.starred = self.starred;
        let tags = timeline.annotations.tags();
        for tag in &self.tags {
            if !tags.contains(tag.as_str()) {
                let known: Vec<&str> = tags.iter().copied().collect();
                bail!(
                    "unknown tag {tag:?} ({})",
                    Hint::new(tag, &known, "tags in the notes file")
                );
            }
            filter.tags.push(tag.clone());
        }
        for word in &self.reviews {
            filter.reviews.push(parse_review(word)?);
        }
        let parse =
            |flag: &str, text: &str| EdtfDate::parse(text).map_err(|e| anyhow!("--{flag}: {e}"));
        if let Some(from) = &self.from {
            filter.from = parse("from", from)?.earliest();
        }
        if let Some(to) = &self.to {
            filter.to = parse("to", to)?.latest();
        }
        if let (Some(from), Some(to), Some(from_text), Some(to_text)) =
            (filter.from, filter.to, &self.from, &self.to)
            && from > to
        {
            bail!(
                "--from {from_text:?} is after --to {to_text:?}: no event can match (swap them?)"
            );
        }
        Ok(filter)
    }
}

/// The review status `word` names (any case), or an error naming the closest.
pub fn parse_review(word: &str) -> Result<Review> {
    word.to_lowercase().parse::<Review>().map_err(|_| {
        let words = Review::ALL.iter().map(|r| r.as_str());
        let close = match closest(word, words, 1).as_slice() {
            [best] => format!("did you mean {best}? "),
            _ => String::new(),
        };
        let all: Vec<&str> = Review::ALL.iter().map(|r| r.as_str()).collect();
        anyhow!(
            "unknown review status {word:?} ({close}expected {})",
            all.join(", ")
        )
    })
}

/// Where the annotations of a timeline are kept: `--notes FILE`, else beside the
/// timeline's first file.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct NotesArgs {
    /// The notes file (stars, tags, review status, notes) [default: beside the first
    /// timeline file, events.yaml → events.notes.yaml].
    #[arg(long, value_name = "FILE")]
    pub notes: Option<PathBuf>,
}

impl NotesArgs {
    /// The notes file of a timeline read from `files`: `--notes`, else beside the first
    /// file (or `./events.yaml` when none is named); `None` for the bundled timeline,
    /// which has no file to keep notes beside.
    pub fn path(&self, files: &[PathBuf]) -> Option<PathBuf> {
        if let Some(path) = &self.notes {
            return Some(path.clone());
        }
        files
            .first()
            .cloned()
            .or_else(default_input)
            .map(|first| notes_path(&first))
    }

    /// Reads the notes file of `files` (if any) into `timeline`; returns its path.
    pub fn attach(&self, files: &[PathBuf], timeline: &mut Timeline) -> Result<Option<PathBuf>> {
        let path = self.path(files);
        if let Some(path) = &path {
            timeline.annotations = read_notes(path).map_err(|e| anyhow!("{e}"))?;
        }
        Ok(path)
    }
}

/// The N of `--min-sources N`: a whole number of documents, at least 1.
fn document_count(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("expected a number of documents, 1 or more".to_string()),
    }
}

/// A shell line that lists the actor ids of a timeline's events.
const LIST_ACTORS: &str = "tline list --format json | jq -r '.[].actors[].id' | sort -u";
/// A shell line that lists the kinds of a timeline's events.
const LIST_KINDS: &str = "tline list --format json | jq -r '.[].kind' | sort -u";

/// A shell line that lists the document ids of a timeline's events.
const LIST_DOCUMENTS: &str = "tline list --format json | jq -r '.[].sources[].doc' | sort -u";

/// When the error's hint could list nothing, the shell line that does.
fn actor_listing_hint(e: &ActorLookupError) -> String {
    match e {
        ActorLookupError::Unknown { hint, .. } => listing_hint(hint, LIST_ACTORS),
        _ => String::new(),
    }
}

/// When `hint` could list nothing, `listing`, the shell line that does.
fn listing_hint(hint: &Hint, listing: &str) -> String {
    match hint {
        Hint::TooMany { .. } => format!("; to list them: {listing}"),
        _ => String::new(),
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

/// `kind` if some event of `timeline` has it (in any case), else an error naming the
/// closest kinds.
fn known_kind(timeline: &Timeline, kind: &str) -> Result<String> {
    let wanted = kind.to_lowercase();
    if timeline.kinds.iter().any(|k| k.to_lowercase() == wanted) {
        return Ok(kind.to_string());
    }
    let known: Vec<&str> = timeline.kinds.iter().map(String::as_str).collect();
    let hint = Hint::new(kind, &known, "kinds");
    bail!(
        "unknown kind {kind:?} ({hint}){}",
        listing_hint(&hint, LIST_KINDS)
    )
}

/// The document whose id is `id`, else an error naming the closest ids.
fn known_document(timeline: &Timeline, id: &str) -> Result<DocId> {
    let found = timeline.documents.iter().position(|d| d.id == id);
    if let Some(doc) = found.and_then(DocId::new) {
        return Ok(doc);
    }
    let known: Vec<&str> = timeline.documents.iter().map(|d| d.id.as_str()).collect();
    let hint = Hint::new(id, &known, "documents");
    bail!(
        "unknown document {id:?} ({hint}){}",
        listing_hint(&hint, LIST_DOCUMENTS)
    )
}

/// The limits on input that every command accepts.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Limits {
    /// Refuse files larger than this many bytes [default: 256 MiB for YAML, 2 GiB for
    /// JSON and JSON Lines, 16 MiB for articles].
    #[arg(long, global = true, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
}

/// The exit status of a command that returned `result`, its error written to stderr
/// with every control and invisible character made visible.
pub fn exit_code(result: Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // A message may quote what a person typed (a file name, a mistyped word):
            // made visible line by line, as text from a file is.
            let message = format!("{e:#}");
            let lines: Vec<_> = message.split('\n').map(sanitize).collect();
            // Not eprintln!: it panics when stderr is a terminal that has gone away.
            let _ = writeln!(io::stderr(), "tline: {}", lines.join("\n"));
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

/// Asks the kernel for no transparent huge pages in this process. A timeline is millions
/// of small allocations: zeroing memory 2 MiB at a time on first touch cost more than
/// the fewer page-table misses saved (measured at 1M events on the 2-core machine: the
/// TUI browsable after 3.54 s against 4.15 s, `check` 0.95×). Where the kernel has no
/// such switch nothing changes. Programs tline starts (`$EDITOR`) inherit the setting.
pub fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
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
