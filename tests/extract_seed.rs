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

/// For each bundled event, the drafted event matched to it, one to one (augmenting
/// paths, so that an early greedy choice cannot steal a later event's only match).
fn matching(draft: &Timeline, gold: &Timeline) -> Vec<Option<usize>> {
    let fits = |g: usize, d: usize| {
        let (ge, de) = (&gold.events[g], &draft.events[d]);
        dates_match(&de.date, &ge.date)
            && de
                .sources
                .iter()
                .any(|s| ge.sources.iter().any(|t| t.paragraph == s.paragraph))
    };
    let mut owner: Vec<Option<usize>> = vec![None; draft.events.len()];
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
    for g in 0..gold.events.len() {
        let mut seen = vec![false; draft.events.len()];
        augment(g, &mut seen, &mut owner, &fits);
    }
    let mut found = vec![None; gold.events.len()];
    for (d, g) in owner.iter().enumerate() {
        if let Some(g) = g {
            found[*g] = Some(d);
        }
    }
    found
}

#[test]
fn the_seed_draft_finds_the_events_of_the_bundled_timeline() {
    let (path, text) = seed();
    let draft = draft(&text, &path, &DraftOptions::default()).expect("the seed drafts");
    let gold = bundled();
    let found = matching(&draft.timeline, &gold);
    let mut required_found = 0;
    println!("drafted {} events:", draft.timeline.events.len());
    for e in &draft.timeline.events {
        let paragraphs: Vec<usize> = e.sources.iter().map(|s| s.paragraph).collect();
        println!(
            "  {:<24} {:<10} {:<9} {:?} {}",
            e.date.to_string(),
            draft.timeline.kind(e.kind),
            e.status.as_str(),
            paragraphs,
            e.title
        );
    }
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
