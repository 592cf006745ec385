//! The values inside an item, each read whatever it turns out to be: text, a paragraph
//! number, a list of texts. What is not of the type expected is drained and named, so
//! the reader goes on.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::At;
use crate::load::schema::Shape;

/// What was found where something else belongs.
#[derive(Clone, Copy, Debug)]
pub(super) enum Found {
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

pub(super) fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Found, A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(Found::Mapping)
}

pub(super) fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Found, A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(Found::List)
}

/// A scalar read where text belongs.
pub(super) enum Scalar {
    Text(String),
    Null,
    /// Not text; for a number, why it cannot be read as written.
    Other(Found, Option<String>),
}

/// Reads any value where text belongs, never failing on its type.
pub(super) struct TextSeed<'a>(pub(super) At<'a>);

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
pub(super) enum Number {
    Number(i64),
    Other(Found, Option<String>),
}

pub(super) struct NumberSeed;

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

/// Reads a list of texts; elements of the wrong type are noted one by one.
pub(super) struct TextsSeed<'s, 'a> {
    pub(super) at: At<'a>,
    pub(super) shape: &'s mut Vec<Shape>,
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
