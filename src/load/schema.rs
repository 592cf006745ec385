//! The file schema, both ways: what a timeline file holds (`documents`, `actors` and
//! `events`, and the fields of each), read before validation into the `Raw…` types, and
//! written from a [`Timeline`](crate::model::Timeline) by [`write()`]. Format-agnostic: every format's reader
//! deserializes into these types, one item at a time, and the writer gives each format
//! the same fields. A new field of an event goes here, both ways.

mod read;
pub(super) mod written;

pub(crate) use read::{FileSeed, ListSeed, unknown_list};
pub use written::write;

/// Receives the items of a file one at a time, as they are parsed, so that a file's lists
/// never exist whole.
pub(crate) trait Items {
    /// The next document of the file.
    fn document(&mut self, raw: RawDocument);
    /// The next actor of the file.
    fn actor(&mut self, raw: RawActor);
    /// The next event of the file.
    fn event(&mut self, raw: RawEvent);
    /// A problem with the file's own shape (a list unknown, or not a list), at `path`.
    fn problem(&mut self, path: String, message: String);
    /// The timeline's title, where the file gives one (only a TimelineJS sheet does).
    fn title(&mut self, _title: String) {}
    /// The next event, its references resolved ahead with the ids [`Items::known_ids`]
    /// gave: taken as [`Items::event`] takes it, without looking them up again.
    fn resolved_event(&mut self, raw: RawEvent, references: crate::load::validate::References) {
        let _ = references;
        self.event(raw);
    }
    /// The documents and actors known so far, once every item handed on is checked: for
    /// a parser to resolve the references of the events it reads, on threads of its own.
    /// None where nothing keeps them.
    fn known_ids(&mut self) -> Option<std::sync::Arc<crate::load::validate::KnownIds>> {
        None
    }
    /// About `count` more events follow: an estimate, to make room for them at once
    /// rather than by doubling, which copies what is held into memory not touched yet.
    fn expect_events(&mut self, _count: usize) {}
}

/// The three lists a file may hold, named by their keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    /// `documents`.
    Documents,
    /// `actors`.
    Actors,
    /// `events`.
    Events,
}

/// The keys of the lists, in the order of [`List`].
pub(crate) const LISTS: &[&str] = &["documents", "actors", "events"];

impl List {
    /// The list named `key`, if any.
    pub(crate) fn named(key: &str) -> Option<List> {
        match key {
            "documents" => Some(List::Documents),
            "actors" => Some(List::Actors),
            "events" => Some(List::Events),
            _ => None,
        }
    }
}

/// A problem with an item's shape, found as it is read: a field missing, unknown, given
/// twice or of the wrong type, or the item not a mapping. The item is still handed on, so
/// that its other problems are found in the same run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Where it is, from the item: `kind`, `sources.1.paragraph`, or "" for the item.
    pub at: String,
    /// The value whose own checks it makes moot, from the item ("" for all of them): a
    /// missing title is reported at the item, and no "title is empty" follows.
    pub silences: String,
    /// What is wrong, without the item's name.
    pub message: String,
}

/// The texts of a YAML file's plain scalars that serde_yaml reads as something else (a
/// number, a boolean), as written, by path: `title: 0x10` is the text "0x10", not 16.
#[derive(Debug, Default)]
pub(crate) struct Originals(rustc_hash::FxHashMap<String, String>);

impl Originals {
    /// Records that the scalar at `path` was written `text`.
    pub(crate) fn insert(&mut self, path: String, text: String) {
        self.0.insert(path, text);
    }

    /// The text the value at `at` was written as, if recorded.
    fn get(&self, at: &read::At) -> Option<String> {
        if self.0.is_empty() {
            return None;
        }
        self.0.get(&at.path()).cloned()
    }
}

/// A document as written: the text that events quote.
#[derive(Debug, Default)]
pub(crate) struct RawDocument {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub published: String,
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
    /// What is wrong with its shape.
    pub shape: Vec<Shape>,
}

/// An actor as written.
#[derive(Debug, Default)]
pub(crate) struct RawActor {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    /// What is wrong with its shape.
    pub shape: Vec<Shape>,
}

/// An event as written, its actors and documents named by id.
#[derive(Debug, Default)]
pub(crate) struct RawEvent {
    pub id: String,
    pub date: String,
    pub date_text: Option<String>,
    pub title: String,
    /// Optional: an event need not have a kind.
    pub kind: Option<String>,
    pub status: Option<String>,
    pub actors: Vec<String>,
    pub summary: Option<String>,
    pub sources: Vec<RawSource>,
    /// Read from a spreadsheet (a CSV file), where an event may have no source.
    pub from_sheet: bool,
    /// What is wrong with its shape, its sources' included.
    pub shape: Vec<Shape>,
}

/// An event's source as written: a quote from a paragraph (1-based) of a document.
#[derive(Debug, Default)]
pub(crate) struct RawSource {
    pub doc: String,
    pub paragraph: i64,
    pub quote: String,
}

#[cfg(test)]
mod tests {
    use crate::load::{Format, SourceFile, load_sources};
    use crate::model::{Event, KindId, Timeline};

    /// A synthetic timeline with every optional field set somewhere, and texts that YAML
    /// would read as something else if written plainly.
    fn timeline() -> Timeline {
        let mut timeline = crate::synth::timeline(40, 3);
        timeline.documents[0].url = Some("https://example.org/a?b=c#d".to_string());
        timeline.documents[0].publisher = None;
        timeline.actors[0].aliases = vec!["yes".to_string(), "- a: b".to_string()];
        let event = &mut timeline.events[0];
        event.date_text = Some("late \"that\" night\u{2028}".into());
        event.summary = Some("null".into());
        timeline.events[1].summary = None;
        timeline
    }

    /// The events, each with the name of its kind rather than its number.
    fn events_by_kind_name(timeline: &Timeline) -> Vec<(&str, Event)> {
        let first = KindId::new(0).expect("kind 0 exists");
        let events = timeline.events.iter();
        events
            .map(|e| {
                (
                    timeline.kind(e.kind),
                    Event {
                        kind: first,
                        ..e.clone()
                    },
                )
            })
            .collect()
    }

    #[test]
    fn what_is_written_reads_back_the_same_in_every_format() {
        let timeline = timeline();
        for (format, name) in [
            (Format::Yaml, "out.yaml"),
            (Format::Json, "out.json"),
            (Format::JsonLines, "out.jsonl"),
        ] {
            let mut bytes = Vec::new();
            super::write(&timeline, format, &mut bytes).expect("writing to memory");
            let file = SourceFile {
                name: name.to_string(),
                text: String::from_utf8(bytes).expect("UTF-8"),
            };
            let back = load_sources(&[file]).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(back.documents, timeline.documents, "{name}");
            assert_eq!(back.actors, timeline.actors, "{name}");
            // Kinds are numbered in the order the file names them.
            assert_eq!(
                events_by_kind_name(&back),
                events_by_kind_name(&timeline),
                "{name}"
            );
        }
    }
}
