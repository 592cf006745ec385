//! The load errors overlay: why the file on disk no longer loads, each problem at its
//! line and column, while the last good timeline stays on screen under it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::text::{sanitize, wrap};
use crate::tui::widgets::{centered, fit, pane_block};

/// The errors overlay's state: the problems, and the first one on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Errors {
    /// One line per problem, `file:line:col: message`, already safe for a terminal.
    pub lines: Vec<String>,
    /// The first problem on screen.
    pub scroll: usize,
}

impl Errors {
    /// The overlay over `lines`, scrolled to the top.
    pub fn new(lines: Vec<String>) -> Self {
        Errors { lines, scroll: 0 }
    }

    /// Scrolls by `by` problems, within the list.
    pub fn scroll(&mut self, by: isize) {
        self.scroll = self.scroll.saturating_add_signed(by);
        self.clamp();
    }

    /// Keeps the first problem shown within the list.
    pub fn clamp(&mut self) {
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(1));
    }
}

/// How many problems a page moves on a terminal `height` rows tall (a problem takes a
/// line at least).
pub fn page(height: u16) -> usize {
    height.saturating_sub(4).max(1) as usize
}

/// Draws the problems from the one `errors` is scrolled to, centred over `area`, each
/// wrapped under its place, a blank line between them.
pub fn render(errors: &Errors, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).max(area.width.min(20));
    let inside = width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (i, problem) in errors.lines.iter().enumerate().skip(errors.scroll) {
        if i > errors.scroll {
            lines.push(Line::default());
        }
        let problem = sanitize(problem);
        lines.extend(
            wrap(&problem, inside)
                .into_iter()
                .map(|range| Line::raw(problem[range].to_string())),
        );
    }
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2).max(3));
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let count = errors.lines.len();
    let title = format!(
        " The file no longer loads: {count} problem{} · the last good timeline stays · any key closes ",
        if count == 1 { "" } else { "s" }
    );
    let block = pane_block(fit(&title, inside), true);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_long_problem_wraps_rather_than_being_cut() {
        let problem = format!("events.yaml:16:11: {}", "a long message ".repeat(8) + "END");
        let errors = Errors::new(vec![problem, "events.yaml:20:1: second".into()]);
        let mut terminal = Terminal::new(TestBackend::new(50, 20)).unwrap();
        terminal
            .draw(|frame| render(&errors, frame, frame.area()))
            .unwrap();
        let screen: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(screen.contains("END") && screen.contains("events.yaml:20:1: second"));
    }

    #[test]
    fn scrolling_stays_within_the_problems() {
        let mut errors = Errors::new(vec!["a".into(), "b".into()]);
        errors.scroll(5);
        assert_eq!(errors.scroll, 1);
        errors.scroll(-5);
        assert_eq!(errors.scroll, 0);
    }
}
