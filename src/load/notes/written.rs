//! The notes file's text: one entry per event id in id order, its fields in a fixed
//! order, each on its own line, defaults left out, a note of several lines as a literal
//! block so that a changed line of it is a changed line of the diff.

use crate::load::format::quoted;
use crate::model::{Annotation, Annotations};

/// The first line of every notes file.
const HEADER: &str = "# tline notes: star, review, tags and notes by event id (the timeline files are never rewritten)\n";

/// The text of the notes file holding `annotations`.
pub fn notes_text(annotations: &Annotations) -> String {
    let mut out = String::from(HEADER);
    for (id, annotation) in annotations.iter() {
        key(&mut out, id);
        out.push_str(":\n");
        entry(&mut out, annotation);
    }
    out
}

/// One event's fields, two spaces in.
fn entry(out: &mut String, a: &Annotation) {
    if a.star {
        out.push_str("  star: true\n");
    }
    if a.review != Default::default() {
        // The review words are plain lowercase words with a hyphen: nothing to quote.
        out.push_str(&format!("  review: {}\n", a.review));
    }
    if !a.tags.is_empty() {
        out.push_str("  tags: [");
        for (i, tag) in a.tags.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            scalar(out, tag);
        }
        out.push_str("]\n");
    }
    if !a.notes.is_empty() {
        out.push_str("  notes:\n");
        for note in &a.notes {
            out.push_str(&format!(
                "    - date: {}\n",
                note.date.format("%Y-%m-%dT%H:%M:%SZ")
            ));
            out.push_str("      author: ");
            scalar(out, &note.author);
            out.push_str("\n      text: ");
            text(out, &note.text, "        ");
            out.push('\n');
        }
    }
}

/// `s` as a double-quoted scalar.
fn scalar(out: &mut String, s: &str) {
    let mut bytes = Vec::with_capacity(s.len() + 2);
    // Writing to memory cannot fail.
    let _ = quoted(&mut bytes, s);
    out.push_str(&String::from_utf8_lossy(&bytes));
}

/// Words YAML 1.1 readers (PyYAML, for one) take for booleans.
const YAML_11_BOOLEANS: [&str; 8] = ["y", "n", "yes", "no", "on", "off", "true", "false"];

/// An event id as a mapping key: plain when YAML reads it back as the same string (a
/// slug, as ids nearly always are), else double-quoted.
fn key(out: &mut String, id: &str) {
    let plain = !YAML_11_BOOLEANS.contains(&id.to_lowercase().as_str())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && serde_yaml::from_str::<serde_yaml::Value>(id)
            .is_ok_and(|v| v == serde_yaml::Value::String(id.to_string()));
    if plain {
        out.push_str(id);
    } else {
        scalar(out, id);
    }
}

/// A note's text: a literal block (`|-`, or `|` when it ends in one line break) when it
/// has several lines that such a block keeps exactly, lines `indent`ed; else quoted.
fn text(out: &mut String, text: &str, indent: &str) {
    let (body, chomp) = match text.strip_suffix('\n') {
        Some(body) => (body, "|"),
        None => (text, "|-"),
    };
    let keeps_it = body.contains('\n')
        && !body.starts_with([' ', '\n', '\t'])
        && !body.ends_with('\n')
        && !body.chars().any(|c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
        });
    if !keeps_it {
        scalar(out, text);
        return;
    }
    out.push_str(chomp);
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::notes::parse_notes;
    use crate::model::{Note, Review};
    use chrono::{TimeZone, Utc};

    fn with_note(text: &str) -> Annotations {
        let mut all = Annotations::default();
        all.edit("call", |a| {
            a.notes.push(Note {
                date: Utc.with_ymd_and_hms(2026, 12, 1, 22, 57, 0).unwrap(),
                author: "ana".into(),
                text: text.into(),
            })
        });
        all
    }

    #[test]
    fn the_file_lists_events_by_id_one_field_a_line() {
        let mut all = with_note("Readout confirms it.\n\nSee **para 4**.");
        all.edit("call", |a| {
            a.star = true;
            a.review = Review::Verified;
            a.tags = ["key".to_string(), "call".to_string()].into();
        });
        all.edit("2022-talks", |a| a.review = Review::NeedsSource);
        all.edit("yes", |a| a.star = true);
        assert_eq!(
            notes_text(&all),
            format!(
                "{HEADER}2022-talks:\n  review: needs-source\ncall:\n  star: true\n  review: verified\n  tags: [\"call\", \"key\"]\n  notes:\n    - date: 2026-12-01T22:57:00Z\n      author: \"ana\"\n      text: |-\n        Readout confirms it.\n\n        See **para 4**.\n\"yes\":\n  star: true\n"
            )
        );
        assert_eq!(parse_notes("n", &notes_text(&all)).unwrap(), all);
    }

    #[test]
    fn every_note_text_reads_back_the_same() {
        let texts = [
            "one line",
            "two\nlines",
            "ends in a break\n",
            "ends in two\n\n",
            " leading space\nthen",
            "\nleading break",
            "trailing spaces  \nkept  ",
            "a\n   indented\n\n\n  x",
            "tab\tinside\nand\r\ncr",
            "quote \" and \\ and # and: colon\n- dash",
            "\u{1b}[31mred\nline\u{2028}sep",
            "",
            "“curly” 日本 🎉\nsecond",
        ];
        for t in texts {
            let all = with_note(t);
            let text = notes_text(&all);
            assert_eq!(parse_notes("n", &text).unwrap(), all, "{t:?}\n{text}");
        }
    }

    #[test]
    fn odd_ids_are_quoted_and_read_back() {
        for id in [
            "true", "null", "123", "1.5", "~", "a b", "-x", "a:b", "ü", "#c",
        ] {
            let mut all = Annotations::default();
            all.edit(id, |a| a.star = true);
            let text = notes_text(&all);
            assert_eq!(parse_notes("n", &text).unwrap(), all, "{id:?}\n{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_annotations_read_back_the_same(
            entries in proptest::collection::vec(
                (
                    "\\PC{1,12}",
                    proptest::bool::ANY,
                    0..4usize,
                    proptest::collection::btree_set("[a-z0-9é_-]{1,8}", 0..3),
                    proptest::collection::vec(("\\PC{0,10}", "(\\PC|\n| ){0,40}", 0..100_000i64), 0..3),
                ),
                0..5,
            )
        ) {
            let mut all = Annotations::default();
            for (id, star, review, tags, notes) in entries {
                all.edit(&id, |a| {
                    a.star = star;
                    a.review = Review::ALL[review];
                    a.tags = tags;
                    a.notes = notes
                        .into_iter()
                        .map(|(author, text, seconds)| Note {
                            date: Utc.timestamp_opt(1_700_000_000 + seconds, 0).unwrap(),
                            author,
                            text,
                        })
                        .collect();
                    a.notes.sort_by_key(|n| n.date);
                });
            }
            let text = notes_text(&all);
            let back = parse_notes("n", &text);
            proptest::prop_assert_eq!(back.as_ref().ok(), Some(&all), "{}", text);
        }

        #[test]
        fn any_text_reads_or_is_refused_at_a_place_without_panicking(text in "(\\PC|\n| |:|-){0,200}") {
            if let Err(e) = parse_notes("n.yaml", &text) {
                proptest::prop_assert!(!e.diagnostics.is_empty());
                proptest::prop_assert!(e.diagnostics.iter().all(|d| d.file == "n.yaml"));
            }
        }
    }
}
