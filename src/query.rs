//! The query engine: which events match a [`Filter`]. One engine for `tline list` and the
//! TUI, so both always agree.

pub mod dupes;
mod event_set;
pub mod similarity;
mod sources;

pub use sources::{SourceCount, SourceCriterion, distinct_documents};

use chrono::NaiveDate;

use crate::axis::day_number;
use crate::date::DaySpan;
use crate::model::{ActorId, Annotation, DocId, Event, KindId, Review, Status, Timeline};
use crate::parallel;
use event_set::EventSet;

/// What a person asks to see. Empty criteria match everything; all given criteria must
/// hold together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Events involving these actors.
    pub actors: Vec<ActorId>,
    /// Whether an event must involve all of [`Filter::actors`] rather than any.
    pub all_actors: bool,
    /// Events of these kinds (case-insensitive).
    pub kinds: Vec<String>,
    /// Events with these statuses.
    pub statuses: Vec<Status>,
    /// Events whose span ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Events whose span starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Events whose title, summary or quotes, or one of whose actors' names, contain this
    /// text (case-insensitive).
    pub text: String,
    /// Events citing any of these documents.
    pub docs: Vec<DocId>,
    /// Only starred events.
    pub starred: bool,
    /// Events with any of these tags.
    pub tags: Vec<String>,
    /// Events with these review statuses (an event never reviewed is `unreviewed`).
    pub reviews: Vec<Review>,
    /// Events told by at least so many documents, or by one only.
    pub sources: SourceCriterion,
}

impl Filter {
    /// Whether the filter lets every event through.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.kinds.is_empty()
            && self.statuses.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.text.is_empty()
            && self.docs.is_empty()
            && !self.annotated()
            && self.sources == SourceCriterion::Any
    }

    /// Whether `event` cites one of [`Filter::docs`] (any event, when there are none).
    pub fn cites_wanted_document(&self, event: &Event) -> bool {
        self.docs.is_empty() || event.sources.iter().any(|s| self.docs.contains(&s.doc))
    }

    /// Whether the filter asks about annotations (star, tags, review).
    pub fn annotated(&self) -> bool {
        self.starred || !self.tags.is_empty() || !self.reviews.is_empty()
    }

    /// Whether `event`, annotated so in the notes file (`None`: not at all), passes the
    /// annotation criteria.
    pub fn keeps_annotation(&self, event: &Event, annotation: Option<&Annotation>) -> bool {
        let star = annotation.is_some_and(|a| a.star);
        let review = event.review(annotation);
        (!self.starred || star)
            && (self.reviews.is_empty() || self.reviews.contains(&review))
            && (self.tags.is_empty()
                || annotation.is_some_and(|a| self.tags.iter().any(|t| a.tags.contains(t))))
    }

    /// The active criteria in words: `actor: Putin · kind: call`.
    pub fn describe(&self, timeline: &Timeline) -> String {
        let mut parts = Vec::new();
        if !self.actors.is_empty() {
            let names: Vec<&str> = self
                .actors
                .iter()
                .map(|&a| timeline.actor(a).short_name())
                .collect();
            let joiner = if self.all_actors { " & " } else { " | " };
            parts.push(format!("actor: {}", names.join(joiner)));
        }
        if !self.kinds.is_empty() {
            parts.push(format!("kind: {}", self.kinds.join(" | ")));
        }
        if !self.statuses.is_empty() {
            let words: Vec<&str> = self.statuses.iter().map(|s| s.as_str()).collect();
            parts.push(format!("status: {}", words.join(" | ")));
        }
        match (self.from, self.to) {
            (None, None) => {}
            (from, to) => {
                let side = |d: Option<NaiveDate>| d.map_or("…".to_string(), |d| d.to_string());
                parts.push(format!("date: {} → {}", side(from), side(to)));
            }
        }
        if !self.text.is_empty() {
            parts.push(format!("text: {:?}", self.text));
        }
        if !self.docs.is_empty() {
            let ids: Vec<&str> = self
                .docs
                .iter()
                .map(|&d| timeline.document(d).id.as_str())
                .collect();
            parts.push(format!("doc: {}", ids.join(" | ")));
        }
        if self.starred {
            parts.push("starred".to_string());
        }
        if !self.tags.is_empty() {
            parts.push(format!("tag: {}", self.tags.join(" | ")));
        }
        if !self.reviews.is_empty() {
            let words: Vec<&str> = self.reviews.iter().map(|r| r.as_str()).collect();
            parts.push(format!("review: {}", words.join(" | ")));
        }
        parts.extend(self.sources.describe());
        parts.join(" · ")
    }
}

/// What the engine precomputes once per timeline so each query is cheap: the events of
/// each actor, and the searchable text of every event lowercased into one buffer that a
/// single SIMD substring scan covers. Actor names are searched apart, once each, and
/// their events found through the actor's list: an event does not copy its actors' names.
#[derive(Debug, Clone)]
pub struct Index {
    /// For each actor, the positions of its events, ascending.
    by_actor: Vec<Vec<u32>>,
    /// Lowercased title, summary and quotes of every event, each ended by a NUL byte.
    text: Vec<u8>,
    /// Where each event's text starts in [`Index::text`].
    starts: Vec<usize>,
    /// Each actor's name, lowercased (empty when the text is not indexed).
    actor_names: Vec<String>,
    /// The days each event can mean, by position: compared without touching the events.
    spans: Vec<DaySpan>,
    /// Each event's kind, by position.
    kinds: Vec<KindId>,
    /// Each event's status, by position.
    statuses: Vec<Status>,
    /// For each document, whether any event cites it.
    cited: Vec<bool>,
    /// Each document's publication day, as a [`day_number`]: read here, the days of the
    /// documents a filter's events cite cost no visit to 100,000 documents.
    published: Vec<i32>,
}

impl Index {
    /// Prepares `timeline` for any query.
    pub fn new(timeline: &Timeline) -> Self {
        Index::build(timeline, true)
    }

    /// Prepares `timeline` for one query, `filter`: the text of the events is indexed only
    /// if the filter searches it.
    pub fn for_filter(timeline: &Timeline, filter: &Filter) -> Self {
        Index::build(timeline, !filter.text.is_empty())
    }

    fn build(timeline: &Timeline, with_text: bool) -> Self {
        let events = &timeline.events;
        let spans = column(events, |e| e.date.day_span());
        let kinds = column(events, |e| e.kind);
        let statuses = column(events, |e| e.status);
        let (text, starts) = if with_text {
            searchable_text(events)
        } else {
            (Vec::new(), Vec::new())
        };
        let mut by_actor = vec![Vec::new(); timeline.actors.len()];
        let mut cited = vec![false; timeline.documents.len()];
        for (i, event) in events.iter().enumerate() {
            for actor in &event.actors {
                by_actor[actor.index()].push(i as u32);
            }
            for source in &event.sources {
                cited[source.doc.index()] = true;
            }
        }
        let actor_names = if with_text {
            timeline
                .actors
                .iter()
                .map(|a| a.name.to_lowercase())
                .collect()
        } else {
            Vec::new()
        };
        let published = (timeline.documents.iter())
            .map(|d| day_number(d.published))
            .collect();
        Index {
            by_actor,
            text,
            starts,
            actor_names,
            spans,
            kinds,
            statuses,
            cited,
            published,
        }
    }

    /// For each document, whether one of the `shown` events (positions in
    /// [`Timeline::events`], each once) cites it.
    pub fn cited_documents(&self, timeline: &Timeline, shown: &[usize]) -> Vec<bool> {
        if shown.len() == timeline.events.len() {
            return self.cited.clone();
        }
        let mut cited = vec![false; timeline.documents.len()];
        for &e in shown {
            for source in &timeline.events[e].sources {
                cited[source.doc.index()] = true;
            }
        }
        cited
    }

    /// The publication days of the documents the `shown` events cite, ascending, each
    /// once, as [`day_number`]s.
    pub fn publication_days(&self, timeline: &Timeline, shown: &[usize]) -> Vec<i32> {
        let cited = self.cited_documents(timeline, shown);
        let mut days: Vec<i32> = (self.published.iter().zip(cited))
            .filter(|(_, cited)| *cited)
            .map(|(&day, _)| day)
            .collect();
        days.sort_unstable();
        days.dedup();
        days
    }

    /// The days each event can mean, by its position in [`Timeline::events`].
    pub fn spans(&self) -> &[DaySpan] {
        &self.spans
    }

    /// Events with an actor whose name contains `needle` (lowercased).
    fn with_actor_named(&self, needle: &str) -> EventSet {
        let mut named = EventSet::new(self.spans.len());
        let lists = (self.actor_names.iter().zip(&self.by_actor))
            .filter(|(name, _)| name.contains(needle))
            .map(|(_, events)| events);
        for &event in lists.flatten() {
            named.insert(event as usize);
        }
        named
    }

    /// The positions in [`Timeline::events`] of the events that match, in time order.
    pub fn select(&self, timeline: &Timeline, filter: &Filter) -> Vec<usize> {
        let mut candidates: Option<Vec<usize>> = None;
        if !filter.actors.is_empty() {
            candidates = Some(self.with_actors(filter));
        }
        if !filter.text.is_empty() {
            let found = self.containing(&filter.text);
            candidates = Some(match candidates {
                Some(c) => c.into_iter().filter(|&e| found.contains(e)).collect(),
                None => found.to_vec(),
            });
        }
        let kinds = wanted_kinds(timeline, filter);
        // The index's columns first; the event itself is read only for the criteria
        // that ask about it (documents, annotations, sources), each empty ones skipped.
        let keep = |&i: &usize| {
            let event = &timeline.events[i];
            (kinds.is_empty() || kinds[self.kinds[i].index()])
                && (filter.statuses.is_empty() || filter.statuses.contains(&self.statuses[i]))
                && self.spans[i].overlaps(filter.from, filter.to)
                && filter.cites_wanted_document(event)
                && (!filter.annotated()
                    || filter.keeps_annotation(event, timeline.annotations.get(&event.id)))
                && filter.sources.keeps(event)
        };
        let rest_is_empty = kinds.is_empty()
            && filter.docs.is_empty()
            && filter.sources == SourceCriterion::Any
            && !filter.annotated()
            && filter.statuses.is_empty()
            && filter.from.is_none()
            && filter.to.is_none();
        match candidates {
            Some(c) if rest_is_empty => c,
            Some(c) => c.into_iter().filter(keep).collect(),
            None if rest_is_empty => (0..timeline.events.len()).collect(),
            None => (0..timeline.events.len()).filter(keep).collect(),
        }
    }

    /// Positions in `shown` (ascending event positions) of the events whose title,
    /// summary, quotes or actors' names contain `text` (case-insensitive).
    pub fn find(&self, shown: &[usize], text: &str) -> Vec<usize> {
        if text.is_empty() {
            return Vec::new();
        }
        let found = self.containing(text);
        let mut out = Vec::with_capacity(found.len().min(shown.len()));
        out.extend((0..shown.len()).filter(|&k| found.contains(shown[k])));
        out
    }

    /// Events involving any (or all, per the filter) of the filter's actors, ascending.
    fn with_actors(&self, filter: &Filter) -> Vec<usize> {
        let lists = filter
            .actors
            .iter()
            .map(|a| self.by_actor.get(a.index()).map_or(&[][..], Vec::as_slice));
        let as_usize = |l: &[u32]| l.iter().map(|&e| e as usize).collect::<Vec<usize>>();
        if filter.all_actors {
            lists
                .fold(None, |acc: Option<Vec<usize>>, l| {
                    Some(match acc {
                        None => as_usize(l),
                        Some(acc) => intersect(&acc, &as_usize(l)),
                    })
                })
                .unwrap_or_default()
        } else {
            let mut all: Vec<usize> = lists.flat_map(|l| l.iter().map(|&e| e as usize)).collect();
            all.sort_unstable();
            all.dedup();
            all
        }
    }

    /// Events whose searchable text or actors' names contain `text`.
    fn containing(&self, text: &str) -> EventSet {
        let needle = text.to_lowercase();
        let mut found = self.with_actor_named(&needle);
        found.unite(&self.text_containing(&needle));
        found
    }

    /// Events whose searchable text contains `needle` (lowercased). After a match the
    /// scan skips to the next event, so a common word costs no more than a rare one; the
    /// events are shared among the processors, 64 at a time.
    fn text_containing(&self, needle: &str) -> EventSet {
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let len = self.starts.len();
        let start_of = |event: usize| self.starts.get(event).copied().unwrap_or(self.text.len());
        let words = parallel::map_ranges(len.div_ceil(64), EVENTS_A_THREAD / 64, |words| {
            let mut out = vec![0u64; words.len()];
            let first = 64 * words.start;
            let end = start_of((64 * words.end).min(len));
            let (mut from, mut event) = (start_of(first), first);
            while let Some(found) = finder.find(&self.text[from..end]) {
                let at = from + found;
                // Matches come in text order, so the event only moves forward: walking to
                // it costs one step per event over the whole scan.
                while self.starts.get(event + 1).is_some_and(|&next| next <= at) {
                    event += 1;
                }
                let bit = event - first;
                out[bit / 64] |= 1 << (bit % 64);
                event += 1;
                from = start_of(event);
            }
            out
        });
        EventSet::from_words(words)
    }

    /// Positions in `shown` of the events, among `candidates` (positions in `shown`), whose
    /// text contains `text`: narrowing a search as it is typed looks only at the events
    /// that matched its beginning.
    pub fn narrow(&self, shown: &[usize], candidates: &[usize], text: &str) -> Vec<usize> {
        let needle = text.to_lowercase();
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let by_name = self.with_actor_named(&needle);
        parallel::map_ranges(candidates.len(), EVENTS_A_THREAD, |range| {
            candidates[range]
                .iter()
                .copied()
                .filter(|&k| {
                    let event = shown[k];
                    if by_name.contains(event) {
                        return true;
                    }
                    let end = self
                        .starts
                        .get(event + 1)
                        .copied()
                        .unwrap_or(self.text.len());
                    self.starts
                        .get(event)
                        .is_some_and(|&start| finder.find(&self.text[start..end]).is_some())
                })
                .collect()
        })
    }
}

/// For each document of `timeline`, how many of the events at `shown` (positions in
/// [`Timeline::events`]) cite it: what the documents view lists beside each document.
/// An event citing a document twice counts once.
pub fn citing_counts(timeline: &Timeline, shown: &[usize]) -> Vec<usize> {
    let mut counts = vec![0; timeline.documents.len()];
    let mut last_counted: Vec<usize> = vec![usize::MAX; timeline.documents.len()];
    for &e in shown {
        for source in &timeline.events[e].sources {
            let d = source.doc.index();
            if last_counted[d] != e {
                last_counted[d] = e;
                counts[d] += 1;
            }
        }
    }
    counts
}

/// Events below which one thread searches them all: starting a thread costs more.
const EVENTS_A_THREAD: usize = 1 << 15;

/// For each kind of `timeline`, whether `filter` asks for it (ignoring case); empty if
/// it asks for no kind.
fn wanted_kinds(timeline: &Timeline, filter: &Filter) -> Vec<bool> {
    if filter.kinds.is_empty() {
        return Vec::new();
    }
    let wanted: Vec<String> = filter.kinds.iter().map(|k| k.to_lowercase()).collect();
    timeline
        .kinds
        .iter()
        .map(|kind| wanted.contains(&kind.to_lowercase()))
        .collect()
}

/// The elements of two ascending lists that are in both.
fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// A facet of the events a filter keeps: how many of them have each actor or kind,
/// counted under the filter's other criteria (what a picker shows next to each choice).
impl Index {
    /// For each actor of `timeline` (by [`ActorId::index`]), how many events `filter`
    /// keeps when its actors are left out of it.
    pub fn actor_counts(&self, timeline: &Timeline, filter: &Filter) -> Vec<usize> {
        let others = Filter {
            actors: Vec::new(),
            ..filter.clone()
        };
        if others.is_empty() {
            // Every event is kept: each actor's count is its list's length.
            return self.by_actor.iter().map(Vec::len).collect();
        }
        let mut counts = vec![0; timeline.actors.len()];
        for e in self.select(timeline, &others) {
            for a in &timeline.events[e].actors {
                counts[a.index()] += 1;
            }
        }
        counts
    }

    /// The kinds of the events `filter` keeps when its kinds are left out of it, in the
    /// order those events first have them, each with how many events have it.
    pub fn kind_counts(&self, timeline: &Timeline, filter: &Filter) -> Vec<(KindId, usize)> {
        let others = Filter {
            kinds: Vec::new(),
            ..filter.clone()
        };
        let mut counts = vec![0; timeline.kinds.len()];
        let mut order = Vec::new();
        for e in self.select(timeline, &others) {
            let kind = self.kinds[e];
            if counts[kind.index()] == 0 {
                order.push(kind);
            }
            counts[kind.index()] += 1;
        }
        order.into_iter().map(|k| (k, counts[k.index()])).collect()
    }

    /// Every status, in [`Status::ALL`] order, with how many events `filter` keeps when
    /// its statuses are left out of it.
    pub fn status_counts(&self, timeline: &Timeline, filter: &Filter) -> Vec<(Status, usize)> {
        let others = Filter {
            statuses: Vec::new(),
            ..filter.clone()
        };
        let mut counts = [0; Status::ALL.len()];
        for e in self.select(timeline, &others) {
            let status = self.statuses[e];
            if let Some(i) = Status::ALL.iter().position(|&s| s == status) {
                counts[i] += 1;
            }
        }
        Status::ALL.into_iter().zip(counts).collect()
    }

    /// Every tag in use, sorted, with how many events `filter` keeps when its tags are
    /// left out of it.
    pub fn tag_counts(&self, timeline: &Timeline, filter: &Filter) -> Vec<(String, usize)> {
        let others = Filter {
            tags: Vec::new(),
            ..filter.clone()
        };
        let mut counts: std::collections::BTreeMap<&str, usize> = timeline
            .annotations
            .tags()
            .into_iter()
            .map(|t| (t, 0))
            .collect();
        for e in self.select(timeline, &others) {
            if let Some(annotation) = timeline.annotations.get(&timeline.events[e].id) {
                for tag in &annotation.tags {
                    if let Some(count) = counts.get_mut(tag.as_str()) {
                        *count += 1;
                    }
                }
            }
        }
        counts
            .into_iter()
            .map(|(t, n)| (t.to_string(), n))
            .collect()
    }

    /// Every review status, in [`Review::ALL`] order, with how many events `filter` keeps
    /// when its review statuses are left out of it.
    pub fn review_counts(&self, timeline: &Timeline, filter: &Filter) -> Vec<(Review, usize)> {
        let others = Filter {
            reviews: Vec::new(),
            ..filter.clone()
        };
        let mut counts = [0; Review::ALL.len()];
        for e in self.select(timeline, &others) {
            let event = &timeline.events[e];
            let review = event.review(timeline.annotations.get(&event.id));
            if let Some(i) = Review::ALL.iter().position(|&r| r == review) {
                counts[i] += 1;
            }
        }
        Review::ALL.into_iter().zip(counts).collect()
    }
}

/// The texts of an event a search looks in.
fn searchable(event: &Event) -> impl Iterator<Item = &Box<str>> {
    std::iter::once(&event.title)
        .chain(&event.summary)
        .chain(event.sources.iter().map(|s| &s.quote))
}

/// `of` each event, by position, worked out on every processor into one list made at its
/// size (joining a list from each processor would hold the column twice for a moment).
fn column<T: Send + Clone>(events: &[Event], of: impl Fn(&Event) -> T + Sync) -> Vec<T> {
    let Some(first) = events.first() else {
        return Vec::new();
    };
    let mut column = vec![of(first); events.len()];
    parallel::fill_ranges(
        events.len(),
        EVENTS_A_THREAD,
        &mut column,
        |e| e,
        |run, part| {
            for (place, event) in part.iter_mut().zip(&events[run]) {
                *place = of(event);
            }
        },
    );
    column
}

/// The searchable text of every event, lowercased, each part ended by a NUL byte, and
/// where each event's starts. Each event's length is counted first, so that the text is
/// made at its size and written on every processor at once.
fn searchable_text(events: &[Event]) -> (Vec<u8>, Vec<usize>) {
    let lengths = column(events, |e| {
        searchable(e)
            .map(|part| lowercased_len(part) + 1)
            .sum::<usize>()
    });
    let mut starts = Vec::with_capacity(events.len());
    let mut total = 0;
    for length in lengths {
        starts.push(total);
        total += length;
    }
    let mut text = vec![0; total];
    let bound = |event: usize| starts.get(event).copied().unwrap_or(total);
    parallel::fill_ranges(
        events.len(),
        EVENTS_A_THREAD,
        &mut text,
        bound,
        |run, part| {
            let mut at = 0;
            for event in &events[run] {
                for piece in searchable(event) {
                    at += write_lowercased(piece, &mut part[at..]);
                    // NUL cannot be typed into a search, so a match cannot straddle two
                    // parts; the text is made of zeros.
                    at += 1;
                }
            }
        },
    );
    (text, starts)
}

/// The length of `part` lowercased: its own when it is ASCII.
fn lowercased_len(part: &str) -> usize {
    if part.is_ascii() {
        part.len()
    } else {
        part.to_lowercase().len()
    }
}

/// Writes `part` lowercased at the start of `out`; returns how many bytes it took, as
/// [`lowercased_len`] counts them.
fn write_lowercased(part: &str, out: &mut [u8]) -> usize {
    if part.is_ascii() {
        let place = &mut out[..part.len()];
        place.copy_from_slice(part.as_bytes());
        place.make_ascii_lowercase();
        part.len()
    } else {
        let lower = part.to_lowercase();
        out[..lower.len()].copy_from_slice(lower.as_bytes());
        lower.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};

    fn bundled() -> Timeline {
        load_sources(&[SourceFile::bundled()]).expect("bundled timeline loads")
    }

    fn ids(tl: &Timeline, filter: &Filter) -> Vec<String> {
        Index::new(tl)
            .select(tl, filter)
            .into_iter()
            .map(|i| tl.events[i].id.to_string())
            .collect()
    }

    fn actor(tl: &Timeline, name: &str) -> ActorId {
        tl.resolve_actor(name).unwrap()
    }

    #[test]
    fn a_document_filter_keeps_the_events_citing_it_and_combines_with_the_others() {
        let tl = bundled();
        let cbs = DocId(0);
        let by_doc = Filter {
            docs: vec![cbs],
            ..Filter::default()
        };
        assert_eq!(
            ids(&tl, &by_doc).len(),
            tl.events.len(),
            "all cite the one article"
        );
        let putin = Filter {
            actors: vec![actor(&tl, "putin")],
            ..by_doc.clone()
        };
        assert_eq!(
            ids(&tl, &putin),
            ids(
                &tl,
                &Filter {
                    docs: Vec::new(),
                    ..putin.clone()
                }
            )
        );
        assert_eq!(by_doc.describe(&tl), "doc: cbs-2022-01-01");
        assert!(!by_doc.is_empty());
    }

    #[test]
    fn citing_counts_count_each_shown_event_once_per_document() {
        let tl = bundled();
        let all: Vec<usize> = (0..tl.events.len()).collect();
        assert_eq!(citing_counts(&tl, &all), [tl.events.len()]);
        assert_eq!(citing_counts(&tl, &all[..3]), [3]);
        assert_eq!(citing_counts(&tl, &[]), [0]);
    }

    #[test]
    fn facet_counts_leave_out_their_own_criterion() {
        let tl = bundled();
        let index = Index::new(&tl);
        let putin = actor(&tl, "putin");
        let only_putin = Filter {
            actors: vec![putin],
            ..Filter::default()
        };
        let all = index.actor_counts(&tl, &Filter::default());
        assert_eq!(index.actor_counts(&tl, &only_putin), all, "actors left out");
        let putins = ids(&tl, &only_putin).len();
        assert_eq!(all[putin.index()], putins);
        let kinds = index.kind_counts(&tl, &only_putin);
        assert_eq!(kinds.iter().map(|(_, n)| n).sum::<usize>(), putins);
        let first = tl.events[index.select(&tl, &only_putin)[0]].kind;
        assert_eq!(kinds[0].0, first, "in the order the events first have them");
        let talks = Filter {
            kinds: vec!["talks".into()],
            ..Filter::default()
        };
        let every_kind = index.kind_counts(&tl, &Filter::default());
        assert_eq!(index.kind_counts(&tl, &talks), every_kind, "kinds left out");
    }

    #[test]
    fn status_counts_cover_every_status_and_leave_out_their_own_criterion() {
        let tl = bundled();
        let index = Index::new(&tl);
        let planned = Filter {
            statuses: vec![Status::Planned],
            ..Filter::default()
        };
        let counts = index.status_counts(&tl, &planned);
        assert_eq!(counts, index.status_counts(&tl, &Filter::default()));
        assert_eq!(counts.len(), Status::ALL.len());
        assert_eq!(
            counts.iter().map(|(_, n)| n).sum::<usize>(),
            tl.events.len()
        );
        let planned_count = counts
            .iter()
            .find(|(s, _)| *s == Status::Planned)
            .unwrap()
            .1;
        assert_eq!(ids(&tl, &planned).len(), planned_count);
        assert!(planned_count > 0, "the bundled timeline plans talks");
    }

    #[test]
    fn a_search_finds_events_by_their_actors_names() {
        let mut tl = bundled();
        let nato = actor(&tl, "nato");
        tl.actors[nato.index()].name = "Zyxwv Alliance".into();
        let index = Index::new(&tl);
        let all: Vec<usize> = (0..tl.events.len()).collect();
        let found = index.find(&all, "zyxWV");
        let with_nato: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&e| tl.events[e].actors.contains(&nato))
            .collect();
        assert!(!with_nato.is_empty());
        assert_eq!(found, with_nato);
        assert_eq!(index.narrow(&all, &found, "zyxwv all"), with_nato);
        assert_eq!(
            index.narrow(&all, &found, "zyxwv allx"),
            Vec::<usize>::new()
        );
        let filter = Filter {
            text: "zyxwv".into(),
            ..Filter::default()
        };
        assert_eq!(index.select(&tl, &filter), with_nato, "the filter agrees");
    }

    #[test]
    fn empty_filter_keeps_every_event() {
        let tl = bundled();
        assert_eq!(ids(&tl, &Filter::default()).len(), tl.events.len());
        assert!(Filter::default().is_empty());
    }

    #[test]
    fn filter_by_actor_keeps_events_with_any_selected_actor() {
        let tl = bundled();
        let (putin, nato) = (actor(&tl, "Putin"), actor(&tl, "nato"));
        let filter = Filter {
            actors: vec![putin, nato],
            ..Filter::default()
        };
        let found = ids(&tl, &filter);
        assert!(found.contains(&"biden-putin-call".to_string()));
        assert!(found.contains(&"nato-russia-council-talks".to_string()));
        for i in Index::new(&tl).select(&tl, &filter) {
            let e = &tl.events[i];
            assert!(
                e.actors.contains(&putin) || e.actors.contains(&nato),
                "{}",
                e.id
            );
        }
    }

    #[test]
    fn all_actors_mode_keeps_only_events_between_them() {
        let tl = bundled();
        let (biden, putin, nato) = (actor(&tl, "biden"), actor(&tl, "putin"), actor(&tl, "nato"));
        let both = Filter {
            actors: vec![biden, putin],
            all_actors: true,
            ..Filter::default()
        };
        let found = ids(&tl, &both);
        assert!(found.contains(&"biden-putin-call".to_string()));
        for i in Index::new(&tl).select(&tl, &both) {
            assert!(tl.events[i].actors.contains(&biden) && tl.events[i].actors.contains(&putin));
        }
        let none = Filter {
            actors: vec![putin, nato],
            all_actors: true,
            ..Filter::default()
        };
        assert!(ids(&tl, &none).is_empty());
    }

    #[test]
    fn text_search_ignores_case_and_reads_quotes() {
        let tl = bundled();
        let filter = Filter {
            text: "jstars".into(),
            ..Filter::default()
        };
        let found = ids(&tl, &filter);
        assert!(found.contains(&"jstars-flight-2021-12-30".to_string()));
        assert!(!found.contains(&"biden-putin-call".to_string()));
        let filter = Filter {
            text: "DECISIVELY".into(),
            ..Filter::default()
        };
        assert!(ids(&tl, &filter).contains(&"biden-warns-decisive-response".to_string()));
    }

    #[test]
    fn date_range_keeps_overlapping_spans_with_open_ends() {
        let tl = bundled();
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let filter = Filter {
            from: Some(day("2022-01-02")),
            ..Filter::default()
        };
        let found = ids(&tl, &filter);
        assert!(found.contains(&"nato-russia-council-talks".to_string()));
        assert!(found.contains(&"allied-consultations".to_string()));
        assert!(!found.contains(&"biden-putin-call".to_string()));
        let filter = Filter {
            to: Some(day("2021-12-27")),
            ..Filter::default()
        };
        let found = ids(&tl, &filter);
        assert!(found.contains(&"jstars-flight-2021-12-27".to_string()));
        assert!(
            found.contains(&"russian-troop-buildup".to_string()),
            "open start overlaps"
        );
        assert!(!found.contains(&"biden-putin-call".to_string()));
    }

    #[test]
    fn criteria_combine_and_can_match_nothing() {
        let tl = bundled();
        let putin = actor(&tl, "putin");
        let filter = Filter {
            actors: vec![putin],
            kinds: vec!["CALL".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&tl, &filter), ["biden-putin-call"]);
        let filter = Filter {
            kinds: vec!["call".into()],
            text: "jstars".into(),
            ..Filter::default()
        };
        assert!(ids(&tl, &filter).is_empty());
        let filter = Filter {
            statuses: vec![Status::Planned],
            ..Filter::default()
        };
        assert!(
            ids(&tl, &filter)
                .iter()
                .all(|id| { tl.events[tl.event_index(id).unwrap()].status == Status::Planned })
        );
    }

    #[test]
    fn describe_names_active_criteria() {
        let tl = bundled();
        let filter = Filter {
            actors: vec![actor(&tl, "putin")],
            kinds: vec!["call".into()],
            ..Filter::default()
        };
        assert_eq!(filter.describe(&tl), "actor: Putin · kind: call");
        let single = Filter {
            sources: SourceCriterion::Single,
            ..Filter::default()
        };
        assert_eq!(single.describe(&tl), "single source");
        assert!(!single.is_empty());
    }

    /// The meaning of a filter, written plainly, to check the indexed engine against.
    fn naive(tl: &Timeline, f: &Filter) -> Vec<usize> {
        let needle = f.text.to_lowercase();
        let distinct = |e: &Event| {
            let docs: std::collections::HashSet<_> = e.sources.iter().map(|s| s.doc).collect();
            docs.len()
        };
        (0..tl.events.len())
            .filter(|&i| {
                let e = &tl.events[i];
                let involved = |a: &ActorId| e.actors.contains(a);
                let actors_ok = f.actors.is_empty()
                    || if f.all_actors {
                        f.actors.iter().all(involved)
                    } else {
                        f.actors.iter().any(involved)
                    };
                let text = std::iter::once(&*e.title)
                    .chain(e.summary.as_deref())
                    .chain(e.sources.iter().map(|s| &*s.quote))
                    .chain(e.actors.iter().map(|&a| tl.actor(a).name.as_str()));
                actors_ok
                    && (f.kinds.is_empty()
                        || f.kinds
                            .iter()
                            .any(|k| k.eq_ignore_ascii_case(tl.kind(e.kind))))
                    && (f.statuses.is_empty() || f.statuses.contains(&e.status))
                    && e.date.overlaps(f.from, f.to)
                    && match f.sources {
                        SourceCriterion::Any => true,
                        SourceCriterion::AtLeast(n) => distinct(e) >= n,
                        SourceCriterion::Single => distinct(e) == 1,
                    }
                    && (needle.is_empty()
                        || text.into_iter().any(|t| t.to_lowercase().contains(&needle)))
            })
            .collect()
    }

    #[test]
    fn indexed_engine_agrees_with_the_plain_definition() {
        let tl = crate::synth::timeline(3000, 5);
        let index = Index::new(&tl);
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let filters = [
            Filter {
                actors: vec![ActorId(0)],
                ..Filter::default()
            },
            Filter {
                actors: vec![ActorId(1), ActorId(7), ActorId(250)],
                ..Filter::default()
            },
            Filter {
                actors: vec![ActorId(0), ActorId(1)],
                all_actors: true,
                ..Filter::default()
            },
            Filter {
                text: "ceasefire".into(),
                ..Filter::default()
            },
            // Names of many actors: their events marked, not sorted.
            Filter {
                text: "s".into(),
                ..Filter::default()
            },
            Filter {
                text: "actor 1".into(),
                ..Filter::default()
            },
            Filter {
                text: "Summit Treaty".into(),
                kinds: vec!["CALL".into()],
                ..Filter::default()
            },
            Filter {
                from: day("2010-01-01"),
                to: day("2011-06-30"),
                statuses: vec![Status::Planned],
                ..Filter::default()
            },
            Filter {
                sources: SourceCriterion::AtLeast(2),
                ..Filter::default()
            },
            Filter {
                sources: SourceCriterion::Single,
                kinds: vec!["call".into()],
                ..Filter::default()
            },
            Filter {
                actors: vec![ActorId(2)],
                text: "border".into(),
                from: day("2012-01-01"),
                ..Filter::default()
            },
        ];
        for f in &filters {
            let expected = naive(&tl, f);
            assert_eq!(index.select(&tl, f), expected, "{f:?}");
            let shown: Vec<usize> = (0..tl.events.len()).step_by(3).collect();
            let found = index.find(&shown, &f.text);
            let plain = Filter {
                text: f.text.clone(),
                ..Filter::default()
            };
            let matching = naive(&tl, &plain);
            let expected: Vec<usize> = if f.text.is_empty() {
                Vec::new()
            } else {
                (0..shown.len())
                    .filter(|&k| matching.contains(&shown[k]))
                    .collect()
            };
            assert_eq!(found, expected, "find {:?}", f.text);
        }
    }

    #[test]
    fn annotation_criteria_keep_starred_tagged_and_reviewed_events() {
        let mut tl = bundled();
        tl.annotations.edit("biden-putin-call", |a| {
            a.star = true;
            a.tags.insert("key".into());
            a.review = Review::Verified;
        });
        tl.annotations.edit("jstars-flight-2021-12-27", |a| {
            a.tags.insert("flights".into());
            a.review = Review::Disputed;
        });
        let starred = Filter {
            starred: true,
            ..Filter::default()
        };
        assert_eq!(ids(&tl, &starred), ["biden-putin-call"]);
        let tagged = Filter {
            tags: vec!["flights".into(), "key".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&tl, &tagged).len(), 2);
        let disputed = Filter {
            reviews: vec![Review::Disputed],
            ..Filter::default()
        };
        assert_eq!(ids(&tl, &disputed), ["jstars-flight-2021-12-27"]);
        let unreviewed = Filter {
            reviews: vec![Review::Unreviewed],
            ..Filter::default()
        };
        assert_eq!(ids(&tl, &unreviewed).len(), tl.events.len() - 2);
        assert_eq!(
            Filter {
                starred: true,
                tags: vec!["key".into()],
                reviews: vec![Review::Verified],
                ..Filter::default()
            }
            .describe(&tl),
            "starred · tag: key · review: verified"
        );
        let index = Index::new(&tl);
        assert_eq!(
            index.tag_counts(&tl, &tagged),
            [("flights".to_string(), 1), ("key".to_string(), 1)]
        );
        let reviews = index.review_counts(&tl, &disputed);
        assert_eq!(reviews[0], (Review::Unreviewed, tl.events.len() - 2));
    }
}
