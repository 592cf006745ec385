//! `tline note`: annotate an event from a script: add a note, star or unstar it, tag or
//! untag it, set its review status; with none of these, print what it has. Writes the
//! notes file as the TUI does (merged with what is there, atomically).

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use chrono::{SubsecRound, Utc};

use super::extract::load_with_articles;
use super::inputs::refuse_duplicates;
use super::{Limits, NotesArgs, parse_review, stdout};
use crate::load::Progress;
use crate::load::notes::{read_notes, save_notes};
use crate::model::{Annotation, Note, is_valid_tag};
use crate::text::sanitize;

/// The arguments of `tline note`.
#[derive(Debug, Clone, clap::Args)]
pub struct NoteArgs {
    /// The id of the event.
    pub event_id: String,
    /// A note to add, in Markdown (`-` reads it from stdin).
    pub text: Option<String>,
    /// A timeline file to read; repeat for several [default: ./events.yaml].
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Where the notes are kept.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Star the event.
    #[arg(long, conflicts_with = "unstar")]
    pub star: bool,
    /// Take the event's star away.
    #[arg(long)]
    pub unstar: bool,
    /// Add this tag (one word); repeat for several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Remove this tag; repeat for several.
    #[arg(long = "untag", value_name = "TAG")]
    pub untags: Vec<String>,
    /// Set the review status: unreviewed, verified, disputed or needs-source.
    #[arg(long, value_name = "REVIEW")]
    pub review: Option<String>,
    /// Who writes the note [default: $TLINE_AUTHOR, else $USER].
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
}

/// Who a note is by when nobody says: `$TLINE_AUTHOR`, else `$USER`, else `$LOGNAME`,
/// else `unknown`.
pub fn default_author() -> String {
    ["TLINE_AUTHOR", "USER", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Applies the changes asked to the event's annotation and saves the notes file, or
/// prints the annotation when no change is asked.
pub fn run(args: &NoteArgs, limits: Limits) -> Result<ExitCode> {
    refuse_duplicates(&args.files)?;
    let (timeline, _) =
        load_with_articles(&args.files, limits.max_file_size, &Progress::default())?;
    let event = timeline
        .find_event(&args.event_id)
        .map_err(|e| anyhow!("{e}"))?;
    let id = timeline.events[event].id.to_string();
    let path = args.notes.path(&args.files).ok_or_else(|| {
        anyhow!("the bundled timeline has no file to keep notes beside: give --notes FILE")
    })?;
    let base = read_notes(&path).map_err(|e| anyhow!("{e}"))?;
    let mut ours = base.clone();
    let mut changed = false;
    let text = note_text(args)?;
    for tag in args.tags.iter().chain(&args.untags) {
        if !is_valid_tag(tag) {
            bail!("--tag {tag:?}: a tag is one word (no spaces or commas)");
        }
    }
    let review = args.review.as_deref().map(parse_review).transpose()?;
    ours.edit(&id, |a| {
        let before = a.clone();
        if args.star || args.unstar {
            a.star = args.star;
        }
        a.tags.extend(args.tags.iter().cloned());
        for tag in &args.untags {
            a.tags.remove(tag);
        }
        if let Some(review) = review {
            a.review = review;
        }
        if let Some(text) = text {
            a.notes.push(Note {
                date: Utc::now().trunc_subsecs(0),
                author: args.author.clone().unwrap_or_else(default_author),
                text,
            });
        }
        changed = *a != before;
    });
    let mut out = stdout();
    let asked = args.star
        || args.unstar
        || !args.tags.is_empty()
        || !args.untags.is_empty()
        || args.review.is_some()
        || args.text.is_some();
    let shown = if asked {
        let saved = save_notes(&path, &base, &ours).map_err(|e| anyhow!("{e}"))?;
        saved.get(&id).cloned().unwrap_or_default()
    } else {
        base.get(&id).cloned().unwrap_or_default()
    };
    for line in describe(&id, &shown).lines() {
        writeln!(out, "{}", sanitize(line))?;
    }
    if asked && !changed {
        writeln!(out, "(nothing changed)")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The note's text: the argument, or stdin for `-`; an empty note is refused.
fn note_text(args: &NoteArgs) -> Result<Option<String>> {
    let Some(text) = &args.text else {
        return Ok(None);
    };
    let text = if text == "-" {
        let mut read = String::new();
        io::stdin()
            .read_to_string(&mut read)
            .context("reading the note from stdin")?;
        read
    } else {
        text.clone()
    };
    if text.trim().is_empty() {
        bail!("a note needs some text");
    }
    Ok(Some(text))
}

/// `biden-putin-call: ★ · verified · tags: call key · 2 notes`, then each note.
fn describe(id: &str, a: &Annotation) -> String {
    let mut parts = vec![if a.star { "★" } else { "not starred" }.to_string()];
    parts.push(a.review.to_string());
    if !a.tags.is_empty() {
        let tags: Vec<&str> = a.tags.iter().map(String::as_str).collect();
        parts.push(format!("tags: {}", tags.join(" ")));
    }
    let count = a.notes.len();
    parts.push(format!("{count} note{}", if count == 1 { "" } else { "s" }));
    let mut out = format!("{id}: {}", parts.join(" · "));
    for note in &a.notes {
        out.push_str(&format!(
            "\n  {} {}: {}",
            note.date.format("%Y-%m-%dT%H:%M:%SZ"),
            note.author,
            note.text.replace('\n', "\n    ")
        ));
    }
    out
}
