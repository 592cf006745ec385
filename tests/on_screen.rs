//! What the model holds for the selected event can be read on screen, whole: every field
//! of every event, at several terminal sizes, in the Event pane wrapped or after
//! scrolling it, never silently cut. Snapshots only prove that a screen did not change;
//! this proves that what it shows is all there.

mod common;

use chrono::{TimeZone, Utc};
use common::app::{app_over, bundled};
use common::event_pane::every_field_readable;
use tline::model::{Note, Review, Timeline};
use tline::synth;
use tline::tui::commands::Action;

/// Sizes from a narrow phone-like terminal to a wide one; 38 and 50 columns are where
/// cut labels were found.
const SIZES: [(u16, u16); 8] = [
    (38, 15),
    (38, 40),
    (50, 15),
    (50, 40),
    (80, 24),
    (80, 40),
    (120, 15),
    (120, 40),
];

fn assert_every_field_on_screen(timeline: &Timeline, name: &str) {
    for (width, height) in SIZES {
        for k in 0..timeline.events.len() {
            let mut app = app_over(timeline.clone(), name, width, height);
            for _ in 0..k {
                app.update(Action::Down);
            }
            app.update(Action::FocusNext);
            if let Err(e) = every_field_readable(&mut app) {
                panic!("{name} at {width}x{height}: {e}");
            }
        }
    }
}

#[test]
fn every_field_of_every_bundled_event_can_be_read_at_every_size() {
    assert_every_field_on_screen(bundled(), "events.yaml");
}

#[test]
fn every_field_of_generated_events_can_be_read_at_every_size() {
    for seed in 1..=3 {
        let mut timeline = synth::timeline(12, seed);
        // Generated documents have no URL; give every other one a long one.
        for (i, document) in timeline.documents.iter_mut().enumerate().step_by(2) {
            document.url = Some(format!(
                "https://news.example.org/{seed}/{i}/a-long-path-that-must-wrap?ref=tline"
            ));
        }
        assert_every_field_on_screen(&timeline, "generated");
    }
}

/// `timeline` with every event annotated: starred, tagged, reviewed, and two notes, one
/// long and of several lines.
fn annotated(mut timeline: Timeline) -> Timeline {
    let ids: Vec<String> = timeline.events.iter().map(|e| e.id.to_string()).collect();
    for (i, id) in ids.iter().enumerate() {
        timeline.annotations.edit(id, |a| {
            a.star = i % 2 == 0;
            a.review = Review::ALL[i % Review::ALL.len()];
            a.tags = ["needs-a-second-look-from-the-desk", "key", "call-log"]
                .iter()
                .take(i % 3 + 1)
                .map(|t| t.to_string())
                .collect();
            a.notes = vec![
                Note {
                    date: Utc.with_ymd_and_hms(2026, 12, 1, 22, 57, 0).unwrap(),
                    author: "Ana Analyst".into(),
                    text: "Readout confirms it.".into(),
                },
                Note {
                    date: Utc.with_ymd_and_hms(2026, 12, 2, 9, 5, 0).unwrap(),
                    author: "desk".into(),
                    text: format!(
                        "The **second** source contradicts the first on the day.\n\nAsk the \
                         bureau whether the call on event {id} was really on that day, \
                         and by whom it was first reported."
                    ),
                },
            ];
        });
    }
    timeline
}

#[test]
fn every_annotation_of_every_bundled_event_can_be_read_at_every_size() {
    assert_every_field_on_screen(&annotated(bundled().clone()), "events.yaml");
}
