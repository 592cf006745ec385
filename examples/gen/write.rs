//! Writing a timeline in the file schema (YAML, JSON or JSON Lines): shared by the `gen`
//! example and the load benchmark.

use std::fmt;
use std::io::{self, Write};

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::{Serialize, Serializer};
use tline::date::EdtfDate;
use tline::model::{self, Timeline};

/// Writes `timeline` to `w` in `format`; a YAML file starts with `comment`.
pub fn write(w: &mut impl Write, tl: &Timeline, format: Format, comment: &str) -> io::Result<()> {
    match format {
        Format::Json => write_json(w, tl),
        Format::Jsonl => write_jsonl(w, tl),
        Format::Yaml => write_yaml(w, tl, comment),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One YAML document laid out like events.yaml.
    Yaml,
    /// One JSON object with documents, actors and events.
    Json,
    /// JSON Lines: one {"document"|"actor"|"event": {...}} object per line.
    Jsonl,
}

#[derive(Serialize)]
struct Document<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(serialize_with = "display")]
    published: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    paragraphs: &'a [String],
}

#[derive(Serialize)]
struct Actor<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
}

#[derive(Serialize)]
struct Event<'a> {
    id: &'a str,
    #[serde(serialize_with = "display")]
    date: EdtfDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_text: Option<&'a str>,
    title: &'a str,
    kind: &'a str,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actors: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    sources: Vec<Source<'a>>,
}

#[derive(Serialize)]
struct Source<'a> {
    doc: &'a str,
    paragraph: usize,
    quote: &'a str,
}

/// One line of a JSON Lines file.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Line<'a> {
    Document(Document<'a>),
    Actor(Actor<'a>),
    Event(Event<'a>),
}

/// Serializes a value as its `Display` text (a date as `2021-12-30` or EDTF).
fn display<T: fmt::Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

// The items are built one at a time as they are written, so the file is never held in
// memory twice.

fn document(d: &model::Document) -> Document<'_> {
    Document {
        id: &d.id,
        title: &d.title,
        publisher: d.publisher.as_deref(),
        published: d.published,
        url: d.url.as_deref(),
        paragraphs: &d.paragraphs,
    }
}

fn actor(a: &model::Actor) -> Actor<'_> {
    Actor {
        id: &a.id,
        name: &a.name,
        kind: a.kind.as_str(),
        aliases: &a.aliases,
    }
}

/// The event with its actors and documents referred to by id.
fn event<'a>(tl: &'a Timeline, e: &'a model::Event) -> Event<'a> {
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

/// Writes `items` as the JSON array that is the value of `key`, each item with serde.
fn json_array<T: Serialize>(
    w: &mut impl Write,
    key: &str,
    items: impl Iterator<Item = T>,
) -> io::Result<()> {
    write!(w, "\"{key}\":[")?;
    for (i, item) in items.enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        serde_json::to_writer(&mut *w, &item)?;
    }
    w.write_all(b"]")
}

/// One object, written an item at a time: the same text as serializing the whole file.
fn write_json(w: &mut impl Write, tl: &Timeline) -> io::Result<()> {
    w.write_all(b"{")?;
    json_array(w, "documents", tl.documents.iter().map(document))?;
    w.write_all(b",")?;
    json_array(w, "actors", tl.actors.iter().map(actor))?;
    w.write_all(b",")?;
    json_array(w, "events", tl.events.iter().map(|e| event(tl, e)))?;
    w.write_all(b"}\n")
}

fn write_jsonl(w: &mut impl Write, tl: &Timeline) -> io::Result<()> {
    let lines = (tl.documents.iter().map(|d| Line::Document(document(d))))
        .chain(tl.actors.iter().map(|a| Line::Actor(actor(a))))
        .chain(tl.events.iter().map(|e| Line::Event(event(tl, e))));
    for line in lines {
        serde_json::to_writer(&mut *w, &line)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes `s` as a YAML double-quoted scalar. Besides `"` and `\`, escapes every
/// character YAML does not allow raw (C0 and C1 controls, DEL, the BOM, U+FFFE/U+FFFF)
/// and those it reads as line breaks (U+0085, U+2028, U+2029), which would otherwise be
/// folded into spaces. Plain ASCII text, the usual case, is written as it is.
fn quoted(w: &mut impl Write, s: &str) -> io::Result<()> {
    w.write_all(b"\"")?;
    if s.bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
    {
        w.write_all(s.as_bytes())?;
        return w.write_all(b"\"");
    }
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            '\0'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{feff}'
            | '\u{fffe}'
            | '\u{ffff}' => "",
            _ => continue,
        };
        w.write_all(&s.as_bytes()[plain..i])?;
        if escape.is_empty() {
            write!(w, "\\u{:04X}", c as u32)?;
        } else {
            w.write_all(escape.as_bytes())?;
        }
        plain = i + c.len_utf8();
    }
    w.write_all(&s.as_bytes()[plain..])?;
    w.write_all(b"\"")
}

/// Writes `key: "value"` and a newline, after `indent`.
fn field(w: &mut impl Write, indent: &str, key: &str, value: &str) -> io::Result<()> {
    write!(w, "{indent}{key}: ")?;
    quoted(w, value)?;
    w.write_all(b"\n")
}

/// Writes `key: ["a", "b"]` (a flow sequence) and a newline, after `indent`.
fn flow_list<'a>(
    w: &mut impl Write,
    indent: &str,
    key: &str,
    items: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    write!(w, "{indent}{key}: [")?;
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            w.write_all(b", ")?;
        }
        quoted(w, item)?;
    }
    w.write_all(b"]\n")
}

/// Writes `key:` to open a block sequence, or `key: []` when there are no items (a bare
/// `key:` would be null).
fn list_key(w: &mut impl Write, key: &str, empty: bool) -> io::Result<()> {
    writeln!(w, "{key}:{}", if empty { " []" } else { "" })
}

/// The layout of events.yaml: block sequences of mappings, one field a line.
fn write_yaml(w: &mut impl Write, tl: &Timeline, comment: &str) -> io::Result<()> {
    writeln!(w, "# {comment}")?;
    list_key(w, "documents", tl.documents.is_empty())?;
    for d in tl.documents.iter().map(document) {
        field(w, "  - ", "id", d.id)?;
        field(w, "    ", "title", d.title)?;
        if let Some(publisher) = d.publisher {
            field(w, "    ", "publisher", publisher)?;
        }
        writeln!(w, "    published: \"{}\"", d.published)?;
        if let Some(url) = d.url {
            field(w, "    ", "url", url)?;
        }
        if d.paragraphs.is_empty() {
            w.write_all(b"    paragraphs: []\n")?;
        } else {
            w.write_all(b"    paragraphs:\n")?;
            for p in d.paragraphs {
                w.write_all(b"      - ")?;
                quoted(w, p)?;
                w.write_all(b"\n")?;
            }
        }
    }
    list_key(w, "\nactors", tl.actors.is_empty())?;
    for a in tl.actors.iter().map(actor) {
        field(w, "  - ", "id", a.id)?;
        field(w, "    ", "name", a.name)?;
        field(w, "    ", "kind", a.kind)?;
        if !a.aliases.is_empty() {
            flow_list(w, "    ", "aliases", a.aliases.iter().map(String::as_str))?;
        }
    }
    list_key(w, "\nevents", tl.events.is_empty())?;
    for e in tl.events.iter().map(|e| event(tl, e)) {
        field(w, "  - ", "id", e.id)?;
        // EDTF text is digits, `-`, `/`, `.` and `~?%`: nothing to escape.
        writeln!(w, "    date: \"{}\"", e.date)?;
        if let Some(date_text) = e.date_text {
            field(w, "    ", "date_text", date_text)?;
        }
        field(w, "    ", "title", e.title)?;
        field(w, "    ", "kind", e.kind)?;
        field(w, "    ", "status", e.status)?;
        if !e.actors.is_empty() {
            flow_list(w, "    ", "actors", e.actors.iter().copied())?;
        }
        if let Some(summary) = e.summary {
            field(w, "    ", "summary", summary)?;
        }
        if e.sources.is_empty() {
            w.write_all(b"    sources: []\n")?;
        } else {
            w.write_all(b"    sources:\n")?;
            for s in &e.sources {
                field(w, "      - ", "doc", s.doc)?;
                writeln!(w, "        paragraph: {}", s.paragraph)?;
                field(w, "        ", "quote", s.quote)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_round_trip_whatever_they_hold() {
        let texts = [
            "plain words",
            "",
            "2022-01-01",
            "yes",
            "null",
            "- a: b # c",
            "quote \" and \\ backslash",
            "tab\tnew\nline\rcr",
            "\u{0}\u{1b}[31m\u{7f}\u{85}\u{9f}",
            "line\u{2028}para\u{2029}bom\u{feff}end",
            "“curly” – Ünïcödé 日本 🎉",
            "  leading and trailing  ",
        ];
        for text in texts {
            let mut out = Vec::new();
            quoted(&mut out, text).unwrap();
            let yaml = String::from_utf8(out).unwrap();
            let back: String = serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(back, text, "{yaml}");
        }
    }
}
