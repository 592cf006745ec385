//! One happening told by several articles becomes one drafted event with a source from
//! each: the pairs the duplicate finder ([`crate::query::dupes`]) judges the same are
//! merged when it is sure of them, and listed for the reviewer when it is not.

use crate::model::{KindId, Timeline};
use crate::query::dupes::{Conflict, Duplicate, find};

/// The score at or above which a pair the finder judges the same, without a conflict,
/// is merged; a pair below it, or conflicting, is kept apart and listed.
pub const MERGE_SCORE: f64 = 0.6;

/// Merges the events of `timeline` that tell one happening into the earliest of them
/// (its id, date, title and status kept; the sources and actors of the others added),
/// and returns a line for each pair kept apart as unsure.
pub fn merge_retellings(timeline: &mut Timeline) -> Vec<String> {
    let pairs = find(timeline);
    let mut into: Vec<usize> = (0..timeline.events.len()).collect();
    let mut unsure = Vec::new();
    for pair in &pairs {
        if pair.similarity.score() >= MERGE_SCORE && pair.conflicts.is_empty() {
            let (a, b) = (root(&mut into, pair.first), root(&mut into, pair.second));
            into[a.max(b)] = a.min(b);
        } else {
            unsure.push(unsure_line(timeline, pair));
        }
    }
    let mut merged = 0;
    for i in 0..timeline.events.len() {
        let keep = root(&mut into, i);
        if keep == i {
            continue;
        }
        merged += 1;
        let (sources, actors) = {
            let other = &timeline.events[i];
            (other.sources.to_vec(), other.actors.to_vec())
        };
        let event = &mut timeline.events[keep];
        let mut all_sources = event.sources.to_vec();
        all_sources.extend(sources);
        event.sources = all_sources.into();
        let mut all_actors = event.actors.to_vec();
        for actor in actors {
            if !all_actors.contains(&actor) {
                all_actors.push(actor);
            }
        }
        event.actors = all_actors.into();
    }
    if merged > 0 {
        let mut position = 0;
        timeline.events.retain(|_| {
            position += 1;
            root(&mut into, position - 1) == position - 1
        });
        renumber_kinds(timeline);
    }
    unsure
}

/// The event `i` is merged into, following the chain (and shortening it).
fn root(into: &mut [usize], mut i: usize) -> usize {
    while into[i] != i {
        into[i] = into[into[i]];
        i = into[i];
    }
    i
}

/// `Kept apart, maybe one happening (score 0.55; the dates do not overlap): a, b`.
fn unsure_line(timeline: &Timeline, pair: &Duplicate) -> String {
    let why: Vec<&str> = pair
        .conflicts
        .iter()
        .map(|c| match c {
            Conflict::Dates => "the dates do not overlap",
            Conflict::Statuses => "one tells it as done, the other as to come",
        })
        .collect();
    let why = if why.is_empty() {
        String::new()
    } else {
        format!("; {}", why.join(", "))
    };
    format!(
        "Kept apart, maybe one happening (score {:.2}{why}): {} and {}.",
        pair.similarity.score(),
        timeline.events[pair.first].id,
        timeline.events[pair.second].id
    )
}

/// Numbers the kinds in the order the events first use them, as the loader does, so
/// that a kind only a merged event had is not left over.
fn renumber_kinds(timeline: &mut Timeline) {
    let mut kinds: Vec<String> = Vec::new();
    for event in &mut timeline.events {
        let kind = &timeline.kinds[event.kind.index()];
        let at = match kinds.iter().position(|k| k == kind) {
            Some(at) => at,
            None => {
                kinds.push(kind.clone());
                kinds.len() - 1
            }
        };
        event.kind = KindId::new(at).unwrap_or(event.kind);
    }
    timeline.kinds = kinds;
}
