//! What several panes read: the timeline and its index, the filter and the rows it keeps,
//! the selection, and the search. Plain state with the moves that keep it consistent;
//! each pane keeps its own view state and follows this one.

mod rows;

pub use rows::{Row, Rows, gap_days, gap_label};

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::date::EdtfDate;
use crate::model::{Annotation, Annotations, Event, Note, Timeline};
use crate::query::{Filter, Index};

/// The timeline browsed, what is shown of it, and where the person is.
pub struct Session {
    /// The timeline shown.
    pub timeline: Timeline,
    /// The file names, for the status bar.
    pub title: String,
    /// The files loaded, in order (what [`crate::model::Origin::file`] counts), for the
    /// documents overlay; empty when not known.
    pub files: Vec<String>,
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
    /// The annotations as the notes file held them when last read or written: what a
    /// save merges our changes from (see [`Annotations::merge`]).
    pub saved: Annotations,
    /// Who the notes written here are by.
    pub author: String,
    /// How many times the annotations changed, so that panes notice.
    annotations_changed: u64,
    /// Set while the timeline is a preview, the first events of a load still running:
    /// its counts are of the events read so far.
    pub partial: bool,
}

impl Session {
    /// A session over `timeline`, titled `title`, showing the events `filter` keeps.
    pub fn new(timeline: Timeline, title: String, filter: Filter) -> Self {
        let index = Index::new(&timeline);
        let saved = timeline.annotations.clone();
        let mut session = Session {
            timeline,
            title,
            files: Vec::new(),
            index,
            filter: Filter::default(),
            rows: Rows::default(),
            selected: 0,
            search: String::new(),
            matches: Vec::new(),
            search_origin: 0,
            filters_applied: 0,
            saved,
            author: "unknown".to_string(),
            annotations_changed: 0,
            partial: false,
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

    /// How many times the annotations changed so far: a pane that saw another number
    /// shows stale ones.
    pub fn annotations_changed(&self) -> u64 {
        self.annotations_changed
    }

    /// The selected event's annotation, if it has one.
    pub fn selected_annotation(&self) -> Option<&Annotation> {
        let event = self.selected_event()?;
        self.timeline
            .annotations
            .get(&self.timeline.events[event].id)
    }

    /// Changes the selected event's annotation with `change`; returns whether it
    /// changed. A filter on annotations is applied again (the event may leave it).
    pub fn annotate(&mut self, change: impl FnOnce(&mut Annotation)) -> bool {
        let Some(event) = self.selected_event() else {
            return false;
        };
        let id = self.timeline.events[event].id.clone();
        let before = self.timeline.annotations.get(&id).cloned();
        self.timeline.annotations.edit(&id, change);
        if self.timeline.annotations.get(&id) == before.as_ref() {
            return false;
        }
        self.annotations_follow();
        true
    }

    /// Stars the selected event, or takes its star away.
    pub fn toggle_star(&mut self) -> bool {
        self.annotate(|a| a.star = !a.star)
    }

    /// Gives the selected event the next review status.
    pub fn cycle_review(&mut self) -> bool {
        self.annotate(|a| a.review = a.review.next())
    }

    /// Sets the selected event's tags.
    pub fn set_tags(&mut self, tags: impl IntoIterator<Item = String>) -> bool {
        let tags = tags.into_iter().collect();
        self.annotate(|a| a.tags = tags)
    }

    /// Adds a note by [`Session::author`] to the selected event, dated `date`.
    pub fn add_note(&mut self, text: String, date: chrono::DateTime<chrono::Utc>) -> bool {
        let author = self.author.clone();
        self.annotate(|a| a.notes.push(Note { date, author, text }))
    }

    /// Takes in what the notes file holds after a save (ours merged with another
    /// process's): it becomes both what is shown and what the next save starts from.
    pub fn notes_saved(&mut self, merged: Annotations) {
        let changed = merged != self.timeline.annotations;
        self.saved = merged.clone();
        self.timeline.annotations = merged;
        if changed {
            self.annotations_follow();
        }
    }

    /// Takes in the notes file as read again (another process may have written it): our
    /// changes not yet saved are kept on top of it, as a save would merge them.
    pub fn notes_reread(&mut self, fresh: Annotations) {
        let merged = Annotations::merge(&self.saved, &self.timeline.annotations, &fresh);
        self.saved = fresh;
        if merged != self.timeline.annotations {
            self.timeline.annotations = merged;
            self.annotations_follow();
        }
    }

    /// After the annotations changed: panes redraw them, a filter on them applies again.
    fn annotations_follow(&mut self) {
        self.annotations_changed += 1;
        if self.filter.annotated() {
            self.apply_filter(self.filter.clone());
        }
    }

    /// Selects the next (or previous) shown starred event, wrapping around; returns
    /// whether there is one.
    pub fn step_starred(&mut self, forward: bool) -> bool {
        let events = &self.rows.events;
        let n = events.len();
        let starred = |k: usize| {
            self.timeline
                .annotations
                .is_starred(&self.timeline.events[events[k]].id)
        };
        let next = (1..=n)
            .map(|step| {
                if forward {
                    (self.selected + step) % n
                } else {
                    (self.selected + n - step % n) % n
                }
            })
            .find(|&k| starred(k));
        match next {
            Some(k) => {
                self.select(k);
                true
            }
            None => false,
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
    /// what the person set up: the filter (its actors and documents matched by id; one
    /// gone is dropped), the search, the selected event by its id (if it went, the
    /// position), and the annotations (the notes file's, not the timeline's). Returns what
    /// changed.
    pub fn reload(&mut self, timeline: Timeline) -> Changes {
        let mut old = std::mem::replace(&mut self.timeline, timeline);
        let changes = Changes::between(&old, &self.timeline);
        // The annotations are the notes file's, not the timeline's: they stay.
        self.timeline.annotations = std::mem::take(&mut old.annotations);
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
        let doc_ids: FxHashMap<&str, usize> = self
            .timeline
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let docs = self
            .filter
            .docs
            .iter()
            .filter_map(|&d| old.documents.get(d.index()))
            .filter_map(|d| doc_ids.get(d.id.as_str()))
            .filter_map(|&i| crate::model::DocId::new(i))
            .collect();
        let filter = Filter {
            actors,
            docs,
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
