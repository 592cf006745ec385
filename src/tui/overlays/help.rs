//! The help overlay, generated from the key map, and how far it is scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::model::{Review, Status};
use crate::tui::keys::{BINDINGS, INPUT_BINDINGS, label};
use crate::tui::panes::timeline::HIDDEN_MATCH;
use crate::tui::theme::{dim, found, review_mark, star, status_mark};
use crate::tui::widgets::{centered, fit, pad, pane_block};

/// The help overlay's state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Help {
    /// The first line on screen.
    pub scroll: usize,
}

impl Help {
    /// Scrolls by `by` lines on a terminal `height` rows tall, within the help.
    pub fn scroll(&mut self, by: isize, height: u16) {
        self.scroll = self.scroll.saturating_add_signed(by);
        self.clamp(height);
    }

    /// Keeps the last page full on a terminal `height` rows tall.
    pub fn clamp(&mut self, height: u16) {
        let most = line_count().saturating_sub(visible_lines(height));
        self.scroll = self.scroll.min(most);
    }
}

/// The help text, one line per binding under group headings.
pub fn lines() -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut group = "";
    for binding in BINDINGS.iter().chain(INPUT_BINDINGS) {
        if binding.group != group {
            if !group.is_empty() {
                out.push(Line::default());
            }
            group = binding.group;
            out.push(Line::styled(
                group,
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
        let keys: Vec<String> = binding.keys.iter().map(label).collect();
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(
                pad(&keys.join(" "), 20),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::raw(binding.help),
        ]));
    }
    out.push(Line::default());
    out.push(Line::styled(
        "Marks in the list",
        Style::new().add_modifier(Modifier::BOLD),
    ));
    for status in [Status::Planned, Status::Expected, Status::Reported] {
        let (mark, style) = status_mark(status);
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(pad(mark, 20), style),
            Span::raw(status.as_str()),
        ]));
    }
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(pad(HIDDEN_MATCH, 20), found()),
        Span::raw("the search finds it outside the row"),
    ]));
    let mark = |text: &'static str, style: Style, what: &'static str| {
        Line::from(vec![
            Span::raw("  "),
            Span::styled(pad(text, 20), style),
            Span::raw(what),
        ])
    };
    out.push(mark("★", star(), "starred"));
    for review in [Review::Verified, Review::Disputed, Review::NeedsSource] {
        let (text, style) = review_mark(review);
        out.push(mark(text, style, review.as_str()));
    }
    out.push(mark("✎", dim(), "has notes"));
    out
}

/// How many lines the help has.
pub fn line_count() -> usize {
    lines().len()
}

/// How many help lines fit on a terminal `height` rows tall.
pub fn visible_lines(height: u16) -> usize {
    (height.min(line_count() as u16 + 2)).saturating_sub(2) as usize
}

/// Draws the help overlay centred over `area`, from the line `help` is scrolled to.
pub fn render(help: &Help, frame: &mut Frame, area: Rect) {
    let scroll = help.scroll;
    let lines: Vec<Line> = lines().into_iter().skip(scroll).collect();
    let width = area.width.min(64);
    let height = area.height.min(line_count() as u16 + 2);
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let more = scroll + visible_lines(area.height) < line_count();
    let title = if more {
        " Keys · j/k scroll · any key closes "
    } else {
        " Keys · any key closes "
    };
    let title = fit(title, width.saturating_sub(2) as usize);
    let block = pane_block(title, true);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
