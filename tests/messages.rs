//! What the command line says when it cannot do what was asked (issue 13, "messages that
//! help", and issue 18's Low items 9 and 18): every unknown value names the close ones,
//! an ambiguous name lists its actors, a mistyped subcommand or a misplaced event id is
//! named as such, a file given twice is refused once. Each test reads the message itself,
//! not only the exit status.

mod common;

use std::fmt::Write as _;

use common::cmd::{dir_with, tline};
use common::fixture::{BASE, edit};
use tempfile::TempDir;

/// An empty directory: commands there read the bundled timeline.
fn empty_dir() -> TempDir {
    TempDir::new().unwrap()
}

/// The stderr of a run that fails with exit status 1 and prints nothing on stdout.
fn failure(dir: &std::path::Path, args: &[&str]) -> String {
    let out = tline(dir).args(args).assert().code(1).stdout("");
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

// --- unknown kinds and statuses, reversed dates --------------------------------------------

#[test]
fn an_unknown_kind_is_an_error_naming_the_close_ones() {
    // Was: nothing listed, exit 0.
    assert_eq!(
        failure(empty_dir().path(), &["list", "--kind", "tallks"]),
        "tline: unknown kind \"tallks\" (did you mean \"talks\" or \"call\"?)\n"
    );
}

#[test]
fn a_kind_matches_in_any_case_and_a_far_one_lists_them_all() {
    let dir = empty_dir();
    tline(dir.path())
        .args(["list", "--kind", "CALL"])
        .assert()
        .success()
        .stderr("");
    let err = failure(dir.path(), &["list", "--kind", "zzzzz"]);
    assert!(
        err.starts_with("tline: unknown kind \"zzzzz\" (known kinds: deployment, warning,"),
        "{err}"
    );
}

#[test]
fn an_unknown_status_names_the_closest_one() {
    assert_eq!(
        failure(empty_dir().path(), &["list", "--status", "plannd"]),
        "tline: unknown status \"plannd\" (did you mean \"planned\"? expected occurred, \
         planned, expected or reported)\n"
    );
}

#[test]
fn from_after_to_is_an_error() {
    // Was: nothing listed, exit 0.
    assert_eq!(
        failure(
            empty_dir().path(),
            &["list", "--from", "2022-01-05", "--to", "2022-01-01"]
        ),
        "tline: --from \"2022-01-05\" is after --to \"2022-01-01\": no event can match \
         (swap them?)\n"
    );
    // One day, or a month and a day inside it, is not reversed.
    tline(empty_dir().path())
        .args(["list", "--from", "2022-01", "--to", "2022-01-01"])
        .assert()
        .success();
}

#[test]
fn the_tui_start_refuses_an_unknown_kind_the_same_way() {
    // On a pipe the default command lists; the filter is resolved the same way for the
    // TUI (see the pty test in cli_terminal.rs).
    assert_eq!(
        failure(empty_dir().path(), &["--kind", "tallks"]),
        "tline: unknown kind \"tallks\" (did you mean \"talks\" or \"call\"?)\n"
    );
}

// --- actors: many, shadowed, ambiguous, empty ------------------------------------------------

/// `BASE` with `n` more actors, `actor-0` to `actor-{n-1}`.
fn with_many_actors(n: usize) -> String {
    let mut actors = String::from("actors:\n");
    for i in 0..n {
        writeln!(
            actors,
            "  - {{id: actor-{i}, name: Actor number {i}, kind: person}}"
        )
        .unwrap();
    }
    edit("actors:\n", &actors)
}

#[test]
fn an_unknown_actor_among_thousands_gets_a_short_message() {
    // Was: every id on one line (1.4 MB for 100k actors).
    let dir = dir_with(&[("events.yaml", with_many_actors(5000))]);
    let err = failure(dir.path(), &["list", "--actor", "Nobody At All"]);
    assert_eq!(
        err,
        "tline: unknown actor \"Nobody At All\" (none of the 5001 actors is close); to list \
         them: tline list --format json | jq -r '.[].actors[].id' | sort -u\n"
    );
    let err = failure(dir.path(), &["list", "--actor", "actor-4999x"]);
    assert_eq!(
        err,
        "tline: unknown actor \"actor-4999x\" (did you mean \"actor-4999\" or \"actor-499\" \
         or \"actor-999\"?)\n"
    );
}

/// Biden has the alias "putin", the id of another actor; "Joe" is an alias of two.
const NAMESAKES: &str = "actors:
  - id: biden
    name: Joe Biden
    kind: person
    aliases: [putin, Joe]
  - id: putin
    name: Vladimir Putin
    kind: person
  - id: biden-jr
    name: Joe Biden Jr
    kind: person
    aliases: [joe]
  - id: nato
";

/// A timeline of two events: one of Biden, one of Putin.
fn namesakes() -> TempDir {
    let mut text = edit("actors:\n  - id: nato\n", NAMESAKES);
    text = text.replace("actors: [nato]", "actors: [biden]");
    text.push_str(
        "  - id: putin-event
    date: 2022-01-02
    title: Putin's event
    kind: talks
    actors: [putin]
    sources:
      - doc: doc
        paragraph: 1
        quote: beta
",
    );
    dir_with(&[("events.yaml", text)])
}

#[test]
fn an_id_wins_over_another_actors_alias() {
    // Was: `--actor putin` listed Biden's event, whose alias "putin" came first.
    let dir = namesakes();
    tline(dir.path())
        .args(["list", "--actor", "putin"])
        .assert()
        .success()
        .stdout("Sun 2 Jan 2022  Putin's event  Vladimir Putin\n");
}

#[test]
fn an_alias_of_two_actors_is_ambiguous() {
    // Was: the first actor with the alias, silently.
    assert_eq!(
        failure(namesakes().path(), &["list", "--actor", "joe"]),
        "tline: \"joe\" is an alias of several actors: \"biden\", \"biden-jr\" (name one by \
         its id)\n"
    );
}

#[test]
fn an_empty_actor_is_an_error() {
    // Was: an empty alias matched.
    let dir = dir_with(&[(
        "events.yaml",
        edit(
            "kind: organization",
            "kind: organization\n    aliases: ['']",
        ),
    )]);
    for empty in ["", "  "] {
        assert_eq!(
            failure(dir.path(), &["list", "--actor", empty]),
            "tline: --actor needs an actor's id, name or alias, not an empty word\n"
        );
    }
}

#[test]
fn check_warns_of_names_shared_by_actors_and_still_succeeds() {
    tline(namesakes().path())
        .arg("check")
        .assert()
        .success()
        .stdout("events.yaml: ok, 1 document, 4 actors, 2 events\n")
        .stderr(
            "events.yaml:12:15: warning: \"putin\" is an alias of biden and the id of putin \
             (putin's at events.yaml:13:9); --actor picks putin\n\
             events.yaml:12:22: warning: \"Joe\" is an alias of both biden and biden-jr \
             (biden-jr's at events.yaml:19:15); --actor refuses it as ambiguous\n",
        );
}

#[test]
fn check_of_the_bundled_timeline_warns_of_nothing() {
    tline(empty_dir().path())
        .arg("check")
        .assert()
        .success()
        .stderr("");
}

// --- subcommands, files and event ids ---------------------------------------------------------

#[test]
fn a_mistyped_subcommand_is_named() {
    // Was: "tline: chek: no such file".
    let dir = empty_dir();
    assert_eq!(
        failure(dir.path(), &["chek"]),
        "tline: chek: no such file or subcommand (did you mean `tline check`?)\n"
    );
    assert_eq!(
        failure(dir.path(), &["lsit", "--kind", "call"]),
        "tline: lsit: no such file or subcommand (did you mean `tline list`?)\n"
    );
    // A word far from every subcommand, or a path, is only a missing file.
    assert_eq!(
        failure(dir.path(), &["timeline.yaml"]),
        "tline: timeline.yaml: no such file\n"
    );
}

#[test]
fn a_file_named_like_a_subcommand_is_still_read() {
    let dir = dir_with(&[("chek", BASE)]);
    tline(dir.path())
        .arg("chek")
        .assert()
        .success()
        .stdout("Sat 1 Jan 2022  An event  NATO\n");
}

#[test]
fn source_with_two_event_ids_says_it_takes_one() {
    // Was: "tline: ID1: no such file", under `Usage: tline source <[FILE]... EVENT_ID>...`.
    assert_eq!(
        failure(
            empty_dir().path(),
            &["source", "biden-putin-call", "jstars-flight-2021-12-27"]
        ),
        "tline: biden-putin-call: no such file (`tline source` takes the files, then one \
         event id)\n"
    );
}

#[test]
fn source_usage_names_files_then_one_event_id() {
    let out = tline(empty_dir().path())
        .args(["source", "--help"])
        .assert()
        .success();
    let help = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        help.contains("Usage: tline source [OPTIONS] [FILE]... <EVENT_ID>\n"),
        "{help}"
    );
}

#[test]
fn the_same_file_twice_is_refused_once() {
    // Was: one "duplicate id" error per item, each pointing at itself.
    let dir = dir_with(&[("events.yaml", BASE)]);
    for command in [&["check"][..], &["list"], &["source"], &[]] {
        let mut args = command.to_vec();
        args.extend(["events.yaml", "./events.yaml"]);
        if command == ["source"] {
            args.push("ev");
        }
        assert_eq!(
            failure(dir.path(), &args),
            "tline: events.yaml and ./events.yaml are the same file (name each file once)\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_symlink_to_a_file_given_too_is_the_same_file() {
    let dir = dir_with(&[("events.yaml", BASE)]);
    std::os::unix::fs::symlink("events.yaml", dir.path().join("link.yaml")).unwrap();
    assert_eq!(
        failure(dir.path(), &["check", "link.yaml", "events.yaml"]),
        "tline: link.yaml and events.yaml are the same file (name each file once)\n"
    );
}

#[test]
fn a_word_quoted_in_a_message_is_shown_visibly() {
    let out = tline(empty_dir().path()).arg("chec\x1bk").assert().code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        err,
        "tline: chec^[k: no such file or subcommand (did you mean `tline check`?)\n"
    );
}

#[test]
fn an_empty_kind_is_not_close_to_every_kind() {
    let err = failure(empty_dir().path(), &["list", "--kind", ""]);
    assert!(
        err.starts_with("tline: unknown kind \"\" (known kinds: deployment,"),
        "{err}"
    );
}

#[test]
fn source_with_a_file_and_no_event_id_says_the_id_is_missing() {
    let dir = dir_with(&[("t.yaml", BASE)]);
    assert_eq!(
        failure(dir.path(), &["source", "t.yaml"]),
        "tline: no event with id \"t.yaml\"; t.yaml is a file: give the event id after it\n"
    );
}
