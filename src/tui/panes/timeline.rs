//! The timeline pane: one row per event with a date gutter, gap separators and a
//! scrollbar. Draws only the rows on screen. Owns the pane's scroll position.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::{Annotation, Review};
use crate::text::text_width;
use crate::tui::session::{Row, Session, gap_days, gap_label};
use crate::tui::theme::{dim, found, review_mark, selected, star, status_mark, status_title};
use crate::tui::widgets::{fit, inner, pad, pane_block, scrollbar, with_matches};

/// The timeline pane's view: which row is at its top.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimelineView {
    /// The first row on screen.
    pub offset: usize,
}

impl TimelineView {
    /// The first row to show in a pane `height` rows tall so that the selected event is
    /// on screen, moving as little as possible from [`TimelineView::offset`].
    pub fn offset_for(&self, session: &Session, height: usize) -> usize {
        let rows = &session.rows;
        if rows.is_empty() {
            return 0;
        }
        let mut offset = self.offset;
        let top = rows.top_of(session.selected);
        let row = rows.row_of(session.selected);
        if top < offset {
            offset = top;
        }
        // The event's own row wins over its gap row when both do not fit.
        if row >= offset + height {
            offset = row + 1 - height;
        }
        offset.min(rows.len().saturating_sub(height))
    }

    /// Keeps the selected event on screen in a pane `height` rows tall.
    pub fn clamp(&mut self, session: &Session, height: usize) {
        self.offset = self.offset_for(session, height);
    }

    /// The shown event whose row is under `at` in a pane drawn at `area`.
    pub fn click(&self, session: &Session, area: Rect, at: Position) -> Option<usize> {
        let inside = inner(area);
        if !inside.contains(at) {
            return None;
        }
        match session.rows.at(self.offset + (at.y - inside.y) as usize) {
            Some(Row::Event(k)) => Some(k),
            _ => None,
        }
    }
}

/// Draws the timeline pane into `area`, its rows from where `view` keeps the selected
/// event on screen at this height.
pub fn render(
    session: &Session,
    view: &TimelineView,
    frame: &mut Frame,
    area: Rect,
    focused: bool,
) {
    frame.render_widget(pane_block(" Timeline ".to_string(), focused), area);
    let inside = inner(area);
    if inside.is_empty() {
        return;
    }
    let offset = view.offset_for(session, inside.height as usize);
    if session.rows.is_empty() {
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
        let Some(row) = session.rows.at(offset + y as usize) else {
            break;
        };
        let line = match row {
            Row::Event(k) => event_line(session, k, y == 0, gutter, inside.width),
            Row::Gap(k) => gap_line(session, k, gutter, inside.width),
        };
        let at = Rect {
            y: inside.y + y,
            height: 1,
            ..inside
        };
        frame.buffer_mut().set_line(at.x, at.y, &line, at.width);
    }
    scrollbar(frame, area, session.rows.len(), offset);
}

/// Columns for the date gutter: room for "Thu 30 Dec 2021", more when wide.
fn gutter_width(width: u16) -> usize {
    match width {
        ..30 => 11,
        30..80 => 16,
        _ => 25,
    }
}

fn event_line(session: &Session, k: usize, top: bool, gutter: usize, width: u16) -> Line<'static> {
    let events = &session.timeline.events;
    let event = &events[session.rows.events[k]];
    let same_date = k > 0 && events[session.rows.events[k - 1]].date == event.date;
    let label = if same_date && !top {
        String::new()
    } else {
        event.date.human()
    };
    let actors: Vec<&str> = event
        .actors
        .iter()
        .map(|&a| session.timeline.actor(a).short_name())
        .collect();
    // The gutter, a space, the status mark and a space before the title; the marks of
    // the event's annotation, then a space, come before it too.
    let annotation = session.timeline.annotations.get(&event.id);
    let marks = annotation_marks(annotation, event.review(annotation));
    let marks_width: usize = marks.iter().map(|(m, _)| text_width(m)).sum();
    let marks_width = if marks_width > 0 { marks_width + 1 } else { 0 };
    let title_width = (width as usize).saturating_sub(gutter + 3 + marks_width);
    let title = fit(&event.title, title_width);
    let rest = title_width.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()));
    let (mark, mark_style) = status_mark(event.status);
    let mut spans = vec![
        Span::styled(
            pad(&label, gutter),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(" "),
        Span::styled(mark, mark_style),
        Span::raw(" "),
    ];
    if marks_width > 0 {
        spans.extend(marks.into_iter().map(|(m, style)| Span::styled(m, style)));
        spans.push(Span::raw(" "));
    }
    let actors = if rest > 3 && !actors.is_empty() {
        pad(&format!("  {}", actors.join(", ")), rest)
    } else {
        " ".repeat(rest)
    };
    // A row the search finds only in what it does not show (the summary, a quote, an
    // actor's name cut off) says so before its mark.
    if session.is_match(k) && !shows(&title, &session.search) && !shows(&actors, &session.search) {
        spans[1] = Span::styled(HIDDEN_MATCH, found());
    }
    spans.extend(with_matches(
        title,
        &session.search,
        status_title(event.status),
    ));
    spans.extend(with_matches(actors, &session.search, dim()));
    let line = Line::from(spans);
    if k == session.selected {
        line.style(selected())
    } else {
        line
    }
}

/// The marks a row gives an event before its title: `★` starred, the mark of its review
/// status `review`, `✎` when it has notes. Tags have no mark: they show in the Event
/// pane.
fn annotation_marks(annotation: Option<&Annotation>, review: Review) -> Vec<(&'static str, Style)> {
    let mut marks = Vec::new();
    if annotation.is_some_and(|a| a.star) {
        marks.push(("★", star()));
    }
    let (mark, style) = review_mark(review);
    if !mark.is_empty() {
        marks.push((mark, style));
    }
    if annotation.is_some_and(|a| !a.notes.is_empty()) {
        marks.push(("✎", dim()));
    }
    marks
}

/// The mark of a row the search finds in text the row does not show.
pub const HIDDEN_MATCH: &str = "›";

/// Whether `shown` contains `search`, ignoring case.
fn shows(shown: &str, search: &str) -> bool {
    shown.to_lowercase().contains(&search.to_lowercase())
}

fn gap_line(session: &Session, k: usize, gutter: usize, width: u16) -> Line<'static> {
    let events = &session.timeline.events;
    let (before, after) = (
        &events[session.rows.events[k - 1]],
        &events[session.rows.events[k]],
    );
    let label = gap_days(before, after).map(gap_label).unwrap_or_default();
    let text = format!("{}┄ {label} ┄", " ".repeat(gutter.min(4)));
    Line::styled(
        fit(&text, width as usize),
        dim().add_modifier(Modifier::ITALIC),
    )
}
