//! What the model holds for the selected event can be read on screen, whole: every field
//! of every event, at several terminal sizes, in the Event pane wrapped or after
//! scrolling it, never silently cut. Snapshots only prove that a screen did not change;
//! this proves that what it shows is all there.

mod common;

use common::app::{app_over, bundled};
use common::event_pane::every_field_readable;
use tline::model::Timeline;
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
