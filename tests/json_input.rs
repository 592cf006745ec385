//! JSON and JSON Lines input through the real binary: the same timeline as the YAML
//! fixture loads the same, and each kind of broken file is reported at its line and
//! column, as exactly as YAML. JSON is parsed from a stream (its text is never held
//! whole), so these also check that reading a stream loses nothing a text would report.

use std::fs;
use std::time::Duration;

use tempfile::TempDir;
use tline::load::{Format, schema};

mod common;

use common::cmd::{dir_with, tline};
use common::fixture::{self, edit_text};

/// The YAML fixture's timeline ([`fixture::BASE`]) as JSON. Line numbers matter.
const BASE: &str = r#"{
  "documents": [
    {"id": "doc", "title": "A doc", "published": "2022-01-01",
     "paragraphs": ["Alpha beta gamma.", "Delta epsilon zeta."]}
  ],
  "actors": [{"id": "nato", "name": "NATO", "kind": "organization"}],
  "events": [
    {"id": "ev", "date": "2022-01-01", "title": "An event", "kind": "talks",
     "actors": ["nato"],
     "sources": [{"doc": "doc", "paragraph": 1, "quote": "beta gamma"}]}
  ]
}
"#;

/// The same as JSON Lines.
const BASE_LINES: &str = r#"{"document": {"id": "doc", "title": "A doc", "published": "2022-01-01", "paragraphs": ["Alpha beta gamma.", "Delta epsilon zeta."]}}
{"actor": {"id": "nato", "name": "NATO", "kind": "organization"}}
{"event": {"id": "ev", "date": "2022-01-01", "title": "An event", "kind": "talks", "actors": ["nato"], "sources": [{"doc": "doc", "paragraph": 1, "quote": "beta gamma"}]}}
"#;

/// Runs `tline ARGS` in a directory holding `name` with `bytes`.
fn run(name: &str, bytes: &[u8], args: &[&str]) -> std::process::Output {
    let dir = dir_with(&[(name, bytes)]);
    tline(dir.path()).args(args).output().unwrap()
}

/// Asserts `tline check NAME` fails with exactly `error` and nothing else.
fn fails(name: &str, bytes: impl AsRef<[u8]>, error: &str) {
    let out = run(name, bytes.as_ref(), &["check", name]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr, format!("{error}\n1 error\n"));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

/// Asserts `tline check NAME` passes with the fixture's summary.
fn passes(name: &str, bytes: impl AsRef<[u8]>) {
    let out = run(name, bytes.as_ref(), &["check", name]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{name}: ok, 1 document, 1 actor, 1 event\n"),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());
}

#[test]
fn the_fixture_loads_from_json_and_json_lines() {
    passes("ok.json", BASE);
    passes("ok.jsonl", BASE_LINES);
    passes("ok.ndjson", BASE_LINES);
}

#[test]
fn json_lists_the_same_events_as_yaml() {
    let list = |name: &str, text: &str| {
        let out = run(name, text.as_bytes(), &["list", "--format", "json", name]);
        assert!(out.status.success());
        out.stdout
    };
    let from_yaml = list("a.yaml", fixture::BASE);
    assert_eq!(list("a.json", BASE), from_yaml);
    assert_eq!(list("a.jsonl", BASE_LINES), from_yaml);
}

#[test]
fn lists_may_come_in_any_order() {
    let events = &BASE[BASE.find("  \"events\"").unwrap()..BASE.rfind(']').unwrap() + 1];
    let rest = &BASE[..BASE.find(",\n  \"events\"").unwrap()];
    let reordered = format!("{{\n{events},{}\n}}\n", &rest[1..]);
    passes("ok.json", reordered);
    let lines: Vec<&str> = BASE_LINES.lines().rev().collect();
    passes("ok.jsonl", lines.join("\n"));
}

#[test]
fn a_byte_order_mark_is_skipped() {
    passes("ok.json", format!("\u{feff}{BASE}"));
    passes("ok.jsonl", format!("\u{feff}{BASE_LINES}"));
}

#[test]
fn a_syntax_error_is_located() {
    fails(
        "bad.json",
        edit_text(BASE, "\"kind\": \"talks\",", "\"kind\": \"talks\""),
        "bad.json:9:6: expected `,` or `}`",
    );
}

#[test]
fn an_unknown_field_is_named_and_located() {
    fails(
        "bad.json",
        edit_text(
            BASE,
            "\"kind\": \"talks\",",
            "\"kind\": \"talks\", \"colour\": 1,",
        ),
        "bad.json:8:78: event \"ev\": unknown field `colour`, expected one of `id`, `date`, \
         `date_text`, `title`, `kind`, `status`, `actors`, `summary`, `sources`",
    );
}

#[test]
fn an_unknown_reference_is_located_by_the_value() {
    fails(
        "bad.json",
        edit_text(BASE, "[\"nato\"]", "[\"natoo\"]"),
        "bad.json:9:17: event \"ev\": unknown actor \"natoo\" (did you mean \"nato\"?)",
    );
    fails(
        "bad.jsonl",
        edit_text(BASE_LINES, "[\"nato\"]", "[\"natoo\"]"),
        "bad.jsonl:3:95: event \"ev\": unknown actor \"natoo\" (did you mean \"nato\"?)",
    );
}

#[test]
fn text_that_is_not_utf8_is_located() {
    let mut bytes = BASE.as_bytes().to_vec();
    let at = BASE.find("Delta").unwrap();
    bytes[at + 3] = 0xff;
    fails("bad.json", &bytes, "bad.json:4:46: is not valid UTF-8 text");
}

#[test]
fn empty_and_wrongly_shaped_files_say_what_was_expected() {
    fails(
        "bad.json",
        "",
        "bad.json: has no content: expected a JSON object with documents, actors and events",
    );
    fails(
        "bad.json",
        "\"x\"\n",
        "bad.json:1:3: invalid type: string \"x\", expected a mapping with documents, actors \
         and events",
    );
    fails(
        "bad.json",
        "{\"events\": []} x\n",
        "bad.json:1:16: trailing characters",
    );
    fails(
        "bad.json",
        "{\"events\": [], \"events\": []}\n",
        "bad.json:1:16: `events` is given twice",
    );
}

#[test]
fn every_bad_line_of_json_lines_is_reported() {
    let text = format!("{BASE_LINES}{{\"event\": 1}}\n{{\"evnt\": {{}}}}\n");
    let out = run("bad.jsonl", text.as_bytes(), &["check", "bad.jsonl"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "bad.jsonl:4:11: event #2: expected an event (a mapping with id, date, title and \
         sources), found a number\n\
         bad.jsonl:5:7: unknown line type `evnt`, expected one of `document`, `actor`, \
         `event`\n\
         2 errors\n"
    );
}

#[test]
fn the_size_limit_holds() {
    let out = run(
        "big.json",
        BASE.as_bytes(),
        &["--max-file-size", "100", "check", "big.json"],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "big.json: is {} bytes, over the limit of 100 bytes (raise it with \
             --max-file-size)\n1 error\n",
            BASE.len()
        )
    );
}

#[test]
#[cfg(target_os = "linux")]
fn a_stream_that_says_it_is_empty_but_is_not_is_still_limited() {
    // procfs files report a length of 0; this one is 8 bytes per page of address space.
    let dir = TempDir::new().unwrap();
    std::os::unix::fs::symlink("/proc/self/pagemap", dir.path().join("pagemap.json")).unwrap();
    let out = tline(dir.path())
        .args(["--max-file-size", "1000000", "check", "pagemap.json"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "pagemap.json: is over the limit of 1000000 bytes (raise it with --max-file-size)\n\
         1 error\n"
    );
}

#[test]
fn a_problem_far_along_a_one_line_file_is_located_in_one_pass() {
    // The generator writes JSON on one line. Columns were counted from the start of the
    // line for every value: quadratic, 25 s on this 6 MB file in a debug build (0.5 s in
    // one pass), and more than 5 minutes on 59 MB. The bound is for that hang, not a speed
    // figure.
    let mut json = Vec::new();
    let timeline = tline::synth::timeline(10_000, 1);
    schema::write(&timeline, Format::Json, &mut json).unwrap();
    let json = String::from_utf8(json).unwrap();
    assert_eq!(json.lines().count(), 1);
    let at = json.rfind("\"quote\":\"").unwrap() + "\"quote\":".len();
    let broken = format!("{}\"zzz{}", &json[..at], &json[at + 1..]);
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("big.json"), &broken).unwrap();
    let out = tline(dir.path())
        .args(["check", "big.json"])
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The text is ASCII: the column is the byte offset plus one.
    let place = format!("big.json:1:{}: event ", at + 1);
    assert!(stderr.starts_with(&place), "{stderr}");
    assert!(
        stderr.contains(": quote not found in paragraph"),
        "{stderr}"
    );
}
