//! An article opened in the TUI: the real binary in a pseudo-terminal drafts it, says
//! it is a draft, and jumps from an event to its quote in the source.

mod common;

use common::pty::{Session, find};
use tline::extract::{DraftOptions, draft};

/// The seed article, beside the repository.
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/000_5d8e55209fb20b48.txt"
);

/// The text of the highlighted cells (background yellow) of the screen, row by row,
/// the rows joined by spaces.
fn highlighted(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    let mut parts = Vec::new();
    for row in 0..rows {
        let mut part = String::new();
        for col in 0..cols {
            if let Some(cell) = screen.cell(row, col)
                && cell.bgcolor() == vt100::Color::Idx(3)
            {
                part.push_str(cell.contents());
            }
        }
        if !part.trim().is_empty() {
            parts.push(part.trim().to_string());
        }
    }
    parts.join(" ")
}

#[test]
fn an_article_opens_as_a_draft_and_enter_shows_the_quote_highlighted() {
    let text = std::fs::read_to_string(SEED).expect("the seed article");
    let drafted = draft(&text, SEED, &DraftOptions::default()).expect("drafts");
    let events = drafted.timeline.events.len();
    let first_quote = drafted.timeline.events[0].sources[0].quote.to_string();

    let mut s = Session::spawn_with(140, 40, &[SEED]);
    s.wait_for(&format!("event 1 of {events}"));
    let screen = s.text();
    assert!(screen.contains("draft of "), "marked as a draft:\n{screen}");

    s.press("\r");
    s.wait_for("Source 1/");
    let marked = highlighted(s.screen());
    let quote: String = first_quote.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        !marked.is_empty() && quote.contains(&marked),
        "the quote {quote:?} is highlighted, not {marked:?}:\n{}",
        s.text()
    );
    let words: Vec<&str> = quote.split_whitespace().take(2).collect();
    assert!(
        find(s.screen(), &words.join(" ")).is_some(),
        "the quote's paragraph shown:\n{}",
        s.text()
    );

    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

#[test]
fn an_article_beside_a_timeline_file_opens_merged_with_it() {
    let events = concat!(env!("CARGO_MANIFEST_DIR"), "/events.yaml");
    let mut s = Session::spawn_with(200, 30, &[events, SEED]);
    s.wait_for("events.yaml, draft of ");
    s.wait_for("event 1 of ");
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}
