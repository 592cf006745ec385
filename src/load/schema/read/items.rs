//! The items of a file's lists, documents, actors and events (and an event's sources),
//! each read whatever its shape: a mapping field by field, anything else noted as what
//! it is.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::values::{Found, drain_map, drain_seq};
use super::{At, Fields, NO_ORIGINALS};
use crate::load::schema::{RawActor, RawDocument, RawEvent, RawSource, Shape};

/// An item of a file's lists: how its mapping is read.
pub(super) trait Item: Default {
    /// What the item is called in messages and what it must be.
    const EXPECTED: &'static str;
    /// Its fields.
    const FIELDS: &'static [&'static str];
    /// Its shape, noted as it is read.
    fn shape(&mut self) -> &mut Vec<Shape>;
    /// Reads its fields from `map`.
    fn read<'de, A: MapAccess<'de>>(&mut self, at: At, map: A) -> Result<(), A::Error>;
}

/// Reads one item, whatever its shape.
pub(super) struct ItemSeed<'a, T> {
    at: At<'a>,
    item: std::marker::PhantomData<T>,
}

impl<'a, T> ItemSeed<'a, T> {
    pub(super) fn new(at: At<'a>) -> Self {
        ItemSeed {
            at,
            item: std::marker::PhantomData,
        }
    }
}

impl<'de, T: Item> DeserializeSeed<'de> for ItemSeed<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_any(self)
    }
}

impl<T: Item> ItemSeed<'_, T> {
    /// An item that is not a mapping: nothing of it is checked but that.
    fn not_a_mapping(found: Found) -> T {
        let mut item = T::default();
        item.shape().push(Shape {
            at: String::new(),
            silences: String::new(),
            message: format!("expected {}, found {found}", T::EXPECTED),
        });
        item
    }
}

impl<'de, T: Item> Visitor<'de> for ItemSeed<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        let mut item = T::default();
        item.read(self.at, map)?;
        Ok(item)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        Ok(Self::not_a_mapping(drain_seq(seq)?))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<T, E> {
        Ok(Self::not_a_mapping(Found::Text))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<T, E> {
        Ok(Self::not_a_mapping(Found::Boolean))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<T, E> {
        Ok(Self::not_a_mapping(Found::Number))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<T, E> {
        Ok(Self::not_a_mapping(Found::Number))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<T, E> {
        Ok(Self::not_a_mapping(Found::Number))
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Ok(Self::not_a_mapping(Found::Nothing))
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Ok(Self::not_a_mapping(Found::Nothing))
    }
}

impl Item for RawDocument {
    const EXPECTED: &'static str =
        "a document (a mapping with id, title, published and paragraphs)";
    const FIELDS: &'static [&'static str] =
        &["id", "title", "publisher", "published", "url", "paragraphs"];

    fn shape(&mut self) -> &mut Vec<Shape> {
        &mut self.shape
    }

    fn read<'de, A: MapAccess<'de>>(&mut self, at: At, mut map: A) -> Result<(), A::Error> {
        let mut shape = std::mem::take(&mut self.shape);
        let mut f = Fields {
            at,
            names: Self::FIELDS,
            seen: 0,
            shape: &mut shape,
        };
        while let Some(name) = f.next_key(&mut map)? {
            match name {
                "id" => self.id = f.text(&mut map, name)?,
                "title" => self.title = f.text(&mut map, name)?,
                "publisher" => self.publisher = f.optional_text(&mut map, name)?,
                "published" => self.published = f.text(&mut map, name)?,
                "url" => self.url = f.optional_text(&mut map, name)?,
                _ => self.paragraphs = f.texts(&mut map, name, "a list of paragraphs")?,
            }
        }
        f.require(&["id", "title", "published", "paragraphs"]);
        self.shape = shape;
        Ok(())
    }
}

impl Item for RawActor {
    const EXPECTED: &'static str = "an actor (a mapping with id, name and kind)";
    const FIELDS: &'static [&'static str] = &["id", "name", "kind", "aliases"];

    fn shape(&mut self) -> &mut Vec<Shape> {
        &mut self.shape
    }

    fn read<'de, A: MapAccess<'de>>(&mut self, at: At, mut map: A) -> Result<(), A::Error> {
        let mut shape = std::mem::take(&mut self.shape);
        let mut f = Fields {
            at,
            names: Self::FIELDS,
            seen: 0,
            shape: &mut shape,
        };
        while let Some(name) = f.next_key(&mut map)? {
            match name {
                "id" => self.id = f.text(&mut map, name)?,
                "name" => self.name = f.text(&mut map, name)?,
                "kind" => self.kind = f.text(&mut map, name)?,
                _ => self.aliases = f.texts(&mut map, name, "a list of aliases")?,
            }
        }
        f.require(&["id", "name", "kind"]);
        self.shape = shape;
        Ok(())
    }
}

impl Item for RawEvent {
    const EXPECTED: &'static str = "an event (a mapping with id, date, title and sources)";
    const FIELDS: &'static [&'static str] = &[
        "id",
        "date",
        "date_text",
        "title",
        "kind",
        "status",
        "actors",
        "summary",
        "sources",
    ];

    fn shape(&mut self) -> &mut Vec<Shape> {
        &mut self.shape
    }

    fn read<'de, A: MapAccess<'de>>(&mut self, at: At, mut map: A) -> Result<(), A::Error> {
        let mut shape = std::mem::take(&mut self.shape);
        let mut f = Fields {
            at,
            names: Self::FIELDS,
            seen: 0,
            shape: &mut shape,
        };
        while let Some(name) = f.next_key(&mut map)? {
            match name {
                "id" => self.id = f.text(&mut map, name)?,
                "date" => self.date = f.text(&mut map, name)?,
                "date_text" => self.date_text = f.optional_text(&mut map, name)?,
                "title" => self.title = f.text(&mut map, name)?,
                "kind" => self.kind = f.optional_text(&mut map, name)?,
                "status" => self.status = f.optional_text(&mut map, name)?,
                "actors" => self.actors = f.texts(&mut map, name, "a list of actor ids")?,
                "summary" => self.summary = f.optional_text(&mut map, name)?,
                _ => {
                    let seed = SourcesSeed {
                        at: at.field("sources"),
                        shape: &mut *f.shape,
                    };
                    match map.next_value_seed(seed)? {
                        Ok(sources) => self.sources = sources,
                        Err(found) => {
                            f.wrong(at.field("sources"), "a list of sources", found, None)
                        }
                    }
                }
            }
        }
        f.require(&["id", "date", "title", "sources"]);
        self.shape = shape;
        Ok(())
    }
}

/// Reads an event's sources, each whatever its shape.
struct SourcesSeed<'s, 'a> {
    at: At<'a>,
    shape: &'s mut Vec<Shape>,
}

impl<'de> DeserializeSeed<'de> for SourcesSeed<'_, '_> {
    type Value = Result<Vec<RawSource>, Found>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SourcesSeed<'_, '_> {
    type Value = Result<Vec<RawSource>, Found>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of sources")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut sources = Vec::new();
        loop {
            let at = At {
                source: Some(sources.len()),
                field: "",
                ..self.at
            };
            let seed = SourceSeed {
                at,
                shape: &mut *self.shape,
            };
            match seq.next_element_seed(seed)? {
                Some(source) => sources.push(source),
                None => return Ok(Ok(sources)),
            }
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Ok(Vec::new()))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Ok(Vec::new()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Ok(Err(drain_map(map)?))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Err(Found::Text))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err(Found::Boolean))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err(Found::Number))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err(Found::Number))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err(Found::Number))
    }
}

/// Reads one source, whatever its shape, noting its problems in the event's shape.
struct SourceSeed<'s, 'a> {
    at: At<'a>,
    shape: &'s mut Vec<Shape>,
}

impl SourceSeed<'_, '_> {
    const EXPECTED: &'static str = "a source (a mapping with doc, paragraph and quote)";
    const FIELDS: &'static [&'static str] = &["doc", "paragraph", "quote"];

    fn not_a_mapping(self, found: Found) -> RawSource {
        let path = self.at.in_item();
        self.shape.push(Shape {
            at: path.clone(),
            silences: path.clone(),
            message: format!("{path}: expected {}, found {found}", Self::EXPECTED),
        });
        RawSource::default()
    }
}

impl<'de> DeserializeSeed<'de> for SourceSeed<'_, '_> {
    type Value = RawSource;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawSource, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SourceSeed<'_, '_> {
    type Value = RawSource;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(Self::EXPECTED)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawSource, A::Error> {
        let mut source = RawSource::default();
        let mut f = Fields {
            at: self.at,
            names: Self::FIELDS,
            seen: 0,
            shape: self.shape,
        };
        while let Some(name) = f.next_key(&mut map)? {
            match name {
                "doc" => source.doc = f.text(&mut map, name)?,
                "paragraph" => source.paragraph = f.paragraph(&mut map)?,
                _ => source.quote = f.text(&mut map, name)?,
            }
        }
        f.require(Self::FIELDS);
        Ok(source)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawSource, A::Error> {
        let found = drain_seq(seq)?;
        Ok(self.not_a_mapping(found))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<RawSource, E> {
        Ok(self.not_a_mapping(Found::Text))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawSource, E> {
        Ok(self.not_a_mapping(Found::Boolean))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawSource, E> {
        Ok(self.not_a_mapping(Found::Number))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawSource, E> {
        Ok(self.not_a_mapping(Found::Number))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawSource, E> {
        Ok(self.not_a_mapping(Found::Number))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawSource, E> {
        Ok(self.not_a_mapping(Found::Nothing))
    }
}

/// Each item reads alone (a JSON block, a JSON Lines line) as it does in its file.
macro_rules! deserialize_item {
    ($($item:ty),*) => {$(
        impl<'de> serde::Deserialize<'de> for $item {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                ItemSeed::<$item>::new(At::item(&NO_ORIGINALS, None)).deserialize(d)
            }
        }
    )*};
}

deserialize_item!(RawDocument, RawActor, RawEvent);
