//! Many articles, one story, on the command line: a directory given for its timeline
//! files, `check` warning of actors that share a name, `list --doc` and the documents
//! in `list --format json`. Run through the real binary.

mod common;

use std::fs;
use std::path::Path;

use common::cmd::{dir_with, tline};
use common::fixture::{BASE, articles_dir, edit_text};
use serde_json::Value;

/// The stdout of a successful run without warnings, as text.
fn stdout_of(dir: &Path, args: &[&str]) -> String {
    let out = tline(dir).args(args).assert().success().stderr("");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn a_directory_loads_its_timeline_files_in_name_order() {
    let dir = articles_dir();
    assert_eq!(
        stdout_of(dir.path(), &["check", "articles"]),
        "articles/cbs.yaml, articles/reuters.yaml: ok, 2 documents, 15 actors, 18 events\n"
    );
    // The same files named one by one, in another order, make the same timeline.
    let by_dir = stdout_of(dir.path(), &["list", "--format", "json", "articles"]);
    let by_name = stdout_of(
        dir.path(),
        &[
            "list",
            "--format",
            "json",
            "articles/reuters.yaml",
            "articles/cbs.yaml",
        ],
    );
    assert_eq!(by_dir, by_name);
}

#[test]
fn a_directory_leaves_its_notes_files_out() {
    // A notes file ends in .yaml too, but it is not a timeline: read as one, every
    // directory that had notes would fail to load.
    let dir = articles_dir();
    fs::write(
        dir.path().join("articles/cbs.notes.yaml"),
        "biden-putin-call:\n  star: true\n",
    )
    .unwrap();
    assert_eq!(
        stdout_of(dir.path(), &["check", "articles"]),
        "articles/cbs.yaml, articles/reuters.yaml: ok, 2 documents, 15 actors, 18 events\n"
    );
    let starred = stdout_of(
        dir.path(),
        &["list", "articles", "--starred", "--format", "json"],
    );
    let starred: Value = serde_json::from_str(&starred).unwrap();
    let ids: Vec<&str> = starred
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["biden-putin-call"]);
}

#[test]
fn a_directory_without_a_timeline_file_is_an_error_naming_it() {
    let dir = dir_with::<&str>(&[]);
    fs::create_dir(dir.path().join("empty")).unwrap();
    fs::write(dir.path().join("empty/notes.md"), "# notes").unwrap();
    for command in [&["check", "empty"][..], &["list", "empty"], &["empty"]] {
        tline(dir.path())
            .args(command)
            .assert()
            .code(1)
            .stdout("")
            .stderr(
                "tline: empty: a directory with no timeline file in it (.yaml, .yml, .json, \
                 .jsonl, .ndjson, .csv)\n",
            );
    }
}

#[test]
fn check_warns_of_an_alias_two_actors_share_across_files_and_still_succeeds() {
    let biden = edit_text(
        BASE,
        "    kind: organization\n",
        "    kind: organization\n  - id: biden\n    name: Joe Biden\n    kind: person\n    \
         aliases: [Biden, President Biden]\n",
    );
    let other = "actors:\n  - id: joe-biden\n    name: Joseph Biden\n    kind: person\n    \
                 aliases: [president biden]\n";
    let dir = dir_with(&[("a.yaml", biden.as_str()), ("b.yaml", other)]);
    tline(dir.path())
        .args(["check", "a.yaml", "b.yaml"])
        .assert()
        .success()
        .stdout("a.yaml, b.yaml: ok, 1 document, 3 actors, 1 event\n")
        .stderr(
            "a.yaml:15:22: warning: \"President Biden\" is an alias of both biden and \
             joe-biden (joe-biden's at b.yaml:5:15); --actor refuses it as ambiguous\n",
        );
}

#[test]
fn list_doc_keeps_the_events_citing_the_document() {
    let dir = articles_dir();
    let listed = stdout_of(
        dir.path(),
        &["list", "articles", "--doc", "reuters-2022-01-06"],
    );
    assert_eq!(
        listed,
        "Thu 6 Jan 2022  Russian paratroopers land in Kazakhstan  Russia, Kazakhstan\n"
    );
    // Repeated: events citing either; combined with another filter: both must hold.
    let either = stdout_of(
        dir.path(),
        &[
            "list",
            "articles",
            "--doc",
            "reuters-2022-01-06",
            "--doc",
            "cbs-2022-01-01",
        ],
    );
    assert_eq!(either.lines().count(), 18);
    tline(dir.path())
        .args(["list", "articles", "--doc", "cbs-2022-01-01"])
        .args(["--actor", "kazakhstan"])
        .assert()
        .success()
        .stdout("")
        .stderr("tline: no events match\n");
}

#[test]
fn an_unknown_doc_is_an_error_naming_the_known_ones() {
    let dir = articles_dir();
    tline(dir.path())
        .args(["list", "articles", "--doc", "reuters"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "tline: unknown document \"reuters\" (known documents: cbs-2022-01-01, \
             reuters-2022-01-06)\n",
        );
}

#[test]
fn list_json_carries_each_sources_document() {
    let dir = articles_dir();
    let json = stdout_of(
        dir.path(),
        &[
            "list",
            "--format",
            "json",
            "articles",
            "--doc",
            "reuters-2022-01-06",
        ],
    );
    let events: Vec<Value> = serde_json::from_str(&json).unwrap();
    let source = &events[0]["sources"][0];
    assert_eq!(source["doc"], "reuters-2022-01-06");
    assert_eq!(source["title"], "Russian paratroopers arrive in Kazakhstan");
    assert_eq!(source["publisher"], "Reuters");
    assert_eq!(source["published"], "2022-01-06");
    assert_eq!(source["url"], Value::Null);
    assert_eq!(source["paragraph"], 1);
    assert_eq!(source["quote"], "sent paratroopers to Kazakhstan");
}
