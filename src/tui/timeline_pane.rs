//! The timeline pane: one row per event with a date gutter, gap separators and a
//! scrollbar. Draws only the rows on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Focus};
use super::layout::inner;
use super::rows::{Row, gap_days, gap_label};
use super::style::{dim, fit, pad, pane_block, scrollbar, selected, with_matches};

/// Draws the timeline pane into `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Timeline;
    frame.render_widget(pane_block(" Timeline ".to_string(), focused), area);
    let inside = inner(area);
    if inside.is_empty() {
        return;
    }
    if app.rows.is_empty() {
        let width = inside.width as usize;
        let message = Paragraph::new(vec![
            Line::styled(fit("No events match the filter.", width), dim()),
            Line::styled(fit("Press x to clear it.", width), dim()),
        ]);
        frame.render_widget(message, inside);
        return;
    }
    let gutter = gutter_width(inside.width);
    for y in 0..inside.height {
        let Some(row) = app.rows.at(app.offset + y as usize) else {
            break;
        };
        let line = match row {
            Row::Event(k) => event_line(app, k, y == 0, gutter, inside.width),
            Row::Gap(k) => gap_line(app, k, gutter, inside.width),
        };
        let at = Rect {
            y: inside.y + y,
            height: 1,
            ..inside
        };
        frame.buffer_mut().set_line(at.x, at.y, &line, at.width);
    }
    scrollbar(frame, area, app.rows.len(), app.offset);
}

/// Columns for the date gutter: room for "Thu 30 Dec 2021", more when wide.
fn gutter_width(width: u16) -> usize {
    match width {
        ..30 => 11,
        30..80 => 16,
        _ => 25,
    }
}

fn event_line(app: &App, k: usize, top: bool, gutter: usize, width: u16) -> Line<'static> {
    let events = &app.timeline.events;
    let event = &events[app.rows.events[k]];
    let same_date = k > 0 && events[app.rows.events[k - 1]].date == event.date;
    let label = if same_date && !top {
        String::new()
    } else {
        event.date.human()
    };
    let actors: Vec<&str> = event
        .actors
        .iter()
        .map(|&a| app.timeline.actor(a).short_name())
        .collect();
    let title_width = (width as usize).saturating_sub(gutter + 1);
    let title = fit(&event.title, title_width);
    let rest = title_width.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()));
    let mut spans = vec![
        Span::styled(
            pad(&label, gutter),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(" "),
    ];
    spans.extend(with_matches(title, &app.search, Style::new()));
    if rest > 3 && !actors.is_empty() {
        spans.push(Span::styled(
            pad(&format!("  {}", actors.join(", ")), rest),
            dim(),
        ));
    } else {
        spans.push(Span::raw(" ".repeat(rest)));
    }
    let line = Line::from(spans);
    if k == app.selected {
        line.style(selected())
    } else {
        line
    }
}

fn gap_line(app: &App, k: usize, gutter: usize, width: u16) -> Line<'static> {
    let events = &app.timeline.events;
    let (before, after) = (&events[app.rows.events[k - 1]], &events[app.rows.events[k]]);
    let label = gap_days(before, after).map(gap_label).unwrap_or_default();
    let text = format!("{}┄ {label} ┄", " ".repeat(gutter.min(4)));
    Line::styled(
        fit(&text, width as usize),
        dim().add_modifier(Modifier::ITALIC),
    )
}
