//! The timeline: documents, actors and events, validated and sorted. No I/O, no terminal.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::date::EdtfDate;
use crate::text::find_quote;

/// Defines an index type: a position in one of the timeline's lists, kept as `u32` so
/// that a million events hold their references in a few bytes each.
macro_rules! index_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The id of position `index`; `None` past `u32::MAX`, which no file within
            /// the size limits can reach.
            pub fn new(index: usize) -> Option<Self> {
                u32::try_from(index).ok().map(Self)
            }

            /// The position this id stands for.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_id!(
    /// Index of an actor in [`Timeline::actors`].
    ActorId
);
index_id!(
    /// Index of a document in [`Timeline::documents`].
    DocId
);
index_id!(
    /// Index of an event kind in [`Timeline::kinds`].
    KindId
);

/// A word that names none of an enum's values, for [`FromStr`] on [`Status`] and
/// [`ActorKind`]; the caller words the message, since a file and a flag say it differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord;

/// A source text: an article whose paragraphs events cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Unique slug, such as `cbs-2022-01-01`.
    pub id: String,
    /// The headline or a short description.
    pub title: String,
    /// Who published it, if known.
    pub publisher: Option<String>,
    /// The day of publication, against which relative dates were read.
    pub published: chrono::NaiveDate,
    /// Where it can be read, if known.
    pub url: Option<String>,
    /// The paragraphs, verbatim and in order; cited 1-based.
    pub paragraphs: Vec<String>,
}

/// What sort of actor someone or something is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// One human being.
    Person,
    /// A state.
    Country,
    /// An institution, company or agency.
    Organization,
    /// An informal group of people or states.
    Group,
    /// Anything else.
    Other,
}

impl ActorKind {
    /// Every kind, in the order they are documented.
    pub const ALL: [ActorKind; 5] = [
        ActorKind::Person,
        ActorKind::Country,
        ActorKind::Organization,
        ActorKind::Group,
        ActorKind::Other,
    ];

    /// The word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
            ActorKind::Other => "other",
        }
    }
}

impl FromStr for ActorKind {
    type Err = UnknownWord;

    /// The kind a file or flag names, exactly as [`ActorKind::as_str`] writes it.
    fn from_str(word: &str) -> Result<Self, UnknownWord> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == word)
            .ok_or(UnknownWord)
    }
}

/// Whether an event happened or is only planned, expected or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    /// It happened.
    #[default]
    Occurred,
    /// Someone intends it to happen.
    Planned,
    /// It is foreseen, without being anyone's plan.
    Expected,
    /// The source reports it without confirming it.
    Reported,
}

impl Status {
    /// Every status, in the order they are documented.
    pub const ALL: [Status; 4] = [
        Status::Occurred,
        Status::Planned,
        Status::Expected,
        Status::Reported,
    ];

    /// The word used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Expected => "expected",
            Status::Reported => "reported",
        }
    }
}

impl FromStr for Status {
    type Err = UnknownWord;

    /// The status a file or flag names, exactly as [`Status::as_str`] writes it.
    fn from_str(word: &str) -> Result<Self, UnknownWord> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == word)
            .ok_or(UnknownWord)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person, country, organization or group that takes part in events.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Unique slug, such as `putin`.
    pub id: String,
    /// Display name, such as `Vladimir Putin`.
    pub name: String,
    /// What sort of actor this is.
    pub kind: ActorKind,
    /// Other names the sources use, such as `President Putin`.
    pub aliases: Vec<String>,
}

impl Actor {
    /// Whether `query` names this actor: its id, name or an alias, ignoring case.
    pub fn is_named(&self, query: &str) -> bool {
        let query = query.trim().to_lowercase();
        std::iter::once(&self.id)
            .chain(std::iter::once(&self.name))
            .chain(&self.aliases)
            .any(|n| n.to_lowercase() == query)
    }

    /// A short form for narrow columns: the last word of the name for a person, else the
    /// shortest of name and aliases.
    pub fn short_name(&self) -> &str {
        if self.kind == ActorKind::Person {
            return self.name.rsplit(' ').next().unwrap_or(&self.name);
        }
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .min_by_key(|n| n.chars().count())
            .map_or(self.name.as_str(), |n| n.as_str())
    }
}

/// Where an event is told: a paragraph of a document and the exact words.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The document.
    pub doc: DocId,
    /// The paragraph, 1-based.
    pub paragraph: usize,
    /// The words of the paragraph that tell the event, verbatim.
    pub quote: Box<str>,
}

/// One thing that happened, is planned or is reported, with its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique slug, such as `biden-putin-call`.
    pub id: Box<str>,
    /// When, as an EDTF date.
    pub date: EdtfDate,
    /// The words the source used for the date, such as `on Thursday`.
    pub date_text: Option<Box<str>>,
    /// A one-line title.
    pub title: Box<str>,
    /// A short free label (call, flight, statement, talks, ...), kept once in
    /// [`Timeline::kinds`].
    pub kind: KindId,
    /// Whether it happened.
    pub status: Status,
    /// Who took part.
    pub actors: Box<[ActorId]>,
    /// A few sentences in the analyst's words.
    pub summary: Option<Box<str>>,
    /// Where it is told; never empty.
    pub sources: Box<[Source]>,
}

/// A validated timeline: events sorted by date, every reference resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// The source documents.
    pub documents: Vec<Document>,
    /// The actors.
    pub actors: Vec<Actor>,
    /// The kinds of event, each once.
    pub kinds: Vec<String>,
    /// The events, sorted by earliest day, then latest day, then file order.
    pub events: Vec<Event>,
}

impl Timeline {
    /// The actor with index `id`.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    /// The kind with index `id`.
    pub fn kind(&self, id: KindId) -> &str {
        &self.kinds[id.index()]
    }

    /// The document with index `id`.
    pub fn document(&self, id: DocId) -> &Document {
        &self.documents[id.index()]
    }

    /// The position of the event with this id in [`Timeline::events`].
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| *e.id == *id)
    }

    /// The position of the event with this id; on failure, says which ids come closest.
    pub fn find_event(&self, id: &str) -> Result<usize, String> {
        self.event_index(id).ok_or_else(|| {
            let close = closest(id, self.events.iter().map(|e| &*e.id), 3);
            if close.is_empty() {
                format!("no event with id {id:?}")
            } else {
                format!(
                    "no event with id {id:?} (did you mean {}?)",
                    close.join(" or ")
                )
            }
        })
    }

    /// The paragraph text a source cites.
    pub fn paragraph(&self, source: &Source) -> &str {
        &self.document(source.doc).paragraphs[source.paragraph - 1]
    }

    /// The byte range of a source's quote within its paragraph.
    pub fn quote_range(&self, source: &Source) -> Option<Range<usize>> {
        find_quote(self.paragraph(source), &source.quote)
    }

    /// Finds the actor named `query` (id, name or alias, any case); on failure, says
    /// which known actors come closest.
    pub fn resolve_actor(&self, query: &str) -> Result<ActorId, String> {
        if let Some(id) = self
            .actors
            .iter()
            .position(|a| a.is_named(query))
            .and_then(ActorId::new)
        {
            return Ok(id);
        }
        let names = self.actors.iter().map(|a| a.id.as_str());
        let close = closest(query, names, 3);
        let hint = if close.is_empty() {
            let all: Vec<&str> = self.actors.iter().map(|a| a.id.as_str()).collect();
            format!("known actors: {}", all.join(", "))
        } else {
            format!("did you mean {}?", close.join(" or "))
        };
        Err(format!("unknown actor {query:?} ({hint})"))
    }
}

/// Words longer than this get no suggestions: comparing costs the product of the lengths.
const MAX_SUGGESTED_LEN: usize = 64;

/// The candidates most like `word` (by normalised Levenshtein distance), best first.
/// Long words, and candidates of very different length, are not compared.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>, n: usize) -> Vec<String> {
    let word = word.to_lowercase();
    let len = word.chars().count();
    if len > MAX_SUGGESTED_LEN {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> = candidates
        .filter(|c| {
            c.len() <= 4 * MAX_SUGGESTED_LEN && c.chars().count().abs_diff(len) <= len.max(3)
        })
        .map(|c| {
            (
                strsim::normalized_damerau_levenshtein(&word, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, c)| {
            *score >= 0.5
                || strsim::damerau_levenshtein(&word, &c.to_lowercase()) <= 1
                || c.to_lowercase().contains(&word)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(n)
        .map(|(_, c)| format!("{c:?}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn actors_are_named_by_id_name_or_alias_in_any_case() {
        let putin = actor(
            "putin",
            "Vladimir Putin",
            ActorKind::Person,
            &["President Putin"],
        );
        for q in [
            "putin",
            "PUTIN",
            "vladimir putin",
            "president putin",
            " Putin ",
        ] {
            assert!(putin.is_named(q), "{q}");
        }
        assert!(!putin.is_named("Vladimir"));
    }

    #[test]
    fn short_names() {
        let biden = actor("biden", "Joe Biden", ActorKind::Person, &[]);
        let us = actor("us", "United States", ActorKind::Country, &["U.S.", "US"]);
        assert_eq!(biden.short_name(), "Biden");
        assert_eq!(us.short_name(), "US");
    }

    #[test]
    fn statuses_and_actor_kinds_read_the_words_they_write() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse(), Ok(status));
        }
        for kind in ActorKind::ALL {
            assert_eq!(kind.as_str().parse(), Ok(kind));
        }
        assert_eq!("Planned".parse::<Status>(), Err(UnknownWord));
        assert_eq!("people".parse::<ActorKind>(), Err(UnknownWord));
    }

    #[test]
    fn ids_are_checked_against_u32() {
        assert_eq!(ActorId::new(7), Some(ActorId(7)));
        assert_eq!(
            DocId::new(u32::MAX as usize).map(DocId::index),
            Some(u32::MAX as usize)
        );
        assert_eq!(KindId::new(u32::MAX as usize + 1), None);
    }

    #[test]
    fn unknown_actor_suggests_close_ones() {
        let tl = Timeline {
            actors: vec![
                actor("nato", "NATO", ActorKind::Organization, &[]),
                actor("putin", "Vladimir Putin", ActorKind::Person, &[]),
            ],
            ..Timeline::default()
        };
        assert_eq!(tl.resolve_actor("Nato"), Ok(ActorId(0)));
        let err = tl.resolve_actor("natto").unwrap_err();
        assert_eq!(err, "unknown actor \"natto\" (did you mean \"nato\"?)");
        let err = tl.resolve_actor("zzz").unwrap_err();
        assert!(err.contains("known actors: nato, putin"), "{err}");
    }
}
