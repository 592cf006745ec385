//! The colours and text styles the panes share.

use ratatui::style::{Color, Modifier, Style};

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

/// The border of the focused pane.
pub fn focused_border() -> Style {
    Style::new().fg(Color::Cyan)
}

/// The border of a pane without the focus.
pub fn unfocused_border() -> Style {
    Style::new().fg(Color::DarkGray)
}
