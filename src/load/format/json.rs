//! JSON: one object with the same schema as YAML, read with serde_json, which is an order
//! of magnitude faster. A file is read block by block ([`blocks`]), never held whole; its
//! text is read whole only when something is wrong, so that serde_json says what, at its
//! place, exactly as for a text.

mod blocks;
mod workers;

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeSeed;

use super::json_locate::json_spans;
use crate::load::diagnostic::{Positions, Wanted, line_column, offset_of, shorten_quoted};
use crate::load::schema::written::{actor, document, event};
use crate::load::schema::{FileSeed, Items, RawActor, RawDocument, RawEvent};
use crate::load::{Diagnostic, Progress, SourceFile, Stage, input};
use crate::model::Timeline;

/// Reads a whole-file JSON timeline, handing each item to `items` as it is parsed.
pub fn parse(file: &SourceFile, items: &mut impl Items) -> Result<(), Vec<Diagnostic>> {
    let (name, text) = (&file.name, &file.text);
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::file(
            name,
            "has no content: expected a JSON object with documents, actors and events".to_string(),
        )]);
    }
    let mut json = serde_json::Deserializer::from_str(text);
    FileSeed::new(items)
        .deserialize(&mut json)
        .and_then(|()| json.end())
        .map_err(|e| vec![relocated(serde_error(name, 0, &e), text)])
}

/// `diagnostic` from serde_json, which counts lines at `\n` only and columns in bytes,
/// placed again by the rule every locator follows.
fn relocated(mut diagnostic: Diagnostic, text: &str) -> Diagnostic {
    if let (Some(line), Some(column)) = (diagnostic.line, diagnostic.column) {
        let (line, column) = line_column(text, offset_of(text, line, column));
        (diagnostic.line, diagnostic.column) = (Some(line), Some(column));
    }
    diagnostic
}

/// Reads the JSON file at `path` block by block, handing each item to `items` as it is
/// parsed. On any fault the text is read again whole, to report it as [`parse`] would.
pub fn read_path(
    path: &Path,
    name: &str,
    max_bytes: u64,
    progress: &Progress,
    items: &mut impl Items,
) -> Result<(), Vec<Diagnostic>> {
    let (file, length) = input::open(path, name, max_bytes, progress).map_err(|d| vec![d])?;
    progress.set_stage(Stage::Parsing);
    let stream = input::Stream::new(file, max_bytes, progress);
    blocks::parse_json_blocks(stream, blocks::BLOCK, length, items).map_err(|_| {
        // Read the text whole to report the problem exactly as it would from the text:
        // an encoding error, the size limit, or serde_json's message.
        let quiet = Progress::default();
        let parsed = SourceFile::read_with(path, max_bytes, &quiet)
            .map_err(|d| vec![d])
            .and_then(|file| parse(&file, &mut Discard));
        parsed.err().unwrap_or_else(|| {
            vec![Diagnostic::file(
                name,
                "could not be read the same way twice: it changed, or a read failed".to_string(),
            )]
        })
    })
}

/// Items thrown away: for parsing a file again only to report its problems.
struct Discard;

impl Items for Discard {
    fn document(&mut self, _: RawDocument) {}
    fn actor(&mut self, _: RawActor) {}
    fn event(&mut self, _: RawEvent) {}
    fn problem(&mut self, _: String, _: String) {}
}

/// Where the `wanted` values of a JSON text stand.
pub fn locate(text: &str, wanted: &Wanted) -> Positions {
    let mut pairs = Vec::new();
    json_spans(text, 0, Some(wanted), &mut pairs);
    Positions::from_pairs(pairs)
}

/// A serde_json error as a diagnostic, its line counted from `first_line` (0-based): the
/// position goes in front, in the form every diagnostic has.
pub(super) fn serde_error(name: &str, first_line: usize, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    let message = shorten_quoted(
        &message
            .replace("unknown variant", "unknown line type")
            .replace("variant identifier", "line type"),
    );
    let located = e.line() > 0;
    Diagnostic {
        file: name.to_string(),
        line: located.then_some(first_line + e.line()),
        column: located.then_some(e.column().max(1)),
        message,
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

/// Writes `tl` as one object, an item at a time: the same text as serializing the whole
/// file.
pub fn write(tl: &Timeline, w: &mut impl Write) -> io::Result<()> {
    w.write_all(b"{")?;
    json_array(w, "documents", tl.documents.iter().map(document))?;
    w.write_all(b",")?;
    json_array(w, "actors", tl.actors.iter().map(actor))?;
    w.write_all(b",")?;
    json_array(w, "events", tl.events.iter().map(|e| event(tl, e)))?;
    w.write_all(b"}\n")
}
