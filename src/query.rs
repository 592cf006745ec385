//! The query engine: which events match a [`Filter`]. One engine for `tline list` and the
//! TUI, so both always agree.

use chrono::NaiveDate;

use crate::model::{ActorId, Event, Status, Timeline};

/// What a person asks to see. Empty criteria match everything; all given criteria must
/// hold together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Events involving these actors.
    pub actors: Vec<ActorId>,
    /// Whether an event must involve all of [`Filter::actors`] rather than any.
    pub all_actors: bool,
    /// Events of these kinds (case-insensitive).
    pub kinds: Vec<String>,
    /// Events with these statuses.
    pub statuses: Vec<Status>,
    /// Events whose span ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Events whose span starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Events whose title, summary or quotes contain this text (case-insensitive).
    pub text: String,
}

impl Filter {
    /// Whether the filter lets every event through.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
            && self.kinds.is_empty()
            && self.statuses.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.text.is_empty()
    }

    /// The active criteria in words: `actor: Putin · kind: call`.
    pub fn describe(&self, timeline: &Timeline) -> String {
        let mut parts = Vec::new();
        if !self.actors.is_empty() {
            let names: Vec<&str> = self
                .actors
                .iter()
                .map(|&a| timeline.actor(a).short_name())
                .collect();
            let joiner = if self.all_actors { " & " } else { " | " };
            parts.push(format!("actor: {}", names.join(joiner)));
        }
        if !self.kinds.is_empty() {
            parts.push(format!("kind: {}", self.kinds.join(" | ")));
        }
        if !self.statuses.is_empty() {
            let words: Vec<&str> = self.statuses.iter().map(|s| s.as_str()).collect();
            parts.push(format!("status: {}", words.join(" | ")));
        }
        match (self.from, self.to) {
            (None, None) => {}
            (from, to) => {
                let side = |d: Option<NaiveDate>| d.map_or("…".to_string(), |d| d.to_string());
                parts.push(format!("date: {} → {}", side(from), side(to)));
            }
        }
        if !self.text.is_empty() {
            parts.push(format!("text: {:?}", self.text));
        }
        parts.join(" · ")
    }
}

/// What the engine precomputes once per timeline so each query is cheap.
#[derive(Debug, Clone)]
pub struct Index {
    /// Lowercased title, summary and quotes of each event, in timeline order.
    haystacks: Vec<String>,
}

impl Index {
    /// Prepares `timeline` for querying.
    pub fn new(timeline: &Timeline) -> Self {
        let haystacks = timeline.events.iter().map(haystack).collect();
        Index { haystacks }
    }

    /// The positions in [`Timeline::events`] of the events that match, in time order.
    pub fn select(&self, timeline: &Timeline, filter: &Filter) -> Vec<usize> {
        let needle = filter.text.to_lowercase();
        let kinds: Vec<String> = filter.kinds.iter().map(|k| k.to_lowercase()).collect();
        timeline
            .events
            .iter()
            .enumerate()
            .filter(|(i, event)| {
                matches_actors(event, filter)
                    && (kinds.is_empty() || kinds.iter().any(|k| event.kind.to_lowercase() == *k))
                    && (filter.statuses.is_empty() || filter.statuses.contains(&event.status))
                    && event.date.overlaps(filter.from, filter.to)
                    && (needle.is_empty() || self.haystacks[*i].contains(&needle))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

impl Index {
    /// Positions in `shown` of the events whose title, summary or quotes contain `text`
    /// (case-insensitive).
    pub fn find(&self, shown: &[usize], text: &str) -> Vec<usize> {
        let needle = text.to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        (0..shown.len())
            .filter(|&k| self.haystacks[shown[k]].contains(&needle))
            .collect()
    }
}

fn matches_actors(event: &Event, filter: &Filter) -> bool {
    if filter.actors.is_empty() {
        return true;
    }
    let involved = |a: &ActorId| event.actors.contains(a);
    if filter.all_actors {
        filter.actors.iter().all(involved)
    } else {
        filter.actors.iter().any(involved)
    }
}

fn haystack(event: &Event) -> String {
    let mut text = event.title.to_lowercase();
    for part in event
        .summary
        .iter()
        .chain(event.sources.iter().map(|s| &s.quote))
    {
        text.push('\n');
        text.push_str(&part.to_lowercase());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};

    fn bundled() -> Timeline {
        load_sources(&[SourceFile::bundled()]).expect("bundled timeline loads")
    }

    fn ids(tl: &Timeline, filter: &Filter) -> Vec<String> {
        Index::new(tl)
            .select(tl, filter)
            .into_iter()
            .map(|i| tl.events[i].id.clone())
            .collect()
    }

    fn actor(tl: &Timeline, name: &str) -> ActorId {
        tl.resolve_actor(name).unwrap()
    }

    #[test]
    fn empty_filter_keeps_every_event() {
        let tl = bundled();
        assert_eq!(ids(&tl, &Filter::default()).len(), tl.events.len());
        assert!(Filter::default().is_empty());
    }

    #[test]
    fn filter_by_actor_keeps_events_with_any_selected_actor() {
        let tl = bundled();
        let (putin, nato) = (actor(&tl, "Putin"), actor(&tl, "nato"));
        let filter = Filter {
            actors: vec![putin, nato],
            ..Filter::default()
        };
        let found = ids(&tl, &filter);
        assert!(found.contains(&"biden-putin-call".to_string()));
        assert!(found.contains(&"nato-russia-council-talks".to_string()));
        for i in Index::new(&tl).select(&tl, &filter) {
            let e = &tl.events[i];
            assert!(
                e.actors.contains(&putin) || e.actors.contains(&nato),
                "{}",
                e.id
            );
        }
    }

    #[test]
    fn all_actors_mode_keeps_only_events_between_them() {
        let tl = bundled();
        let (biden, putin, nato) = (actor(&tl, "biden"), actor(&tl, "putin"), actor(&tl, "nato"));
        let both = Filter {
            actors: vec![biden, putin],
            all_actors: true,
            ..Filter::default()
        };
        let found = ids(&tl, &both);
        assert!(found.contains(&"biden-putin-call".to_string()));
        for i in Index::new(&tl).select(&tl, &both) {
            assert!(tl.events[i].actors.contains(&biden) && tl.events[i].actors.contains(&putin));
        }
        let none = Filter {
            actors: vec![putin, nato],
            all_actors: true,
            ..Filter::default()
        };
        assert!(ids(&tl, &none).is_empty());
    }

    #[test]
    fn text_search_ignores_case_and_reads_quotes() {
        let tl = bundled();
        let filter = Filter {
            text: "jstars".into(),
            ..Filter::default()
        };
        let found = ids(&tl, &filter);
        assert!(found.contains(&"jstars-flight-2021-12-30".to_string()));
        assert!(!found.contains(&"biden-putin-call".to_string()));
        let filter = Filter {
            text: "DECISIVELY".into(),
            ..Filter::default()
        };
        assert!(ids(&tl, &filter).contains(&"biden-warns-decisive-response".to_string()));
    }

    #[test]
    fn date_range_keeps_overlapping_spans_with_open_ends() {
        let tl = bundled();
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let filter = Filter {
            from: Some(day("2022-01-02")),
            ..Filter::default()
        };
        let found = ids(&tl, &filter);
        assert!(found.contains(&"nato-russia-council-talks".to_string()));
        assert!(found.contains(&"allied-consultations".to_string()));
        assert!(!found.contains(&"biden-putin-call".to_string()));
        let filter = Filter {
            to: Some(day("2021-12-27")),
            ..Filter::default()
        };
        let found = ids(&tl, &filter);
        assert!(found.contains(&"jstars-flight-2021-12-27".to_string()));
        assert!(
            found.contains(&"russian-troop-buildup".to_string()),
            "open start overlaps"
        );
        assert!(!found.contains(&"biden-putin-call".to_string()));
    }

    #[test]
    fn criteria_combine_and_can_match_nothing() {
        let tl = bundled();
        let putin = actor(&tl, "putin");
        let filter = Filter {
            actors: vec![putin],
            kinds: vec!["CALL".into()],
            ..Filter::default()
        };
        assert_eq!(ids(&tl, &filter), ["biden-putin-call"]);
        let filter = Filter {
            kinds: vec!["call".into()],
            text: "jstars".into(),
            ..Filter::default()
        };
        assert!(ids(&tl, &filter).is_empty());
        let filter = Filter {
            statuses: vec![Status::Planned],
            ..Filter::default()
        };
        assert!(
            ids(&tl, &filter)
                .iter()
                .all(|id| { tl.events[tl.event_index(id).unwrap()].status == Status::Planned })
        );
    }

    #[test]
    fn describe_names_active_criteria() {
        let tl = bundled();
        let filter = Filter {
            actors: vec![actor(&tl, "putin")],
            kinds: vec!["call".into()],
            ..Filter::default()
        };
        assert_eq!(filter.describe(&tl), "actor: Putin · kind: call");
    }
}
