//! Synthetic timelines for benchmarks and scale tests: realistic in shape (many
//! documents, a few hundred actors used with a skewed frequency, dates over twenty years
//! at mixed precision, quotes that stand in their paragraphs) and the same for the same
//! seed.

use chrono::{Datelike, Days, NaiveDate};

use crate::date::{DatePoint, EdtfDate, Precision};
use crate::model::{
    Actor, ActorId, ActorKind, DocId, Document, Event, KindId, Source, Status, Timeline,
};

const WORDS: &[&str] = &[
    "talks",
    "border",
    "troops",
    "minister",
    "council",
    "summit",
    "sanctions",
    "ceasefire",
    "envoy",
    "embassy",
    "statement",
    "flight",
    "exercise",
    "convoy",
    "pipeline",
    "treaty",
    "election",
    "protest",
    "aid",
    "port",
    "drone",
    "strike",
    "delegation",
    "briefing",
];
const KINDS: &[&str] = &[
    "call",
    "talks",
    "statement",
    "flight",
    "deployment",
    "warning",
    "report",
];
const PARAGRAPHS_PER_DOCUMENT: usize = 6;
const EVENTS_PER_DOCUMENT: usize = 8;

/// A small, fast, seeded generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards 0: a few items are picked very often, most rarely.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as usize
    }

    fn words(&mut self, count: usize) -> String {
        let words: Vec<&str> = (0..count).map(|_| WORDS[self.below(WORDS.len())]).collect();
        words.join(" ")
    }
}

/// A timeline of `events` events built from `seed`.
pub fn timeline(events: usize, seed: u64) -> Timeline {
    let mut rng = Rng(seed);
    let actors: Vec<Actor> = (0..300)
        .map(|i| Actor {
            id: format!("actor-{i}"),
            name: format!("Actor {i} {}", rng.words(1)),
            kind: ActorKind::ALL[i % ActorKind::ALL.len()],
            aliases: vec![format!("A{i}")],
        })
        .collect();
    let doc_count = events.div_ceil(EVENTS_PER_DOCUMENT).max(1);
    let origin = NaiveDate::from_ymd_opt(2005, 1, 1).unwrap_or_default();
    let documents: Vec<Document> = (0..doc_count)
        .map(|i| Document {
            id: format!("doc-{i}"),
            title: format!("Report {i}: {}", rng.words(4)),
            publisher: Some("Synthetic Wire".to_string()),
            published: origin + Days::new(rng.below(20 * 365) as u64),
            url: None,
            paragraphs: (0..PARAGRAPHS_PER_DOCUMENT)
                .map(|_| {
                    let n = 20 + rng.below(40);
                    rng.words(n)
                })
                .collect(),
        })
        .collect();
    let mut out: Vec<Event> = (0..events)
        .map(|i| {
            let doc = i / EVENTS_PER_DOCUMENT;
            let paragraph = rng.below(PARAGRAPHS_PER_DOCUMENT);
            let text = &documents[doc].paragraphs[paragraph];
            let words: Vec<&str> = text.split(' ').collect();
            let start = rng.below(words.len() - 4);
            let quote = words[start..start + 4].join(" ");
            let mut involved: Vec<ActorId> = Vec::new();
            for _ in 0..1 + rng.below(3) {
                let a = ActorId::new(rng.skewed(actors.len())).expect("a few actors");
                if !involved.contains(&a) {
                    involved.push(a);
                }
            }
            Event {
                id: format!("event-{i}").into(),
                date: random_date(&mut rng, origin),
                date_text: None,
                title: format!("{} {}", rng.words(3), i).into(),
                kind: KindId::new(rng.skewed(KINDS.len())).expect("a few kinds"),
                status: Status::ALL[rng.skewed(Status::ALL.len())],
                actors: involved.into(),
                summary: Some(rng.words(12).into()),
                sources: Box::new([Source {
                    doc: DocId::new(doc).expect("a few documents"),
                    paragraph: paragraph + 1,
                    quote: quote.into(),
                }]),
                imported_without_source: false,
            }
        })
        .collect();
    out.sort_by_key(|e| e.date.sort_key());
    Timeline {
        documents,
        actors,
        kinds: KINDS.iter().map(|k| k.to_string()).collect(),
        events: out,
        ..Timeline::default()
    }
}

/// A timeline of `events` events built from `seed`, one in ten of them a retelling of
/// another by the next document, a day-precise one shifted by up to two days: what the
/// duplicate finder should pair.
pub fn with_retellings(events: usize, seed: u64) -> Timeline {
    let retold = events / 10;
    let mut timeline = self::timeline(events - retold, seed);
    let documents = timeline.documents.len() as u32;
    let copies: Vec<Event> = (0..retold)
        .map(|k| {
            let mut copy = timeline.events[k * 9].clone();
            copy.id = format!("{}-retold", copy.id).into();
            if let EdtfDate::Point(point) = &mut copy.date
                && point.precision == Precision::Day
            {
                point.first = point.first + Days::new((k % 3) as u64);
            }
            let mut sources = copy.sources.to_vec();
            sources[0].doc = DocId((sources[0].doc.0 + 1) % documents);
            copy.sources = sources.into();
            copy
        })
        .collect();
    timeline.events.extend(copies);
    timeline.events.sort_by_key(|e| e.date.sort_key());
    timeline
}

fn random_date(rng: &mut Rng, origin: NaiveDate) -> EdtfDate {
    let day = origin + Days::new(rng.below(20 * 365) as u64);
    let point = |precision, first| DatePoint {
        first,
        precision,
        approximate: false,
        uncertain: false,
    };
    match rng.below(20) {
        0..=13 => EdtfDate::Point(point(Precision::Day, day)),
        14..=16 => EdtfDate::Point(point(Precision::Month, day.with_day0(0).unwrap_or(day))),
        17 => EdtfDate::Point(point(Precision::Year, day.with_ordinal0(0).unwrap_or(day))),
        _ => EdtfDate::Interval {
            start: Some(point(Precision::Day, day)),
            end: Some(point(
                Precision::Day,
                day + Days::new(1 + rng.below(10) as u64),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_timeline() {
        assert_eq!(timeline(200, 7), timeline(200, 7));
        assert_ne!(timeline(200, 7), timeline(200, 8));
    }

    #[test]
    fn the_duplicate_finder_pairs_most_retellings() {
        let tl = with_retellings(2000, 4);
        let retold = tl
            .events
            .iter()
            .filter(|e| e.id.ends_with("-retold"))
            .count();
        let found = crate::query::dupes::find(&tl)
            .iter()
            .filter(|d| {
                let (a, b) = (&tl.events[d.first].id, &tl.events[d.second].id);
                a.ends_with("-retold") != b.ends_with("-retold")
                    && a.trim_end_matches("-retold") == b.trim_end_matches("-retold")
            })
            .count();
        // A retelling of an event dated only to a year, or two days off a month's end,
        // is not found: too vague to compare, or its spans a gap apart.
        assert!(found * 10 >= retold * 7, "{found} of {retold}");
    }

    #[test]
    fn quotes_stand_in_their_paragraphs_and_events_are_sorted() {
        let tl = timeline(500, 1);
        assert_eq!(tl.events.len(), 500);
        for e in &tl.events {
            assert!(tl.quote_range(&e.sources[0]).is_some(), "{}", e.id);
        }
        assert!(
            tl.events
                .windows(2)
                .all(|w| w[0].date.sort_key() <= w[1].date.sort_key())
        );
    }
}
