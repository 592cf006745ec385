//! `tline extract a.txt b.txt` (issue 15): one happening told by two articles in other
//! words is drafted as one event with a source from each; a pair the finder is unsure of
//! is kept apart and named in the draft's comment.

mod common;

use std::fs;
use std::path::Path;

use common::cmd::{dir_with, tline};

const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/extract/merge");

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let output = tline(dir).args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "tline {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn article(name: &str) -> String {
    format!("{ARTICLES}/{name}")
}

#[test]
fn one_call_told_by_two_articles_is_one_event_with_two_sources() {
    let dir = dir_with::<&str>(&[]);
    let yaml = run_ok(
        dir.path(),
        &["extract", &article("wire.txt"), &article("herald.txt")],
    );
    let call = "\
  - id: \"president-maria-lopez-told-prime\"
    date: \"2023-01-31\"
    date_text: \"Tuesday\"
    title: \"President Maria Lopez told Prime Minister Anders Berg\"
    kind: \"call\"
    status: \"occurred\"
    actors: [\"lopez\", \"berg\"]
    sources:
      - doc: \"wire\"
        paragraph: 1
        quote: \"President Maria Lopez told Prime Minister Anders Berg in a phone call on Tuesday\"
      - doc: \"herald\"
        paragraph: 1
        quote: \"President Maria Lopez told Prime Minister Anders Berg during a phone call on Tuesday\"
";
    assert!(yaml.contains(call), "{yaml}");
    assert!(
        !yaml.contains("president-maria-lopez-told-prime-2"),
        "{yaml}"
    );
    assert!(!yaml.contains("Kept apart"), "{yaml}");
    fs::write(dir.path().join("draft.yaml"), &yaml).expect("writes");
    let corroborated = run_ok(
        dir.path(),
        &[
            "list",
            "draft.yaml",
            "--min-sources",
            "2",
            "--format",
            "csv",
        ],
    );
    let records = common::csv::records(&corroborated);
    assert_eq!(records.len(), 2, "a header and one event: {corroborated}");
    let event = &records[1];
    assert_eq!(event[0], "president-maria-lopez-told-prime");
    assert_eq!(event[event.len() - 2..], ["2", "2"], "{corroborated}");
}

#[test]
fn a_pair_the_finder_is_unsure_of_stays_apart_and_is_named_in_the_comment() {
    let dir = dir_with::<&str>(&[]);
    let yaml = run_ok(
        dir.path(),
        &["extract", &article("wire.txt"), &article("gazette.txt")],
    );
    assert!(
        yaml.contains(
            "\n# Kept apart, maybe one happening (score 0.53): \
             president-maria-lopez-told-prime and call-on-tuesday-that-the.\n"
        ),
        "{yaml}"
    );
    fs::write(dir.path().join("draft.yaml"), &yaml).expect("writes");
    let summary = run_ok(dir.path(), &["check", "draft.yaml"]);
    assert!(
        summary.starts_with("draft.yaml: ok, 2 documents"),
        "{summary}"
    );
}

#[test]
fn json_has_no_comments_so_the_unsure_pair_is_a_note_on_stderr() {
    let dir = dir_with::<&str>(&[]);
    let output = tline(dir.path())
        .args(["extract", "--format", "json"])
        .args([article("wire.txt"), article("gazette.txt")])
        .output()
        .expect("runs");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stderr).expect("UTF-8"),
        "tline: note: Kept apart, maybe one happening (score 0.53): \
         president-maria-lopez-told-prime and call-on-tuesday-that-the.\n"
    );
}
