//! Text from a file never reaches the terminal as control codes (issue 7): escape and OSC
//! sequences (colours, screen clearing, window titles, clipboard writes, hyperlinks), C1
//! controls, bidirectional overrides and zero-width characters in every field are shown
//! visibly, in the TUI and in `list`, `source` and `check` run on a terminal. Checked on
//! the bytes the program writes, through a pseudo-terminal. Wide and combining characters
//! keep the columns of the TUI aligned.

mod common;

use std::path::Path;

use common::app::{app_over, draw};
use common::pty::*;
use tline::load::{SourceFile, load_sources};
use tline::tui::commands::Action;

/// Byte sequences that must never come out of the program: each is in the file.
const PAYLOADS: &[&[u8]] = &[
    b"\x1b]52;",         // OSC 52: write the clipboard
    b"\x1b]0;",          // OSC 0: set the window title
    b"\x1b]8;",          // OSC 8: hyperlink
    b"\x1b[31;4;5m",     // SGR: red, underlined, blinking
    b"\x1b[3J",          // erase the scrollback
    b"\x07",             // BEL
    "\u{9b}".as_bytes(), // C1 CSI
    "\u{202e}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{2066}".as_bytes(),
];

/// Every text field of the timeline carries the payloads (YAML double-quoted escapes).
const HOSTILE: &str = r#"documents:
  - id: doc
    title: "Doc \e]0;pwned\a title"
    publisher: "Pub \e[31;4;5m lisher"
    published: 2022-01-01
    url: "http://x/\e]8;;http://evil\e\\link\e]8;;\e\\"
    paragraphs:
      - "Alpha \e]52;c;SGVsbG8=\a beta gamma \u202Eevil\u202C delta."
actors:
  - id: nato
    name: "NATO \x9b31m \u200Bzero"
    kind: organization
    aliases: ["Alias \e[3J"]
events:
  - id: ev
    date: 2022-01-01
    date_text: "on \u2066Thursday\u2069"
    title: "Title \e]52;c;SGVsbG8=\a \e[31;4;5m red"
    kind: "talks\a"
    actors: [nato]
    summary: "Summary \e]0;pwned\a \e[3J \x9b2J"
    sources:
      - doc: doc
        paragraph: 1
        quote: "beta gamma"
"#;

fn write_hostile(dir: &Path) -> String {
    let path = dir.join("hostile.yaml");
    std::fs::write(&path, HOSTILE).expect("write");
    path.to_str().expect("a UTF-8 path").to_string()
}

fn assert_clean(what: &str, raw: &[u8]) {
    for payload in PAYLOADS {
        assert!(
            raw.windows(payload.len()).all(|w| w != *payload),
            "{what} wrote {payload:?} to the terminal"
        );
    }
}

#[test]
fn the_hostile_file_loads_with_every_payload_in_place() {
    let timeline = load_sources(&[SourceFile {
        name: "hostile.yaml".into(),
        text: HOSTILE.into(),
    }])
    .expect("the hostile file is a valid timeline");
    assert!(timeline.events[0].title.contains("\u{1b}]52;"));
    assert!(timeline.documents[0].paragraphs[0].contains('\u{202e}'));
}

#[test]
fn the_tui_shows_hostile_text_visibly_and_writes_none_of_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_hostile(dir.path());
    let mut s = Session::spawn_with(120, 40, &[&path]);
    s.wait_for("event 1 of 1");
    s.wait_for("^[]52;c;SGVsbG8=^G");
    s.press("\r");
    s.wait_for("Source 1/1");
    s.wait_for("<U+202E>evil<U+202C>");
    // The document's URL, above the text, shown with its escapes visible.
    s.wait_for("http://x/^[]8;;http://evil");
    s.press("s?");
    s.wait_for("any key closes");
    s.press("qq");
    assert!(s.wait_exit(), "q exits with success");
    assert_clean("the TUI", &s.raw());
}

#[test]
fn list_source_and_check_on_a_terminal_write_none_of_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_hostile(dir.path());
    let broken = dir.path().join("broken.yaml");
    std::fs::write(
        &broken,
        HOSTILE.replace(
            "actors: [nato]",
            "actors: [\"\\e]52;c;SGVsbG8=\\a\\u202E\"]",
        ),
    )
    .expect("write");
    let broken = broken.to_str().expect("a UTF-8 path");
    for format in ["table", "json", "csv", "markdown"] {
        let mut s = Session::spawn_with(200, 50, &["list", "--format", format, &path]);
        assert!(s.wait_exit(), "list --format {format}");
        assert_clean(&format!("list --format {format}"), &s.raw());
    }
    let mut s = Session::spawn_with(200, 50, &["source", &path, "ev"]);
    assert!(s.wait_exit(), "source");
    assert_clean("source", &s.raw());
    assert!(s.text().contains("<U+202E>evil"), "{}", s.text());
    let mut s = Session::spawn_with(200, 50, &["check", broken]);
    assert_eq!(s.wait_exit_code(), 1, "check fails");
    assert_clean("check", &s.raw());
    assert!(s.text().contains("unknown actor"), "{}", s.text());
}

const WIDE: &str = r#"documents:
  - id: doc
    title: 文書
    published: 2022-01-01
    paragraphs:
      - "東京で会談 🇺🇦 が行われた。Cafe\u0301 crème 👩‍👩‍👧 talks."
actors:
  - id: a
    name: 習近平
    kind: person
events:
  - id: e1
    date: 2022-01-01
    title: 東京で会談が行われた 🇺🇦 Café crème 👩‍👩‍👧 and a long tail of words
    kind: 会談
    actors: [a]
    summary: 会談 🙂 e\u0301
    sources:
      - doc: doc
        paragraph: 1
        quote: 会談
  - id: e2
    date: 2022-01-02
    title: Plain ASCII title
    kind: talks
    sources:
      - doc: doc
        paragraph: 1
        quote: talks
"#;

#[test]
fn wide_and_combining_characters_keep_the_panes_aligned() {
    let timeline = load_sources(&[SourceFile {
        name: "wide.yaml".into(),
        text: WIDE.into(),
    }])
    .expect("the wide file loads");
    for (width, height) in [(120, 30), (80, 24), (41, 20), (30, 10)] {
        let mut app = app_over(timeline.clone(), "wide.yaml", width, height);
        for actions in [vec![], vec![Action::OpenSource], vec![Action::ToggleAxis]] {
            for action in actions {
                app.update(action);
            }
            let buffer = draw(&app);
            // Every row of a bordered pane ends in a border glyph at the same column: no
            // character pushed it out of place.
            let layout = app.layout();
            for pane in [layout.timeline, layout.side].into_iter().flatten() {
                let right = pane.right() - 1;
                for y in pane.top()..pane.bottom() {
                    let symbol = buffer[(right, y)].symbol();
                    assert!(
                        "┃│┓┐┛┘║█".contains(symbol),
                        "{width}x{height}: row {y} ends in {symbol:?} at column {right}"
                    );
                }
            }
        }
    }
}

/// Invisible characters that once reached the output raw (issue 18 item 11): Unicode's
/// default ignorables and format characters, one of each kind, and DEL.
const INVISIBLE: &[char] = &[
    '\u{E0041}', // tag LATIN CAPITAL LETTER A
    '\u{E007F}', // cancel tag
    '\u{034F}',  // combining grapheme joiner
    '\u{115F}',  // Hangul choseong filler
    '\u{1160}',  // Hangul jungseong filler
    '\u{3164}',  // Hangul filler
    '\u{FFA0}',  // halfwidth Hangul filler
    '\u{17B4}',  // Khmer vowel inherent aq
    '\u{180B}',  // Mongolian free variation selector one
    '\u{FE00}',  // variation selector 1
    '\u{1D173}', // musical symbol begin beam
    '\u{13430}', // Egyptian hieroglyph vertical joiner
    '\u{7F}',    // DEL
];

/// A timeline whose title, actor name, kind and quoted paragraph each carry every one of
/// [`INVISIBLE`], between the words `in` and `visible`.
fn invisible_timeline() -> String {
    let hidden: String = INVISIBLE
        .iter()
        .map(|c| format!("\\U{:08X}", *c as u32))
        .collect();
    format!(
        r#"documents:
  - id: doc
    title: "Doc in{hidden}visible"
    published: 2022-01-01
    paragraphs:
      - "Alpha in{hidden}visible beta."
actors:
  - id: nato
    name: "NATO in{hidden}visible"
    kind: organization
events:
  - id: ev
    date: 2022-01-01
    title: "Title in{hidden}visible"
    kind: "talks in{hidden}visible"
    actors: [nato]
    sources:
      - doc: doc
        paragraph: 1
        quote: "beta"
"#
    )
}

/// Where in `text`, if anywhere, one of [`INVISIBLE`] is written raw.
fn raw_invisible(text: &str) -> Option<char> {
    text.chars().find(|c| INVISIBLE.contains(c))
}

#[test]
fn default_ignorable_characters_are_shown_in_every_list_format_and_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("invisible.yaml");
    std::fs::write(&path, invisible_timeline()).expect("write");
    let path = path.to_str().expect("a UTF-8 path");
    let runs: [&[&str]; 5] = [
        &["list", "--format", "table", path],
        &["list", "--format", "csv", path],
        &["list", "--format", "markdown", path],
        &["list", "--format", "json", path],
        &["source", path, "ev"],
    ];
    for args in runs {
        let out = common::cmd::tline(dir.path()).args(args).assert().success();
        let text = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
        assert_eq!(
            raw_invisible(&text),
            None,
            "{args:?} wrote it raw: {text:?}"
        );
        if args.contains(&"json") {
            // The same data, escaped: a script reads the characters back.
            let events: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            let title = events[0]["title"].as_str().expect("a title");
            assert_eq!(
                title.chars().filter(|c| INVISIBLE.contains(c)).count(),
                INVISIBLE.len()
            );
            assert!(
                text.contains("\\udb40\\udc41"),
                "a tag as a surrogate pair: {text}"
            );
            assert!(text.contains("\\u007f"), "DEL escaped: {text}");
        } else {
            assert!(
                text.contains("<U+E0041><U+E007F><U+034F>"),
                "{args:?}: {text}"
            );
            assert!(text.contains("<U+13430>^?visible"), "{args:?}: {text}");
        }
    }
}

#[test]
fn default_ignorable_characters_are_shown_in_the_tui() {
    let timeline = load_sources(&[SourceFile {
        name: "invisible.yaml".into(),
        text: invisible_timeline(),
    }])
    .expect("the invisible file loads");
    let (width, height) = (200, 40);
    let mut app = app_over(timeline, "invisible.yaml", width, height);
    for action in [None, Some(Action::OpenSource)] {
        if let Some(action) = action {
            app.update(action);
        }
        let buffer = draw(&app);
        let mut screen = String::new();
        for y in 0..height {
            for x in 0..width {
                screen.push_str(buffer[(x, y)].symbol());
            }
            screen.push('\n');
        }
        assert_eq!(raw_invisible(&screen), None, "{action:?}: {screen}");
        assert!(screen.contains("<U+E0041>"), "{action:?}: {screen}");
    }
}
