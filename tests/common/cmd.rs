//! The binary run in a directory, and the temporary directories it runs in.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// The binary, run in `dir`, as a plain [`std::process::Command`] for tests that spawn it
/// themselves or set it up further (a memory cap, their own pipes).
///
/// NO_COLOR is removed: stdout is a pipe in tests, and output must be plain because of
/// that, whatever the environment running the tests sets.
pub fn tline_std(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tline"));
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

/// The binary, run in `dir` (see [`tline_std`]), with assert_cmd's assertions.
pub fn tline(dir: &Path) -> Command {
    Command::from_std(tline_std(dir))
}

/// A temporary directory holding `files`, each a name and its contents.
pub fn dir_with<T: AsRef<[u8]>>(files: &[(&str, T)]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (name, contents) in files {
        fs::write(dir.path().join(name), contents).unwrap();
    }
    dir
}
