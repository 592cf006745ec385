//! Articles read as the loader reads a timeline file, drafted into one timeline whose
//! ids keep clear of the timelines given with them; and articles named among timeline
//! files, drafted in memory and loaded with them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::written::timeline_text;
use crate::cli::Limits;
use crate::extract::article::ArticleError;
use crate::extract::{Draft, DraftOptions, draft_all};
use crate::load::{
    Diagnostic, Format, LoadError, Progress, SourceFile, load_paths_and_sources, load_paths_with,
};
use crate::model::Timeline;

/// Articles larger than this are refused unless `--max-file-size` says otherwise: a news
/// article is a few kilobytes, and a larger file is more likely a mistake.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 << 20;

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
pub(super) fn read_article(path: &Path, limits: Limits) -> Result<SourceFile, LoadError> {
    let max_bytes = limits.max_file_size.unwrap_or(DEFAULT_MAX_ARTICLE_BYTES);
    SourceFile::read(path, max_bytes).map_err(|d| LoadError {
        diagnostics: vec![d],
    })
}

/// Drafts one timeline from the articles at `paths`, reusing the actors of `existing`.
pub(super) fn draft_files(
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
pub(super) fn article_error(error: ArticleError) -> LoadError {
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
pub(super) fn rename_taken_ids(draft: &mut Draft, existing: &Timeline) {
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

    #[test]
    fn articles_are_told_by_their_extension() {
        assert!(is_article(Path::new("a.txt")));
        assert!(is_article(Path::new("dir/a.MD")));
        assert!(is_article(Path::new("a.markdown")));
        assert!(!is_article(Path::new("a.yaml")));
        assert!(!is_article(Path::new("txt")));
    }

    #[test]
    fn a_taken_id_gets_the_first_free_suffix() {
        let mut used: HashSet<String> = ["a", "a-2"].map(String::from).into();
        assert_eq!(free_id("a", &mut used), "a-3");
        assert!(used.contains("a-3"));
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
