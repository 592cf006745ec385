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
use super::sources::document_ids;

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
    let docs: Vec<Vec<u32>> = timeline.events.iter().map(document_ids).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::EdtfDate;
    use crate::model::{ActorId, DocId};

    /// A timeline of two copies of one event, the second told by another document,
    /// `days` later, with `actors` as its actors.
    fn retold(days: u64, actors: &[u32], status: Status) -> Timeline {
        let mut timeline = crate::synth::timeline(16, 3);
        timeline.events.truncate(1);
        let first = &mut timeline.events[0];
        first.date = EdtfDate::parse("2020-05-05").expect("a day");
        first.actors = vec![ActorId(1), ActorId(2)].into();
        first.status = Status::Occurred;
        let mut second = first.clone();
        second.id = "retold".into();
        let day =
            chrono::NaiveDate::from_ymd_opt(2020, 5, 5).expect("a day") + chrono::Days::new(days);
        second.date = EdtfDate::parse(&day.to_string()).expect("a day");
        second.actors = actors.iter().map(|&a| ActorId(a)).collect();
        second.status = status;
        let mut sources = second.sources.to_vec();
        sources[0].doc = DocId(1);
        second.sources = sources.into();
        timeline.events.push(second);
        timeline
    }

    #[test]
    fn a_retelling_by_another_document_is_found_and_its_disagreements_named() {
        let found = find(&retold(0, &[1, 2], Status::Occurred));
        assert_eq!(found.len(), 1);
        assert!(found[0].conflicts.is_empty());
        let found = find(&retold(3, &[2, 1], Status::Planned));
        assert_eq!(found[0].conflicts, [Conflict::Dates, Conflict::Statuses]);
    }

    #[test]
    fn events_a_week_and_more_apart_or_without_a_shared_actor_are_not_compared() {
        assert!(find(&retold(8, &[1, 2], Status::Occurred)).is_empty());
        assert!(find(&retold(0, &[3, 4], Status::Occurred)).is_empty());
    }

    #[test]
    fn events_of_one_document_are_never_paired() {
        let mut timeline = retold(0, &[1, 2], Status::Occurred);
        let mut sources = timeline.events[1].sources.to_vec();
        sources.push(timeline.events[0].sources[0].clone());
        timeline.events[1].sources = sources.into();
        assert!(find(&timeline).is_empty());
    }
}
