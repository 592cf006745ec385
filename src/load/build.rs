//! Validation: turns the raw lists of every file into one [`Timeline`], collecting every
//! problem rather than stopping at the first.

use std::fmt;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use super::ids::Ids;
use super::raw::{Items, RawActor, RawDocument, RawEvent, RawSource};
use super::read::Progress;
use crate::date::EdtfDate;
use crate::model::{
    Actor, ActorId, ActorKind, DocId, Document, Event, KindId, Source, Status, Timeline, closest,
};
use crate::text::find_quote;

/// A problem at a value of a file, by path (`events.3.actors.1`), before it is located.
#[derive(Debug)]
pub struct Problem {
    /// Index of the file in the list being loaded.
    pub file: usize,
    /// Path of the offending value.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// For a duplicate id: where the id was first defined.
    pub first: Option<(usize, String)>,
}

/// Where an item stands: its file, list and index, and for a source its index in the
/// event's sources. Kept small: one is made per item, a path string only per problem.
#[derive(Clone, Copy)]
struct Place {
    file: usize,
    list: &'static str,
    index: usize,
    source: Option<usize>,
}

impl Place {
    fn new(file: usize, list: &'static str, index: usize) -> Self {
        Place {
            file,
            list,
            index,
            source: None,
        }
    }

    /// The path of the item, such as `events.3` or `events.3.sources.0`.
    fn path(&self) -> String {
        match self.source {
            Some(j) => format!("{}.{}.sources.{j}", self.list, self.index),
            None => format!("{}.{}", self.list, self.index),
        }
    }
}

/// The checks: every problem found so far and the ids registered.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    /// "Did you mean" hints given so far: each compares a word with every known id, so
    /// a file full of unknown references gets hints for its first few only.
    hints: usize,
    doc_ids: HashMap<String, (DocId, Place)>,
    actor_ids: HashMap<String, (ActorId, Place)>,
    event_ids: Ids,
    kind_ids: HashMap<String, KindId>,
}

/// Validates the items of one or more files as they are parsed and merges them into one
/// sorted timeline. Each item's strings are moved into the timeline, never copied, and
/// an item is dropped as soon as it is checked, so a file's lists never exist whole.
///
/// An event that cites a document or names an actor not seen yet (a file may list its
/// events first, or cite another file) waits, unchecked, until [`Builder::finish`].
pub struct Builder<'p> {
    check: Checker,
    timeline: Timeline,
    /// Events waiting for a document or an actor, with their places.
    waiting: Vec<(Place, RawEvent)>,
    /// The place in the files of each event of `timeline.events`, as (file, index): sorting
    /// keeps the files' order among events of the same days.
    order: Vec<(u32, u32)>,
    /// The file being read, and how many documents, actors and events it has given.
    file: usize,
    counts: [usize; 3],
    progress: &'p Progress,
}

impl<'p> Builder<'p> {
    /// An empty timeline, counting the events it is given in `progress`.
    pub fn new(progress: &'p Progress) -> Self {
        Builder {
            check: Checker::default(),
            timeline: Timeline::default(),
            waiting: Vec::new(),
            order: Vec::new(),
            file: 0,
            counts: [0; 3],
            progress,
        }
    }

    /// Makes the items given from now on those of file `file` (its index in the list being
    /// loaded).
    pub fn begin_file(&mut self, file: usize) {
        self.file = file;
        self.counts = [0; 3];
    }

    fn place(&mut self, list: usize) -> Place {
        let index = self.counts[list];
        self.counts[list] += 1;
        Place::new(self.file, ["documents", "actors", "events"][list], index)
    }

    /// Checks the waiting events, then sorts: the timeline, or every problem found.
    pub fn finish(mut self) -> Result<Timeline, Vec<Problem>> {
        let waited = !self.waiting.is_empty();
        for (place, raw) in std::mem::take(&mut self.waiting) {
            self.add_event(raw, place);
        }
        if !self.check.problems.is_empty() {
            return Err(self.check.problems);
        }
        let mut events = self.timeline.events;
        // Files are usually written in time order: checking is far cheaper than sorting.
        if waited {
            // Sort positions, not the events themselves, which are 40 times larger.
            let mut positions: Vec<u32> = (0..events.len() as u32).collect();
            positions.sort_by_cached_key(|&i| {
                let i = i as usize;
                (events[i].date.sort_key(), self.order[i])
            });
            permute(&mut events, positions);
        } else if !events.is_sorted_by_key(|e| e.date.sort_key()) {
            events.sort_by_cached_key(|e| e.date.sort_key());
        }
        self.timeline.events = events;
        Ok(self.timeline)
    }

    fn add_event(&mut self, raw: RawEvent, place: Place) {
        if let Some(event) = self.check.event(raw, &place, &mut self.timeline) {
            self.timeline.events.push(event);
            self.order.push((place.file as u32, place.index as u32));
        }
    }
}

/// Reorders `items` in place so that the item at `k` is the one that was at `from[k]`.
fn permute<T>(items: &mut [T], mut from: Vec<u32>) {
    for start in 0..items.len() {
        // Follow the cycle through `start`, filling each place from the next; a place
        // filled is marked by pointing at itself.
        let mut k = start;
        while from[k] as usize != start {
            let next = from[k] as usize;
            items.swap(k, next);
            from[k] = k as u32;
            k = next;
        }
        from[k] = k as u32;
    }
}

impl Items for Builder<'_> {
    fn document(&mut self, raw: RawDocument) {
        let place = self.place(0);
        let next = self.timeline.documents.len();
        let doc = self.check.document(raw, &place, next);
        self.timeline.documents.push(doc);
    }

    fn actor(&mut self, raw: RawActor) {
        let place = self.place(1);
        let next = self.timeline.actors.len();
        let actor = self.check.actor(raw, &place, next);
        self.timeline.actors.push(actor);
    }

    fn event(&mut self, raw: RawEvent) {
        let place = self.place(2);
        self.progress.add_events(1);
        // The id is checked now, so that "defined twice" points at the first in file order.
        self.check.event_id(&raw.id, &place);
        if self.check.knows_references(&raw) {
            self.add_event(raw, place);
        } else {
            self.waiting.push((place, raw));
        }
    }
}

/// How a problem names its item: `event "biden-putin-call"`, or `event #3` when the id
/// is empty. Formatted only when a problem is reported.
#[derive(Clone, Copy)]
struct Label<'a> {
    what: &'static str,
    id: &'a str,
    index: usize,
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.id.is_empty() {
            write!(f, "{} #{}", self.what, self.index + 1)
        } else {
            write!(f, "{} {:?}", self.what, self.id)
        }
    }
}

fn label<'a>(what: &'static str, id: &'a str, place: &Place) -> Label<'a> {
    Label {
        what,
        id,
        index: place.index,
    }
}

fn is_slug(id: &str) -> bool {
    id.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

impl Checker {
    fn report(&mut self, place: &Place, field: &str, message: String) {
        let path = if field.is_empty() {
            place.path()
        } else {
            format!("{}.{field}", place.path())
        };
        self.problems.push(Problem {
            file: place.file,
            path,
            message,
            first: None,
        });
    }

    /// Checks an id's form and uniqueness; returns whether it may be registered.
    fn check_id(
        &mut self,
        what: &'static str,
        id: &str,
        place: &Place,
        first: Option<&Place>,
    ) -> bool {
        let name = label(what, id, place);
        if id.is_empty() {
            self.report(place, "id", format!("{name}: id is empty"));
            return false;
        }
        if !is_slug(id) {
            let message =
                format!("{name}: id must be a lowercase slug (letters a-z, digits, '-', '_', '.')");
            self.report(place, "id", message);
        }
        if let Some(first) = first {
            self.problems.push(Problem {
                file: place.file,
                path: format!("{}.id", place.path()),
                message: format!("{name}: id is defined twice"),
                first: Some((first.file, format!("{}.id", first.path()))),
            });
            return false;
        }
        true
    }

    fn require(&mut self, name: Label<'_>, place: &Place, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(place, field, format!("{name}: {field} is empty"));
        }
    }

    fn document(&mut self, raw: RawDocument, place: &Place, next: usize) -> Document {
        let name = label("document", &raw.id, place);
        let first = self.doc_ids.get(&raw.id).map(|(_, p)| *p);
        if self.check_id("document", &raw.id, place, first.as_ref()) {
            self.doc_ids
                .insert(raw.id.clone(), (DocId(next as u32), *place));
        }
        self.require(name, place, "title", &raw.title);
        if raw.paragraphs.is_empty() {
            self.report(place, "paragraphs", format!("{name}: paragraphs is empty"));
        }
        // An invalid document is still kept, so the ids registered above stay valid
        // indices; the problem reported makes the whole load fail.
        let published = match NaiveDate::parse_from_str(raw.published.trim(), "%Y-%m-%d") {
            Ok(day) => day,
            Err(_) => {
                let why = match EdtfDate::parse(&raw.published) {
                    Err(e) => e,
                    Ok(_) => format!("{:?} is not a single day (YYYY-MM-DD)", raw.published),
                };
                self.report(place, "published", format!("{name}: published: {why}"));
                NaiveDate::MIN
            }
        };
        Document {
            id: raw.id,
            title: raw.title,
            publisher: raw.publisher,
            published,
            url: raw.url,
            paragraphs: raw.paragraphs,
        }
    }

    fn actor(&mut self, raw: RawActor, place: &Place, next: usize) -> Actor {
        let name = label("actor", &raw.id, place);
        let first = self.actor_ids.get(&raw.id).map(|(_, p)| *p);
        if self.check_id("actor", &raw.id, place, first.as_ref()) {
            self.actor_ids
                .insert(raw.id.clone(), (ActorId(next as u32), *place));
        }
        self.require(name, place, "name", &raw.name);
        let kind = ActorKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.kind.trim());
        if kind.is_none() {
            let words = ActorKind::ALL.map(|k| k.as_str());
            let message = format!(
                "{name}: unknown kind {:?} (expected one of {})",
                raw.kind,
                words.join(", ")
            );
            self.report(place, "kind", message);
        }
        Actor {
            id: raw.id,
            name: raw.name,
            kind: kind.unwrap_or(ActorKind::Other),
            aliases: raw.aliases,
        }
    }

    /// Checks an event's id and registers it.
    fn event_id(&mut self, id: &str, place: &Place) {
        let first = self
            .event_ids
            .get(id)
            .map(|(file, index)| Place::new(file, "events", index));
        if self.check_id("event", id, place, first.as_ref()) {
            self.event_ids.insert(id, place.file, place.index);
        }
    }

    /// Whether every document and actor `raw` refers to is known yet.
    fn knows_references(&self, raw: &RawEvent) -> bool {
        raw.actors.iter().all(|id| self.actor_ids.contains_key(id))
            && raw
                .sources
                .iter()
                .all(|s| self.doc_ids.contains_key(&s.doc))
    }

    /// Checks an event whose id [`Checker::event_id`] has checked.
    fn event(&mut self, raw: RawEvent, place: &Place, timeline: &mut Timeline) -> Option<Event> {
        let name = label("event", &raw.id, place);
        self.require(name, place, "title", &raw.title);
        self.require(name, place, "kind", &raw.kind);
        let date = EdtfDate::parse(&raw.date)
            .map_err(|e| self.report(place, "date", format!("{name}: date: {e}")))
            .ok();
        let status = match raw.status.as_deref().map(str::trim) {
            None => Some(Status::default()),
            Some(word) => {
                let status = Status::ALL.into_iter().find(|s| s.as_str() == word);
                if status.is_none() {
                    let words = Status::ALL.map(|s| s.as_str());
                    let message = format!(
                        "{name}: unknown status {word:?} (expected one of {})",
                        words.join(", ")
                    );
                    self.report(place, "status", message);
                }
                status
            }
        };
        let mut actors = Vec::with_capacity(raw.actors.len());
        for (j, id) in raw.actors.iter().enumerate() {
            let field = || format!("actors.{j}");
            match self.actor_ids.get(id.as_str()) {
                Some((actor, _)) if actors.contains(actor) => {
                    self.report(
                        place,
                        &field(),
                        format!("{name}: actor {id:?} is listed twice"),
                    );
                }
                Some((actor, _)) => actors.push(*actor),
                None => {
                    let hint = self.suggestion(id, Known::Actors);
                    self.report(
                        place,
                        &field(),
                        format!("{name}: unknown actor {id:?}{hint}"),
                    );
                }
            }
        }
        if raw.sources.is_empty() {
            self.report(
                place,
                "sources",
                format!("{name}: needs at least one source"),
            );
        }
        let mut sources = Vec::with_capacity(raw.sources.len());
        let cited = raw.sources.len();
        for (j, source) in raw.sources.into_iter().enumerate() {
            let at = Place {
                source: Some(j),
                ..*place
            };
            if let Some(source) = self.source(name, source, &at, timeline) {
                sources.push(source);
            }
        }
        if sources.len() != cited || actors.len() != raw.actors.len() {
            return None;
        }
        let kind = self.kind_id(&raw.kind, &mut timeline.kinds);
        Some(Event {
            id: raw.id,
            date: date?,
            date_text: raw.date_text,
            title: raw.title,
            kind,
            status: status?,
            actors,
            summary: raw.summary,
            sources,
        })
    }

    /// The index of `kind` (trimmed) in `kinds`, added if new.
    fn kind_id(&mut self, kind: &str, kinds: &mut Vec<String>) -> KindId {
        let kind = kind.trim();
        if let Some(&id) = self.kind_ids.get(kind) {
            return id;
        }
        let id = KindId(kinds.len() as u32);
        kinds.push(kind.to_string());
        self.kind_ids.insert(kind.to_string(), id);
        id
    }

    fn source(
        &mut self,
        name: Label<'_>,
        raw: RawSource,
        at: &Place,
        tl: &Timeline,
    ) -> Option<Source> {
        let Some(&(doc, _)) = self.doc_ids.get(raw.doc.as_str()) else {
            let hint = self.suggestion(&raw.doc, Known::Documents);
            self.report(
                at,
                "doc",
                format!("{name}: unknown document {:?}{hint}", raw.doc),
            );
            return None;
        };
        let document = tl.document(doc);
        let count = document.paragraphs.len();
        if raw.paragraph < 1 || raw.paragraph as usize > count {
            let message = format!(
                "{name}: paragraph {} is out of range (document {:?} has {count} paragraphs)",
                raw.paragraph, document.id
            );
            self.report(at, "paragraph", message);
            return None;
        }
        let paragraph = raw.paragraph as usize;
        if raw.quote.trim().is_empty() {
            self.report(at, "quote", format!("{name}: quote is empty"));
            return None;
        }
        if find_quote(&document.paragraphs[paragraph - 1], &raw.quote).is_none() {
            let elsewhere = document
                .paragraphs
                .iter()
                .position(|p| find_quote(p, &raw.quote).is_some())
                .map(|i| format!(" (it is in paragraph {})", i + 1))
                .unwrap_or_default();
            let message = format!(
                "{name}: quote not found in paragraph {paragraph} of {:?}{elsewhere}",
                document.id
            );
            self.report(at, "quote", message);
            return None;
        }
        Some(Source {
            doc,
            paragraph,
            quote: raw.quote,
        })
    }
}

/// Which ids a hint is looked for among.
enum Known {
    Actors,
    Documents,
}

/// How many "did you mean" hints one load gives.
const MAX_HINTS: usize = 20;

impl Checker {
    /// " (did you mean …?)" for an unknown reference, while hints are left.
    fn suggestion(&mut self, word: &str, known: Known) -> String {
        if self.hints >= MAX_HINTS {
            return String::new();
        }
        self.hints += 1;
        let close = match known {
            Known::Actors => closest(word, self.actor_ids.keys().map(String::as_str), 3),
            Known::Documents => closest(word, self.doc_ids.keys().map(String::as_str), 3),
        };
        if close.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", close.join(" or "))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::load::{LoadError, SourceFile, load_sources};
    use crate::model::Timeline;

    const DOCUMENTS: &str = "documents:\n  - id: doc\n    title: A doc\n    published: 2022-01-01\n    paragraphs: [\"Alpha beta gamma.\"]\n";
    const ACTORS: &str = "actors:\n  - id: nato\n    name: NATO\n    kind: organization\n";

    /// An `events:` list of events `ids`, all on the same day, citing `doc` and naming `nato`.
    fn events(ids: &[&str]) -> String {
        let mut out = String::from("events:\n");
        for id in ids {
            out.push_str(&format!(
                "  - id: {id}\n    date: 2022-01-01\n    title: T\n    kind: talks\n    actors: [nato]\n    sources: [{{doc: doc, paragraph: 1, quote: beta}}]\n"
            ));
        }
        out
    }

    fn load(files: &[(&str, String)]) -> Result<Timeline, LoadError> {
        let files: Vec<SourceFile> = files
            .iter()
            .map(|(name, text)| SourceFile {
                name: name.to_string(),
                text: text.clone(),
            })
            .collect();
        load_sources(&files)
    }

    fn ids(timeline: &Timeline) -> Vec<&str> {
        timeline.events.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn events_listed_before_their_documents_and_actors_keep_the_file_order() {
        let text = format!("{}{ACTORS}{DOCUMENTS}", events(&["c", "a", "b"]));
        let timeline = load(&[("a.yaml", text)]).expect("valid");
        assert_eq!(ids(&timeline), ["c", "a", "b"]);
    }

    #[test]
    fn events_citing_a_later_file_wait_for_it_and_keep_the_files_order() {
        let first = events(&["z", "y"]);
        let second = format!("{DOCUMENTS}{ACTORS}{}", events(&["x"]));
        let timeline = load(&[("a.yaml", first), ("b.yaml", second)]).expect("valid");
        assert_eq!(ids(&timeline), ["z", "y", "x"]);
    }

    #[test]
    fn a_twice_defined_id_points_at_the_first_in_file_order_though_it_waited() {
        // The first "x" waits for its document; the second is checked at once.
        let first = format!("{}{ACTORS}{DOCUMENTS}", events(&["x"]));
        let second = events(&["x"]);
        let error = load(&[("a.yaml", first), ("b.yaml", second)]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "b.yaml:2:9: event \"x\": id is defined twice (first defined at a.yaml:2:9)"
        );
    }

    #[test]
    fn a_reference_never_defined_is_reported_after_waiting() {
        let text = format!("{}{ACTORS}{DOCUMENTS}", events(&["x"])).replace("[nato]", "[natoo]");
        let error = load(&[("a.yaml", text)]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "a.yaml:6:14: event \"x\": unknown actor \"natoo\" (did you mean \"nato\"?)"
        );
    }

    #[test]
    fn each_kind_is_kept_once_and_trimmed() {
        let text = format!("{DOCUMENTS}{ACTORS}{}", events(&["a", "b", "c"])).replacen(
            "kind: talks",
            "kind: \" call \"",
            1,
        );
        let timeline = load(&[("a.yaml", text)]).expect("valid");
        assert_eq!(timeline.kinds, ["call", "talks"]);
        let kinds: Vec<&str> = timeline
            .events
            .iter()
            .map(|e| timeline.kind(e.kind))
            .collect();
        assert_eq!(kinds, ["call", "talks", "talks"]);
    }

    #[test]
    fn events_that_waited_are_sorted_by_date() {
        let text = format!("{}{ACTORS}{DOCUMENTS}", events(&["c", "a", "b"]))
            .replacen("2022-01-01", "2022-01-03", 1)
            .replacen("2022-01-01", "2022-01-02", 1);
        let timeline = load(&[("a.yaml", text)]).expect("valid");
        assert_eq!(ids(&timeline), ["b", "a", "c"]);
    }

    #[test]
    fn permute_puts_each_item_where_asked() {
        for n in [0u32, 1, 2, 50] {
            let from: Vec<u32> = (0..n).map(|k| (k * 7 + 3) % n.max(1)).collect();
            let mut items: Vec<u32> = (0..n).collect();
            super::permute(&mut items, from.clone());
            assert_eq!(items, from, "{n} items");
        }
    }
}
