//! The file schema's shape, the same in every format: every problem of a file is reported
//! in one run (a field missing, unknown or of the wrong type beside a bad reference),
//! each at its line and column and naming its item by id; texts are read as written;
//! an item written as a list is refused alike in YAML, JSON and JSON Lines; an event
//! needs no kind.

use tline::load::{SourceFile, load_sources};
use tline::model::Timeline;

mod common;

use common::cmd::{dir_with, tline};
use common::fixture::edit;

/// `tline check NAME` on `text`: its stderr, after asserting it failed.
fn check_fails(name: &str, text: &str) -> String {
    let dir = dir_with(&[(name, text.as_bytes())]);
    let out = tline(dir.path()).args(["check", name]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{name}");
    assert!(out.stdout.is_empty());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn load(name: &str, text: &str) -> Timeline {
    let file = SourceFile {
        name: name.to_string(),
        text: text.to_string(),
    };
    load_sources(&[file]).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn load_error(name: &str, text: &str) -> String {
    let file = SourceFile {
        name: name.to_string(),
        text: text.to_string(),
    };
    load_sources(&[file]).expect_err(name).to_string()
}

const UNKNOWN: &str = "unknown field `colour`, expected one of `id`, `date`, `date_text`, \
                       `title`, `kind`, `status`, `actors`, `summary`, `sources`";

#[test]
fn a_missing_an_unknown_and_a_mistyped_field_and_an_unknown_actor_are_reported_at_once() {
    let yaml = "documents:\n  - id: doc\n    title: A doc\n    published: 2022-01-01\n    \
                paragraphs:\n      - \"Alpha beta gamma.\"\nactors:\n  - id: nato\n    \
                name: NATO\n    kind: organization\nevents:\n  - id: ev\n    date: \
                2022-01-01\n    colour: red\n    summary: [not, text]\n    actors: [natoo]\n    \
                sources:\n      - doc: doc\n        paragraph: 1\n        quote: \"beta gamma\"\n";
    assert_eq!(
        check_fails("bad.yaml", yaml),
        format!(
            "bad.yaml:12:5: event \"ev\": missing field `title`\n\
             bad.yaml:14:5: event \"ev\": {UNKNOWN}\n\
             bad.yaml:15:14: event \"ev\": summary: expected text, found a list\n\
             bad.yaml:16:14: event \"ev\": unknown actor \"natoo\" (did you mean \"nato\"?)\n\
             4 errors\n"
        )
    );
    let json = r#"{
  "documents": [
    {"id": "doc", "title": "A doc", "published": "2022-01-01",
     "paragraphs": ["Alpha beta gamma."]}
  ],
  "actors": [{"id": "nato", "name": "NATO", "kind": "organization"}],
  "events": [
    {"id": "ev", "date": "2022-01-01", "colour": "red",
     "summary": ["not", "text"], "actors": ["natoo"],
     "sources": [{"doc": "doc", "paragraph": 1, "quote": "beta gamma"}]}
  ]
}
"#;
    assert_eq!(
        check_fails("bad.json", json),
        format!(
            "bad.json:8:5: event \"ev\": missing field `title`\n\
             bad.json:8:40: event \"ev\": {UNKNOWN}\n\
             bad.json:9:17: event \"ev\": summary: expected text, found a list\n\
             bad.json:9:45: event \"ev\": unknown actor \"natoo\" (did you mean \"nato\"?)\n\
             4 errors\n"
        )
    );
    let lines = r#"{"document": {"id": "doc", "title": "A doc", "published": "2022-01-01", "paragraphs": ["Alpha beta gamma."]}}
{"actor": {"id": "nato", "name": "NATO", "kind": "organization"}}
{"event": {"id": "ev", "date": "2022-01-01", "colour": "red", "summary": ["not", "text"], "actors": ["natoo"], "sources": [{"doc": "doc", "paragraph": 1, "quote": "beta gamma"}]}}
"#;
    assert_eq!(
        check_fails("bad.jsonl", lines),
        format!(
            "bad.jsonl:3:11: event \"ev\": missing field `title`\n\
             bad.jsonl:3:46: event \"ev\": {UNKNOWN}\n\
             bad.jsonl:3:74: event \"ev\": summary: expected text, found a list\n\
             bad.jsonl:3:102: event \"ev\": unknown actor \"natoo\" (did you mean \"nato\"?)\n\
             4 errors\n"
        )
    );
}

#[test]
fn a_wrong_source_hides_neither_the_other_sources_nor_the_other_events() {
    let text = edit(
        "        quote: \"beta gamma\"\n",
        "        quote: \"beta gamma\"\n      - [doc, 1, beta]\n      - doc: doc\n        \
         paragraph: one\n        quote: nowhere\n  - id: other\n    date: 2022-01-02\n    \
         title: T\n    sources: [{doc: docc, paragraph: 1, quote: beta}]\n",
    );
    assert_eq!(
        check_fails("bad.yaml", &text),
        "bad.yaml:22:9: event \"ev\": sources.1: expected a source (a mapping with doc, \
         paragraph and quote), found a list\n\
         bad.yaml:24:20: event \"ev\": sources.2.paragraph: expected a paragraph number, \
         found text \"one\"\n\
         bad.yaml:29:21: event \"other\": unknown document \"docc\" (did you mean \"doc\"?)\n\
         3 errors\n"
    );
}

#[test]
fn an_item_written_as_a_list_is_refused_alike_in_every_format() {
    let message = "event #1: expected an event (a mapping with id, date, title and sources), \
                   found a list";
    assert_eq!(
        load_error("a.yaml", "events:\n  - [ev, 2022-01-01, T]\n"),
        format!("a.yaml:2:5: {message}")
    );
    assert_eq!(
        load_error("a.json", "{\"events\": [[\"ev\", \"2022-01-01\", \"T\"]]}"),
        format!("a.json:1:13: {message}")
    );
    assert_eq!(
        load_error("a.jsonl", "{\"event\": [\"ev\", \"2022-01-01\", \"T\"]}\n"),
        format!("a.jsonl:1:11: {message}")
    );
    assert_eq!(
        load_error(
            "a.json",
            "{\"actors\": [[\"nato\", \"NATO\", \"organization\"]]}"
        ),
        "a.json:1:13: actor #1: expected an actor (a mapping with id, name and kind), found \
         a list"
    );
    assert_eq!(
        load_error(
            "a.json",
            "{\"documents\": [[\"d\", \"T\", \"2022-01-01\", [\"p\"]]]}"
        ),
        "a.json:1:16: document #1: expected a document (a mapping with id, title, published \
         and paragraphs), found a list"
    );
}

#[test]
fn plain_yaml_scalars_are_read_as_written() {
    let text = edit(
        "    paragraphs:\n",
        "    paragraphs:\n      - \"Version 3.10 ships.\"\n",
    )
    .replace("  - id: nato\n", "  - id: 0x1f\n")
    .replace("title: An event", "title: 0x10")
    .replace("kind: talks", "kind: 1e3")
    .replace("actors: [nato]", "actors: [0x1f]")
    .replace(
        "paragraph: 1\n        quote: \"beta gamma\"",
        "paragraph: 1\n        quote: 3.10",
    )
    .replace(
        "date: 2022-01-01\n    title",
        "date: 2022\n    date_text: True\n    title",
    );
    let timeline = load("a.yaml", &text);
    let event = &timeline.events[0];
    assert_eq!(&*event.title, "0x10");
    assert_eq!(timeline.kind(event.kind), "1e3");
    assert_eq!(event.date_text.as_deref(), Some("True"));
    assert_eq!(event.date.to_string(), "2022");
    assert_eq!(&*event.sources[0].quote, "3.10");
    assert_eq!(timeline.actors[0].id, "0x1f");
    assert_eq!(timeline.actor(event.actors[0]).id, "0x1f");
}

#[test]
fn a_json_number_where_text_belongs_is_kept_when_whole_and_refused_when_not() {
    let base = "{\"actors\": [{\"id\": ID, \"name\": \"N\", \"kind\": \"person\"}]}";
    assert_eq!(
        load("a.json", &base.replace("ID", "2022")).actors[0].id,
        "2022"
    );
    assert_eq!(
        load_error("a.json", &base.replace("ID", "1e3")),
        "a.json:1:20: actor #1: id: expected text, found a number read as 1000: write it in \
         quotes to keep it as written"
    );
    // Two ids beyond 64 bits would be read as the same number.
    let big = "{\"actors\": [{\"id\": 123456789012345678901, \"name\": \"N\", \"kind\": \
               \"person\"}, {\"id\": 123456789012345678902, \"name\": \"M\", \"kind\": \
               \"person\"}]}";
    let error = load_error("a.json", big);
    assert_eq!(error.lines().count(), 2, "{error}");
    assert!(
        error.lines().all(|l| l.contains("write it in quotes")),
        "{error}"
    );
}

#[test]
fn a_tab_after_a_colon_reads_as_a_space() {
    let text = edit("    title: An event\n", "    title:\tAn event\n")
        .replace("  - id: doc\n", "  - \"id\":\tdoc\n");
    let timeline = load("a.yaml", &text);
    assert_eq!(&*timeline.events[0].title, "An event");
    assert_eq!(timeline.documents[0].id, "doc");
}

#[test]
fn an_event_needs_no_kind_and_none_is_written_back() {
    let text = edit("    kind: talks\n", "");
    let timeline = load("a.yaml", &text);
    assert_eq!(timeline.kind(timeline.events[0].kind), "");
    for format in [
        tline::load::Format::Yaml,
        tline::load::Format::Json,
        tline::load::Format::JsonLines,
    ] {
        let mut out = Vec::new();
        tline::load::schema::write(&timeline, format, &mut out).unwrap();
        let written = String::from_utf8(out).unwrap();
        assert!(!written.contains("\"kind\": \"\""), "{written}");
        assert!(!written.contains("\"kind\":\"\""), "{written}");
        assert!(!written.contains("kind: \"\""), "{written}");
    }
}
