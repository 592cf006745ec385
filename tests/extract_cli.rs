//! `tline extract` through the real binary: drafts of the seed article that `tline check`
//! passes in every format, `--actors` reuse, the missing-date error, `-o`, the
//! `--timexes` contract (character offsets, the text the slice of them), and articles
//! named among timeline files for `check`, `list` and `source`.

mod common;

use std::fs;
use std::path::Path;

use common::cmd::{dir_with, tline};
use serde_json::Value;

/// The seed article, beside the repository.
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/000_5d8e55209fb20b48.txt"
);

/// The bundled timeline of the seed article.
const EVENTS_YAML: &str = include_str!("../events.yaml");

/// The standard output of a successful run of `tline` in `dir` with `args`.
fn run_ok(dir: &Path, args: &[&str]) -> String {
    let output = tline(dir).args(args).output().expect("runs");
    assert!(
        output.status.success(),
        "tline {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The standard error of a failed run of `tline` in `dir` with `args`.
fn run_err(dir: &Path, args: &[&str]) -> String {
    let output = tline(dir).args(args).output().expect("runs");
    assert!(!output.status.success(), "tline {args:?} succeeded");
    String::from_utf8(output.stderr).expect("UTF-8 errors")
}

#[test]
fn the_seed_drafted_to_stdout_passes_check() {
    let dir = dir_with::<&str>(&[]);
    let yaml = run_ok(dir.path(), &["extract", SEED]);
    assert!(
        yaml.starts_with("# Draft timeline written by tline extract"),
        "{yaml}"
    );
    assert!(
        yaml.contains("\n    date_text: "),
        "events carry their date's words"
    );
    fs::write(dir.path().join("draft.yaml"), &yaml).expect("writes");
    let summary = run_ok(dir.path(), &["check", "draft.yaml"]);
    assert!(
        summary.starts_with("draft.yaml: ok, 1 document"),
        "{summary}"
    );
}

#[test]
fn the_seed_drafted_as_json_and_json_lines_passes_check() {
    let dir = dir_with::<&str>(&[]);
    let json = run_ok(dir.path(), &["extract", "--format", "json", SEED]);
    let value: Value = serde_json::from_str(&json).expect("one JSON object");
    assert!(value["events"].as_array().is_some_and(|e| !e.is_empty()));
    fs::write(dir.path().join("draft.json"), &json).expect("writes");
    run_ok(dir.path(), &["check", "draft.json"]);
    // The format from -o's extension.
    run_ok(dir.path(), &["extract", "-o", "draft.jsonl", SEED]);
    let lines = fs::read_to_string(dir.path().join("draft.jsonl")).expect("written");
    assert!(
        lines
            .lines()
            .all(|l| serde_json::from_str::<Value>(l).is_ok())
    );
    run_ok(dir.path(), &["check", "draft.jsonl"]);
}

#[test]
fn dash_o_writes_the_file_whole_and_leaves_no_temporary_file() {
    let dir = dir_with(&[("draft.yaml", "old")]);
    let printed = run_ok(dir.path(), &["extract", "-o", "draft.yaml", SEED]);
    assert!(printed.is_empty(), "nothing on stdout: {printed}");
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["draft.yaml"]);
    run_ok(dir.path(), &["check", "draft.yaml"]);
}

#[test]
fn dash_o_refuses_to_overwrite_the_article() {
    let dir = dir_with(&[(
        "a.txt",
        "2022-01-01\n\nRussia said on Friday it would talk.\n",
    )]);
    let error = run_err(dir.path(), &["extract", "-o", "a.txt", "a.txt"]);
    assert!(error.contains("would overwrite the input a.txt"), "{error}");
    let kept = fs::read_to_string(dir.path().join("a.txt")).expect("kept");
    assert!(kept.starts_with("2022-01-01"));
}

#[test]
fn actors_of_an_existing_timeline_are_reused_and_left_out_of_the_draft() {
    let actors = "actors:\n  - id: joe-biden\n    name: Joe Biden\n    kind: person\n    \
        aliases: [Biden, President Biden]\n";
    let dir = dir_with(&[("actors.yaml", actors)]);
    let draft = run_ok(
        dir.path(),
        &[
            "extract",
            "--actors",
            "actors.yaml",
            "-o",
            "draft.yaml",
            SEED,
        ],
    );
    assert!(draft.is_empty());
    let draft = fs::read_to_string(dir.path().join("draft.yaml")).expect("written");
    assert!(draft.contains("\"joe-biden\""), "events name the reused id");
    assert!(
        !draft.contains("id: \"joe-biden\""),
        "not defined again:\n{draft}"
    );
    assert!(
        draft.contains("# Actors reused from actors.yaml are not repeated here (joe-biden"),
        "the comment says so:\n{draft}"
    );
    let summary = run_ok(dir.path(), &["check", "actors.yaml", "draft.yaml"]);
    assert!(summary.contains(": ok,"), "{summary}");
}

#[test]
fn a_draft_beside_a_whole_timeline_takes_ids_of_its_own() {
    let dir = dir_with(&[("events.yaml", EVENTS_YAML)]);
    for (format, file) in [("yaml", "draft.yaml"), ("json", "draft.json")] {
        run_ok(
            dir.path(),
            &[
                "extract",
                "--actors",
                "events.yaml",
                "--format",
                format,
                "-o",
                file,
                SEED,
            ],
        );
        let summary = run_ok(dir.path(), &["check", "events.yaml", file]);
        assert!(summary.contains(": ok, 2 documents"), "{summary}");
    }
    // JSON has no comment: the note is on stderr.
    let output = tline(dir.path())
        .args([
            "extract",
            "--actors",
            "events.yaml",
            "--format",
            "jsonl",
            SEED,
        ])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("tline: note: Actors reused from events.yaml are not repeated"),
        "{stderr}"
    );
    assert!(
        stderr.contains("(tline events.yaml draft.yaml)"),
        "{stderr}"
    );
}

#[test]
fn actors_that_do_not_load_are_reported_by_the_loader() {
    let dir = dir_with(&[("actors.yaml", "actors:\n  - id: Bad Id\n")]);
    let error = run_err(dir.path(), &["extract", "--actors", "actors.yaml", SEED]);
    assert!(error.starts_with("tline: actors.yaml:"), "{error}");
}

#[test]
fn an_article_without_a_date_names_the_file_and_the_flag() {
    let dir = dir_with(&[("undated.txt", "Russia said on Friday it would talk.\n")]);
    let error = run_err(dir.path(), &["extract", "undated.txt"]);
    assert!(
        error.starts_with("tline: undated.txt: no publication date found"),
        "{error}"
    );
    assert!(error.contains("--published"), "{error}");
    let draft = run_ok(
        dir.path(),
        &["extract", "--published", "2022-01-07", "undated.txt"],
    );
    assert!(draft.contains("published: \"2022-01-07\""), "{draft}");
    let error = run_err(
        dir.path(),
        &["extract", "--published", "soon", "undated.txt"],
    );
    assert!(error.contains("\"soon\" is not a date"), "{error}");
    let error = run_err(dir.path(), &["check", "undated.txt"]);
    assert!(
        error.starts_with("undated.txt: no publication date found: add a first line"),
        "{error}"
    );
    assert!(
        error.contains("`tline extract --published YYYY-MM-DD undated.txt`"),
        "{error}"
    );
}

#[test]
fn an_article_is_read_within_the_loaders_limits() {
    let dir = dir_with(&[("bad.txt", &b"2022-01-01\n\nRussia \xff said.\n"[..])]);
    let error = run_err(dir.path(), &["extract", "bad.txt"]);
    assert!(
        error.contains("bad.txt:3:8: is not valid UTF-8 text"),
        "{error}"
    );
    let error = run_err(dir.path(), &["extract", "--max-file-size", "10", "bad.txt"]);
    assert!(error.contains("the limit of 10 bytes"), "{error}");
    fs::create_dir(dir.path().join("dir.txt")).expect("makes a directory");
    let error = run_err(dir.path(), &["extract", "dir.txt"]);
    assert!(error.contains("dir.txt: is a directory"), "{error}");
}

/// The lines of `tline extract --timexes` in `dir` with `args`, each checked against the
/// contract: the fields, their types, and `text` the character slice of `start..end` of
/// `text`.
fn timexes(dir: &Path, args: &[&str], text: &str) -> Vec<Value> {
    let mut all = vec!["extract", "--timexes"];
    all.extend(args);
    let out = run_ok(dir, &all);
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    for line in out.lines() {
        let value: Value = serde_json::from_str(line).expect("one JSON object a line");
        let object = value.as_object().expect("an object");
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut sorted = ["start", "end", "text", "type", "value", "edtf", "paragraph"];
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "{line}");
        let start = value["start"].as_u64().expect("start") as usize;
        let end = value["end"].as_u64().expect("end") as usize;
        assert!(start < end && end <= chars.len(), "{line}");
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(value["text"].as_str(), Some(slice.as_str()), "{line}");
        let kind = value["type"].as_str().expect("type");
        assert!(
            ["DATE", "TIME", "DURATION", "SET"].contains(&kind),
            "{line}"
        );
        assert!(value["value"].as_str().is_some_and(|v| !v.is_empty()));
        assert!(
            value["edtf"].is_null() || value["edtf"].is_string(),
            "{line}"
        );
        assert!(
            value["paragraph"].as_u64().is_some_and(|p| p >= 1),
            "{line}"
        );
        lines.push(value);
    }
    lines
}

#[test]
fn timexes_are_offsets_in_characters_after_non_ascii_text() {
    let text = "Le café « Ödön » 🎉 a fermé — on Thursday, officials said.\n\n\
        Talks will resume next week, and again in March 2022.\n";
    let dir = dir_with(&[("cafe.txt", text)]);
    let lines = timexes(dir.path(), &["--published", "2022-01-01", "cafe.txt"], text);
    let first = &lines[0];
    assert_eq!(first["text"], "Thursday");
    assert_eq!(first["start"], 32, "{first}");
    assert_eq!(first["end"], 40);
    assert_eq!(first["type"], "DATE");
    assert_eq!(first["value"], "2021-12-30");
    assert_eq!(first["edtf"], "2021-12-30");
    assert_eq!(first["paragraph"], 1);
    let found: Vec<&str> = lines.iter().filter_map(|l| l["text"].as_str()).collect();
    assert_eq!(found, ["Thursday", "next week", "March 2022"]);
    assert!(lines[1..].iter().all(|l| l["paragraph"] == 2));
}

#[test]
fn every_timex_is_the_slice_of_its_offsets_on_several_articles() {
    let dir = dir_with::<&str>(&[]);
    let seed = fs::read_to_string(SEED).expect("the seed article");
    let lines = timexes(dir.path(), &[SEED], &seed);
    assert!(lines.len() >= 5, "{lines:?}");
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/extract");
    for name in ["ceasefire.txt", "rates.txt", "summit.md"] {
        let path = format!("{fixtures}/{name}");
        let text = fs::read_to_string(&path).expect("a fixture");
        let lines = timexes(dir.path(), &["--published", "2022-01-01", &path], &text);
        assert!(!lines.is_empty(), "{name}");
    }
    let mixed = "Ελλάδα: στις 3 Μαρτίου — 日本 said on Monday.\r\n\r\n\
        Ünïcödé\u{200b} tabs\tthen two days later, about three weeks ago.\n";
    fs::write(dir.path().join("mixed.txt"), mixed).expect("writes");
    let lines = timexes(
        dir.path(),
        &["--published", "2022-03-09", "mixed.txt"],
        mixed,
    );
    assert!(lines.len() >= 3, "{lines:?}");
}

#[test]
fn timexes_take_the_date_from_a_header_but_count_offsets_from_the_top() {
    let text = "Date: March 4, 2022\nTitle: Talks\n\nThey met on Thursday.\n";
    let dir = dir_with(&[("talks.txt", text)]);
    let lines = timexes(dir.path(), &["talks.txt"], text);
    let found: Vec<(&str, &str)> = lines
        .iter()
        .map(|l| {
            (
                l["text"].as_str().unwrap_or(""),
                l["value"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("Thursday", "2022-03-03")],
        "the header's date is not listed"
    );
    assert_eq!(lines[0]["start"], 46);
    assert_eq!(lines[0]["paragraph"], 2);
    let error = run_err(
        dir.path(),
        &["extract", "--timexes", "talks.txt", "talks.txt"],
    );
    assert!(error.contains("same file"), "{error}");
}

#[test]
fn timexes_read_one_file_and_need_a_date() {
    let dir = dir_with(&[("a.txt", "On Friday."), ("b.txt", "On Monday.")]);
    let error = run_err(dir.path(), &["extract", "--timexes", "a.txt", "b.txt"]);
    assert!(error.contains("--timexes reads one FILE, not 2"), "{error}");
    let error = run_err(dir.path(), &["extract", "--timexes", "a.txt"]);
    assert!(error.contains("a.txt: no publication date"), "{error}");
    assert!(error.contains("--published"), "{error}");
}

#[test]
fn an_article_among_timeline_files_is_drafted_for_check_list_and_source() {
    let dir = dir_with(&[("events.yaml", EVENTS_YAML)]);
    let summary = run_ok(dir.path(), &["check", SEED]);
    assert!(summary.starts_with("draft of "), "{summary}");
    let summary = run_ok(dir.path(), &["check", "events.yaml", SEED]);
    assert!(summary.starts_with("events.yaml, draft of "), "{summary}");
    assert!(summary.contains(": ok, 2 documents"), "{summary}");
    let listed = run_ok(dir.path(), &["list", "--format", "json", SEED]);
    let events: Value = serde_json::from_str(&listed).expect("JSON");
    assert!(events.as_array().is_some_and(|e| e.len() >= 8), "{listed}");
    let id = events[0]["id"].as_str().expect("an id");
    let quote = events[0]["sources"][0]["quote"].as_str().expect("a quote");
    let source = run_ok(dir.path(), &["source", SEED, id]);
    assert!(source.contains(&format!("»{quote}«")), "{source}");
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/extract");
    let markdown = format!("{fixtures}/summit.md");
    let plain = format!("{fixtures}/rates.txt");
    let summary = run_ok(dir.path(), &["check", &markdown, &plain]);
    assert!(summary.contains(": ok, 2 documents"), "{summary}");
    // With no subcommand and stdout a pipe, the list.
    let piped = run_ok(dir.path(), &[SEED]);
    assert!(piped.contains("30 Dec 2021"), "{piped}");
}

#[test]
fn control_and_invisible_characters_reach_no_terminal_and_the_draft_still_loads() {
    let text = "2022-01-01\n\nRussia\u{1b}[31m said on Thursday\u{202e} that NATO\u{200b} \
        would meet\u{85} next week.\r\n\r\nThe\tKremlin\u{2028} warned on Friday.\n";
    let dir = dir_with(&[("hostile\u{1b}].txt", text)]);
    let name = "hostile\u{1b}].txt";
    for format in ["yaml", "json", "jsonl"] {
        let out = run_ok(dir.path(), &["extract", "--format", format, name]);
        assert!(
            !out.contains(['\u{1b}', '\u{202e}', '\u{200b}', '\u{85}', '\u{2028}']),
            "{format}: {out}"
        );
        let file = format!("draft.{format}");
        fs::write(dir.path().join(&file), &out).expect("writes");
        run_ok(dir.path(), &["check", &file]);
    }
    let timexes = run_ok(dir.path(), &["extract", "--timexes", name]);
    assert!(!timexes.contains(['\u{1b}', '\u{202e}']), "{timexes}");
    let summary = run_ok(dir.path(), &["check", name]);
    assert!(!summary.contains('\u{1b}'), "{summary}");
}

#[test]
fn names_a_reused_actor_lacks_are_listed_for_the_reviewer() {
    let actors = "actors:\n  - id: russia\n    name: Russia\n    kind: country\n";
    let dir = dir_with(&[("actors.yaml", actors)]);
    let draft = run_ok(dir.path(), &["extract", "--actors", "actors.yaml", SEED]);
    assert!(
        draft.contains("# The articles also name russia as \"Russian\""),
        "{draft}"
    );
    fs::write(dir.path().join("draft.yaml"), &draft).expect("writes");
    run_ok(dir.path(), &["check", "actors.yaml", "draft.yaml"]);
}

#[test]
fn a_timex_line_is_exactly_one_compact_object_with_its_keys_in_order() {
    let dir = dir_with(&[("met.txt", "They met on Thursday.\n")]);
    let out = run_ok(
        dir.path(),
        &[
            "extract",
            "--timexes",
            "--published",
            "2022-01-01",
            "met.txt",
        ],
    );
    assert_eq!(
        out,
        "{\"start\":12,\"end\":20,\"text\":\"Thursday\",\"type\":\"DATE\",\
         \"value\":\"2021-12-30\",\"edtf\":\"2021-12-30\",\"paragraph\":1}\n"
    );
    let none = run_ok(
        dir.path(),
        &[
            "extract",
            "--timexes",
            "--published",
            "2022-01-01",
            "met.txt",
            "-o",
            "t.jsonl",
        ],
    );
    assert!(none.is_empty());
    let written = fs::read_to_string(dir.path().join("t.jsonl")).expect("written");
    assert_eq!(written, out);
}
