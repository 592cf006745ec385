//! Opening the selected event in the person's editor: `$VISUAL`, else `$EDITOR`, else
//! `vi`, given `+LINE FILE` (the convention vim, nano, emacs, helix and kakoune accept).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

use crate::load::event_line;

/// Where an event is written: its file and, when found, its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file that holds the event (the first file when none is found to).
    pub file: PathBuf,
    /// The 1-based line of its `id`, if found.
    pub line: Option<usize>,
}

/// Which of `paths` holds the event `id`, and at which line; the first file, at no line,
/// when none is found to hold it. `None` when there is no file.
pub fn locate(paths: &[PathBuf], id: &str, max_bytes: Option<u64>) -> Option<Place> {
    let limit = max_bytes.unwrap_or(u64::MAX);
    paths
        .iter()
        .find_map(|path| {
            let small = std::fs::metadata(path).is_ok_and(|m| m.len() <= limit);
            let text = if small {
                std::fs::read_to_string(path).ok()?
            } else {
                return None;
            };
            event_line(&text, id).map(|line| Place {
                file: path.clone(),
                line: Some(line),
            })
        })
        .or_else(|| {
            paths.first().map(|file| Place {
                file: file.clone(),
                line: None,
            })
        })
}

/// The editor's command line, run through `sh` as git does so that an `$EDITOR` with
/// arguments (`code --wait`) works: `+LINE FILE`, or just `FILE` when the line is not
/// known.
pub fn command(place: &Place) -> Command {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| "vi".into());
    let mut editor_line = editor;
    editor_line.push(" \"$@\"");
    let mut command = Command::new("sh");
    command.arg("-c").arg(editor_line).arg("editor");
    if let Some(line) = place.line {
        command.arg(format!("+{line}"));
    }
    command.arg(file_argument(&place.file));
    command
}

/// The file as an argument no editor reads as an option.
fn file_argument(file: &Path) -> PathBuf {
    if file.is_relative() && file.to_string_lossy().starts_with(['-', '+']) {
        Path::new(".").join(file)
    } else {
        file.to_path_buf()
    }
}

/// Runs the editor on `place` and waits for it.
pub fn run(place: &Place) -> std::io::Result<ExitStatus> {
    command(place).status()
}
