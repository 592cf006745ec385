//! The detail pane: the selected event in full, wrapped to the pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Focus};
use super::layout::inner;
use super::style::{dim, pane_block, with_matches};
use crate::text::{sanitize, text_width, wrap};

/// Draws the detail pane into `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Side;
    frame.render_widget(pane_block(" Event ".to_string(), focused), area);
    let inside = inner(area);
    let lines = lines(app, inside.width);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(app.detail_scroll)
        .take(inside.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(shown), inside);
}

/// How many lines the selected event takes at `width` columns.
pub fn line_count(app: &App, width: u16) -> usize {
    lines(app, width).len()
}

/// The selected event's lines, wrapped to `width` columns.
fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(index) = app.selected_event() else {
        return Vec::new();
    };
    let tl = &app.timeline;
    let event = &tl.events[index];
    let mut out = Vec::new();
    let para = |out: &mut Vec<Line<'static>>, label: &str, text: &str, style: Style| {
        labelled(out, label, text, width, &app.search, style);
    };
    para(
        &mut out,
        "",
        &event.title,
        Style::new().add_modifier(Modifier::BOLD),
    );
    out.push(Line::default());
    let when = match &event.date_text {
        Some(words) => format!("{} (“{words}”) · {}", event.date.human(), event.date),
        None => format!("{} · {}", event.date.human(), event.date),
    };
    para(&mut out, "When    ", &when, Style::new());
    para(&mut out, "Status  ", event.status.as_str(), Style::new());
    if !tl.kind(event.kind).is_empty() {
        para(&mut out, "Kind    ", tl.kind(event.kind), Style::new());
    }
    let actors: Vec<String> = event
        .actors
        .iter()
        .map(|&a| {
            let actor = tl.actor(a);
            format!("{} ({})", actor.name, actor.kind.as_str())
        })
        .collect();
    para(&mut out, "Actors  ", &actors.join(", "), Style::new());
    if let Some(summary) = &event.summary {
        out.push(Line::default());
        para(&mut out, "", summary, Style::new());
    }
    out.push(Line::default());
    out.push(Line::styled(
        "Sources",
        Style::new().add_modifier(Modifier::BOLD),
    ));
    for (i, source) in event.sources.iter().enumerate() {
        let doc = tl.document(source.doc);
        para(
            &mut out,
            "",
            &format!("{}. {}, ¶{}", i + 1, doc.title, source.paragraph),
            dim(),
        );
        para(
            &mut out,
            "   ",
            &format!("“{}”", source.quote),
            Style::new().add_modifier(Modifier::ITALIC),
        );
    }
    out
}

/// Columns a value keeps beside its label: a narrower pane puts the label on a line of
/// its own, so that the value is not wrapped into a sliver.
const MIN_VALUE_WIDTH: usize = 12;

/// Appends `text` wrapped to `width` columns after `label`, each continuation line
/// indented under the value (a hanging indent), search matches marked.
fn labelled(
    out: &mut Vec<Line<'static>>,
    label: &str,
    text: &str,
    width: u16,
    search: &str,
    style: Style,
) {
    let text = sanitize(text);
    let width = usize::from(width).max(1);
    let label_width = text_width(label);
    let indent = if label_width + MIN_VALUE_WIDTH <= width {
        label_width
    } else {
        if !label.trim().is_empty() {
            out.push(Line::styled(label.trim_end().to_string(), dim()));
        }
        0
    };
    for (i, range) in wrap(&text, width - indent).into_iter().enumerate() {
        let head = match i {
            0 if indent > 0 => Span::styled(label.to_string(), dim()),
            _ => Span::raw(" ".repeat(indent)),
        };
        let mut spans = vec![head];
        spans.extend(with_matches(text[range].to_string(), search, style));
        out.push(Line::from(spans));
    }
}
