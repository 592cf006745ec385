//! The panes: each module draws one and owns its view state (scroll, wrapping, window).
//! [`PaneId`] names them; [`Panes`] holds their states with the focus and dispatches to
//! them. Every pane reads the [`Session`] and its own state, nothing else.

pub mod axis;
pub mod detail;
pub mod source;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::layout::{Focus, Layout};
use super::session::Session;
use super::theme::dim;
use super::widgets::inner;
use axis::AxisStrip;
use detail::DetailView;
use source::SourceView;
use timeline::TimelineView;

/// Every pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneId {
    /// The list of events.
    Timeline,
    /// The selected event in full.
    Detail,
    /// A source document of the selected event, at the cited paragraph.
    Source,
    /// The time axis strip above the others.
    Axis,
}

impl PaneId {
    /// The name the pane's border carries.
    pub fn title(self) -> &'static str {
        match self {
            PaneId::Timeline => "Timeline",
            PaneId::Detail => "Event",
            PaneId::Source => "Source",
            PaneId::Axis => "Time axis",
        }
    }
}

/// The state of every pane, and which one has the focus.
#[derive(Debug, Clone, Default)]
pub struct Panes {
    /// The focused pane.
    pub focus: Focus,
    /// The timeline pane's scroll.
    pub timeline: TimelineView,
    /// The detail pane's scroll.
    pub detail: DetailView,
    /// The source pane, when open: it takes the detail pane's place.
    pub source: Option<SourceView>,
    /// The time axis strip.
    pub axis: AxisStrip,
    /// The filter count and selection of the session the panes last followed.
    seen: (u64, usize),
}

impl Panes {
    /// The pane in the side slot: the source when open, else the detail.
    pub fn side(&self) -> PaneId {
        match self.source {
            Some(_) => PaneId::Source,
            None => PaneId::Detail,
        }
    }

    /// Where each pane is on a screen of `area`.
    pub fn layout(&self, area: Rect) -> Layout {
        self.layout_for(area, self.focus)
    }

    /// Where each pane would be on a screen of `area` with `focus`.
    pub fn layout_for(&self, area: Rect, focus: Focus) -> Layout {
        if self.axis.shown {
            Layout::with_axis(area, focus)
        } else {
            Layout::new(area, focus)
        }
    }

    /// The height of the inside of the pane in slot `slot` on `area`, in rows (1 when
    /// hidden).
    pub fn page(&self, area: Rect, slot: Focus) -> isize {
        let layout = self.layout(area);
        let pane = match slot {
            Focus::Timeline => layout.timeline,
            Focus::Side => layout.side,
        };
        pane.map_or(1, |a| inner(a).height.max(1) as isize)
    }

    /// Moves the focused pane by `by` lines: the selection in the timeline, the scroll
    /// elsewhere.
    pub fn scroll(&mut self, session: &mut Session, by: isize) {
        match (self.focus, &mut self.source) {
            (Focus::Timeline, _) => session.select(session.selected.saturating_add_signed(by)),
            (Focus::Side, Some(view)) => view.scroll(by),
            (Focus::Side, None) => self.detail.scroll(by),
        }
    }

    /// Focuses the pane under `at` and scrolls it by three lines, down when `down`.
    pub fn wheel(&mut self, session: &mut Session, area: Rect, at: Position, down: bool) {
        if let Some(slot) = self.layout(area).pane_at(at) {
            self.focus = slot;
            self.scroll(session, if down { 3 } else { -3 });
        }
    }

    /// Focuses the pane under `at`; in the timeline, selects the event clicked.
    pub fn click(&mut self, session: &mut Session, area: Rect, at: Position) {
        let layout = self.layout(area);
        match layout.pane_at(at) {
            Some(Focus::Timeline) => {
                self.focus = Focus::Timeline;
                let clicked = layout
                    .timeline
                    .and_then(|pane| self.timeline.click(session, pane, at));
                if let Some(k) = clicked {
                    session.select(k);
                }
            }
            Some(Focus::Side) => self.focus = Focus::Side,
            None => {}
        }
    }

    /// Opens the selected event's `source`-th source in the side pane and focuses it.
    pub fn open_source(&mut self, session: &Session, area: Rect, source: usize) {
        let Some(event) = session.selected_event() else {
            return;
        };
        // An event imported from a sheet may have no source to show.
        if session.timeline.events[event].sources.is_empty() {
            self.close_source();
            return;
        }
        let return_focus = match &self.source {
            Some(view) => view.return_focus,
            None => self.focus,
        };
        self.focus = Focus::Side;
        self.source = Some(SourceView::open(
            &session.timeline,
            event,
            source,
            self.source_fit(area),
            return_focus,
        ));
    }

    /// Shows the open source's event's next (`by` 1) or previous (-1) source, if any.
    pub fn step_source(&mut self, session: &Session, area: Rect, by: isize) {
        let Some(view) = &self.source else { return };
        let next = view.source as isize + by;
        if (0..view.source_count(&session.timeline) as isize).contains(&next) {
            self.open_source(session, area, next as usize);
        }
    }

    /// Closes the source pane, giving the focus back to where it was when it opened.
    pub fn close_source(&mut self) {
        if let Some(view) = self.source.take() {
            self.focus = view.return_focus;
        }
    }

    /// The width the source pane wraps text to on `area`, and its height.
    fn source_fit(&self, area: Rect) -> (u16, usize) {
        let side = self.layout_for(area, Focus::Side).side.map(inner);
        (
            side.map_or(1, |a| source::text_width(a.width)),
            side.map_or(1, |a| a.height.max(1) as usize),
        )
    }

    /// Brings every pane up to date with `session` on a screen of `area`: a new filter
    /// closes the source and resets the detail pane; a new selection resets the detail
    /// pane and moves an open source to the selected event's first source; then every
    /// scroll is clamped and the selected event kept on screen.
    pub fn follow(&mut self, session: &Session, area: Rect) {
        let now = (session.filters_applied(), session.selected);
        if now.0 != self.seen.0 {
            self.source = None;
            self.detail = DetailView::default();
            self.axis.filter_changed();
        } else if now.1 != self.seen.1 {
            self.detail = DetailView::default();
        }
        self.seen = now;
        // The source pane always shows a source of the selected event: it follows a new
        // selection to its first source, keeping the focus and where closing returns to.
        let selected = session.selected_event();
        if self
            .source
            .as_ref()
            .is_some_and(|view| Some(view.event) != selected)
        {
            let focus = self.focus;
            match selected {
                Some(_) => self.open_source(session, area, 0),
                None => self.source = None,
            }
            self.focus = focus;
        }
        let (width, height) = self.source_fit(area);
        if let Some(view) = &mut self.source {
            view.rewrap(&session.timeline, width, height);
        }
        self.clamp(session, area);
    }

    /// Clamps every scroll position and keeps the selected event on screen.
    fn clamp(&mut self, session: &Session, area: Rect) {
        if self.source.is_none() && self.focus == Focus::Side && self.layout(area).side.is_none() {
            self.focus = Focus::Timeline;
        }
        let height = self.page(area, Focus::Timeline) as usize;
        self.timeline.clamp(session, height);
        let side_height = self.page(area, Focus::Side) as usize;
        match &mut self.source {
            Some(view) => view.clamp(side_height),
            None => {
                let width = self.layout(area).side.map_or(1, |a| inner(a).width);
                self.detail.clamp(session, width, side_height);
            }
        }
        let columns = self.layout(area).axis.map(|a| inner(a).width);
        self.axis.refresh(session, columns);
    }

    /// Draws every pane of `layout`, each from its own state.
    pub fn render(&self, session: &Session, frame: &mut Frame, layout: &Layout) {
        for (pane, area) in [
            (PaneId::Axis, layout.axis),
            (PaneId::Timeline, layout.timeline),
            (self.side(), layout.side),
        ] {
            if let Some(area) = area {
                self.render_pane(pane, session, frame, area);
            }
        }
        // One pane at a time: its bottom border says where the other is.
        let other = match (layout.timeline, layout.side) {
            (Some(area), None) => Some((area, self.side())),
            (None, Some(area)) => Some((area, PaneId::Timeline)),
            _ => None,
        };
        if let Some((area, hidden)) = other {
            let hint = format!(" Tab: {} ", hidden.title());
            let width = hint.chars().count() as u16;
            // On the left, clear of the Event pane's "↓ more lines" on the right.
            if area.width >= width + 2 + 18 && area.height >= 2 {
                frame
                    .buffer_mut()
                    .set_string(area.x + 1, area.bottom() - 1, hint, dim());
            }
        }
    }

    fn render_pane(&self, pane: PaneId, session: &Session, frame: &mut Frame, area: Rect) {
        let side_focused = self.focus == Focus::Side;
        match pane {
            PaneId::Axis => axis::render(session, &self.axis, frame, area),
            PaneId::Timeline => {
                timeline::render(session, &self.timeline, frame, area, !side_focused)
            }
            PaneId::Detail => detail::render(session, &self.detail, frame, area, side_focused),
            PaneId::Source => {
                if let Some(view) = &self.source {
                    source::render(session, view, frame, area, side_focused);
                }
            }
        }
    }
}
