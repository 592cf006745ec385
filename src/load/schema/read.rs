//! Reading the file schema leniently, in every format alike: an item of the wrong shape
//! (a field missing, unknown or of the wrong type, a list where a mapping belongs) is
//! still read, its problems noted in its [`Shape`]s, so that one run reports every
//! problem of a file. Only syntax stops a reader. Texts are read as written: a number
//! where text belongs is the text it was written as (YAML, through [`Originals`]), its
//! decimal digits when it is whole (JSON), or a problem, never a rewritten value.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

mod items;
mod values;

use super::{Items, LISTS, List, Originals, RawActor, RawDocument, RawEvent, Shape};
use items::ItemSeed;
use values::{Found, Number, NumberSeed, Scalar, TextSeed, TextsSeed, drain_map};

/// No texts recorded: a JSON text says what it means.
static NO_ORIGINALS: std::sync::LazyLock<Originals> = std::sync::LazyLock::new(Originals::default);

/// Where a value stands, for finding the text a YAML scalar was written as. The path is
/// only formatted when a scalar was not read as text.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    originals: &'a Originals,
    /// The list and index of the item, when the reader knows them.
    item: Option<(List, usize)>,
    /// For a source, its index in the event's sources.
    source: Option<usize>,
    /// The field, "" for the item itself.
    field: &'static str,
    /// For an element of a list field, its index.
    element: Option<usize>,
}

impl<'a> At<'a> {
    fn item(originals: &'a Originals, item: Option<(List, usize)>) -> Self {
        At {
            originals,
            item,
            source: None,
            field: "",
            element: None,
        }
    }

    fn field(self, field: &'static str) -> Self {
        At { field, ..self }
    }

    fn element(self, element: usize) -> Self {
        At {
            element: Some(element),
            ..self
        }
    }

    /// The path from the file's root, as the locators and [`Originals`] name values.
    pub(crate) fn path(&self) -> String {
        let mut path = match self.item {
            Some((list, index)) => format!("{}.{index}", LISTS[list as usize]),
            None => String::new(),
        };
        let mut push = |part: &str| {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(part);
        };
        if let Some(j) = self.source {
            push(&format!("sources.{j}"));
        }
        if !self.field.is_empty() {
            push(self.field);
        }
        if let Some(i) = self.element {
            push(&i.to_string());
        }
        path
    }

    /// The path from the item: where a [`Shape`] stands.
    fn in_item(&self) -> String {
        At {
            item: None,
            ..*self
        }
        .path()
    }
}

/// Reads one whole file, handing each item to the [`Items`] as soon as it is read. The
/// texts of a YAML file's plain scalars come from `originals`.
pub(crate) struct FileSeed<'a, I> {
    /// Where the items go.
    pub items: &'a mut I,
    /// What a YAML file's plain scalars were written as.
    pub originals: &'a Originals,
}

impl<'a, I> FileSeed<'a, I> {
    /// Reads a file that is not YAML.
    pub(crate) fn new(items: &'a mut I) -> Self {
        FileSeed {
            items,
            originals: &NO_ORIGINALS,
        }
    }
}

impl<'de, I: Items> DeserializeSeed<'de> for FileSeed<'_, I> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, I: Items> Visitor<'de> for FileSeed<'_, I> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping with documents, actors and events")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = [false; 3];
        let mut counts = [0usize; 3];
        while let Some(key) = map.next_key::<String>()? {
            let Some(list) = List::named(&key) else {
                self.items.problem(format!("{key}@key"), unknown_list(&key));
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if std::mem::replace(&mut seen[list as usize], true) {
                let message = format!("`{}` is given twice", LISTS[list as usize]);
                self.items.problem(format!("{key}@key"), message);
            }
            map.next_value_seed(ListSeed {
                items: &mut *self.items,
                originals: self.originals,
                list,
                next: &mut counts[list as usize],
            })?;
        }
        Ok(())
    }
}

/// The message for a top-level key that names no list. Its problem stands at the key,
/// `key@key`, as an unknown field's does.
pub(crate) fn unknown_list(key: &str) -> String {
    format!("unknown field `{key}`, expected one of `documents`, `actors`, `events`")
}

/// Reads one of a file's lists, handing each item on; `next` counts the items of that
/// list so far.
pub(crate) struct ListSeed<'a, I> {
    /// Where the items go.
    pub items: &'a mut I,
    /// What a YAML file's plain scalars were written as.
    pub originals: &'a Originals,
    /// Which list this is.
    pub list: List,
    /// How many items of this list the file has given so far.
    pub next: &'a mut usize,
}

impl<'de, I: Items> DeserializeSeed<'de> for ListSeed<'_, I> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, I: Items> Visitor<'de> for ListSeed<'_, I> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let at = At::item(self.originals, Some((self.list, *self.next)));
            let read = match self.list {
                List::Documents => seq
                    .next_element_seed(ItemSeed::<RawDocument>::new(at))?
                    .map(|raw| self.items.document(raw)),
                List::Actors => seq
                    .next_element_seed(ItemSeed::<RawActor>::new(at))?
                    .map(|raw| self.items.actor(raw)),
                List::Events => seq
                    .next_element_seed(ItemSeed::<RawEvent>::new(at))?
                    .map(|raw| self.items.event(raw)),
            };
            if read.is_none() {
                return Ok(());
            }
            *self.next += 1;
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let found = drain_map(map)?;
        self.not_a_list(found);
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.not_a_list(Found::Text);
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.not_a_list(Found::Boolean);
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.not_a_list(Found::Number);
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.not_a_list(Found::Number);
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.not_a_list(Found::Number);
        Ok(())
    }
}

impl<I: Items> ListSeed<'_, I> {
    fn not_a_list(self, found: Found) {
        let key = LISTS[self.list as usize];
        self.items.problem(
            key.to_string(),
            format!("{key}: expected a list, found {found}"),
        );
    }
}

/// A mapping key: the index of a field of `fields`, or a name none of them has.
enum Key {
    Known(usize),
    Unknown(String),
}

struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|f| *f == v) {
            Some(i) => Key::Known(i),
            None => Key::Unknown(v.to_string()),
        })
    }
}

/// Reads the fields of one mapping, noting what is wrong with their shapes.
struct Fields<'s, 'a> {
    at: At<'a>,
    names: &'static [&'static str],
    seen: u32,
    shape: &'s mut Vec<Shape>,
}

impl<'a> Fields<'_, 'a> {
    fn note(&mut self, at: String, silences: String, message: String) {
        self.shape.push(Shape {
            at,
            silences,
            message,
        });
    }

    fn wrong(&mut self, at: At<'a>, expected: &str, found: Found, detail: Option<String>) {
        let path = at.in_item();
        let detail = detail.unwrap_or_default();
        let message = format!("{path}: expected {expected}, found {found}{detail}");
        self.note(path.clone(), path, message);
    }

    /// The next key, noting one unknown (its value skipped) or given twice.
    fn next_key<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
    ) -> Result<Option<&'static str>, A::Error> {
        while let Some(key) = map.next_key_seed(KeySeed(self.names))? {
            match key {
                Key::Known(i) => {
                    let name = self.names[i];
                    let twice = self.seen & 1 << i != 0;
                    self.seen |= 1 << i;
                    if twice {
                        let path = self.at.field(name).in_item();
                        let message = format!("duplicate field `{name}`");
                        self.note(format!("{path}@key"), path, message);
                    }
                    return Ok(Some(name));
                }
                Key::Unknown(name) => {
                    let expected: Vec<String> =
                        self.names.iter().map(|n| format!("`{n}`")).collect();
                    let message = format!(
                        "unknown field `{name}`, expected one of {}",
                        expected.join(", ")
                    );
                    let path = match self.at.source {
                        Some(j) => format!("sources.{j}.{name}"),
                        None => name,
                    };
                    self.note(format!("{path}@key"), path, message);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(None)
    }

    fn optional_text<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        field: &'static str,
    ) -> Result<Option<String>, A::Error> {
        let at = self.at.field(field);
        Ok(match map.next_value_seed(TextSeed(at))? {
            Scalar::Text(text) => Some(text),
            Scalar::Null => None,
            Scalar::Other(found, detail) => {
                self.wrong(at, "text", found, detail);
                None
            }
        })
    }

    fn text<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        field: &'static str,
    ) -> Result<String, A::Error> {
        Ok(self.optional_text(map, field)?.unwrap_or_default())
    }

    fn texts<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        field: &'static str,
        expected: &'static str,
    ) -> Result<Vec<String>, A::Error> {
        let at = self.at.field(field);
        let seed = TextsSeed {
            at,
            shape: &mut *self.shape,
        };
        Ok(match map.next_value_seed(seed)? {
            Ok(texts) => texts,
            Err((found, detail)) => {
                self.wrong(at, expected, found, detail);
                Vec::new()
            }
        })
    }

    fn paragraph<'de, A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<i64, A::Error> {
        let at = self.at.field("paragraph");
        Ok(match map.next_value_seed(NumberSeed)? {
            Number::Number(n) => n,
            Number::Other(found, detail) => {
                self.wrong(at, "a paragraph number", found, detail);
                // Silenced: the range is not checked again.
                0
            }
        })
    }

    /// Notes each of `required` that was not given.
    fn require(&mut self, required: &[&'static str]) {
        for name in required {
            let i = self.names.iter().position(|n| n == name).unwrap_or(0);
            if self.seen & 1 << i == 0 {
                let item = At {
                    field: "",
                    ..self.at
                }
                .in_item();
                let silences = self.at.field(name).in_item();
                self.note(item, silences, format!("missing field `{name}`"));
            }
        }
    }
}
