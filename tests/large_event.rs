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
