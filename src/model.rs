//! The timeline: documents, actors and events, validated and sorted. No I/O, no terminal.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::date::EdtfDate;
use crate::text::find_quote;

mod annotation;

pub use annotation::{Annotation, Annotations, Note, Review, is_valid_tag};

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
        self.answers_to(&query.trim().to_lowercase()).is_some()
    }

    /// How this actor answers to `query` (already trimmed and lowercased): by its id, its
    /// name or one of its aliases, the best of them; `None` if not at all.
    fn answers_to(&self, query: &str) -> Option<NameRank> {
        if self.id.to_lowercase() == query {
            Some(NameRank::Id)
        } else if self.name.to_lowercase() == query {
            Some(NameRank::Name)
        } else if self.aliases.iter().any(|a| a.to_lowercase() == query) {
            Some(NameRank::Alias)
        } else {
            None
        }
    }

    /// The actor's own spelling of `key`, one of its words lowercased.
    fn spelling_of<'a>(&'a self, key: &'a str) -> &'a str {
        std::iter::once(&self.id)
            .chain(std::iter::once(&self.name))
            .chain(&self.aliases)
            .find(|w| w.to_lowercase() == key)
            .map_or(key, String::as_str)
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
    /// [`Timeline::kinds`]; the empty kind, shown as none, when the file gives none.
    pub kind: KindId,
    /// Whether it happened.
    pub status: Status,
    /// Who took part.
    pub actors: Box<[ActorId]>,
    /// A few sentences in the analyst's words.
    pub summary: Option<Box<str>>,
    /// Where it is told; empty only when [`Event::imported_without_source`].
    pub sources: Box<[Source]>,
    /// Read from a spreadsheet (a CSV file) with no verbatim source: the one kind of event
    /// allowed no source, shown as needing one (the review status `needs-source`).
    pub imported_without_source: bool,
}

impl Event {
    /// Its review status given its `annotation` from the notes file (looked up once by
    /// the caller): the annotation's, else `needs-source` for an event a sheet gave
    /// without a source (it has no verbatim quote to check), else `unreviewed`.
    pub fn review(&self, annotation: Option<&Annotation>) -> Review {
        match annotation.map(|a| a.review) {
            Some(review) if review != Review::Unreviewed => review,
            _ if self.imported_without_source => Review::NeedsSource,
            _ => Review::Unreviewed,
        }
    }
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
    /// The events, sorted by [`EdtfDate::sort_key`] (an open start placed at its end),
    /// then file order.
    pub events: Vec<Event>,
    /// The timeline's own title, where a file gives one (a TimelineJS sheet's title
    /// row); the first file's that does.
    pub title: Option<String>,
    /// What the analyst said of the events (stars, tags, review, notes), by event id:
    /// read from the notes file beside the timeline, never from the timeline's own files.
    pub annotations: Annotations,
    /// Where each document and actor was defined in the files it was loaded from.
    pub origins: Origins,
}

/// Where the documents and actors of a timeline were first defined, by position in the
/// list of files it was loaded from: what the documents view names as a document's file,
/// and how `check` places a warning. Empty for a timeline made otherwise (a draft, a
/// synthetic timeline).
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// For each document of [`Timeline::documents`], where it was first defined.
    pub documents: Vec<Origin>,
    /// For each actor of [`Timeline::actors`], where it was first defined.
    pub actors: Vec<Origin>,
}

/// Where items were read is not what a timeline says: two timelines with the same
/// documents, actors and events are equal whichever files (or draft) they came from.
impl PartialEq for Origins {
    fn eq(&self, _: &Origins) -> bool {
        true
    }
}

/// Where one document or actor was first defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// The file, by its position in the files loaded.
    pub file: u32,
    /// Its position in its list (`documents:` or `actors:`) in that file.
    pub index: u32,
    /// How many aliases that definition gave (an actor's aliases from other files
    /// follow them).
    pub aliases: u32,
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

    /// The kind with index `id`, or `None` for the empty kind of an event whose file
    /// gives none, so that an export can say "no kind" rather than write an empty one.
    pub fn given_kind(&self, id: KindId) -> Option<&str> {
        Some(self.kind(id)).filter(|kind| !kind.is_empty())
    }

    /// The document with index `id`.
    pub fn document(&self, id: DocId) -> &Document {
        &self.documents[id.index()]
    }

    /// The position, in the files loaded, of the file that first defined document `id`;
    /// `None` for a timeline not loaded from files.
    pub fn document_file(&self, id: DocId) -> Option<usize> {
        let origin = self.origins.documents.get(id.index())?;
        Some(origin.file as usize)
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

    /// Finds the actor named `query` (any case): an actor whose id it is comes first,
    /// then one whose name it is, then one whose alias it is. Several actors of the best
    /// rank found make it ambiguous; none, unknown, with the closest ids as a hint.
    pub fn resolve_actor(&self, query: &str) -> Result<ActorId, ActorLookupError> {
        let wanted = query.trim().to_lowercase();
        if wanted.is_empty() {
            return Err(ActorLookupError::Empty);
        }
        // Positions past u32::MAX cannot be named by an ActorId; no loaded file has them.
        let actors = || {
            self.actors
                .iter()
                .enumerate()
                .filter_map(|(i, a)| Some((ActorId::new(i)?, a)))
        };
        if let Some((exact, _)) = actors().find(|(_, a)| a.id == query.trim()) {
            return Ok(exact);
        }
        let mut best: Option<(NameRank, Vec<ActorId>)> = None;
        for (id, actor) in actors() {
            let Some(rank) = actor.answers_to(&wanted) else {
                continue;
            };
            match &mut best {
                Some((held, found)) if *held == rank => found.push(id),
                Some((held, _)) if *held < rank => {}
                _ => best = Some((rank, vec![id])),
            }
        }
        match best {
            Some((_, found)) if found.len() == 1 => Ok(found[0]),
            Some((rank, found)) => Err(ActorLookupError::Ambiguous {
                query: query.trim().to_string(),
                rank,
                ids: found.iter().map(|&id| self.actor(id).id.clone()).collect(),
            }),
            None => {
                let ids: Vec<&str> = self.actors.iter().map(|a| a.id.as_str()).collect();
                Err(ActorLookupError::Unknown {
                    query: query.to_string(),
                    hint: Hint::new(query, &ids, "actors"),
                })
            }
        }
    }

    /// Every word (id, name or alias, ignoring case) that answers for more than one
    /// actor, in the order the actors are listed: `tline check` warns of each, since
    /// `--actor` then picks by rank or refuses.
    pub fn name_clashes(&self) -> Vec<NameClash> {
        let mut holders: HashMap<String, Vec<(usize, NameRank)>> = HashMap::default();
        let mut order = Vec::new();
        for (i, actor) in self.actors.iter().enumerate() {
            let words = std::iter::once((&actor.id, NameRank::Id))
                .chain(std::iter::once((&actor.name, NameRank::Name)))
                .chain(actor.aliases.iter().map(|a| (a, NameRank::Alias)));
            for (word, rank) in words {
                let key = word.to_lowercase();
                let list = holders.entry(key.clone()).or_default();
                match list.last_mut() {
                    // The same actor again (an alias repeating its name): keep the better.
                    Some((last, held)) if *last == i => *held = (*held).min(rank),
                    _ => {
                        if list.len() == 1 {
                            order.push(key);
                        }
                        list.push((i, rank));
                    }
                }
            }
        }
        order
            .into_iter()
            .filter_map(|key| {
                let list = holders.remove(&key)?;
                let word = self.actors[list[0].0].spelling_of(&key).to_string();
                let holders = list
                    .into_iter()
                    .map(|(i, rank)| (self.actors[i].id.clone(), rank))
                    .collect();
                Some(NameClash { word, holders })
            })
            .collect()
    }
}

/// How a word names an actor, best first: [`Timeline::resolve_actor`] takes an id over
/// a name, and a name over an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameRank {
    /// The actor's id.
    Id,
    /// The actor's display name.
    Name,
    /// One of the actor's aliases.
    Alias,
}

impl NameRank {
    /// "the id", "the name", "an alias": how a message says it.
    pub fn phrase(self) -> &'static str {
        match self {
            NameRank::Id => "the id",
            NameRank::Name => "the name",
            NameRank::Alias => "an alias",
        }
    }
}

/// Why a name that a person gave picks no actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorLookupError {
    /// The name is empty, or only spaces.
    Empty,
    /// The name is, at its best rank, the name or alias of several actors.
    Ambiguous {
        /// The name as given.
        query: String,
        /// What it is of each of them.
        rank: NameRank,
        /// The ids of the actors it names.
        ids: Vec<String>,
    },
    /// No actor has this id, name or alias.
    Unknown {
        /// The name as given.
        query: String,
        /// Which actors come close.
        hint: Hint,
    },
}

impl fmt::Display for ActorLookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActorLookupError::Empty => write!(f, "an empty name names no actor"),
            ActorLookupError::Ambiguous { query, rank, ids } => write!(
                f,
                "{query:?} is {} of several actors: {} (name one by its id)",
                rank.phrase(),
                quoted_list(ids, MAX_LISTED)
            ),
            ActorLookupError::Unknown { query, hint } => {
                write!(f, "unknown actor {query:?} ({hint})")
            }
        }
    }
}

impl std::error::Error for ActorLookupError {}

/// A word that answers for several actors: the ids of its holders, each with what the
/// word is to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameClash {
    /// The word, as the first holder writes it.
    pub word: String,
    /// Each actor it names (by id) and how, in the order of the actors.
    pub holders: Vec<(String, NameRank)>,
}

impl NameClash {
    /// What `--actor WORD` does with the word: the actor it picks, if one holds it at a
    /// better rank than all the others.
    pub fn winner(&self) -> Option<&str> {
        let best = self.holders.iter().map(|(_, rank)| *rank).min()?;
        let mut at_best = self.holders.iter().filter(|(_, rank)| *rank == best);
        match (at_best.next(), at_best.next()) {
            (Some((id, _)), None) => Some(id),
            _ => None,
        }
    }
}

impl fmt::Display for NameClash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let holders: Vec<String> = self
            .holders
            .iter()
            .take(MAX_LISTED)
            .map(|(id, rank)| format!("{} of {id:?}", rank.phrase()))
            .collect();
        let more = self.holders.len().saturating_sub(MAX_LISTED);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let outcome = match self.winner() {
            Some(id) => format!("--actor picks {id:?}"),
            None => "--actor refuses it as ambiguous".to_string(),
        };
        write!(
            f,
            "{:?} names several actors: {}{more}; {outcome}",
            self.word,
            holders.join(", ")
        )
    }
}

/// At most this many actors are named in a message about several of them.
const MAX_LISTED: usize = 8;

/// At most this many known values are listed when none is close to an unknown word: a
/// timeline's dozen kinds fit on a line, its 100,000 actors do not.
const MAX_KNOWN_LISTED: usize = 20;

/// The end of an "unknown …" message: the known values closest to the word, or, when
/// none is close, all of them if they are few, else only how many there are (a file may
/// hold 100,000 actors, and a message must stay one readable line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// The closest known values, quoted, best first.
    Close(Vec<String>),
    /// None is close, and these are all there are.
    Known {
        /// What they are, in the plural: "actors".
        what: &'static str,
        /// All of them.
        values: Vec<String>,
    },
    /// None is close, and there are too many to list.
    TooMany {
        /// What they are, in the plural: "actors".
        what: &'static str,
        /// How many there are.
        count: usize,
    },
}

impl Hint {
    /// The hint for `word` among `known` values, which are `what` ("actors").
    pub fn new(word: &str, known: &[&str], what: &'static str) -> Hint {
        let close = closest(word, known.iter().copied(), 3);
        if !close.is_empty() {
            Hint::Close(close)
        } else if known.len() <= MAX_KNOWN_LISTED {
            Hint::Known {
                what,
                values: known.iter().map(|v| v.to_string()).collect(),
            }
        } else {
            Hint::TooMany {
                what,
                count: known.len(),
            }
        }
    }
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hint::Close(close) => write!(f, "did you mean {}?", close.join(" or ")),
            Hint::Known { what, values } if values.is_empty() => write!(f, "there are no {what}"),
            Hint::Known { what, values } => write!(f, "known {what}: {}", values.join(", ")),
            Hint::TooMany { what, count } => write!(f, "none of the {count} {what} is close"),
        }
    }
}

/// `"a", "b" and 3 more`: the first `max` of `items`, quoted.
fn quoted_list(items: &[String], max: usize) -> String {
    let shown: Vec<String> = items.iter().take(max).map(|i| format!("{i:?}")).collect();
    match items.len().saturating_sub(max) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Words longer than this get no suggestions: comparing costs the product of the lengths.
const MAX_SUGGESTED_LEN: usize = 64;

/// The candidates most like `word` (by normalised Levenshtein distance), best first.
/// Empty and long words, and candidates of very different length, are not compared.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>, n: usize) -> Vec<String> {
    let word = word.to_lowercase();
    let len = word.chars().count();
    // An empty word is in every candidate: none is closer than another.
    if len == 0 || len > MAX_SUGGESTED_LEN {
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
        let err = tl.resolve_actor("natto").unwrap_err().to_string();
        assert_eq!(err, "unknown actor \"natto\" (did you mean \"nato\"?)");
        let err = tl.resolve_actor("zzz").unwrap_err().to_string();
        assert!(err.contains("known actors: nato, putin"), "{err}");
    }

    #[test]
    fn an_empty_word_is_close_to_nothing() {
        assert_eq!(
            closest("", ["war", "ab"].into_iter(), 3),
            Vec::<String>::new()
        );
        assert_eq!(closest("wat", ["war", "ab"].into_iter(), 3), ["\"war\""]);
    }

    #[test]
    fn an_unknown_actor_among_many_is_counted_not_listed() {
        let tl = Timeline {
            actors: (0..100_000)
                .map(|i| {
                    actor(
                        &format!("actor-{i}"),
                        &format!("Actor {i}"),
                        ActorKind::Person,
                        &[],
                    )
                })
                .collect(),
            ..Timeline::default()
        };
        let err = tl.resolve_actor("Nobody At All").unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown actor \"Nobody At All\" (none of the 100000 actors is close)"
        );
    }

    fn biden_putin_and_a_namesake() -> Timeline {
        Timeline {
            actors: vec![
                actor(
                    "biden",
                    "Joe Biden",
                    ActorKind::Person,
                    &["putin", "Joe", ""],
                ),
                actor("putin", "Vladimir Putin", ActorKind::Person, &[]),
                actor("biden-jr", "Joe Biden Jr", ActorKind::Person, &["joe"]),
            ],
            ..Timeline::default()
        }
    }

    #[test]
    fn ids_win_over_names_and_names_over_aliases() {
        let tl = biden_putin_and_a_namesake();
        assert_eq!(tl.resolve_actor("putin"), Ok(ActorId(1)));
        assert_eq!(tl.resolve_actor("PUTIN"), Ok(ActorId(1)));
        assert_eq!(tl.resolve_actor("joe biden"), Ok(ActorId(0)));
    }

    #[test]
    fn an_alias_of_two_actors_and_an_empty_name_are_refused() {
        let tl = biden_putin_and_a_namesake();
        assert_eq!(
            tl.resolve_actor("JOE").unwrap_err().to_string(),
            "\"JOE\" is an alias of several actors: \"biden\", \"biden-jr\" (name one by its id)"
        );
        for empty in ["", "  "] {
            assert_eq!(tl.resolve_actor(empty), Err(ActorLookupError::Empty));
        }
    }

    #[test]
    fn name_clashes_say_what_actor_picks() {
        let tl = biden_putin_and_a_namesake();
        let clashes: Vec<String> = tl.name_clashes().iter().map(|c| c.to_string()).collect();
        assert_eq!(
            clashes,
            [
                "\"putin\" names several actors: an alias of \"biden\", the id of \"putin\"; \
                 --actor picks \"putin\"",
                "\"Joe\" names several actors: an alias of \"biden\", an alias of \"biden-jr\"; \
                 --actor refuses it as ambiguous",
            ]
        );
    }

    #[test]
    fn an_alias_repeating_the_actors_own_name_is_no_clash() {
        let us = actor(
            "us",
            "United States",
            ActorKind::Country,
            &["US", "United States"],
        );
        let tl = Timeline {
            actors: vec![us],
            ..Timeline::default()
        };
        assert_eq!(tl.name_clashes(), []);
    }
}
