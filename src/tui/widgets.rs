//! Drawing pieces the panes and overlays share: pane frames, scrollbars, centred boxes,
//! highlighted matches and text cut to a width.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use super::theme::{focused_border, found, unfocused_border};
use crate::text::{display_width, sanitize};

/// The inside of a pane's border.
pub fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

/// The frame of a pane, highlighted when it has the focus.
pub fn pane_block(title: String, focused: bool) -> Block<'static> {
    let (border, kind) = if focused {
        (focused_border(), BorderType::Thick)
    } else {
        (unfocused_border(), BorderType::Plain)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(Span::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        ))
}

/// A `width` × `height` box in the middle of `area` (both no larger than `area`).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A scrollbar on the right border of a pane showing `total` lines from `offset`, drawn
/// only when they do not all fit.
pub fn scrollbar(frame: &mut Frame, area: Rect, total: usize, offset: usize) {
    let height = inner(area).height as usize;
    if total <= height {
        return;
    }
    let mut state = ScrollbarState::new(total - height)
        .position(offset)
        .viewport_content_length(height);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
}

/// `text` (already safe) as spans, with each case-insensitive occurrence of `needle`
/// highlighted.
pub fn with_matches(text: String, needle: &str, base: Style) -> Vec<Span<'static>> {
    let lower = text.to_lowercase();
    let needle = needle.to_lowercase();
    // Lowercasing can change byte lengths outside ASCII; then offsets would not line up.
    if needle.is_empty() || lower.len() != text.len() {
        return vec![Span::styled(text, base)];
    }
    let mut spans = Vec::new();
    let mut at = 0;
    let push = |spans: &mut Vec<Span<'static>>, piece: &str, style: Style| {
        if !piece.is_empty() {
            spans.push(Span::styled(piece.to_string(), style));
        }
    };
    for (start, _) in lower.match_indices(&needle) {
        let end = start + needle.len();
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        push(&mut spans, &text[at..start], base);
        push(&mut spans, &text[start..end], found());
        at = end;
    }
    push(&mut spans, &text[at..], base);
    spans
}

/// Untrusted text made safe and cut to `width` columns, with `…` where it was cut. Reads
/// only as much of `text` as fits, so a 20 MB title costs a row's worth.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    // Where a cut goes: before the first character that leaves no room for the `…`.
    let mut cut = None;
    let mut one = [0; 4];
    for c in text.chars().flat_map(|c| {
        sanitize(c.encode_utf8(&mut one))
            .chars()
            .collect::<Vec<_>>()
    }) {
        let w = display_width(c);
        if cut.is_none() && used + w + 1 > width {
            cut = Some(out.len());
        }
        used += w;
        if used > width {
            out.truncate(cut.unwrap_or(out.len()));
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        out.push(c);
    }
    out
}

/// `text` cut or padded to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let fill = width.saturating_sub(fitted.width());
    format!("{fitted}{}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_highlighted_in_any_case() {
        let spans = with_matches("JSTARS flew; jstars again".into(), "jStArS", Style::new());
        let found: Vec<&str> = spans
            .iter()
            .filter(|s| s.style == found())
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(found, ["JSTARS", "jstars"]);
        assert_eq!(with_matches("abc".into(), "", Style::new()).len(), 1);
    }

    #[test]
    fn fit_cuts_by_columns_and_marks_the_cut() {
        assert_eq!(fit("Putin", 10), "Putin");
        assert_eq!(fit("Vladimir Putin", 6), "Vladi…");
        assert_eq!(fit("北京北京", 5), "北京…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(pad("ab", 4), "ab  ");
    }
}
