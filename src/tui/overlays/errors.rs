//! The load errors overlay: why the file on disk no longer loads, each problem at its
//! line and column, while the last good timeline stays on screen under it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::widgets::{centered, fit, pane_block};

/// The errors overlay's state: the problems as lines, and how far they are scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Errors {
    /// One line per problem, `file:line:col: message`, already safe for a terminal.
    pub lines: Vec<String>,
    /// The first line on screen.
    pub scroll: usize,
}

impl Errors {
    /// The overlay over `lines`, scrolled to the top.
    pub fn new(lines: Vec<String>) -> Self {
        Errors { lines, scroll: 0 }
    }

    /// Scrolls by `by` lines on a terminal `height` rows tall, within the list.
    pub fn scroll(&mut self, by: isize, height: u16) {
        self.scroll = self.scroll.saturating_add_signed(by);
        self.clamp(height);
    }

    /// Keeps the last page full on a terminal `height` rows tall.
    pub fn clamp(&mut self, height: u16) {
        let most = self.lines.len().saturating_sub(visible_lines(height));
        self.scroll = self.scroll.min(most);
    }
}

/// How many error lines fit on a terminal `height` rows tall.
pub fn visible_lines(height: u16) -> usize {
    height.saturating_sub(4) as usize
}

/// Draws the errors centred over `area`, from the line `errors` is scrolled to. Each
/// problem is cut to the width rather than wrapped, so one line is one problem and its
/// place always shows first.
pub fn render(errors: &Errors, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).max(area.width.min(20));
    let height = (errors.lines.len() as u16 + 2).min(area.height.saturating_sub(2).max(3));
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let inside = popup.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = errors
        .lines
        .iter()
        .skip(errors.scroll)
        .map(|l| Line::raw(fit(l, inside)))
        .collect();
    let count = errors.lines.len();
    let title = format!(
        " The file no longer loads: {count} problem{} · the last good timeline stays · any key closes ",
        if count == 1 { "" } else { "s" }
    );
    let block = pane_block(fit(&title, inside), true);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
