//! Where the values of a JSON text stand, by path (`events.3.actors.1`): for locating the
//! problems found after parsing, in JSON and in each line of JSON Lines. serde_json keeps
//! no positions, so a small scanner of its own finds them; only the wanted paths are
//! recorded, and a value not wanted is skipped whole, so a large file is scanned once, in
//! linear time.

use memchr::memchr3;

use crate::load::diagnostic::{Wanted, ends_line};

/// Where the values of a JSON text stand, by path (`events.3.actors.1`): for locating the
/// problems found after parsing. Only the `wanted` paths are recorded (all if None); a
/// value not wanted is skipped whole, so a large file is scanned once, in linear time.
pub(super) fn json_spans(
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

/// The first key of the object on a JSON line, or "" if it does not start with one.
pub(super) fn first_key(line: &str) -> String {
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

/// The path of the key `key` of the mapping at `path`, where an unknown field or one
/// given twice is pointed at: `events.3.colour@key`. Only the last such key is kept.
pub(super) fn key_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        format!("{key}@key")
    } else {
        format!("{path}.{key}@key")
    }
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
                b'\n' | b'\r' if ends_line(self.bytes, self.at) => self.newline(),
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
        spans.push((joined.clone(), self.position()));
        match self.bytes.get(self.at) {
            Some(b'{') if depth < MAX_DEPTH => {
                self.at += 1;
                loop {
                    self.skip_space();
                    match self.bytes.get(self.at) {
                        Some(b'"') => {
                            let at = self.position();
                            let key = self.string();
                            let key_path = key_path(&joined, &key);
                            if self.wanted.is_none_or(|w| w.contains(&key_path)) {
                                // A key given twice is pointed at where it is given again.
                                spans.retain(|(path, _)| *path != key_path);
                                spans.push((key_path, at));
                            }
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
                b'\n' | b'\r' if depth > 0 && ends_line(self.bytes, self.at) => self.newline(),
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
