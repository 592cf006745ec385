//! Opening the selected event in the person's editor: `$VISUAL`, else `$EDITOR`, else
//! `vi`, given `+LINE FILE` (the convention vim, nano, emacs, helix and kakoune accept).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

use crate::load::{LoadError, event_line};

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

/// Where the first problem of `error` that has a line is, in one of `paths` (as the
/// load named them).
pub fn first_problem(paths: &[PathBuf], error: &LoadError) -> Option<Place> {
    error.diagnostics.iter().find_map(|d| {
        let line = d.line?;
        let file = paths.iter().find(|p| p.display().to_string() == d.file)?;
        Some(Place {
            file: file.clone(),
            line: Some(line),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Diagnostic;

    fn arguments(place: &Place) -> Vec<String> {
        let command = command(place);
        let all: Vec<String> = command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        // `-c`, the editor line, `$0`, then what the editor receives.
        all[3..].to_vec()
    }

    #[test]
    fn the_editor_gets_plus_line_and_the_file_or_the_file_alone() {
        let file = PathBuf::from("events.yaml");
        let at = Place {
            file: file.clone(),
            line: Some(12),
        };
        assert_eq!(arguments(&at), ["+12", "events.yaml"]);
        let start = Place { file, line: None };
        assert_eq!(arguments(&start), ["events.yaml"]);
        let odd = Place {
            file: PathBuf::from("-n.yaml"),
            line: None,
        };
        assert_eq!(arguments(&odd), ["./-n.yaml"], "never read as an option");
    }

    #[test]
    fn while_the_files_do_not_load_the_editor_opens_at_the_first_problem_with_a_line() {
        let paths = [PathBuf::from("a.yaml"), PathBuf::from("b.yaml")];
        let problem = |file: &str, line| Diagnostic {
            file: file.into(),
            line,
            column: None,
            message: "bad".into(),
        };
        let error = LoadError {
            diagnostics: vec![problem("a.yaml", None), problem("b.yaml", Some(7))],
        };
        assert_eq!(
            first_problem(&paths, &error),
            Some(Place {
                file: paths[1].clone(),
                line: Some(7)
            })
        );
    }
}
