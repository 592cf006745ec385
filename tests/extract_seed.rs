//! The drafter on the seed article, compared with the bundled timeline event by event.
//!
//! A bundled event is found when some drafted event (each used once) has a date whose
//! span matches and a source in one of the bundled event's paragraphs. Spans match
//! when they are equal; or, for a date that is not a single day, when both leave the
//! same ends open and each closed end lies within two days of the other. Two days is
//! the gap between an event and the report of it that a reader must guess at ("over
//! the next week" read from the briefing or from publication; "has warned" by the call
//! or by publication), and is less than the three days between the seed's two flights,
//! so it cannot confuse them. A single day must be the same day.

use chrono::NaiveDate;
use tline::date::EdtfDate;
use tline::extract::{DraftOptions, draft};
use tline::load::{SourceFile, load_sources};
use tline::model::Timeline;

/// The bundled events the issue lists: the ones the draft must find.
const REQUIRED: &[&str] = &[
    "biden-putin-call",
    "jstars-flight-2021-12-30",
    "jstars-flight-2021-12-27",
    "eucom-statement-on-flights",
    "diplomatic-engagement-next-month",
    "us-intelligence-invasion-warning",
    "russian-troop-buildup",
    "russian-troop-withdrawal-reports",
    "allied-consultations",
    "nato-russia-council-talks",
];

const TOLERANCE_DAYS: i64 = 2;

fn seed() -> (String, String) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/000_5d8e55209fb20b48.txt"
    );
    let text = std::fs::read_to_string(path).expect("the seed article is beside the repository");
    (path.to_string(), text)
}

fn bundled() -> Timeline {
    load_sources(&[SourceFile::bundled()]).expect("the bundled timeline loads")
}

fn close(a: Option<NaiveDate>, b: Option<NaiveDate>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).num_days().abs() <= TOLERANCE_DAYS,
        _ => false,
    }
}

fn dates_match(drafted: &EdtfDate, gold: &EdtfDate) -> bool {
    let single_day = gold.earliest().is_some() && gold.earliest() == gold.latest();
    if single_day {
        return drafted.earliest() == gold.earliest() && drafted.latest() == gold.latest();
    }
    close(drafted.earliest(), gold.earliest()) && close(drafted.latest(), gold.latest())
}

/// What the matcher compares of an event: its date and the paragraphs it cites.
type Told = (EdtfDate, Vec<usize>);

fn told(timeline: &Timeline) -> Vec<Told> {
    timeline
        .events
        .iter()
        .map(|e| (e.date, e.sources.iter().map(|s| s.paragraph).collect()))
        .collect()
}

/// For each expected event, the drafted event matched to it, one to one (augmenting
/// paths, so that an early greedy choice cannot steal a later event's only match).
fn matching(draft: &[Told], gold: &[Told]) -> Vec<Option<usize>> {
    let fits = |g: usize, d: usize| {
        let ((gold_date, gold_paragraphs), (date, paragraphs)) = (&gold[g], &draft[d]);
        dates_match(date, gold_date) && paragraphs.iter().any(|p| gold_paragraphs.contains(p))
    };
    let mut owner: Vec<Option<usize>> = vec![None; draft.len()];
    fn augment(
        g: usize,
        seen: &mut [bool],
        owner: &mut [Option<usize>],
        fits: &dyn Fn(usize, usize) -> bool,
    ) -> bool {
        for d in 0..owner.len() {
            if fits(g, d) && !seen[d] {
                seen[d] = true;
                if owner[d].is_none_or(|other| augment(other, seen, owner, fits)) {
                    owner[d] = Some(g);
                    return true;
                }
            }
        }
        false
    }
    for g in 0..gold.len() {
        let mut seen = vec![false; draft.len()];
        augment(g, &mut seen, &mut owner, &fits);
    }
    let mut found = vec![None; gold.len()];
    for (d, g) in owner.iter().enumerate() {
        if let Some(g) = g {
            found[*g] = Some(d);
        }
    }
    found
}

/// Prints a draft's events, one a line.
fn print_draft(timeline: &Timeline) {
    println!("drafted {} events:", timeline.events.len());
    for e in &timeline.events {
        let paragraphs: Vec<usize> = e.sources.iter().map(|s| s.paragraph).collect();
        println!(
            "  {:<24} {:<12} {:<9} {:?} {}",
            e.date.to_string(),
            timeline.kind(e.kind),
            e.status.as_str(),
            paragraphs,
            e.title
        );
    }
}

/// Every quote of a draft lies verbatim in the paragraph it cites.
fn assert_quotes_verbatim(timeline: &Timeline) {
    for e in &timeline.events {
        for s in &e.sources {
            let paragraph = timeline.paragraph(s);
            assert!(
                paragraph.contains(&*s.quote),
                "{}: {:?} not in paragraph {}",
                e.id,
                s.quote,
                s.paragraph
            );
        }
    }
}

#[test]
fn the_seed_draft_finds_the_events_of_the_bundled_timeline() {
    let (path, text) = seed();
    let draft = draft(&text, &path, &DraftOptions::default()).expect("the seed drafts");
    assert_quotes_verbatim(&draft.timeline);
    let gold = bundled();
    let found = matching(&told(&draft.timeline), &told(&gold));
    print_draft(&draft.timeline);
    let mut required_found = 0;
    for (g, event) in gold.events.iter().enumerate() {
        let required = REQUIRED.contains(&&*event.id);
        match found[g] {
            Some(d) => {
                required_found += usize::from(required);
                let e = &draft.timeline.events[d];
                println!(
                    "found   {:<36} {} as {} ({})",
                    event.id, event.date, e.date, e.title
                );
            }
            None => println!(
                "MISSED  {:<36} {}{}",
                event.id,
                event.date,
                if required { " (required)" } else { "" }
            ),
        }
    }
    let all = found.iter().filter(|f| f.is_some()).count();
    println!(
        "score: {required_found}/{} required, {all}/{} bundled",
        REQUIRED.len(),
        gold.events.len()
    );
    assert!(
        required_found >= 8,
        "only {required_found} of the required events found"
    );
}

/// The events a careful reader finds in each fixture article, as (paragraph, date);
/// written from the articles, before the drafter read them.
const FIXTURES: &[(&str, &[(usize, &str)])] = &[
    (
        "ceasefire.txt",
        &[
            (1, "2023-03-08"),
            (1, "2023-03-08/2023-03-10"),
            (2, "2023-03-13/2023-03-19"),
            (3, "2023-03-07"),
            (4, "2023-03-13"),
            (4, "2023-03-10/2023-03-31"),
            (5, "2023-03-09"),
            (5, "../2023-03-09"),
        ],
    ),
    (
        "summit.md",
        &[
            (1, "2021-06-15"),
            (2, "2021-06-14"),
            (3, "2021-09"),
            (4, "2021-11"),
            (5, "2021-06-15"),
            (5, "2021-06-15"),
        ],
    ),
    (
        "rates.txt",
        &[
            (1, "2023-01-04"),
            (2, "2023-01-04/2023-01-05"),
            (2, "2023-02"),
            (3, "2023-03/.."),
            (4, "2023-01-05"),
            (4, "2022-12-26/2023-01-01"),
        ],
    ),
];

#[test]
fn fixture_articles_are_drafted_by_the_same_rules() {
    let mut total = 0;
    let mut hits = 0;
    for (name, expected) in FIXTURES {
        let path = format!("{}/tests/extract/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("fixture exists");
        let draft = draft(&text, &path, &DraftOptions::default()).expect("the fixture drafts");
        assert_quotes_verbatim(&draft.timeline);
        let gold: Vec<Told> = expected
            .iter()
            .map(|(p, d)| (EdtfDate::parse(d).expect("valid expectation"), vec![*p]))
            .collect();
        let found = matching(&told(&draft.timeline), &gold);
        println!("== {name}");
        print_draft(&draft.timeline);
        for ((p, d), f) in expected.iter().zip(&found) {
            if f.is_none() {
                println!("MISSED  paragraph {p}: {d}");
            }
        }
        total += expected.len();
        hits += found.iter().filter(|f| f.is_some()).count();
    }
    println!("fixtures: {hits}/{total}");
    assert!(
        hits * 10 >= total * 8,
        "only {hits} of {total} fixture events found"
    );
}
