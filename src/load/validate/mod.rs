//! Validation, as items are parsed. The [`Builder`] assembles: it merges the items of
//! every file into one sorted [`Timeline`], numbering documents and actors, and holds back
//! an event until the documents and actors it names are known. The rules each item must
//! follow (ids, required fields, dates, references, quotes) are in [`checks`]; the ids of
//! a million events are kept compactly by [`ids`]; [`parallel`] runs the builder on a
//! thread beside the parser; [`preview`] makes the first screenful a UI may show while
//! the rest loads.

mod checks;
mod ids;
mod parallel;
mod preview;

use std::sync::Arc;

use rustc_hash::FxHashSet as HashSet;

use crate::load::Progress;
use crate::load::schema::{Items, LISTS, List, RawActor, RawDocument, RawEvent, Shape};
use crate::model::Timeline;
use checks::{Checker, Place, label};

pub use checks::{KnownIds, Problem, References};
pub use parallel::check_while_parsing;

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
    /// The problems of shape (a field missing, unknown or of the wrong type), reported
    /// beside the checks' own.
    shaped: Vec<Problem>,
    /// The values, as (file, path), whose checks a problem of shape makes moot: a title
    /// that is a list is not also "empty".
    silenced: HashSet<(usize, String)>,
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
            shaped: Vec::new(),
            silenced: HashSet::default(),
        }
    }

    /// Makes the items given from now on those of file `file` (its index in the list being
    /// loaded).
    pub fn begin_file(&mut self, file: usize) {
        self.file = file;
        self.counts = [0; 3];
    }

    fn place(&mut self, list: List) -> Place {
        let index = self.counts[list as usize];
        self.counts[list as usize] += 1;
        Place::new(self.file, list, index)
    }

    /// Checks the waiting events, then sorts: the timeline, or every problem found.
    pub fn finish(mut self) -> Result<Timeline, Vec<Problem>> {
        let waited = !self.waiting.is_empty();
        self.timeline.events.reserve(self.waiting.len());
        for (place, raw) in std::mem::take(&mut self.waiting) {
            self.add_event(raw, None, place);
        }
        self.check.report_repeated_event_ids();
        self.check
            .find_quotes_not_as_written(&self.timeline, &self.order);
        self.check.check_quotes(&self.timeline);
        if !self.check.problems.is_empty() || !self.shaped.is_empty() {
            return Err(self.problems());
        }
        let mut events = self.timeline.events;
        // Files are usually written in time order: checking is far cheaper than sorting.
        if waited {
            // Sort positions, not the events themselves, which are thirty times larger.
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
        self.timeline.origins = std::mem::take(&mut self.check.origins);
        Ok(self.timeline)
    }

    /// The problems of shape of the items given, alone: for a load that failed to parse,
    /// whose references cannot be judged.
    pub fn shape_problems(self) -> Vec<Problem> {
        self.shaped
    }

    /// Every problem: the checks' own, but those a problem of shape makes moot, and the
    /// problems of shape.
    fn problems(&mut self) -> Vec<Problem> {
        let silenced = &self.silenced;
        let moot = |p: &Problem| {
            let parents = p.path.match_indices('.').map(|(i, _)| &p.path[..i]);
            parents
                .chain([p.path.as_str()])
                .any(|path| silenced.contains(&(p.file, path.to_string())))
        };
        let mut problems = std::mem::take(&mut self.check.problems);
        if !silenced.is_empty() {
            problems.retain(|p| !moot(p));
        }
        problems.append(&mut self.shaped);
        problems
    }

    /// Reports the problems of shape of the item at `place`, named `what` `id`.
    fn shape(&mut self, place: &Place, what: &'static str, id: &str, shape: Vec<Shape>) {
        let item = format!("{}.{}", LISTS[place.list as usize], place.index);
        let join = |path: &str| {
            if path.is_empty() {
                item.clone()
            } else {
                format!("{item}.{path}")
            }
        };
        let name = label(what, id, place);
        for s in shape {
            self.silenced.insert((place.file, join(&s.silences)));
            self.shaped.push(Problem {
                file: place.file,
                path: join(&s.at),
                message: format!("{name}: {}", s.message),
                first: None,
            });
        }
    }

    /// Publishes the events checked so far as a preview, if they make a true one.
    fn publish_preview(&self) {
        let clean = self.check.problems.is_empty() && self.shaped.is_empty();
        let waiting = !self.waiting.is_empty();
        let origins = &self.check.origins;
        if let Some(shown) = preview::preview(&self.timeline, origins, waiting, clean) {
            self.progress.publish_preview(shown);
        }
    }

    fn add_event(&mut self, raw: RawEvent, known: Option<References>, place: Place) {
        if let Some(event) = self.check.event(raw, known, &place, &mut self.timeline) {
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
    fn document(&mut self, mut raw: RawDocument) {
        let place = self.place(List::Documents);
        if !raw.shape.is_empty() {
            let shape = std::mem::take(&mut raw.shape);
            self.shape(&place, "document", &raw.id, shape);
        }
        self.check
            .document(raw, &place, &mut self.timeline.documents);
    }

    fn actor(&mut self, mut raw: RawActor) {
        let place = self.place(List::Actors);
        if !raw.shape.is_empty() {
            let shape = std::mem::take(&mut raw.shape);
            self.shape(&place, "actor", &raw.id, shape);
        }
        self.check.actor(raw, &place, &mut self.timeline.actors);
    }

    fn event(&mut self, raw: RawEvent) {
        self.take_event(raw, None);
    }

    fn resolved_event(&mut self, raw: RawEvent, references: References) {
        self.take_event(raw, Some(references));
    }

    fn known_ids(&mut self) -> Option<Arc<KnownIds>> {
        Some(Arc::new(self.check.known_ids()))
    }

    fn problem(&mut self, path: String, message: String) {
        self.shaped.push(Problem {
            file: self.file,
            path,
            message,
            first: None,
        });
    }

    fn title(&mut self, title: String) {
        self.timeline.title.get_or_insert(title);
    }

    /// Makes room as asked where the memory is to be had: the count is an estimate, and a
    /// room refused is only growth by doubling after all.
    fn expect_events(&mut self, count: usize) {
        let _ = self.timeline.events.try_reserve(count);
        let _ = self.order.try_reserve(count);
        self.check.expect_events(count);
    }
}

impl Builder<'_> {
    /// Takes the next event, its references resolved ahead when `resolved` is given.
    fn take_event(&mut self, mut raw: RawEvent, resolved: Option<References>) {
        let place = self.place(List::Events);
        if !raw.shape.is_empty() {
            let shape = std::mem::take(&mut raw.shape);
            self.shape(&place, "event", &raw.id, shape);
        }
        self.progress.add_events(1);
        // The id is registered now, so that "defined twice" points at the first in file
        // order.
        self.check.event_id(&raw.id, &place);
        if let Some(known) = resolved.or_else(|| self.check.references(&raw)) {
            self.add_event(raw, Some(known), place);
        } else {
            self.waiting.push((place, raw));
        }
        if self.timeline.events.len() + self.waiting.len() == preview::PREVIEW_EVENTS
            && self.progress.wants_preview()
        {
            self.publish_preview();
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
        timeline.events.iter().map(|e| &*e.id).collect()
    }

    /// `files` loaded from disk (a JSON file's events then have their references resolved
    /// by the parser's threads) and from texts (by the checker alone): the timelines, or
    /// the messages.
    fn from_disk_and_from_texts(files: &[(&str, String)]) -> [Result<Timeline, String>; 2] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let paths: Vec<std::path::PathBuf> = (files.iter())
            .map(|(name, text)| {
                let path = dir.path().join(name);
                std::fs::write(&path, text).expect("written");
                path
            })
            .collect();
        let from_disk = crate::load::load_paths(&paths, None)
            .map(|(timeline, _)| timeline)
            .map_err(|e| {
                e.to_string()
                    .replace(&format!("{}/", dir.path().display()), "")
            });
        let from_texts = load(files).map_err(|e| e.to_string());
        [from_disk, from_texts]
    }

    #[test]
    fn references_resolved_by_the_parser_are_those_the_checker_finds() {
        let event = |id: &str, doc: &str, actor: &str| {
            format!(
                r#"{{"id": "{id}", "date": "2022-01-0{}", "title": "T", "actors": ["{actor}"],
                  "sources": [{{"doc": "{doc}", "paragraph": 1, "quote": "beta"}}]}}"#,
                id.len()
            )
        };
        let document = |id: &str| {
            format!(
                r#"{{"id": "{id}", "title": "D", "published": "2022-01-01", "paragraphs": ["Alpha beta."]}}"#
            )
        };
        let actor = |id: &str| format!(r#"{{"id": "{id}", "name": "{id}", "kind": "person"}}"#);
        let file = |documents: &[String], actors: &[String], events: &[String]| {
            format!(
                r#"{{"documents": [{}], "actors": [{}], "events": [{}]}}"#,
                documents.join(", "),
                actors.join(", "),
                events.join(", ")
            )
        };
        // Known before the events, defined in the next file, and shared by both files.
        let first = file(
            &[document("d1"), document("d2")],
            &[actor("a1")],
            &[
                event("e1", "d2", "a1"),
                event("e22", "d3", "a1"),
                event("e333", "d1", "a2"),
            ],
        );
        let second = file(
            &[document("d3"), document("d1")],
            &[actor("a2")],
            &[event("e4444", "d1", "a2")],
        );
        let files = [("a.json", first.clone()), ("b.json", second.clone())];
        let [disk, texts] = from_disk_and_from_texts(&files);
        let timeline = disk.expect("valid");
        assert_eq!(Ok(&timeline), texts.as_ref());
        let cited: Vec<&str> = (timeline.events.iter())
            .map(|e| timeline.document(e.sources[0].doc).id.as_str())
            .collect();
        assert_eq!(cited, ["d2", "d3", "d1", "d1"]);
        // Unknown references and a repeated id say the same either way.
        let broken = first.replace(r#""doc": "d2""#, r#""doc": "d9""#);
        let files = [
            ("a.json", broken),
            ("b.json", second.replace("e4444", "e1")),
        ];
        let [disk, texts] = from_disk_and_from_texts(&files);
        let message = disk.expect_err("broken");
        assert_eq!(texts.err().as_ref(), Some(&message));
        assert!(message.contains("unknown document \"d9\""), "{message}");
        assert!(message.contains("id is defined twice"), "{message}");
        // Paragraphs out of range: of documents known ahead (d1, d2) and defined later (d3),
        // checked against the counts kept with the documents' numbers.
        let beyond = first.replace(r#""paragraph": 1"#, r#""paragraph": 2"#);
        let files = [("a.json", beyond), ("b.json", second.clone())];
        let [disk, texts] = from_disk_and_from_texts(&files);
        let message = disk.expect_err("out of range");
        assert_eq!(texts.err().as_ref(), Some(&message));
        for doc in ["d1", "d2", "d3"] {
            let said = format!("paragraph 2 is out of range (document \"{doc}\" has 1 paragraphs)");
            assert!(message.contains(&said), "{doc}: {message}");
        }
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
