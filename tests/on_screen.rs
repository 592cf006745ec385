//! What the model holds for the selected event can be read on screen, whole: every field
//! of every event, at several terminal sizes, in the Event pane wrapped or after
//! scrolling it, never silently cut. Snapshots only prove that a screen did not change;
//! this proves that what it shows is all there.

mod common;

use common::app::{app_over, bundled, draw};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tline::model::Timeline;
use tline::synth;
use tline::text::sanitize;
use tline::tui::app::App;
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

fn symbol(buffer: &Buffer, x: u16, y: u16) -> &str {
    buffer[(x, y)].symbol()
}

/// The inside of the pane whose border carries `title`, found on screen by its corners.
fn pane_inside(buffer: &Buffer, title: &str) -> Option<Rect> {
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width.saturating_sub(2) {
            let corner = symbol(buffer, x, y);
            if !matches!(corner, "┌" | "┏") {
                continue;
            }
            let label: String = (x + 2..area.width)
                .take(title.chars().count())
                .map(|x| symbol(buffer, x, y))
                .collect();
            if label != title {
                continue;
            }
            let right = (x + 1..area.width).find(|&x| matches!(symbol(buffer, x, y), "┐" | "┓"))?;
            let bottom =
                (y + 1..area.height).find(|&y| matches!(symbol(buffer, x, y), "└" | "┗"))?;
            return Some(Rect::new(x + 1, y + 1, right - x - 1, bottom - y - 1));
        }
    }
    None
}

fn rows_of(buffer: &Buffer, inside: Rect) -> Vec<String> {
    (inside.y..inside.bottom())
        .map(|y| {
            (inside.x..inside.right())
                .map(|x| symbol(buffer, x, y))
                .collect::<String>()
        })
        .collect()
}

/// Every line of the Event pane, read by scrolling it from the top to where it stops.
fn event_pane_text(app: &mut App) -> String {
    app.update(Action::Top);
    let buffer = draw(app);
    let inside = pane_inside(&buffer, "Event").expect("the Event pane is on screen");
    let mut lines = rows_of(&buffer, inside);
    let mut last = lines.clone();
    for _ in 0..1000 {
        app.update(Action::Down);
        let rows = rows_of(&draw(app), inside);
        if rows == last {
            break;
        }
        lines.extend(rows.last().cloned());
        last = rows;
    }
    lines.join("\n")
}

/// Text without any whitespace, so that a field wrapped over lines, or indented under
/// its label, still reads as one piece.
fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

/// Every field the model holds for `event`, as it should read on screen.
fn fields(timeline: &Timeline, event: usize) -> Vec<(&'static str, String)> {
    let event = &timeline.events[event];
    let mut fields = vec![
        ("title", event.title.to_string()),
        ("id", event.id.to_string()),
        ("date", event.date.to_string()),
        ("date, read", event.date.human()),
        ("status", event.status.as_str().to_string()),
        ("kind", timeline.kind(event.kind).to_string()),
    ];
    fields.extend(event.date_text.iter().map(|t| ("date_text", t.to_string())));
    fields.extend(event.summary.iter().map(|t| ("summary", t.to_string())));
    for &actor in &event.actors {
        fields.push(("actor", timeline.actor(actor).name.clone()));
    }
    for source in &event.sources {
        let document = timeline.document(source.doc);
        fields.push(("document", document.title.clone()));
        fields.extend(document.publisher.iter().map(|p| ("publisher", p.clone())));
        fields.push(("published", document.published.to_string()));
        fields.extend(document.url.iter().map(|u| ("url", u.clone())));
        fields.push(("paragraph", format!("¶{}", source.paragraph)));
        fields.push(("quote", source.quote.to_string()));
    }
    fields
}

fn assert_every_field_on_screen(timeline: &Timeline, name: &str) {
    for (width, height) in SIZES {
        for k in 0..timeline.events.len() {
            let mut app = app_over(timeline.clone(), name, width, height);
            for _ in 0..k {
                app.update(Action::Down);
            }
            let event = app.session.selected_event().expect("an event is selected");
            app.update(Action::FocusNext);
            let screen = squash(&event_pane_text(&mut app));
            for (field, value) in fields(timeline, event) {
                let value = squash(&sanitize(&value));
                assert!(
                    screen.contains(&value),
                    "{name} at {width}x{height}, event {:?}: the {field} {value:?} is not \
                     on screen whole; the pane reads {screen:?}",
                    timeline.events[event].id,
                );
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
