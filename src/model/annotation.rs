//! What an analyst adds to an event without touching the timeline: a star, tags, a
//! review status and notes, kept per event id. No file format and no terminal: the notes
//! file is read and written in `load::notes`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::UnknownWord;

/// How far an event has been checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Review {
    /// Nobody has checked it yet.
    #[default]
    Unreviewed,
    /// Checked against its sources, and it holds.
    Verified,
    /// Checked, and something in it is contested.
    Disputed,
    /// Its sources do not carry it: it needs another.
    NeedsSource,
}

impl Review {
    /// Every review status, in the order `v` cycles through them.
    pub const ALL: [Review; 4] = [
        Review::Unreviewed,
        Review::Verified,
        Review::Disputed,
        Review::NeedsSource,
    ];

    /// The word used in files, flags and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Unreviewed => "unreviewed",
            Review::Verified => "verified",
            Review::Disputed => "disputed",
            Review::NeedsSource => "needs-source",
        }
    }

    /// The status after this one in [`Review::ALL`], wrapping to the first.
    pub fn next(self) -> Review {
        let at = Review::ALL.iter().position(|&r| r == self).unwrap_or(0);
        Review::ALL[(at + 1) % Review::ALL.len()]
    }
}

impl FromStr for Review {
    type Err = UnknownWord;

    /// The review status a file or flag names, exactly as [`Review::as_str`] writes it.
    fn from_str(word: &str) -> Result<Self, UnknownWord> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == word)
            .ok_or(UnknownWord)
    }
}

impl fmt::Display for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One note on an event: Markdown text, who wrote it and when.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Note {
    /// When it was written (kept to the second).
    pub date: DateTime<Utc>,
    /// Who wrote it.
    pub author: String,
    /// The note, in Markdown.
    pub text: String,
}

/// Whether `tag` can be a tag: a non-empty word with no white space and no comma, so
/// that tags typed at a prompt or listed in a CSV cell split back the same.
pub fn is_valid_tag(tag: &str) -> bool {
    !tag.is_empty()
        && !tag
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c.is_control())
}

/// Everything said of one event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotation {
    /// Whether it is starred.
    pub star: bool,
    /// Its tags, each once, sorted.
    pub tags: BTreeSet<String>,
    /// How far it has been checked.
    pub review: Review,
    /// Its notes, oldest first.
    pub notes: Vec<Note>,
}

impl Annotation {
    /// Whether it says nothing (and so need not be written).
    pub fn is_empty(&self) -> bool {
        !self.star
            && self.tags.is_empty()
            && self.review == Review::Unreviewed
            && self.notes.is_empty()
    }

    /// The three-way merge of one event's annotation: what `ours` changed since `base`
    /// applied to `theirs`. A star or review status we changed is ours, else theirs;
    /// tags we added are added and tags we removed removed; notes we added are appended
    /// to theirs and notes we removed are removed, so that neither side loses the
    /// other's work.
    fn merge(base: &Annotation, ours: &Annotation, theirs: &Annotation) -> Annotation {
        let star = if ours.star != base.star {
            ours.star
        } else {
            theirs.star
        };
        let review = if ours.review != base.review {
            ours.review
        } else {
            theirs.review
        };
        let added = ours.tags.difference(&base.tags);
        let removed: BTreeSet<&String> = base.tags.difference(&ours.tags).collect();
        let tags = theirs
            .tags
            .iter()
            .chain(added)
            .filter(|t| !removed.contains(t))
            .cloned()
            .collect();
        let mut notes: Vec<Note> = theirs
            .notes
            .iter()
            .filter(|n| !base.notes.contains(n) || ours.notes.contains(n))
            .cloned()
            .collect();
        for note in &ours.notes {
            if !base.notes.contains(note) && !notes.contains(note) {
                notes.push(note.clone());
            }
        }
        notes.sort_by_key(|a| a.date);
        Annotation {
            star,
            tags,
            review,
            notes,
        }
    }
}

/// The annotations of a timeline, by event id, in id order. An id no event has is kept
/// (see [`Annotations::orphans`]): an event renamed or removed for a while does not take
/// its notes with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    by_id: BTreeMap<String, Annotation>,
}

impl Annotations {
    /// The annotation of the event `id`, if it has one.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.by_id.get(id)
    }

    /// Whether no event has an annotation.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Every annotation that says something, by id in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Annotation)> {
        self.by_id.iter().map(|(id, a)| (id.as_str(), a))
    }

    /// Changes the annotation of the event `id` with `change`; one left empty is removed.
    pub fn edit(&mut self, id: &str, change: impl FnOnce(&mut Annotation)) {
        let annotation = self.by_id.entry(id.to_string()).or_default();
        change(annotation);
        if annotation.is_empty() {
            self.by_id.remove(id);
        }
    }

    /// Sets the annotation of `id` whole (as a reader does); an empty one is not kept.
    pub fn insert(&mut self, id: String, annotation: Annotation) {
        if annotation.is_empty() {
            self.by_id.remove(&id);
        } else {
            self.by_id.insert(id, annotation);
        }
    }

    /// Whether the event `id` is starred.
    pub fn is_starred(&self, id: &str) -> bool {
        self.get(id).is_some_and(|a| a.star)
    }

    /// Every tag in use, each once, sorted.
    pub fn tags(&self) -> BTreeSet<&str> {
        self.by_id
            .values()
            .flat_map(|a| a.tags.iter().map(String::as_str))
            .collect()
    }

    /// The ids annotated that none of `event_ids` is, in id order. The events are not
    /// looked at when nothing is annotated.
    pub fn orphans<'e>(&self, event_ids: impl Iterator<Item = &'e str>) -> Vec<&str> {
        if self.by_id.is_empty() {
            return Vec::new();
        }
        let annotated_events: BTreeSet<&str> = event_ids
            .filter(|id| self.by_id.contains_key(*id))
            .collect();
        self.by_id
            .keys()
            .map(String::as_str)
            .filter(|id| !annotated_events.contains(id))
            .collect()
    }

    /// The three-way merge of two sides that started from `base`: what `ours` changed
    /// since then, applied to `theirs` (what another process has written meanwhile),
    /// event by event (see [`Annotation`]'s merge rules). With `base == theirs` the
    /// result is `ours`; with `base == ours`, `theirs`.
    pub fn merge(base: &Annotations, ours: &Annotations, theirs: &Annotations) -> Annotations {
        let empty = Annotation::default();
        let ids: BTreeSet<&String> = base
            .by_id
            .keys()
            .chain(ours.by_id.keys())
            .chain(theirs.by_id.keys())
            .collect();
        let mut merged = Annotations::default();
        for id in ids {
            let side = |a: &Annotations| a.by_id.get(id).unwrap_or(&empty).clone();
            let annotation = Annotation::merge(&side(base), &side(ours), &side(theirs));
            merged.insert(id.clone(), annotation);
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn note(second: u32, text: &str) -> Note {
        Note {
            date: Utc.with_ymd_and_hms(2026, 12, 1, 22, 0, second).unwrap(),
            author: "ana".into(),
            text: text.into(),
        }
    }

    fn tagged(tags: &[&str]) -> Annotation {
        Annotation {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Annotation::default()
        }
    }

    fn one(id: &str, annotation: Annotation) -> Annotations {
        let mut all = Annotations::default();
        all.insert(id.into(), annotation);
        all
    }

    #[test]
    fn review_statuses_read_the_words_they_write_and_cycle() {
        for review in Review::ALL {
            assert_eq!(review.as_str().parse(), Ok(review));
        }
        assert_eq!("Verified".parse::<Review>(), Err(UnknownWord));
        let mut review = Review::Unreviewed;
        let mut seen = Vec::new();
        for _ in 0..4 {
            review = review.next();
            seen.push(review);
        }
        assert_eq!(
            seen,
            [
                Review::Verified,
                Review::Disputed,
                Review::NeedsSource,
                Review::Unreviewed
            ]
        );
    }

    #[test]
    fn an_annotation_left_empty_is_removed() {
        let mut all = Annotations::default();
        all.edit("a", |a| a.star = true);
        assert!(all.is_starred("a"));
        all.edit("a", |a| a.star = false);
        assert!(all.is_empty());
    }

    #[test]
    fn tags_must_be_single_words() {
        assert!(is_valid_tag("key-event"));
        assert!(is_valid_tag("été"));
        for bad in ["", "two words", "a,b", "tab\there", "nl\n"] {
            assert!(!is_valid_tag(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_merge_keeps_both_sides_changes_to_different_events() {
        let base = Annotations::default();
        let ours = one(
            "a",
            Annotation {
                star: true,
                ..Annotation::default()
            },
        );
        let theirs = one("b", tagged(&["x"]));
        let merged = Annotations::merge(&base, &ours, &theirs);
        assert!(merged.is_starred("a"));
        assert_eq!(merged.get("b"), Some(&tagged(&["x"])));
    }

    #[test]
    fn a_merge_unites_added_tags_and_honours_removed_ones() {
        let base = one("a", tagged(&["old", "shared"]));
        let ours = one("a", tagged(&["shared", "mine"]));
        let theirs = one("a", tagged(&["old", "shared", "theirs"]));
        let merged = Annotations::merge(&base, &ours, &theirs);
        assert_eq!(
            merged.get("a"),
            Some(&tagged(&["mine", "shared", "theirs"]))
        );
    }

    #[test]
    fn a_merge_keeps_both_notes_in_date_order() {
        let base = one(
            "a",
            Annotation {
                notes: vec![note(0, "first")],
                ..Annotation::default()
            },
        );
        let ours = one(
            "a",
            Annotation {
                notes: vec![note(0, "first"), note(2, "ours")],
                ..Annotation::default()
            },
        );
        let theirs = one(
            "a",
            Annotation {
                notes: vec![note(0, "first"), note(1, "theirs")],
                ..Annotation::default()
            },
        );
        let merged = Annotations::merge(&base, &ours, &theirs);
        let texts: Vec<&str> = merged
            .get("a")
            .unwrap()
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, ["first", "theirs", "ours"]);
    }

    #[test]
    fn a_merge_takes_the_star_and_review_only_from_the_side_that_changed_them() {
        let base = one(
            "a",
            Annotation {
                star: true,
                ..Annotation::default()
            },
        );
        let ours = one(
            "a",
            Annotation {
                star: true,
                review: Review::Disputed,
                ..Annotation::default()
            },
        );
        let theirs = Annotations::default();
        let merged = Annotations::merge(&base, &ours, &theirs);
        assert_eq!(
            merged.get("a"),
            Some(&Annotation {
                review: Review::Disputed,
                ..Annotation::default()
            }),
            "they unstarred it, we disputed it"
        );
        assert_eq!(Annotations::merge(&base, &base, &theirs), theirs);
        assert_eq!(Annotations::merge(&base, &ours, &base), ours);
    }

    #[test]
    fn orphans_are_the_ids_no_event_has() {
        let mut all = one("gone", tagged(&["x"]));
        all.insert("here".into(), tagged(&["y"]));
        assert_eq!(all.orphans(["here", "other"].into_iter()), ["gone"]);
        assert!(Annotations::default().orphans(["x"].into_iter()).is_empty());
    }
}
