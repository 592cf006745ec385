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

#[test]
fn the_event_pane_says_how_much_is_scrolled_off_below() {
    let mut app = bundled_app(80, 24);
    app.update(Action::Down);
    let screen = text(&draw(&app));
    assert!(screen.contains("more lines"), "{screen}");
    app.update(Action::FocusNext);
    for _ in 0..100 {
        app.update(Action::Down);
    }
    let screen = text(&draw(&app));
    assert!(
        !screen.contains("more line"),
        "scrolled to the end:\n{screen}"
    );
}

#[test]
fn one_pane_at_a_time_says_where_the_other_is() {
    let mut app = bundled_app(50, 15);
    app.update(Action::ToggleAxis);
    let screen = text(&draw(&app));
    assert!(screen.contains("Time axis"), "{screen}");
    assert!(screen.contains("Tab: Event"), "{screen}");
    app.update(Action::FocusNext);
    let screen = text(&draw(&app));
    assert!(screen.contains("Tab: Timeline"), "{screen}");
}

#[test]
fn the_time_axis_says_no_events_when_none_match() {
    let mut app = bundled_app(120, 40);
    app.update(Action::ToggleAxis);
    app.update(Action::AskDateRange);
    for c in "2030".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
    let screen = text(&draw(&app));
    assert!(screen.contains("Time axis · no events"), "{screen}");
    assert!(!screen.contains("0000"), "{screen}");
}

#[test]
fn a_picker_narrows_by_a_name_of_several_words_and_ticks_with_tab() {
    let mut app = bundled_app(120, 40);
    app.update(Action::PickActors);
    for c in "us e".chars() {
        app.update(Action::Type(c));
    }
    let screen = text(&draw(&app));
    assert!(screen.contains("US European Command"), "{screen}");
    assert!(!screen.contains("Vladimir Putin"), "{screen}");
    app.update(Action::Tick);
    app.update(Action::Confirm);
    assert_eq!(app.session.filter.actors.len(), 1);
}

#[test]
fn the_status_picker_filters_by_status_with_counts() {
    let mut app = bundled_app(120, 40);
    app.update(Action::PickStatuses);
    let screen = text(&draw(&app));
    assert!(screen.contains("Filter by statuses"), "{screen}");
    for status in ["occurred", "planned", "expected", "reported"] {
        assert!(screen.contains(status), "{status}:\n{screen}");
    }
    for c in "planned".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
    let timeline = &app.session.timeline;
    assert!(!app.session.rows.events.is_empty());
    for &e in &app.session.rows.events {
        assert_eq!(timeline.events[e].status.as_str(), "planned");
    }
    assert!(text(&draw(&app)).contains("status: planned"));
}

#[test]
fn planned_expected_and_reported_rows_carry_a_mark() {
    let app = bundled_app(120, 40);
    let screen = text(&draw(&app));
    let timeline = &app.session.timeline;
    for event in &timeline.events {
        let (mark, _) = tline::tui::theme::status_mark(event.status);
        let title: String = event.title.chars().take(20).collect();
        let Some(line) = screen.lines().find(|l| l.contains(&title)) else {
            continue;
        };
        assert!(
            line.contains(&format!(" {mark} {title}")),
            "{}: {line}",
            event.status.as_str()
        );
    }
    assert!(
        screen.contains('◇'),
        "the bundled timeline plans talks:\n{screen}"
    );
}

#[test]
fn a_search_finds_actor_names_marks_hidden_matches_and_becomes_a_filter() {
    let mut timeline = bundled().clone();
    let nato = timeline.resolve_actor("nato").expect("nato");
    timeline.actors[nato.index()].name = "Zyxwv Alliance".into();
    let mut app = app_over(timeline, "events.yaml", 120, 40);
    search(&mut app, "zyxwv");
    assert!(
        !app.session.matches.is_empty(),
        "an actor's name is searched"
    );
    assert!(!text(&draw(&app)).contains("no match"));

    let mut app = bundled_app(120, 40);
    search(&mut app, "black sea");
    let found = app.session.matches.len();
    assert!(found > 0);
    let screen = text(&draw(&app));
    let hidden = tline::tui::panes::timeline::HIDDEN_MATCH;
    assert!(
        screen.lines().any(|l| l.contains(hidden)),
        "a row found only in its summary or quotes is marked:\n{screen}"
    );
    app.update(Action::KeepMatches);
    assert_eq!(app.session.rows.events.len(), found);
    assert!(app.session.search.is_empty());
    assert!(text(&draw(&app)).contains("text: \"black sea\""));
}

fn search(app: &mut App, text: &str) {
    app.update(Action::Search);
    for c in text.chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
}
