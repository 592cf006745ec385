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
        keys.extend(first.split('`').skip(1).step_by(2).map(str::to_string));
    }
    keys
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
