//! Source counts and the source filter (issue 15), through the real binary: the flags'
//! messages, exactly; `list` keeping corroborated or single-source events; and in the
//! terminal UI, the Event pane's "2 sources, 2 outlets" and the `O` key changing the
//! count the status bar shows.

mod common;

use common::cmd::tline;
use common::pty::Session;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corroboration");
const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/extract/merge");

fn stderr_of_usage_error(args: &[&str]) -> String {
    let dir = tempfile::TempDir::new().expect("a temporary directory");
    let output = tline(dir.path()).args(args).output().expect("runs");
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    String::from_utf8(output.stderr).expect("UTF-8")
}

#[test]
fn a_bad_source_count_and_both_flags_together_are_refused_in_words() {
    assert_eq!(
        stderr_of_usage_error(&["list", "--min-sources", "0"]),
        "error: invalid value '0' for '--min-sources <N>': expected a number of documents, \
         1 or more\n\nFor more information, try '--help'.\n"
    );
    assert_eq!(
        stderr_of_usage_error(&["list", "--min-sources", "2", "--single-source"]),
        "error: the argument '--min-sources <N>' cannot be used with '--single-source'\n\n\
         Usage: tline list --min-sources <N> [FILES]...\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn list_keeps_events_by_their_number_of_documents() {
    let dir = tempfile::TempDir::new().expect("a temporary directory");
    let files =
        ["actors.yaml", "cbs.yaml", "reuters.yaml", "ap.yaml"].map(|f| format!("{FIXTURE}/{f}"));
    // Every event of the fixture is told by one document: none has two.
    tline(dir.path())
        .arg("list")
        .args(&files)
        .arg("--min-sources=2")
        .assert()
        .success()
        .stdout("")
        .stderr("tline: no events match\n");
    let single = tline(dir.path())
        .arg("list")
        .args(&files)
        .args(["--single-source", "--format", "json"])
        .output()
        .expect("runs");
    let events: serde_json::Value = serde_json::from_slice(&single.stdout).expect("JSON");
    let events = events.as_array().expect("an array");
    assert_eq!(events.len(), 7);
    assert!(
        events
            .iter()
            .all(|e| e["doc_count"] == 1 && e["outlet_count"] == 1)
    );
}

#[test]
fn the_event_pane_counts_sources_and_c_steps_the_source_filter() {
    // Started beside the articles, so that the file names leave the status bar room.
    let script = format!(
        "cd '{ARTICLES}' && exec '{}' --no-watch wire.txt herald.txt",
        env!("CARGO_BIN_EXE_tline")
    );
    let mut s = Session::spawn_program(120, 40, "sh", &["-c", &script], &[]);
    s.wait_for("of 6");
    s.press("g");
    s.wait_for("event 1 of 6");
    // The call both articles tell is drafted as one event, selected first.
    s.wait_for("Cited   2 sources, 2 outlets");
    s.press("O");
    s.wait_for("event 1 of 1 (6 in all) · sources ≥ 2");
    s.press("O");
    s.wait_for("event 1 of 5 (6 in all) · single source");
    s.wait_for("Cited   1 source, 1 outlet");
    // Back to every event, the single-source event selected stays so.
    s.press("O");
    s.wait_for("event 2 of 6");
    let screen = s.text();
    assert!(!screen.contains("single source"), "{screen}");
    s.press("q");
    assert!(s.wait_exit(), "quits");
}
