//! Arguments clap cannot parse (issue 18 item 14): the error repeats the words it could
//! not use made visible, as `list` shows text from a file, with clap's exit statuses (2
//! for an error, 0 for `--help` and `--version`) and colours on a terminal only.

mod common;

use common::cmd::tline;
use common::pty::Session;
use tempfile::TempDir;

#[test]
fn a_bad_value_is_echoed_visibly_on_a_pipe() {
    let dir = TempDir::new().unwrap();
    let out = tline(dir.path())
        .args(["list", "--format", "\u{202E}json\u{E0041}\x7f"])
        .assert()
        .code(2)
        .stdout("");
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.starts_with("error: invalid value '<U+202E>json<U+E0041>^?' for '--format <FORMAT>'\n"),
        "{err}"
    );
    assert!(!err.contains('\x1b'), "no colours on a pipe: {err:?}");
}

#[test]
fn an_unknown_argument_and_its_tip_are_echoed_visibly() {
    let dir = TempDir::new().unwrap();
    let out = tline(dir.path())
        .args(["list", "--\u{202E}x"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(!err.contains('\u{202E}'), "{err:?}");
    assert!(err.contains("'--<U+202E>x'"), "{err}");
}

#[test]
fn help_and_version_keep_their_status_and_stream() {
    let dir = TempDir::new().unwrap();
    let out = tline(dir.path())
        .arg("--help")
        .assert()
        .success()
        .stderr("");
    let help = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        help.contains("Usage: tline [OPTIONS] [FILES]... [COMMAND]"),
        "{help}"
    );
    tline(dir.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("tline {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn the_search_help_names_every_field_searched() {
    // Was: "title, summary or quotes", while the search also matches actors' names.
    let dir = TempDir::new().unwrap();
    let out = tline(dir.path())
        .args(["list", "--help"])
        .assert()
        .success();
    let help = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        help.contains("title, summary, quotes or actors' names"),
        "{help}"
    );
}

#[test]
fn an_escape_sequence_in_a_bad_value_never_reaches_the_terminal() {
    // Was: clap wrote the OSC sequence (set the window title) raw to the terminal.
    let mut s = Session::spawn_with(120, 20, &["list", "--format", "\x1b]0;X\x07"]);
    assert_eq!(s.wait_exit_code(), 2);
    let raw = s.raw();
    assert!(
        !raw.windows(4).any(|w| w == b"\x1b]0;"),
        "{:?}",
        String::from_utf8_lossy(&raw)
    );
    assert!(
        s.text().contains("invalid value '^[]0;X^G'"),
        "{}",
        s.text()
    );
    // clap still colours its own words on a terminal.
    assert!(
        raw.windows(2).any(|w| w == b"\x1b["),
        "no colour on a terminal"
    );
}
