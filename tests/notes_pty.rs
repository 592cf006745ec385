//! Annotating in the real TUI: star, review, tag and note an event, quit, start again:
//! all there, and the notes file as written; another process writing the same notes
//! file meanwhile loses nothing, and neither does the TUI.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Instant;

use common::cmd::tline;
use common::pty::{POLL, Session, TIMEOUT, find};
use tline::load::BUNDLED_YAML;

/// A directory holding a copy of the bundled timeline; returns it and the file's path.
fn timeline_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("events.yaml");
    fs::write(&path, BUNDLED_YAML).expect("write the timeline");
    (dir, path)
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Waits until the notes file `path` holds `text`; returns the file's text.
fn wait_for_notes(path: &Path, text: &str) -> String {
    let start = Instant::now();
    loop {
        let held = fs::read_to_string(path).unwrap_or_default();
        if held.contains(text) {
            return held;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "the notes file never held {text:?}: {held}"
        );
        thread::sleep(POLL);
    }
}

/// The TUI on `path` as the author `ana`, its first screen drawn.
fn open(path: &Path) -> Session {
    let mut s = Session::spawn_env(120, 30, &[path_arg(path)], &[("TLINE_AUTHOR", "ana")]);
    s.wait_for("event 1 of 17");
    s
}

/// Selects the event found by searching `words`.
fn select(s: &mut Session, words: &str, id: &str) {
    s.press(&format!("/{words}\r"));
    s.wait_for(id);
}

#[test]
fn star_review_tags_and_a_note_survive_quitting_and_the_file_reads_as_written() {
    let (dir, path) = timeline_copy();
    let notes = dir.path().join("events.notes.yaml");
    let mut s = open(&path);
    select(&mut s, "speak by phone", "Id      biden-putin-call");
    s.press("m");
    s.wait_for("Starred ★");
    s.press("v");
    s.wait_for("Review  ✓ verified");
    s.press("T");
    s.wait_for("tags (one word each");
    s.press("key call\r");
    s.wait_for("Tags    call, key");
    s.press("c");
    s.wait_for("note (Markdown");
    s.press("Readout confirms **it**.\r");
    s.wait_for("Readout confirms **it**.");
    s.wait_for("★✓✎ Biden and Putin speak");
    let text = wait_for_notes(&notes, "Readout confirms");
    s.press("q");
    assert!(s.wait_exit());

    let date = text
        .lines()
        .find_map(|l| l.strip_prefix("    - date: "))
        .expect("the note's date");
    assert_eq!(
        text,
        format!(
            "# tline notes: star, review, tags and notes by event id (the timeline files are never rewritten)
biden-putin-call:
  star: true
  review: verified
  tags: [\"call\", \"key\"]
  notes:
    - date: {date}
      author: \"ana\"
      text: \"Readout confirms **it**.\"
"
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), BUNDLED_YAML);
    tline(dir.path()).arg("check").assert().success().stderr("");

    let mut s = open(&path);
    s.wait_for("★✓✎ Biden and Putin speak");
    select(&mut s, "speak by phone", "Id      biden-putin-call");
    for shown in [
        "Starred ★",
        "Review  ✓ verified",
        "Tags    call, key",
        "Readout confirms **it**.",
        "ana · ",
    ] {
        assert!(find(s.screen(), shown).is_some(), "{shown:?}: {}", s.text());
    }
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn a_script_writing_the_notes_file_meanwhile_loses_nothing_and_the_tui_shows_its_note() {
    let (dir, path) = timeline_copy();
    let notes = dir.path().join("events.notes.yaml");
    let mut s = open(&path);
    tline(dir.path())
        .args([
            "note",
            "jstars-flight-2021-12-27",
            "from the script",
            "--tag",
            "flights",
        ])
        .assert()
        .success();
    // The TUI read the file before the script wrote it: its own save merges.
    s.press("m");
    let text = wait_for_notes(&notes, "star: true");
    assert!(text.contains("from the script"), "{text}");
    assert!(
        text.contains("russian-troop-withdrawal-reports:\n  star: true"),
        "{text}"
    );
    select(
        &mut s,
        "spy plane flies",
        "Id      jstars-flight-2021-12-27",
    );
    s.wait_for("from the script");
    s.wait_for("Tags    flights");
    // And the script's next write keeps the TUI's star.
    tline(dir.path())
        .args(["note", "jstars-flight-2021-12-27", "--review", "disputed"])
        .assert()
        .success();
    let text = fs::read_to_string(&notes).unwrap();
    assert!(
        text.contains("russian-troop-withdrawal-reports:\n  star: true"),
        "{text}"
    );
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn the_bundled_timeline_annotates_in_memory_and_says_the_notes_are_not_saved() {
    let mut s = Session::spawn(120, 30);
    s.wait_for("event 1 of 17");
    s.press("m");
    s.wait_for("notes not saved (kept in memory)");
    s.wait_for("Starred ★");
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn a_long_note_is_written_in_the_editor_and_kept_whole() {
    let (dir, path) = timeline_copy();
    let editor = dir.path().join("editor.sh");
    fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Line one of a long note.\\n\\nLine **two**, after a blank.\\n' > \"$1\"\n",
    )
    .expect("write the editor");
    fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("make the editor runnable");
    let mut s = Session::spawn_env(
        120,
        30,
        &[path_arg(&path)],
        &[("TLINE_AUTHOR", "ana"), ("VISUAL", path_arg(&editor))],
    );
    s.wait_for("event 1 of 17");
    s.press("C");
    s.wait_for("Line **two**, after a blank.");
    let text = wait_for_notes(&dir.path().join("events.notes.yaml"), "Line **two**");
    assert!(
        text.contains(
            "      text: |-\n        Line one of a long note.\n\n        Line **two**, after a blank.\n"
        ),
        "{text}"
    );
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn a_note_another_process_writes_shows_in_the_open_tui_without_a_key() {
    let (dir, path) = timeline_copy();
    let mut s = open(&path);
    select(
        &mut s,
        "spy plane flies",
        "Id      jstars-flight-2021-12-27",
    );
    tline(dir.path())
        .args([
            "note",
            "jstars-flight-2021-12-27",
            "written elsewhere",
            "--star",
        ])
        .assert()
        .success();
    s.wait_for("written elsewhere");
    s.wait_for("Starred ★");
    s.press("q");
    assert!(s.wait_exit());
}
