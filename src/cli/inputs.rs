//! The files a command was given, checked before any is read: the same file named twice,
//! and words that are not files but look like what the person meant (a subcommand, an
//! event id). The loader reports everything else about a file. A directory stands for
//! the timeline files in it.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::load::Format;
use crate::load::notes::is_notes_file;
use crate::model::closest;

/// `files` with each directory replaced by the timeline files directly in it (those whose
/// extension names a format: `.yaml`, `.yml`, `.json`, `.jsonl`, `.ndjson`), sorted by
/// name; subdirectories and other files in it are left out. A directory holding no
/// timeline file is an error naming it, as is one that cannot be read.
pub fn expand_directories(files: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut expanded = Vec::with_capacity(files.len());
    for file in files {
        if !file.is_dir() {
            expanded.push(file.clone());
            continue;
        }
        let entries = fs::read_dir(file)
            .map_err(|e| anyhow::anyhow!("{}: cannot read the directory: {e}", file.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                Format::named_by(name).is_some()
                    && !name.starts_with('.')
                    && !is_notes_file(name)
                    && !path.is_dir()
            })
            .collect();
        if found.is_empty() {
            bail!(
                "{}: a directory with no timeline file in it ({})",
                file.display(),
                Format::EXTENSIONS
            );
        }
        found.sort();
        expanded.append(&mut found);
    }
    Ok(expanded)
}

/// Refuses `files` when two of them are the same file: `f` and `./f`, a symlink and its
/// target, two hard links. Loading a file twice would report each of its items as a
/// duplicate of itself. Files that cannot be looked at are left to the loader.
pub fn refuse_duplicates(files: &[PathBuf]) -> Result<()> {
    let mut seen: HashMap<FileIdentity, &Path> = HashMap::new();
    for file in files {
        let Some(identity) = FileIdentity::of(file) else {
            continue;
        };
        if let Some(first) = seen.insert(identity, file) {
            bail!(
                "{} and {} are the same file (name each file once)",
                first.display(),
                file.display()
            );
        }
    }
    Ok(())
}

/// What makes two paths the same file.
#[derive(Debug, PartialEq, Eq, Hash)]
enum FileIdentity {
    /// The device and inode, which hard links share too.
    #[cfg(unix)]
    Inode(u64, u64),
    /// The path with every link and `.` resolved.
    #[cfg(not(unix))]
    Canonical(PathBuf),
}

impl FileIdentity {
    /// The identity of the file at `path`, if it can be looked at.
    fn of(path: &Path) -> Option<FileIdentity> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let meta = fs::metadata(path).ok()?;
            Some(FileIdentity::Inode(meta.dev(), meta.ino()))
        }
        #[cfg(not(unix))]
        {
            fs::canonicalize(path).ok().map(FileIdentity::Canonical)
        }
    }
}

/// Refuses a first file that does not exist and is close to one of `subcommands`
/// (`tline chek`): with no subcommand, clap takes every word for a file name.
pub fn refuse_mistyped_subcommand(files: &[PathBuf], subcommands: &[&str]) -> Result<()> {
    let Some(first) = files.first() else {
        return Ok(());
    };
    let Some(word) = bare_word(first) else {
        return Ok(());
    };
    match closest(word, subcommands.iter().copied(), 1).first() {
        Some(best) => bail!(
            "{word}: no such file or subcommand (did you mean `tline {}`?)",
            best.trim_matches('"')
        ),
        None => Ok(()),
    }
}

/// Refuses a file of `tline source` that does not exist and could be an event id
/// (`tline source ID1 ID2` takes ID1 for a file).
pub fn refuse_event_id_as_file(files: &[PathBuf]) -> Result<()> {
    match files.iter().find_map(|f| bare_word(f)) {
        Some(word) => {
            bail!("{word}: no such file (`tline source` takes the files, then one event id)")
        }
        None => Ok(()),
    }
}

/// `path` as a word, if it names no file and is not written like a path: no directory,
/// no extension. Such a word was more likely meant as something else.
fn bare_word(path: &Path) -> Option<&str> {
    let word = path.to_str()?;
    let looks_like_path = word.contains(std::path::MAIN_SEPARATOR)
        || word.contains('/')
        || path.extension().is_some();
    if looks_like_path || fs::symlink_metadata(path).is_ok() {
        return None;
    }
    Some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_stands_for_its_timeline_files_sorted_by_name() {
        let dir = tempfile::TempDir::new().unwrap();
        for name in ["b.json", "a.yaml", "notes.txt", "c.YML", ".hidden.yaml"] {
            fs::write(dir.path().join(name), "").unwrap();
        }
        fs::create_dir(dir.path().join("sub.yaml")).unwrap();
        let expanded = expand_directories(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = expanded
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.yaml", "b.json", "c.YML"]);
    }

    #[test]
    fn a_word_is_bare_unless_it_is_a_file_or_looks_like_a_path() {
        assert_eq!(bare_word(Path::new("chek")), Some("chek"));
        assert_eq!(bare_word(Path::new("chek.yaml")), None);
        assert_eq!(bare_word(Path::new("dir/chek")), None);
        assert_eq!(bare_word(Path::new("/")), None);
    }

    #[test]
    fn a_word_far_from_every_subcommand_is_left_to_the_loader() {
        let subcommands = ["check", "list", "source"];
        let files = [PathBuf::from("zzzzzz")];
        assert!(refuse_mistyped_subcommand(&files, &subcommands).is_ok());
        let files = [PathBuf::from("sourse")];
        let err = refuse_mistyped_subcommand(&files, &subcommands).unwrap_err();
        assert_eq!(
            err.to_string(),
            "sourse: no such file or subcommand (did you mean `tline source`?)"
        );
    }
}
