//! The rules each item must follow: ids (a slug, defined once; an actor or document may be
//! defined again, alike, in another file: see [`shared`]), required fields, dates,
//! statuses and kinds, references to documents and actors, and quotes found in the
//! paragraph they cite. Every problem is collected with the path of its value, rather
//! than stopping at the first; turning items into the model's types happens here too, as
//! each check yields the value it checked. A quote not in its paragraph as written is
//! looked up by the quote rules (see [`crate::text::find_quote`]) once every item is read,
//! the quotes of each paragraph together.

use std::fmt;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use super::ids::{EventIds, Ids};
use crate::date::{EdtfDate, parse_day};
use crate::load::schema::{LISTS, List, RawActor, RawDocument, RawEvent, RawSource};
use crate::model::{
    Actor, ActorId, ActorKind, DocId, Document, Event, KindId, Origin, Origins, Source, Status,
    Timeline, closest,
};
use crate::text::{FoldedParagraph, closest_difference, find_quote};

mod shared;

/// A problem at a value of a file, by path (`events.3.actors.1`), before it is located.
#[derive(Debug)]
pub struct Problem {
    /// Index of the file in the list being loaded.
    pub file: usize,
    /// Path of the offending value.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// For an id defined twice, or defined differently in another file: the first
    /// definition, named after the message.
    pub first: Option<FirstDefinition>,
}

/// Where an item was first defined, and how a problem names it: the message is followed by
/// `(` [`FirstDefinition::lead`], the place located, `)`.
#[derive(Debug)]
pub struct FirstDefinition {
    /// Index of the file in the list being loaded.
    pub file: usize,
    /// Path of the value in that file.
    pub path: String,
    /// The words before the place, such as `first defined at `.
    pub lead: String,
}

/// Where an item stands: its file, list and index, and for a source its index in the
/// event's sources. Kept small: one is made per item, a path string only per problem.
#[derive(Clone, Copy)]
pub struct Place {
    /// Index of the file in the list being loaded.
    pub file: usize,
    /// The list the item is in.
    pub list: List,
    /// Its index in that list, within its file.
    pub index: usize,
    /// For a source, its index in the event's sources.
    pub source: Option<usize>,
}

impl Place {
    /// Item `index` of `list` in file `file`.
    pub fn new(file: usize, list: List, index: usize) -> Self {
        Place {
            file,
            list,
            index,
            source: None,
        }
    }

    /// The path of the item, such as `events.3` or `events.3.sources.0`.
    fn path(&self) -> String {
        match self.source {
            Some(j) => format!("{}.{}.sources.{j}", LISTS[self.list as usize], self.index),
            None => format!("{}.{}", LISTS[self.list as usize], self.index),
        }
    }
}

/// The checks: every problem found so far and the ids registered.
#[derive(Default)]
pub struct Checker {
    /// Every problem found so far.
    pub problems: Vec<Problem>,
    /// "Did you mean" hints given so far: each compares a word with every known id, so
    /// a file full of unknown references gets hints for its first few only.
    hints: usize,
    doc_ids: Ids<(DocId, Place)>,
    /// How many paragraphs each document added has, by its number: what a source's
    /// paragraph is checked against, read here rather than from the documents, which lie
    /// apart in memory (reading each cited one's was a twentieth of a load's CPU).
    doc_paragraphs: Vec<u32>,
    actor_ids: Ids<(ActorId, Place)>,
    event_ids: EventIds,
    kind_ids: HashMap<String, KindId>,
    /// The quotes to look up once every item is read (see [`Checker::check_quotes`]).
    quotes: Vec<PendingQuote>,
    /// Where each document and actor added was defined, for the timeline.
    pub origins: Origins,
}

/// A quote not in its paragraph as written, to look up by the quote rules once every item
/// is read, so that the quotes of one paragraph are looked up together: a paragraph cited
/// by thousands of events is folded (see [`FoldedParagraph`]) once, not once per quote.
struct PendingQuote {
    /// The source's place.
    at: Place,
    doc: DocId,
    paragraph: usize,
    /// When its event was checked: after how many kept events (a kept event is the last
    /// of them), whether kept, and the source's position in a kept event. Equal for the
    /// quotes of the dropped events between two kept ones, which stay in the order found.
    turn: (usize, bool, usize),
    /// Which quote: of a kept event, by its position; of an event dropped for another
    /// problem, held here with the event's id.
    quote: QuoteOf,
}

enum QuoteOf {
    Kept { event: usize, source: usize },
    Dropped { id: Box<str>, quote: Box<str> },
}

/// How many quotes of one paragraph are looked up one by one, each a pass over the
/// paragraph that allocates nothing; more are looked up together in the paragraph folded.
const QUOTES_BEFORE_FOLDING: usize = 8;

/// How a problem names its item: `event "biden-putin-call"`, or `event #3` when the id
/// is empty. Formatted only when a problem is reported.
#[derive(Clone, Copy)]
pub(super) struct Label<'a> {
    what: &'static str,
    id: &'a str,
    index: usize,
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.id.is_empty() {
            write!(f, "{} #{}", self.what, self.index + 1)
        } else {
            write!(f, "{} {:?}", self.what, self.id)
        }
    }
}

pub(super) fn label<'a>(what: &'static str, id: &'a str, place: &Place) -> Label<'a> {
    Label {
        what,
        id,
        index: place.index,
    }
}

/// Splits the registered definition of an id, if any, by where it is: in the file of
/// `place` (the id is defined twice), or in another file (the definitions are shared).
fn split_first<Id: Copy>(
    registered: Option<&(Id, Place)>,
    place: &Place,
) -> (Option<Place>, Option<(Id, Place)>) {
    match registered {
        Some(&(_, first)) if first.file == place.file => (Some(first), None),
        Some(&(id, first)) => (None, Some((id, first))),
        None => (None, None),
    }
}

/// The origin of an item defined at `place` with `aliases` aliases.
fn origin(place: &Place, aliases: usize) -> Origin {
    let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Origin {
        file: narrow(place.file),
        index: narrow(place.index),
        aliases: narrow(aliases),
    }
}

fn is_slug(id: &str) -> bool {
    id.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

impl Checker {
    fn report(&mut self, place: &Place, field: &str, message: String) {
        let path = if field.is_empty() {
            place.path()
        } else {
            format!("{}.{field}", place.path())
        };
        self.problems.push(Problem {
            file: place.file,
            path,
            message,
            first: None,
        });
    }

    /// Checks an id's form and uniqueness; returns whether it may be registered.
    fn check_id(
        &mut self,
        what: &'static str,
        id: &str,
        place: &Place,
        first: Option<&Place>,
    ) -> bool {
        let name = label(what, id, place);
        if id.is_empty() {
            self.report(place, "id", format!("{name}: id is empty"));
            return false;
        }
        if !is_slug(id) {
            let message =
                format!("{name}: id must be a lowercase slug (letters a-z, digits, '-', '_', '.')");
            self.report(place, "id", message);
        }
        if let Some(first) = first {
            self.defined_twice(name, place, first);
            return false;
        }
        true
    }

    /// Reports the id of `name`, at `place`, as defined first at `first`.
    fn defined_twice(&mut self, name: Label<'_>, place: &Place, first: &Place) {
        let message = format!("{name}: id is defined twice");
        self.report_against_first(place, first, "id", message, "first defined at ".into());
    }

    /// Reports `message` at `field` of the item at `place`, followed by `lead` and the
    /// place of the same field of its first definition, at `first`.
    fn report_against_first(
        &mut self,
        place: &Place,
        first: &Place,
        field: &str,
        message: String,
        lead: String,
    ) {
        self.problems.push(Problem {
            file: place.file,
            path: format!("{}.{field}", place.path()),
            message,
            first: Some(FirstDefinition {
                file: first.file,
                path: format!("{}.{field}", first.path()),
                lead,
            }),
        });
    }

    fn require(&mut self, name: Label<'_>, place: &Place, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(place, field, format!("{name}: {field} is empty"));
        }
    }

    /// Checks a document and adds it to `documents`, registering its id as its number
    /// there; or, when another file defined it first, checks that the two agree (see
    /// [`Checker::merge_document`]). A document is added even if invalid, so that the
    /// numbers registered stay its positions.
    pub fn document(&mut self, raw: RawDocument, place: &Place, documents: &mut Vec<Document>) {
        let name = label("document", &raw.id, place);
        let (first, shared) = split_first(self.doc_ids.get(&raw.id), place);
        if self.check_id("document", &raw.id, place, first.as_ref()) && shared.is_none() {
            match DocId::new(documents.len()) {
                Some(id) => {
                    self.doc_ids.insert(&raw.id, (id, *place));
                }
                None => self.report(place, "id", format!("{name}: too many documents")),
            }
        }
        self.require(name, place, "title", &raw.title);
        if raw.paragraphs.is_empty() {
            self.report(place, "paragraphs", format!("{name}: paragraphs is empty"));
        }
        // An invalid document is still kept, so the ids registered above stay valid
        // indices; the problem reported makes the whole load fail.
        let published = parse_day(&raw.published).unwrap_or_else(|why| {
            self.report(place, "published", format!("{name}: published: {why}"));
            NaiveDate::MIN
        });
        let document = Document {
            id: raw.id,
            title: raw.title,
            publisher: raw.publisher,
            published,
            url: raw.url,
            paragraphs: raw.paragraphs,
        };
        match shared {
            Some((id, first)) => self.merge_document(document, place, &first, documents, id),
            None => {
                self.origins.documents.push(origin(place, 0));
                self.doc_paragraphs.push(paragraph_count(&document));
                documents.push(document);
            }
        }
    }

    /// Checks an actor and adds it to `actors`, registering its id as its number there;
    /// or, when another file defined it first, checks that the two agree and unites their
    /// aliases (see [`Checker::merge_actor`]). Added even if invalid, as a document is.
    pub fn actor(&mut self, raw: RawActor, place: &Place, actors: &mut Vec<Actor>) {
        let name = label("actor", &raw.id, place);
        let (first, shared) = split_first(self.actor_ids.get(&raw.id), place);
        if self.check_id("actor", &raw.id, place, first.as_ref()) && shared.is_none() {
            match ActorId::new(actors.len()) {
                Some(id) => {
                    self.actor_ids.insert(&raw.id, (id, *place));
                }
                None => self.report(place, "id", format!("{name}: too many actors")),
            }
        }
        self.require(name, place, "name", &raw.name);
        let kind = raw.kind.trim().parse::<ActorKind>().ok();
        if kind.is_none() {
            let words = ActorKind::ALL.map(|k| k.as_str());
            let message = format!(
                "{name}: unknown kind {:?} (expected one of {})",
                raw.kind,
                words.join(", ")
            );
            self.report(place, "kind", message);
        }
        match shared {
            Some((id, first)) => self.merge_actor(raw, kind, place, &first, actors, id),
            None => {
                self.origins.actors.push(origin(place, raw.aliases.len()));
                actors.push(Actor {
                    id: raw.id,
                    name: raw.name,
                    kind: kind.unwrap_or(ActorKind::Other),
                    aliases: raw.aliases,
                });
            }
        }
    }

    /// Makes room for about `count` more events' ids.
    pub fn expect_events(&mut self, count: usize) {
        self.event_ids.reserve(count);
    }

    /// Checks an event's id and registers it; an id defined twice is found once every
    /// event is read (see [`Checker::report_repeated_event_ids`]).
    pub fn event_id(&mut self, id: &str, place: &Place) {
        if self.check_id("event", id, place, None) {
            self.event_ids.push(id, place.file, place.index);
        }
    }

    /// Reports each event id registered again, at the repeat, naming the first.
    pub fn report_repeated_event_ids(&mut self) {
        let event_ids = std::mem::take(&mut self.event_ids);
        for (id, (file, index), (first_file, first_index)) in event_ids.repeated() {
            let place = Place::new(file as usize, List::Events, index as usize);
            let first = Place::new(first_file as usize, List::Events, first_index as usize);
            self.defined_twice(label("event", id, &place), &place, &first);
        }
    }

    /// The actors and documents `raw` names, in its order, if every one is known yet:
    /// looked up once, for [`Checker::event`] to take.
    pub fn references(&self, raw: &RawEvent) -> Option<References> {
        References::of(
            raw,
            |id| self.actor_ids.get(id).map(|&(a, _)| a),
            |id| self.known_doc(id),
        )
    }

    /// The document registered as `id`, with its paragraph count. Every number registered
    /// is that of a document added, and each document added has its count.
    fn known_doc(&self, id: &str) -> Option<KnownDoc> {
        let &(doc, _) = self.doc_ids.get(id)?;
        Some((doc, self.doc_paragraphs[doc.index()]))
    }

    /// The documents and actors registered so far, by id, for other threads to resolve
    /// events' references with.
    pub fn known_ids(&self) -> KnownIds {
        KnownIds {
            actors: self.actor_ids.map_values(|&(a, _)| a),
            docs: (self.doc_ids).map_values(|&(d, _)| (d, self.doc_paragraphs[d.index()])),
        }
    }

    /// Checks an event whose id [`Checker::event_id`] has checked, its references looked
    /// up already when `known` is given.
    pub fn event(
        &mut self,
        raw: RawEvent,
        known: Option<References>,
        place: &Place,
        timeline: &mut Timeline,
    ) -> Option<Event> {
        let name = label("event", &raw.id, place);
        self.require(name, place, "title", &raw.title);
        let date = EdtfDate::parse(&raw.date)
            .map_err(|e| self.report(place, "date", format!("{name}: date: {e}")))
            .ok();
        let status = match raw.status.as_deref().map(str::trim) {
            None => Some(Status::default()),
            Some(word) => {
                let status = word.parse::<Status>().ok();
                if status.is_none() {
                    let words = Status::ALL.map(|s| s.as_str());
                    let message = format!(
                        "{name}: unknown status {word:?} (expected one of {})",
                        words.join(", ")
                    );
                    self.report(place, "status", message);
                }
                status
            }
        };
        let (known_actors, known_docs) = match known {
            Some(known) => (Some(known.actors), Some(known.docs)),
            None => (None, None),
        };
        let mut actors = Vec::with_capacity(raw.actors.len());
        // Past a few actors a set, not `actors.contains`: an event may name a hundred
        // thousand actors.
        let mut named = rustc_hash::FxHashSet::default();
        let few = raw.actors.len() <= FEW_ACTORS;
        for (j, id) in raw.actors.iter().enumerate() {
            let field = || format!("actors.{j}");
            let actor = match &known_actors {
                Some(known) => Some(known[j]),
                None => self.actor_ids.get(id.as_str()).map(|&(actor, _)| actor),
            };
            match actor {
                Some(actor)
                    if (few && actors.contains(&actor)) || (!few && !named.insert(actor)) =>
                {
                    self.report(
                        place,
                        &field(),
                        format!("{name}: actor {id:?} is listed twice"),
                    );
                }
                Some(actor) => actors.push(actor),
                None => {
                    let hint = self.suggestion(id, Known::Actors);
                    self.report(
                        place,
                        &field(),
                        format!("{name}: unknown actor {id:?}{hint}"),
                    );
                }
            }
        }
        let imported_without_source = raw.from_sheet && raw.sources.is_empty();
        if raw.sources.is_empty() && !raw.from_sheet {
            self.report(
                place,
                "sources",
                format!("{name}: needs at least one source"),
            );
        }
        let mut sources = Vec::with_capacity(raw.sources.len());
        let cited = raw.sources.len();
        for (j, source) in raw.sources.into_iter().enumerate() {
            let at = Place {
                source: Some(j),
                ..*place
            };
            let doc = known_docs.as_ref().map(|docs| docs[j]);
            if let Some(source) = self.source(name, source, doc, &at, timeline) {
                sources.push((at, source));
            }
        }
        let complete = sources.len() == cited && actors.len() == raw.actors.len();
        let (Some(date), Some(status), true) = (date, status, complete) else {
            // The quotes of a kept event are looked at once every event is read, on
            // every core (see [`Checker::find_quotes_not_as_written`]); these now.
            let kept_before = timeline.events.len();
            for (at, source) in sources {
                if as_written(timeline, &source) {
                    continue;
                }
                self.quotes.push(PendingQuote {
                    at,
                    doc: source.doc,
                    paragraph: source.paragraph,
                    turn: (kept_before, false, 0),
                    quote: QuoteOf::Dropped {
                        id: raw.id.clone().into(),
                        quote: source.quote,
                    },
                });
            }
            return None;
        };
        // No kind is the empty kind, shown as none.
        let kind = self.kind_id(raw.kind.as_deref().unwrap_or(""), &mut timeline.kinds);
        Some(Event {
            id: raw.id.into(),
            date,
            date_text: raw.date_text.map(String::into_boxed_str),
            title: raw.title.into(),
            kind,
            status,
            actors: actors.into(),
            summary: raw.summary.map(String::into_boxed_str),
            sources: sources.into_iter().map(|(_, source)| source).collect(),
            imported_without_source,
        })
    }

    /// Looks up the quotes waiting, paragraph by paragraph: linear in the paragraphs and
    /// quotes. The quotes of a paragraph are each a pass over it, or, past
    /// [`QUOTES_BEFORE_FOLDING`] of them, all found in one pass over the folded paragraph.
    /// Only the first [`MAX_HINTS`] quotes not found are looked for in the other
    /// paragraphs and for their closest match, each a pass over the document.
    pub fn check_quotes(&mut self, timeline: &Timeline) {
        let mut pending = std::mem::take(&mut self.quotes);
        // The quotes of a paragraph in the order their events were checked.
        pending.sort_by_key(|q| (q.doc, q.paragraph, q.turn));
        let mut misses = 0;
        for group in pending.chunk_by(|a, b| (a.doc, a.paragraph) == (b.doc, b.paragraph)) {
            let document = timeline.document(group[0].doc);
            let paragraph = &document.paragraphs[group[0].paragraph - 1];
            let quotes: Vec<(&str, &str)> = group
                .iter()
                .map(|pending| match &pending.quote {
                    QuoteOf::Kept { event, source } => {
                        let event = &timeline.events[*event];
                        (&*event.id, &*event.sources[*source].quote)
                    }
                    QuoteOf::Dropped { id, quote } => (&**id, &**quote),
                })
                .collect();
            let found: Vec<bool> = if group.len() <= QUOTES_BEFORE_FOLDING {
                let found = quotes
                    .iter()
                    .map(|(_, q)| find_quote(paragraph, q).is_some());
                found.collect()
            } else {
                let texts: Vec<&str> = quotes.iter().map(|(_, q)| *q).collect();
                FoldedParagraph::new(paragraph).find_all(&texts)
            };
            for ((pending, (id, quote)), found) in group.iter().zip(quotes).zip(found) {
                if found {
                    continue;
                }
                let name = label("event", id, &pending.at);
                let mut message = format!(
                    "{name}: quote not found in paragraph {} of {:?}",
                    pending.paragraph, document.id
                );
                if misses < MAX_HINTS {
                    if let Some(i) = document
                        .paragraphs
                        .iter()
                        .position(|p| find_quote(p, quote).is_some())
                    {
                        message.push_str(&format!(" (it is in paragraph {})", i + 1));
                    } else if let Some(difference) = closest_difference(paragraph, quote) {
                        message.push_str(&format!("; {difference}"));
                    }
                }
                misses += 1;
                self.report(&pending.at, "quote", message);
            }
        }
    }

    /// The index of `kind` (trimmed) in `kinds`, added if new.
    fn kind_id(&mut self, kind: &str, kinds: &mut Vec<String>) -> KindId {
        let kind = kind.trim();
        if let Some(&id) = self.kind_ids.get(kind) {
            return id;
        }
        // An event names one kind, so there are no more kinds than events, which are
        // counted in u32 positions.
        let id = KindId::new(kinds.len()).expect("fewer kinds than events");
        kinds.push(kind.to_string());
        self.kind_ids.insert(kind.to_string(), id);
        id
    }

    /// Checks a source's document (looked up already when `known` is given), paragraph
    /// and that its quote is not empty; where the quote stands is looked at later.
    fn source(
        &mut self,
        name: Label<'_>,
        raw: RawSource,
        known: Option<KnownDoc>,
        at: &Place,
        tl: &Timeline,
    ) -> Option<Source> {
        let Some((doc, count)) = known.or_else(|| self.known_doc(&raw.doc)) else {
            let hint = self.suggestion(&raw.doc, Known::Documents);
            self.report(
                at,
                "doc",
                format!("{name}: unknown document {:?}{hint}", raw.doc),
            );
            return None;
        };
        if raw.paragraph < 1 || raw.paragraph > count.into() {
            let message = format!(
                "{name}: paragraph {} is out of range (document {:?} has {count} paragraphs)",
                raw.paragraph,
                tl.document(doc).id
            );
            self.report(at, "paragraph", message);
            return None;
        }
        if raw.quote.trim().is_empty() {
            self.report(at, "quote", format!("{name}: quote is empty"));
            return None;
        }
        Some(Source {
            doc,
            paragraph: raw.paragraph as usize,
            quote: raw.quote.into(),
        })
    }

    /// Finds the quotes of the kept `events` that do not stand in their paragraph as
    /// written, for [`Checker::check_quotes`] to look up by the quote rules; `places`
    /// holds each event's (file, index). Most quotes stand as written, so that a valid
    /// file keeps no list of its quotes. The events are shared among the processors.
    pub fn find_quotes_not_as_written(&mut self, timeline: &Timeline, places: &[(u32, u32)]) {
        let events = &timeline.events;
        let found = crate::parallel::map_ranges(events.len(), QUOTES_A_THREAD, |range| {
            let mut misses = Vec::new();
            // The paragraphs cited lie anywhere in memory, so each look is a wait for it:
            // a few dozen events' paragraphs and quotes are found, and their first bytes
            // read, all before any is searched, so that the waits overlap.
            let mut cited: Vec<(&str, &str, usize, usize)> = Vec::new();
            for run in range
                .step_by(EVENTS_LOOKED_UP_TOGETHER)
                .map(|start| start..(start + EVENTS_LOOKED_UP_TOGETHER).min(events.len()))
            {
                cited.clear();
                for event in run {
                    for (j, source) in events[event].sources.iter().enumerate() {
                        let paragraph = paragraph_of(timeline, source);
                        cited.push((paragraph, &source.quote, event, j));
                    }
                }
                let first_bytes = cited.iter().fold(0u8, |acc, (paragraph, quote, ..)| {
                    let first = |text: &str| text.as_bytes().first().copied().unwrap_or(0);
                    acc ^ first(paragraph) ^ first(quote)
                });
                std::hint::black_box(first_bytes);
                for &(paragraph, quote, event, j) in &cited {
                    if !paragraph.contains(quote.trim()) {
                        misses.push((event, j));
                    }
                }
            }
            misses
        });
        for (event, j) in found {
            let (file, index) = places[event];
            let source = &events[event].sources[j];
            self.quotes.push(PendingQuote {
                at: Place {
                    source: Some(j),
                    ..Place::new(file as usize, List::Events, index as usize)
                },
                doc: source.doc,
                paragraph: source.paragraph,
                turn: (event, true, j),
                quote: QuoteOf::Kept { event, source: j },
            });
        }
    }
}

/// Events' quotes below which one thread looks at them all: starting a thread costs more.
const QUOTES_A_THREAD: usize = 1 << 15;

/// Whether `source`'s quote, trimmed, stands in its paragraph as written. The standard
/// library's search, which builds nothing before it looks, is twice as fast as a
/// `memchr` finder built for each quote on paragraphs of a few hundred bytes.
pub(super) fn as_written(timeline: &Timeline, source: &Source) -> bool {
    paragraph_of(timeline, source).contains(source.quote.trim())
}

/// The paragraph `source` cites.
fn paragraph_of<'t>(timeline: &'t Timeline, source: &Source) -> &'t str {
    &timeline.document(source.doc).paragraphs[source.paragraph - 1]
}

/// Events whose paragraphs are found together before their quotes are looked up.
const EVENTS_LOOKED_UP_TOGETHER: usize = 32;

/// The actors and documents an event names, looked up by [`Checker::references`] or,
/// ahead, by [`KnownIds::references`].
pub struct References {
    actors: Vec<ActorId>,
    docs: Vec<KnownDoc>,
}

/// A document known by its number, with how many paragraphs it has: what a source citing
/// it is checked against, found with the document's number.
type KnownDoc = (DocId, u32);

/// How many paragraphs `document` has, as kept beside its number: no file within the size
/// limits holds more than `u32::MAX`.
fn paragraph_count(document: &Document) -> u32 {
    u32::try_from(document.paragraphs.len()).unwrap_or(u32::MAX)
}

impl References {
    /// The actors and documents `raw` names, if `actor` and `doc` know every one.
    fn of(
        raw: &RawEvent,
        actor: impl Fn(&str) -> Option<ActorId>,
        doc: impl Fn(&str) -> Option<KnownDoc>,
    ) -> Option<Self> {
        Some(References {
            actors: raw
                .actors
                .iter()
                .map(|id| actor(id))
                .collect::<Option<_>>()?,
            docs: raw
                .sources
                .iter()
                .map(|s| doc(&s.doc))
                .collect::<Option<_>>()?,
        })
    }
}

/// The documents and actors a checker had registered at one moment, by id: what lets
/// a parser's threads resolve the references of the events they parse, which would
/// otherwise be a lookup in a table of many thousand documents for every source, on the
/// checking thread alone. An id not known then is resolved by the checker as before.
pub struct KnownIds {
    actors: Ids<ActorId>,
    docs: Ids<KnownDoc>,
}

impl KnownIds {
    /// The actors and documents `raw` names, if every one was known.
    pub fn references(&self, raw: &RawEvent) -> Option<References> {
        References::of(
            raw,
            |id| self.actors.get(id).copied(),
            |id| self.docs.get(id).copied(),
        )
    }
}

/// Up to how many actors of an event are checked for repeats one by one, not in a set.
const FEW_ACTORS: usize = 16;

/// Which ids a hint is looked for among.
enum Known {
    Actors,
    Documents,
}

/// How many "did you mean" hints one load gives.
const MAX_HINTS: usize = 20;

impl Checker {
    /// " (did you mean …?)" for an unknown reference, while hints are left.
    fn suggestion(&mut self, word: &str, known: Known) -> String {
        if self.hints >= MAX_HINTS {
            return String::new();
        }
        self.hints += 1;
        let close = match known {
            Known::Actors => closest(word, self.actor_ids.keys(), 3),
            Known::Documents => closest(word, self.doc_ids.keys(), 3),
        };
        if close.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", close.join(" or "))
        }
    }
}
