//! The source pane: the whole document, paragraph numbers in the margin, the cited
//! paragraph marked and the quote highlighted.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Focus, SourceView};
use super::layout::inner;
use super::style::{dim, fit, quote, scrollbar, with_matches};
use crate::text::sanitize;

/// Columns the margin takes: a marker, the paragraph number, a rule and a space.
const MARGIN: u16 = 7;

/// The width text wraps to in a source pane whose inside is `inner_width` wide.
pub fn text_width(inner_width: u16) -> u16 {
    inner_width.saturating_sub(MARGIN).max(1)
}

/// Draws the source pane into `area`.
pub fn render(app: &App, view: &SourceView, frame: &mut Frame, area: Rect) {
    let tl = &app.timeline;
    let event = &tl.events[view.event];
    let source = &event.sources[view.source];
    let doc = tl.document(source.doc);
    let title = format!(
        " Source {}/{} · ¶{} · {} ",
        view.source + 1,
        event.sources.len(),
        source.paragraph,
        fit(&doc.title, area.width.saturating_sub(24) as usize)
    );
    let block = super::style::pane_block(title, app.focus == Focus::Side);
    frame.render_widget(block, area);
    let inside = inner(area);
    let cited = source.paragraph - 1;
    let quote_range = tl.quote_range(source);
    let shown: Vec<Line> = view
        .lines
        .iter()
        .skip(view.scroll)
        .take(inside.height as usize)
        .map(|line| {
            let is_cited = line.paragraph == cited && (line.first || !line.range.is_empty());
            let number = if line.first {
                format!("{:>3}", line.paragraph + 1)
            } else {
                "   ".to_string()
            };
            let (mark, margin_style) = if is_cited {
                ("▌", Style::new().fg(Color::Yellow))
            } else {
                (" ", dim())
            };
            let mut spans = vec![
                Span::styled(format!("{mark}{number} │"), margin_style),
                Span::raw(" "),
            ];
            let text = &doc.paragraphs[line.paragraph];
            let highlight = quote_range.clone().filter(|_| line.paragraph == cited);
            spans.extend(highlighted(
                text,
                line.range.clone(),
                highlight,
                &app.search,
            ));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inside);
    scrollbar(frame, area, view.lines.len(), view.scroll);
}

/// The part `line` of `text` as spans, with the part inside `quote` highlighted.
/// Search matches are highlighted too, outside the quote.
fn highlighted(
    text: &str,
    line: Range<usize>,
    cited: Option<Range<usize>>,
    search: &str,
) -> Vec<Span<'static>> {
    let plain =
        |r: Range<usize>| with_matches(sanitize(&text[r]).into_owned(), search, Style::new());
    let Some(q) = cited else {
        return plain(line);
    };
    let start = q.start.clamp(line.start, line.end);
    let end = q.end.clamp(line.start, line.end);
    let mut spans = Vec::new();
    if line.start < start {
        spans.extend(plain(line.start..start));
    }
    if start < end {
        spans.push(Span::styled(
            sanitize(&text[start..end]).into_owned(),
            quote(),
        ));
    }
    if end < line.end {
        spans.extend(plain(end..line.end));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_quote_part_of_a_line_is_highlighted() {
        let text = "one two three four";
        let spans = highlighted(text, 0..13, Some(4..9), "");
        let parts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["one ", "two t", "hree"]);
        assert_eq!(spans[1].style, quote());
        assert_eq!(highlighted(text, 14..18, Some(4..9), "").len(), 1);
        let spans = highlighted(text, 0..18, None, "FOUR");
        assert_eq!(
            spans.last().map(|s| s.style),
            Some(super::super::style::found())
        );
    }
}
