//! What several panes read: the timeline and its index, the filter and the rows it keeps,
//! the selection, and the search. Plain state with the moves that keep it consistent;
//! each pane keeps its own view state and follows this one.

mod rows;

pub use rows::{Row, Rows, gap_days, gap_label};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::date::EdtfDate;
use crate::model::{Event, Timeline};
use crate::query::{Filter, Index};

/// The timeline browsed, what is shown of it, and where the person is.
pub struct Session {
    /// The timeline shown.
    pub timeline: Timeline,
    /// The file names, for the status bar.
    pub title: String,
    /// The timeline's index, for filtering and searching.
    pub index: Index,
    /// The active filter.
    pub filter: Filter,
    /// The filtered events as rows.
    pub rows: Rows,
    /// The selected event, as a position in [`Rows::events`].
    pub selected: usize,
    /// The active search, empty for none.
    pub search: String,
    /// Positions in [`Rows::events`] of the events the search finds.
    pub matches: Vec<usize>,
    /// The selection when the search began, restored if it is cancelled.
    search_origin: usize,
    /// How many times a filter was applied, so that panes notice a new one.
    filters_applied: u64,
}

impl Session {
    /// A session over `timeline`, titled `title`, showing the events `filter` keeps.
    pub fn new(timeline: Timeline, title: String, filter: Filter) -> Self {
        let index = Index::new(&timeline);
        let mut session = Session {
            timeline,
            title,
            index,
            filter: Filter::default(),
            rows: Rows::default(),
            selected: 0,
            search: String::new(),
            matches: Vec::new(),
            search_origin: 0,
            filters_applied: 0,
        };
        session.apply_filter(filter);
        session
    }

    /// Shows only the events `filter` keeps. The selected event stays selected if it
    /// still shows, else the nearest in time is.
    pub fn apply_filter(&mut self, filter: Filter) {
        let previous = self.selected_event();
        let rows = Rows::new(
            self.index.spans(),
            self.index.select(&self.timeline, &filter),
        );
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
        self.filters_applied += 1;
    }

    /// How many filters were applied so far: a pane that saw another number has a stale
    /// view of the rows.
    pub fn filters_applied(&self) -> u64 {
        self.filters_applied
    }

    /// Position in [`Timeline::events`] of the selected event, if any is shown.
    pub fn selected_event(&self) -> Option<usize> {
        self.rows.events.get(self.selected).copied()
    }

    /// Selects the `k`-th shown event, or the last when there are fewer.
    pub fn select(&mut self, k: usize) {
        self.selected = k.min(self.rows.events.len().saturating_sub(1));
    }

    /// Starts a search from the selected event.
    pub fn begin_search(&mut self) {
        self.search_origin = self.selected;
        self.set_search(String::new());
    }

    /// Sets the search text and selects the first match from where the search began.
    pub fn set_search(&mut self, text: String) {
        let extends = !self.search.is_empty() && text.is_ascii() && text.starts_with(&self.search);
        self.matches = if extends {
            self.index.narrow(&self.rows.events, &self.matches, &text)
        } else {
            self.index.find(&self.rows.events, &text)
        };
        self.search = text;
        let from = self.search_origin;
        match self
            .matches
            .iter()
            .find(|&&k| k >= from)
            .or(self.matches.first())
        {
            Some(&k) => self.select(k),
            None => self.select(from),
        }
    }

    /// Clears the search; `restore` goes back to the event selected before it.
    pub fn end_search(&mut self, restore: bool) {
        if restore {
            self.select(self.search_origin);
        }
        self.search.clear();
        self.matches.clear();
    }

    /// Turns the search into a filter: only the events it finds stay shown (as
    /// `--search` does), the selected one kept. Without a search, nothing changes.
    pub fn keep_matches(&mut self) {
        if self.search.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.search);
        self.matches.clear();
        self.apply_filter(Filter {
            text,
            ..self.filter.clone()
        });
    }

    /// Whether the `k`-th shown event is found by the search.
    pub fn is_match(&self, k: usize) -> bool {
        self.matches.binary_search(&k).is_ok()
    }

    /// Selects the next (or previous) match, wrapping around the ends.
    pub fn step_match(&mut self, forward: bool) {
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
    pub fn next_date_group(&self) -> usize {
        let events = &self.rows.events;
        let date = |k: usize| &self.timeline.events[events[k]].date;
        (self.selected + 1..events.len())
            .find(|&k| date(k) != date(self.selected))
            .unwrap_or(events.len().saturating_sub(1))
    }

    /// The first shown event of the selected one's date group, or of the group before
    /// when it is already there.
    pub fn previous_date_group(&self) -> usize {
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

    /// The first shown event placed (see [`EdtfDate::sort_key`]) on or after the day the
    /// date `text` (EDTF) begins.
    pub fn first_on_or_after(&self, text: &str) -> Result<usize, String> {
        let date = EdtfDate::parse(text)?;
        let day = date.earliest().or(date.latest()).unwrap_or(NaiveDate::MIN);
        let events = &self.rows.events;
        let k = events.partition_point(|&e| self.timeline.events[e].date.sort_key().0 < day);
        if k < events.len() {
            Ok(k)
        } else {
            Err(format!("no event on or after {}", day.format("%-d %b %Y")))
        }
    }
}

/// What a reload changed, counted by event id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Events whose id is new.
    pub added: usize,
    /// Events whose id stayed but whose content differs.
    pub changed: usize,
    /// Events whose id is gone.
    pub removed: usize,
}

impl Changes {
    /// The counts between the `old` and `new` timelines.
    pub fn between(old: &Timeline, new: &Timeline) -> Self {
        let before: FxHashMap<&str, &Event> = old.events.iter().map(|e| (&*e.id, e)).collect();
        let mut changes = Changes::default();
        let mut kept = 0;
        for event in &new.events {
            match before.get(&*event.id) {
                None => changes.added += 1,
                Some(was) => {
                    kept += 1;
                    if !same_event(old, was, new, event) {
                        changes.changed += 1;
                    }
                }
            }
        }
        changes.removed = old.events.len().saturating_sub(kept);
        changes
    }

    /// `reloaded: +2 events, 1 changed, 0 removed`.
    pub fn describe(&self) -> String {
        format!(
            "reloaded: +{} event{}, {} changed, {} removed",
            self.added,
            if self.added == 1 { "" } else { "s" },
            self.changed,
            self.removed
        )
    }
}

/// Whether event `a` of timeline `at` and event `b` of timeline `bt` say the same: the
/// same fields, actors, kind and sources, compared by id and text since each timeline
/// numbers its actors, kinds and documents its own way.
fn same_event(at: &Timeline, a: &Event, bt: &Timeline, b: &Event) -> bool {
    let same_sources = a.sources.len() == b.sources.len()
        && a.sources.iter().zip(&b.sources).all(|(x, y)| {
            at.document(x.doc).id == bt.document(y.doc).id
                && x.paragraph == y.paragraph
                && x.quote == y.quote
                && at.paragraph(x) == bt.paragraph(y)
        });
    a.date == b.date
        && a.date_text == b.date_text
        && a.title == b.title
        && a.status == b.status
        && a.summary == b.summary
        && at.kind(a.kind) == bt.kind(b.kind)
        && a.actors.len() == b.actors.len()
        && a.actors
            .iter()
            .zip(&b.actors)
            .all(|(&x, &y)| at.actor(x).id == bt.actor(y).id)
        && same_sources
}

impl Session {
    /// Shows `timeline` in place of the one shown (the same files, loaded again), keeping
    /// what the person set up: the filter (its actors matched by id; one gone is
    /// dropped), the search, and the selected event by its id (if it went, the position).
    /// Returns what changed.
    pub fn reload(&mut self, timeline: Timeline) -> Changes {
        let old = std::mem::replace(&mut self.timeline, timeline);
        let changes = Changes::between(&old, &self.timeline);
        let actor_ids: FxHashMap<&str, usize> = self
            .timeline
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let actors = self
            .filter
            .actors
            .iter()
            .filter_map(|&a| old.actors.get(a.index()))
            .filter_map(|a| actor_ids.get(a.id.as_str()))
            .filter_map(|&i| crate::model::ActorId::new(i))
            .collect();
        let filter = Filter {
            actors,
            ..self.filter.clone()
        };
        let selected_id = self.selected_event().map(|e| old.events[e].id.clone());
        self.index = Index::new(&self.timeline);
        self.rows = Rows::new(
            self.index.spans(),
            self.index.select(&self.timeline, &filter),
        );
        self.filter = filter;
        let selected = selected_id
            .and_then(|id| self.timeline.event_index(&id))
            .and_then(|e| self.rows.events.binary_search(&e).ok());
        self.select(selected.unwrap_or(self.selected));
        self.search_origin = self.selected;
        self.matches = self.index.find(&self.rows.events, &self.search);
        self.filters_applied += 1;
        changes
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
