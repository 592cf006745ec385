//! The TUI's state and the one place it changes: [`App::update`].

use std::ops::Range;

use ratatui::layout::{Position, Rect, Size};

use super::axis_strip::AxisStrip;
use super::layout::{Layout, inner};
use super::picker::{Choice, Item, Picker};
use super::prompt::{Ask, Prompt};
use super::rows::{Row, Rows};
use super::{detail_pane, help, source_pane};
use crate::date::EdtfDate;
use crate::model::{DocId, Timeline};
use crate::query::{Filter, Index};
use crate::text::wrap;

/// Everything a person can ask of the TUI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Next event, or scroll the focused pane down.
    Down,
    /// Previous event, or scroll the focused pane up.
    Up,
    /// First event, or top of the focused pane.
    Top,
    /// Last event, or bottom of the focused pane.
    Bottom,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Focus the other pane.
    FocusNext,
    /// Show the selected event's source paragraph.
    OpenSource,
    /// Show the source, or go back if it is shown.
    ToggleSource,
    /// Show the event's next source.
    NextSource,
    /// Show the event's previous source.
    PrevSource,
    /// Close the source or the help, whichever is on top, or clear the search.
    Back,
    /// Open the actor picker.
    PickActors,
    /// Open the kind picker.
    PickKinds,
    /// Filter by the actors of the selected event.
    FilterBySelectedActors,
    /// Switch between events with any and with all of the chosen actors.
    ToggleActorMode,
    /// Ask for a date range to filter by.
    AskDateRange,
    /// Start a search.
    Search,
    /// Select the next event that matches the search.
    NextMatch,
    /// Select the previous event that matches the search.
    PrevMatch,
    /// Remove every filter and the search.
    ClearFilters,
    /// Show or hide the time axis strip.
    ToggleAxis,
    /// Zoom the time axis in around the selected event.
    ZoomIn,
    /// Zoom the time axis out.
    ZoomOut,
    /// Move the time axis window back in time.
    PanEarlier,
    /// Move the time axis window forward in time.
    PanLater,
    /// Ask for a date and select the first event on or after it.
    AskJumpDate,
    /// Select the first event of the next date group.
    NextDateGroup,
    /// Select the first event of this date group, or of the previous one.
    PrevDateGroup,
    /// A character typed into a picker or prompt.
    Type(char),
    /// Backspace in a picker or prompt.
    Erase,
    /// Space in a picker: tick or untick.
    Tick,
    /// Enter in a picker or prompt.
    Confirm,
    /// Esc in a picker or prompt.
    Cancel,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Leave tline.
    Quit,
    /// The terminal now has this size.
    Resize(u16, u16),
    /// The mouse wheel turned over a point: down when `true`.
    Wheel(u16, u16, bool),
    /// A click at a point.
    Click(u16, u16),
}

/// What keys go to: the panes, or a picker or prompt over them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Browsing.
    Normal,
    /// Choosing actors or kinds.
    Picking(Picker),
    /// Typing a date range or a search.
    Prompting(Prompt),
}

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The list of events.
    Timeline,
    /// The detail pane, or the source pane when it is open.
    Side,
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
    /// The width the lines were wrapped to.
    pub width: u16,
    /// The focus to go back to.
    return_focus: Focus,
}

/// The whole state of the TUI.
pub struct App {
    /// The timeline shown.
    pub timeline: Timeline,
    /// The file names, for the status bar.
    pub title: String,
    index: Index,
    /// The active filter.
    pub filter: Filter,
    /// The filtered events as rows.
    pub rows: Rows,
    /// The selected event, as a position in [`Rows::events`].
    pub selected: usize,
    /// The first timeline row on screen.
    pub offset: usize,
    /// The first line of the detail pane on screen.
    pub detail_scroll: usize,
    /// The source pane, when open.
    pub source: Option<SourceView>,
    /// The focused pane.
    pub focus: Focus,
    /// Whether the help overlay is shown.
    pub help: bool,
    /// The first line of the help overlay on screen.
    pub help_scroll: usize,
    /// The terminal size.
    pub size: Size,
    /// Set when the person asked to leave.
    pub quit: bool,
    /// Where keys go.
    pub mode: Mode,
    /// The active search, empty for none.
    pub search: String,
    /// Positions in [`Rows::events`] of the events the search finds.
    pub matches: Vec<usize>,
    /// The selection when the search began, restored if it is cancelled.
    search_origin: usize,
    /// The time axis strip.
    pub axis: AxisStrip,
}

impl App {
    /// A TUI over `timeline` in a terminal of `size`, showing the events `filter` keeps.
    pub fn new(timeline: Timeline, title: String, filter: Filter, size: Size) -> Self {
        let index = Index::new(&timeline);
        let mut app = App {
            timeline,
            title,
            index,
            filter: Filter::default(),
            rows: Rows::default(),
            selected: 0,
            offset: 0,
            detail_scroll: 0,
            source: None,
            focus: Focus::Timeline,
            help: false,
            help_scroll: 0,
            size,
            quit: false,
            mode: Mode::Normal,
            search: String::new(),
            matches: Vec::new(),
            search_origin: 0,
            axis: AxisStrip::default(),
        };
        app.apply_filter(filter);
        app
    }

    /// Shows only the events `filter` keeps. The selected event stays selected if it
    /// still shows, else the nearest in time is.
    pub fn apply_filter(&mut self, filter: Filter) {
        let previous = self.selected_event();
        let rows = Rows::new(&self.timeline, self.index.select(&self.timeline, &filter));
        self.selected = match previous {
            // Events are in time order, so the nearest in time is at the insertion point.
            Some(event) => match rows.events.binary_search(&event) {
                Ok(k) => k,
                Err(k) => nearest(&self.timeline, &rows.events, event, k),
            },
            None => 0,
        };
        self.filter = filter;
        self.rows = rows;
        self.matches = self.index.find(&self.rows.events, &self.search);
        self.source = None;
        self.detail_scroll = 0;
        self.axis.filter_changed();
        self.keep_in_view();
    }

    /// Position in [`Timeline::events`] of the selected event, if any is shown.
    pub fn selected_event(&self) -> Option<usize> {
        self.rows.events.get(self.selected).copied()
    }

    /// Where each pane is on the current terminal.
    pub fn layout(&self) -> Layout {
        self.layout_for(self.focus)
    }

    fn layout_for(&self, focus: Focus) -> Layout {
        let area = Rect::from((Position::ORIGIN, self.size));
        if self.axis.shown {
            Layout::with_axis(area, focus)
        } else {
            Layout::new(area, focus)
        }
    }

    /// Applies one action. The only place the state changes.
    pub fn update(&mut self, action: Action) {
        if let Action::Resize(width, height) = action {
            self.size = Size::new(width, height);
            self.rewrap_source();
        } else if self.help {
            self.update_help(action);
        } else {
            match &self.mode {
                Mode::Picking(_) => self.update_picker(action),
                Mode::Prompting(_) => self.update_prompt(action),
                Mode::Normal => self.update_panes(action),
            }
        }
        self.keep_in_view();
    }

    /// Movement keys scroll the help; any other key closes it.
    fn update_help(&mut self, action: Action) {
        let page = help::visible_lines(self.size.height) as isize;
        let by = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown | Action::HalfPageDown => page,
            Action::PageUp | Action::HalfPageUp => -page,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => {
                self.help = false;
                return;
            }
        };
        let most = help::line_count().saturating_sub(page as usize);
        self.help_scroll = self.help_scroll.saturating_add_signed(by).min(most);
    }

    fn update_panes(&mut self, action: Action) {
        match action {
            Action::Down => self.scroll_focused(1),
            Action::Up => self.scroll_focused(-1),
            Action::Top => self.scroll_focused(isize::MIN / 2),
            Action::Bottom => self.scroll_focused(isize::MAX / 2),
            Action::HalfPageDown => self.scroll_focused(self.page(self.focus) / 2),
            Action::HalfPageUp => self.scroll_focused(-(self.page(self.focus) / 2)),
            Action::PageDown => self.scroll_focused(self.page(self.focus)),
            Action::PageUp => self.scroll_focused(-self.page(self.focus)),
            Action::FocusNext => {
                self.focus = match self.focus {
                    Focus::Timeline => Focus::Side,
                    Focus::Side => Focus::Timeline,
                }
            }
            Action::OpenSource => self.open_source(0),
            Action::ToggleSource if self.source.is_some() => self.close_source(),
            Action::ToggleSource => self.open_source(0),
            Action::NextSource => self.step_source(1),
            Action::PrevSource => self.step_source(-1),
            Action::Back if self.source.is_none() => self.end_search(false),
            Action::Back => self.close_source(),
            Action::PickActors => self.open_actor_picker(),
            Action::PickKinds => self.open_kind_picker(),
            Action::FilterBySelectedActors => {
                if let Some(event) = self.selected_event() {
                    let actors = self.timeline.events[event].actors.to_vec();
                    self.apply_filter(Filter {
                        actors,
                        ..self.filter.clone()
                    });
                }
            }
            Action::ToggleActorMode => self.apply_filter(Filter {
                all_actors: !self.filter.all_actors,
                ..self.filter.clone()
            }),
            Action::AskDateRange => {
                let current = match (self.filter.from, self.filter.to) {
                    (None, None) => String::new(),
                    (from, to) => {
                        let side = |d: Option<chrono::NaiveDate>| {
                            d.map_or("..".to_string(), |d| d.to_string())
                        };
                        format!("{}/{}", side(from), side(to))
                    }
                };
                self.mode = Mode::Prompting(Prompt::new(Ask::DateRange, current));
            }
            Action::Search => {
                self.search_origin = self.selected;
                self.mode = Mode::Prompting(Prompt::new(Ask::Search, String::new()));
                self.set_search(String::new());
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ClearFilters => {
                self.end_search(false);
                self.apply_filter(Filter::default());
            }
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::ToggleAxis => {
                self.axis.shown = !self.axis.shown;
                self.rewrap_source();
            }
            Action::ZoomIn | Action::ZoomOut | Action::PanEarlier | Action::PanLater
                if !self.axis.shown =>
            {
                self.axis.shown = true;
                self.rewrap_source();
            }
            Action::ZoomIn => self.axis.zoom(0.5, self.selected),
            Action::ZoomOut => self.axis.zoom(2.0, self.selected),
            Action::PanEarlier => self.axis.pan(false),
            Action::PanLater => self.axis.pan(true),
            Action::AskJumpDate => {
                self.mode = Mode::Prompting(Prompt::new(Ask::JumpToDate, String::new()));
            }
            Action::NextDateGroup => self.select(self.next_date_group()),
            Action::PrevDateGroup => self.select(self.previous_date_group()),
            Action::Quit => self.quit = true,
            Action::Resize(..) => {}
            Action::Wheel(x, y, down) => {
                if let Some(pane) = self.layout().pane_at(Position::new(x, y)) {
                    self.focus = pane;
                    self.scroll_focused(if down { 3 } else { -3 });
                }
            }
            Action::Click(x, y) => self.click(Position::new(x, y)),
            Action::Type(_) | Action::Erase | Action::Tick | Action::Confirm | Action::Cancel => {}
        }
    }

    fn update_picker(&mut self, action: Action) {
        let Mode::Picking(picker) = &mut self.mode else {
            return;
        };
        match action {
            Action::Down => picker.move_cursor(1),
            Action::Up => picker.move_cursor(-1),
            Action::PageDown | Action::HalfPageDown => picker.move_cursor(10),
            Action::PageUp | Action::HalfPageUp => picker.move_cursor(-10),
            Action::Top => picker.move_cursor(isize::MIN / 2),
            Action::Bottom => picker.move_cursor(isize::MAX / 2),
            Action::Type(c) => picker.type_char(c),
            Action::Erase => picker.erase(),
            Action::Tick => picker.toggle(),
            Action::Cancel | Action::Back => self.mode = Mode::Normal,
            Action::Confirm => {
                let choices = picker.chosen();
                let mut filter = self.filter.clone();
                if picker.what == "actors" {
                    filter.actors = choices.iter().filter_map(Choice::actor).collect();
                } else {
                    filter.kinds = choices.iter().filter_map(Choice::kind).collect();
                }
                self.mode = Mode::Normal;
                self.apply_filter(filter);
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    fn update_prompt(&mut self, action: Action) {
        let Mode::Prompting(prompt) = &mut self.mode else {
            return;
        };
        let ask = prompt.ask;
        match action {
            Action::Type(c) => prompt.text.push(c),
            Action::Erase => {
                prompt.text.pop();
            }
            Action::Cancel | Action::Back => {
                self.mode = Mode::Normal;
                if ask == Ask::Search {
                    self.end_search(true);
                }
                return;
            }
            Action::Confirm if ask == Ask::Search => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Confirm if ask == Ask::JumpToDate => {
                let text = prompt.text.clone();
                match self.first_on_or_after(&text) {
                    Ok(k) => {
                        self.mode = Mode::Normal;
                        self.select(k);
                    }
                    Err(e) => {
                        if let Mode::Prompting(prompt) = &mut self.mode {
                            prompt.error = Some(e);
                        }
                    }
                }
                return;
            }
            Action::Confirm => {
                let text = prompt.text.trim().to_string();
                let range = if text.is_empty() {
                    Ok((None, None))
                } else {
                    EdtfDate::parse(&text).map(|d| (d.earliest(), d.latest()))
                };
                match range {
                    Ok((from, to)) => {
                        self.mode = Mode::Normal;
                        self.apply_filter(Filter {
                            from,
                            to,
                            ..self.filter.clone()
                        });
                    }
                    Err(e) => prompt.error = Some(e),
                }
                return;
            }
            Action::Quit => self.quit = true,
            _ => return,
        }
        if ask == Ask::Search {
            let text = match &self.mode {
                Mode::Prompting(p) => p.text.clone(),
                _ => String::new(),
            };
            self.set_search(text);
        }
    }

    fn open_actor_picker(&mut self) {
        let others = Filter {
            actors: Vec::new(),
            ..self.filter.clone()
        };
        let mut counts = vec![0; self.timeline.actors.len()];
        for e in self.index.select(&self.timeline, &others) {
            for a in &self.timeline.events[e].actors {
                counts[a.index()] += 1;
            }
        }
        let items = self
            .timeline
            .actors
            .iter()
            .zip((0..).map_while(crate::model::ActorId::new))
            .map(|(actor, id)| {
                let keys = std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .chain(std::iter::once(&actor.id));
                Item {
                    choice: Choice::Actor(id),
                    label: actor.name.clone(),
                    note: actor.kind.as_str().to_string(),
                    keys: keys
                        .map(|k| k.to_lowercase())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    count: counts[id.index()],
                    chosen: self.filter.actors.contains(&id),
                }
            })
            .collect();
        self.mode = Mode::Picking(Picker::new("actors", items));
    }

    fn open_kind_picker(&mut self) {
        let others = Filter {
            kinds: Vec::new(),
            ..self.filter.clone()
        };
        // Kinds in the order the shown events first have them.
        let mut counts = vec![0; self.timeline.kinds.len()];
        let mut order = Vec::new();
        for e in self.index.select(&self.timeline, &others) {
            let kind = self.timeline.events[e].kind;
            if counts[kind.index()] == 0 {
                order.push(kind);
            }
            counts[kind.index()] += 1;
        }
        let items = order
            .into_iter()
            .map(|id| (self.timeline.kind(id).to_string(), counts[id.index()]))
            .map(|(kind, count)| Item {
                choice: Choice::Kind(kind.clone()),
                keys: kind.to_lowercase(),
                chosen: self
                    .filter
                    .kinds
                    .iter()
                    .any(|k| k.eq_ignore_ascii_case(&kind)),
                label: kind,
                note: String::new(),
                count,
            })
            .collect();
        self.mode = Mode::Picking(Picker::new("kinds", items));
    }

    /// Sets the search text and selects the first match from where the search began.
    fn set_search(&mut self, text: String) {
        let extends = !self.search.is_empty() && text.is_ascii() && text.starts_with(&self.search);
        self.matches = if extends {
            self.index.narrow(&self.rows.events, &self.matches, &text)
        } else {
            self.index.find(&self.rows.events, &text)
        };
        self.search = text;
        let from = self.search_origin;
        if let Some(&k) = self
            .matches
            .iter()
            .find(|&&k| k >= from)
            .or(self.matches.first())
        {
            self.select(k);
        } else {
            self.select(from);
        }
    }

    /// Clears the search; `restore` goes back to the event selected before it.
    fn end_search(&mut self, restore: bool) {
        if restore {
            self.select(self.search_origin);
        }
        self.search.clear();
        self.matches.clear();
    }

    /// Selects the next (or previous) match, wrapping around the ends.
    fn step_match(&mut self, forward: bool) {
        let here = self.selected;
        let next = if forward {
            self.matches
                .iter()
                .find(|&&k| k > here)
                .or(self.matches.first())
        } else {
            self.matches
                .iter()
                .rev()
                .find(|&&k| k < here)
                .or(self.matches.last())
        };
        if let Some(&k) = next {
            self.select(k);
        }
    }

    /// The first shown event of the date group after the selected one's, or the last.
    fn next_date_group(&self) -> usize {
        let events = &self.rows.events;
        let date = |k: usize| &self.timeline.events[events[k]].date;
        (self.selected + 1..events.len())
            .find(|&k| date(k) != date(self.selected))
            .unwrap_or(events.len().saturating_sub(1))
    }

    /// The first shown event of the selected one's date group, or of the group before
    /// when it is already there.
    fn previous_date_group(&self) -> usize {
        let events = &self.rows.events;
        let date = |k: usize| &self.timeline.events[events[k]].date;
        let group_start = |k: usize| {
            (0..k)
                .rev()
                .find(|&j| date(j) != date(k))
                .map_or(0, |j| j + 1)
        };
        let start = group_start(self.selected.min(events.len().saturating_sub(1)));
        if start < self.selected || start == 0 {
            start
        } else {
            group_start(start - 1)
        }
    }

    /// The first shown event that starts on or after the date `text` (EDTF) begins.
    fn first_on_or_after(&self, text: &str) -> Result<usize, String> {
        let date = EdtfDate::parse(text)?;
        let day = date
            .earliest()
            .or(date.latest())
            .unwrap_or(chrono::NaiveDate::MIN);
        let events = &self.rows.events;
        let k = events.partition_point(|&e| self.timeline.events[e].date.sort_key().0 < day);
        if k < events.len() {
            Ok(k)
        } else {
            Err(format!("no event on or after {}", day.format("%-d %b %Y")))
        }
    }

    /// The height of a pane's inside, in rows.
    fn page(&self, pane: Focus) -> isize {
        let area = match pane {
            Focus::Timeline => self.layout().timeline,
            Focus::Side => self.layout().side,
        };
        area.map_or(1, |a| inner(a).height.max(1) as isize)
    }

    fn scroll_focused(&mut self, by: isize) {
        match (self.focus, &mut self.source) {
            (Focus::Timeline, _) => self.select(self.selected.saturating_add_signed(by)),
            (Focus::Side, Some(view)) => view.scroll = view.scroll.saturating_add_signed(by),
            (Focus::Side, None) => {
                self.detail_scroll = self.detail_scroll.saturating_add_signed(by)
            }
        }
    }

    /// Selects the `k`-th shown event (clamped), resetting the detail pane.
    fn select(&mut self, k: usize) {
        let k = k.min(self.rows.events.len().saturating_sub(1));
        if k != self.selected {
            self.detail_scroll = 0;
        }
        self.selected = k;
    }

    fn click(&mut self, at: Position) {
        let layout = self.layout();
        match layout.pane_at(at) {
            Some(Focus::Timeline) => {
                self.focus = Focus::Timeline;
                let Some(area) = layout.timeline else { return };
                let inner = inner(area);
                if inner.contains(at) {
                    let row = self.offset + (at.y - inner.y) as usize;
                    if let Some(Row::Event(k)) = self.rows.at(row) {
                        self.select(k);
                    }
                }
            }
            Some(Focus::Side) => self.focus = Focus::Side,
            None => {}
        }
    }

    fn open_source(&mut self, source: usize) {
        let Some(event) = self.selected_event() else {
            return;
        };
        let sources = self.timeline.events[event].sources.len();
        let source = source.min(sources.saturating_sub(1));
        let return_focus = match &self.source {
            Some(view) => view.return_focus,
            None => self.focus,
        };
        self.focus = Focus::Side;
        let width = self.source_width();
        let lines = wrap_document(&self.timeline, self.doc_of(event, source), width);
        let mut view = SourceView {
            event,
            source,
            scroll: 0,
            lines,
            width,
            return_focus,
        };
        let (paragraph, quote) = cited_lines(&self.timeline, &view);
        let height = self.page(Focus::Side) as usize;
        // One line of context above the paragraph, unless that would hide the quote.
        view.scroll = if quote + 1 < paragraph + height {
            paragraph.saturating_sub(1)
        } else {
            quote.saturating_sub(1)
        };
        self.source = Some(view);
    }

    fn step_source(&mut self, by: isize) {
        let Some(view) = &self.source else { return };
        let count = self.timeline.events[view.event].sources.len();
        let next = view.source as isize + by;
        if (0..count as isize).contains(&next) {
            self.open_source(next as usize);
        }
    }

    fn close_source(&mut self) {
        if let Some(view) = self.source.take() {
            self.focus = view.return_focus;
        }
    }

    fn doc_of(&self, event: usize, source: usize) -> DocId {
        self.timeline.events[event].sources[source].doc
    }

    /// The width the source pane wraps text to.
    fn source_width(&self) -> u16 {
        let side = self.layout_for(Focus::Side).side;
        side.map_or(1, |a| source_pane::text_width(inner(a).width))
    }

    fn rewrap_source(&mut self) {
        let width = self.source_width();
        let Some(view) = &self.source else { return };
        if view.width == width {
            return;
        }
        let (event, source, old_scroll) = (view.event, view.source, view.scroll);
        let old_paragraph = view.lines.get(old_scroll).map(|l| l.paragraph);
        let lines = wrap_document(&self.timeline, self.doc_of(event, source), width);
        let scroll = old_paragraph
            .and_then(|p| lines.iter().position(|l| l.paragraph == p))
            .unwrap_or(0);
        if let Some(view) = &mut self.source {
            view.lines = lines;
            view.width = width;
            view.scroll = scroll;
        }
    }

    /// Clamps every scroll position and keeps the selected event on screen.
    fn keep_in_view(&mut self) {
        if self.source.is_none() && self.focus == Focus::Side && self.layout().side.is_none() {
            self.focus = Focus::Timeline;
        }
        let height = self.page(Focus::Timeline) as usize;
        if self.rows.is_empty() {
            self.offset = 0;
        } else {
            let top = self.rows.top_of(self.selected);
            let row = self.rows.row_of(self.selected);
            if top < self.offset {
                self.offset = top;
            }
            // The event's own row wins over its gap row when both do not fit.
            if row >= self.offset + height {
                self.offset = row + 1 - height;
            }
            self.offset = self.offset.min(self.rows.len().saturating_sub(height));
        }
        let side_height = self.page(Focus::Side) as usize;
        if let Some(view) = &mut self.source {
            view.scroll = view
                .scroll
                .min(view.lines.len().saturating_sub(side_height));
        } else {
            let width = self.layout().side.map_or(1, |a| inner(a).width);
            let lines = detail_pane::line_count(self, width);
            self.detail_scroll = self.detail_scroll.min(lines.saturating_sub(side_height));
        }
        if self.help {
            let help_page = help::visible_lines(self.size.height);
            self.help_scroll = self
                .help_scroll
                .min(help::line_count().saturating_sub(help_page));
        }
        let columns = self.layout().axis.map(|a| inner(a).width);
        self.axis
            .refresh(&self.timeline, &self.rows, self.selected, columns);
    }
}

/// Of the shown events either side of insertion point `k`, the one closest in time to
/// `event`.
fn nearest(timeline: &Timeline, shown: &[usize], event: usize, k: usize) -> usize {
    let start = |e: usize| timeline.events[e].date.sort_key().0;
    let target = start(event);
    let distance = |j: usize| (start(shown[j]) - target).num_days().abs();
    match (k.checked_sub(1), (k < shown.len()).then_some(k)) {
        (Some(before), Some(after)) if distance(after) < distance(before) => after,
        (Some(before), _) => before,
        (None, _) => 0,
    }
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
    let quote_start = timeline.quote_range(source).map_or(0, |r| r.start);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};

    fn app(width: u16, height: u16) -> App {
        let timeline = load_sources(&[SourceFile::bundled()]).unwrap();
        App::new(
            timeline,
            "events.yaml".into(),
            Filter::default(),
            Size::new(width, height),
        )
    }

    fn selected_id(app: &App) -> &str {
        &app.timeline.events[app.selected_event().unwrap()].id
    }

    fn row_visible(app: &App) -> bool {
        let height = app.page(Focus::Timeline) as usize;
        let row = app.rows.row_of(app.selected);
        (app.offset..app.offset + height).contains(&row)
    }

    #[test]
    fn moving_past_either_end_stays_at_the_end() {
        let mut app = app(120, 40);
        app.update(Action::Up);
        assert_eq!(app.selected, 0);
        app.update(Action::Bottom);
        let last = app.rows.events.len() - 1;
        assert_eq!(app.selected, last);
        app.update(Action::Down);
        app.update(Action::PageDown);
        assert_eq!(app.selected, last);
        app.update(Action::Top);
        assert_eq!(app.selected, 0);
    }

    #[test]
    fn page_moves_follow_the_pane_height() {
        let mut app = app(60, 14);
        let page = app.page(Focus::Timeline) as usize;
        assert!(page >= 2);
        app.update(Action::PageDown);
        assert_eq!(app.selected, page);
        assert!(row_visible(&app));
        app.update(Action::HalfPageUp);
        assert_eq!(app.selected, page - page / 2);
        app.update(Action::HalfPageDown);
        assert_eq!(app.selected, page);
        app.update(Action::PageUp);
        assert_eq!(app.selected, 0);
        assert_eq!(app.offset, 0);
    }

    #[test]
    fn jump_to_source_and_back_restores_selection_scroll_and_focus() {
        let mut app = app(60, 14);
        for _ in 0..8 {
            app.update(Action::Down);
        }
        let (selected, offset) = (app.selected, app.offset);
        assert!(offset > 0, "the list scrolled");
        app.update(Action::OpenSource);
        let view = app.source.as_ref().expect("source open");
        assert_eq!(view.event, app.selected_event().unwrap());
        assert_eq!(app.focus, Focus::Side);
        app.update(Action::Down);
        app.update(Action::Back);
        assert!(app.source.is_none());
        assert_eq!(
            (app.selected, app.offset, app.focus),
            (selected, offset, Focus::Timeline)
        );
        app.update(Action::ToggleSource);
        assert!(app.source.is_some());
        app.update(Action::ToggleSource);
        assert!(app.source.is_none());
    }

    #[test]
    fn source_view_starts_at_the_cited_paragraph() {
        let mut app = app(120, 40);
        let k = app
            .rows
            .events
            .iter()
            .position(|&e| &*app.timeline.events[e].id == "allied-consultations");
        app.selected = k.unwrap();
        app.update(Action::OpenSource);
        let view = app.source.as_ref().unwrap();
        let cited = app.timeline.events[view.event].sources[0].paragraph - 1;
        let first = view
            .lines
            .iter()
            .position(|l| l.paragraph == cited)
            .unwrap();
        assert!(view.scroll <= first && first < view.scroll + app.page(Focus::Side) as usize);
    }

    #[test]
    fn brackets_step_through_an_events_sources() {
        let mut app = app(120, 40);
        let k = app
            .rows
            .events
            .iter()
            .position(|&e| app.timeline.events[e].sources.len() > 1);
        app.selected = k.expect("an event with several sources");
        app.update(Action::PrevSource);
        assert!(
            app.source.is_none(),
            "brackets do nothing without the source pane"
        );
        app.update(Action::OpenSource);
        app.update(Action::NextSource);
        assert_eq!(app.source.as_ref().unwrap().source, 1);
        for _ in 0..10 {
            app.update(Action::NextSource);
        }
        let count = app.timeline.events[app.selected_event().unwrap()]
            .sources
            .len();
        assert_eq!(app.source.as_ref().unwrap().source, count - 1);
        app.update(Action::PrevSource);
        assert_eq!(app.source.as_ref().unwrap().source, count - 2);
    }

    #[test]
    fn resize_keeps_the_selection_visible() {
        let mut app = app(120, 40);
        app.update(Action::Bottom);
        assert!(row_visible(&app));
        app.update(Action::Resize(40, 8));
        assert!(row_visible(&app));
        app.update(Action::Top);
        app.update(Action::Resize(1, 1));
        app.update(Action::Bottom);
        app.update(Action::Resize(120, 40));
        assert!(row_visible(&app));
        assert_eq!(app.offset, 0, "everything fits at 120x40");
    }

    #[test]
    fn resize_rewraps_the_open_source() {
        let mut app = app(120, 40);
        app.update(Action::OpenSource);
        let wide = app.source.as_ref().unwrap().lines.len();
        app.update(Action::Resize(50, 30));
        let view = app.source.as_ref().unwrap();
        assert!(view.lines.len() > wide);
        assert_eq!(view.width, source_pane::text_width(48));
    }

    #[test]
    fn resize_under_the_help_or_a_picker_rewraps_the_source_too() {
        for opener in [Action::ToggleHelp, Action::PickActors] {
            let mut app = app(120, 40);
            app.update(Action::OpenSource);
            app.update(opener);
            app.update(Action::Resize(50, 30));
            app.update(Action::Back);
            let view = app.source.as_ref().unwrap();
            assert_eq!(view.width, source_pane::text_width(48), "{opener:?}");
        }
    }

    #[test]
    fn help_closes_on_any_key_without_acting_on_it() {
        let mut app = app(120, 40);
        app.update(Action::ToggleHelp);
        assert!(app.help);
        app.update(Action::OpenSource);
        assert!(!app.help);
        assert!(app.source.is_none());
        app.update(Action::ToggleHelp);
        app.update(Action::Quit);
        assert!(!app.help && !app.quit, "q closes the help, like in less");
    }

    #[test]
    fn help_scrolls_with_movement_keys_when_it_does_not_fit() {
        let mut app = app(40, 12);
        app.update(Action::ToggleHelp);
        app.update(Action::Down);
        assert!(app.help);
        assert_eq!(app.help_scroll, 1);
        app.update(Action::PageDown);
        assert_eq!(app.help_scroll, 1 + help::visible_lines(12));
        app.update(Action::Bottom);
        assert_eq!(
            app.help_scroll,
            help::line_count() - help::visible_lines(12)
        );
        app.update(Action::Back);
        assert!(!app.help);
        assert_eq!(app.selected, 0);
    }

    #[test]
    fn focus_moves_between_panes_and_keys_scroll_the_focused_one() {
        let mut app = app(120, 40);
        app.update(Action::FocusNext);
        assert_eq!(app.focus, Focus::Side);
        app.update(Action::Down);
        assert_eq!(app.selected, 0, "the timeline did not move");
        app.update(Action::FocusNext);
        app.update(Action::Down);
        assert_eq!(
            selected_id(&app),
            &*app.timeline.events[app.rows.events[1]].id
        );
    }

    #[test]
    fn click_selects_the_event_under_the_pointer_and_wheel_scrolls() {
        let mut app = app(120, 40);
        let inside = inner(app.layout().timeline.unwrap());
        let row = app.rows.row_of(3) as u16;
        app.update(Action::Click(inside.x + 2, inside.y + row));
        assert_eq!(app.selected, 3);
        app.update(Action::Wheel(inside.x + 2, inside.y, true));
        assert_eq!(app.selected, 6);
        let side = app.layout().side.unwrap();
        app.update(Action::Click(side.x + 2, side.y + 2));
        assert_eq!(app.focus, Focus::Side);
    }

    #[test]
    fn single_pane_layout_shows_the_focused_pane() {
        let mut app = app(30, 10);
        assert!(app.layout().side.is_none());
        app.update(Action::OpenSource);
        assert!(app.layout().timeline.is_none());
        assert!(app.layout().side.is_some());
        app.update(Action::Back);
        assert!(app.layout().timeline.is_some());
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Type(c));
        }
    }

    fn shown_ids(app: &App) -> Vec<String> {
        app.rows
            .events
            .iter()
            .map(|&e| app.timeline.events[e].id.to_string())
            .collect()
    }

    #[test]
    fn four_keys_filter_by_putin() {
        let mut app = app(120, 40);
        app.update(Action::PickActors);
        type_text(&mut app, "pu");
        app.update(Action::Confirm);
        let putin = app.timeline.resolve_actor("putin").unwrap();
        assert_eq!(app.filter.actors, [putin]);
        assert!(!app.rows.is_empty());
        for &e in &app.rows.events {
            assert!(app.timeline.events[e].actors.contains(&putin));
        }
        app.update(Action::ClearFilters);
        assert_eq!(app.rows.events.len(), app.timeline.events.len());
    }

    #[test]
    fn picker_narrows_ticks_and_cancel_keeps_the_old_filter() {
        let mut app = app(120, 40);
        app.update(Action::PickActors);
        let Mode::Picking(picker) = &app.mode else {
            panic!("picker open")
        };
        let counts: Vec<usize> = picker.items.iter().map(|i| i.count).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "sorted by count");
        type_text(&mut app, "nato");
        let Mode::Picking(picker) = &app.mode else {
            panic!("picker open")
        };
        assert_eq!(picker.shown().len(), 2, "NATO and the NATO-Russia Council");
        app.update(Action::Tick);
        app.update(Action::Down);
        app.update(Action::Tick);
        app.update(Action::Cancel);
        assert_eq!(app.mode, Mode::Normal);
        assert!(app.filter.is_empty());
        app.update(Action::PickActors);
        type_text(&mut app, "nato");
        app.update(Action::Tick);
        app.update(Action::Down);
        app.update(Action::Tick);
        app.update(Action::Confirm);
        assert_eq!(app.filter.actors.len(), 2);
        app.update(Action::PickActors);
        let Mode::Picking(picker) = &app.mode else {
            panic!("picker open")
        };
        assert_eq!(
            picker.items.iter().filter(|i| i.chosen).count(),
            2,
            "ticks kept"
        );
    }

    #[test]
    fn actor_mode_all_finds_events_between_two_actors() {
        let mut app = app(120, 40);
        let us = app.timeline.resolve_actor("united states").unwrap();
        let putin = app.timeline.resolve_actor("putin").unwrap();
        app.apply_filter(Filter {
            actors: vec![us, putin],
            ..Filter::default()
        });
        let any = app.rows.events.len();
        app.update(Action::ToggleActorMode);
        assert!(app.filter.all_actors);
        assert!(app.rows.events.len() < any);
        for &e in &app.rows.events {
            let actors = &app.timeline.events[e].actors;
            assert!(actors.contains(&us) && actors.contains(&putin));
        }
    }

    #[test]
    fn kind_picker_and_selected_event_actors() {
        let mut app = app(120, 40);
        app.update(Action::PickKinds);
        type_text(&mut app, "flight");
        app.update(Action::Confirm);
        assert_eq!(
            shown_ids(&app),
            ["jstars-flight-2021-12-27", "jstars-flight-2021-12-30"]
        );
        app.update(Action::ClearFilters);
        let k = app
            .rows
            .events
            .iter()
            .position(|&e| &*app.timeline.events[e].id == "biden-putin-call");
        app.selected = k.unwrap();
        app.update(Action::FilterBySelectedActors);
        let call = &app.timeline.events[app.selected_event().unwrap()];
        assert_eq!(
            &*call.id, "biden-putin-call",
            "the selected event stays selected"
        );
        assert_eq!(app.filter.actors, call.actors.to_vec());
    }

    #[test]
    fn date_prompt_filters_by_overlap_and_refuses_bad_dates() {
        let mut app = app(120, 40);
        app.update(Action::AskDateRange);
        type_text(&mut app, "2021-02-30");
        app.update(Action::Confirm);
        let Mode::Prompting(prompt) = &app.mode else {
            panic!("prompt still open")
        };
        assert!(prompt.error.as_deref().unwrap_or("").contains("no day 30"));
        for _ in 0..10 {
            app.update(Action::Erase);
        }
        type_text(&mut app, "2022-01");
        app.update(Action::Confirm);
        assert_eq!(app.mode, Mode::Normal);
        let ids = shown_ids(&app);
        assert!(ids.contains(&"nato-russia-council-talks".to_string()));
        assert!(!ids.contains(&"biden-putin-call".to_string()));
        app.update(Action::AskDateRange);
        app.update(Action::Cancel);
        assert_eq!(
            app.filter.from.map(|d| d.to_string()).as_deref(),
            Some("2022-01-01")
        );
    }

    #[test]
    fn filtering_keeps_the_selection_or_picks_the_nearest_in_time() {
        let mut app = app(120, 40);
        let k = app
            .rows
            .events
            .iter()
            .position(|&e| &*app.timeline.events[e].id == "jstars-flight-2021-12-30");
        app.selected = k.unwrap();
        app.apply_filter(Filter {
            kinds: vec!["flight".into()],
            ..Filter::default()
        });
        assert_eq!(
            &*app.timeline.events[app.selected_event().unwrap()].id,
            "jstars-flight-2021-12-30"
        );
        app.apply_filter(Filter {
            kinds: vec!["talks".into()],
            ..Filter::default()
        });
        let now = &app.timeline.events[app.selected_event().unwrap()];
        assert_eq!(
            &*now.id, "diplomatic-engagement-next-month",
            "the nearest talks in time"
        );
    }

    #[test]
    fn search_is_incremental_wraps_with_n_and_esc_restores() {
        let mut app = app(120, 40);
        app.update(Action::Down);
        app.update(Action::Search);
        type_text(&mut app, "jstars");
        assert_eq!(app.matches.len(), 2);
        let first = app.selected;
        assert_eq!(app.matches[0], first);
        app.update(Action::Confirm);
        assert_eq!(app.mode, Mode::Normal);
        app.update(Action::NextMatch);
        assert_eq!(app.selected, app.matches[1]);
        app.update(Action::NextMatch);
        assert_eq!(app.selected, app.matches[0], "wraps to the first");
        app.update(Action::PrevMatch);
        assert_eq!(app.selected, app.matches[1], "wraps to the last");
        app.update(Action::Back);
        assert!(app.search.is_empty() && app.matches.is_empty());
        app.update(Action::Top);
        app.update(Action::Search);
        type_text(&mut app, "decisive");
        assert_ne!(app.selected, 0);
        app.update(Action::Cancel);
        assert_eq!(app.selected, 0, "Esc goes back to where the search began");
    }

    #[test]
    fn a_filter_that_matches_nothing_leaves_an_empty_timeline() {
        let mut app = app(120, 40);
        app.apply_filter(Filter {
            text: "no such words".into(),
            ..Filter::default()
        });
        assert!(app.rows.is_empty());
        assert_eq!(app.selected_event(), None);
        app.update(Action::Down);
        app.update(Action::OpenSource);
        assert!(app.source.is_none());
    }
}
