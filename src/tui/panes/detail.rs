//! The detail pane: the selected event in full, wrapped to the pane. Owns the pane's
//! scroll position and the wrapped lines, kept per selection and width so that a key
//! costs only the lines on screen, however long the event: search matches are marked
//! on those lines as they are drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::{Annotation, Document, Review};
use crate::query::SourceCount;
use crate::text::{sanitize, text_width, wrap};
use crate::tui::session::Session;
use crate::tui::theme::{dim, review_mark, star};
use crate::tui::widgets::{inner, pane_block, scrollbar, with_matches};

/// The detail pane's view: how far it is scrolled, and its lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DetailView {
    /// The first line on screen.
    pub scroll: usize,
    /// The selected event's lines, and what they were wrapped for.
    wrapped: Option<Wrapped>,
}

/// An event's lines as wrapped for one event and width.
#[derive(Debug, Clone, PartialEq)]
struct Wrapped {
    event: Option<usize>,
    width: u16,
    /// [`Session::annotations_changed`] when wrapped.
    annotations: u64,
    lines: Vec<DetailLine>,
}

impl Wrapped {
    fn is_for(&self, session: &Session, width: u16) -> bool {
        self.event == session.selected_event()
            && self.width == width
            && self.annotations == session.annotations_changed()
    }
}

/// One wrapped line: a label or indent, then text (already safe) in a style.
#[derive(Debug, Clone, Default, PartialEq)]
struct DetailLine {
    head: Span<'static>,
    text: String,
    style: Style,
    /// Whether search matches are marked in [`DetailLine::text`].
    searched: bool,
}

impl DetailLine {
    /// A heading, never marked by a search.
    fn heading(text: &str, style: Style) -> Self {
        DetailLine {
            text: text.to_string(),
            style,
            ..DetailLine::default()
        }
    }

    /// The line drawn, with the matches of `search` marked.
    fn to_line(&self, search: &str) -> Line<'static> {
        let search = if self.searched { search } else { "" };
        let mut spans = vec![self.head.clone()];
        spans.extend(with_matches(self.text.clone(), search, self.style));
        Line::from(spans)
    }
}

impl DetailView {
    /// Scrolls by `by` lines (clamped by [`DetailView::clamp`]).
    pub fn scroll(&mut self, by: isize) {
        self.scroll = self.scroll.saturating_add_signed(by);
    }

    /// Wraps the selected event to `width` columns unless its lines are already wrapped
    /// so, then keeps the last page full in a pane `height` rows tall.
    pub fn clamp(&mut self, session: &Session, width: u16, height: usize) {
        if !self
            .wrapped
            .as_ref()
            .is_some_and(|w| w.is_for(session, width))
        {
            self.wrapped = Some(Wrapped {
                event: session.selected_event(),
                width,
                annotations: session.annotations_changed(),
                lines: lines(session, width),
            });
        }
        let most = self.wrapped_lines().saturating_sub(height);
        self.scroll = self.scroll.min(most);
    }

    /// How many lines the selected event took when last wrapped.
    pub fn wrapped_lines(&self) -> usize {
        self.wrapped.as_ref().map_or(0, |w| w.lines.len())
    }

    /// Where the kept lines are in memory: the same after a key means the key did not
    /// wrap the event again.
    #[cfg(test)]
    pub(crate) fn kept_lines(&self) -> Option<*const ()> {
        self.wrapped.as_ref().map(|w| w.lines.as_ptr().cast())
    }
}

/// Draws the detail pane into `area`, scrolled as `view` is (kept within the lines).
pub fn render(session: &Session, view: &DetailView, frame: &mut Frame, area: Rect, focused: bool) {
    let inside = inner(area);
    // A frame drawn before the view caught up with a resize wraps for itself.
    let fresh;
    let lines = match &view.wrapped {
        Some(w) if w.is_for(session, inside.width) => &w.lines,
        _ => {
            fresh = lines(session, inside.width);
            &fresh
        }
    };
    let height = inside.height as usize;
    let scroll = view.scroll.min(lines.len().saturating_sub(height.max(1)));
    // What is scrolled off below is said on the bottom border, as the scrollbar shows.
    let below = lines.len().saturating_sub(scroll + height);
    let mut block = pane_block(" Event ".to_string(), focused);
    if below > 0 && height > 0 {
        let more = format!(" ↓ {below} more line{} ", if below == 1 { "" } else { "s" });
        block = block.title_bottom(Line::from(more).right_aligned());
    }
    frame.render_widget(block, area);
    let shown: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|line| line.to_line(&session.search))
        .collect();
    frame.render_widget(Paragraph::new(shown), inside);
    scrollbar(frame, area, lines.len(), scroll);
}

/// How many lines the selected event takes at `width` columns, wrapped afresh (what
/// the pane's kept lines must agree with).
pub fn line_count(session: &Session, width: u16) -> usize {
    lines(session, width).len()
}

/// The selected event's lines, wrapped to `width` columns.
fn lines(session: &Session, width: u16) -> Vec<DetailLine> {
    let Some(index) = session.selected_event() else {
        return Vec::new();
    };
    let tl = &session.timeline;
    let event = &tl.events[index];
    let mut out = Vec::new();
    let para = |out: &mut Vec<DetailLine>, label: &str, text: &str, style: Style| {
        labelled(out, label, text, width, style);
    };
    para(
        &mut out,
        "",
        &event.title,
        Style::new().add_modifier(Modifier::BOLD),
    );
    out.push(DetailLine::default());
    para(&mut out, "Id      ", &event.id, dim());
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
    let cited = SourceCount::of(tl, event).to_string();
    para(&mut out, "Cited   ", &cited, Style::new());
    if let Some(annotation) = tl.annotations.get(&event.id) {
        annotation_lines(&mut out, annotation, width);
    }
    if let Some(summary) = &event.summary {
        out.push(DetailLine::default());
        para(&mut out, "", summary, Style::new());
    }
    out.push(DetailLine::default());
    out.push(DetailLine::heading(
        "Sources",
        Style::new().add_modifier(Modifier::BOLD),
    ));
    if event.imported_without_source {
        para(
            &mut out,
            "",
            NEEDS_SOURCE,
            Style::new().add_modifier(Modifier::ITALIC),
        );
    }
    for (i, source) in event.sources.iter().enumerate() {
        let doc = tl.document(source.doc);
        para(
            &mut out,
            "",
            &format!("{}. {}, ¶{}", i + 1, doc.title, source.paragraph),
            dim(),
        );
        para(&mut out, "   ", &document_line(doc), dim());
        if let Some(url) = &doc.url {
            para(&mut out, "   ", url, dim());
        }
        para(
            &mut out,
            "   ",
            &format!("“{}”", source.quote),
            Style::new().add_modifier(Modifier::ITALIC),
        );
    }
    out
}

/// The analyst's word on the event: star, review status and tags beside their labels,
/// then each note under its author and time, every line of it whole.
fn annotation_lines(out: &mut Vec<DetailLine>, annotation: &Annotation, width: u16) {
    if annotation.star {
        labelled(out, "Starred ", "★", width, star());
    }
    if annotation.review != Review::Unreviewed {
        let (mark, style) = review_mark(annotation.review);
        let text = format!("{mark} {}", annotation.review);
        labelled(out, "Review  ", &text, width, style);
    }
    if !annotation.tags.is_empty() {
        let tags: Vec<&str> = annotation.tags.iter().map(String::as_str).collect();
        labelled(out, "Tags    ", &tags.join(", "), width, Style::new());
    }
    if annotation.notes.is_empty() {
        return;
    }
    out.push(DetailLine::default());
    out.push(DetailLine::heading(
        "Notes",
        Style::new().add_modifier(Modifier::BOLD),
    ));
    for note in &annotation.notes {
        let by = format!(
            "{} · {}",
            note.author,
            note.date.format("%-d %b %Y %H:%M UTC")
        );
        labelled(out, "", &by, width, dim());
        for line in note.text.lines() {
            labelled(out, "   ", line, width, Style::new());
        }
    }
}
/// What the Sources heading says of an event imported from a sheet without a source.
pub const NEEDS_SOURCE: &str = "needs-source (imported from a sheet, no verbatim source)";

/// Who published a document and when: `Reuters · published 2022-01-02`.
pub fn document_line(doc: &Document) -> String {
    match &doc.publisher {
        Some(publisher) => format!("{publisher} · published {}", doc.published),
        None => format!("published {}", doc.published),
    }
}

/// Columns a value keeps beside its label: a narrower pane puts the label on a line of
/// its own, so that the value is not wrapped into a sliver.
const MIN_VALUE_WIDTH: usize = 12;

/// Appends `text` wrapped to `width` columns after `label`, each continuation line
/// indented under the value (a hanging indent).
fn labelled(out: &mut Vec<DetailLine>, label: &str, text: &str, width: u16, style: Style) {
    let text = sanitize(text);
    let width = usize::from(width).max(1);
    let label_width = text_width(label);
    let indent = if label_width + MIN_VALUE_WIDTH <= width {
        label_width
    } else {
        if !label.trim().is_empty() {
            out.push(DetailLine::heading(label.trim_end(), dim()));
        }
        0
    };
    for (i, range) in wrap(&text, width - indent).into_iter().enumerate() {
        let head = match i {
            0 if indent > 0 => Span::styled(label.to_string(), dim()),
            _ => Span::raw(" ".repeat(indent)),
        };
        out.push(DetailLine {
            head,
            text: text[range].to_string(),
            style,
            searched: true,
        });
    }
}
