//! What loading reports: a [`Diagnostic`] per problem, at its file, line and column, and
//! the means of finding those places. A parser knows where it stands and reports so; a
//! problem found after parsing (a bad reference, a quote not found) knows only the path of
//! its value (`events.3.actors.1`), which [`Positions`] turns into a line and column.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::text::sanitize;

/// One problem in one file, at a line and column where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as named by the user.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// What is wrong, naming the item and field.
    pub message: String,
}

impl Diagnostic {
    /// A problem with the file as a whole, at no line.
    pub(super) fn file(name: &str, message: String) -> Self {
        Diagnostic {
            file: name.to_string(),
            line: None,
            column: None,
            message,
        }
    }

    /// A problem at `(line, column)` (both 1-based) of the file `name`.
    pub(super) fn at(name: &str, (line, column): (usize, usize), message: String) -> Self {
        Diagnostic {
            file: name.to_string(),
            line: Some(line),
            column: Some(column),
            message,
        }
    }

    /// `file:line:column`, as far as known.
    pub fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// One line, safe for a terminal: a file name or a value quoted from a file may hold
    /// escape sequences.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            sanitize(&self.place()),
            sanitize(&self.message)
        )
    }
}

/// Every problem found while loading, in file and line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The problems, never empty.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Whether the byte at `at` of `bytes` ends a line: the one rule every locator follows.
/// A line ends at `\n`, at `\r\n` (at its `\n`) and at a lone `\r`, as YAML 1.2 has
/// it; NEL, LS and PS do not end lines (JSON and YAML 1.2 agree, and a YAML file holding
/// one unquoted is refused, for YAML 1.1 parsers read it as a line break).
pub(super) fn ends_line(bytes: &[u8], at: usize) -> bool {
    match bytes.get(at) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(at + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// The line and column (both 1-based, the column in characters) of byte `offset` of
/// `text`, lines ending as [`ends_line`] says: the one way every reader turns an offset
/// into a place. An offset past the end, or inside a character, counts as the end of the
/// text before it.
pub(super) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let bytes = &text.as_bytes()[..end];
    let mut line = 1;
    let mut line_start = 0;
    for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // A `\r` at the very end ends a line only if no `\n` follows in the text.
        if ends_line(text.as_bytes(), at) {
            line += 1;
            line_start = at + 1;
        }
    }
    (line, text[line_start..end].chars().count() + 1)
}

/// The byte offset in `text` of a place given as a parser that counts lines at `\n` only
/// and columns in bytes gives it (serde_json): for locating it again by [`line_column`].
pub(super) fn offset_of(text: &str, line: usize, byte_column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', text.as_bytes())
            .nth(line - 2)
            .map_or(text.len(), |at| at + 1)
    };
    (line_start + byte_column.saturating_sub(1)).min(text.len())
}

/// Longest text quoted whole in a message; a longer one is cut, its length given.
const MAX_QUOTED_CHARS: usize = 80;

/// `message` with every quoted text (`"…"` or `` `…` ``) over [`MAX_QUOTED_CHARS`]
/// characters cut short: an error must not echo a 50 MB value.
pub(super) fn shorten_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut chars = message.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        out.push(c);
        if c != '"' && c != '`' {
            continue;
        }
        let rest = &message[at + 1..];
        let mut escaped = false;
        let close = rest.char_indices().find(|&(_, d)| {
            let closes = d == c && !escaped;
            escaped = d == '\\' && !escaped;
            closes
        });
        let Some((len, _)) = close else { continue };
        let inner = &rest[..len];
        let count = inner.chars().count();
        if count > MAX_QUOTED_CHARS {
            out.extend(inner.chars().take(MAX_QUOTED_CHARS - 20));
            out.push_str(&format!("… ({count} characters)"));
        } else {
            out.push_str(inner);
        }
        out.push(c);
        while chars.next_if(|&(i, _)| i <= at + 1 + len).is_some() {}
    }
    out
}

/// The paths whose positions are needed: those of the problems found, with every parent
/// (a path not found is located at its nearest parent). Recording only these keeps
/// locating a few problems in a million-event file to a few positions, not one a value.
#[derive(Debug, Default)]
pub struct Wanted(HashSet<String>);

impl Wanted {
    /// `paths` and all their parents, the root included.
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a str>) -> Self {
        let mut wanted = HashSet::from([String::new()]);
        for path in paths {
            let ends = path.match_indices('.').map(|(i, _)| i);
            for end in ends.chain([path.len()]) {
                wanted.insert(path[..end].to_string());
            }
        }
        Wanted(wanted)
    }

    /// Whether the position of the value at `path` is needed.
    pub fn contains(&self, path: &str) -> bool {
        self.0.contains(path)
    }
}

/// Where the wanted values of one file stand: line and column (both 1-based) by path.
/// Built by each format's locator, only when a file has problems to point at.
#[derive(Debug, Default)]
pub struct Positions(HashMap<String, (usize, usize)>);

impl Positions {
    /// Records `at` as the position of `path`, unless one is recorded already.
    pub fn insert(&mut self, path: String, at: (usize, usize)) {
        self.0.entry(path).or_insert(at);
    }

    /// Records `at` as the position of `path`, in place of any recorded.
    pub fn replace(&mut self, path: String, at: (usize, usize)) {
        self.0.insert(path, at);
    }

    /// Indexes positions found in order; the first position of a path wins.
    pub fn from_pairs(pairs: Vec<(String, (usize, usize))>) -> Self {
        let mut positions = Positions(HashMap::with_capacity(pairs.len()));
        for (path, at) in pairs {
            positions.insert(path, at);
        }
        positions
    }

    /// How many paths are recorded.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The position of the value at `path`, or of its nearest recorded parent.
    pub fn locate(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(&at) = self.0.get(path) {
                return Some(at);
            }
            path = &path[..path.rfind('.')?];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns_in_characters() {
        let text = "ab\nçé x\n\nend";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (1, 3));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, "ab\nçé ".len()), (2, 4));
        assert_eq!(line_column(text, "ab\nçé x\n\n".len()), (4, 1));
        // Inside "ç": the place of the character.
        assert_eq!(line_column(text, 4), (2, 1));
        assert_eq!(line_column(text, 999), (4, 4));
    }

    #[test]
    fn one_rule_for_line_breaks_whatever_the_file_uses() {
        // Issue 18 item 16: the same place in the same file, its lines ended four ways.
        let lines = ["first", "sécond", "third x"];
        for (breaks, counted) in [
            ("\n", true),
            ("\r\n", true),
            ("\r", true),
            ("\u{85}", false),
        ] {
            let text = lines.join(breaks);
            let x = text.find('x').unwrap();
            let expected = if counted { (3, 7) } else { (1, 20) };
            assert_eq!(line_column(&text, x), expected, "{breaks:?}");
        }
        // Between the two bytes of a CRLF, and at a CR that ends the text.
        assert_eq!(line_column("a\r\nb", 2), (1, 3));
        assert_eq!(line_column("a\r", 2), (2, 1));
        assert_eq!(line_column("a\u{2028}b", 4), (1, 3));
    }

    #[test]
    fn a_place_counted_at_line_feeds_in_bytes_is_found_again() {
        let text = "ab\r\nçd\rx\ny";
        let x = text.find('x').unwrap();
        // serde_json sees "çd\rx" as line 2, x at byte column 5.
        assert_eq!(offset_of(text, 2, 5), x);
        assert_eq!(line_column(text, offset_of(text, 2, 5)), (3, 1));
        assert_eq!(offset_of(text, 3, 1), text.len() - 1);
        assert_eq!(offset_of(text, 9, 1), text.len());
    }

    #[test]
    fn long_quoted_values_are_cut_in_messages() {
        let long = "x".repeat(200);
        let message = shorten_quoted(&format!("unknown actor \"{long}\" here"));
        assert_eq!(
            message,
            format!(
                "unknown actor \"{}… (200 characters)\" here",
                "x".repeat(60)
            )
        );
        assert_eq!(shorten_quoted("a `short` one"), "a `short` one");
    }
}
