//! A huge event costs once, when it is selected, not on every key: the detail pane's
//! wrapped lines are kept per selection, width and search (issue 18, item 8).

mod common;

use std::time::{Duration, Instant};

use common::app::{app_over, bundled, draw};
use tline::tui::commands::Action;

/// The bundled timeline with a title and a summary of `bytes` bytes on its first event.
fn with_huge_summary(bytes: usize) -> tline::model::Timeline {
    let mut timeline = bundled().clone();
    let words = "the convoy moved north past the border crossing ";
    let summary: String = words.repeat(bytes / words.len());
    timeline.events[0].title = summary.clone().into_boxed_str();
    timeline.events[0].summary = Some(summary.into_boxed_str());
    timeline
}

#[test]
fn keys_on_a_huge_title_and_summary_do_not_rewrap_them() {
    let mut app = app_over(with_huge_summary(2_000_000), "huge", 120, 40);
    app.update(Action::FocusNext);
    draw(&app);
    let keys = 20;
    let start = Instant::now();
    for _ in 0..keys {
        app.update(Action::Down);
        draw(&app);
    }
    let per_key = start.elapsed() / keys;
    eprintln!("per key on a 2 MB title and summary: {per_key:?}");
    assert!(
        per_key < Duration::from_millis(20),
        "each key took {per_key:?}: the summary is wrapped again on every key"
    );
}

#[test]
fn keys_in_a_huge_cited_paragraph_do_not_search_the_quote_again() {
    let mut timeline = bundled().clone();
    let source = timeline.events[0].sources[0].clone();
    let filler = "troops gathered near the border again and again ".repeat(40_000);
    // The quote with its spaces doubled: found only by the whitespace-tolerant search,
    // which costs the whole paragraph.
    let paragraph = format!("{filler}{}", source.quote.replace(' ', "  "));
    timeline.documents[source.doc.index()].paragraphs[source.paragraph - 1] = paragraph;
    let mut app = app_over(timeline, "huge", 120, 40);
    app.update(Action::OpenSource);
    draw(&app);
    let keys = 20;
    let start = Instant::now();
    for _ in 0..keys {
        app.update(Action::Down);
        draw(&app);
    }
    let per_key = start.elapsed() / keys;
    assert!(
        per_key < Duration::from_millis(20),
        "each key took {per_key:?}: the quote is searched for on every key"
    );
}

#[test]
fn typing_a_search_on_a_huge_event_marks_only_the_lines_on_screen() {
    let mut app = app_over(with_huge_summary(2_000_000), "huge", 120, 40);
    draw(&app);
    app.update(Action::Search);
    let start = Instant::now();
    let typed = "border";
    for c in typed.chars() {
        app.update(Action::Type(c));
        draw(&app);
    }
    let per_key = start.elapsed() / typed.len() as u32;
    assert!(
        per_key < Duration::from_millis(100),
        "each key took {per_key:?}: the event is wrapped again for every search"
    );
}
