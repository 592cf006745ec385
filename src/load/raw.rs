//! The shape of a timeline file as written, before validation. Format-agnostic: the
//! YAML and JSON readers both deserialize into these types, one item at a time.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// Receives the items of a file one at a time, as they are parsed, so that a file's lists
/// never exist whole.
pub trait Items {
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
pub enum List {
    /// `documents`.
    Documents,
    /// `actors`.
    Actors,
    /// `events`.
    Events,
}

/// The keys of the lists, in the order of [`List`].
pub const LISTS: &[&str] = &["documents", "actors", "events"];

/// Reads one whole file, handing each item to the [`Items`] as soon as it is parsed.
pub struct FileSeed<'a, I>(pub &'a mut I);

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

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a document: a mapping with id, title, published and paragraphs"
)]
pub struct RawDocument {
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

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an actor: a mapping with id, name and kind"
)]
pub struct RawActor {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(deserialize_with = "scalar")]
    pub name: String,
    #[serde(deserialize_with = "scalar")]
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an event: a mapping with id, date, title, kind and sources"
)]
pub struct RawEvent {
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

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a source: a mapping with doc, paragraph and quote"
)]
pub struct RawSource {
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
