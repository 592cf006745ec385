//! Where the guard's parser (yaml-rust2, YAML 1.2) and serde_yaml's (libyaml, YAML 1.1)
//! read the same text differently. The guard can only vouch for a file as yaml-rust2
//! reads it, so it fails closed: a text yaml-rust2 cannot read is refused at the place it
//! stopped ([`unreadable`]), and the characters the two read differently even when both
//! read the file ([`LineBreaks`]) are refused outside quotes.
//!
//! Known disagreements: U+0085, U+2028 and U+2029 end a line for libyaml only; libyaml
//! accepts a line inside brackets indented no more than the brackets' key, a tab after
//! the `:` of a key before a letter (`"id":<TAB>d`), and tabs indenting a line inside
//! brackets, all of which yaml-rust2 refuses. The guard reads a tab right after a `:` as
//! the space libyaml takes it for; the others are refused.

use serde::de::IgnoredAny;
use yaml_rust2::scanner::{ScanError, TScalarStyle};

use super::guard::MAX_DEPTH;
use super::libyaml_error;
use crate::load::Diagnostic;
use crate::load::diagnostic::line_column;

/// The characters libyaml reads as line breaks and yaml-rust2 as text.
const LINE_BREAKS: [char; 3] = ['\u{85}', '\u{2028}', '\u{2029}'];

/// The file is refused: yaml-rust2 could not read it. The error is yaml-rust2's, at its
/// place, with a hint where the cause is a known disagreement; in libyaml's words when
/// libyaml, asked safely, reports the same problem (it names both ends of an unterminated
/// string, say).
pub fn unreadable(name: &str, text: &str, e: &ScanError) -> Diagnostic {
    let mark = e.marker();
    let marked = (mark.line(), mark.col() + 1);
    let own = explain(name, text, e);
    let places = [marked, (own.line.unwrap_or(0), own.column.unwrap_or(0))];
    libyaml_agrees(name, text, &places).unwrap_or(own)
}

/// yaml-rust2's error at its place, with a hint where the cause is a known disagreement;
/// a tab is pointed at, where yaml-rust2 marks what follows it.
fn explain(name: &str, text: &str, e: &ScanError) -> Diagnostic {
    let mark = e.marker();
    let info = e.info();
    let offset = byte_offset(text, mark.index());
    let tab = || line_column(text, first_tab_before(text, offset));
    let (at, message) = match info {
        "':' must be followed by a valid YAML whitespace" => (
            tab(),
            "a tab after `:` is read differently by YAML parsers: write a space".to_string(),
        ),
        "invalid indentation" | "invalid indentation in flow construct" => (
            (mark.line(), mark.col() + 1),
            format!(
                "{info} (a line inside brackets must be indented more than the key they \
                 belong to)"
            ),
        ),
        _ if info.starts_with("tabs disallowed") => (
            tab(),
            format!("{info} (tabs are read differently by YAML parsers: indent with spaces)"),
        ),
        _ => ((mark.line(), mark.col() + 1), info.to_string()),
    };
    Diagnostic::at(name, at, message)
}

/// libyaml's own error, if it refuses `text` at one of `places` (or names one): the problem
/// yaml-rust2 found.
/// Asked only when libyaml cannot be made to work hard: no alias can be in the text (no
/// `*` at all), and no brackets nest deeper than the guard allows (libyaml takes time
/// quadratic in their depth). Nothing is built from what it reads.
fn libyaml_agrees(name: &str, text: &str, places: &[(usize, usize)]) -> Option<Diagnostic> {
    if text.contains('*') || bracket_depth(text) > MAX_DEPTH {
        return None;
    }
    let error = serde_yaml::from_str::<IgnoredAny>(text).err()?;
    let words = error.to_string();
    let agrees = places.iter().any(|&(line, column)| {
        error
            .location()
            .is_some_and(|l| (l.line(), l.column()) == (line, column))
            || words.contains(&format!("at line {line} column {column}"))
    });
    agrees.then(|| libyaml_error(name, text, &error))
}

/// The deepest nesting of brackets, counting every bracket (in quotes and comments too):
/// never less than the real depth.
fn bracket_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0);
    for b in text.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The first tab of the blanks that end just before byte `offset`, or `offset` if there is
/// none: where a tab yaml-rust2 stumbled on stands (it marks what follows the blanks).
fn first_tab_before(text: &str, offset: usize) -> usize {
    let before = &text[..offset];
    let blanks = before.len() - before.trim_end_matches([' ', '\t']).len();
    let start = offset - blanks;
    text[start..offset].find('\t').map_or(offset, |i| start + i)
}

/// The byte offset of character `index` of `text` (yaml-rust2 counts characters).
fn byte_offset(text: &str, index: usize) -> usize {
    text.char_indices()
        .nth(index)
        .map_or(text.len(), |(at, _)| at)
}

/// The characters of [`LINE_BREAKS`] in a text, and which of them stand inside a quoted
/// scalar: there both parsers end the text at the same quote and read no structure, so
/// only a value can differ. Anywhere else (a plain or block scalar, a comment, between
/// tokens) libyaml would start a line where yaml-rust2 does not, and could read keys,
/// aliases or brackets the guard never saw.
pub struct LineBreaks {
    /// Byte offsets of the characters, in order.
    at: Vec<usize>,
    /// Whether each is inside a quoted scalar.
    quoted: Vec<bool>,
    /// A character index and its byte offset, where the last lookup stopped: scalars come
    /// in text order, so each lookup walks on from the last.
    cursor: (usize, usize),
}

impl LineBreaks {
    /// Finds the characters in `text`.
    pub fn find(text: &str) -> Self {
        // Searched by their first byte (all three start with 0xC2 or 0xE2): a file without
        // them, the usual case, costs one fast pass.
        let bytes = text.as_bytes();
        let at: Vec<usize> = memchr::memchr2_iter(0xC2, 0xE2, bytes)
            .filter(|&i| text[i..].starts_with(LINE_BREAKS))
            .collect();
        LineBreaks {
            quoted: vec![false; at.len()],
            at,
            cursor: (0, 0),
        }
    }

    /// Notes a scalar of `style` that yaml-rust2 marks at character `index`.
    pub fn scalar(&mut self, text: &str, index: usize, style: TScalarStyle) {
        let quote = match style {
            TScalarStyle::SingleQuoted => '\'',
            TScalarStyle::DoubleQuoted => '"',
            _ => return,
        };
        if self.at.is_empty() {
            return;
        }
        let start = self.byte_offset(text, index);
        // The mark may stand before an anchor; no quote means no span, and the
        // characters stay refused.
        let Some(open) = text[start..].find(quote).map(|i| start + i) else {
            return;
        };
        let close = closing_quote(text, open, quote);
        let first = self.at.partition_point(|&a| a < open);
        for k in first..self.at.len() {
            if self.at[k] >= close {
                break;
            }
            self.quoted[k] = true;
        }
    }

    /// Refuses the first of the characters outside quotes before byte `end`.
    pub fn refuse_unquoted(&self, name: &str, text: &str, end: usize) -> Result<(), Diagnostic> {
        let unquoted = (0..self.at.len()).find(|&k| !self.quoted[k] && self.at[k] < end);
        let Some(k) = unquoted else {
            return Ok(());
        };
        let at = self.at[k];
        let what = match text[at..].chars().next() {
            Some('\u{85}') => "U+0085 (next line)",
            Some('\u{2028}') => "U+2028 (line separator)",
            _ => "U+2029 (paragraph separator)",
        };
        Err(Diagnostic::at(
            name,
            line_column(text, at),
            format!(
                "{what} ends a line for some YAML parsers and not for others: use a plain \
                 line break, or put the text in quotes"
            ),
        ))
    }

    /// The byte offset of character `index`, walking on from the last lookup.
    fn byte_offset(&mut self, text: &str, index: usize) -> usize {
        let (mut chars, mut bytes) = self.cursor;
        if index < chars {
            (chars, bytes) = (0, 0);
        }
        let mut rest = text[bytes..].chars();
        while chars < index {
            let Some(c) = rest.next() else { break };
            bytes += c.len_utf8();
            chars += 1;
        }
        self.cursor = (chars, bytes);
        bytes
    }
}

/// The byte offset of the quote that closes the quoted scalar opened at `open`, or the
/// end of the text.
fn closing_quote(text: &str, open: usize, quote: char) -> usize {
    let mut chars = text[open + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                // In single quotes, '' is a quote inside the text.
                if quote == '\'' && text[open + 1 + i + 1..].starts_with('\'') {
                    chars.next();
                } else {
                    return open + 1 + i;
                }
            }
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::super::guard::guard;

    /// The guard's verdict on `text`, as `line:column: message`.
    fn verdict(text: &str) -> String {
        match guard("f.yaml", text) {
            Ok(_) => "ok".to_string(),
            Err(d) => format!(
                "{}:{}: {}",
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
                d.message
            ),
        }
    }

    const BREAKS: &str = "U+0085 (next line) ends a line for some YAML parsers and not for \
                          others: use a plain line break, or put the text in quotes";

    #[test]
    fn a_line_break_of_libyaml_only_is_refused_outside_quotes() {
        // yaml-rust2 reads one text, libyaml a second item and an alias.
        assert_eq!(
            verdict("a: &a [x]\nb:\n- c\u{85}- [*a, *a]\n"),
            format!("3:4: {BREAKS}")
        );
        // In a comment, libyaml would read the rest of the line as content.
        assert_eq!(verdict("a: b # c\u{85}d: *e\n"), format!("1:9: {BREAKS}"));
        assert_eq!(
            verdict("a: |\n  text\u{85}b: *x\n"),
            format!("2:7: {BREAKS}")
        );
    }

    #[test]
    fn a_line_break_of_libyaml_only_inside_quotes_is_text() {
        assert_eq!(verdict("a: \"x\u{85}y\"\nb: 'it''s\u{2028}'\n"), "ok");
        assert_eq!(verdict("\"k\u{2029}\": [\"\\\"\u{85}\"]\n"), "ok");
        // A quote closed before the character does not cover it.
        assert_eq!(verdict("a: 'x' # y\u{85}\n"), format!("1:11: {BREAKS}"));
    }

    #[test]
    fn what_yaml_rust2_cannot_read_is_refused_at_its_place() {
        assert_eq!(
            verdict("a:\n  b: [1,\n 2]\n"),
            "3:2: invalid indentation (a line inside brackets must be indented more than \
             the key they belong to)"
        );
        assert_eq!(
            verdict("- a: [x,\n  y]\n"),
            "2:3: invalid indentation in flow construct (a line inside brackets must be \
             indented more than the key they belong to)"
        );
        assert_eq!(
            verdict("a:\n  [\n\t1]\n"),
            "3:1: tabs disallowed within this context (block indentation) (tabs are read \
             differently by YAML parsers: indent with spaces)"
        );
    }

    #[test]
    fn a_tab_after_a_colon_is_read_as_libyaml_reads_it() {
        assert_eq!(verdict("a:\tb\n"), "ok");
        assert_eq!(verdict("{\"id\":\td}\n"), "ok");
        // As libyaml says of `a: - b`.
        assert_eq!(
            verdict("a:\t- b\n"),
            "1:4: block sequence entries are not allowed in this context"
        );
        // Only right after the colon: a tab indenting a line is still refused.
        assert_eq!(
            verdict("a:\n  [\n\t1]\n"),
            "3:1: tabs disallowed within this context (block indentation) (tabs are read \
             differently by YAML parsers: indent with spaces)"
        );
    }

    #[test]
    fn libyaml_words_are_kept_when_it_finds_the_same_problem() {
        // libyaml names where the string started and where the text ended.
        assert_eq!(
            verdict("a: \"open\n"),
            "2:1: found unexpected end of stream, while scanning a quoted scalar at line 1 \
             column 4"
        );
        // Not asked when an alias could make it work hard: yaml-rust2's words.
        assert_eq!(
            verdict("a: \"open *x\n"),
            "1:4: while scanning a quoted scalar, found unexpected end of stream"
        );
    }

    #[test]
    fn a_list_or_mapping_as_a_key_is_refused() {
        assert_eq!(
            verdict("? [a]\n: b\n"),
            "1:3: a list or mapping is used as a key (keys are field names)"
        );
    }
}
