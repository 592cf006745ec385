//! The notes file from the command line: `tline note`, `list --starred/--tag/--review`,
//! `check`'s report of notes on ids that no event has, the messages of a broken notes
//! file, several writers at once, and writers killed mid-write.

mod common;

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::thread;
use std::time::Duration;

use common::cmd::{dir_with, tline, tline_std};
use predicates::prelude::*;
use tline::load::BUNDLED_YAML;
use tline::load::notes::read_notes;

/// A directory holding a copy of the bundled timeline as `events.yaml`.
fn timeline_dir() -> tempfile::TempDir {
    dir_with(&[("events.yaml", BUNDLED_YAML)])
}

/// The notes file's text with each note's time replaced by `TIME`.
fn without_times(text: &str) -> String {
    text.lines()
        .map(|l| match l.split_once("- date: ") {
            Some((indent, _)) => format!("{indent}- date: TIME"),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn note_writes_a_diff_friendly_file_beside_the_timeline_that_list_filters_by() {
    let dir = timeline_dir();
    tline(dir.path())
        .args(["note", "biden-putin-call", "Readout confirms it.\nSee ¶4."])
        .args([
            "--star", "--tag", "key", "--tag", "call", "--review", "verified",
        ])
        .args(["--author", "ana"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "biden-putin-call: ★ · verified · tags: call key · 1 note\n",
        ));
    tline(dir.path())
        .args([
            "note",
            "jstars-flight-2021-12-27",
            "--review",
            "disputed",
            "--tag",
            "flights",
        ])
        .assert()
        .success();
    let text = fs::read_to_string(dir.path().join("events.notes.yaml")).unwrap();
    assert_eq!(
        without_times(&text),
        "# tline notes: star, review, tags and notes by event id (the timeline files are never rewritten)
biden-putin-call:
  star: true
  review: verified
  tags: [\"call\", \"key\"]
  notes:
    - date: TIME
      author: \"ana\"
      text: |-
        Readout confirms it.
        See ¶4.
jstars-flight-2021-12-27:
  review: disputed
  tags: [\"flights\"]"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("events.yaml")).unwrap(),
        BUNDLED_YAML,
        "the timeline is never rewritten"
    );
    tline(dir.path())
        .args(["list", "--starred"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Biden and Putin speak by phone"))
        .stdout(predicate::str::contains("JSTARS").not());
    tline(dir.path())
        .args(["list", "--tag", "flights", "--tag", "key", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "id,date,start,end,title,kind,status,actors,date_text,summary,actor_ids,sources,doc_count,outlet_count,starred,review,tags,notes\n",
        ))
        .stdout(predicate::str::contains(",true,verified,call key,"))
        .stdout(predicate::str::contains(" ana: Readout confirms it.\\nSee ¶4.\n"));
    tline(dir.path())
        .args(["list", "--review", "disputed", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"review\": \"disputed\""))
        .stdout(predicate::str::contains("\"id\": \"biden-putin-call\"").not());
    tline(dir.path())
        .args(["list", "--starred", "--format", "chronology"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "★ Starred · Review: **verified** · Tags: call, key",
        ))
        .stdout(predicate::str::contains("*Note (ana, "));
    // Untagging, unstarring and setting a review back leave nothing to write.
    tline(dir.path())
        .args(["note", "jstars-flight-2021-12-27", "--untag", "flights"])
        .args(["--review", "unreviewed"])
        .assert()
        .success()
        .stdout("jstars-flight-2021-12-27: not starred · unreviewed · 0 notes\n");
    let text = fs::read_to_string(dir.path().join("events.notes.yaml")).unwrap();
    assert!(!text.contains("jstars"), "{text}");
}

#[test]
fn mistakes_on_the_command_line_name_what_there_is() {
    let dir = timeline_dir();
    tline(dir.path())
        .args(["note", "biden-putin-call", "--tag", "key"])
        .assert()
        .success();
    tline(dir.path())
        .args(["list", "--tag", "kee"])
        .assert()
        .failure()
        .stderr("tline: unknown tag \"kee\" (did you mean \"key\"?)\n");
    tline(dir.path())
        .args(["list", "--review", "disputd"])
        .assert()
        .failure()
        .stderr("tline: unknown review status \"disputd\" (did you mean \"disputed\"? expected unreviewed, verified, disputed, needs-source)\n");
    tline(dir.path())
        .args(["note", "biden-putin-cal", "hello"])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(
            "tline: no event with id \"biden-putin-cal\" (did you mean \"biden-putin-call\"",
        ));
    tline(dir.path())
        .args(["note", "biden-putin-call", "--tag", "two words"])
        .assert()
        .failure()
        .stderr("tline: --tag \"two words\": a tag is one word (no spaces or commas)\n");
    tline(dir.path())
        .args(["note", "biden-putin-call", "  "])
        .assert()
        .failure()
        .stderr("tline: a note needs some text\n");
}

#[test]
fn a_broken_notes_file_is_reported_at_its_line_and_field_and_left_alone() {
    let broken = "biden-putin-call:\n  star: true\n  review: maybe\n";
    let dir = dir_with(&[("events.yaml", BUNDLED_YAML), ("events.notes.yaml", broken)]);
    let message = "events.notes.yaml:3:11: biden-putin-call.review: unknown review status \"maybe\" (expected unreviewed, verified, disputed, needs-source)";
    tline(dir.path())
        .arg("check")
        .assert()
        .failure()
        .stderr(format!("{message}\n1 error\n"));
    tline(dir.path())
        .arg("list")
        .assert()
        .failure()
        .stderr(format!("tline: {message}\n"));
    tline(dir.path())
        .args(["note", "biden-putin-call", "--star"])
        .assert()
        .failure()
        .stderr(format!("tline: {message}\n"));
    assert_eq!(
        fs::read_to_string(dir.path().join("events.notes.yaml")).unwrap(),
        broken
    );
    let unknown =
        "biden-putin-call:\n  notes:\n    - date: 2026-12-01\n      author: ana\n      txt: hi\n";
    fs::write(dir.path().join("events.notes.yaml"), unknown).unwrap();
    tline(dir.path())
        .arg("check")
        .assert()
        .failure()
        .stderr("events.notes.yaml:5:7: biden-putin-call.notes[0]: unknown field `txt`, expected one of `date`, `author`, `text`\n1 error\n");
}

#[test]
fn check_reports_notes_on_ids_no_event_has_and_keeps_them() {
    let notes =
        "gone-event:\n  star: true\nalso-gone:\n  tags: [\"x\"]\nbiden-putin-call:\n  star: true\n";
    let dir = dir_with(&[("events.yaml", BUNDLED_YAML), ("events.notes.yaml", notes)]);
    tline(dir.path()).arg("check").assert().success().stderr(
        "warning: events.notes.yaml: notes on 2 ids no event has (kept): also-gone, gone-event\n",
    );
    tline(dir.path())
        .args(["note", "biden-putin-call", "--review", "verified"])
        .assert()
        .success();
    let kept = read_notes(&dir.path().join("events.notes.yaml")).unwrap();
    assert!(kept.is_starred("gone-event") && kept.get("also-gone").is_some());
}

#[test]
fn notes_path_and_several_files_put_the_notes_beside_the_first_or_where_asked() {
    let dir = dir_with(&[("a.yaml", BUNDLED_YAML)]);
    tline(dir.path())
        .args(["note", "-f", "a.yaml", "biden-putin-call", "--star"])
        .assert()
        .success();
    assert!(dir.path().join("a.notes.yaml").is_file());
    tline(dir.path())
        .args([
            "note",
            "-f",
            "a.yaml",
            "--notes",
            "team.yaml",
            "biden-putin-call",
            "--tag",
            "t",
        ])
        .assert()
        .success();
    let team = read_notes(&dir.path().join("team.yaml")).unwrap();
    assert!(!team.is_starred("biden-putin-call"), "a file of its own");
    tline(dir.path())
        .args(["list", "a.yaml", "--notes", "team.yaml", "--tag", "t"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Biden and Putin speak"));
}

/// How many `tline note` processes write at once.
const WRITERS: usize = 8;

#[test]
fn writers_at_once_keep_every_note() {
    let dir = timeline_dir();
    let children: Vec<_> = (0..WRITERS)
        .map(|i| {
            tline_std(dir.path())
                .args(["note", "biden-putin-call", &format!("note {i}")])
                .args(["--tag", &format!("t{i}")])
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let notes = read_notes(&dir.path().join("events.notes.yaml")).unwrap();
    let annotation = notes.get("biden-putin-call").unwrap();
    assert_eq!(annotation.notes.len(), WRITERS, "{annotation:?}");
    assert_eq!(annotation.tags.len(), WRITERS, "{annotation:?}");
}

/// A small deterministic generator of kill delays.
fn next_delay(seed: &mut u64) -> Duration {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    Duration::from_micros((*seed >> 33) % 60_000)
}

/// Whether the notes file in `dir` reads, and how many notes it holds.
fn notes_held(dir: &Path) -> usize {
    let notes = read_notes(&dir.join("events.notes.yaml"))
        .unwrap_or_else(|e| panic!("a kill left a broken notes file: {e}"));
    notes.get("biden-putin-call").map_or(0, |a| a.notes.len())
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let dir = timeline_dir();
    let mut seed = 16;
    let mut held = 0;
    let mut kills = 0;
    for i in 0..100 {
        let mut child = tline_std(dir.path())
            .args([
                "note",
                "biden-putin-call",
                &format!("note {i}: {}", "x".repeat(i * 20)),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        thread::sleep(next_delay(&mut seed));
        if child.try_wait().unwrap().is_none() {
            // SIGKILL: no handler runs, no cleanup.
            child.kill().unwrap();
            kills += 1;
        }
        child.wait().unwrap();
        let now = notes_held(dir.path());
        assert!(now == held || now == held + 1, "{held} notes, then {now}");
        held = now;
    }
    assert!(kills > 0, "some writer was killed");
    assert!(held > 0, "some writer finished");
}
