//! What the panes show beyond the fields of an event: the document behind a source, the
//! hints that more is there (scrolled off, a hidden pane), the cited paragraph kept in
//! view, the status and search marks of the rows, and the status bar at narrow widths.

mod common;

use common::app::{app_over, bundled, bundled_app, draw, text};
use tline::tui::app::App;
use tline::tui::commands::Action;

fn select(app: &mut App, id: &str) {
    app.update(Action::Top);
    for _ in 0..app.session.rows.events.len() {
        let event = app.session.selected_event().expect("an event is selected");
        if &*app.session.timeline.events[event].id == id {
            return;
        }
        app.update(Action::Down);
    }
    panic!("no event {id}");
}

#[test]
fn the_source_pane_names_publisher_day_and_url_of_its_document() {
    let mut timeline = bundled().clone();
    timeline.documents[0].url = Some("https://www.cbsnews.com/news/biden-putin-call".into());
    let mut app = app_over(timeline, "events.yaml", 120, 40);
    app.update(Action::OpenSource);
    let screen = text(&draw(&app));
    assert!(
        screen.contains("CBS News · published 2022-01-01"),
        "{screen}"
    );
    assert!(
        screen.contains("https://www.cbsnews.com/news/biden-putin-call"),
        "{screen}"
    );
}

/// Whether the line where the open source's quote starts is inside the source pane.
fn quote_in_view(app: &App) -> bool {
    let view = app.panes.source.as_ref().expect("a source is open");
    let quote_line = view.quote_line(&app.session.timeline);
    (view.scroll..view.scroll + view.height).contains(&quote_line)
}

#[test]
fn resizing_keeps_the_cited_paragraph_in_view() {
    for id in [
        "jstars-flight-2021-12-30",
        "allied-consultations",
        "eucom-statement-on-flights",
    ] {
        let mut app = bundled_app(120, 40);
        select(&mut app, id);
        app.update(Action::OpenSource);
        assert!(quote_in_view(&app), "{id} opens at its quote");
        for (width, height) in [(60, 20), (40, 12), (50, 15), (200, 60), (38, 10), (120, 40)] {
            app.update(Action::Resize(width, height));
            draw(&app);
            assert!(quote_in_view(&app), "{id} at {width}x{height}");
        }
    }
}
