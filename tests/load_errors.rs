//! Bad input is a feature: every kind of broken timeline file, run through the real
//! binary (`tline check FILE`), must exit with status 1 and say exactly what is wrong and
//! where (`file:line:col:` wherever the file has one).

use std::fs;

use tempfile::TempDir;

mod common;

use common::cmd::{dir_with, tline};
use common::fixture::{BASE, edit, edit_text};

/// Runs `tline check` on `files` (in order, by relative name) and asserts exit status 1,
/// nothing on stdout and exactly `stderr` on stderr.
fn check_fails_with(files: &[(&str, &[u8])], stderr: &str) {
    let dir = dir_with(files);
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    let out = tline(dir.path())
        .arg("check")
        .args(&names)
        .output()
        .unwrap();
    let got = String::from_utf8_lossy(&out.stderr);
    assert_eq!(got, stderr, "stderr of `tline check {}`", names.join(" "));
    assert_eq!(out.status.code(), Some(1), "exit status; stderr: {got}");
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
}

/// `check_fails_with` for one file `bad.yaml` and one error.
fn fails(text: &str, error: &str) {
    check_fails_with(
        &[("bad.yaml", text.as_bytes())],
        &format!("{error}\n1 error\n"),
    );
}

/// Runs `tline check` on one file and asserts it passes with `summary` on stdout.
fn passes(text: &str, summary: &str) {
    let dir = dir_with(&[("ok.yaml", text.as_bytes())]);
    tline(dir.path())
        .args(["check", "ok.yaml"])
        .assert()
        .success()
        .stdout(format!("{summary}\n"))
        .stderr("");
}

#[test]
fn the_base_fixture_is_valid() {
    passes(BASE, "ok.yaml: ok, 1 document, 1 actor, 1 event");
}

#[test]
fn bundled_timeline_summary_when_no_events_yaml_here() {
    let dir = TempDir::new().unwrap();
    tline(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout("events.yaml (bundled): ok, 1 document, 14 actors, 17 events\n")
        .stderr("");
}

// --- YAML syntax and shape -------------------------------------------------------------

#[test]
fn yaml_syntax_error() {
    fails(
        "events:\n  - id: a\n    title: a: b\n",
        "bad.yaml:3:13: mapping values are not allowed in this context",
    );
}

#[test]
fn yaml_syntax_error_keeps_its_context_location() {
    fails(
        "events:\n  - id: a\n    title: \"unterminated\n",
        "bad.yaml:4:1: found unexpected end of stream, while scanning a quoted scalar \
         at line 3 column 12",
    );
}

#[test]
fn unknown_field_in_an_event() {
    fails(
        &edit("    actors: [nato]", "    actros: [nato]"),
        "bad.yaml:17:5: event \"ev\": unknown field `actros`, expected one of `id`, `date`, \
         `date_text`, `title`, `kind`, `status`, `actors`, `summary`, `sources`",
    );
}

#[test]
fn unknown_field_in_an_actor() {
    fails(
        &edit(
            "    kind: organization\n",
            "    kind: organization\n    actros: [x]\n",
        ),
        "bad.yaml:12:5: actor \"nato\": unknown field `actros`, expected one of `id`, `name`, \
         `kind`, `aliases`",
    );
}

#[test]
fn unknown_field_in_a_document() {
    fails(
        &edit(
            "    published: 2022-01-01\n",
            "    published: 2022-01-01\n    actros: x\n",
        ),
        "bad.yaml:5:5: document \"doc\": unknown field `actros`, expected one of `id`, `title`, \
         `publisher`, `published`, `url`, `paragraphs`",
    );
}

#[test]
fn unknown_field_at_top_level() {
    // The list is not read, so the actor it defines is unknown too: both are said.
    check_fails_with(
        &[("bad.yaml", edit("actors:\n", "actros:\n").as_bytes())],
        "bad.yaml:8:1: unknown field `actros`, expected one of `documents`, `actors`, \
         `events`\n\
         bad.yaml:17:14: event \"ev\": unknown actor \"nato\"\n\
         2 errors\n",
    );
}

#[test]
fn missing_title() {
    fails(
        &edit("    title: An event\n", ""),
        "bad.yaml:13:5: event \"ev\": missing field `title`",
    );
}

#[test]
fn missing_sources() {
    let text = &BASE[..BASE.find("    sources:").unwrap()];
    fails(text, "bad.yaml:13:5: event \"ev\": missing field `sources`");
}

#[test]
fn missing_date() {
    fails(
        &edit("    date: 2022-01-01\n", ""),
        "bad.yaml:13:5: event \"ev\": missing field `date`",
    );
}

#[test]
fn paragraph_of_wrong_type() {
    fails(
        &edit("paragraph: 1", "paragraph: \"two\""),
        "bad.yaml:20:20: event \"ev\": sources.0.paragraph: expected a paragraph number, \
         found text \"two\"",
    );
}

#[test]
fn actors_as_a_string_instead_of_a_list() {
    fails(
        &edit("actors: [nato]", "actors: nato"),
        "bad.yaml:17:13: event \"ev\": actors: expected a list of actor ids, found text \
         \"nato\"",
    );
}

#[test]
fn document_of_wrong_type_names_no_internal_type() {
    let dir = dir_with(&[("bad.yaml", b"documents: [just-a-string]\n")]);
    let out = tline(dir.path())
        .args(["check", "bad.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.starts_with("bad.yaml:1:13: document #1: "),
        "{stderr}"
    );
    assert!(!stderr.contains("Raw"), "{stderr}");
}

// --- Dates ---------------------------------------------------------------------------------

fn bad_date(date: &str, why: &str) {
    fails(
        &edit("    date: 2022-01-01", &format!("    date: \"{date}\"")),
        &format!("bad.yaml:14:11: event \"ev\": date: invalid date \"{date}\": {why}"),
    );
}

#[test]
fn date_with_no_such_day() {
    bad_date("2021-02-30", "February 2021 has no day 30");
}

#[test]
fn date_with_no_such_month() {
    bad_date("2021-13", "there is no month 13");
}

#[test]
fn date_as_a_weekday() {
    bad_date("Thursday", "expected a 4-digit year, found \"Thursday\"");
}

#[test]
fn interval_starting_after_it_ends() {
    bad_date(
        "2022-01-08/2022-01-01",
        "the interval starts after it ends (2022-01-08 > 2022-01-01)",
    );
}

#[test]
fn interval_open_at_both_ends() {
    bad_date("../..", "both ends are open");
}

#[test]
fn unquoted_year_is_a_date() {
    passes(
        &edit("date: 2022-01-01", "date: 2022"),
        "ok.yaml: ok, 1 document, 1 actor, 1 event",
    );
}

#[test]
fn document_published_on_no_such_day() {
    fails(
        &edit("published: 2022-01-01", "published: 2022-02-30"),
        "bad.yaml:4:16: document \"doc\": published: invalid date \"2022-02-30\": \
         February 2022 has no day 30",
    );
}

#[test]
fn document_published_must_be_a_single_day() {
    fails(
        &edit("published: 2022-01-01", "published: 2022-01"),
        "bad.yaml:4:16: document \"doc\": published: \"2022-01\" is not a single day (YYYY-MM-DD)",
    );
}

#[test]
fn document_published_is_read_as_event_dates_are() {
    // Issue 18 item 17: each of these was taken as a day.
    for (published, why) in [
        ("2022-1-1", "expected a 2-digit month, found \"1\""),
        ("+12345-01-01", "expected a 4-digit year, found \"+12345\""),
        ("-0001-01-01", "expected a 4-digit year, found \"\""),
    ] {
        fails(
            &edit(
                "published: 2022-01-01",
                &format!("published: \"{published}\""),
            ),
            &format!(
                "bad.yaml:4:16: document \"doc\": published: invalid date \"{published}\": {why}"
            ),
        );
    }
}

// --- Line breaks ---------------------------------------------------------------------------

/// `text` with its line breaks written as `line_break`.
fn with_breaks(text: &str, line_break: &str) -> String {
    text.replace('\n', line_break)
}

#[test]
fn every_error_counts_lines_the_same_way_in_lf_crlf_and_cr_files() {
    // Issue 18 item 16: in a CR-only file some errors said line 1 while others counted.
    let json = "{\"documents\": [{\"id\": \"doc\", \"title\": \"A\", \"published\": \"2022-01-01\",\n \
                \"paragraphs\": [\"Alpha beta gamma.\"]}],\n \"actors\": [], \"events\": [\n \
                {\"id\": \"ev\", \"date\": \"2022-01-01\", \"title\": \"T\" \"kind\": \"k\"}]}\n";
    let invalid_utf8 = edit("title: An event", "title: An \u{1}event");
    for line_break in ["\n", "\r\n", "\r"] {
        let unknown = with_breaks(&edit("actors: [nato]", "actors: [natto]"), line_break);
        fails(
            &unknown,
            "bad.yaml:17:14: event \"ev\": unknown actor \"natto\" (did you mean \"nato\"?)",
        );
        let twice = with_breaks(
            &edit("title: An event", "title: An event\n    title: again"),
            line_break,
        );
        fails(&twice, "bad.yaml:16:5: events[0]: duplicate field `title`");
        let control = with_breaks(&invalid_utf8, line_break);
        fails(
            &control,
            "bad.yaml:15:15: control characters are not allowed",
        );
        check_fails_with(
            &[("bad.json", with_breaks(json, line_break).as_bytes())],
            "bad.json:4:50: expected `,` or `}`\n1 error\n",
        );
    }
}

#[test]
fn a_next_line_character_is_not_a_line_break() {
    let text = with_breaks(BASE, "\u{85}");
    fails(
        &text,
        "bad.yaml:1:11: U+0085 (next line) ends a line for some YAML parsers and not for \
         others: use a plain line break, or put the text in quotes",
    );
}

#[test]
fn a_quoted_next_line_or_separator_does_not_count_as_a_line() {
    // libyaml counts NEL, LS and PS as line breaks, even in quotes.
    for separator in ['\u{85}', '\u{2028}', '\u{2029}'] {
        let text = edit("title: A doc", &format!("title: \"A{separator}doc é\""));
        fails(
            &edit_text(&text, "paragraph: 1", "paragraph: [1]"),
            "bad.yaml:20:20: event \"ev\": sources.0.paragraph: expected a paragraph number, \
             found a list",
        );
    }
}

// --- Ids -----------------------------------------------------------------------------------

#[test]
fn duplicate_event_id_in_one_file() {
    let again = &BASE[BASE.find("  - id: ev").unwrap()..];
    fails(
        &format!("{BASE}{again}"),
        "bad.yaml:22:9: event \"ev\": id is defined twice (first defined at bad.yaml:13:9)",
    );
}

#[test]
fn duplicate_actor_id_in_one_file() {
    fails(
        &edit(
            "events:\n",
            "  - id: nato\n    name: NATO again\n    kind: organization\nevents:\n",
        ),
        "bad.yaml:12:9: actor \"nato\": id is defined twice (first defined at bad.yaml:9:9)",
    );
}

#[test]
fn duplicate_document_id_in_one_file() {
    fails(
        &edit(
            "actors:\n",
            "  - id: doc\n    title: again\n    published: 2022-01-01\n    paragraphs: [x]\nactors:\n",
        ),
        "bad.yaml:8:9: document \"doc\": id is defined twice (first defined at bad.yaml:2:9)",
    );
}

#[test]
fn duplicate_event_id_across_files() {
    let second = "events:\n  - id: ev\n    date: \"2022\"\n    title: t\n    kind: k\n    \
                  sources: [{doc: doc, paragraph: 2, quote: zeta}]\n";
    check_fails_with(
        &[("a.yaml", BASE.as_bytes()), ("b.yaml", second.as_bytes())],
        "b.yaml:2:9: event \"ev\": id is defined twice (first defined at a.yaml:13:9)\n1 error\n",
    );
}

#[test]
fn document_id_defined_differently_across_files() {
    // A document may be shared by several files (see tests/shared_definitions.rs), but
    // only when its definitions agree: each field that differs is named, at both places.
    let second = "documents:\n  - id: doc\n    title: Another\n    published: 2022-01-02\n    \
                  paragraphs: [x]\n";
    check_fails_with(
        &[("a.yaml", BASE.as_bytes()), ("b.yaml", second.as_bytes())],
        "b.yaml:3:12: document \"doc\": defined differently \
         (title \"Another\" here, \"A doc\" at a.yaml:3:12)\n\
         b.yaml:4:16: document \"doc\": defined differently \
         (published 2022-01-02 here, 2022-01-01 at a.yaml:4:16)\n\
         b.yaml:5:17: document \"doc\": defined differently (1 paragraph here, 2 at a.yaml:6:7)\n\
         3 errors\n",
    );
}

#[test]
fn id_that_is_not_a_slug() {
    fails(
        &edit("id: ev", "id: Biden Call"),
        "bad.yaml:13:9: event \"Biden Call\": id must be a lowercase slug \
         (letters a-z, digits, '-', '_', '.')",
    );
}

// --- References ----------------------------------------------------------------------------

#[test]
fn unknown_actor_with_suggestion() {
    fails(
        &edit("actors: [nato]", "actors: [natto]"),
        "bad.yaml:17:14: event \"ev\": unknown actor \"natto\" (did you mean \"nato\"?)",
    );
}

#[test]
fn unknown_document_with_suggestion() {
    fails(
        &edit("- doc: doc", "- doc: docs"),
        "bad.yaml:19:14: event \"ev\": unknown document \"docs\" (did you mean \"doc\"?)",
    );
}

#[test]
fn unknown_document_without_suggestion() {
    fails(
        &edit("- doc: doc", "- doc: zzzzzz"),
        "bad.yaml:19:14: event \"ev\": unknown document \"zzzzzz\"",
    );
}

#[test]
fn paragraph_zero() {
    fails(
        &edit("paragraph: 1", "paragraph: 0"),
        "bad.yaml:20:20: event \"ev\": paragraph 0 is out of range \
         (document \"doc\" has 2 paragraphs)",
    );
}

#[test]
fn paragraph_past_the_end() {
    fails(
        &edit("paragraph: 1", "paragraph: 3"),
        "bad.yaml:20:20: event \"ev\": paragraph 3 is out of range \
         (document \"doc\" has 2 paragraphs)",
    );
}

#[test]
fn quote_not_in_the_paragraph() {
    fails(
        &edit("quote: \"beta gamma\"", "quote: \"omega\""),
        "bad.yaml:21:16: event \"ev\": quote not found in paragraph 1 of \"doc\"",
    );
}

#[test]
fn quote_in_another_paragraph_says_which() {
    fails(
        &edit("quote: \"beta gamma\"", "quote: \"epsilon zeta\""),
        "bad.yaml:21:16: event \"ev\": quote not found in paragraph 1 of \"doc\" \
         (it is in paragraph 2)",
    );
}

#[test]
fn quote_not_found_says_where_the_closest_match_differs() {
    fails(
        &edit("quote: \"beta gamma\"", "quote: \"beta gamme\""),
        "bad.yaml:21:16: event \"ev\": quote not found in paragraph 1 of \"doc\"; \
         closest: \"beta gamm\" differs at 'e' (quote) vs 'a' (paragraph)",
    );
}

#[test]
fn quote_matches_whatever_the_quote_marks() {
    let text = edit("Alpha beta gamma.", "Alpha ‘beta’ “gamma”.");
    passes(
        &edit_text(
            &text,
            "quote: \"beta gamma\"",
            "quote: \"'beta' \\\"gamma\\\"\"",
        ),
        "ok.yaml: ok, 1 document, 1 actor, 1 event",
    );
}

#[test]
fn an_abridged_quote_matches_its_parts_in_order() {
    passes(
        &edit("quote: \"beta gamma\"", "quote: \"Alpha … gamma.\""),
        "ok.yaml: ok, 1 document, 1 actor, 1 event",
    );
    fails(
        &edit("quote: \"beta gamma\"", "quote: \"gamma [...] Alpha\""),
        "bad.yaml:21:16: event \"ev\": quote not found in paragraph 1 of \"doc\"",
    );
}

#[test]
fn the_quotes_of_a_paragraph_cited_often_are_looked_up_together() {
    // Past eight quotes of one paragraph, they are found in one pass: the same rules.
    let event = |id: &str, quote: &str| {
        format!(
            "  - id: {id}\n    date: 2022-01-01\n    title: T\n    kind: k\n    sources:\n      \
             - doc: doc\n        paragraph: 1\n        quote: \"{quote}\"\n"
        )
    };
    let mut text = BASE.to_string();
    let quotes = [
        "Alpha\\nbeta",
        "beta  gamma",
        "Alpha … gamma.",
        "ALPHA",
        "gamma.",
        "beta alpha",
    ];
    for (i, quote) in quotes.iter().cycle().take(12).enumerate() {
        text.push_str(&event(&format!("e{i}"), quote));
    }
    let lines = |i: usize| 22 + 8 * i + 7;
    let closest = "closest: \"beta \" differs at 'a' (quote) vs 'g' (paragraph)";
    check_fails_with(
        &[("bad.yaml", text.as_bytes())],
        &format!(
            "bad.yaml:{}:16: event \"e3\": quote not found in paragraph 1 of \"doc\"\n\
             bad.yaml:{}:16: event \"e5\": quote not found in paragraph 1 of \"doc\"; {closest}\n\
             bad.yaml:{}:16: event \"e9\": quote not found in paragraph 1 of \"doc\"\n\
             bad.yaml:{}:16: event \"e11\": quote not found in paragraph 1 of \"doc\"; {closest}\n\
             4 errors\n",
            lines(3),
            lines(5),
            lines(9),
            lines(11)
        ),
    );
}

#[test]
fn quote_matches_whatever_the_whitespace() {
    passes(
        &edit("quote: \"beta gamma\"", "quote: \"  beta\\n\\t  gamma \""),
        "ok.yaml: ok, 1 document, 1 actor, 1 event",
    );
}

// --- Vocabulary ----------------------------------------------------------------------------

#[test]
fn unknown_actor_kind() {
    fails(
        &edit("kind: organization", "kind: alliance"),
        "bad.yaml:11:11: actor \"nato\": unknown kind \"alliance\" \
         (expected one of person, country, organization, group, other)",
    );
}

#[test]
fn unknown_status() {
    fails(
        &edit(
            "    kind: talks\n",
            "    kind: talks\n    status: rumoured\n",
        ),
        "bad.yaml:17:13: event \"ev\": unknown status \"rumoured\" \
         (expected one of occurred, planned, expected, reported)",
    );
}

// --- Files that are not timelines ----------------------------------------------------------

#[test]
fn empty_file() {
    fails(
        "",
        "bad.yaml: has no content: expected a mapping with documents, actors and events",
    );
}

#[test]
fn comments_only_file() {
    fails(
        "# nothing here yet\n\n   # still nothing\n",
        "bad.yaml: has no content: expected a mapping with documents, actors and events",
    );
}

#[test]
fn a_directory() {
    // A directory stands for the timeline files in it (issue 15): one with none is an
    // error naming it.
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    tline(dir.path())
        .args(["check", "sub"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "tline: sub: a directory with no timeline file in it (.yaml, .yml, .json, \
             .jsonl, .ndjson, .csv)\n",
        );
}

#[test]
fn a_missing_file() {
    let dir = TempDir::new().unwrap();
    tline(dir.path())
        .args(["check", "nope.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("nope.yaml: no such file\n1 error\n");
}

#[test]
fn non_utf8_bytes() {
    check_fails_with(
        &[("bad.yaml", b"events:\n  - id: ev\n    title: caf\xe9\n")],
        "bad.yaml:3:15: is not valid UTF-8 text\n1 error\n",
    );
}

#[test]
fn non_utf8_column_counts_characters() {
    // `    title: “é” ` is 15 characters (20 bytes): the bad byte is in column 16.
    let mut bytes = "events:\n  - id: ev\n    title: “é” ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\n");
    check_fails_with(
        &[("bad.yaml", &bytes)],
        "bad.yaml:3:16: is not valid UTF-8 text\n1 error\n",
    );
}

// --- Several problems ----------------------------------------------------------------------

#[test]
fn every_error_in_a_file_is_reported_in_line_order() {
    let text = edit("date: 2022-01-01\n    title", "date: 2021-13\n    title");
    let text = edit_text(&text, "actors: [nato]", "actors: [natto]");
    let text = edit_text(&text, "paragraph: 1", "paragraph: 9");
    let text = edit_text(&text, "kind: organization", "kind: alliance");
    check_fails_with(
        &[("bad.yaml", text.as_bytes())],
        "bad.yaml:11:11: actor \"nato\": unknown kind \"alliance\" \
         (expected one of person, country, organization, group, other)\n\
         bad.yaml:14:11: event \"ev\": date: invalid date \"2021-13\": there is no month 13\n\
         bad.yaml:17:14: event \"ev\": unknown actor \"natto\" (did you mean \"nato\"?)\n\
         bad.yaml:20:20: event \"ev\": paragraph 9 is out of range \
         (document \"doc\" has 2 paragraphs)\n\
         4 errors\n",
    );
}

#[test]
fn errors_in_several_files_are_all_reported() {
    let a = edit("kind: organization", "kind: alliance");
    let b = "events: [{id: x, date: \"2021-13\", title: t, kind: k, \
             sources: [{doc: doc, paragraph: 1, quote: beta}]}]\n";
    check_fails_with(
        &[("a.yaml", a.as_bytes()), ("b.yaml", b.as_bytes())],
        "a.yaml:11:11: actor \"nato\": unknown kind \"alliance\" \
         (expected one of person, country, organization, group, other)\n\
         b.yaml:1:24: event \"x\": date: invalid date \"2021-13\": there is no month 13\n\
         2 errors\n",
    );
}

#[test]
fn a_file_that_fails_to_parse_causes_no_follow_on_errors() {
    let split = BASE.find("actors:").unwrap();
    let docs = edit_text(&BASE[..split], "title: A doc", "title: \"A doc");
    let rest = &BASE[split..];
    let out = {
        let dir = dir_with(&[
            ("docs.yaml", docs.as_bytes()),
            ("rest.yaml", rest.as_bytes()),
        ]);
        tline(dir.path())
            .args(["check", "docs.yaml", "rest.yaml"])
            .output()
            .unwrap()
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.starts_with("docs.yaml:"), "{stderr}");
    assert!(!stderr.contains("rest.yaml"), "{stderr}");
    assert!(stderr.ends_with("\n1 error\n"), "{stderr}");
}
