//! Writing YAML laid out like `events.yaml`, for people to read and edit: block lists of
//! mappings, one field a line, every text a double-quoted scalar (escaped only where it
//! must be), ids in flow lists. Written by hand for speed: serde_yaml is slow to write a
//! million events.

use std::io::{self, Write};

use crate::load::schema::written::{actor, document, event};
use crate::model::Timeline;

/// Writes `s` as a YAML double-quoted scalar. Besides `"` and `\`, escapes every
/// character YAML does not allow raw (C0 and C1 controls, DEL, the BOM, U+FFFE/U+FFFF)
/// and those it reads as line breaks (U+0085, U+2028, U+2029), which would otherwise be
/// folded into spaces. Plain ASCII text, the usual case, is written as it is.
pub(in crate::load) fn quoted(w: &mut impl Write, s: &str) -> io::Result<()> {
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

/// Writes `tl` in the layout of events.yaml: block sequences of mappings, one field a
/// line.
pub fn write(tl: &Timeline, w: &mut impl Write) -> io::Result<()> {
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
        if !e.kind.is_empty() {
            field(w, "    ", "kind", e.kind)?;
        }
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
            quoted(&mut out, text).expect("writing to memory");
            let yaml = String::from_utf8(out).unwrap();
            let back: String = serde_yaml::from_str(&yaml).unwrap();
            assert_eq!(back, text, "{yaml}");
        }
    }
}
