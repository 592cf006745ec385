//! Reading the Event pane back from drawn frames: every field the model holds for the
//! selected event must be there whole, wrapped or after scrolling the pane, never
//! silently cut (issue 13). Used by `on_screen.rs` over every event at fixed sizes and by
//! `props.rs` at the end of random sessions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tline::model::Timeline;
use tline::query::SourceCount;
use tline::text::sanitize;
use tline::tui::app::App;
use tline::tui::commands::Action;

use super::app::draw;

fn symbol(buffer: &Buffer, x: u16, y: u16) -> &str {
    buffer[(x, y)].symbol()
}

/// The inside of the pane whose border carries `title`, found on screen by its corners.
pub fn pane_inside(buffer: &Buffer, title: &str) -> Option<Rect> {
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

/// Every line of the Event pane of `app` (focused on it), read by scrolling it from the
/// top to where its scroll stops; `None` when no Event pane is drawn. (Not where the
/// screen stops changing: two equal lines in a row would end the reading early.)
pub fn event_pane_text(app: &mut App) -> Option<String> {
    app.update(Action::Top);
    let buffer = draw(app);
    let inside = pane_inside(&buffer, "Event")?;
    let mut lines = rows_of(&buffer, inside);
    for _ in 0..10_000 {
        let before = app.panes.detail.scroll;
        app.update(Action::Down);
        let rows = rows_of(&draw(app), inside);
        if app.panes.detail.scroll == before {
            break;
        }
        lines.extend(rows.last().cloned());
    }
    Some(lines.join("\n"))
}

/// Text without any whitespace, so that a field wrapped over lines, or indented under
/// its label, still reads as one piece.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect()
}

/// Every field the model holds for `event`, as it should read on screen.
pub fn fields(timeline: &Timeline, event: usize) -> Vec<(&'static str, String)> {
    let event = &timeline.events[event];
    let mut fields = vec![
        ("title", event.title.to_string()),
        ("id", event.id.to_string()),
        ("date", event.date.to_string()),
        ("date, read", event.date.human()),
        ("status", event.status.as_str().to_string()),
        ("kind", timeline.kind(event.kind).to_string()),
        ("source count", SourceCount::of(timeline, event).to_string()),
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
    if let Some(annotation) = timeline.annotations.get(&event.id) {
        if annotation.star {
            fields.push(("star", "★".to_string()));
        }
        // Not reviewed is said by saying nothing.
        if annotation.review != Default::default() {
            fields.push(("review", annotation.review.as_str().to_string()));
        }
        for tag in &annotation.tags {
            fields.push(("tag", tag.clone()));
        }
        for note in &annotation.notes {
            fields.push(("note author", note.author.clone()));
            fields.extend(note.text.lines().map(|l| ("note", l.to_string())));
        }
    }
    fields
}

/// Checks that every field of the event selected in `app` can be read whole in the
/// Event pane, which `app` shows focused; says which field is missing, or that no Event
/// pane is drawn. Scrolls the pane.
pub fn every_field_readable(app: &mut App) -> Result<(), String> {
    let event = app
        .session
        .selected_event()
        .ok_or_else(|| "no event is selected".to_string())?;
    let screen = event_pane_text(app).ok_or_else(|| "no Event pane is drawn".to_string())?;
    let screen = squash(&screen);
    let timeline = &app.session.timeline;
    for (field, value) in fields(timeline, event) {
        let value = squash(&sanitize(&value));
        if !screen.contains(&value) {
            return Err(format!(
                "event {:?}: the {field} {value:?} is not on screen whole; the pane reads \
                 {screen:?}",
                timeline.events[event].id,
            ));
        }
    }
    Ok(())
}
