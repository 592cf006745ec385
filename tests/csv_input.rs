//! CSV input: tline's own CSV read back as the same timeline, TimelineJS's Google Sheets
//! template read as events at the precision its columns give, and the errors of broken
//! sheets at their row and column.

mod common;

use common::cmd::{dir_with, tline};
use serde_json::Value;
use tline::export::{Layout, ListFormat, write};
use tline::load::{Format, SourceFile, load_sources, schema};
use tline::model::{Event, KindId, Timeline};

/// `timeline` written whole in `format`.
fn exported(timeline: &Timeline, format: ListFormat) -> String {
    let all: Vec<usize> = (0..timeline.events.len()).collect();
    let mut bytes = Vec::new();
    write(&mut bytes, timeline, &all, format, Layout::Plain).expect("writing to memory");
    String::from_utf8(bytes).expect("UTF-8")
}

/// Loads the texts, each a file name and its text.
fn loaded(files: &[(&str, String)]) -> Timeline {
    let files: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile {
            name: name.to_string(),
            text: text.clone(),
        })
        .collect();
    load_sources(&files).unwrap_or_else(|e| panic!("{e}"))
}

/// The events, each with the name of its kind rather than its number (kinds are
/// numbered in the order a file names them).
fn by_kind_name(timeline: &Timeline) -> Vec<(&str, Event)> {
    let first = KindId::new(0).expect("kind 0");
    let events = timeline.events.iter();
    events
        .map(|e| {
            let event = Event {
                kind: first,
                ..e.clone()
            };
            (timeline.kind(e.kind), event)
        })
        .collect()
}

/// Asserts that `back` holds what `timeline` holds, field by field.
fn assert_same(back: &Timeline, timeline: &Timeline) {
    assert_eq!(back.documents, timeline.documents);
    assert_eq!(back.actors, timeline.actors);
    assert_eq!(back.events.len(), timeline.events.len());
    for ((kind, back), (want_kind, want)) in by_kind_name(back).iter().zip(by_kind_name(timeline)) {
        assert_eq!(*kind, want_kind, "{}", want.id);
        assert_eq!(back.id, want.id);
        assert_eq!(back.date, want.date, "{}", want.id);
        assert_eq!(back.date_text, want.date_text, "{}", want.id);
        assert_eq!(back.title, want.title, "{}", want.id);
        assert_eq!(back.status, want.status, "{}", want.id);
        assert_eq!(back.actors, want.actors, "{}", want.id);
        assert_eq!(back.summary, want.summary, "{}", want.id);
        assert_eq!(back.sources, want.sources, "{}", want.id);
        assert!(!back.imported_without_source, "{}", want.id);
    }
}

/// The documents and actors of `timeline` as a YAML file with no events.
fn definitions_yaml(timeline: &Timeline) -> String {
    let definitions = Timeline {
        documents: timeline.documents.clone(),
        actors: timeline.actors.clone(),
        ..Timeline::default()
    };
    let mut bytes = Vec::new();
    schema::write(&definitions, Format::Yaml, &mut bytes).expect("writing to memory");
    String::from_utf8(bytes).expect("UTF-8")
}

/// A synthetic timeline whose texts hold what CSV must quote: commas, quotes, line
/// breaks (where a cell keeps them), backslashes and wide characters.
fn odd_timeline() -> Timeline {
    let mut timeline = tline::synth::timeline(30, 3);
    let paragraph = "He said, \"yes\" \\ no; then: 北京 🙂 déjà\nnext line, \"quoted\"";
    let doc = timeline.events[0].sources[0].doc;
    let paragraphs = &mut timeline.documents[doc.index()].paragraphs;
    paragraphs.push(paragraph.to_string());
    let cited = paragraphs.len();
    timeline.documents[0].title = "A \"title\", with commas".to_string();
    timeline.documents[0].publisher = Some("News, Inc".to_string());
    timeline.documents[1].url = Some("https://example.com/a?b=1,2&c=\"3\"".to_string());
    timeline.actors[0].name = "Biden, \"Joe\"".to_string();
    timeline.actors[0].aliases = vec!["Mr, Biden".to_string(), "ジョー".to_string()];
    for (i, event) in timeline.events.iter_mut().enumerate().take(5) {
        event.title = format!("Say \"hi\", then {i}: ünïcødé 北京 🙂").into();
        event.summary = Some(format!("line one, \"two\"\nline three \\ {i}").into());
        event.date_text = Some("on \"Thursday\", late".into());
        event.sources[0].quote = "\"yes\" \\ no; then: 北京".into();
        event.sources[0].paragraph = cited;
        event.sources[0].doc = doc;
    }
    timeline
}

#[test]
fn the_bundled_timeline_reads_back_from_csv_full_alone() {
    let timeline = common::app::bundled();
    let csv = exported(timeline, ListFormat::CsvFull);
    assert_same(&loaded(&[("events.csv", csv)]), timeline);
}

#[test]
fn the_bundled_timeline_reads_back_from_list_csv_beside_its_definitions() {
    // `list --format csv` has the events only; the actors and documents they name come
    // from a file beside it.
    let timeline = common::app::bundled();
    let csv = exported(timeline, ListFormat::Csv);
    let back = loaded(&[
        ("definitions.yaml", definitions_yaml(timeline)),
        ("events.csv", csv),
    ]);
    assert_same(&back, timeline);
}

#[test]
fn odd_text_reads_back_whole_from_csv() {
    let timeline = odd_timeline();
    let full = exported(&timeline, ListFormat::CsvFull);
    assert!(full.contains("\"Say \"\"hi\"\", then 0"), "{full}");
    assert_same(&loaded(&[("odd.csv", full)]), &timeline);
    let plain = exported(&timeline, ListFormat::Csv);
    let back = loaded(&[
        ("definitions.yaml", definitions_yaml(&timeline)),
        ("odd.csv", plain),
    ]);
    assert_same(&back, &timeline);
}

#[test]
fn list_csv_full_of_a_yaml_file_loads_as_the_same_json() {
    let dir = dir_with(&[("events.yaml", tline::load::BUNDLED_YAML)]);
    let run = |args: &[&str]| {
        let out = tline(dir.path()).args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
    };
    let csv = run(&["list", "--format", "csv-full", "events.yaml"]);
    std::fs::write(dir.path().join("events.csv"), csv).expect("write");
    assert_eq!(
        run(&["list", "--format", "json", "events.csv"]),
        run(&["list", "--format", "json", "events.yaml"])
    );
    assert_eq!(
        run(&["check", "events.csv"]),
        "events.csv: ok, 1 document, 14 actors, 17 events\n"
    );
}

#[test]
fn an_annotated_timeline_reads_back_from_csv_full_its_annotation_columns_left_aside() {
    // With a notes file the CSV gains starred, review, tags and notes columns (and always
    // the source counts): for people, not read back, so the timeline is the same.
    let dir = dir_with(&[("events.yaml", tline::load::BUNDLED_YAML)]);
    let run = |args: &[&str]| {
        let out = tline(dir.path()).args(args).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
    };
    run(&[
        "note",
        "biden-putin-call",
        "--star",
        "--tag",
        "key",
        "a note, with a comma",
    ]);
    let csv = run(&["list", "--format", "csv-full", "events.yaml"]);
    let header = csv.lines().next().expect("a header");
    assert!(
        header.contains(",doc_count,outlet_count,starred,review,tags,notes,record,"),
        "{header}"
    );
    std::fs::write(dir.path().join("all.csv"), csv).expect("write");
    assert_eq!(
        run(&["list", "--format", "json", "all.csv"]),
        run(&[
            "list",
            "--format",
            "json",
            "events.yaml",
            "--notes",
            "none.notes.yaml"
        ])
    );
}

const SHEET: &str = include_str!("fixtures/timelinejs_sheet.csv");

/// The fixture sheet in a directory, and what `tline ARGS sheet.csv` prints.
fn on_sheet(args: &[&str]) -> String {
    let dir = dir_with(&[("sheet.csv", SHEET)]);
    let mut all = args.to_vec();
    all.push("sheet.csv");
    let out = tline(dir.path()).args(&all).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
}

#[test]
fn a_timelinejs_sheet_loads_at_the_precision_of_its_columns() {
    let json: Value = serde_json::from_str(&on_sheet(&["list", "--format", "json"])).unwrap();
    let events = json.as_array().expect("an array");
    let fields: Vec<(&str, &str, &str)> = events
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap(),
                e["date"].as_str().unwrap(),
                e["title"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("sputnik-1-launched", "1957-10-04", "Sputnik 1 launched"),
            (
                "gagarin-orbits-the-earth",
                "1961-04",
                "Gagarin orbits the Earth"
            ),
            (
                "a-year-of-spacewalks-eva-firsts",
                "1965",
                "A year of spacewalks, \"EVA\" firsts"
            ),
            ("apollo-11", "1969-07-16/1969-07-24", "Apollo 11"),
            (
                "from-apollo-17-to-apollo-soyuz",
                "1972-12/1975-07",
                "From Apollo 17 to Apollo–Soyuz"
            ),
        ]
    );
    let sputnik = &events[0];
    assert_eq!(
        sputnik["summary"],
        "The first artificial satellite, launched by the USSR & tracked worldwide."
    );
    assert_eq!(sputnik["kind"], "launch");
    assert_eq!(sputnik["sources"], serde_json::json!([]));
    assert_eq!(events[1]["date_text"], "April 1961");
    assert_eq!(events[3]["summary"], "Launch, landing\nand return.");
    assert_eq!(events[2]["kind"], Value::Null);
}

#[test]
fn a_timelinejs_sheet_goes_back_to_timelinejs_with_its_headlines_and_dates() {
    let json: Value = serde_json::from_str(&on_sheet(&["list", "--format", "timelinejs"])).unwrap();
    assert_eq!(json["title"]["text"]["headline"], "Space race");
    let slides = json["events"].as_array().expect("events");
    let headline = |i: usize| slides[i]["text"]["headline"].as_str().unwrap().to_string();
    assert_eq!(headline(0), "Sputnik 1 launched");
    assert_eq!(headline(2), "A year of spacewalks, &quot;EVA&quot; firsts");
    assert_eq!(
        slides[0]["start_date"],
        serde_json::json!({"year": 1957, "month": 10, "day": 4})
    );
    // A month stays a month and a year a year: never the 1st.
    assert_eq!(
        slides[1]["start_date"],
        serde_json::json!({"year": 1961, "month": 4})
    );
    assert_eq!(slides[2]["start_date"], serde_json::json!({"year": 1965}));
    assert_eq!(
        slides[3]["end_date"],
        serde_json::json!({"year": 1969, "month": 7, "day": 24})
    );
    assert_eq!(
        slides[4]["start_date"],
        serde_json::json!({"year": 1972, "month": 12})
    );
    assert_eq!(
        slides[4]["end_date"],
        serde_json::json!({"year": 1975, "month": 7})
    );
    assert_eq!(slides[1]["group"], "crewed flight");
    assert_eq!(slides[0]["unique_id"], "sputnik-1-launched");
}

#[test]
fn check_counts_the_events_a_sheet_gave_without_a_source() {
    assert_eq!(
        on_sheet(&["check"]),
        "sheet.csv: ok, 0 documents, 0 actors, 5 events; 5 events were imported from a sheet \
         without a source (needs-source)\n"
    );
}

#[test]
fn a_sheet_event_without_a_source_has_the_review_status_needs_source() {
    // Was: the Event pane said needs-source, but `--review needs-source` kept none of
    // them and `--review unreviewed` kept them all.
    let count = |review: &str| {
        let json = on_sheet(&["list", "--review", review, "--format", "json"]);
        let json: Value = serde_json::from_str(&json).unwrap();
        json.as_array().expect("an array").len()
    };
    assert_eq!(count("needs-source"), 5);
    assert_eq!(count("unreviewed"), 0);
}

/// What `tline check` says of `text` as `bad.csv`, on stderr; it must fail.
fn errors_of(text: &str) -> String {
    let dir = dir_with(&[("bad.csv", text)]);
    let out = tline(dir.path())
        .args(["check", "bad.csv"])
        .assert()
        .code(1);
    String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8")
}

const HEADER: &str = "Year,Month,Day,Headline,Text";

#[test]
fn a_row_with_more_or_fewer_cells_than_the_header_is_named() {
    let text = format!("{HEADER}\n2022,1,10,Talks,Text\n2022,1,Talks\n");
    assert_eq!(
        errors_of(&text),
        "bad.csv:3:1: row 3 has 3 cells, the header 5\n1 error\n"
    );
}

#[test]
fn a_bad_year_is_named_at_its_cell() {
    let text = format!("{HEADER}\n\"Talks, 2022\",1,10,Talks,Text\n2022,1,10,Fine,\n");
    assert_eq!(
        errors_of(&text),
        "bad.csv:2:1: row 2, column 1 (Year): \"Talks, 2022\" is not a year (tline reads \
         years 0 to 9999, written in digits)\n1 error\n"
    );
}

#[test]
fn an_end_before_the_start_is_named_at_the_end_year() {
    let text = "Headline,Year,Month,End Year,End Month\nTalks,2022,3,2022,1\n";
    assert_eq!(
        errors_of(text),
        "bad.csv:2:14: row 2, column 4 (End Year): the event ends (2022-01) before it \
         starts (2022-03)\n1 error\n"
    );
}

#[test]
fn an_unknown_column_is_named_with_the_one_meant() {
    let text = "Year,Month,Dya,Headline\n2022,1,10,Talks\n";
    assert_eq!(
        errors_of(text),
        "bad.csv:1:12: column 3: unknown column \"Dya\" for TimelineJS's template (did you \
         mean \"day\"?)\n1 error\n"
    );
    assert_eq!(
        errors_of("When,What\n2022,Talks\n"),
        "bad.csv:1:1: is not a timeline CSV: the header names neither tline's columns (id, \
         date, title, …) nor TimelineJS's template (Year, …, Headline, …)\n1 error\n"
    );
}

#[test]
fn a_problem_found_after_reading_is_located_at_its_cell() {
    // An unknown actor in tline's own CSV: the `actor_ids` cell of its row.
    let text = "id,date,title,actor_ids\nev,2022-01-01,\"A, b\",nobody\n";
    assert_eq!(
        errors_of(text),
        "bad.csv:2:22: event \"ev\": unknown actor \"nobody\"\n1 error\n"
    );
}

#[test]
fn sheet_text_reaches_no_terminal_raw() {
    let text = "Year,Headline,Text\n2022,\"Evil \u{1b}]0;owned\u{7}\",\"<p>\u{1b}[2J&#27;x\u{202e}</p>\"\n\u{1b}[31m,Bad,\n";
    let errors = errors_of(text);
    assert!(!errors.contains('\u{1b}'), "{errors:?}");
    assert!(errors.contains("\\u{1b}[31m"), "{errors:?}");
    let fine = "Year,Headline,Text\n2022,\"Evil \u{1b}]0;owned\u{7}\",\"<p>\u{1b}[2J&#27;x\u{202e}</p>\"\n";
    let dir = dir_with(&[("sheet.csv", fine)]);
    for format in ["table", "csv", "markdown", "chronology"] {
        let out = tline(dir.path())
            .args(["list", "--format", format, "sheet.csv"])
            .assert()
            .success();
        let stdout = &out.get_output().stdout;
        assert!(!stdout.contains(&0x1b), "{format}: {stdout:?}");
        assert!(!stdout.contains(&0x07), "{format}: {stdout:?}");
        let text = String::from_utf8_lossy(stdout);
        assert!(!text.contains('\u{202e}'), "{format}: {text}");
    }
}

#[test]
fn the_event_pane_says_a_sheet_event_needs_a_source_and_shows_its_text_safely() {
    let sheet = "Year,Month,Headline,Text\n2022,1,\"Evil \u{1b}]0;owned\u{7} talks\",\"<p>Said \u{1b}[2J so</p>\"\n";
    let dir = dir_with(&[("sheet.csv", sheet)]);
    let path = dir.path().join("sheet.csv");
    let path = path.to_str().expect("a UTF-8 path");
    let mut s = common::pty::Session::spawn_with(120, 30, &["--no-watch", path]);
    s.wait_for("needs-source (imported from a sheet");
    let screen = s.text();
    assert!(screen.contains("Evil ^[]0;owned^G talks"), "{screen}");
    assert!(screen.contains("Said ^[[2J so"), "{screen}");
    // Enter has no source to open: the pane stays the Event pane.
    s.press("\r");
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
    let raw = s.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !text.contains("\u{1b}]0;owned"),
        "the title escape reached the terminal"
    );
    assert!(
        !text.contains("\u{1b}[2J so"),
        "the text escape reached the terminal"
    );
    assert!(!text.contains("panicked"), "{text}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any text under either header loads or is refused with problems at their places,
    /// never a panic.
    #[test]
    fn any_sheet_loads_or_is_refused_without_a_panic(
        body in "([0-9a-zé北,\"\n\r<>&;#x/ .~?%-]|&#[0-9]{1,8};|&é{1,8};){0,120}",
        own in proptest::bool::ANY,
    ) {
        let header = if own {
            "id,date,title,kind,status,actor_ids,summary,sources,record,name,aliases,published,paragraphs\n"
        } else {
            "Year,Month,Day,End Year,End Month,End Day,Headline,Text,Type,Group\n"
        };
        let file = SourceFile {
            name: "any.csv".to_string(),
            text: format!("{header}{body}"),
        };
        if let Err(e) = load_sources(&[file]) {
            for d in &e.diagnostics {
                proptest::prop_assert_eq!(&d.file, "any.csv");
                proptest::prop_assert!(!d.message.is_empty());
            }
        }
    }
}

#[test]
fn columns_with_no_name_are_left_unread() {
    // Spreadsheets export the empty columns after the last named one.
    let dir = dir_with(&[("sheet.csv", "Year,Headline,,\n2022,Talks,x,\n")]);
    let out = tline(dir.path())
        .args(["list", "--format", "json", "sheet.csv"])
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    assert_eq!(json[0]["title"], "Talks");
    assert_eq!(json[0]["date"], "2022");
}

#[test]
fn a_csv_file_is_held_to_the_limits_of_every_file() {
    let dir = dir_with(&[("sheet.csv", SHEET.as_bytes()), ("bad.csv", b"\xff\xfe")]);
    std::fs::create_dir(dir.path().join("dir.csv")).expect("mkdir");
    let errors = |args: &[&str]| {
        let out = tline(dir.path()).args(args).assert().code(1);
        String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8")
    };
    assert_eq!(
        errors(&["check", "--max-file-size", "10", "sheet.csv"]),
        format!(
            "sheet.csv: is {} bytes, over the limit of 10 bytes (raise it with \
             --max-file-size)\n1 error\n",
            SHEET.len()
        )
    );
    assert_eq!(
        errors(&["check", "dir.csv"]),
        "tline: dir.csv: a directory with no timeline file in it (.yaml, .yml, .json, \
         .jsonl, .ndjson, .csv)\n"
    );
    assert_eq!(
        errors(&["check", "bad.csv"]),
        "bad.csv:1:1: is not valid UTF-8 text\n1 error\n"
    );
}

#[test]
fn a_sheet_goes_through_csv_full_and_back_the_same() {
    let sheet = loaded(&[("sheet.csv", SHEET.to_string())]);
    assert_eq!(sheet.title.as_deref(), Some("Space race"));
    let back = loaded(&[("back.csv", exported(&sheet, ListFormat::CsvFull))]);
    assert_eq!(back, sheet);
    assert!(back.events.iter().all(|e| e.imported_without_source));
}
