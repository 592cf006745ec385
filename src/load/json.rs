//! JSON and JSON Lines: the same schema as YAML, read with serde_json, which is an order of
//! magnitude faster. In JSON Lines each line holds one object with a single key,
//! `document`, `actor` or `event`, so that a converter can write a timeline as a stream.

use serde::Deserialize;
use serde::de::DeserializeSeed;

use memchr::memchr3;

use super::Diagnostic;
use super::raw::{FileSeed, Items, RawActor, RawDocument, RawEvent};
use super::spans::Wanted;

/// Lines of a JSON Lines file reported one by one before the rest are only counted.
const MAX_LINE_ERRORS: usize = 20;

/// Reads a whole-file JSON timeline, handing each item to `items` as it is parsed.
pub fn parse_json(name: &str, text: &str, items: &mut impl Items) -> Result<(), Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::file(
            name,
            "has no content: expected a JSON object with documents, actors and events".to_string(),
        )]);
    }
    let mut json = serde_json::Deserializer::from_str(text);
    FileSeed(items)
        .deserialize(&mut json)
        .and_then(|()| json.end())
        .map_err(|e| vec![diagnostic(name, 0, &e)])
}

/// One line of a JSON Lines timeline.
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
pub fn parse_jsonl(name: &str, text: &str, items: &mut impl Items) -> Result<(), Vec<Diagnostic>> {
    let mut lines = JsonLines::new(name);
    for (n, line) in text.lines().enumerate() {
        lines.line(n, line, items);
    }
    lines.finish()
}

/// A JSON Lines file read one line at a time, so that a large file is never in memory
/// whole.
pub struct JsonLines {
    name: String,
    read_any: bool,
    problems: Vec<Diagnostic>,
    bad_lines: usize,
}

impl JsonLines {
    /// Starts reading the file reported as `name`.
    pub fn new(name: &str) -> Self {
        JsonLines {
            name: name.to_string(),
            read_any: false,
            problems: Vec::new(),
            bad_lines: 0,
        }
    }

    /// Reads line `n` (0-based), handing its item to `items`. A byte-order mark before the
    /// line is skipped (files joined with `cat` carry one in the middle).
    pub fn line(&mut self, n: usize, line: &str, items: &mut impl Items) {
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
                    self.problems.push(diagnostic(&self.name, n, &e));
                }
                return;
            }
        }
        self.read_any = true;
    }

    /// Whether the file was read whole: if not, every bad line.
    pub fn finish(mut self) -> Result<(), Vec<Diagnostic>> {
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

/// A serde_json error as a diagnostic, its line counted from `first_line` (0-based).
fn diagnostic(name: &str, first_line: usize, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    let message = super::shorten_quoted(
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

/// Where the values of a JSON text stand, by path (`events.3.actors.1`): for locating the
/// problems found after parsing. Only the `wanted` paths are recorded (all if None); a
/// value not wanted is skipped whole, so a large file is scanned once, in linear time.
pub fn json_spans(
    text: &str,
    first_line: usize,
    wanted: Option<&Wanted>,
    spans: &mut Vec<(String, (usize, usize))>,
) {
    let mut scanner = Scanner::new(text, first_line);
    scanner.wanted = wanted;
    let mut path = Vec::new();
    scanner.value(&mut path, spans, 0);
}

/// Like [`json_spans`] for JSON Lines: each line's object is placed where the whole-file
/// schema would put it (`{"event": …}` on the fourth event line is `events.3`). Only the
/// lines of wanted items are scanned.
pub fn jsonl_spans(text: &str, wanted: &Wanted) -> Vec<(String, (usize, usize))> {
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

/// The first key of the object on a JSON line, or "" if it does not start with one.
fn first_key(line: &str) -> String {
    let mut scanner = Scanner::new(line, 0);
    scanner.skip_space();
    if scanner.bytes.get(scanner.at) != Some(&b'{') {
        return String::new();
    }
    scanner.at += 1;
    scanner.skip_space();
    if scanner.bytes.get(scanner.at) != Some(&b'"') {
        return String::new();
    }
    scanner.string()
}

/// Nesting deeper than this is not indexed: serde_json refuses it anyway.
const MAX_DEPTH: usize = 128;

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    line_start: usize,
    /// The column (in characters, from 0) at byte `column_at`: columns are counted on
    /// from the last one, so a file on one line is not counted from its start each time.
    column: usize,
    column_at: usize,
    wanted: Option<&'a Wanted>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, first_line: usize) -> Self {
        Scanner {
            bytes: text.as_bytes(),
            at: 0,
            line: first_line + 1,
            line_start: 0,
            column: 0,
            column_at: 0,
            wanted: None,
        }
    }

    fn newline(&mut self) {
        self.at += 1;
        self.line += 1;
        self.line_start = self.at;
    }

    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'\n' => self.newline(),
                b' ' | b'\t' | b'\r' => self.at += 1,
                _ => break,
            }
        }
    }

    fn position(&mut self) -> (usize, usize) {
        if self.column_at < self.line_start {
            (self.column, self.column_at) = (0, self.line_start);
        }
        let end = self.at.min(self.bytes.len());
        // Characters are the bytes that do not continue one.
        let counted = &self.bytes[self.column_at.min(end)..end];
        self.column += counted.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        self.column_at = end;
        (self.line, self.column + 1)
    }

    /// Reads one value, recording its position (and those of the values inside it) if its
    /// path is wanted, else skipping it.
    fn value(
        &mut self,
        path: &mut Vec<String>,
        spans: &mut Vec<(String, (usize, usize))>,
        depth: usize,
    ) {
        self.skip_space();
        let joined = path.join(".");
        if self.wanted.is_some_and(|w| !w.contains(&joined)) {
            self.skip_value();
            return;
        }
        spans.push((joined, self.position()));
        match self.bytes.get(self.at) {
            Some(b'{') if depth < MAX_DEPTH => {
                self.at += 1;
                loop {
                    self.skip_space();
                    match self.bytes.get(self.at) {
                        Some(b'"') => {
                            let key = self.string();
                            self.skip_space();
                            if self.bytes.get(self.at) == Some(&b':') {
                                self.at += 1;
                            }
                            path.push(key);
                            self.value(path, spans, depth + 1);
                            path.pop();
                        }
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return;
                        }
                        _ => return,
                    }
                }
            }
            Some(b'[') if depth < MAX_DEPTH => {
                self.at += 1;
                let mut index = 0;
                loop {
                    self.skip_space();
                    match self.bytes.get(self.at) {
                        Some(b']') => {
                            self.at += 1;
                            return;
                        }
                        Some(b',') => self.at += 1,
                        Some(_) => {
                            path.push(index.to_string());
                            let before = self.at;
                            self.value(path, spans, depth + 1);
                            path.pop();
                            index += 1;
                            if self.at == before {
                                return;
                            }
                        }
                        None => return,
                    }
                }
            }
            Some(b'"') => {
                self.skip_string();
            }
            Some(_) => self.skip_scalar(),
            None => {}
        }
    }

    /// Moves past one value, recording nothing, counting the lines it spans.
    fn skip_value(&mut self) {
        let mut depth = 0usize;
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'"' => {
                    self.skip_string();
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                }
                b'}' | b']' if depth == 0 => return,
                b'}' | b']' => {
                    depth -= 1;
                    self.at += 1;
                }
                b'\n' if depth > 0 => self.newline(),
                _ if depth > 0 => self.at += 1,
                _ => self.skip_scalar(),
            }
            if depth == 0 {
                return;
            }
        }
    }

    fn skip_scalar(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| !b",]}\n \t\r".contains(b))
        {
            self.at += 1;
        }
    }

    /// Moves past a string starting at a quote; false if it is not closed on its line.
    fn skip_string(&mut self) -> bool {
        self.at += 1;
        while let Some(i) = memchr3(b'"', b'\\', b'\n', self.bytes.get(self.at..).unwrap_or(&[])) {
            self.at += i;
            match self.bytes[self.at] {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return true;
                }
                _ => return false,
            }
        }
        self.at = self.bytes.len();
        false
    }

    /// Reads a string starting at a quote, returning its raw contents.
    fn string(&mut self) -> String {
        let start = self.at + 1;
        let end = if self.skip_string() {
            self.at - 1
        } else {
            self.at
        };
        String::from_utf8_lossy(&self.bytes[start.min(end)..end]).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locate(spans: &[(String, (usize, usize))], path: &str) -> Option<(usize, usize)> {
        spans.iter().find(|(p, _)| p == path).map(|(_, at)| *at)
    }

    #[test]
    fn json_values_are_located_by_path() {
        let text = "{\n  \"events\": [\n    {\"id\": \"a\", \"actors\": [\"x\", \"y\"]},\n    {\"id\": \"é\\\"b\"}\n  ]\n}\n";
        let mut spans = Vec::new();
        json_spans(text, 0, None, &mut spans);
        assert_eq!(locate(&spans, "events.0.id"), Some((3, 12)));
        assert_eq!(locate(&spans, "events.0.actors.1"), Some((3, 33)));
        assert_eq!(locate(&spans, "events.1"), Some((4, 5)));
        assert_eq!(locate(&spans, "events.1.id"), Some((4, 12)));
    }

    #[test]
    fn json_lines_values_take_their_place_in_the_whole_schema() {
        let text = "{\"actor\": {\"id\": \"x\"}}\n\n{\"event\": {\"id\": \"a\"}}\n{\"event\": {\"id\": \"b\", \"actors\": [\"x\"]}}\n";
        let wanted = Wanted::new(["actors.0.id", "events.0", "events.1.actors.0"]);
        let spans = jsonl_spans(text, &wanted);
        assert_eq!(locate(&spans, "actors.0.id"), Some((1, 18)));
        assert_eq!(locate(&spans, "events.0"), Some((3, 11)));
        assert_eq!(locate(&spans, "events.1.actors.0"), Some((4, 34)));
    }

    #[test]
    fn a_byte_order_mark_inside_json_lines_is_skipped() {
        // Two files joined with `cat`: the second starts with a mark.
        let text = "{\"actor\": {\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}}\n\u{feff}{\"actor\": {\"id\": \"b\", \"name\": \"B\", \"kind\": \"person\"}}\n";
        let progress = super::super::Progress::default();
        let mut builder = super::super::build::Builder::new(&progress);
        parse_jsonl("joined.jsonl", text, &mut builder).expect("both lines read");
        let timeline = builder.finish().expect("both actors valid");
        assert_eq!(timeline.actors.len(), 2);
    }

    #[test]
    fn hostile_json_does_not_stop_the_scanner() {
        for text in [
            "",
            "{",
            "[[[[",
            "{\"a\": [1, 2",
            "\"unterminated",
            "{\"a\" 1}",
            "]]]",
        ] {
            let mut spans = Vec::new();
            json_spans(text, 0, None, &mut spans);
        }
        let deep = "[".repeat(100_000);
        let mut spans = Vec::new();
        json_spans(&deep, 0, None, &mut spans);
        assert!(spans.len() <= MAX_DEPTH + 1);
    }
}
