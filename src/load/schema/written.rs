//! The file schema as written: a view of each item of a [`Timeline`] with the fields and
//! names of the file, its actors, documents and kinds referred to by id. Each format
//! writes these views in its own syntax (`format::{yaml, json, jsonl}`), one at a time, so
//! a million events are never held twice. Reading what is written gives the same timeline
//! back.

use std::fmt;
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::date::EdtfDate;
use crate::load::Format;
use crate::model::{self, Timeline};

/// Writes `timeline` to `out` in `format`. Fields absent from the model are left out; in
/// YAML every text is a double-quoted scalar, so that no text can be read back as a
/// number, a date or syntax. A YAML file may be preceded by `# comment` lines of the
/// caller's.
pub fn write(timeline: &Timeline, format: Format, mut out: impl Write) -> io::Result<()> {
    format.write(timeline, &mut out)
}

/// A document as written.
#[derive(Serialize)]
pub(in crate::load) struct Document<'a> {
    pub id: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<&'a str>,
    #[serde(serialize_with = "display")]
    pub published: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    pub paragraphs: &'a [String],
}

/// An actor as written.
#[derive(Serialize)]
pub(in crate::load) struct Actor<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub aliases: &'a [String],
}

/// An event as written: its kind, actors and documents by name or id.
#[derive(Serialize)]
pub(in crate::load) struct Event<'a> {
    pub id: &'a str,
    #[serde(serialize_with = "display")]
    pub date: EdtfDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<&'a str>,
    pub title: &'a str,
    /// Empty for an event of no kind, which is left out.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub kind: &'a str,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    pub sources: Vec<Source<'a>>,
}

/// A source as written.
#[derive(Serialize)]
pub(in crate::load) struct Source<'a> {
    pub doc: &'a str,
    pub paragraph: usize,
    pub quote: &'a str,
}

/// Serializes a value as its `Display` text (a date as `2021-12-30` or EDTF).
fn display<T: fmt::Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

// The items are built one at a time as they are written, so the file is never held in
// memory twice. Each format writes them in its own syntax.

/// The view of a document.
pub(in crate::load) fn document(d: &model::Document) -> Document<'_> {
    Document {
        id: &d.id,
        title: &d.title,
        publisher: d.publisher.as_deref(),
        published: d.published,
        url: d.url.as_deref(),
        paragraphs: &d.paragraphs,
    }
}

/// The view of an actor.
pub(in crate::load) fn actor(a: &model::Actor) -> Actor<'_> {
    Actor {
        id: &a.id,
        name: &a.name,
        kind: a.kind.as_str(),
        aliases: &a.aliases,
    }
}

/// The event with its actors and documents referred to by id.
pub(in crate::load) fn event<'a>(tl: &'a Timeline, e: &'a model::Event) -> Event<'a> {
    Event {
        id: &e.id,
        date: e.date,
        date_text: e.date_text.as_deref(),
        title: &e.title,
        kind: tl.kind(e.kind),
        status: e.status.as_str(),
        actors: e.actors.iter().map(|&a| tl.actor(a).id.as_str()).collect(),
        summary: e.summary.as_deref(),
        sources: e
            .sources
            .iter()
            .map(|s| Source {
                doc: &tl.document(s.doc).id,
                paragraph: s.paragraph,
                quote: &s.quote,
            })
            .collect(),
    }
}
