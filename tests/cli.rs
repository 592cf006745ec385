//! The command line through the real binary: `list` in every format and with every
//! filter, `source`, the default command, input discovery and merging, and terminal
//! safety of untrusted text.

mod common;

use std::path::Path;
use std::process::Stdio;

use common::cmd::{dir_with, tline, tline_std};
use serde_json::Value;
use tempfile::TempDir;

/// A small valid timeline of one document, one actor and one event.
const SMALL: &str = r#"documents:
  - id: doc
    title: A doc
    publisher: Tests
    published: 2022-01-01
    paragraphs:
      - "Alpha beta gamma."
      - "Delta epsilon zeta."
actors:
  - id: nato
    name: NATO
    kind: organization
events:
  - id: ev
    date: 2022-01-01
    title: An event
    kind: talks
    actors: [nato]
    sources:
      - doc: doc
        paragraph: 1
        quote: "beta gamma"
"#;

/// `SMALL` with the first `from` replaced by `to`; `from` must be there.
fn small_with(from: &str, to: &str) -> String {
    assert!(SMALL.contains(from), "fixture has no {from:?}");
    SMALL.replacen(from, to, 1)
}

/// An empty directory: commands there read the bundled timeline.
fn empty_dir() -> TempDir {
    TempDir::new().unwrap()
}

/// The stdout of a successful run, as text.
fn stdout_of(dir: &Path, args: &[&str]) -> String {
    let out = tline(dir).args(args).assert().success().stderr("");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// `tline list --format json ARGS` on the bundled timeline, parsed.
fn bundled_json(args: &[&str]) -> Vec<Value> {
    let dir = empty_dir();
    let mut all = vec!["list", "--format", "json"];
    all.extend_from_slice(args);
    let text = stdout_of(dir.path(), &all);
    serde_json::from_str::<Vec<Value>>(&text).unwrap()
}

/// The ids of the bundled events `tline list` selects with `args`.
fn bundled_ids(args: &[&str]) -> Vec<String> {
    ids(&bundled_json(args))
}

fn ids(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

fn actor_ids(event: &Value) -> Vec<&str> {
    event["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect()
}

fn event<'a>(events: &'a [Value], id: &str) -> &'a Value {
    events
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

// --- list formats --------------------------------------------------------------------------

#[test]
fn list_of_the_bundled_timeline_in_each_format() {
    // What a reader of each format sees, whole: a change to any of them shows here.
    let dir = empty_dir();
    for format in ["table", "json", "csv", "markdown"] {
        let text = stdout_of(dir.path(), &["list", "--format", format]);
        insta::assert_snapshot!(format!("list_{format}"), text);
    }
}

#[test]
fn list_table_is_one_aligned_line_per_event() {
    let dir = empty_dir();
    let text = stdout_of(dir.path(), &["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 17, "{text}");
    assert!(lines[0].starts_with("~ Dec 2021 "), "{}", lines[0]);
    let jstars = lines
        .iter()
        .find(|l| l.contains("US spy plane flies over Ukraine"))
        .unwrap();
    assert!(jstars.starts_with("Mon 27 Dec 2021 "), "{jstars}");
    assert!(jstars.ends_with("  United States, Ukraine"), "{jstars}");
    // Every title starts in the same column, after the widest date and two spaces.
    let date_width = "30 Dec 2021 → 1 Jan 2022".chars().count() + 2;
    for line in &lines {
        let chars: Vec<char> = line.chars().collect();
        assert_eq!(chars[date_width - 1], ' ', "{line}");
        assert_ne!(chars[date_width], ' ', "{line}");
    }
}

#[test]
fn list_json_has_every_field() {
    let events = bundled_json(&[]);
    assert_eq!(events.len(), 17);
    let call = event(&events, "biden-putin-call");
    let keys: Vec<&str> = call
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "id", "date", "start", "end", "title", "kind", "status", "actors", "sources",
    ] {
        assert!(keys.contains(&key), "no {key} in {call}");
    }
    assert_eq!(call["date"], "2021-12-30");
    assert_eq!(call["start"], "2021-12-30");
    assert_eq!(call["end"], "2021-12-30");
    assert_eq!(call["title"], "Biden and Putin speak by phone");
    assert_eq!(call["kind"], "call");
    assert_eq!(call["status"], "occurred");
    assert_eq!(
        call["actors"][0],
        serde_json::json!({"id": "biden", "name": "Joe Biden"})
    );
    assert_eq!(
        actor_ids(call),
        ["biden", "putin", "united-states", "russia"]
    );
    assert_eq!(
        call["sources"][0],
        serde_json::json!({
            "doc": "cbs-2022-01-01",
            "paragraph": 1,
            "quote": "President Biden told Russian President Vladimir Putin in a phone call on Thursday",
            "title": "Biden warns Putin of decisive response if Russia invades Ukraine",
            "publisher": "CBS News",
            "published": "2022-01-01",
            "url": null,
        })
    );
    assert_eq!(call["sources"].as_array().unwrap().len(), 3);
}

#[test]
fn list_json_dates_of_the_seed_article() {
    let events = bundled_json(&[]);
    let jstars = event(&events, "jstars-flight-2021-12-27");
    assert_eq!(jstars["date"], "2021-12-27");
    let talks = event(&events, "nato-russia-council-talks");
    assert_eq!(talks["date"], "2022-01");
    assert_eq!(talks["start"], "2022-01-01");
    assert_eq!(talks["end"], "2022-01-31");
    assert_eq!(talks["status"], "planned");
    let buildup = event(&events, "russian-troop-buildup");
    assert_eq!(buildup["date"], "../2022-01-01");
    assert_eq!(buildup["start"], Value::Null);
    assert_eq!(buildup["end"], "2022-01-01");
}

#[test]
fn list_json_open_end_is_null() {
    let dir = dir_with(&[(
        "events.yaml",
        &small_with("date: 2022-01-01", "date: 2021-12-20/.."),
    )]);
    let text = stdout_of(dir.path(), &["list", "--format", "json"]);
    let events: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(events[0]["date"], "2021-12-20/..");
    assert_eq!(events[0]["start"], "2021-12-20");
    assert_eq!(events[0]["end"], Value::Null);
}

#[test]
fn list_csv_has_a_header_and_quotes_cells_that_need_it() {
    let dir = empty_dir();
    let text = stdout_of(dir.path(), &["list", "--format", "csv"]);
    let records = common::csv::records(&text);
    assert_eq!(
        records[0].join(","),
        "id,date,start,end,title,kind,status,actors,date_text,summary,actor_ids,sources,\
         doc_count,outlet_count"
    );
    assert_eq!(records.len(), 18);
    // The columns the CSV always had, then the ones added after them.
    let first_columns = |record: &Vec<String>| record[..8].to_vec();
    assert!(records.iter().map(first_columns).any(|r| r
        == [
            "russian-troop-withdrawal-reports",
            "2021-12~",
            "2021-12-01",
            "2021-12-31",
            "Russia reportedly withdraws 10,000 troops from the border area",
            "withdrawal",
            "reported",
            "Russia, Ukraine"
        ]));
    assert!(records.iter().map(first_columns).any(|r| r
        == [
            "russian-troop-buildup",
            "../2022-01-01",
            "",
            "2022-01-01",
            "Russia masses about 100,000 troops near Ukraine's border",
            "deployment",
            "reported",
            "Russia, Ukraine"
        ]));

    let dir = dir_with(&[(
        "t.yaml",
        &small_with("title: An event", r#"title: 'Say "hi", a|b'"#),
    )]);
    assert_eq!(
        stdout_of(dir.path(), &["list", "--format", "csv", "t.yaml"]),
        "id,date,start,end,title,kind,status,actors,date_text,summary,actor_ids,sources,\
         doc_count,outlet_count\n\
         ev,2022-01-01,2022-01-01,2022-01-01,\"Say \"\"hi\"\", a|b\",talks,occurred,NATO,\
         ,,nato,doc ¶1: beta gamma,1,1\n"
    );
}

#[test]
fn list_markdown_escapes_pipes() {
    let dir = dir_with(&[(
        "t.yaml",
        &small_with("title: An event", r#"title: 'a|b \ c'"#),
    )]);
    assert_eq!(
        stdout_of(dir.path(), &["list", "--format", "markdown", "t.yaml"]),
        "| Date | Id | Title | Kind | Status | Actors |\n\
         |---|---|---|---|---|---|\n\
         | Sat 1 Jan 2022 | ev | a\\|b \\\\ c | talks | occurred | NATO |\n"
    );
}

// --- list filters --------------------------------------------------------------------------

#[test]
fn filter_by_actor_keeps_only_their_events() {
    let all = bundled_json(&[]);
    let with_putin: Vec<String> = all
        .iter()
        .filter(|e| actor_ids(e).contains(&"putin"))
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert!(with_putin.contains(&"biden-putin-call".to_string()));
    let selected = bundled_json(&["--actor", "Putin"]);
    for e in &selected {
        assert!(actor_ids(e).contains(&"putin"), "{}", e["id"]);
    }
    assert_eq!(ids(&selected), with_putin);
}

#[test]
fn filter_by_actor_alias_in_any_case() {
    let by_alias = bundled_ids(&["--actor", "president biden"]);
    assert_eq!(by_alias, bundled_ids(&["--actor", "biden"]));
    assert!(by_alias.contains(&"biden-putin-call".to_string()));
    assert!(!by_alias.contains(&"jstars-flight-2021-12-30".to_string()));
}

#[test]
fn several_actors_match_any_of_them() {
    assert_eq!(
        bundled_ids(&["--actor", "psaki", "--actor", "nato"]),
        ["white-house-statement-on-call", "nato-russia-council-talks"]
    );
}

#[test]
fn all_actors_must_all_take_part() {
    assert_eq!(
        bundled_ids(&["--actor", "psaki", "--actor", "biden", "--all-actors"]),
        ["white-house-statement-on-call"]
    );
}

#[test]
fn filter_by_kind() {
    assert_eq!(bundled_ids(&["--kind", "call"]), ["biden-putin-call"]);
}

#[test]
fn filter_from_a_day() {
    assert_eq!(
        bundled_ids(&["--from", "2022-01-02"]),
        [
            "allied-consultations",
            "diplomatic-engagement-next-month",
            "nato-russia-council-talks"
        ]
    );
}

#[test]
fn filter_to_a_day() {
    assert_eq!(
        bundled_ids(&["--to", "2021-12-27"]),
        // Open starts (`../2021-12-30`, `../2022-01-01`) placed at their end.
        [
            "russian-troop-withdrawal-reports",
            "jstars-flight-2021-12-27",
            "us-intelligence-invasion-warning",
            "russian-troop-buildup",
            "cbs-reports-withdrawal-is-fraction"
        ]
    );
}

#[test]
fn filter_by_text() {
    assert_eq!(
        bundled_ids(&["--search", "jstars"]),
        ["jstars-flight-2021-12-27", "jstars-flight-2021-12-30"]
    );
}

#[test]
fn filter_by_status() {
    let planned = bundled_json(&["--status", "planned"]);
    assert_eq!(
        ids(&planned),
        [
            "allied-consultations",
            "diplomatic-engagement-next-month",
            "nato-russia-council-talks"
        ]
    );
    assert!(planned.iter().all(|e| e["status"] == "planned"));
}

#[test]
fn unknown_actor_is_an_error_with_a_suggestion() {
    tline(empty_dir().path())
        .args(["list", "--actor", "natto"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("tline: unknown actor \"natto\" (did you mean \"nato\"?)\n");
}

#[test]
fn bad_from_date_is_an_error() {
    tline(empty_dir().path())
        .args(["list", "--from", "2022-13"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("tline: --from: invalid date \"2022-13\": there is no month 13\n");
}

// --- source --------------------------------------------------------------------------------

#[test]
fn source_marks_the_quote_plainly_on_a_pipe() {
    let text = stdout_of(empty_dir().path(), &["source", "biden-putin-call"]);
    assert!(
        text.starts_with("Thu 30 Dec 2021  Biden and Putin speak by phone\n\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "CBS News, 2022-01-01, paragraph 1\n\
             »President Biden told Russian President Vladimir Putin in a phone call on \
             Thursday« that the United States"
        ),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "{text}");
}

#[test]
fn source_from_a_named_file() {
    let dir = dir_with(&[("t.yaml", SMALL)]);
    assert_eq!(
        stdout_of(dir.path(), &["source", "t.yaml", "ev"]),
        "Sat 1 Jan 2022  An event\n\nA doc, Tests, 2022-01-01, paragraph 1\nAlpha »beta gamma«.\n"
    );
}

#[test]
fn source_marks_a_quote_whose_marks_and_ellipsis_differ_from_the_paragraph() {
    let text = SMALL
        .replace("Alpha beta gamma.", "Alpha ‘beta’ and “gamma”.")
        .replace("quote: \"beta gamma\"", "quote: \"'beta' … \\\"gamma\\\"\"");
    let dir = dir_with(&[("t.yaml", text)]);
    assert_eq!(
        stdout_of(dir.path(), &["source", "t.yaml", "ev"]),
        "Sat 1 Jan 2022  An event\n\nA doc, Tests, 2022-01-01, paragraph 1\n\
         Alpha »‘beta’ and “gamma”«.\n"
    );
}

#[test]
fn source_of_an_unknown_event_suggests_one() {
    tline(empty_dir().path())
        .args(["source", "biden-putin-cal"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "tline: no event with id \"biden-putin-cal\" (did you mean \"biden-putin-call\"?)\n",
        );
}

// --- input -----------------------------------------------------------------------------------

#[test]
fn no_subcommand_on_a_pipe_lists() {
    let dir = empty_dir();
    let listed = stdout_of(dir.path(), &["list"]);
    assert_eq!(listed.lines().count(), 17);
    assert_eq!(stdout_of(dir.path(), &[]), listed);

    let dir = dir_with(&[("t.yaml", SMALL)]);
    assert_eq!(
        stdout_of(dir.path(), &["t.yaml"]),
        "Sat 1 Jan 2022  An event  NATO\n"
    );
}

#[test]
fn events_yaml_in_the_current_directory_is_preferred() {
    let dir = dir_with(&[("events.yaml", SMALL)]);
    assert_eq!(
        stdout_of(dir.path(), &["list"]),
        "Sat 1 Jan 2022  An event  NATO\n"
    );
    assert_eq!(
        stdout_of(dir.path(), &["check"]),
        "events.yaml: ok, 1 document, 1 actor, 1 event\n"
    );
}

#[test]
fn several_files_are_merged() {
    let split = SMALL.find("actors:").unwrap();
    let dir = dir_with(&[
        ("docs.yaml", &SMALL[..split]),
        ("rest.yaml", &SMALL[split..]),
    ]);
    // Events may come before the documents they cite.
    let text = stdout_of(
        dir.path(),
        &["list", "--format", "json", "rest.yaml", "docs.yaml"],
    );
    let events: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(ids(&events), ["ev"]);
    assert_eq!(events[0]["sources"][0]["doc"], "doc");
    assert_eq!(actor_ids(&events[0]), ["nato"]);
    assert_eq!(
        stdout_of(dir.path(), &["check", "docs.yaml", "rest.yaml"]),
        "docs.yaml, rest.yaml: ok, 1 document, 1 actor, 1 event\n"
    );
}

// --- terminal safety -------------------------------------------------------------------------

const EVIL_TITLE: &str = r#"title: "\e]52;c;Zm9v\a evil""#;

#[test]
fn terminal_escapes_in_titles_are_shown_not_obeyed() {
    let dir = dir_with(&[("t.yaml", &small_with("title: An event", EVIL_TITLE))]);
    for args in [
        &["list", "t.yaml"][..],
        &["t.yaml"],
        &["list", "--format", "markdown", "t.yaml"],
        &["source", "t.yaml", "ev"],
    ] {
        let out = tline(dir.path()).args(args).assert().success();
        let bytes = &out.get_output().stdout;
        assert!(!bytes.contains(&0x1b), "ESC in {args:?}: {bytes:?}");
        assert!(!bytes.contains(&0x07), "BEL in {args:?}: {bytes:?}");
        let text = String::from_utf8_lossy(bytes);
        assert!(text.contains("^[]52;c;Zm9v^G evil"), "{args:?}: {text}");
    }
}

#[test]
fn terminal_escapes_in_csv_are_not_written_raw() {
    let dir = dir_with(&[("t.yaml", &small_with("title: An event", EVIL_TITLE))]);
    let out = tline(dir.path())
        .args(["list", "--format", "csv", "t.yaml"])
        .assert()
        .success();
    let bytes = &out.get_output().stdout;
    assert!(!bytes.contains(&0x1b), "{bytes:?}");
    assert!(!bytes.contains(&0x07), "{bytes:?}");
}

#[test]
fn a_closed_stdout_pipe_is_not_an_error() {
    let mut text = SMALL[..SMALL.find("events:").unwrap()].to_string();
    text.push_str("events:\n");
    let long = "x".repeat(300);
    for i in 0..3000 {
        text.push_str(&format!(
            "  - {{id: e{i}, date: \"2022\", title: {long}, kind: k, \
             sources: [{{doc: doc, paragraph: 1, quote: beta}}]}}\n"
        ));
    }
    let dir = dir_with(&[("events.yaml", &text)]);
    let mut child = tline_std(dir.path())
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once: the ~1 MB of output cannot fit in the pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success(), "{:?}", out.status);
}

#[test]
fn a_global_flag_may_come_before_the_subcommand() {
    // Was: `--max-file-size` before `check` made "check" a file name ("check: no such file").
    let dir = dir_with(&[("ok.yaml", SMALL)]);
    tline(dir.path())
        .args(["--max-file-size", "10", "check", "ok.yaml"])
        .assert()
        .code(1)
        .stderr(format!(
            "ok.yaml: is {} bytes, over the limit of 10 bytes (raise it with \
             --max-file-size)\n1 error\n",
            SMALL.len()
        ));
}
