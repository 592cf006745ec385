//! The duplicate finder (issue 15): on three short articles' timelines it finds exactly
//! the two true duplicates and the date conflict, not the near-miss; on a larger set of
//! news-like cases its precision and recall are measured; `tline dupes` prints the pairs
//! with both quotes and exits 0.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::cmd::tline;
use tline::load::{SourceFile, load_sources};
use tline::model::Timeline;
use tline::query::dupes::{Conflict, find};

const FIXTURE: &str = "tests/fixtures/corroboration";
const ARTICLES: [&str; 4] = ["actors.yaml", "cbs.yaml", "reuters.yaml", "ap.yaml"];

fn load(files: &[&str]) -> Timeline {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|f| SourceFile::read(&Path::new(FIXTURE).join(f), 1 << 20).expect("readable"))
        .collect();
    load_sources(&sources).expect("the fixture loads")
}

/// The pairs found, as sorted id pairs, each with its conflicts.
fn found(timeline: &Timeline) -> BTreeSet<(String, String, Vec<Conflict>)> {
    find(timeline)
        .into_iter()
        .map(|d| {
            let mut ids = [
                timeline.events[d.first].id.to_string(),
                timeline.events[d.second].id.to_string(),
            ];
            ids.sort();
            let [a, b] = ids;
            (a, b, d.conflicts)
        })
        .collect()
}

fn pair(a: &str, b: &str, conflicts: &[Conflict]) -> (String, String, Vec<Conflict>) {
    let mut ids = [a.to_string(), b.to_string()];
    ids.sort();
    let [a, b] = ids;
    (a, b, conflicts.to_vec())
}

/// Precision and recall of the pairs found (their ids only) against the true ones.
fn precision_recall(
    found: &BTreeSet<(String, String, Vec<Conflict>)>,
    truth: &[(&str, &str)],
) -> (f64, f64) {
    let truth: BTreeSet<(String, String)> = truth
        .iter()
        .map(|(a, b)| {
            let (a, b, _) = pair(a, b, &[]);
            (a, b)
        })
        .collect();
    let found: BTreeSet<(String, String)> = found
        .iter()
        .map(|(a, b, _)| (a.clone(), b.clone()))
        .collect();
    let hits = found.intersection(&truth).count() as f64;
    (
        hits / found.len().max(1) as f64,
        hits / truth.len().max(1) as f64,
    )
}

#[test]
fn three_articles_give_exactly_the_two_duplicates_and_the_date_conflict() {
    let timeline = load(&ARTICLES);
    let expected: BTreeSet<_> = [
        pair("cbs-call", "reuters-call", &[]),
        pair("cbs-flight", "ap-flight", &[]),
        pair("cbs-talks", "ap-talks", &[Conflict::Dates]),
    ]
    .into_iter()
    .collect();
    // The near-miss, reuters-zelensky-call (Biden on the phone the day before, with
    // another president), is not among them.
    assert_eq!(found(&timeline), expected);
}

/// The true pairs of `more.yaml`: one happening told by two outlets in other words.
/// Every other pair of it is a different happening (same actors, same day, often the same
/// words: sanctions by the EU and by the US, troops entering Kharkiv and nearing Kyiv).
const MORE_TRUTH: [(&str, &str); 8] = [
    ("bbc-operation", "guardian-operation"),
    ("bbc-martial-law", "nyt-martial-law"),
    ("bbc-chernobyl", "guardian-chernobyl"),
    ("bbc-explosions", "guardian-blasts"),
    ("guardian-eu-sanctions", "nyt-eu-sanctions"),
    ("nyt-us-sanctions", "bbc-later-us-sanctions"),
    ("nyt-belarus-talks", "bbc-later-belarus-talks"),
    ("nyt-swift", "bbc-later-swift"),
];

#[test]
fn precision_and_recall_on_news_like_cases() {
    let fixture = found(&load(&ARTICLES));
    let (p, r) = precision_recall(
        &fixture,
        &[
            ("cbs-call", "reuters-call"),
            ("cbs-flight", "ap-flight"),
            ("cbs-talks", "ap-talks"),
        ],
    );
    println!("fixture: precision {p:.2}, recall {r:.2}");
    assert_eq!((p, r), (1.0, 1.0));
    let more = found(&load(&["more.yaml"]));
    let (p, r) = precision_recall(&more, &MORE_TRUTH);
    println!("more.yaml: precision {p:.2}, recall {r:.2}");
    // Measured: 7 of the 8 found, nothing else (the blasts "rang out across the capital"
    // share too few words with "explosions were heard in Kyiv").
    assert_eq!(p, 1.0);
    assert!(r >= 0.875, "recall {r}");
    let conflicts: BTreeSet<_> = more
        .iter()
        .filter(|(_, _, c)| !c.is_empty())
        .cloned()
        .collect();
    let expected: BTreeSet<_> = [
        pair("bbc-operation", "guardian-operation", &[Conflict::Dates]),
        pair(
            "nyt-belarus-talks",
            "bbc-later-belarus-talks",
            &[Conflict::Statuses],
        ),
        pair(
            "nyt-swift",
            "bbc-later-swift",
            &[Conflict::Dates, Conflict::Statuses],
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(conflicts, expected);
}

#[test]
fn dupes_prints_each_pair_with_both_quotes_and_the_conflict_and_exits_0() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let output = tline(&dir).arg("dupes").args(ARTICLES).assert().success();
    let stdout = String::from_utf8(output.get_output().stdout.clone()).expect("UTF-8");
    let stderr = String::from_utf8(output.get_output().stderr.clone()).expect("UTF-8");
    assert_eq!(stderr, "tline: 3 likely duplicate pairs, 1 conflicting\n");
    let talks = "\
conflict (score 0.71: words 0.57, actors 1.00, 2 days apart)
  2022-01-10  ap-talks  planned  NATO-Russia Council talks set
      ap ¶2: “Russia and NATO will hold talks at the NATO-Russia Council on January 10”
  2022-01-12  cbs-talks  planned  NATO-Russia Council talks
      cbs ¶3: “NATO and Russia are to hold talks at the NATO-Russia Council on January 12”
  ! the dates do not overlap (2022-01-10 vs 2022-01-12)
";
    assert!(stdout.contains(talks), "{stdout}");
    assert!(
        stdout.starts_with("duplicate (score 0.82: words 0.70, actors 1.00, dates overlap)\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("zelensky"), "{stdout}");
}

#[test]
fn dupes_without_pairs_says_so_and_exits_0() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    tline(&dir)
        .args(["dupes", "actors.yaml", "cbs.yaml"])
        .assert()
        .success()
        .stdout("")
        .stderr("tline: no likely duplicates\n");
}
