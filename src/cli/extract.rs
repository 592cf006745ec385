//! `tline extract`: a draft timeline from news articles, written in tline's own schema, or
//! (`--timexes`) the temporal expressions of one file as JSON Lines. Also the loading of
//! articles named among timeline files (`tline events.yaml article.txt`), which drafts
//! them in memory, for the TUI, `list` and `check`.
//!
//! An article is read as the loader reads a timeline file (a regular file, within the
//! size limit, UTF-8). A draft written beside the `--actors` timelines leaves out the
//! actors it reuses from them, since the loader refuses an actor defined in two files;
//! its documents, events and new actors get ids those timelines do not use.

use std::collections::HashSet;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use chrono::NaiveDate;
use serde::Serialize;

use super::inputs::refuse_duplicates;
use super::{Limits, stdout};
use crate::extract::article::{self, ArticleError};
use crate::extract::timex::{self, Timex};
use crate::extract::{Draft, DraftOptions, draft_all};
use crate::load::{
    Diagnostic, Format, LoadError, Progress, SourceFile, load_paths, load_paths_and_sources,
    load_paths_with, schema,
};
use crate::model::Timeline;
use crate::text::{escape_invisible, is_invisible_format, sanitize};

/// Articles larger than this are refused unless `--max-file-size` says otherwise: a news
/// article is a few kilobytes, and a larger file is more likely a mistake.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 << 20;

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
        (None, Some(path)) => Format::of(&path.display().to_string()),
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
        if let Some(note) = note {
            let _ = writeln!(io::stderr(), "tline: note: {}", sanitize(&note));
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
fn reused_actors(draft: &Draft) -> impl Iterator<Item = &crate::model::Actor> {
    let actors = &draft.timeline.actors;
    actors
        .iter()
        .zip(&draft.reused_actors)
        .filter(|(_, reused)| **reused)
        .map(|(actor, _)| actor)
}

/// Whether `path` is read as a news article rather than a timeline file when named among
/// timeline files: its extension is `.txt`, `.md` or `.markdown`, in any case.
pub fn is_article(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str());
    extension.is_some_and(|e| {
        ["txt", "md", "markdown"]
            .iter()
            .any(|a| e.eq_ignore_ascii_case(a))
    })
}

/// Reads the article at `path` as the loader reads a file: a regular file, within the
/// size limit (by default [`DEFAULT_MAX_ARTICLE_BYTES`]), UTF-8.
fn read_article(path: &Path, limits: Limits) -> Result<SourceFile, LoadError> {
    let max_bytes = limits.max_file_size.unwrap_or(DEFAULT_MAX_ARTICLE_BYTES);
    SourceFile::read(path, max_bytes).map_err(|d| LoadError {
        diagnostics: vec![d],
    })
}

/// Drafts one timeline from the articles at `paths`, reusing the actors of `existing`.
fn draft_files(
    paths: &[PathBuf],
    published: Option<NaiveDate>,
    existing: &Timeline,
    limits: Limits,
) -> Result<Draft, LoadError> {
    let sources = paths
        .iter()
        .map(|path| read_article(path, limits))
        .collect::<Result<Vec<_>, _>>()?;
    let articles: Vec<(&str, &str)> = sources
        .iter()
        .map(|s| (s.name.as_str(), s.text.as_str()))
        .collect();
    let options = DraftOptions {
        published,
        existing_actors: &existing.actors,
    };
    draft_all(&articles, &options).map_err(article_error)
}

/// An article's error as the loader reports a file's.
fn article_error(error: ArticleError) -> LoadError {
    let name = match &error {
        ArticleError::NoDate { name }
        | ArticleError::Empty { name }
        | ArticleError::FrontMatter { name, .. } => name.clone(),
    };
    let message = error.to_string();
    let message = message
        .strip_prefix(&format!("{name}: "))
        .map_or(message.clone(), str::to_string);
    LoadError {
        diagnostics: vec![Diagnostic {
            file: name,
            line: None,
            column: None,
            message,
        }],
    }
}

/// Gives the documents, events and new actors of `draft` whose ids `existing` uses
/// ids of their own (`-2`, `-3`, …), so that the two load together.
fn rename_taken_ids(draft: &mut Draft, existing: &Timeline) {
    let timeline = &mut draft.timeline;
    let mut documents: HashSet<String> = existing.documents.iter().map(|d| d.id.clone()).collect();
    let taken: Vec<bool> = timeline
        .documents
        .iter()
        .map(|d| !documents.insert(d.id.clone()))
        .collect();
    for (document, taken) in timeline.documents.iter_mut().zip(taken) {
        if taken {
            document.id = free_id(&document.id, &mut documents);
        }
    }
    let mut actors: HashSet<String> = existing.actors.iter().map(|a| a.id.clone()).collect();
    let new = draft.reused_actors.iter().map(|reused| !reused);
    for (actor, new) in timeline.actors.iter_mut().zip(new) {
        if new && !actors.insert(actor.id.clone()) {
            actor.id = free_id(&actor.id, &mut actors);
        }
    }
    let mut events: HashSet<String> = existing.events.iter().map(|e| e.id.to_string()).collect();
    let taken: Vec<bool> = timeline
        .events
        .iter()
        .map(|e| !events.insert(e.id.to_string()))
        .collect();
    for (event, taken) in timeline.events.iter_mut().zip(taken) {
        if taken {
            event.id = free_id(&event.id, &mut events).into();
        }
    }
}

/// `id` with the first suffix `-2`, `-3`, … that `used` lacks, added to `used`.
fn free_id(id: &str, used: &mut HashSet<String>) -> String {
    let mut n = 2;
    loop {
        let candidate = format!("{id}-{n}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

/// The draft's timeline in `format`, without the actors it reused (they stay in the
/// files they came from), every invisible character escaped so that nothing in it acts
/// on a terminal.
fn timeline_text(draft: &Draft, format: Format) -> io::Result<String> {
    let full = written(&draft.timeline, format)?;
    let text = if draft.reused_actors.iter().any(|r| *r) {
        // The writer takes a whole timeline, whose events name actors by index: the
        // documents and new actors are written from a timeline without the reused actors
        // and without events, the events from the whole one.
        let head = Timeline {
            documents: draft.timeline.documents.clone(),
            actors: reused_actors_left_out(draft),
            kinds: Vec::new(),
            events: Vec::new(),
        };
        let head = written(&head, format)?;
        let (Some(head_end), Some(events_start)) =
            (events_start(&head, format), events_start(&full, format))
        else {
            return Err(io::Error::other("the writer's layout has no events list"));
        };
        format!("{}{}", &head[..head_end], &full[events_start..])
    } else {
        full
    };
    Ok(match format {
        Format::Yaml => escape_invisible_yaml(&text),
        Format::Json | Format::JsonLines => escape_invisible(&text).into_owned(),
    })
}

/// The actors of `draft` that did not come from the existing timelines.
fn reused_actors_left_out(draft: &Draft) -> Vec<crate::model::Actor> {
    let actors = &draft.timeline.actors;
    actors
        .iter()
        .zip(&draft.reused_actors)
        .filter(|(_, reused)| !**reused)
        .map(|(actor, _)| actor.clone())
        .collect()
}

/// `timeline` as the schema writer writes it in `format`.
fn written(timeline: &Timeline, format: Format) -> io::Result<String> {
    let mut bytes = Vec::new();
    schema::write(timeline, format, &mut bytes)?;
    String::from_utf8(bytes).map_err(io::Error::other)
}

/// Where the events of a timeline written in `format` start: the `events:` key of YAML
/// (the only line starting so, since every text is a quoted scalar on its line), the
/// `,"events":[` of JSON (inside a string a quote is escaped), the first event line of
/// JSON Lines (or the end).
fn events_start(text: &str, format: Format) -> Option<usize> {
    match format {
        Format::Yaml => text.find("\nevents:").map(|at| at + 1),
        Format::Json => text.find(",\"events\":["),
        Format::JsonLines => {
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                if line.starts_with("{\"event\":") {
                    return Some(at);
                }
                at += line.len();
            }
            Some(text.len())
        }
    }
}

/// YAML text with every invisible character (bidirectional controls, zero-width
/// characters; see [`is_invisible_format`]) written as a `\u`/`\U` escape. The schema
/// writer has escaped the controls and puts every text in a double-quoted scalar, where
/// the escapes read back as the same characters; comments were made visible before.
fn escape_invisible_yaml(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !c.is_ascii() && is_invisible_format(c) {
            if let Ok(unit) = u16::try_from(c as u32) {
                out.push_str(&format!("\\u{unit:04X}"));
            } else {
                out.push_str(&format!("\\U{:08X}", c as u32));
            }
        } else {
            out.push(c);
        }
    }
    out
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

/// Writes `bytes` to `path` atomically: into a new temporary file beside it, then renamed
/// over it, so that a reader never sees half a draft and a failure leaves `path` as it
/// was.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| anyhow!("-o {}: not a file name", path.display()))?;
    let temp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written.with_context(|| format!("writing {}", path.display()))
}

/// One temporal expression as a line of `--timexes`: offsets in characters.
#[derive(Serialize)]
struct TimexLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    edtf: Option<&'a str>,
    paragraph: usize,
}

/// The `--timexes` lines of the file at `path`: its text taken whole, dated by
/// `published`, else by its date line or header.
fn timexes_text(path: &Path, published: Option<NaiveDate>, limits: Limits) -> Result<String> {
    let source = read_article(path, limits)?;
    let text = &source.text;
    let (published, header_end) = match published {
        Some(day) => (day, 0),
        None => {
            let published = article::read(text, &source.name, None)
                .map_err(article_error)?
                .published;
            let header = article::body_paragraphs(text)
                .first()
                .map(|p| p.offset + p.text.len());
            (published, header.unwrap_or(0))
        }
    };
    Ok(timex_lines(text, published, header_end))
}

/// The temporal expressions of `text` (dated `published`) as JSON Lines, leaving out
/// those that start before byte `header_end` (the date line or header the date came
/// from) and any that runs past the end of its paragraph (no expression crosses a blank
/// line): character offsets into the whole text, paragraphs numbered over the whole
/// text as blocks between blank lines, as the article reader splits them.
pub fn timex_lines(text: &str, published: NaiveDate, header_end: usize) -> String {
    let paragraphs = article::body_paragraphs(text);
    let mut found: Vec<(Timex, usize)> = timex::tag(text, published)
        .into_iter()
        .filter(|t| t.range.start >= header_end)
        .filter_map(|t| {
            let paragraph = article::paragraph_at(&paragraphs, t.range.start)?;
            let block = paragraphs.get(paragraph - 1)?;
            (t.range.end <= block.offset + block.text.len()).then_some((t, paragraph))
        })
        .collect();
    found.sort_by_key(|(t, _)| t.range.start);
    let ranges: Vec<_> = found.iter().map(|(t, _)| t.range.clone()).collect();
    let chars = timex::char_ranges(text, &ranges);
    let mut out = String::new();
    for ((timex, paragraph), range) in found.iter().zip(chars) {
        let line = TimexLine {
            start: range.start,
            end: range.end,
            text: text.get(timex.range.clone()).unwrap_or_default(),
            kind: timex.kind.as_str(),
            value: &timex.value,
            edtf: timex.edtf.as_deref(),
            paragraph: *paragraph,
        };
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(&escape_invisible(&json));
            out.push('\n');
        }
    }
    out
}

/// Loads `files` into one timeline, each article among them (see [`is_article`]) drafted
/// in memory, reusing the actors of the timeline files, and loaded after them under the
/// name `draft of …`. Without articles, the same as [`load_paths_with`]. The timeline
/// files are read twice when there are articles: once for their actors and ids, once
/// with the draft.
pub fn load_with_articles(
    files: &[PathBuf],
    max_bytes: Option<u64>,
    progress: &Progress,
) -> Result<(Timeline, Vec<String>), LoadError> {
    let (articles, timelines): (Vec<PathBuf>, Vec<PathBuf>) =
        files.iter().cloned().partition(|f| is_article(f));
    if articles.is_empty() {
        return load_paths_with(files, max_bytes, progress);
    }
    let existing = if timelines.is_empty() {
        Timeline::default()
    } else {
        load_paths_with(&timelines, max_bytes, progress)?.0
    };
    let limits = Limits {
        max_file_size: max_bytes,
    };
    let mut draft = draft_files(&articles, None, &existing, limits).map_err(|mut e| {
        for d in &mut e.diagnostics {
            if d.message.starts_with("no publication date") {
                // Only `extract` has --published.
                d.message = format!(
                    "no publication date found: add a first line holding only the date \
                     (2022-01-01), or draft it with `tline extract --published YYYY-MM-DD {}`",
                    d.file
                );
            }
        }
        e
    })?;
    rename_taken_ids(&mut draft, &existing);
    let names: Vec<String> = articles.iter().map(|a| a.display().to_string()).collect();
    let draft_name = format!("draft of {}", names.join(", "));
    let text = timeline_text(&draft, Format::Yaml).map_err(|e| LoadError {
        diagnostics: vec![Diagnostic {
            file: draft_name.clone(),
            line: None,
            column: None,
            message: e.to_string(),
        }],
    })?;
    let sources = [SourceFile {
        name: draft_name.clone(),
        text,
    }];
    let timeline = load_paths_and_sources(&timelines, &sources, max_bytes, progress)?;
    let mut names: Vec<String> = timelines.iter().map(|t| t.display().to_string()).collect();
    names.push(draft_name);
    Ok((timeline, names))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_sources;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
    }

    #[test]
    fn articles_are_told_by_their_extension() {
        assert!(is_article(Path::new("a.txt")));
        assert!(is_article(Path::new("dir/a.MD")));
        assert!(is_article(Path::new("a.markdown")));
        assert!(!is_article(Path::new("a.yaml")));
        assert!(!is_article(Path::new("txt")));
    }

    #[test]
    fn invisible_characters_are_escaped_in_yaml_and_read_back_the_same() {
        let text = "say \u{202e}hi\u{200b} and \u{e0041}";
        let yaml = escape_invisible_yaml(&format!("x: \"{text}\"\n"));
        assert!(
            yaml.is_ascii() || !yaml.chars().any(is_invisible_format),
            "{yaml}"
        );
        let value: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("valid YAML");
        assert_eq!(value["x"].as_str(), Some(text));
    }

    #[test]
    fn a_taken_id_gets_the_first_free_suffix() {
        let mut used: HashSet<String> = ["a", "a-2"].map(String::from).into();
        assert_eq!(free_id("a", &mut used), "a-3");
        assert!(used.contains("a-3"));
    }

    #[test]
    fn timex_lines_count_characters_and_number_paragraphs() {
        let text = "Déjà vu — 🎉 on Friday.\n\nThe talks resume next week.";
        let lines = timex_lines(text, day(2022, 1, 1), 0);
        let chars: Vec<char> = text.chars().collect();
        let values: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(values.len(), 2, "{lines}");
        for value in &values {
            let start = value["start"].as_u64().expect("start") as usize;
            let end = value["end"].as_u64().expect("end") as usize;
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(value["text"].as_str(), Some(slice.as_str()));
        }
        assert_eq!(values[0]["text"], "Friday");
        assert_eq!(values[0]["start"], 15);
        assert_eq!(values[0]["paragraph"], 1);
        assert_eq!(values[1]["text"], "next week");
        assert_eq!(values[1]["paragraph"], 2);
    }

    /// Every line of [`timex_lines`] for `text`: `text` equals the characters its
    /// offsets name, and its paragraph is the block those characters lie in.
    fn assert_lines_match(text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let blocks = article::body_paragraphs(text);
        for line in timex_lines(text, day(2022, 1, 1), 0).lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let start = value["start"].as_u64().expect("start") as usize;
            let end = value["end"].as_u64().expect("end") as usize;
            assert!(start < end && end <= chars.len(), "{line}");
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(value["text"].as_str(), Some(slice.as_str()), "{line}");
            let paragraph = value["paragraph"].as_u64().expect("paragraph") as usize;
            let block = &blocks[paragraph - 1].text;
            assert!(block.contains(slice.as_str()), "{line} in {block:?}");
        }
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn timex_lines_name_their_own_characters(
            words in proptest::collection::vec(
                proptest::sample::select(&[
                    "on", "Thursday", "next", "week", "é", "🎉", "\n\n", "ago", "two", "days",
                    "January", "2022", "said", "\u{200b}", "—", "March", "3", ",", "the",
                ][..]),
                0..40,
            ),
            noise in "\\PC{0,40}",
        ) {
            assert_lines_match(&format!("{noise} {}", words.join(" ")));
        }
    }

    const ARTICLE: &str = "2022-03-04\n\nRussia and Ukraine met on Thursday, the Kremlin said.\n\n\
        President Zelensky said talks will resume next week.\n";

    fn draft_of(existing: &Timeline) -> Draft {
        let options = DraftOptions {
            published: None,
            existing_actors: &existing.actors,
        };
        let mut draft = draft_all(&[("talks.txt", ARTICLE)], &options).expect("drafts");
        rename_taken_ids(&mut draft, existing);
        draft
    }

    #[test]
    fn a_draft_without_its_reused_actors_loads_beside_their_file_in_every_format() {
        let existing_text = "actors:\n  - id: russia\n    name: Russia\n    kind: country\n\
            documents:\n  - id: talks\n    title: T\n    published: 2022-01-01\n    \
            paragraphs: [\"p\"]\n";
        let existing_file = SourceFile {
            name: "actors.yaml".to_string(),
            text: existing_text.to_string(),
        };
        let existing = load_sources(std::slice::from_ref(&existing_file)).expect("loads");
        let draft = draft_of(&existing);
        assert!(draft.reused_actors.iter().any(|r| *r));
        assert_ne!(draft.timeline.documents[0].id, "talks");
        for (format, name) in [
            (Format::Yaml, "draft.yaml"),
            (Format::Json, "draft.json"),
            (Format::JsonLines, "draft.jsonl"),
        ] {
            let text = timeline_text(&draft, format).expect("writes");
            let files = [
                existing_file.clone(),
                SourceFile {
                    name: name.to_string(),
                    text: text.clone(),
                },
            ];
            let loaded = load_sources(&files).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(loaded.events.len(), draft.timeline.events.len(), "{name}");
            let russia = loaded.actors.iter().filter(|a| a.id == "russia").count();
            assert_eq!(russia, 1, "{name}");
        }
    }

    #[test]
    fn a_draft_reusing_nothing_is_written_whole() {
        let draft = draft_of(&Timeline::default());
        for format in [Format::Yaml, Format::Json, Format::JsonLines] {
            let text = timeline_text(&draft, format).expect("writes");
            assert_eq!(text, written(&draft.timeline, format).expect("writes"));
        }
    }

    #[test]
    fn an_article_error_names_the_file_once() {
        let error = article_error(ArticleError::NoDate {
            name: "a.txt".to_string(),
        });
        let message = error.to_string();
        assert!(
            message.starts_with("a.txt: no publication date"),
            "{message}"
        );
        assert!(message.contains("--published"), "{message}");
    }
}
