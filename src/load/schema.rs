//! The file schema, both ways: what a timeline file holds (`documents`, `actors` and
//! `events`, and the fields of each), read before validation into the `Raw…` types, and
//! written from a [`Timeline`](crate::model::Timeline) by [`write()`]. Format-agnostic: every format's reader
//! deserializes into these types, one item at a time, and the writer gives each format
//! the same fields. A new field of an event goes here, both ways.

pub(super) mod written;

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

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
}

/// The three lists a file may hold, named by their keys.
#[derive(Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
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

/// Reads one whole file, handing each item to the [`Items`] as soon as it is parsed.
pub(crate) struct FileSeed<'a, I>(pub &'a mut I);

impl<'de, I: Items> DeserializeSeed<'de> for FileSeed<'_, I> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_struct("file", LISTS, self)
    }
}

impl<'de, I: Items> Visitor<'de> for FileSeed<'_, I> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping with documents, actors and events")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 3];
        while let Some(list) = map.next_key::<List>()? {
            if std::mem::replace(&mut seen[list as usize], true) {
                return Err(de::Error::duplicate_field(LISTS[list as usize]));
            }
            map.next_value_seed(ListSeed {
                items: &mut *self.0,
                list,
            })?;
        }
        Ok(())
    }
}

/// Reads one of a file's lists, handing each item on.
struct ListSeed<'a, I> {
    items: &'a mut I,
    list: List,
}

impl<'de, I: Items> DeserializeSeed<'de> for ListSeed<'_, I> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, I: Items> Visitor<'de> for ListSeed<'_, I> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        match self.list {
            List::Documents => {
                while let Some(raw) = seq.next_element()? {
                    self.items.document(raw);
                }
            }
            List::Actors => {
                while let Some(raw) = seq.next_element()? {
                    self.items.actor(raw);
                }
            }
            List::Events => {
                while let Some(raw) = seq.next_element()? {
                    self.items.event(raw);
                }
            }
        }
        Ok(())
    }
}

/// A document as written: the text that events quote.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a document: a mapping with id, title, published and paragraphs"
)]
pub(crate) struct RawDocument {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(deserialize_with = "scalar")]
    pub title: String,
    #[serde(default, deserialize_with = "optional_scalar")]
    pub publisher: Option<String>,
    #[serde(deserialize_with = "scalar")]
    pub published: String,
    #[serde(default, deserialize_with = "optional_scalar")]
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
}

/// An actor as written.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an actor: a mapping with id, name and kind"
)]
pub(crate) struct RawActor {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(deserialize_with = "scalar")]
    pub name: String,
    #[serde(deserialize_with = "scalar")]
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An event as written, its actors and documents named by id.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an event: a mapping with id, date, title, kind and sources"
)]
pub(crate) struct RawEvent {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(deserialize_with = "scalar")]
    pub date: String,
    #[serde(default, deserialize_with = "optional_scalar")]
    pub date_text: Option<String>,
    #[serde(deserialize_with = "scalar")]
    pub title: String,
    #[serde(deserialize_with = "scalar")]
    pub kind: String,
    #[serde(default, deserialize_with = "optional_scalar")]
    pub status: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default, deserialize_with = "optional_scalar")]
    pub summary: Option<String>,
    pub sources: Vec<RawSource>,
}

/// An event's source as written: a quote from a paragraph (1-based) of a document.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a source: a mapping with doc, paragraph and quote"
)]
pub(crate) struct RawSource {
    #[serde(deserialize_with = "scalar")]
    pub doc: String,
    #[serde(deserialize_with = "paragraph_number")]
    pub paragraph: i64,
    #[serde(deserialize_with = "scalar")]
    pub quote: String,
}

/// Reads a text field that a person may have written without quotes: `date: 2022` is a
/// number to YAML and JSON alike, but a date to us.
struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor).map(Text)
    }
}

fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Text::deserialize(d).map(|t| t.0)
}

fn optional_scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<Text>::deserialize(d).map(|o| o.map(|t| t.0))
}

/// Reads a paragraph number, naming what is expected rather than a Rust type.
struct ParagraphVisitor;

impl Visitor<'_> for ParagraphVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a paragraph number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| self.too_large(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| self.too_large(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| self.too_large(v))
    }
}

impl ParagraphVisitor {
    fn too_large<E: de::Error>(self, v: impl fmt::Display) -> E {
        E::invalid_value(de::Unexpected::Other(&format!("integer `{v}`")), &self)
    }
}

fn paragraph_number<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    d.deserialize_any(ParagraphVisitor)
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
