//! Likely duplicate events across documents: two events, told by different documents,
//! that [`Similarity::is_same`] judges one happening, and among them the conflicting
//! reports (dates that do not overlap, or one telling it as done and the other as to
//! come).
//!
//! No pass compares every pair: events are blocked first by each of their actors and by
//! date, a sweep over each actor's events in date order comparing only those whose spans
//! lie within [`MAX_GAP_DAYS`] of each other. A pair sharing several actors is compared
//! once, under the first of them. Events without actors, and events whose date spans more
//! than [`MAX_SPAN_DAYS`](super::similarity::MAX_SPAN_DAYS) (a year, an open end), are not compared.

use crate::model::{Status, Timeline};

use super::similarity::{MAX_GAP_DAYS, Profile, Similarity, Vocabulary};

/// A pair of events judged the same happening.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The earlier of the two in the timeline (a position in [`Timeline::events`]).
    pub first: usize,
    /// The later of the two.
    pub second: usize,
    /// How alike they are.
    pub similarity: Similarity,
    /// How their reports disagree, if they do.
    pub conflicts: Vec<Conflict>,
}

/// How two reports of one happening disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Conflict {
    /// Their date spans share no day.
    Dates,
    /// One says it happened (occurred, reported), the other that it is to come
    /// (planned, expected).
    Statuses,
}

/// Every pair of events of `timeline` that share no document and are judged the same,
/// most alike first (then in timeline order).
pub fn find(timeline: &Timeline) -> Vec<Duplicate> {
    let mut vocabulary = Vocabulary::default();
    let profiles: Vec<Option<Profile>> = timeline
        .events
        .iter()
        .map(|e| Profile::of(timeline, e, &mut vocabulary))
        .collect();
    let mut by_actor: Vec<Vec<usize>> = vec![Vec::new(); timeline.actors.len()];
    for (i, profile) in profiles.iter().enumerate() {
        for &actor in profile.iter().flat_map(|p| &p.actors) {
            by_actor[actor as usize].push(i);
        }
    }
    let mut found = Vec::new();
    let docs: Vec<Vec<u32>> = timeline
        .events
        .iter()
        .map(|e| {
            let mut docs: Vec<u32> = e.sources.iter().map(|s| s.doc.0).collect();
            docs.sort_unstable();
            docs.dedup();
            docs
        })
        .collect();
    for (actor, events) in by_actor.iter_mut().enumerate() {
        let span = |i: usize| profiles[i].as_ref().map_or((0, 0), |p| p.span);
        events.sort_by_key(|&i| span(i));
        let mut active: Vec<usize> = Vec::new();
        for &event in events.iter() {
            let (start, _) = span(event);
            active.retain(|&other| span(other).1 + MAX_GAP_DAYS >= start);
            for &other in &active {
                let (Some(a), Some(b)) = (&profiles[other], &profiles[event]) else {
                    continue;
                };
                let first_shared = a.actors.iter().find(|x| b.actors.binary_search(x).is_ok());
                if first_shared != Some(&(actor as u32)) || shares_any(&docs[other], &docs[event]) {
                    continue;
                }
                let similarity = Similarity::between(a, b);
                if similarity.is_same() {
                    let (first, second) = (other.min(event), other.max(event));
                    found.push(Duplicate {
                        first,
                        second,
                        similarity,
                        conflicts: conflicts(timeline, first, second, &similarity),
                    });
                }
            }
            active.push(event);
        }
    }
    found.sort_by(|x, y| {
        y.similarity
            .score()
            .total_cmp(&x.similarity.score())
            .then((x.first, x.second).cmp(&(y.first, y.second)))
    });
    found
}

/// Whether two sorted lists share an element.
fn shares_any(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// How the reports of events `first` and `second`, judged the same, disagree.
fn conflicts(
    timeline: &Timeline,
    first: usize,
    second: usize,
    similarity: &Similarity,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    if similarity.gap_days > 0 {
        out.push(Conflict::Dates);
    }
    let done = |s: Status| matches!(s, Status::Occurred | Status::Reported);
    let (a, b) = (
        timeline.events[first].status,
        timeline.events[second].status,
    );
    if done(a) != done(b) {
        out.push(Conflict::Statuses);
    }
    out
}
