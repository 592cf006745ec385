//! How alike two reports of events are: the words of their titles and quotes (token-set
//! Jaccard, the words of their own actors' names left out, since the actors are compared
//! apart), their actors, and how near their dates are. The duplicate finder
//! ([`super::dupes`]) and the extractor's merge share it, so both judge alike.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Event, Timeline};

/// Events whose spans lie more than this many days apart are never the same happening.
pub const MAX_GAP_DAYS: i32 = 7;
/// Events whose date spans more days than this (a quarter, a year, an open end) are too
/// vague to be matched by date, and are not compared.
pub const MAX_SPAN_DAYS: i32 = 62;
/// The score at or above which two events are judged the same happening.
pub const SAME_SCORE: f64 = 0.5;
/// The least word similarity two events judged the same must have, whatever their
/// actors and dates: sharing actors and a day is not enough (different happenings of
/// one crisis do).
pub const MIN_TEXT: f64 = 0.3;

/// Weights of the three parts of [`Similarity::score`]; they sum to 1.
const TEXT_WEIGHT: f64 = 0.6;
const ACTOR_WEIGHT: f64 = 0.25;
const DATE_WEIGHT: f64 = 0.15;

/// Words too common in news to say what happened.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "but", "by", "for", "from", "had", "has", "have", "he", "her", "his", "in",
    "into", "is", "it", "its", "last", "mr", "mrs", "ms", "new", "next", "not", "of", "on", "or",
    "over", "said", "says", "she", "than", "that", "the", "their", "them", "there", "they", "this",
    "to", "told", "was", "we", "were", "when", "which", "while", "who", "will", "with", "would",
];

/// The words of a text, each numbered once across a whole comparison.
#[derive(Debug, Default)]
pub struct Vocabulary {
    numbers: HashMap<String, u32>,
}

impl Vocabulary {
    /// The numbers of the words of `text` that carry meaning (lowercased, crudely
    /// stemmed, stopwords and single letters left out), sorted, each once.
    pub fn words(&mut self, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|word| {
                let word = stem(&word.to_lowercase());
                if word.chars().count() < 2 || STOPWORDS.contains(&word.as_str()) {
                    return None;
                }
                let next = self.numbers.len() as u32;
                Some(*self.numbers.entry(word).or_insert(next))
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A word without the endings that vary between two tellings of one thing
/// (`talks`/`talk`, `warned`/`warns`, `flying`/`fly`).
fn stem(word: &str) -> String {
    let word = word.strip_suffix("'s").unwrap_or(word);
    for ending in ["ing", "ed", "es", "s"] {
        if let Some(root) = word.strip_suffix(ending)
            && root.chars().count() >= 3
        {
            return root.to_string();
        }
    }
    word.to_string()
}

/// What is compared of one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The words of its title and quotes, its actors' names left out.
    pub words: Vec<u32>,
    /// Its actors, sorted.
    pub actors: Vec<u32>,
    /// The first and last day it can mean, as days from the common era.
    pub span: (i32, i32),
}

impl Profile {
    /// The profile of `timeline`'s event `event`, or `None` when its date is too vague
    /// to compare ([`MAX_SPAN_DAYS`]).
    pub fn of(timeline: &Timeline, event: &Event, vocabulary: &mut Vocabulary) -> Option<Self> {
        let span = day_span(event.date.earliest()?, event.date.latest()?)?;
        let mut names: Vec<u32> = Vec::new();
        for &actor in &event.actors {
            let actor = timeline.actor(actor);
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                names.extend(vocabulary.words(name));
            }
        }
        names.sort_unstable();
        let without_names = |mut words: Vec<u32>| {
            words.retain(|w| names.binary_search(w).is_err());
            words
        };
        let mut words = without_names(vocabulary.words(&event.title));
        for source in &event.sources {
            words.extend(without_names(vocabulary.words(&source.quote)));
        }
        words.sort_unstable();
        words.dedup();
        let mut actors: Vec<u32> = event.actors.iter().map(|a| a.0).collect();
        actors.sort_unstable();
        actors.dedup();
        Some(Profile {
            words,
            actors,
            span,
        })
    }
}

/// The span from `first` to `last` in days, or `None` when it is wider than
/// [`MAX_SPAN_DAYS`].
fn day_span(first: NaiveDate, last: NaiveDate) -> Option<(i32, i32)> {
    use chrono::Datelike;
    let span = (first.num_days_from_ce(), last.num_days_from_ce());
    (span.1 - span.0 < MAX_SPAN_DAYS).then_some(span)
}

/// How alike two profiles are, part by part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    /// Word similarity, 0 to 1: the Jaccard of the words of title and quotes together
    /// (a title alone, a few words once the actors' names are left out, makes two calls
    /// of one person look alike).
    pub text: f64,
    /// Jaccard of the actors, 0 to 1.
    pub actors: f64,
    /// Days between the two spans; 0 when they overlap.
    pub gap_days: i32,
}

impl Similarity {
    /// Compares two profiles.
    pub fn between(a: &Profile, b: &Profile) -> Self {
        let text = jaccard(&a.words, &b.words);
        let gap_days = (b.span.0 - a.span.1).max(a.span.0 - b.span.1).max(0);
        Similarity {
            text,
            actors: jaccard(&a.actors, &b.actors),
            gap_days,
        }
    }

    /// The weighted score, 0 to 1: 0.6 words, 0.25 actors, 0.15 date nearness (1 when
    /// the spans overlap, falling to 0 past [`MAX_GAP_DAYS`]).
    pub fn score(&self) -> f64 {
        let nearness =
            1.0 - f64::from(self.gap_days.min(MAX_GAP_DAYS + 1)) / f64::from(MAX_GAP_DAYS + 1);
        TEXT_WEIGHT * self.text + ACTOR_WEIGHT * self.actors + DATE_WEIGHT * nearness
    }

    /// Whether the two are judged the same happening: a score of at least
    /// [`SAME_SCORE`], words at least [`MIN_TEXT`] alike, and dates at most
    /// [`MAX_GAP_DAYS`] apart.
    pub fn is_same(&self) -> bool {
        self.score() >= SAME_SCORE && self.text >= MIN_TEXT && self.gap_days <= MAX_GAP_DAYS
    }
}

/// |a ∩ b| / |a ∪ b| of two sorted lists without repeats; 0 when both are empty.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_stemmed_and_stripped_of_stopwords() {
        let mut v = Vocabulary::default();
        assert_eq!(v.words("The talks"), v.words("talk"));
        assert_eq!(v.words("Russia's troops"), v.words("russia troop"));
        assert!(v.words("a of the to").is_empty());
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(jaccard(&[1], &[1]), 1.0);
    }

    #[test]
    fn the_score_weighs_words_actors_and_nearness() {
        let same = Similarity {
            text: 1.0,
            actors: 1.0,
            gap_days: 0,
        };
        assert!((same.score() - 1.0).abs() < 1e-9);
        let far = Similarity {
            gap_days: 30,
            ..same
        };
        assert!((far.score() - 0.85).abs() < 1e-9);
        assert!(!far.is_same(), "a month apart is another happening");
        let same_actors_other_words = Similarity { text: 0.1, ..same };
        assert!(!same_actors_other_words.is_same());
    }
}
