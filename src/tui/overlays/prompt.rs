//! One-line prompts at the bottom of the screen: a date range, or a search.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use chrono::NaiveDate;

use crate::date::EdtfDate;
use crate::query::Filter;
use crate::tui::widgets::fit;

/// What a prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// An EDTF date or interval to filter by.
    DateRange,
    /// Text to find in the shown events.
    Search,
    /// An EDTF date to move the selection to.
    JumpToDate,
}

/// A prompt's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What is asked.
    pub ask: Ask,
    /// The text typed so far.
    pub text: String,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl Prompt {
    /// An empty prompt for `ask`.
    pub fn new(ask: Ask, text: String) -> Self {
        Prompt {
            ask,
            text,
            error: None,
        }
    }

    /// The date range prompt, holding the range `filter` has, if any.
    pub fn date_range(filter: &Filter) -> Self {
        let current = match (filter.from, filter.to) {
            (None, None) => String::new(),
            (from, to) => {
                let side = |d: Option<NaiveDate>| d.map_or("..".to_string(), |d| d.to_string());
                format!("{}/{}", side(from), side(to))
            }
        };
        Prompt::new(Ask::DateRange, current)
    }

    /// The first and last day of the EDTF date or interval typed (both `None` when
    /// nothing is typed: no date filter), or why it does not parse.
    pub fn date_range_typed(&self) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
        let text = self.text.trim();
        if text.is_empty() {
            return Ok((None, None));
        }
        EdtfDate::parse(text).map(|d| (d.earliest(), d.latest()))
    }
}

/// Draws the prompt over the status bar `area`.
pub fn render(prompt: &Prompt, frame: &mut Frame, area: Rect) {
    let label = match prompt.ask {
        Ask::DateRange => "date (EDTF, e.g. 2021-12-27/2021-12-31 or 2022-01; empty clears): ",
        Ask::Search => "/",
        Ask::JumpToDate => "go to date (EDTF, e.g. 2021-12-27 or 2022-01): ",
    };
    let mut spans = vec![
        Span::raw(label),
        Span::raw(prompt.text.clone()),
        Span::raw("▏"),
    ];
    if let Some(error) = &prompt.error {
        spans.push(Span::styled(
            format!("  {error}"),
            Style::new().fg(Color::Red),
        ));
    }
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let line = if text.chars().count() > area.width as usize {
        Line::raw(fit(&text, area.width as usize))
    } else {
        Line::from(spans)
    };
    frame.render_widget(line, area);
}
