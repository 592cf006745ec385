//! What a shell and `man` need: `tline completions SHELL` and `tline man [COMMAND]`,
//! both made from the definition clap parses with.

mod common;

use common::cmd::tline;
use tempfile::TempDir;

/// The stdout of a successful run with nothing on stderr.
fn stdout_of(args: &[&str]) -> String {
    let dir = TempDir::new().unwrap();
    let out = tline(dir.path()).args(args).assert().success().stderr("");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn completions_for_bash_zsh_and_fish_know_the_subcommands_and_flags() {
    let bash = stdout_of(&["completions", "bash"]);
    assert!(bash.contains("complete -F _tline"), "{bash}");
    let zsh = stdout_of(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef tline"), "{zsh}");
    let fish = stdout_of(&["completions", "fish"]);
    assert!(fish.contains("complete -c tline"), "{fish}");
    for script in [&bash, &zsh, &fish] {
        for word in [
            "check",
            "list",
            "source",
            "completions",
            "format",
            "markdown",
            "actor",
        ] {
            assert!(script.contains(word), "no {word} in {script}");
        }
    }
}

#[test]
fn an_unknown_shell_names_the_known_ones() {
    let dir = TempDir::new().unwrap();
    let out = tline(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{err}"
    );
}

#[test]
fn the_man_page_is_roff_for_tline_and_for_each_subcommand() {
    let page = stdout_of(&["man"]);
    assert!(
        page.contains(&format!(
            ".TH tline 1  \"tline {}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "{page}"
    );
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    assert!(page.contains("tline\\-list(1)"), "{page}");
    let list = stdout_of(&["man", "list"]);
    assert!(list.contains(".TH tline-list 1"), "{list}");
    assert!(list.contains("\\-\\-format"), "{list}");
    let dir = TempDir::new().unwrap();
    tline(dir.path())
        .args(["man", "lst"])
        .assert()
        .code(1)
        .stderr("tline: no subcommand \"lst\" (did you mean \"list\"?)\n");
}
