//! Corroboration: how many distinct documents, and how many distinct outlets, cite an
//! event, and the filter criterion on it ([`SourceCriterion`]).

use std::fmt;

use crate::model::{Event, Timeline};

/// How many documents and outlets tell one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceCount {
    /// Distinct documents cited (two paragraphs of one article are one source).
    pub documents: usize,
    /// Distinct publishers of those documents, compared ignoring case and surrounding
    /// spaces. A document with no publisher counts as an outlet of its own: nothing says
    /// it shares an outlet with another, so it is not merged with one.
    pub outlets: usize,
}

impl fmt::Display for SourceCount {
    /// `3 sources, 2 outlets`; `1 source, 1 outlet`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        write!(
            f,
            "{} source{}, {} outlet{}",
            self.documents,
            plural(self.documents),
            self.outlets,
            plural(self.outlets)
        )
    }
}

impl SourceCount {
    /// How many documents and outlets of `timeline` cite `event`.
    pub fn of(timeline: &Timeline, event: &Event) -> Self {
        let documents = distinct_documents(event);
        if documents <= 1 {
            return SourceCount {
                documents,
                outlets: documents,
            };
        }
        // A publisher's key, or the document's own index for one without a publisher
        // (its own outlet); the two kinds of key never meet.
        let mut outlets: Vec<Result<String, u32>> = event
            .sources
            .iter()
            .map(|s| {
                let publisher = timeline.document(s.doc).publisher.as_deref();
                match publisher.map(|p| p.trim().to_lowercase()) {
                    Some(key) if !key.is_empty() => Ok(key),
                    _ => Err(s.doc.0),
                }
            })
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        SourceCount {
            documents,
            outlets: outlets.len(),
        }
    }
}

/// How many distinct documents cite `event`: at most its number of sources, and
/// counted without a set for the common one or two.
pub fn distinct_documents(event: &Event) -> usize {
    match &*event.sources {
        [] => 0,
        [_] => 1,
        [a, b] => 1 + usize::from(a.doc != b.doc),
        _ => document_ids(event).len(),
    }
}

/// The documents citing `event`, each once, as sorted raw ids.
pub(super) fn document_ids(event: &Event) -> Vec<u32> {
    let mut docs: Vec<u32> = event.sources.iter().map(|s| s.doc.0).collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

/// Which events to keep by how many documents tell them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceCriterion {
    /// Every event.
    #[default]
    Any,
    /// Events told by at least this many distinct documents.
    AtLeast(usize),
    /// Events told by one document only: what an analyst must verify.
    Single,
}

impl SourceCriterion {
    /// The criteria the TUI's key steps through, in order.
    pub const CYCLE: [SourceCriterion; 3] = [
        SourceCriterion::Any,
        SourceCriterion::AtLeast(2),
        SourceCriterion::Single,
    ];

    /// Whether `event` passes.
    pub fn keeps(self, event: &Event) -> bool {
        match self {
            SourceCriterion::Any => true,
            SourceCriterion::AtLeast(n) => distinct_documents(event) >= n,
            SourceCriterion::Single => distinct_documents(event) == 1,
        }
    }

    /// The criterion after this one in [`SourceCriterion::CYCLE`]; any other
    /// (`--min-sources 3`) goes back to the start.
    pub fn next(self) -> Self {
        let at = Self::CYCLE.iter().position(|&c| c == self);
        match at {
            Some(i) => Self::CYCLE[(i + 1) % Self::CYCLE.len()],
            None => SourceCriterion::Any,
        }
    }

    /// The criterion in words: `sources ≥ 2`, `single source`; `None` for
    /// [`SourceCriterion::Any`].
    pub fn describe(self) -> Option<String> {
        match self {
            SourceCriterion::Any => None,
            SourceCriterion::AtLeast(n) => Some(format!("sources ≥ {n}")),
            SourceCriterion::Single => Some("single source".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, Document, Source};

    fn document(publisher: Option<&str>) -> Document {
        Document {
            id: "d".into(),
            title: "t".into(),
            publisher: publisher.map(str::to_string),
            published: chrono::NaiveDate::from_ymd_opt(2022, 1, 1).expect("a day"),
            url: None,
            paragraphs: vec!["p".into()],
        }
    }

    fn event_citing(docs: &[u32]) -> Event {
        let mut event = crate::synth::timeline(1, 1).events.remove(0);
        event.sources = docs
            .iter()
            .map(|&d| Source {
                doc: DocId(d),
                paragraph: 1,
                quote: "p".into(),
            })
            .collect();
        event
    }

    #[test]
    fn documents_of_one_publisher_are_one_outlet_and_a_document_without_one_its_own() {
        let timeline = Timeline {
            documents: vec![
                document(Some("Reuters")),
                document(Some(" reuters ")),
                document(None),
                document(None),
                document(Some("AP")),
            ],
            ..Timeline::default()
        };
        let count = |docs: &[u32]| SourceCount::of(&timeline, &event_citing(docs));
        assert_eq!(count(&[0, 1]).to_string(), "2 sources, 1 outlet");
        assert_eq!(count(&[2, 3]).to_string(), "2 sources, 2 outlets");
        assert_eq!(count(&[0, 0]).to_string(), "1 source, 1 outlet");
        assert_eq!(count(&[0, 1, 2, 4, 4]).to_string(), "4 sources, 3 outlets");
    }

    #[test]
    fn the_criterion_cycles_and_keeps_by_distinct_documents() {
        assert_eq!(SourceCriterion::Any.next(), SourceCriterion::AtLeast(2));
        assert_eq!(SourceCriterion::AtLeast(2).next(), SourceCriterion::Single);
        assert_eq!(SourceCriterion::Single.next(), SourceCriterion::Any);
        assert_eq!(SourceCriterion::AtLeast(3).next(), SourceCriterion::Any);
        let twice_one = event_citing(&[0, 0]);
        assert!(SourceCriterion::Single.keeps(&twice_one));
        assert!(!SourceCriterion::AtLeast(2).keeps(&twice_one));
        assert!(SourceCriterion::AtLeast(3).keeps(&event_citing(&[0, 1, 2, 1])));
    }
}
