//! The rows of the timeline pane: the filtered events in time order, with a separator
//! row before an event that comes more than a day after the one above it.

use chrono::NaiveDate;

use crate::date::DaySpan;
use crate::model::Event;
#[cfg(doc)]
use crate::query::Index;

/// What one row of the timeline pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The `k`-th shown event.
    Event(usize),
    /// The gap separator above the `k`-th shown event.
    Gap(usize),
}

/// The filtered events and where each one's row is. Built once per filter change, so a
/// frame only looks up the rows it draws.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// Positions in [`Timeline::events`] of the shown events, in time order.
    pub events: Vec<usize>,
    /// Row index of each shown event's own row.
    starts: Vec<usize>,
    total: usize,
}

impl Rows {
    /// Lays out the shown `events`, inserting gap rows, from the days each event can
    /// mean (`spans`, by position, as [`Index::spans`] holds them): a tight pass over
    /// a few bytes an event, where the events themselves are thirty times larger.
    pub fn new(spans: &[DaySpan], events: Vec<usize>) -> Self {
        let mut starts = Vec::with_capacity(events.len());
        let mut row = 0;
        for (k, &e) in events.iter().enumerate() {
            if k > 0 && is_gap(spans[events[k - 1]].days_until(&spans[e])) {
                row += 1;
            }
            starts.push(row);
            row += 1;
        }
        Rows {
            events,
            starts,
            total: row,
        }
    }

    /// Number of rows, separators included.
    pub fn len(&self) -> usize {
        self.total
    }

    /// Whether no event is shown.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The row of the `k`-th shown event.
    pub fn row_of(&self, k: usize) -> usize {
        self.starts[k]
    }

    /// The first row to keep on screen so that event `k` and its separator show.
    pub fn top_of(&self, k: usize) -> usize {
        if k > 0 && self.starts[k] > self.starts[k - 1] + 1 {
            self.starts[k] - 1
        } else {
            self.starts[k]
        }
    }

    /// What row `row` shows, if it exists.
    pub fn at(&self, row: usize) -> Option<Row> {
        if row >= self.total {
            return None;
        }
        let k = self.starts.partition_point(|&start| start < row);
        match self.starts.get(k) {
            Some(&start) if start == row => Some(Row::Event(k)),
            Some(_) => Some(Row::Gap(k)),
            None => None,
        }
    }
}

/// Days from the end of `before` to the start of `after` when more than one day passes.
pub fn gap_days(before: &Event, after: &Event) -> Option<i64> {
    let end: NaiveDate = before.date.latest()?;
    let start = after.date.earliest()?;
    let days = (start - end).num_days();
    (days > 1).then_some(days)
}

/// Whether `days` between two events, as [`DaySpan::days_until`] counts them, make a gap
/// row, as [`gap_days`] decides.
fn is_gap(days: Option<i64>) -> bool {
    days.is_some_and(|days| days > 1)
}

/// "3 days later", "2 weeks later", "5 months later", "2 years later".
pub fn gap_label(days: i64) -> String {
    let (n, unit) = match days {
        ..14 => (days, "day"),
        14..60 => (days / 7, "week"),
        60..730 => (days / 30, "month"),
        _ => (days / 365, "year"),
    };
    format!("{n} {unit}{} later", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};
    use crate::query::Index;

    #[test]
    fn gap_rows_stand_before_events_after_a_pause() {
        let tl = load_sources(&[SourceFile::bundled()]).unwrap();
        let rows = Rows::new(Index::new(&tl).spans(), (0..tl.events.len()).collect());
        let k27 = rows
            .events
            .iter()
            .position(|&e| &*tl.events[e].id == "jstars-flight-2021-12-27")
            .unwrap();
        let k30 = k27 + 1;
        assert_eq!(&*tl.events[rows.events[k30]].id, "jstars-flight-2021-12-30");
        assert_eq!(rows.row_of(k30), rows.row_of(k27) + 2);
        assert_eq!(rows.at(rows.row_of(k30) - 1), Some(Row::Gap(k30)));
        assert_eq!(rows.top_of(k30), rows.row_of(k30) - 1);
        assert_eq!(rows.at(rows.row_of(k30)), Some(Row::Event(k30)));
        assert_eq!(rows.at(rows.len()), None);
        let gap = gap_days(&tl.events[rows.events[k27]], &tl.events[rows.events[k30]]);
        assert_eq!(gap, Some(3));
    }

    #[test]
    fn an_open_start_stands_at_its_end_with_no_gap_claimed_above_it() {
        let event = |id: &str, date: &str| {
            format!(
                "  - id: {id}\n    date: {date}\n    title: {id}\n    sources:\n      - doc: doc\n        paragraph: 1\n        quote: beta\n"
            )
        };
        let text = format!(
            "documents:\n  - id: doc\n    title: A doc\n    published: 2022-01-01\n    paragraphs:\n      - Alpha beta.\nevents:\n{}{}{}",
            event("later", "2021-12-30"),
            event("until", "../2021-12-20"),
            event("early", "2021-11-01"),
        );
        let file = SourceFile {
            name: "t.yaml".into(),
            text,
        };
        let tl = load_sources(&[file]).unwrap();
        let ids: Vec<&str> = tl.events.iter().map(|e| &*e.id).collect();
        assert_eq!(ids, ["early", "until", "later"], "placed at its end");
        let rows = Rows::new(Index::new(&tl).spans(), (0..tl.events.len()).collect());
        // Nothing is known of when "until" began: no "7 weeks later" above it; after
        // it, the days from its end.
        assert_eq!(rows.at(1), Some(Row::Event(1)));
        assert_eq!(rows.at(2), Some(Row::Gap(2)));
        assert_eq!(gap_days(&tl.events[1], &tl.events[2]), Some(10));
    }

    #[test]
    fn rows_laid_out_from_day_spans_have_a_gap_where_gap_days_finds_one() {
        let tl = crate::synth::timeline(3000, 5);
        let index = Index::new(&tl);
        let events: Vec<usize> = (0..tl.events.len()).step_by(7).collect();
        let rows = Rows::new(index.spans(), events.clone());
        for k in 1..events.len() {
            let gap = gap_days(&tl.events[events[k - 1]], &tl.events[events[k]]);
            assert_eq!(
                rows.row_of(k) - rows.row_of(k - 1),
                1 + usize::from(gap.is_some())
            );
        }
    }

    #[test]
    fn gap_labels_pick_a_unit() {
        assert_eq!(gap_label(3), "3 days later");
        assert_eq!(gap_label(14), "2 weeks later");
        assert_eq!(gap_label(95), "3 months later");
        assert_eq!(gap_label(800), "2 years later");
    }
}
