//! The status bar: file, position, active filters and a key hint.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::session::Session;
use super::widgets::fit;
use unicode_width::UnicodeWidthStr;

/// Draws the status bar into `area`.
pub fn render(session: &Session, frame: &mut Frame, area: Rect) {
    let total = session.timeline.events.len();
    let shown = session.rows.events.len();
    let position = if shown == 0 {
        format!("0 of {total} events")
    } else if session.filter.is_empty() {
        format!("event {} of {total}", session.selected + 1)
    } else {
        format!("event {} of {shown} ({total} in all)", session.selected + 1)
    };
    let mut left = format!(" {} · {position}", session.title);
    if !session.filter.is_empty() {
        left.push_str(&format!(
            " · {}",
            session.filter.describe(&session.timeline)
        ));
    }
    if !session.search.is_empty() {
        let at = session.matches.iter().position(|&k| k == session.selected);
        let at = at.map_or("–".to_string(), |i| (i + 1).to_string());
        left.push_str(&format!(
            " · /{}: {at} of {} (n/N)",
            session.search,
            session.matches.len()
        ));
    }
    let hint = "? help ";
    let width = area.width as usize;
    let left = fit(&left, width.saturating_sub(hint.len() + 1));
    let fill = width.saturating_sub(left.width() + hint.len());
    let text = if left.width() + hint.len() <= width {
        format!("{left}{}{hint}", " ".repeat(fill))
    } else {
        fit(&left, width)
    };
    let style = Style::new().fg(Color::Black).bg(Color::Gray);
    frame.render_widget(Line::styled(text, style), area);
}
