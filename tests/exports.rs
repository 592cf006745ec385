//! The exports that keep provenance, through the real binary: `list --format
//! timelinejs` checked against TimelineJS3's documented JSON format, `chronology`
//! (Markdown for an editor), `ics` (RFC 5545) and the sources the JSON and CSV carry.

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::cmd::{dir_with, tline};
use serde_json::{Map, Value};
use tempfile::TempDir;

/// A timeline whose texts hold what each format must escape: HTML, Markdown and
/// iCalendar punctuation, a `]` and a line break in a quote, a long line of accented
/// text, a `javascript:` URL. Its events are dated at every precision.
const HOSTILE: &str = r#"documents:
  - id: doc
    title: 'Tom & "Jerry" <b>say</b> [^9]: no'
    publisher: 'News, Inc; \ Ltd'
    published: 2022-01-05
    url: https://example.com/a?b=1&c=2
    paragraphs:
      - "Alpha [beta] gamma; a, b \\ c <script>x</script> end. Écoutez: les événements déjà très étranges."
      - "Second paragraph."
  - id: evil
    title: Evil
    published: 2022-01-06
    url: "javascript:alert(1)"
    paragraphs:
      - "Delta epsilon."
actors:
  - id: nato
    name: NATO
    kind: organization
events:
  - id: day
    date: 2022-01-01
    title: 'A <b>bold</b> & [linked](x) title; with, commas'
    kind: talks
    actors: [nato]
    summary: "- a list?\nSecond line, with \\ and ; and a very long tail of accented words: événements déjà très étranges, événements déjà très étranges."
    sources:
      - doc: doc
        paragraph: 1
        quote: "[beta] gamma;\n a, b \\ c <script>x</script>"
      - doc: doc
        paragraph: 2
        quote: "Second paragraph."
  - id: week
    date: 2022-01-01/2022-01-08
    title: A week of talks
    kind: talks
    sources:
      - doc: evil
        paragraph: 1
        quote: "Delta"
  - id: month
    date: 2022-01
    title: A month
    kind: talks
    sources:
      - doc: doc
        paragraph: 2
        quote: "Second"
  - id: about-a-day
    date: 2022-01-03~
    title: About a day
    kind: call
    sources:
      - doc: doc
        paragraph: 2
        quote: "paragraph"
  - id: open-end
    date: 2022-01-02/..
    title: Still going
    kind: call
    sources:
      - doc: doc
        paragraph: 2
        quote: "Second"
  - id: 2022_open.start
    date: ../2022-01-04
    title: Begun some time
    kind: call
    sources:
      - doc: doc
        paragraph: 2
        quote: "Second"
"#;

/// The stdout and stderr of a successful `tline ARGS` in `dir`, as text.
fn run(dir: &Path, args: &[&str]) -> (String, String) {
    let out = tline(dir).args(args).assert().success();
    let output = out.get_output();
    (
        String::from_utf8(output.stdout.clone()).unwrap(),
        String::from_utf8(output.stderr.clone()).unwrap(),
    )
}

/// `tline list --format FORMAT` of the hostile timeline: stdout and stderr.
fn hostile(format: &str) -> (String, String) {
    let dir = dir_with(&[("t.yaml", HOSTILE)]);
    run(dir.path(), &["list", "--format", format, "t.yaml"])
}

/// `tline list --format FORMAT` of the bundled timeline: stdout and stderr.
fn bundled(format: &str) -> (String, String) {
    let dir = TempDir::new().unwrap();
    run(dir.path(), &["list", "--format", format])
}

#[test]
fn each_export_of_the_bundled_timeline() {
    // What a reader of each format sees, whole. iCalendar's CRLF is checked below and
    // shown here as plain line ends.
    for format in ["timelinejs", "chronology", "ics"] {
        let (text, _) = bundled(format);
        insta::assert_snapshot!(format!("list_{format}"), text.replace("\r\n", "\n"));
    }
}

// --- timelinejs ----------------------------------------------------------------------

/// The keys TimelineJS3 documents for each object, and which are required.
const TOP_KEYS: &[&str] = &["events", "title", "eras", "scale"];
const SLIDE_KEYS: &[&str] = &[
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
];
const DATE_KEYS: &[&str] = &[
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "millisecond",
    "display_date",
];
const TEXT_KEYS: &[&str] = &["headline", "text"];

/// TimelineJS3's `slugify` (src/js/core/Util.js), which it applies to a `unique_id`
/// given: the test requires every id to come out of it unchanged.
fn timelinejs_slugify(id: &str) -> String {
    let from = "ãàáäâẽèéëêìíïîõòóöôùúüûñç·/_,:;";
    let to = "aaaaaeeeeeiiiiooooouuuunc------";
    let mut s: String = id
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            from.chars()
                .position(|f| f == c)
                .map_or(c, |i| to.chars().nth(i).unwrap())
        })
        .filter(|c| matches!(c, 'a'..='z' | '0'..='9' | ' ' | '-'))
        .collect();
    s = s.split_whitespace().collect::<Vec<_>>().join("-");
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

fn keys_within(object: &Map<String, Value>, allowed: &[&str], what: &str) {
    for key in object.keys() {
        assert!(
            allowed.contains(&key.as_str()),
            "{what} has undocumented key {key}"
        );
    }
}

/// Checks a date object against the documented rules: `year` a number, `month` a
/// number from 1 to 12, `day` a number that is a day of that month.
fn check_date(date: &Value, what: &str) -> (i64, Option<u64>, Option<u64>) {
    let date = date
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object"));
    keys_within(date, DATE_KEYS, what);
    let year = date["year"]
        .as_i64()
        .unwrap_or_else(|| panic!("{what}: year not a number"));
    let month = date
        .get("month")
        .map(|m| m.as_u64().expect("month a number"));
    let day = date.get("day").map(|d| d.as_u64().expect("day a number"));
    if let Some(m) = month {
        assert!((1..=12).contains(&m), "{what}: month {m}");
    }
    if let Some(d) = day {
        let month = month.unwrap_or_else(|| panic!("{what}: a day without a month"));
        let valid = chrono::NaiveDate::from_ymd_opt(year as i32, month as u32, d as u32);
        assert!(valid.is_some(), "{what}: no day {d} in {year}-{month}");
    }
    (year, month, day)
}

/// Checks the whole TimelineJS3 object against the documented format; returns it.
fn check_timelinejs(text: &str) -> Map<String, Value> {
    let data: Value = serde_json::from_str(text).expect("TimelineJS data is JSON");
    let data = data.as_object().expect("a single JSON object").clone();
    keys_within(&data, TOP_KEYS, "the data");
    let events = data["events"].as_array().expect("events, a list of slides");
    let mut ids = HashSet::new();
    let title = data.get("title").into_iter();
    for (i, slide) in title.clone().chain(events).enumerate() {
        let what = format!("slide {i}");
        let slide = slide
            .as_object()
            .unwrap_or_else(|| panic!("{what} is not an object"));
        keys_within(slide, SLIDE_KEYS, &what);
        let is_title = i == 0 && data.contains_key("title");
        if !is_title {
            let start = check_date(&slide["start_date"], &format!("{what} start_date"));
            if let Some(end) = slide.get("end_date") {
                let end = check_date(end, &format!("{what} end_date"));
                assert!(start <= end, "{what} ends before it starts");
            }
        }
        let text = slide["text"].as_object().expect("text, an object");
        keys_within(text, TEXT_KEYS, &format!("{what} text"));
        for key in TEXT_KEYS {
            text.get(*key)
                .map(|v| v.as_str().expect("text fields are strings"));
        }
        for key in ["group", "display_date"] {
            slide.get(key).map(|v| v.as_str().expect("a string"));
        }
        let id = slide["unique_id"].as_str().expect("unique_id, a string");
        assert_eq!(timelinejs_slugify(id), id, "TimelineJS would rewrite {id}");
        assert!(ids.insert(id.to_string()), "unique_id {id} twice");
    }
    data
}

#[test]
fn timelinejs_follows_the_documented_format() {
    let (text, _) = bundled("timelinejs");
    let data = check_timelinejs(&text);
    let (json, _) = bundled("json");
    let events: Vec<Value> = serde_json::from_str(&json).unwrap();
    let slides = data["events"].as_array().unwrap();
    assert_eq!(slides.len(), events.len());
    for (slide, event) in slides.iter().zip(&events) {
        assert_eq!(
            slide["unique_id"], event["id"],
            "bundled ids are kept as they are"
        );
        assert_eq!(slide["group"], event["kind"]);
    }
    assert_eq!(
        data["title"]["text"]["headline"],
        "Biden warns Putin of decisive response if Russia invades Ukraine"
    );
}

#[test]
fn timelinejs_dates_go_as_far_as_the_precision_and_no_further() {
    let (text, _) = hostile("timelinejs");
    let data = check_timelinejs(&text);
    let slide = |id: &str| {
        data["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["text"]["headline"] == id)
            .unwrap_or_else(|| panic!("no slide {id}"))
            .clone()
    };
    let month = slide("A month");
    assert_eq!(
        month["start_date"],
        serde_json::json!({"year": 2022, "month": 1})
    );
    assert_eq!(month.get("end_date"), None);
    assert_eq!(month["display_date"], "January 2022");
    let week = slide("A week of talks");
    assert_eq!(
        week["end_date"],
        serde_json::json!({"year": 2022, "month": 1, "day": 8})
    );
    assert_eq!(week["display_date"], "1–8 January 2022");
    assert_eq!(slide("About a day")["display_date"], "about 3 January 2022");
    let open_end = slide("Still going");
    assert_eq!(open_end.get("end_date"), None);
    assert_eq!(open_end["display_date"], "from 2 January 2022 on");
    // An open start is placed at its known end, and says so.
    let open_start = slide("Begun some time");
    assert_eq!(
        open_start["start_date"],
        serde_json::json!({"year": 2022, "month": 1, "day": 4})
    );
    assert_eq!(open_start.get("end_date"), None);
    assert_eq!(open_start["display_date"], "by 4 January 2022");
    assert_eq!(open_start["unique_id"], "event-2022-open-start");
}

#[test]
fn timelinejs_text_is_escaped_html_with_its_sources() {
    let (text, _) = hostile("timelinejs");
    let data = check_timelinejs(&text);
    let slides = data["events"].as_array().unwrap();
    let day = slides.iter().find(|s| s["unique_id"] == "day").unwrap();
    assert_eq!(
        day["text"]["headline"],
        "A &lt;b&gt;bold&lt;/b&gt; &amp; [linked](x) title; with, commas"
    );
    let body = day["text"]["text"].as_str().unwrap();
    assert!(
        !body.contains("<script>") && !body.contains("<b>"),
        "{body}"
    );
    assert!(body.contains("&lt;script&gt;x&lt;/script&gt;"), "{body}");
    assert!(
        body.contains("<blockquote>“[beta] gamma;\n a, b \\ c"),
        "{body}"
    );
    assert!(
        body.contains(
            "— News, Inc; \\ Ltd, <a href=\"https://example.com/a?b=1&amp;c=2\">“Tom &amp; \
             &quot;Jerry&quot; &lt;b&gt;say&lt;/b&gt; [^9]: no”</a>, 5 January 2022, ¶1"
        ),
        "{body}"
    );
    let week = slides.iter().find(|s| s["unique_id"] == "week").unwrap();
    let body = week["text"]["text"].as_str().unwrap();
    assert!(
        !body.contains("href"),
        "a javascript: URL is never a link: {body}"
    );
}

#[test]
fn timelinejs_of_no_events_is_still_valid_data() {
    let dir = dir_with(&[("t.yaml", HOSTILE)]);
    let out = tline(dir.path())
        .args([
            "list",
            "--format",
            "timelinejs",
            "--kind",
            "talks",
            "--status",
            "planned",
            "t.yaml",
        ])
        .assert()
        .success()
        .stderr("tline: no events match\n");
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let data = check_timelinejs(&text);
    assert_eq!(data["events"], serde_json::json!([]));
}

// --- chronology ----------------------------------------------------------------------

#[test]
fn chronology_headings_follow_the_precision_of_each_date() {
    let (text, _) = hostile("chronology");
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        // `../2022-01-04` is placed at its end (README, Dates).
        [
            "## 1 January 2022",
            "## 1–8 January 2022",
            "## January 2022",
            "## From 2 January 2022 on",
            "## About 3 January 2022",
            "## By 4 January 2022",
        ]
    );
}

#[test]
fn chronology_quotes_are_footnoted_and_cannot_break_out() {
    let (text, _) = hostile("chronology");
    // The quote keeps to one line, its brackets escaped; its footnote is the citation.
    // Footnotes are numbered as first cited: `day`, which cites ¶1 first, is the first
    // event since `../2022-01-04` is placed at its end.
    assert!(
        text.contains("> “\\[beta\\] gamma;  a, b \\\\ c \\<script\\>x\\</script\\>”[^1]\n"),
        "{text}"
    );
    let footnotes: Vec<&str> = text.lines().filter(|l| l.starts_with("[^")).collect();
    assert_eq!(
        footnotes[0],
        "[^1]: News, Inc; \\\\ Ltd, \"Tom \\& \"Jerry\" \\<b\\>say\\</b\\> \\[^9\\]: no\", \
         5 Jan 2022, ¶1, <https://example.com/a?b=1&c=2>"
    );
    // One footnote per cited paragraph, however often it is cited.
    assert_eq!(footnotes.len(), 3, "{footnotes:?}");
    assert_eq!(text.matches("”[^2]\n").count(), 5, "{text}");
    // Only a web address is a link.
    assert_eq!(
        footnotes[2],
        "[^3]: \"Evil\", 6 Jan 2022, ¶1, javascript:alert(1)"
    );
    // A summary that starts like a list item does not become one, and keeps to its line.
    assert!(
        text.contains("\n\\- a list? Second line, with \\\\ and ; and"),
        "{text}"
    );
    assert!(text.contains("### A \\<b\\>bold\\</b\\> \\& \\[linked\\](x) title; with, commas\n"));
}

#[test]
fn chronology_gives_status_actors_and_id() {
    let (text, _) = bundled("chronology");
    assert!(text.starts_with("# Chronology\n"));
    assert!(text.contains(
        "### Biden and Putin speak by phone\n\n**Occurred** · call · Joe Biden, Vladimir Putin, \
         United States, Russia · dated from “on Thursday” · id `biden-putin-call`\n"
    ));
    let january = text.find("\n## January 2022\n").expect("a month heading");
    let talks = text.find("\n### NATO-Russia Council talks\n").unwrap();
    assert!(
        january < talks && !text[january + 1..talks].contains("\n## "),
        "{text}"
    );
}

// --- ics -----------------------------------------------------------------------------

/// The content lines of an iCalendar text, unfolded, after checking that every line
/// ends in CRLF and none is longer than 75 octets.
fn unfolded(text: &str) -> Vec<String> {
    assert!(text.ends_with("\r\n"));
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split_terminator("\r\n") {
        assert!(
            !physical.contains('\n') && !physical.contains('\r'),
            "{physical:?}"
        );
        assert!(
            physical.len() <= 75,
            "{} octets: {physical:?}",
            physical.len()
        );
        match physical.strip_prefix(' ') {
            Some(rest) => lines
                .last_mut()
                .expect("a fold after a line")
                .push_str(rest),
            None => lines.push(physical.to_string()),
        }
    }
    lines
}

/// The value of property `name` in each VEVENT.
fn property<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines.iter().filter_map(|l| l.strip_prefix(name)).collect()
}

#[test]
fn ics_has_only_what_is_known_to_the_day() {
    let (text, stderr) = hostile("ics");
    assert_eq!(stderr, "tline: left out 4 events not known to the day\n");
    let lines = unfolded(&text);
    assert_eq!(lines.first().unwrap(), "BEGIN:VCALENDAR");
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    assert_eq!(
        property(&lines, "UID:"),
        ["day@tline.invalid", "week@tline.invalid"]
    );
    assert_eq!(
        property(&lines, "DTSTART;VALUE=DATE:"),
        ["20220101", "20220101"]
    );
    // The end is exclusive: the day after the last.
    assert_eq!(
        property(&lines, "DTEND;VALUE=DATE:"),
        ["20220102", "20220109"]
    );
    // Reproducible: stamped with the latest publication of the documents cited.
    assert_eq!(
        property(&lines, "DTSTAMP:"),
        ["20220105T000000Z", "20220106T000000Z"]
    );
    assert_eq!(property(&lines, "URL:"), ["https://example.com/a?b=1&c=2"]);

    let (bundled, stderr) = bundled("ics");
    assert_eq!(stderr, "tline: left out 6 events not known to the day\n");
    let lines = unfolded(&bundled);
    assert_eq!(property(&lines, "BEGIN:VEVENT").len(), 11);
    assert!(
        !bundled.contains("nato-russia-council-talks"),
        "a month has no day"
    );
}

#[test]
fn ics_text_is_escaped_and_folded() {
    let (text, _) = hostile("ics");
    let lines = unfolded(&text);
    assert_eq!(
        property(&lines, "SUMMARY:")[0],
        "A <b>bold</b> & [linked](x) title\\; with\\, commas"
    );
    let description = property(&lines, "DESCRIPTION:")[0];
    assert!(
        description.starts_with(
            "- a list?\\nSecond line\\, with \\\\ and \\; and a very long tail of accented"
        ),
        "{description}"
    );
    assert!(
        description.contains(
            "“[beta] gamma\\;  a\\, b \\\\ c <script>x</script>”\\n— News\\, Inc\\; \\\\ Ltd\\, \
             \"Tom & \"Jerry\" <b>say</b> [^9]: no\"\\, 5 Jan 2022\\, ¶1\\, https://example.com/a?b=1&c=2"
        ),
        "{description}"
    );
    // Folding never splits a character: each physical line is UTF-8 on its own.
    for physical in text.split("\r\n") {
        assert!(std::str::from_utf8(physical.as_bytes()).is_ok());
    }
    assert!(text.split("\r\n").any(|l| l.len() == 75 || l.len() == 74));
}

// --- json and csv --------------------------------------------------------------------

#[test]
fn json_sources_carry_their_document() {
    let (text, _) = hostile("json");
    let events: Vec<Value> = serde_json::from_str(&text).unwrap();
    let day = events
        .iter()
        .find(|e| e["id"] == "day")
        .expect("the event `day`");
    assert_eq!(
        day["sources"][0],
        serde_json::json!({
            "doc": "doc",
            "paragraph": 1,
            "quote": "[beta] gamma;\n a, b \\ c <script>x</script>",
            "title": "Tom & \"Jerry\" <b>say</b> [^9]: no",
            "publisher": "News, Inc; \\ Ltd",
            "published": "2022-01-05",
            "url": "https://example.com/a?b=1&c=2",
        })
    );
}

#[test]
fn csv_carries_summary_and_sources_that_read_back() {
    let (text, _) = hostile("csv");
    let records = common::csv::records(&text);
    let header = &records[0];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let day = records.iter().find(|r| r[0] == "day").unwrap();
    assert_eq!(
        day[column("summary")],
        "- a list?\nSecond line, with \\ and ; and a very long tail of accented words: \
         événements déjà très étranges, événements déjà très étranges."
    );
    assert_eq!(day[column("actor_ids")], "nato");
    // One source a line, `DOC ¶N: QUOTE`; the quote's `\` and line break escaped.
    let sources: Vec<&str> = day[column("sources")].split('\n').collect();
    assert_eq!(
        sources,
        [
            "doc ¶1: [beta] gamma;\\n a, b \\\\ c <script>x</script>",
            "doc ¶2: Second paragraph.",
        ]
    );
    let (json, _) = hostile("json");
    let events: Vec<Value> = serde_json::from_str(&json).unwrap();
    let event = events.iter().find(|e| e["id"] == "day").unwrap();
    for (line, source) in sources.iter().zip(event["sources"].as_array().unwrap()) {
        let (place, quote) = line.split_once(": ").unwrap();
        let (doc, paragraph) = place.split_once(" ¶").unwrap();
        assert_eq!(doc, source["doc"]);
        assert_eq!(paragraph, source["paragraph"].to_string());
        assert_eq!(unescape_quote(quote), source["quote"]);
    }
}

/// A quote from the CSV `sources` cell, its `\\` and `\n` read back.
fn unescape_quote(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some('\\') => out.push('\\'),
                other => panic!("unknown escape \\{other:?}"),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[test]
fn an_event_without_a_kind_is_exported_with_none() {
    // Was: `"kind": ""` in JSON, an empty TimelineJS group, an empty fact between two
    // `·` in the chronology and an empty CATEGORIES in iCalendar.
    let text = common::fixture::edit("    kind: talks\n", "");
    let dir = dir_with(&[("t.yaml", text)]);
    let list = |format: &str| run(dir.path(), &["list", "--format", format, "t.yaml"]).0;
    let json: Value = serde_json::from_str(&list("json")).unwrap();
    assert_eq!(json[0]["kind"], Value::Null, "{json}");
    let timelinejs: Value = serde_json::from_str(&list("timelinejs")).unwrap();
    let slide = &timelinejs["events"][0];
    assert!(slide.get("group").is_none(), "{slide}");
    let chronology = list("chronology");
    assert!(
        chronology.contains("**Occurred** · NATO · id `ev`"),
        "{chronology}"
    );
    let ics = unfolded(&list("ics"));
    assert!(property(&ics, "CATEGORIES").is_empty(), "{ics:?}");
    let csv = list("csv");
    assert!(csv.contains(",An event,,occurred,NATO,"), "{csv}");
    let markdown = list("markdown");
    assert!(
        markdown.contains("| An event |  | occurred |"),
        "{markdown}"
    );
}
