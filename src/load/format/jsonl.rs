//! JSON Lines: each line holds one object with a single key, `document`, `actor` or
//! `event`, so that a converter can write a timeline as a stream. A file is read line by
//! line, never held whole, and every bad line is reported.

use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::json::serde_error;
use super::json_locate::{first_key, json_spans};
use crate::load::diagnostic::{Positions, Wanted};
use crate::load::schema::written::{self as view, actor, document, event};
use crate::load::schema::{Items, RawActor, RawDocument, RawEvent};
use crate::load::{Diagnostic, Progress, SourceFile, Stage, input};
use crate::model::Timeline;

/// Lines of a JSON Lines file reported one by one before the rest are only counted.
const MAX_LINE_ERRORS: usize = 20;

/// One line of a JSON Lines timeline, as read.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawLine {
    Document(RawDocument),
    Actor(RawActor),
    Event(RawEvent),
}

/// Reads a JSON Lines timeline: one `{"document": …}`, `{"actor": …}` or `{"event": …}`
/// object per line; blank lines are skipped. Every bad line is reported (the first
/// [`MAX_LINE_ERRORS`] in full).
pub fn parse(file: &SourceFile, items: &mut impl Items) -> Result<(), Vec<Diagnostic>> {
    let mut lines = JsonLines::new(&file.name);
    for (n, line) in file.text.lines().enumerate() {
        lines.line(n, line, items);
    }
    lines.finish()
}

/// Reads the JSON Lines file at `path` line by line, as it is read from disk.
pub fn read_path(
    path: &Path,
    name: &str,
    max_bytes: u64,
    progress: &Progress,
    items: &mut impl Items,
) -> Result<(), Vec<Diagnostic>> {
    let (file, _) = input::open(path, name, max_bytes, progress).map_err(|d| vec![d])?;
    progress.set_stage(Stage::Parsing);
    let mut lines = JsonLines::new(name);
    input::for_each_line(file, name, max_bytes, progress, |n, line| {
        lines.line(n, line, items);
        Ok(())
    })
    .map_err(|d| vec![d])?;
    lines.finish()
}

/// A JSON Lines file read one line at a time, so that a large file is never in memory
/// whole.
struct JsonLines {
    name: String,
    read_any: bool,
    problems: Vec<Diagnostic>,
    bad_lines: usize,
}

impl JsonLines {
    /// Starts reading the file reported as `name`.
    fn new(name: &str) -> Self {
        JsonLines {
            name: name.to_string(),
            read_any: false,
            problems: Vec::new(),
            bad_lines: 0,
        }
    }

    /// Reads line `n` (0-based), handing its item to `items`. A byte-order mark before the
    /// line is skipped (files joined with `cat` carry one in the middle).
    fn line(&mut self, n: usize, line: &str, items: &mut impl Items) {
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if line.trim().is_empty() {
            return;
        }
        match serde_json::from_str::<RawLine>(line) {
            Ok(RawLine::Document(d)) => items.document(d),
            Ok(RawLine::Actor(a)) => items.actor(a),
            Ok(RawLine::Event(e)) => items.event(e),
            Err(e) => {
                self.bad_lines += 1;
                if self.problems.len() < MAX_LINE_ERRORS {
                    self.problems.push(serde_error(&self.name, n, &e));
                }
                return;
            }
        }
        self.read_any = true;
    }

    /// Whether the file was read whole: if not, every bad line.
    fn finish(mut self) -> Result<(), Vec<Diagnostic>> {
        if self.bad_lines > self.problems.len() {
            let more = self.bad_lines - self.problems.len();
            self.problems.push(Diagnostic::file(
                &self.name,
                format!("{more} more lines have errors"),
            ));
        }
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        if !self.read_any {
            return Err(vec![Diagnostic::file(
                &self.name,
                "has no content: expected one {\"document\": …}, {\"actor\": …} or {\"event\": …} object per line"
                    .to_string(),
            )]);
        }
        Ok(())
    }
}

/// Where the `wanted` values of a JSON Lines text stand: each line's object is placed
/// where the whole-file schema would put it (`{"event": …}` on the fourth event line is
/// `events.3`). Only the lines of wanted items are scanned.
pub fn locate(text: &str, wanted: &Wanted) -> Positions {
    Positions::from_pairs(line_spans(text, wanted))
}

fn line_spans(text: &str, wanted: &Wanted) -> Vec<(String, (usize, usize))> {
    const KEYS: [&str; 3] = ["document", "actor", "event"];
    const LISTS: [&str; 3] = ["documents", "actors", "events"];
    let mut spans = Vec::new();
    let mut counts = [0usize; 3];
    for (n, line) in text.lines().enumerate() {
        let Some(kind) = KEYS.iter().position(|k| first_key(line) == *k) else {
            continue;
        };
        let (key, list, index) = (KEYS[kind], LISTS[kind], counts[kind]);
        counts[kind] += 1;
        if !wanted.contains(&format!("{list}.{index}")) {
            continue;
        }
        let mut found = Vec::new();
        json_spans(line, n, None, &mut found);
        for (path, at) in found {
            if let Some(rest) = path.strip_prefix(key) {
                spans.push((format!("{list}.{index}{rest}"), at));
            }
        }
    }
    spans
}

/// One line of a JSON Lines file, as written.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Line<'a> {
    Document(view::Document<'a>),
    Actor(view::Actor<'a>),
    Event(view::Event<'a>),
}

/// Writes `tl` one item a line: documents, then actors, then events.
pub fn write(tl: &Timeline, w: &mut impl Write) -> io::Result<()> {
    let lines = (tl.documents.iter().map(|d| Line::Document(document(d))))
        .chain(tl.actors.iter().map(|a| Line::Actor(actor(a))))
        .chain(tl.events.iter().map(|e| Line::Event(event(tl, e))));
    for line in lines {
        serde_json::to_writer(&mut *w, &line)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::validate::Builder;

    fn locate(spans: &[(String, (usize, usize))], path: &str) -> Option<(usize, usize)> {
        spans.iter().find(|(p, _)| p == path).map(|(_, at)| *at)
    }

    #[test]
    fn json_lines_values_take_their_place_in_the_whole_schema() {
        let text = "{\"actor\": {\"id\": \"x\"}}\n\n{\"event\": {\"id\": \"a\"}}\n{\"event\": {\"id\": \"b\", \"actors\": [\"x\"]}}\n";
        let wanted = Wanted::new(["actors.0.id", "events.0", "events.1.actors.0"]);
        let spans = line_spans(text, &wanted);
        assert_eq!(locate(&spans, "actors.0.id"), Some((1, 18)));
        assert_eq!(locate(&spans, "events.0"), Some((3, 11)));
        assert_eq!(locate(&spans, "events.1.actors.0"), Some((4, 34)));
    }

    #[test]
    fn a_byte_order_mark_inside_json_lines_is_skipped() {
        // Two files joined with `cat`: the second starts with a mark.
        let text = "{\"actor\": {\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}}\n\u{feff}{\"actor\": {\"id\": \"b\", \"name\": \"B\", \"kind\": \"person\"}}\n";
        let progress = Progress::default();
        let mut builder = Builder::new(&progress);
        let file = SourceFile {
            name: "joined.jsonl".to_string(),
            text: text.to_string(),
        };
        parse(&file, &mut builder).expect("both lines read");
        let timeline = builder.finish().expect("both actors valid");
        assert_eq!(timeline.actors.len(), 2);
    }
}
