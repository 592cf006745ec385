//! Reading the file schema leniently, in every format alike: an item of the wrong shape
//! (a field missing, unknown or of the wrong type, a list where a mapping belongs) is
//! still read, its problems noted in its [`Shape`]s, so that one run reports every
//! problem of a file. Only syntax stops a reader. Texts are read as written: a number
//! where text belongs is the text it was written as (YAML, through [`Originals`]), its
//! decimal digits when it is whole (JSON), or a problem, never a rewritten value.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{Items, LISTS, List, Originals, RawActor, RawDocument, RawEvent, RawSource, Shape};

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

/// What was found where something else belongs.
#[derive(Clone, Copy, Debug)]
enum Found {
    Text,
    Number,
    Boolean,
    List,
    Mapping,
    Nothing,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Found::Text => "text",
            Found::Number => "a number",
            Found::Boolean => "a boolean",
            Found::List => "a list",
            Found::Mapping => "a mapping",
            Found::Nothing => "nothing",
        })
    }
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Found, A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(Found::Mapping)
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Found, A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(Found::List)
}

/// A scalar read where text belongs.
enum Scalar {
    Text(String),
    Null,
    /// Not text; for a number, why it cannot be read as written.
    Other(Found, Option<String>),
}

/// Reads any value where text belongs, never failing on its type.
struct TextSeed<'a>(At<'a>);

impl<'de> DeserializeSeed<'de> for TextSeed<'_> {
    type Value = Scalar;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(self)
    }
}

impl TextSeed<'_> {
    /// A number or boolean where text belongs: the text it was written as, where known.
    fn written(&self, resolved: impl fmt::Display, whole: bool) -> Scalar {
        match self.0.originals.get(&self.0) {
            Some(text) => Scalar::Text(text),
            None if whole => Scalar::Text(resolved.to_string()),
            None => Scalar::Other(
                Found::Number,
                Some(format!(
                    " read as {resolved}: write it in quotes to keep it as written"
                )),
            ),
        }
    }
}

impl<'de> Visitor<'de> for TextSeed<'_> {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(v))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(self.written(v, true))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(self.written(v, true))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(self.written(v, true))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Scalar, E> {
        Ok(self.written(v, true))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Scalar, E> {
        Ok(self.written(v, true))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        // A fraction or an exponent is not kept as written by the parser: 1e3 is 1000.
        Ok(self.written(v, false))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar, A::Error> {
        Ok(Scalar::Other(drain_seq(seq)?, None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar, A::Error> {
        Ok(Scalar::Other(drain_map(map)?, None))
    }
}

/// A value read where a paragraph number belongs.
enum Number {
    Number(i64),
    Other(Found, Option<String>),
}

struct NumberSeed;

impl<'de> DeserializeSeed<'de> for NumberSeed {
    type Value = Number;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Number, D::Error> {
        d.deserialize_any(self)
    }
}

fn too_large(v: impl fmt::Display) -> Number {
    Number::Other(Found::Number, Some(format!(" too large ({v})")))
}

impl<'de> Visitor<'de> for NumberSeed {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a paragraph number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
        Ok(Number::Number(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
        Ok(i64::try_from(v).map_or_else(|_| too_large(v), Number::Number))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Number, E> {
        Ok(i64::try_from(v).map_or_else(|_| too_large(v), Number::Number))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Number, E> {
        Ok(i64::try_from(v).map_or_else(|_| too_large(v), Number::Number))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
        Ok(Number::Other(Found::Number, Some(format!(" {v}"))))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
        Ok(Number::Other(Found::Text, Some(format!(" {v:?}"))))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Number, E> {
        Ok(Number::Other(Found::Boolean, None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Number, E> {
        Ok(Number::Other(Found::Nothing, None))
    }

    fn visit_none<E: de::Error>(self) -> Result<Number, E> {
        Ok(Number::Other(Found::Nothing, None))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Number, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Number, A::Error> {
        Ok(Number::Other(drain_seq(seq)?, None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Number, A::Error> {
        Ok(Number::Other(drain_map(map)?, None))
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

/// Reads a list of texts; elements of the wrong type are noted one by one.
struct TextsSeed<'s, 'a> {
    at: At<'a>,
    shape: &'s mut Vec<Shape>,
}

impl<'de> DeserializeSeed<'de> for TextsSeed<'_, '_> {
    type Value = Result<Vec<String>, (Found, Option<String>)>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TextsSeed<'_, '_> {
    type Value = Result<Vec<String>, (Found, Option<String>)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of texts")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut texts = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        loop {
            let at = self.at.element(texts.len());
            match seq.next_element_seed(TextSeed(at))? {
                None => return Ok(Ok(texts)),
                Some(Scalar::Text(text)) => texts.push(text),
                Some(Scalar::Null) => texts.push(String::new()),
                Some(Scalar::Other(found, detail)) => {
                    let path = at.in_item();
                    let detail = detail.unwrap_or_default();
                    self.shape.push(Shape {
                        at: path.clone(),
                        silences: path.clone(),
                        message: format!("{path}: expected text, found {found}{detail}"),
                    });
                    texts.push(String::new());
                }
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
        Ok(Err((drain_map(map)?, None)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Err((Found::Text, Some(format!(" {v:?}")))))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err((Found::Boolean, None)))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err((Found::Number, None)))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err((Found::Number, None)))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err((Found::Number, None)))
    }
}

/// An item of a file's lists: how its mapping is read.
trait Item: Default {
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
struct ItemSeed<'a, T> {
    at: At<'a>,
    item: std::marker::PhantomData<T>,
}

impl<'a, T> ItemSeed<'a, T> {
    fn new(at: At<'a>) -> Self {
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
