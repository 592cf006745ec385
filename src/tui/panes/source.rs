//! The source pane: who published the document, when and where, above the whole
//! document, paragraph numbers in the margin, the cited paragraph marked and the quote
//! highlighted. Owns the document's layout: its lines wrapped to the pane, and how far
//! they are scrolled.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::{DocId, Document, Timeline};
use crate::text::{sanitize, wrap};
use crate::tui::layout::Focus;
use crate::tui::panes::detail::document_line;
use crate::tui::session::Session;
use crate::tui::theme::{dim, quote};
use crate::tui::widgets::{fit, inner, pane_block, scrollbar, with_matches};

/// Columns the margin takes: a marker, the paragraph number, a rule and a space.
const MARGIN: u16 = 7;

/// The width text wraps to in a source pane whose inside is `inner_width` wide.
pub fn text_width(inner_width: u16) -> u16 {
    inner_width.saturating_sub(MARGIN).max(1)
}

/// One line of a wrapped document: a byte range of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    /// The paragraph, 0-based.
    pub paragraph: usize,
    /// The bytes of the paragraph on this line.
    pub range: Range<usize>,
    /// Whether this is the paragraph's first line.
    pub first: bool,
}

/// The source pane: a document wrapped to the pane, scrolled to the cited paragraph.
#[derive(Debug, Clone)]
pub struct SourceView {
    /// Position of the event in [`Timeline::events`].
    pub event: usize,
    /// Which of the event's sources is shown.
    pub source: usize,
    /// First line shown.
    pub scroll: usize,
    /// The document's lines at [`SourceView::width`] columns.
    pub lines: Vec<DocLine>,
    /// The bytes of the cited paragraph the quote takes, found once on opening (the
    /// search can cost the whole paragraph, which may be megabytes).
    pub quote: Option<Range<usize>>,
    /// The header above the document, wrapped: (line of [`header`], bytes of it).
    pub header: Vec<(usize, Range<usize>)>,
    /// The width the lines were wrapped to.
    pub width: u16,
    /// The rows the document itself had (the pane less the header) when last fitted.
    pub height: usize,
    /// The focus to go back to when the pane closes.
    pub return_focus: Focus,
}

impl SourceView {
    /// The `source`-th source of `event` (clamped to its sources) wrapped to `width`
    /// columns, scrolled so that the cited paragraph and quote show in a pane `height`
    /// rows tall.
    pub fn open(
        timeline: &Timeline,
        event: usize,
        source: usize,
        (width, height): (u16, usize),
        return_focus: Focus,
    ) -> Self {
        let sources = timeline.events[event].sources.len();
        let source = source.min(sources.saturating_sub(1));
        let doc = doc_of(timeline, event, source);
        let mut view = SourceView {
            event,
            source,
            scroll: 0,
            lines: wrap_document(timeline, doc, width),
            quote: timeline.quote_range(&timeline.events[event].sources[source]),
            header: wrap_header(timeline.document(doc), width),
            width,
            height: 1,
            return_focus,
        };
        view.height = view.document_rows(height);
        view.scroll = view.scroll_to_cited(timeline);
        view
    }

    /// How many header rows show in a pane `height` rows tall: all of them and a blank
    /// line, unless that would take more than a third of the pane.
    pub fn header_rows(&self, height: usize) -> usize {
        (self.header.len() + 1).min(height / 3)
    }

    /// The rows left for the document in a pane `height` rows tall.
    fn document_rows(&self, height: usize) -> usize {
        height.saturating_sub(self.header_rows(height)).max(1)
    }

    /// The scroll that shows the cited paragraph from its top, with one line of context
    /// above it, unless that would hide the quote: then from the line above the quote.
    fn scroll_to_cited(&self, timeline: &Timeline) -> usize {
        let (paragraph, quote) = cited_lines(timeline, self);
        if quote + 1 < paragraph + self.height {
            paragraph.saturating_sub(1)
        } else {
            quote.saturating_sub(1)
        }
    }

    /// Whether the line where the quote starts is on screen.
    fn quote_on_screen(&self, timeline: &Timeline) -> bool {
        let (_, quote) = cited_lines(timeline, self);
        (self.scroll..self.scroll + self.height).contains(&quote)
    }

    /// The line where the quote starts, as a position in [`SourceView::lines`].
    pub fn quote_line(&self, timeline: &Timeline) -> usize {
        cited_lines(timeline, self).1
    }

    /// How many sources the shown event has.
    pub fn source_count(&self, timeline: &Timeline) -> usize {
        timeline.events[self.event].sources.len()
    }

    /// Fits the view to a pane `width` columns wide (wrapping the document again) and
    /// `height` rows tall. A quote on screen stays on screen, placed as on opening;
    /// otherwise the paragraph at the top stays at the top.
    pub fn rewrap(&mut self, timeline: &Timeline, width: u16, height: usize) {
        if self.width == width && self.height == self.document_rows(height) {
            return;
        }
        let quote_shown = self.quote_on_screen(timeline);
        if self.width != width {
            let old_paragraph = self.lines.get(self.scroll).map(|l| l.paragraph);
            let doc = doc_of(timeline, self.event, self.source);
            self.lines = wrap_document(timeline, doc, width);
            self.header = wrap_header(timeline.document(doc), width);
            self.width = width;
            self.scroll = old_paragraph
                .and_then(|p| self.lines.iter().position(|l| l.paragraph == p))
                .unwrap_or(0);
        }
        self.height = self.document_rows(height);
        if quote_shown && !self.quote_on_screen(timeline) {
            self.scroll = self.scroll_to_cited(timeline);
        }
    }

    /// Scrolls by `by` lines (clamped by [`SourceView::clamp`]).
    pub fn scroll(&mut self, by: isize) {
        self.scroll = self.scroll.saturating_add_signed(by);
    }

    /// Keeps the last page full in a pane `height` rows tall.
    pub fn clamp(&mut self, height: usize) {
        let rows = self.document_rows(height);
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(rows));
    }
}

fn doc_of(timeline: &Timeline, event: usize, source: usize) -> DocId {
    timeline.events[event].sources[source].doc
}

/// The lines of the header above a document: who published it and when, and its URL.
pub fn header(doc: &Document) -> Vec<String> {
    std::iter::once(document_line(doc))
        .chain(doc.url.clone())
        .collect()
}

fn wrap_header(doc: &Document, width: u16) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    for (i, line) in header(doc).iter().enumerate() {
        out.extend(wrap(line, usize::from(width)).into_iter().map(|r| (i, r)));
    }
    out
}

/// Wraps every paragraph of a document to `width`, one blank line between paragraphs.
fn wrap_document(timeline: &Timeline, doc: DocId, width: u16) -> Vec<DocLine> {
    let mut lines = Vec::new();
    for (paragraph, text) in timeline.document(doc).paragraphs.iter().enumerate() {
        if paragraph > 0 {
            lines.push(DocLine {
                paragraph,
                range: 0..0,
                first: false,
            });
        }
        for (i, range) in wrap(text, width as usize).into_iter().enumerate() {
            lines.push(DocLine {
                paragraph,
                range,
                first: i == 0,
            });
        }
    }
    lines
}

/// The first line of the cited paragraph and the line where the quote starts.
fn cited_lines(timeline: &Timeline, view: &SourceView) -> (usize, usize) {
    let source = &timeline.events[view.event].sources[view.source];
    let paragraph = source.paragraph - 1;
    let quote_start = view.quote.as_ref().map_or(0, |r| r.start);
    let mut lines = view
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.paragraph == paragraph);
    let first = lines.next().map_or(0, |(i, _)| i);
    let quote = view.lines[first..]
        .iter()
        .position(|l| l.paragraph == paragraph && l.range.end > quote_start)
        .map_or(first, |i| first + i);
    (first, quote)
}

/// Draws the source pane `view` into `area`, scrolled as it is (kept within the lines).
pub fn render(session: &Session, view: &SourceView, frame: &mut Frame, area: Rect, focused: bool) {
    let tl = &session.timeline;
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
    frame.render_widget(pane_block(title, focused), area);
    let whole = inner(area);
    let header_rows = view.header_rows(whole.height as usize);
    render_header(doc, view, frame, whole, header_rows);
    let inside = Rect {
        y: whole.y + header_rows as u16,
        height: whole.height - header_rows as u16,
        ..whole
    };
    let height = inside.height as usize;
    let scroll = view
        .scroll
        .min(view.lines.len().saturating_sub(height.max(1)));
    let cited = source.paragraph - 1;
    let quote_range = view.quote.clone();
    let shown: Vec<Line> = view
        .lines
        .iter()
        .skip(scroll)
        .take(height)
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
                &session.search,
            ));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inside);
    // The scrollbar runs beside the document, below the header.
    let beside = Rect {
        y: area.y + header_rows as u16,
        height: area.height - header_rows as u16,
        ..area
    };
    scrollbar(frame, beside, view.lines.len(), scroll);
}

/// Draws the first `rows` rows of the header (the last a blank), `…` ending the last
/// line shown when the rest does not fit.
fn render_header(doc: &Document, view: &SourceView, frame: &mut Frame, area: Rect, rows: usize) {
    let Some(text_rows) = rows.checked_sub(1) else {
        return;
    };
    let header = header(doc);
    let width = usize::from(area.width.saturating_sub(MARGIN));
    let cut = text_rows < view.header.len();
    let lines: Vec<Line> = view
        .header
        .iter()
        .take(text_rows)
        .enumerate()
        .map(|(i, (part, range))| {
            let text = header.get(*part).map_or("", |t| &t[range.clone()]);
            let shown = if cut && i + 1 == text_rows {
                fit(&format!("{text} …"), width)
            } else {
                sanitize(text).into_owned()
            };
            Line::from(vec![
                Span::styled("      ", dim()),
                Span::raw(" "),
                Span::styled(shown, dim()),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
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
            Some(crate::tui::theme::found())
        );
    }

    /// Drawing highlights the quote as found on opening and never searches for it again
    /// (the search can cost a whole paragraph of megabytes on every frame).
    #[test]
    fn the_quote_drawn_is_the_one_found_on_opening() {
        use crate::load::{SourceFile, load_sources};
        use crate::query::Filter;
        use crate::tui::drawn;
        let timeline = load_sources(&[SourceFile::bundled()]).expect("bundled loads");
        let session = Session::new(timeline, "events.yaml".into(), Filter::default());
        let mut view = SourceView::open(&session.timeline, 0, 0, (60, 30), Focus::Timeline);
        // Said to take the paragraph's first four bytes instead.
        view.quote = Some(0..4);
        view.scroll = view.quote_line(&session.timeline).saturating_sub(1);
        let buffer = drawn::cells(80, 34, |frame| {
            render(&session, &view, frame, frame.area(), true);
        });
        let styled: String = buffer
            .content()
            .iter()
            .filter(|cell| cell.style().bg == quote().bg)
            .map(|cell| cell.symbol())
            .collect();
        let cited = &session.timeline.events[0].sources[0];
        let paragraph =
            &session.timeline.documents[cited.doc.index()].paragraphs[cited.paragraph - 1];
        assert_eq!(styled, paragraph[..4], "only the kept range is highlighted");
    }
}
