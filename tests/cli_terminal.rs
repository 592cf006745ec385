//! The command line on a terminal (issue 13): `list` shows a header and the event ids and
//! fits each line to the terminal's width, while a pipe keeps the plain lines that
//! scripts read (tests/cli.rs and the list snapshots); an empty result says so on stderr;
//! the TUI refuses the same bad filters as `list`.

mod common;

use common::cmd::tline;
use common::pty::Session;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

/// The lines `tline ARGS` writes on a `cols`-column terminal, and its exit status.
fn on_terminal(cols: u16, args: &[&str]) -> (Vec<String>, u32) {
    let mut s = Session::spawn_with(cols, 50, args);
    let code = s.wait_exit_code();
    let raw = String::from_utf8(s.raw()).expect("UTF-8");
    let lines = raw.split("\r\n").map(String::from).collect::<Vec<_>>();
    let lines = lines.into_iter().filter(|l| !l.is_empty()).collect();
    (lines, code)
}

#[test]
fn list_on_a_terminal_has_a_header_and_ids_and_fits_the_width() {
    // Was: no header, no ids, lines of up to 140 columns on an 80-column terminal.
    for cols in [80, 120] {
        let (lines, code) = on_terminal(cols, &["list"]);
        assert_eq!(code, 0);
        assert_eq!(lines.len(), 18, "{lines:#?}");
        assert!(lines[0].starts_with("Date    "), "{}", lines[0]);
        assert!(lines[0].contains("  Id    "), "{}", lines[0]);
        assert!(lines[0].contains("  Title"), "{}", lines[0]);
        for line in &lines {
            assert!(line.width() <= usize::from(cols), "{cols}: {line:?}");
        }
        let call = lines
            .iter()
            .find(|l| l.contains("  biden-putin-call  "))
            .unwrap_or_else(|| panic!("no id column: {lines:#?}"));
        assert!(call.contains("Biden and Putin"), "{call}");
    }
    let (lines, _) = on_terminal(120, &["list"]);
    assert!(lines[0].ends_with("  Actors"), "{}", lines[0]);
    let cut = lines
        .iter()
        .find(|l| l.contains("us-intelligence-invasion-warning"))
        .expect("the first event");
    assert!(
        cut.contains("US intelligence warns Russia could in…"),
        "{cut}"
    );
}

#[test]
fn an_empty_result_says_so_on_a_terminal_and_on_a_pipe() {
    // Was: nothing at all.
    let (lines, code) = on_terminal(80, &["list", "--kind", "call", "--from", "2022-01-02"]);
    assert_eq!(code, 0);
    assert_eq!(lines, ["tline: no events match"]);
    let dir = TempDir::new().unwrap();
    tline(dir.path())
        .args(["list", "--kind", "call", "--from", "2022-01-02"])
        .assert()
        .success()
        .stdout("")
        .stderr("tline: no events match\n");
    tline(dir.path())
        .args(["list", "--format", "json", "--search", "no such words"])
        .assert()
        .success()
        .stdout("[]\n")
        .stderr("tline: no events match\n");
}

#[test]
fn the_tui_refuses_an_unknown_kind_at_start() {
    let mut s = Session::spawn_with(100, 20, &["--kind", "tallks"]);
    assert_eq!(s.wait_exit_code(), 1);
    assert!(
        s.text()
            .contains("unknown kind \"tallks\" (did you mean \"talks\" or \"call\"?)"),
        "{}",
        s.text()
    );
}

#[test]
fn the_tui_refuses_the_same_file_twice() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("events.yaml");
    std::fs::write(&path, common::fixture::BASE).unwrap();
    let path = path.to_str().unwrap().to_string();
    let again = format!("{}/./events.yaml", dir.path().display());
    let mut s = Session::spawn_with(200, 20, &[&path, &again]);
    assert_eq!(s.wait_exit_code(), 1);
    assert!(
        s.text().contains("are the same file (name each file once)"),
        "{}",
        s.text()
    );
}
