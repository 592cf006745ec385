//! Rendered screens: snapshots of the main screens at several sizes, every screen at
//! every small size without panic, and the quote highlighted for every event.

mod common;

use common::app::{app_over, bundled_app as app, draw, draw_at, text};
use ratatui::style::Color;
use tline::load::{SourceFile, load_sources};
use tline::tui::commands::Action;

/// The screens a person sees, each reached by actions from a fresh start.
fn screens() -> Vec<(&'static str, Vec<Action>)> {
    vec![
        ("timeline", vec![Action::Down, Action::Down]),
        (
            "source",
            vec![
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Down,
                Action::OpenSource,
            ],
        ),
        ("help", vec![Action::ToggleHelp]),
        ("actor_picker", vec![Action::PickActors, Action::Type('u')]),
        (
            "filtered",
            vec![
                Action::PickActors,
                Action::Type('p'),
                Action::Type('u'),
                Action::Confirm,
            ],
        ),
        (
            "search",
            [Action::Search]
                .into_iter()
                .chain("jstars".chars().map(Action::Type))
                .collect(),
        ),
        (
            "date_prompt",
            [Action::AskDateRange]
                .into_iter()
                .chain("2021-12".chars().map(Action::Type))
                .collect(),
        ),
        (
            "nothing_matches",
            [Action::AskDateRange]
                .into_iter()
                .chain("2030".chars().map(Action::Type))
                .chain([Action::Confirm])
                .collect(),
        ),
    ]
}

/// The time axis strip, on the whole timeline and filtered to one actor.
fn axis_screens() -> Vec<(&'static str, Vec<Action>)> {
    let jump = [Action::ToggleAxis, Action::AskJumpDate]
        .into_iter()
        .chain("2021-12-27".chars().map(Action::Type))
        .chain([Action::Confirm]);
    vec![
        ("axis", jump.collect()),
        (
            "axis_filtered",
            vec![
                Action::ToggleAxis,
                Action::PickActors,
                Action::Type('p'),
                Action::Type('u'),
                Action::Confirm,
            ],
        ),
        (
            "axis_zoomed",
            vec![
                Action::ToggleAxis,
                Action::NextDateGroup,
                Action::NextDateGroup,
                Action::ZoomIn,
                Action::ZoomIn,
            ],
        ),
    ]
}

#[test]
fn axis_strip_at_three_widths() {
    for (width, height) in [(120, 40), (80, 24), (40, 20)] {
        for (name, actions) in axis_screens() {
            let mut app = app(width, height);
            for action in actions {
                app.update(action);
            }
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), text(&draw(&app)));
        }
    }
}

#[test]
fn main_screens_at_three_sizes() {
    for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        for (name, actions) in screens() {
            let mut app = app(width, height);
            for action in actions {
                app.update(action);
            }
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), text(&draw(&app)));
        }
    }
}

#[test]
fn every_screen_renders_at_every_small_size() {
    for width in 1..=30 {
        for height in 1..=16 {
            for (_, actions) in screens().into_iter().chain(axis_screens()) {
                let mut app = app(width, height);
                for action in actions {
                    app.update(action);
                }
                draw(&app);
                app.update(Action::Bottom);
                app.update(Action::FocusNext);
                app.update(Action::PageDown);
                draw(&app);
            }
        }
    }
}

#[test]
fn jump_to_source_highlights_the_quote_of_every_event() {
    let mut app = app(120, 40);
    let count = app.session.rows.events.len();
    for k in 0..count {
        app.update(Action::Top);
        for _ in 0..k {
            app.update(Action::Down);
        }
        let event = app.session.timeline.events[app.session.selected_event().unwrap()].clone();
        app.update(Action::OpenSource);
        for (s, source) in event.sources.iter().enumerate() {
            let buffer = draw(&app);
            let highlighted: String = buffer
                .content
                .iter()
                .filter(|cell| cell.bg == Color::Yellow)
                .map(|cell| cell.symbol())
                .collect();
            let squash = |t: &str| t.split_whitespace().collect::<String>();
            assert_eq!(
                squash(&highlighted),
                squash(&source.quote),
                "event {} source {}: the highlighted text is the quote",
                event.id,
                s + 1
            );
            let screen = text(&buffer);
            let title = format!("¶{}", source.paragraph);
            assert!(screen.contains(&title), "event {} shows {title}", event.id);
            app.update(Action::NextSource);
        }
        app.update(Action::Back);
    }
}

#[test]
fn a_frame_drawn_after_the_terminal_shrank_fits_it() {
    // Issue 18: a draw used the size of the last resize, so a terminal that shrank before
    // the resize arrived panicked (index outside of buffer) in the timeline pane, and with
    // the axis on in the strip.
    for axis in [false, true] {
        let mut app = app(120, 40);
        if axis {
            app.update(Action::ToggleAxis);
        }
        app.update(Action::Down);
        for (width, height) in [(30, 8), (60, 20), (1, 1), (40, 0), (0, 5)] {
            let screen = text(&draw_at(&app, width, height));
            if height > 3 && width > 10 {
                assert!(screen.contains("Timeline"), "{width}x{height}:\n{screen}");
            }
        }
    }
}

/// An event without a kind shows none: no "Kind" line, empty or made up.
#[test]
fn an_event_of_no_kind_shows_no_kind() {
    let yaml = "documents:\n  - id: doc\n    title: A doc\n    published: 2022-01-01\n    \
                paragraphs: [\"Alpha beta gamma.\"]\nevents:\n  - id: ev\n    date: \
                2022-01-01\n    title: An event\n    sources: [{doc: doc, paragraph: 1, \
                quote: beta}]\n";
    let file = SourceFile {
        name: "a.yaml".to_string(),
        text: yaml.to_string(),
    };
    let timeline = load_sources(&[file]).expect("an event needs no kind");
    let app = app_over(timeline, "a.yaml", 100, 30);
    let screen = text(&draw(&app));
    assert!(screen.contains("Status"), "{screen}");
    assert!(!screen.contains("Kind"), "{screen}");
}

#[test]
fn annotated_screens_at_three_sizes() {
    use chrono::{TimeZone, Utc};
    use tline::model::{Note, Review};
    let mut timeline = common::app::bundled().clone();
    timeline.annotations.edit("biden-putin-call", |a| {
        a.star = true;
        a.review = Review::Verified;
        a.tags = ["call".to_string(), "key".to_string()].into();
        a.notes.push(Note {
            date: Utc.with_ymd_and_hms(2026, 12, 1, 22, 57, 0).unwrap(),
            author: "ana".into(),
            text: "Readout confirms it.\nSee the **second** paragraph.".into(),
        });
    });
    timeline.annotations.edit("jstars-flight-2021-12-27", |a| {
        a.review = Review::Disputed;
    });
    timeline.annotations.edit("nato-russia-council-talks", |a| {
        a.star = true;
        a.review = Review::NeedsSource;
    });
    for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        let mut app = app_over(timeline.clone(), "events.yaml", width, height);
        while app
            .session
            .selected_event()
            .map(|e| &*app.session.timeline.events[e].id)
            != Some("biden-putin-call")
        {
            app.update(Action::Down);
        }
        insta::assert_snapshot!(format!("annotated_{width}x{height}"), text(&draw(&app)));
    }
}
