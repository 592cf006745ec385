//! `tline check`: validate timeline files and report every problem with its place.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::extract::load_with_articles;
use super::inputs::{expand_directories, refuse_duplicates};
use super::{Limits, NotesArgs, exit_without_freeing, stdout};
use crate::load::notes::read_notes;
use crate::load::{Diagnostic, Progress, locate_in_files};
use crate::model::{Annotations, NameClash, NameRank, Timeline};
use crate::text::sanitize;

/// The arguments of `tline check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Timeline files to check (a directory: the timeline files in it).
    pub files: Vec<PathBuf>,
    /// The notes file checked with them.
    #[command(flatten)]
    pub notes: NotesArgs,
}

/// Checks the files and their notes file: the summary on stdout and success, or every
/// error on stderr, then their count, and failure. Notes on ids no event has are
/// warned of (they are kept, never dropped).
pub fn run(args: &CheckArgs, limits: Limits) -> Result<ExitCode> {
    let files = expand_directories(&args.files)?;
    refuse_duplicates(&files)?;
    match load_with_articles(&files, limits.max_file_size, &Progress::default()) {
        Ok((timeline, names)) => {
            warn_of_name_clashes(&timeline, &names, limits.max_file_size);
            if let Some(path) = args.notes.path(&files) {
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

/// At most this many actors are named in one warning.
const MAX_HOLDERS_NAMED: usize = 8;

/// Warns on stderr of each word that names several actors, at the place in its file
/// where the first actor holding it says so, the others' places in brackets: two ids
/// sharing an alias or a name is how duplicates creep in after extraction, and
/// `--actor` with the word picks one by rank or refuses it. `names` are the files loaded,
/// read again (within `max_bytes`) only to place the warnings.
fn warn_of_name_clashes(timeline: &Timeline, names: &[String], max_bytes: Option<u64>) {
    let clashes = timeline.name_clashes();
    let shown = &clashes[..clashes.len().min(MAX_CLASH_WARNINGS)];
    let wanted: Vec<Vec<(usize, String)>> = shown
        .iter()
        .map(|clash| {
            let holders = clash.holders.iter().take(MAX_HOLDERS_NAMED);
            holders
                .filter_map(|(id, rank)| word_path(timeline, id, *rank, &clash.word))
                .collect()
        })
        .collect();
    let flat: Vec<(usize, String)> = wanted.iter().flatten().cloned().collect();
    let mut places = locate_in_files(names, max_bytes, &flat).into_iter();
    let mut err = io::stderr().lock();
    for (clash, wanted) in shown.iter().zip(&wanted) {
        let located: Vec<Diagnostic> = places.by_ref().take(wanted.len()).collect();
        let _ = writeln!(err, "{}", sanitize(&clash_warning(clash, &located)));
    }
    if let Some(more) = clashes
        .len()
        .checked_sub(MAX_CLASH_WARNINGS)
        .filter(|&n| n > 0)
    {
        let _ = writeln!(err, "warning: {more} more words name several actors");
    }
}

/// The file (by position) and path of the value by which actor `id` answers to `word`
/// as `rank` says: its id, its name, or the alias in its first definition (an alias that
/// another file added is placed at the actor's id).
fn word_path(timeline: &Timeline, id: &str, rank: NameRank, word: &str) -> Option<(usize, String)> {
    let index = timeline.actors.iter().position(|a| a.id == id)?;
    let origin = timeline.origins.actors.get(index)?;
    let item = format!("actors.{}", origin.index);
    let field = match rank {
        NameRank::Id => "id".to_string(),
        NameRank::Name => "name".to_string(),
        NameRank::Alias => {
            let key = word.to_lowercase();
            let aliases = &timeline.actors[index].aliases;
            match aliases.iter().position(|a| a.to_lowercase() == key) {
                Some(k) if k < origin.aliases as usize => format!("aliases.{k}"),
                _ => "id".to_string(),
            }
        }
    };
    Some((origin.file as usize, format!("{item}.{field}")))
}

/// `events.yaml:9:15: warning: "Biden" is an alias of both biden and joe-biden
/// (joe-biden's at events.yaml:14:15); --actor refuses it as ambiguous`: the word, how
/// each actor holds it, their places (`places`, one per holder named, as located), and
/// what `--actor` does with it.
fn clash_warning(clash: &NameClash, places: &[Diagnostic]) -> String {
    let named = &clash.holders[..clash.holders.len().min(MAX_HOLDERS_NAMED)];
    let ids: Vec<&str> = named.iter().map(|(id, _)| id.as_str()).collect();
    let same_rank = named.windows(2).all(|pair| pair[0].1 == pair[1].1);
    let how = match (same_rank, named.first()) {
        (true, Some((_, rank))) => {
            let both = if ids.len() == 2 { "both " } else { "" };
            format!("{} of {both}{}", rank.phrase(), and_list(&ids))
        }
        _ => {
            let each: Vec<String> = named
                .iter()
                .map(|(id, rank)| format!("{} of {id}", rank.phrase()))
                .collect();
            and_list(&each)
        }
    };
    let more = clash.holders.len() - named.len();
    let more = if more > 0 {
        format!(" and {more} more actors")
    } else {
        String::new()
    };
    let others: Vec<String> = named
        .iter()
        .zip(places)
        .skip(1)
        .map(|((id, _), place)| format!("{id}'s at {}", place.place()))
        .collect();
    let others = if others.is_empty() {
        String::new()
    } else {
        format!(" ({})", others.join(", "))
    };
    let outcome = match clash.winner() {
        Some(id) => format!("--actor picks {id}"),
        None => "--actor refuses it as ambiguous".to_string(),
    };
    let lead = places
        .first()
        .map_or(String::new(), |place| format!("{}: ", place.place()));
    format!(
        "{lead}warning: {:?} is {how}{more}{others}; {outcome}",
        clash.word
    )
}

/// `a`, `a and b`, `a, b and c`.
fn and_list<T: AsRef<str>>(items: &[T]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// At most this many orphan ids are named in the warning.
const MAX_ORPHANS_NAMED: usize = 20;

/// Warns on stderr of the annotated ids of the notes file `name` that no event of
/// `timeline` has: an event renamed or removed. They are kept in the file.
fn warn_of_orphans(timeline: &Timeline, notes: &Annotations, name: &str) {
    let orphans = notes.orphans(timeline.events.iter().map(|e| &*e.id));
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
