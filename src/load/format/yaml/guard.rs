//! The guard: before serde_yaml (libyaml) reads a file, yaml-rust2 walks its events and
//! refuses what a timeline never needs and a hostile file could abuse, each at its line
//! and column: control characters, more than one document, tags, duplicate keys, a list
//! or mapping as a key, nesting deeper than [`MAX_DEPTH`], and aliases that would expand
//! the file by more than its own size ("billion laughs").
//!
//! It fails closed: libyaml reads only what the guard has read whole. A text yaml-rust2
//! cannot read is refused, and so are the characters the two parsers read differently
//! (see [`super::disagreements`]).

use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet as HashSet;
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

use super::disagreements::{LineBreaks, unreadable};
use crate::load::Diagnostic;
use crate::load::diagnostic::{line_column, shorten_quoted};
use crate::load::schema::Originals;

/// Deepest nesting of lists and mappings accepted; a timeline needs five levels.
pub const MAX_DEPTH: usize = 64;

/// Most values (scalars, lists, mappings, aliases) a YAML file may hold: serde_yaml takes
/// some 200 bytes of memory for each, so that 1M tiny events (92 MB, 18M values) took
/// 3.6 GB. About 200,000 events as the generator writes them; JSON has no such limit.
pub const MAX_VALUES: usize = 5_000_000;

/// Bytes that aliases may add to a file, on top of its own size.
const MIN_ALIAS_ALLOWANCE: usize = 64 << 10;

/// One step of the path to a value: a mapping key or a list index.
enum Step {
    Key(String),
    Index(usize),
}

/// A list or mapping being walked.
struct Node {
    /// The anchor it defines, 0 for none.
    anchor: usize,
    /// Where it starts, in bytes.
    start: usize,
    /// Bytes the aliases inside it add.
    aliased: usize,
    /// For a mapping, the keys seen so far, and whether the next scalar is a key.
    keys: Option<(HashSet<String>, bool)>,
    /// For a list, the index of the next item.
    next_index: usize,
}

/// Refuses what serde_yaml must never see in `text`, or what the guard cannot vouch for;
/// else returns the texts of the plain scalars serde_yaml would read as something else.
pub fn guard(name: &str, text: &str) -> Result<Originals, Diagnostic> {
    check_characters(name, text)?;
    let text = &tabs_after_colons_as_spaces(text);
    let mut breaks = LineBreaks::find(text);
    let mut originals = Originals::default();
    match walk(name, text, &mut breaks, &mut originals) {
        Ok(()) => breaks
            .refuse_unquoted(name, text, text.len())
            .map(|()| originals),
        Err(Stop::Refused(refusal)) => Err(refusal),
        Err(Stop::Unreadable(error)) => {
            // A line break of libyaml's before the place is the likelier cause.
            let offset = text
                .char_indices()
                .nth(error.marker().index())
                .map_or(text.len(), |(at, _)| at);
            breaks.refuse_unquoted(name, text, offset)?;
            Err(unreadable(name, text, &error))
        }
    }
}

/// `text` with each tab right after a `:` made a space, which is how libyaml reads it
/// (`title:<TAB>An event`) and yaml-rust2 does not. Every other byte stays, so places
/// stay; inside quotes the change touches only text the guard does not judge.
fn tabs_after_colons_as_spaces(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(":\t") {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.replace(":\t", ": "))
}

/// Whether serde_yaml could read the plain scalar `value` as other than text (a number,
/// a boolean, null), so that its text must be kept: `0x10`, `1e3`, `3.10`, `True`.
fn may_not_be_text(value: &str) -> bool {
    let unsigned = value.trim_start_matches(['+', '-']);
    let word = matches!(
        value,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" | "null" | "Null" | "NULL" | "~"
    );
    word || unsigned.starts_with(['.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
        && (value.parse::<f64>().is_ok()
            || ["0x", "0o", "0b"].iter().any(|p| unsigned.starts_with(p))
            || unsigned.starts_with('.'))
}

/// The path of a value as the readers name it: `events.3.title`.
fn dotted(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        if !out.is_empty() {
            out.push('.');
        }
        match step {
            Step::Key(key) => out.push_str(key),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// Why the walk stopped before the end.
enum Stop {
    /// The text holds something a timeline must not.
    Refused(Diagnostic),
    /// yaml-rust2 cannot read the text.
    Unreadable(ScanError),
}

/// Walks the YAML events of `text`, noting the quoted scalars in `breaks` and the texts
/// of plain scalars that may not be read as text in `originals`.
fn walk(
    name: &str,
    text: &str,
    breaks: &mut LineBreaks,
    originals: &mut Originals,
) -> Result<(), Stop> {
    let fail = |at: (usize, usize), path: &[Step], message: String| {
        Stop::Refused(Diagnostic::at(name, at, with_path(path, message)))
    };
    let allowance = text.len().max(MIN_ALIAS_ALLOWANCE);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Node> = Vec::new();
    let mut path: Vec<Step> = Vec::new();
    let mut anchored: HashMap<usize, usize> = HashMap::default();
    let (mut documents, mut expanded, mut values) = (0, 0usize, 0usize);
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(next) => next,
            // Flow brackets nested past the scanner's limit (255): libyaml would take
            // time quadratic in their depth to say so.
            Err(e) if e.info().contains("recursion limit") => {
                return Err(fail(
                    place(e.marker()),
                    &[],
                    format!("nested deeper than {MAX_DEPTH} levels (a timeline needs 5)"),
                ));
            }
            Err(error) => return Err(Stop::Unreadable(error)),
        };
        // The key this value stands under, or whether the scalar is itself a key.
        let is_key = matches!(
            stack.last(),
            Some(Node {
                keys: Some((_, true)),
                ..
            })
        );
        if !is_key
            && !matches!(event, Event::MappingEnd | Event::SequenceEnd)
            && let Some(node) = stack.last_mut().filter(|n| n.keys.is_none())
        {
            path.push(Step::Index(node.next_index));
            node.next_index += 1;
        }
        if matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(_)
        ) {
            values += 1;
            if values > MAX_VALUES {
                return Err(fail(
                    place(&mark),
                    &[],
                    format!(
                        "holds more than {MAX_VALUES} values: reading YAML this large takes \
                         gigabytes of memory; write the timeline as JSON or JSON Lines"
                    ),
                ));
            }
        }
        let is_mapping = matches!(event, Event::MappingStart(..));
        match event {
            Event::StreamEnd => return Ok(()),
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(fail(
                        place(&mark),
                        &[],
                        "a second YAML document starts here (a timeline file holds one)"
                            .to_string(),
                    ));
                }
            }
            Event::Alias(id) => {
                let size = anchored.get(&id).copied().unwrap_or(0);
                expanded = expanded.saturating_add(size);
                if let Some(node) = stack.last_mut() {
                    node.aliased = node.aliased.saturating_add(size);
                }
                if expanded > allowance {
                    return Err(fail(
                        place(&mark),
                        &path,
                        format!(
                            "aliases here would expand the file by more than {allowance} bytes \
                             (a timeline has no need of so many; write the values out)"
                        ),
                    ));
                }
                end_value(&mut stack, &mut path);
            }
            Event::Scalar(value, style, anchor, tag) => {
                breaks.scalar(text, mark.index(), style);
                if let Some(tag) = tag.filter(|t| !is_plain_string(t)) {
                    let at = tag_mark(text, &mark, &tag);
                    return Err(fail(at, &path, unsupported(&tag)));
                }
                if is_key {
                    let keys = stack.last_mut().and_then(|n| n.keys.as_mut());
                    if let Some((seen, expecting_key)) = keys {
                        if !seen.insert(value.clone()) {
                            return Err(fail(
                                place(&mark),
                                &path,
                                format!("duplicate field `{value}`"),
                            ));
                        }
                        *expecting_key = false;
                    }
                    path.push(Step::Key(value));
                    continue;
                }
                if anchor != 0 {
                    anchored.insert(anchor, value.len());
                }
                // A paragraph is a number, whatever its text.
                let is_number = matches!(path.last(), Some(Step::Key(k)) if k == "paragraph");
                if style == TScalarStyle::Plain && !is_number && may_not_be_text(&value) {
                    originals.insert(dotted(&path), value);
                }
                end_value(&mut stack, &mut path);
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                if is_key {
                    return Err(fail(
                        place(&mark),
                        &path,
                        "a list or mapping is used as a key (keys are field names)".to_string(),
                    ));
                }
                if let Some(tag) = tag {
                    let at = tag_mark(text, &mark, &tag);
                    return Err(fail(at, &path, unsupported(&tag)));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(fail(
                        place(&mark),
                        &[],
                        format!("nested deeper than {MAX_DEPTH} levels (a timeline needs 5)"),
                    ));
                }
                stack.push(Node {
                    anchor,
                    start: mark.index(),
                    aliased: 0,
                    keys: is_mapping.then(|| (HashSet::default(), true)),
                    next_index: 0,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                // The parser ends only what it started.
                let Some(node) = stack.pop() else {
                    continue;
                };
                if node.anchor != 0 {
                    let own = mark.index().saturating_sub(node.start);
                    anchored.insert(node.anchor, own.saturating_add(node.aliased));
                }
                if let Some(parent) = stack.last_mut() {
                    parent.aliased = parent.aliased.saturating_add(node.aliased);
                }
                end_value(&mut stack, &mut path);
            }
            _ => {}
        }
    }
}

/// After a value: its key or index leaves the path, and a mapping expects a key again.
fn end_value(stack: &mut [Node], path: &mut Vec<Step>) {
    if let Some(node) = stack.last_mut() {
        path.pop();
        if let Some((_, expecting_key)) = node.keys.as_mut() {
            *expecting_key = true;
        }
    }
}

/// `!!str` only says a value is text, which every field of a timeline is anyway.
fn is_plain_string(tag: &Tag) -> bool {
    tag.suffix == "str" && (tag.handle == "tag:yaml.org,2002:" || tag.handle == "!!")
}

/// The tag as written: `!foo`, `!!binary`.
fn written(tag: &Tag) -> String {
    let handle = if tag.handle == "tag:yaml.org,2002:" {
        "!!"
    } else {
        tag.handle.as_str()
    };
    format!("{handle}{}", tag.suffix)
}

/// Line and column (1-based) of a marker.
fn place(mark: &Marker) -> (usize, usize) {
    (mark.line(), mark.col() + 1)
}

/// Where `tag` is written before the value at `mark` (the parser marks the value).
fn tag_mark(text: &str, mark: &Marker, tag: &Tag) -> (usize, usize) {
    let end = text
        .char_indices()
        .nth(mark.index())
        .map_or(text.len(), |(at, _)| at);
    let Some(at) = text[..end].rfind(&written(tag)) else {
        return place(mark);
    };
    line_column(text, at)
}

/// The message for a tag other than `!!str`.
fn unsupported(tag: &Tag) -> String {
    shorten_quoted(&format!("unsupported YAML tag {}", written(tag)))
}

/// `message` after the path to the value, as serde_yaml writes it (`events[0].title: …`).
fn with_path(path: &[Step], message: String) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) if out.is_empty() => out.push_str(key),
            Step::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        message
    } else {
        shorten_quoted(&format!("{out}: {message}"))
    }
}

/// Refuses the characters YAML does not allow in a file (C0 and C1 controls but tab,
/// line feed, carriage return and next line; DEL; U+FFFE and U+FFFF), at their place.
fn check_characters(name: &str, text: &str) -> Result<(), Diagnostic> {
    let allowed = |c: char| match c {
        '\t' | '\n' | '\r' | '\u{85}' => true,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => false,
        _ => true,
    };
    let Some(at) = text.find(|c: char| !allowed(c)) else {
        return Ok(());
    };
    Err(Diagnostic::at(
        name,
        line_column(text, at),
        "control characters are not allowed".to_string(),
    ))
}
