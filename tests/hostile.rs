//! Hostile input files (issue 7): whatever a file holds, `tline check FILE` finishes
//! within seconds and within a fixed memory cap, and either loads it or exits with status
//! 1 and one clear error naming the file, and its line and column where it has them.
//!
//! Small files are in `tests/hostile/`; large and special ones (a 1 GB file, a FIFO, a
//! device, 50 MB lines, 10,000-deep nesting, alias amplification) are made here, in a
//! temporary directory. Each test states the behaviour we want; the 15 that first failed
//! (gigabytes of memory, reads past the limit, messages without a place) now pass.

mod common;

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::cmd::{dir_with, tline_std};
use common::fixture::{BASE, edit, edit_text};
use tempfile::TempDir;

/// A run that takes longer has hung.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Address space allowed to the binary: a file that makes it allocate more (an alias
/// amplification, a read without a size limit) gets it killed instead of swapping the
/// machine, and the test fails on the exit status.
const MEMORY_CAP: libc::rlim_t = 1 << 30;

/// The binary, run in `dir` under the time limit and the memory cap.
fn capped_tline(dir: &Path) -> Command {
    let mut cmd = tline_std(dir);
    let cap = libc::rlimit {
        rlim_cur: MEMORY_CAP,
        rlim_max: MEMORY_CAP,
    };
    // SAFETY: the closure only calls setrlimit, which is async-signal-safe, on a value
    // copied into it.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_AS, &cap) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let mut cmd = Command::from_std(cmd);
    cmd.timeout(TIMEOUT);
    cmd
}

/// Runs `tline check ARGS...` in `dir`.
fn check(dir: &Path, args: &[&str]) -> Output {
    capped_tline(dir).arg("check").args(args).output().unwrap()
}

/// The folder of committed hostile files.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// Asserts that `out` is a failure with exactly one error, `error`, and nothing on stdout.
fn assert_fails(out: &Output, error: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr, format!("{error}\n1 error\n"));
    assert_eq!(out.status.code(), Some(1), "{} (killed?)", out.status);
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
}

/// Asserts that `out` is a success printing `summary` and nothing on stderr.
fn assert_passes(out: &Output, summary: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{} (killed?): {stderr}",
        out.status
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{summary}\n"));
    assert_eq!(stderr, "");
}

/// `tline check` on the committed file `name` fails with `error`.
fn fixture_fails(name: &str, error: &str) {
    assert_fails(&check(&fixtures(), &[name]), error);
}

/// `tline check` on the committed file `name` loads it, printing `summary`.
fn fixture_passes(name: &str, summary: &str) {
    assert_passes(&check(&fixtures(), &[name]), summary);
}

/// `tline check` on a file `bad.yaml` holding `bytes` fails with `error`.
fn generated_fails(bytes: &[u8], error: &str) {
    let dir = dir_with(&[("bad.yaml", bytes)]);
    assert_fails(&check(dir.path(), &["bad.yaml"]), error);
}

/// The start of a failure's only error, checked when the whole of it cannot be written
/// down (it depends on a limit still to be chosen, or is too long to spell).
fn assert_fails_starting(out: &Output, start: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{} (killed?)", out.status);
    assert!(stderr.starts_with(start), "{}", head(&stderr));
    assert!(stderr.ends_with("\n1 error\n"), "{}", head(&stderr));
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
    stderr
}

/// The first 300 bytes of `text`, for assertion messages.
fn head(text: &str) -> &str {
    let end = (0..=text.len().min(300))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    &text[..end]
}

// --- Nothing, or not a timeline --------------------------------------------------------

#[test]
fn empty_file() {
    fixture_fails(
        "empty.yaml",
        "empty.yaml: has no content: expected a mapping with documents, actors and events",
    );
}

#[test]
fn only_comments() {
    fixture_fails(
        "comments-only.yaml",
        "comments-only.yaml: has no content: expected a mapping with documents, actors and \
         events",
    );
}

#[test]
fn a_list_where_the_top_level_mapping_belongs() {
    fixture_fails(
        "top-level-list.yaml",
        "top-level-list.yaml:1:1: invalid type: sequence, expected a mapping with documents, \
         actors and events",
    );
}

#[test]
fn a_mapping_where_the_events_list_belongs() {
    fixture_fails(
        "events-a-map.yaml",
        "events-a-map.yaml:2:3: events: expected a list, found a mapping",
    );
}

#[test]
fn a_list_where_an_event_mapping_belongs() {
    fixture_fails(
        "event-a-list.yaml",
        "event-a-list.yaml:2:5: event #1: expected an event (a mapping with id, date, title \
         and sources), found a list",
    );
}

#[test]
fn wrong_types_everywhere_are_each_reported() {
    let out = check(&fixtures(), &["wrong-types.yaml"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wrong-types.yaml:2:9: document #1: id: expected text, found a list\n\
         wrong-types.yaml:3:13: document #1: title: expected text, found a mapping\n\
         wrong-types.yaml:4:16: document #1: published: expected text, found a list\n\
         wrong-types.yaml:5:17: document #1: paragraphs: expected a list of paragraphs, found \
         text \"one\"\n\
         wrong-types.yaml:6:9: actors: expected a list, found a number\n\
         wrong-types.yaml:7:9: events: expected a list, found a boolean\n\
         6 errors\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_scalar_as_the_whole_file() {
    for (text, what) in [
        ("true\n", "boolean `true`"),
        ("42\n", "integer `42`"),
        ("\"just a string\"\n", "string \"just a string\""),
    ] {
        generated_fails(
            text.as_bytes(),
            &format!(
                "bad.yaml:1:1: invalid type: {what}, expected a mapping with documents, actors \
                 and events"
            ),
        );
    }
}

#[test]
fn null_where_the_sources_belong_is_no_source() {
    fixture_fails(
        "null-sources.yaml",
        "null-sources.yaml:18:14: event \"ev\": needs at least one source",
    );
}

#[test]
fn paragraph_number_too_large_names_no_rust_type() {
    fixture_fails(
        "paragraph-too-big.yaml",
        "paragraph-too-big.yaml:20:20: event \"ev\": sources.0.paragraph: expected a \
         paragraph number, found a number too large (99999999999999999999)",
    );
}

// --- Bytes that are not YAML text ------------------------------------------------------

#[test]
fn invalid_utf8_is_located() {
    fixture_fails(
        "invalid-utf8.yaml",
        "invalid-utf8.yaml:15:15: is not valid UTF-8 text",
    );
}

#[test]
fn binary_garbage_is_not_utf8() {
    // An ELF header followed by random bytes: the first byte past ASCII is the 9th.
    fixture_fails(
        "binary-random.bin",
        "binary-random.bin:1:9: is not valid UTF-8 text",
    );
}

#[test]
fn binary_nuls_are_control_characters() {
    fixture_fails(
        "binary-nuls.bin",
        "binary-nuls.bin:1:1: control characters are not allowed",
    );
}

#[test]
fn a_nul_byte_in_a_title_is_located() {
    fixture_fails(
        "nul-in-title.yaml",
        "nul-in-title.yaml:15:14: control characters are not allowed",
    );
}

#[test]
fn an_escaped_nul_in_a_title_loads() {
    // `"\0"` is a YAML escape, not a NUL byte in the file: the text holds U+0000, which
    // the views must render harmlessly; loading it is fine.
    let dir = dir_with(&[(
        "ok.yaml",
        edit("title: An event", r#"title: "An\0event""#).as_bytes(),
    )]);
    assert_passes(
        &check(dir.path(), &["ok.yaml"]),
        "ok.yaml: ok, 1 document, 1 actor, 1 event",
    );
}

#[test]
fn a_byte_order_mark_is_skipped() {
    fixture_passes("bom.yaml", "bom.yaml: ok, 1 document, 1 actor, 1 event");
}

#[test]
fn a_byte_order_mark_alone_is_an_empty_file() {
    fixture_fails(
        "bom-only.yaml",
        "bom-only.yaml: has no content: expected a mapping with documents, actors and events",
    );
}

#[test]
fn crlf_line_endings_load() {
    fixture_passes("crlf.yaml", "crlf.yaml: ok, 1 document, 1 actor, 1 event");
}

#[test]
fn crlf_line_endings_keep_line_numbers() {
    let text = edit("actors: [nato]", "actors: [natto]").replace('\n', "\r\n");
    generated_fails(
        text.as_bytes(),
        "bad.yaml:17:14: event \"ev\": unknown actor \"natto\" (did you mean \"nato\"?)",
    );
}

// --- YAML features a timeline has no use for -------------------------------------------

#[test]
fn duplicate_top_level_key_points_at_the_repeat() {
    fixture_fails(
        "duplicate-top-level-key.yaml",
        "duplicate-top-level-key.yaml:22:1: duplicate field `events`",
    );
}

#[test]
fn duplicate_event_field_points_at_the_repeat() {
    fixture_fails(
        "duplicate-event-field.yaml",
        "duplicate-event-field.yaml:16:5: events[0]: duplicate field `title`",
    );
}

#[test]
fn custom_tag_on_a_text_field_is_named() {
    fixture_fails(
        "tag-custom-scalar.yaml",
        "tag-custom-scalar.yaml:15:12: events[0].title: unsupported YAML tag !foo",
    );
}

#[test]
fn custom_tag_on_a_list_is_refused() {
    fixture_fails(
        "tag-custom-list.yaml",
        "tag-custom-list.yaml:12:9: events: unsupported YAML tag !foo",
    );
}

#[test]
fn binary_tag_is_refused() {
    fixture_fails(
        "tag-binary.yaml",
        "tag-binary.yaml:15:12: events[0].title: unsupported YAML tag !!binary",
    );
}

#[test]
fn a_second_document_is_located() {
    fixture_fails(
        "two-documents.yaml",
        "two-documents.yaml:23:1: a second YAML document starts here (a timeline file holds \
         one)",
    );
}

// --- Files that are not regular files, or too large ------------------------------------

#[test]
fn a_directory() {
    // A directory stands for the timeline files in it (issue 15); one with none is an
    // error naming it, as reading it as a file was.
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::create_dir(dir.path().join("sub/nested.yaml")).unwrap();
    let out = check(dir.path(), &["sub"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tline: sub: a directory with no timeline file in it (.yaml, .yml, .json, .jsonl, .ndjson, .csv)\n"
    );
    assert_eq!(out.status.code(), Some(1), "{} (killed?)", out.status);
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = TempDir::new().unwrap();
    let path = std::ffi::CString::new(
        dir.path()
            .join("pipe")
            .into_os_string()
            .into_encoded_bytes(),
    )
    .unwrap();
    // SAFETY: `path` is a NUL-terminated string that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    assert_fails(
        &check(dir.path(), &["pipe"]),
        "pipe: is not a regular file (a device, pipe or socket?)",
    );
}

#[test]
fn a_device_is_refused() {
    let dir = TempDir::new().unwrap();
    assert_fails(
        &check(dir.path(), &["/dev/null"]),
        "/dev/null: is not a regular file (a device, pipe or socket?)",
    );
}

#[test]
fn a_1_gb_file_is_refused_at_once_without_being_read() {
    let dir = TempDir::new().unwrap();
    // Sparse: no disk space taken. Reading it would take over the memory cap.
    fs::File::create(dir.path().join("big.yaml"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let start = Instant::now();
    let out = check(dir.path(), &["big.yaml"]);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_fails(
        &out,
        "big.yaml: is 1073741824 bytes, over the limit of 268435456 bytes (raise it with \
         --max-file-size)",
    );
}

#[test]
fn max_file_size_is_a_limit_in_bytes_inclusive() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("ok.yaml"), BASE).unwrap();
    let size = BASE.len().to_string();
    let below = (BASE.len() - 1).to_string();
    assert_passes(
        &check(dir.path(), &["--max-file-size", &size, "ok.yaml"]),
        "ok.yaml: ok, 1 document, 1 actor, 1 event",
    );
    assert_fails(
        &check(dir.path(), &["--max-file-size", &below, "ok.yaml"]),
        &format!(
            "ok.yaml: is {size} bytes, over the limit of {below} bytes (raise it with \
             --max-file-size)"
        ),
    );
}

#[test]
#[cfg(target_os = "linux")]
fn a_file_that_says_it_is_empty_but_is_not_is_still_limited() {
    // procfs files report a length of 0; this one is 8 bytes per page of address space.
    let dir = TempDir::new().unwrap();
    let out = check(
        dir.path(),
        &["--max-file-size", "1000000", "/proc/self/pagemap"],
    );
    let stderr = assert_fails_starting(&out, "/proc/self/pagemap: is ");
    assert!(
        stderr.contains("over the limit of 1000000 bytes (raise it with --max-file-size)"),
        "{stderr}"
    );
}

// --- Long lines, long strings ----------------------------------------------------------

/// 50 MB of `x`.
fn fifty_mb() -> String {
    "x".repeat(50 << 20)
}

#[test]
fn a_50_mb_title_on_one_line_loads() {
    let text = edit("title: An event", &format!("title: \"{}\"", fifty_mb()));
    let dir = dir_with(&[("long.yaml", text.as_bytes())]);
    assert_passes(
        &check(dir.path(), &["long.yaml"]),
        "long.yaml: ok, 1 document, 1 actor, 1 event",
    );
}

#[test]
fn a_50_mb_comment_line_loads() {
    let text = format!("# {}\n{BASE}", fifty_mb());
    let dir = dir_with(&[("long.yaml", text.as_bytes())]);
    assert_passes(
        &check(dir.path(), &["long.yaml"]),
        "long.yaml: ok, 1 document, 1 actor, 1 event",
    );
}

#[test]
fn a_5_mb_quote_not_in_its_paragraph_is_located() {
    // An error after parsing: the file is indexed for positions, 5 MB line and all.
    let quote = "x".repeat(5 << 20);
    let text = edit("quote: \"beta gamma\"", &format!("quote: \"{quote}\""));
    generated_fails(
        text.as_bytes(),
        "bad.yaml:21:16: event \"ev\": quote not found in paragraph 1 of \"doc\"",
    );
}

#[test]
fn a_50_mb_line_is_not_echoed_whole() {
    let dir = dir_with(&[("long.yaml", format!("{}\n", fifty_mb()).as_bytes())]);
    let out = check(dir.path(), &["long.yaml"]);
    let stderr = assert_fails_starting(&out, "long.yaml:1:1: invalid type: string \"xxxxxxxx");
    assert!(
        stderr.ends_with(", expected a mapping with documents, actors and events\n1 error\n"),
        "{}",
        head(&stderr)
    );
    assert!(stderr.len() < 1000, "{} bytes on stderr", stderr.len());
}

// --- Deep nesting ----------------------------------------------------------------------

const DEPTH: usize = 10_000;

// Flow brackets are refused where yaml-rust2's scanner stops (255 open brackets), before
// libyaml, which takes time quadratic in their depth, ever sees them.

#[test]
fn ten_thousand_nested_lists() {
    let text = format!("{}{}\n", "[".repeat(DEPTH), "]".repeat(DEPTH));
    generated_fails(
        text.as_bytes(),
        "bad.yaml:1:256: nested deeper than 64 levels (a timeline needs 5)",
    );
}

#[test]
fn ten_thousand_unclosed_lists() {
    let text = format!("{}\n", "[".repeat(DEPTH));
    generated_fails(
        text.as_bytes(),
        "bad.yaml:1:256: nested deeper than 64 levels (a timeline needs 5)",
    );
}

#[test]
fn ten_thousand_nested_mappings() {
    let text = format!("{}{}\n", "{a: ".repeat(DEPTH), "}".repeat(DEPTH));
    generated_fails(
        text.as_bytes(),
        "bad.yaml:1:1021: nested deeper than 64 levels (a timeline needs 5)",
    );
}

#[test]
fn ten_thousand_nested_block_lists_in_events() {
    // Refused at the nesting limit (64), before serde_yaml reads the file.
    let text = format!("events:\n  {}x\n", "- ".repeat(DEPTH));
    generated_fails(
        text.as_bytes(),
        "bad.yaml:2:129: nested deeper than 64 levels (a timeline needs 5)",
    );
}

// --- Aliases ---------------------------------------------------------------------------
// The guard in front of serde_yaml counts the bytes each alias adds and refuses a file
// whose aliases would add more than the file's own size (at least 64 KiB), at the alias
// that crosses the line.

#[test]
fn billion_laughs_at_the_top_level() {
    fixture_fails(
        "billion-laughs.yaml",
        "billion-laughs.yaml:5:8: e[0]: aliases here would expand the file by more than 65536 bytes (a timeline has no need \
         of so many; write the values out)",
    );
}

#[test]
fn billion_laughs_in_events() {
    fixture_fails(
        "billion-laughs-in-events.yaml",
        "billion-laughs-in-events.yaml:6:9: events[4][0]: aliases here would expand the file by more than 65536 bytes (a timeline has no need \
         of so many; write the values out)",
    );
}

#[test]
fn billion_laughs_in_paragraphs() {
    fixture_fails(
        "billion-laughs-in-paragraphs.yaml",
        "billion-laughs-in-paragraphs.yaml:10:13: documents[0].paragraphs[4][0]: aliases here would expand the file by more than 65536 bytes (a timeline has no need \
         of so many; write the values out)",
    );
}

#[test]
fn an_alias_used_a_few_times_loads() {
    let text = edit("published: 2022-01-01", "published: &day 2022-01-01").replacen(
        "date: 2022-01-01",
        "date: *day",
        1,
    );
    let dir = dir_with(&[("ok.yaml", text.as_bytes())]);
    assert_passes(
        &check(dir.path(), &["ok.yaml"]),
        "ok.yaml: ok, 1 document, 1 actor, 1 event",
    );
}

/// A document whose one 64 KB paragraph is repeated by `copies` aliases: a 240 KB file
/// for 16,000 copies, 1 GB once expanded.
fn paragraph_amplification(copies: usize) -> String {
    let mut text = format!(
        "documents:\n  - id: doc\n    title: A doc\n    published: 2022-01-01\n    \
         paragraphs:\n      - &p \"{}\"\n",
        "x".repeat(64 << 10)
    );
    text.push_str(&"      - *p\n".repeat(copies));
    text
}

#[test]
fn alias_amplification_of_a_long_string_is_refused() {
    let dir = dir_with(&[("bomb.yaml", paragraph_amplification(16_000).as_bytes())]);
    let out = check(dir.path(), &["bomb.yaml"]);
    let stderr = assert_fails_starting(&out, "bomb.yaml:");
    assert!(stderr.contains("alias"), "{}", head(&stderr));
}

/// `events` distinct events sharing, through an alias, one list of `sources` sources:
/// every one valid. 2,000 × 2,000 is a 210 KB file and 4 million sources.
fn sources_amplification(events: usize, sources: usize) -> String {
    let documents_and_actors = &BASE[..BASE.find("events:").unwrap()];
    let source = "{doc: doc, paragraph: 1, quote: beta}";
    let mut text = format!(
        "{documents_and_actors}events:\n  - {{id: e0, date: 2022, title: t, kind: k, \
         sources: &s [{}]}}\n",
        vec![source; sources].join(", ")
    );
    for i in 1..events {
        text.push_str(&format!(
            "  - {{id: e{i}, date: 2022, title: t, kind: k, sources: *s}}\n"
        ));
    }
    text
}

#[test]
fn alias_amplification_of_a_list_is_refused() {
    let dir = dir_with(&[("bomb.yaml", sources_amplification(2_000, 2_000).as_bytes())]);
    let start = Instant::now();
    let out = check(dir.path(), &["bomb.yaml"]);
    let stderr = assert_fails_starting(&out, "bomb.yaml:");
    assert!(stderr.contains("alias"), "{}", head(&stderr));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

// --- Where the guard's parser and libyaml disagree (issue 18) ---------------------------
// The guard reads a file with yaml-rust2 before serde_yaml reads it with libyaml. The two
// disagree on some constructs; the guard once let a file it could not read through
// unchecked, and libyaml then read what came after with no limits. Now the guard fails
// closed: what it cannot read is refused at the place it stopped. Each construct below is
// accepted by libyaml and was loaded before.

/// The constructs, as an edit of [`BASE`], each with the error it now gets.
const DISAGREEMENTS: &[(&str, &str, &str, &str)] = &[
    (
        "a next-line character (U+0085) as a line break",
        "    title: A doc\n    published",
        "    title: A doc\u{85}    published",
        "bad.yaml:3:17: U+0085 (next line) ends a line for some YAML parsers and not for \
         others: use a plain line break, or put the text in quotes",
    ),
    (
        "a line separator (U+2028) as a line break",
        "    title: A doc\n    published",
        "    title: A doc\u{2028}    published",
        "bad.yaml:3:17: U+2028 (line separator) ends a line for some YAML parsers and not \
         for others: use a plain line break, or put the text in quotes",
    ),
    (
        "a paragraph separator (U+2029) as a line break",
        "    title: A doc\n    published",
        "    title: A doc\u{2029}    published",
        "bad.yaml:3:17: U+2029 (paragraph separator) ends a line for some YAML parsers and \
         not for others: use a plain line break, or put the text in quotes",
    ),
    (
        "a flow list continued on a less indented line",
        "    paragraphs:\n      - \"Alpha beta gamma.\"\n      - \"Delta epsilon zeta.\"\n",
        "    paragraphs: [\"Alpha beta gamma.\",\n  \"Delta epsilon zeta.\"]\n",
        "bad.yaml:6:3: invalid indentation (a line inside brackets must be indented more \
         than the key they belong to)",
    ),
    (
        "a tab indenting a line inside a flow list",
        "    paragraphs:\n      - \"Alpha beta gamma.\"\n      - \"Delta epsilon zeta.\"\n",
        "    paragraphs: [\n\t\"Alpha beta gamma.\",\n\t\"Delta epsilon zeta.\"]\n",
        "bad.yaml:6:1: tabs disallowed within this context (block indentation) (tabs are \
         read differently by YAML parsers: indent with spaces)",
    ),
];

#[test]
fn each_disagreement_is_refused_at_its_place_with_a_reason() {
    for (what, from, to, error) in DISAGREEMENTS {
        let dir = dir_with(&[("bad.yaml", edit(from, to).as_bytes())]);
        let out = check(dir.path(), &["bad.yaml"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr, format!("{error}\n1 error\n"), "{what}");
        assert_eq!(out.status.code(), Some(1), "{what}: {}", out.status);
    }
}

/// What libyaml would read after a disagreement if the guard let it through: a value
/// tagged `!!binary`, a 1.3 MB alias bomb of 1.3 GB, 30,000 levels of flow nesting.
fn payloads() -> [(&'static str, &'static str, String); 3] {
    let bomb = format!(
        "  - id: bomb\n    title: B\n    published: 2022-01-01\n    paragraphs: [&a \"{}\"{}]\nactors:\n",
        "x".repeat(64 << 10),
        ", *a".repeat(20_000)
    );
    let deep = format!("    actors: {}{}\n", "[".repeat(30_000), "]".repeat(30_000));
    [
        (
            "!!binary",
            "    title: An event\n",
            "    title: !!binary QW4gZXZlbnQ=\n".to_string(),
        ),
        ("an alias bomb", "actors:\n", bomb),
        ("deep flow nesting", "    actors: [nato]\n", deep),
    ]
}

/// A tab right after a `:` is read as libyaml reads it, a space, by the guard too: what
/// a file holds behind one is judged as anywhere else.
#[test]
fn nothing_hidden_behind_a_tab_after_a_colon_reaches_libyaml() {
    let tabbed = edit("  - id: doc\n", "  - \"id\":\tdoc\n");
    let dir = dir_with(&[("tab.yaml", tabbed.as_bytes())]);
    let out = check(dir.path(), &["tab.yaml"]);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
    let refusals = [
        "bad.yaml:15:12: events[0].title: unsupported YAML tag !!binary",
        "aliases here would expand the file by more than",
        "nested deeper than 64 levels (a timeline needs 5)",
    ];
    for ((payload, at, hostile), refusal) in payloads().into_iter().zip(refusals) {
        let text = edit_text(&tabbed, at, &hostile);
        let dir = dir_with(&[("bad.yaml", text.as_bytes())]);
        let start = Instant::now();
        let out = check(dir.path(), &["bad.yaml"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(refusal), "{payload}: {stderr}");
        assert_eq!(out.status.code(), Some(1), "{payload}");
        assert!(start.elapsed() < Duration::from_secs(5), "{payload}");
    }
}

#[test]
fn nothing_hidden_behind_a_disagreement_reaches_libyaml() {
    for (what, from, to, error) in DISAGREEMENTS {
        for (payload, at, hostile) in payloads() {
            let text = edit_text(&edit(from, to), at, &hostile);
            let dir = dir_with(&[("bad.yaml", text.as_bytes())]);
            let start = Instant::now();
            let out = check(dir.path(), &["bad.yaml"]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                stderr,
                format!("{error}\n1 error\n"),
                "{payload} behind {what}"
            );
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "{payload} behind {what}: {:?}",
                start.elapsed()
            );
        }
    }
}

#[test]
fn the_separators_inside_quotes_still_load() {
    // Inside quotes both parsers end the text at the same quote, so nothing can hide there.
    for separator in ['\u{85}', '\u{2028}', '\u{2029}'] {
        let text = edit(
            "      - \"Alpha beta gamma.\"",
            &format!("      - \"Alpha beta{separator}gamma.\""),
        )
        .replacen("title: A doc", &format!("title: 'A{separator}doc'"), 1);
        let dir = dir_with(&[("ok.yaml", text.as_bytes())]);
        assert_passes(
            &check(dir.path(), &["ok.yaml"]),
            "ok.yaml: ok, 1 document, 1 actor, 1 event",
        );
    }
}

// --- Checks that must stay linear on valid or nearly valid files (issue 18 item 6) ---------

/// A JSON timeline of one document with `paragraphs`, actors `a0`… (`actors` of them) and
/// `events`, each given as (paragraph, quote, actor ids).
fn json_timeline(
    paragraphs: &[String],
    actors: usize,
    events: &[(usize, String, String)],
) -> String {
    let quoted = |text: &str| serde_json::to_string(text).unwrap();
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| quoted(p)).collect();
    let mut out = format!(
        "{{\"documents\": [{{\"id\": \"doc\", \"title\": \"D\", \"published\": \"2022-01-01\", \
         \"paragraphs\": [{}]}}],\n\"actors\": [",
        paragraphs.join(",\n")
    );
    for i in 0..actors {
        let comma = if i > 0 { "," } else { "" };
        out.push_str(&format!(
            "{comma}\n{{\"id\": \"a{i}\", \"name\": \"A\", \"kind\": \"person\"}}"
        ));
    }
    out.push_str("],\n\"events\": [");
    for (i, (paragraph, quote, actors)) in events.iter().enumerate() {
        let comma = if i > 0 { "," } else { "" };
        out.push_str(&format!(
            "{comma}\n{{\"id\": \"e{i}\", \"date\": \"2022-01-01\", \"title\": \"T\", \
             \"kind\": \"k\", \"actors\": [{actors}], \"sources\": [{{\"doc\": \"doc\", \
             \"paragraph\": {paragraph}, \"quote\": {}}}]}}",
            quoted(quote)
        ));
    }
    out.push_str("]}\n");
    out
}

#[test]
fn thousands_of_quotes_not_found_are_not_each_looked_for_in_every_paragraph() {
    // 8,000 × 8,000 paragraph searches took 24.5 s in a release build.
    let n = 8_000;
    let paragraphs: Vec<String> = (0..n)
        .map(|i| format!("paragraph {i} {}", "words ".repeat(30)))
        .collect();
    let events: Vec<_> = (0..n)
        .map(|i| (i + 1, format!("absent {i}"), "\"a0\"".to_string()))
        .collect();
    let dir = dir_with(&[("many.json", json_timeline(&paragraphs, 1, &events))]);
    let out = check(dir.path(), &["many.json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{} (killed?)", out.status);
    assert!(
        stderr.ends_with(&format!("\n{n} errors\n")),
        "{}",
        head(&stderr)
    );
    assert!(
        stderr.starts_with(
            "many.json:8004:133: event \"e0\": quote not found in paragraph 1 of \"doc\"\n"
        ),
        "{}",
        head(&stderr)
    );
}

#[test]
fn an_event_naming_a_hundred_thousand_actors_is_checked_at_once() {
    // `actors.contains` for each: 100k took 3.7 s, 400k 49.6 s in a release build.
    let n = 200_000;
    let mut named: Vec<String> = (0..n).map(|i| format!("\"a{i}\"")).collect();
    named.push("\"a7\"".to_string());
    let events = [(1, "beta".to_string(), named.join(","))];
    let text = json_timeline(&["alpha beta".to_string()], n, &events);
    let dir = dir_with(&[("actors.json", text)]);
    let out = check(dir.path(), &["actors.json"]);
    assert_fails_starting(&out, "actors.json:");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(": event \"e0\": actor \"a7\" is listed twice\n"),
        "{}",
        head(&stderr)
    );
}

#[test]
fn thousands_of_quotes_across_line_breaks_of_one_large_paragraph_load() {
    // Each quote found only across a line break cost a copy of the whole paragraph:
    // 2,000 events on one 1 MB paragraph took 7.1 s in a release build.
    let words = 150_000;
    let paragraph: String = (0..words)
        .map(|i| format!("w{i}{}", if i % 10 == 9 { "\n" } else { " " }))
        .collect();
    let events: Vec<_> = (0..2_000)
        .map(|k| {
            let i = words - 10 * k - 1;
            (1, format!("w{} w{}", i - 10, i - 9), "\"a0\"".to_string())
        })
        .collect();
    let dir = dir_with(&[("wide.json", json_timeline(&[paragraph], 1, &events))]);
    let start = Instant::now();
    let out = check(dir.path(), &["wide.json"]);
    assert_passes(&out, "wide.json: ok, 1 document, 1 actor, 2000 events");
    assert!(start.elapsed() < TIMEOUT, "{:?}", start.elapsed());
}

#[test]
fn a_yaml_file_of_millions_of_values_is_refused_before_libyaml_reads_it() {
    // Issue 18 item 7: 1M tiny events (92 MB, 18M values) peaked at 3.6 GB.
    let mut text = String::from("documents: [");
    text.push_str(&"a, ".repeat(5_000_001));
    text.push_str("]\n");
    let dir = dir_with(&[("values.yaml", text)]);
    assert_fails(
        &check(dir.path(), &["values.yaml"]),
        "values.yaml:1:15000004: holds more than 5000000 values: reading YAML this large \
         takes gigabytes of memory; write the timeline as JSON or JSON Lines",
    );
}
