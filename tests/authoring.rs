//! The authoring loop in a real terminal: the file edited by another process while tline
//! runs, broken and fixed; `R`; `e` with a fake editor.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::fixture::BASE;
use common::pty::*;
use tempfile::TempDir;

/// A second event, after the first.
const SECOND: &str = r#"  - id: ev2
    date: 2022-01-05
    title: Second event
    kind: talks
    actors: [nato]
    sources:
      - doc: doc
        paragraph: 2
        quote: "epsilon"
"#;

/// An event before both.
const EARLIER: &str = r#"  - id: ev0
    date: 2021-12-01
    title: Earlier event
    kind: talks
    actors: [nato]
    sources:
      - doc: doc
        paragraph: 1
        quote: "Alpha"
"#;

/// A directory holding `events.yaml` with `text`; returns it and the file's path.
fn timeline_file(text: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("events.yaml");
    std::fs::write(&path, text).expect("write the timeline");
    (dir, path)
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Waits for `text` and returns how long it took from `start`.
fn seconds_until(s: &mut Session, text: &str, start: Instant) -> Duration {
    s.wait_for(text);
    start.elapsed()
}

#[test]
fn editing_the_file_elsewhere_reloads_keeping_the_selection_and_errors_keep_the_last_good_timeline()
{
    let (_dir, path) = timeline_file(&format!("{BASE}{SECOND}"));
    let mut s = Session::spawn_with(120, 30, &[path_arg(&path)]);
    s.wait_for("event 1 of 2");
    s.press("j");
    s.wait_for("event 2 of 2");

    // An event earlier than both: the selected one moves down a row and stays selected.
    let start = Instant::now();
    std::fs::write(&path, format!("{BASE}{SECOND}{EARLIER}")).expect("edit");
    let took = seconds_until(&mut s, "reloaded: +1 event, 0 changed, 0 removed", start);
    // A figure for the notes, not an assertion: the machines are shared and noisy.
    println!("reload shown {} ms after the write", took.as_millis());
    s.wait_for("event 3 of 3");
    assert!(find(s.screen(), "Earlier event").is_some(), "{}", s.text());

    // Broken: the timeline stays, the status bar says so, E lists the error at its place.
    let broken = format!("{BASE}{SECOND}{EARLIER}").replace(
        "title: Second event\n    kind: talks\n    actors: [nato]",
        "title: Second event\n    kind: talks\n    actors: [nobody]",
    );
    let line = broken
        .lines()
        .position(|l| l.contains("nobody"))
        .expect("the broken line")
        + 1;
    std::fs::write(&path, &broken).expect("break");
    s.wait_for("the file no longer loads: 1 problem (E shows)");
    assert!(find(s.screen(), "event 3 of 3").is_some(), "{}", s.text());
    assert!(find(s.screen(), "Earlier event").is_some(), "{}", s.text());
    s.press("E");
    s.wait_for("unknown actor");
    let place = format!("events.yaml:{line}:");
    assert!(find(s.screen(), &place).is_some(), "{place}; {}", s.text());
    s.press("\x1b");
    s.wait_until("the errors closed", |screen| {
        find(screen, "unknown actor").is_none()
    });

    // Fixed, with the title changed: one event changed, the errors gone.
    let fixed = format!("{BASE}{SECOND}{EARLIER}").replace("Second event", "Second talks");
    std::fs::write(&path, fixed).expect("fix");
    s.wait_for("reloaded: +0 events, 1 changed, 0 removed");
    s.wait_for("Second talks");
    assert!(
        find(s.screen(), "no longer loads").is_none(),
        "{}",
        s.text()
    );
    s.press("E");
    s.wait_for("no load errors");
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn no_watch_leaves_the_file_alone_until_r() {
    let (_dir, path) = timeline_file(BASE);
    let mut s = Session::spawn_with(120, 30, &["--no-watch", path_arg(&path)]);
    s.wait_for("event 1 of 1");
    std::fs::write(&path, format!("{BASE}{SECOND}")).expect("edit");
    std::thread::sleep(Duration::from_millis(1200));
    assert!(find(s.screen(), "reloaded").is_none(), "{}", s.text());
    assert!(find(s.screen(), "event 1 of 1").is_some(), "{}", s.text());
    s.press("R");
    s.wait_for("reloaded: +1 event, 0 changed, 0 removed");
    s.wait_for("event 1 of 2");
    s.press("R");
    s.wait_for("reloaded: no change");
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn e_opens_the_editor_at_the_events_line_and_reloads_after() {
    let (dir, path) = timeline_file(&format!("{BASE}{SECOND}"));
    let args = dir.path().join("editor-args");
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\ncat >> \"$2\" <<'YAML'\n  - id: added\n    date: 2022-02-01\n    title: Added by the editor\n    kind: talks\n    actors: [nato]\n    sources:\n      - doc: doc\n        paragraph: 1\n        quote: \"gamma\"\nYAML\n",
            args.display()
        ),
    )
    .expect("write the editor");
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&editor)
        .status()
        .expect("chmod");
    let mut s = Session::spawn_env(
        120,
        30,
        &[path_arg(&path)],
        &[("VISUAL", path_arg(&editor)), ("EDITOR", "false")],
    );
    s.wait_for("event 1 of 2");
    s.press("j");
    s.wait_for("event 2 of 2");
    let before = s.written();
    s.press("e");
    let left = s.wait_for_bytes(LEAVE_ALT, before);
    s.wait_for_bytes(ENTER_ALT, left);
    s.wait_for("reloaded: +1 event, 0 changed, 0 removed");
    s.wait_for("event 2 of 3");
    let line = format!("{BASE}{SECOND}")
        .lines()
        .position(|l| l == "  - id: ev2")
        .expect("ev2 in the fixture")
        + 1;
    let given = std::fs::read_to_string(&args).expect("the editor ran");
    assert_eq!(given, format!("+{line}\n{}\n", path.display()));
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn the_bundled_timeline_cannot_be_edited_or_reloaded_and_says_so() {
    let mut s = Session::spawn(120, 30);
    s.wait_for("event 1 of 17");
    s.press("e");
    s.wait_for("the bundled timeline has no file to edit");
    s.press("R");
    s.wait_for("the bundled timeline has no file to reload");
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn ctrl_c_in_the_editor_is_the_editors() {
    // As git does: a Ctrl-c while the editor has the terminal (here a SIGINT to the
    // whole process group, as the terminal sends it) ends the editor, not tline.
    let (dir, path) = timeline_file(&format!("{BASE}{SECOND}"));
    let editor = dir.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nkill -INT 0\nsleep 1\n").expect("write the editor");
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&editor)
        .status()
        .expect("chmod");
    let mut s = Session::spawn_env(
        120,
        30,
        &[path_arg(&path)],
        &[("VISUAL", path_arg(&editor))],
    );
    s.wait_for("event 1 of 2");
    s.press("e");
    s.wait_for("the editor ended");
    s.press("j");
    s.wait_for("event 2 of 2");
    s.press("q");
    assert_eq!(s.wait_exit_code(), 0);
}

#[test]
fn an_article_opened_as_a_draft_reloads_as_a_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("article.txt");
    let article = "2022-03-04\n\nPresident Anna Berg told reporters on Thursday that the talks \
                   would resume, her office said.\n";
    std::fs::write(&path, article).expect("write the article");
    let mut s = Session::spawn_with(120, 30, &[path_arg(&path)]);
    s.wait_for("draft of");
    s.press("R");
    s.wait_for("reloaded: no change");
    let more =
        format!("{article}\nForeign ministers met in Geneva on Wednesday, officials said.\n");
    std::fs::write(&path, more).expect("edit the article");
    s.wait_for("reloaded: +");
    assert!(
        find(s.screen(), "no longer loads").is_none(),
        "{}",
        s.text()
    );
    s.press("q");
    assert!(s.wait_exit());
}
