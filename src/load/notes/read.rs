//! Reading the notes file: serde_yaml into plain fields, each value then checked, so that
//! a problem is reported at its line and column with the path of its field
//! (`biden-putin-call.review`), as the timeline's loader reports.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use serde::de::{self, Deserializer};

use crate::load::LoadError;
use crate::load::format::libyaml_error;
use crate::model::{Annotation, Annotations, Note, Review, is_valid_tag};

/// One event's entry as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default)]
    star: bool,
    #[serde(default)]
    review: Checked<Review>,
    #[serde(default)]
    tags: Vec<Checked<Tag>>,
    #[serde(default)]
    notes: Vec<Written>,
}

/// One note as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    date: Checked<DateTime<Utc>>,
    author: String,
    text: String,
}

/// A tag: one word.
struct Tag(String);

/// A value read from a string by [`Word::read`], so that a bad one is reported at its
/// own line and column, with the path of its field.
#[derive(Default)]
struct Checked<T>(T);

/// A value written as one string in the notes file.
trait Word: Sized {
    /// What the value must be, for serde's "expected" messages.
    const EXPECTED: &'static str;
    /// The value `text` stands for, or why it stands for none.
    fn read(text: &str) -> Result<Self, String>;
}

impl Word for Review {
    const EXPECTED: &'static str = "a review status";
    fn read(word: &str) -> Result<Self, String> {
        word.parse().map_err(|_| {
            let words: Vec<&str> = Review::ALL.iter().map(|r| r.as_str()).collect();
            format!(
                "unknown review status {word:?} (expected {})",
                words.join(", ")
            )
        })
    }
}

impl Word for Tag {
    const EXPECTED: &'static str = "a tag";
    fn read(tag: &str) -> Result<Self, String> {
        if is_valid_tag(tag) {
            Ok(Tag(tag.to_string()))
        } else {
            Err(format!("tag {tag:?} is not one word (no spaces or commas)"))
        }
    }
}

impl Word for DateTime<Utc> {
    const EXPECTED: &'static str = "a time";
    /// An RFC 3339 time (`2026-12-01T22:57:00Z`), or a day (`2026-12-01`, its midnight
    /// UTC).
    fn read(text: &str) -> Result<Self, String> {
        if let Ok(time) = DateTime::parse_from_rfc3339(text) {
            return Ok(time.with_timezone(&Utc));
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .and_then(|day| day.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())
            .ok_or_else(|| {
                format!(
                    "date {text:?} is not a time like 2026-12-01T22:57:00Z or a day like 2026-12-01"
                )
            })
    }
}

impl<'de, T: Word> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(WordVisitor(std::marker::PhantomData))
    }
}

/// Reads a [`Word`] inside the deserializer, where its place is known.
struct WordVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Word> de::Visitor<'de> for WordVisitor<T> {
    type Value = Checked<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Checked<T>, E> {
        T::read(text).map(Checked).map_err(E::custom)
    }
}

/// The annotations of the notes file `name` whose text is `text`: every problem, the
/// first serde_yaml meets, at its line and column and naming its field.
pub fn parse_notes(name: &str, text: &str) -> Result<Annotations, LoadError> {
    let entries: Option<BTreeMap<String, Option<Entry>>> =
        serde_yaml::from_str(text).map_err(|e| LoadError {
            diagnostics: vec![libyaml_error(name, text, &e)],
        })?;
    let mut annotations = Annotations::default();
    for (id, entry) in entries.into_iter().flatten() {
        let Some(entry) = entry else { continue };
        let mut notes: Vec<Note> = entry
            .notes
            .into_iter()
            .map(|n| Note {
                date: n.date.0,
                author: n.author,
                text: n.text,
            })
            .collect();
        notes.sort_by_key(|a| a.date);
        annotations.insert(
            id,
            Annotation {
                star: entry.star,
                tags: entry.tags.into_iter().map(|t| t.0.0).collect(),
                review: entry.review.0,
                notes,
            },
        );
    }
    Ok(annotations)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse_notes("events.notes.yaml", text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn an_empty_or_commented_file_holds_nothing() {
        for text in ["", "# nothing yet\n", "\n\n"] {
            assert!(parse_notes("n.yaml", text).unwrap().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn each_problem_names_the_file_line_column_and_field() {
        assert_eq!(
            error("call:\n  star: true\n  review: maybe\n"),
            "events.notes.yaml:3:11: call.review: unknown review status \"maybe\" (expected unreviewed, verified, disputed, needs-source)"
        );
        assert_eq!(
            error("call:\n  star: yes please\n"),
            "events.notes.yaml:2:9: call.star: invalid type: string \"yes please\", expected a boolean"
        );
        assert_eq!(
            error("call:\n  tags: [\"two words\"]\n"),
            "events.notes.yaml:2:10: call.tags[0]: tag \"two words\" is not one word (no spaces or commas)"
        );
        assert_eq!(
            error("call:\n  notes:\n    - author: ana\n      date: yesterday\n      text: hi\n"),
            "events.notes.yaml:4:13: call.notes[0].date: date \"yesterday\" is not a time like 2026-12-01T22:57:00Z or a day like 2026-12-01"
        );
        assert_eq!(
            error("call:\n  stars: true\n"),
            "events.notes.yaml:2:3: call: unknown field `stars`, expected one of `star`, `review`, `tags`, `notes`"
        );
    }
}
