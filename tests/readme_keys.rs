//! The README's key table and the help (the key map) name the same keys.

use std::collections::BTreeSet;

use tline::tui::keys::{BINDINGS, label};

/// Keys the loop handles before the key map (so the help does not list them).
const OUTSIDE_THE_MAP: &[&str] = &["Ctrl-z"];

/// Every key written in backticks in the first column of the README's key table.
fn readme_keys() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("read README.md");
    let section = readme
        .split("\n## The terminal UI")
        .nth(1)
        .expect("a TUI section");
    let table = section
        .split("| keys | what they do |")
        .nth(1)
        .expect("a key table");
    let mut keys = BTreeSet::new();
    for row in table.lines().skip(2).take_while(|l| l.starts_with('|')) {
        let first = row.split('|').nth(1).unwrap_or("");
        keys.extend(code_spans(first));
    }
    keys
}

/// The code spans of a Markdown text: `` `x` ``, and ``` `` ` `` ``` for a backtick (a
/// run of backticks opens a span that the same run closes; one space inside each end
/// is dropped).
fn code_spans(text: &str) -> Vec<String> {
    let mut spans = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        let after = &rest[start..];
        let run = after.len() - after.trim_start_matches('`').len();
        let fence = &after[..run];
        let body = &after[run..];
        let Some(end) = body.find(fence) else { break };
        let span = &body[..end];
        let span = if run > 1 {
            span.strip_prefix(' ')
                .and_then(|s| s.strip_suffix(' '))
                .unwrap_or(span)
        } else {
            span
        };
        spans.push(span.to_string());
        rest = &body[end + run..];
    }
    spans
}

#[test]
fn the_readme_key_table_and_the_help_name_the_same_keys() {
    let bound: BTreeSet<String> = BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().map(label))
        .chain(OUTSIDE_THE_MAP.iter().map(|k| k.to_string()))
        .collect();
    let written = readme_keys();
    let missing: Vec<_> = bound.difference(&written).collect();
    let unknown: Vec<_> = written.difference(&bound).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "not in the README: {missing:?}; in the README but not bound: {unknown:?}"
    );
}
