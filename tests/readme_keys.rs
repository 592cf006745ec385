//! The README's table of keys and the help overlay name the same keys: both come from
//! people, the help from `keys::BINDINGS`, so this keeps the README true.

use tline::tui::keys::{BINDINGS, label};

/// Keys the event loop handles itself, before the key map.
const LOOP_KEYS: [&str; 1] = ["Ctrl-z"];

/// The backticked keys of the first column of the README's keys table.
fn readme_keys() -> Vec<String> {
    let readme = include_str!("../README.md");
    let table = readme
        .split("| keys | what they do |")
        .nth(1)
        .expect("the README has a keys table");
    table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .filter_map(|line| line.split('|').nth(1))
        .flat_map(|keys| {
            keys.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_key_in_the_help_is_in_the_readme_and_back() {
    let readme = readme_keys();
    let help: Vec<String> = BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().map(label))
        .collect();
    for key in &help {
        assert!(
            readme.contains(key),
            "the README's keys table lacks `{key}`"
        );
    }
    for key in &readme {
        assert!(
            help.contains(key) || LOOP_KEYS.contains(&key.as_str()),
            "the README lists `{key}`, which the help does not"
        );
    }
}
