//! The notes file: the annotations of a timeline (stars, tags, review status, notes) in
//! a YAML file of their own beside it, so that the timeline's files are never rewritten.
//!
//! The file is a mapping from event id to what is said of the event, sorted by id, one
//! field a line in a fixed order (`star`, `review`, `tags`, `notes`), so that a change is
//! a small diff. Writing is atomic and merges: under a lock on the directory, the file is
//! read again, what this process changed since it last read or wrote it is merged into
//! what is there now ([`Annotations::merge`]), and the result goes to a temporary file
//! beside it, flushed to disk and renamed over it. A crash at any moment leaves the old
//! file or the new one; two processes writing keep each other's changes.
//!
//! - `read`: the file's text into [`Annotations`], every problem at its line and field.
//! - `written`: [`Annotations`] as the file's text.

mod read;
mod written;

use std::fmt;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use super::format::DEFAULT_MAX_YAML_BYTES;
use super::{LoadError, SourceFile};
use crate::model::Annotations;

pub use read::parse_notes;
pub use written::notes_text;

/// The notes file of a timeline whose first file is `first`: beside it, named after it
/// (`events.yaml` → `events.notes.yaml`, `data/big.json` → `data/big.notes.yaml`).
pub fn notes_path(first: &Path) -> PathBuf {
    let stem = first
        .file_stem()
        .map_or_else(|| "events".into(), |s| s.to_string_lossy().into_owned());
    first.with_file_name(format!("{stem}.notes.yaml"))
}

/// Whether a file named `name` is a notes file by its name (`*.notes.yaml`, any case):
/// a directory argument leaves those out, since they are not timelines.
pub fn is_notes_file(name: &str) -> bool {
    name.to_lowercase().ends_with(".notes.yaml")
}

/// Reads the notes file at `path`; a file that does not exist holds no annotations.
pub fn read_notes(path: &Path) -> Result<Annotations, LoadError> {
    if !path.exists() {
        return Ok(Annotations::default());
    }
    let file = SourceFile::read(path, DEFAULT_MAX_YAML_BYTES).map_err(|d| LoadError {
        diagnostics: vec![d],
    })?;
    parse_notes(&file.name, &file.text)
}

/// Why the notes could not be written.
#[derive(Debug)]
pub enum SaveError {
    /// The file on disk no longer reads: it is left alone rather than overwritten.
    Unreadable(LoadError),
    /// Writing, flushing or renaming failed.
    Io {
        /// The notes file.
        path: String,
        /// What the system said.
        error: io::Error,
    },
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Unreadable(e) => write!(f, "{e} (the notes file was left as it is)"),
            SaveError::Io { path, error } => write!(f, "{path}: {error}"),
        }
    }
}

impl std::error::Error for SaveError {}

/// Writes `ours` to the notes file at `path`, merged with what the file holds now: what
/// changed from `base` (the annotations as this process last read or wrote them) to
/// `ours` is applied to the file's current annotations. Returns what was written, the
/// new base. A file that does not read is not overwritten.
pub fn save_notes(
    path: &Path,
    base: &Annotations,
    ours: &Annotations,
) -> Result<Annotations, SaveError> {
    let io_error = |error: io::Error| SaveError::Io {
        path: path.display().to_string(),
        error,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Held until the rename is done: another tline reads the file only after it.
    let _lock = lock(&dir);
    let theirs = read_notes(path).map_err(SaveError::Unreadable)?;
    let merged = Annotations::merge(base, ours, &theirs);
    if merged != theirs || !path.exists() {
        crate::atomic::replace(path, notes_text(&merged).as_bytes()).map_err(io_error)?;
    }
    Ok(merged)
}

/// An exclusive lock on `dir`, released when the handle is dropped (or the process
/// ends, however it ends). `None` where the filesystem has no locks: the merge before
/// the rename still keeps what another process wrote before it.
fn lock(dir: &Path) -> Option<File> {
    let handle = File::open(dir).ok()?;
    handle.lock().ok()?;
    Some(handle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, Review};
    use std::fs;

    #[test]
    fn the_notes_file_is_named_after_the_first_timeline_file() {
        assert_eq!(
            notes_path(Path::new("events.yaml")),
            PathBuf::from("events.notes.yaml")
        );
        assert_eq!(
            notes_path(Path::new("data/big.json")),
            PathBuf::from("data/big.notes.yaml")
        );
    }

    fn starred(id: &str) -> Annotations {
        let mut all = Annotations::default();
        all.edit(id, |a| a.star = true);
        all
    }

    #[test]
    fn saving_merges_what_another_process_wrote_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.notes.yaml");
        let empty = Annotations::default();
        // Both start from no file; one stars `a`, then the other disputes `b`.
        let first = save_notes(&path, &empty, &starred("a")).unwrap();
        let mut ours = Annotations::default();
        ours.edit("b", |a| a.review = Review::Disputed);
        let second = save_notes(&path, &empty, &ours).unwrap();
        assert!(second.is_starred("a"), "the first process's star is kept");
        assert_eq!(second.get("b").map(|a| a.review), Some(Review::Disputed));
        assert_eq!(read_notes(&path).unwrap(), second);
        assert_ne!(first, second);
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_notes_file_that_does_not_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.notes.yaml");
        fs::write(&path, "a:\n  star: maybe\n").unwrap();
        let error = save_notes(&path, &Annotations::default(), &starred("a")).unwrap_err();
        assert!(error.to_string().contains("left as it is"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "a:\n  star: maybe\n");
    }

    #[test]
    fn a_missing_file_holds_nothing_and_an_empty_save_writes_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.notes.yaml");
        assert!(read_notes(&path).unwrap().is_empty());
        let mut ours = Annotations::default();
        ours.insert("x".into(), Annotation::default());
        save_notes(&path, &Annotations::default(), &ours).unwrap();
        assert!(read_notes(&path).unwrap().is_empty());
    }
}
