//! The colours and text styles the panes share.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{Review, Status};

/// Secondary text: dates repeated, actors, hints.
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The selected row of the timeline.
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// A quote in its paragraph.
pub fn quote() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// A search match.
pub fn found() -> Style {
    Style::new().fg(Color::Black).bg(Color::LightGreen)
}

/// The one-column mark a timeline row gives an event of `status`, and its style: what
/// is to come (planned, expected) and what is unconfirmed (reported) stand out from what
/// occurred, which has none.
pub fn status_mark(status: Status) -> (&'static str, Style) {
    match status {
        Status::Occurred => (" ", Style::new()),
        Status::Planned => (
            "◇",
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ),
        Status::Expected => (
            "◌",
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ),
        Status::Reported => (
            "?",
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ),
    }
}

/// The star of a starred event in a timeline row.
pub fn star() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// The mark a timeline row gives an event of review status `review` before its title,
/// and its style: none for an event not reviewed.
pub fn review_mark(review: Review) -> (&'static str, Style) {
    match review {
        Review::Unreviewed => ("", Style::new()),
        Review::Verified => (
            "✓",
            Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        ),
        Review::Disputed => (
            "✗",
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        Review::NeedsSource => (
            "§",
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        ),
    }
}

/// The title of an event of `status` in a timeline row: what is to come in italics.
pub fn status_title(status: Status) -> Style {
    match status {
        Status::Planned | Status::Expected => Style::new().add_modifier(Modifier::ITALIC),
        Status::Occurred | Status::Reported => Style::new(),
    }
}

/// The border of the focused pane.
pub fn focused_border() -> Style {
    Style::new().fg(Color::Cyan)
}

/// The border of a pane without the focus.
pub fn unfocused_border() -> Style {
    Style::new().fg(Color::DarkGray)
}
