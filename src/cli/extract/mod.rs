//! `tline extract`: a draft timeline from news articles, written in tline's own schema, or
//! (`--timexes`) the temporal expressions of one file as JSON Lines. Also the loading of
//! articles named among timeline files (`tline events.yaml article.txt`), which drafts
//! them in memory, for the TUI, `list`, `check` and `source`.
//!
//! - `articles`: reading articles as the loader reads a file, drafting them, ids kept
//!   apart from existing timelines, and [`load_with_articles`].
//! - `written`: the draft as text in a file format, without the actors it reused.
//! - `timexes`: the `--timexes` lines.
//!
//! A draft written beside the `--actors` timelines leaves out the actors it reuses from
//! them, since the loader refuses an actor defined in two files; its documents, events
//! and new actors get ids those timelines do not use.

mod articles;
mod timexes;
mod written;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

use super::inputs::refuse_duplicates;
use super::{Limits, stdout};
use crate::extract::Draft;
use crate::extract::article;
use crate::load::{Format, load_paths};
use crate::model::{Actor, Timeline};
use crate::text::sanitize;
use articles::{draft_files, rename_taken_ids};
use timexes::timexes_text;
use written::timeline_text;

pub use articles::{DEFAULT_MAX_ARTICLE_BYTES, is_article, load_with_articles};
pub use timexes::timex_lines;

/// The arguments of `tline extract`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExtractArgs {
    /// Articles to draft from: Markdown if named .md or .markdown, else plain text.
    #[arg(required = true, value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// The publication date relative dates are read against (2022-01-01, January 1,
    /// 2022), overriding any date the articles give.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<NaiveDate>,
    /// A timeline whose actors the draft reuses (their ids and aliases); repeat for
    /// several. Reused actors are left out of the draft, to be loaded beside it.
    #[arg(long = "actors", value_name = "TIMELINE")]
    pub actors: Vec<PathBuf>,
    /// Write to FILE (a temporary file beside it, renamed into place) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The draft's format [default: the extension of -o's FILE, else yaml].
    #[arg(long, value_enum)]
    pub format: Option<DraftFormat>,
    /// Print the temporal expressions of one FILE, taken whole, as JSON Lines: start and
    /// end (character offsets), text, type, value (TIMEX3), edtf, paragraph.
    #[arg(long, conflicts_with_all = ["actors", "format"])]
    pub timexes: bool,
}

/// The formats a draft is written in: those of a timeline file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DraftFormat {
    /// YAML laid out for people, with a comment saying how it was drafted.
    Yaml,
    /// One JSON object.
    Json,
    /// JSON Lines: one document, actor or event a line.
    Jsonl,
}

impl DraftFormat {
    /// The loader's format of the same name.
    fn format(self) -> Format {
        match self {
            DraftFormat::Yaml => Format::Yaml,
            DraftFormat::Json => Format::Json,
            DraftFormat::Jsonl => Format::JsonLines,
        }
    }
}

/// A `--published` date, in any form an article's date line may take.
fn parse_published(text: &str) -> Result<NaiveDate, String> {
    article::parse_date(text).ok_or_else(|| {
        format!("{text:?} is not a date (write it as 2022-01-01 or January 1, 2022)")
    })
}

/// Runs `tline extract`: the draft, or with `--timexes` the temporal expressions, on
/// stdout or in `-o`'s file.
pub fn run(args: &ExtractArgs, limits: Limits) -> Result<ExitCode> {
    refuse_duplicates(&args.articles)?;
    if let Some(output) = &args.output {
        refuse_overwriting_an_input(output, args.articles.iter().chain(&args.actors))?;
    }
    let text = if args.timexes {
        let [file] = args.articles.as_slice() else {
            bail!(
                "--timexes reads one FILE, not {} (run it once per file)",
                args.articles.len()
            );
        };
        timexes_text(file, args.published, limits)?
    } else {
        draft_text(args, limits)?
    };
    match &args.output {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => {
            let mut out = stdout();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The draft of `args.articles` in its format, ready to be written.
fn draft_text(args: &ExtractArgs, limits: Limits) -> Result<String> {
    let existing = if args.actors.is_empty() {
        Timeline::default()
    } else {
        load_paths(&args.actors, limits.max_file_size)?.0
    };
    let mut draft = draft_files(&args.articles, args.published, &existing, limits)?;
    rename_taken_ids(&mut draft, &existing);
    let format = match (args.format, &args.output) {
        (Some(format), _) => format.format(),
        // A draft is a YAML, JSON or JSON Lines file; any other name (`.csv` too) is YAML.
        (None, Some(path)) => match Format::of(&path.display().to_string()) {
            Format::Csv => Format::Yaml,
            format => format,
        },
        (None, None) => Format::Yaml,
    };
    let body = timeline_text(&draft, format)?;
    let reused: Vec<&str> = reused_actors(&draft).map(|a| a.id.as_str()).collect();
    let note = (!reused.is_empty()).then(|| {
        let files: Vec<String> = args
            .actors
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let draft_name = args
            .output
            .as_ref()
            .map_or("draft.yaml".to_string(), |o| o.display().to_string());
        format!(
            "Actors reused from {} are not repeated here ({}), since tline refuses an actor \
             defined in two files: open this draft beside them (tline {} {draft_name}).",
            files.join(", "),
            reused.join(", "),
            files.join(" "),
        )
    });
    if format != Format::Yaml {
        // JSON has no comments: the note a reader of the file needs goes to stderr.
        for note in note.iter().chain(&draft.unsure_pairs) {
            let _ = writeln!(io::stderr(), "tline: note: {}", sanitize(note));
        }
        return Ok(body);
    }
    let mut lines = draft.describe();
    lines.extend(note);
    lines.extend(new_names_of_reused_actors(&draft, &existing));
    Ok(commented(&lines, &body))
}

/// A line for each reused actor the articles name in words its timeline lacks, for the
/// reviewer to copy there: the draft leaves the actor itself out.
fn new_names_of_reused_actors(draft: &Draft, existing: &Timeline) -> Vec<String> {
    reused_actors(draft)
        .filter_map(|actor| {
            let known = existing.actors.iter().find(|a| a.id == actor.id)?;
            let new: Vec<String> = std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .filter(|name| !known.is_named(name))
                .map(|name| format!("{name:?}"))
                .collect();
            (!new.is_empty()).then(|| {
                format!(
                    "The articles also name {} as {}: add them to its aliases if they are right.",
                    actor.id,
                    new.join(", ")
                )
            })
        })
        .collect()
}

/// `body` (YAML) after `lines` as `#` comments, each made one safe line.
fn commented(lines: &[String], body: &str) -> String {
    let mut text = String::with_capacity(body.len() + 512);
    for line in lines {
        text.push_str("# ");
        text.push_str(&sanitize(line));
        text.push('\n');
    }
    text.push('\n');
    text.push_str(body);
    text
}

/// The actors of `draft` taken from the existing timelines.
fn reused_actors(draft: &Draft) -> impl Iterator<Item = &Actor> {
    let actors = &draft.timeline.actors;
    actors
        .iter()
        .zip(&draft.reused_actors)
        .filter(|(_, reused)| **reused)
        .map(|(actor, _)| actor)
}

/// Refuses an output file that is one of `inputs`: the draft would replace what it was
/// drafted from.
fn refuse_overwriting_an_input<'a>(
    output: &Path,
    inputs: impl IntoIterator<Item = &'a PathBuf>,
) -> Result<()> {
    let Ok(target) = fs::canonicalize(output) else {
        return Ok(());
    };
    for input in inputs {
        if fs::canonicalize(input).is_ok_and(|i| i == target) {
            bail!(
                "-o {} would overwrite the input {} (write the draft elsewhere)",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically ([`crate::atomic::replace`]), so that a reader
/// never sees half a draft and a failure leaves `path` as it was.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::atomic::replace(path, bytes).with_context(|| format!("writing {}", path.display()))
}
