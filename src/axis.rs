//! The time axis, independent of any terminal: where each day falls on a row of columns,
//! which ticks to label, and how many events each column holds.
//!
//! Days are counted as integers ([`day_number`]) so that a column's range is plain
//! arithmetic. An event covers the days from its earliest to its latest, and an open end
//! reaches the edge of the axis. An event that fits in one day or one column counts as
//! *dated* in that column; a longer one (a month, a year, an interval, an open end) counts
//! as *spread* over every column it covers, so a month-precision event shades its month
//! instead of sitting on the 1st.

use chrono::{Datelike, NaiveDate};

use crate::date::{DaySpan, EdtfDate};
use crate::parallel;

/// Days since 1 January of year 1, as an integer to do arithmetic on.
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// The date of a [`day_number`]; out-of-range numbers give the nearest representable day.
pub fn date_of(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(if day < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Stands for the open start of an interval: before every day.
pub const OPEN_START: i32 = i32::MIN;
/// Stands for the open end of an interval: after every day.
pub const OPEN_END: i32 = i32::MAX;

/// The first and last day an event covers, [`OPEN_START`] or [`OPEN_END`] for an open end.
pub fn days_of(date: &EdtfDate) -> (i32, i32) {
    let span = date.day_span();
    (span.first, span.last)
}

/// How days map onto columns: column `c` covers the days from `start + c × days_per_column`
/// up to the next column's start. Several columns show one day when zoomed far in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The day (possibly fractional) at the left edge of column 0.
    pub start: f64,
    /// How many days one column covers; below 1 when a day is wider than a column.
    pub days_per_column: f64,
    /// How many columns there are.
    pub columns: u16,
}

/// The most a column is zoomed in: an eighth of a day.
pub const MIN_DAYS_PER_COLUMN: f64 = 0.125;

impl Scale {
    /// The scale that shows the days `first..=last` in `columns`, with a little room on
    /// either side so the ends do not sit on the edge.
    pub fn fit(first: i32, last: i32, columns: u16) -> Scale {
        let columns = columns.max(1);
        let span = f64::from(last.saturating_sub(first)) + 1.0;
        let days = span * 1.04 + 2.0;
        Scale {
            start: f64::from(first) - (days - span) / 2.0,
            days_per_column: (days / f64::from(columns)).max(MIN_DAYS_PER_COLUMN),
            columns,
        }
    }

    /// The day (possibly fractional) just after the last column.
    pub fn end(&self) -> f64 {
        self.start + self.days_per_column * f64::from(self.columns)
    }

    /// The column where `day` begins; may lie outside `0..columns`.
    pub fn column_of(&self, day: i32) -> i64 {
        ((f64::from(day) - self.start) / self.days_per_column).floor() as i64
    }

    /// The first and last column the days `first..=last` touch; may lie outside the axis.
    pub fn columns_of(&self, first: i32, last: i32) -> (i64, i64) {
        let end = (f64::from(last) + 1.0 - self.start) / self.days_per_column;
        let last_column = (end.ceil() as i64 - 1).max(self.column_of(first));
        (self.column_of(first), last_column)
    }

    /// The same scale with `days_per_column` multiplied by `factor`, keeping `day` at the
    /// same place on screen, or at the centre when it is off screen.
    pub fn zoomed(&self, factor: f64, day: f64) -> Scale {
        let days_per_column = (self.days_per_column * factor).max(MIN_DAYS_PER_COLUMN);
        let centre = self.start + self.days_per_column * f64::from(self.columns) / 2.0;
        let anchor = if (self.start..self.end()).contains(&day) {
            day
        } else {
            centre
        };
        let fraction = (anchor - self.start) / (self.end() - self.start);
        let width = days_per_column * f64::from(self.columns);
        Scale {
            start: anchor - fraction * width,
            days_per_column,
            columns: self.columns,
        }
    }

    /// The same scale moved so that `day` is in the middle.
    pub fn centred_on(&self, day: f64) -> Scale {
        Scale {
            start: day - self.days_per_column * f64::from(self.columns) / 2.0,
            ..*self
        }
    }

    /// The same scale moved by `columns` columns (negative moves back in time).
    pub fn panned(&self, columns: f64) -> Scale {
        Scale {
            start: self.start + columns * self.days_per_column,
            ..*self
        }
    }
}

/// The calendar step between labelled ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    /// Every day.
    Day,
    /// Every Monday.
    Week,
    /// The 1st of every month.
    Month,
    /// 1 January, April, July and October.
    Quarter,
    /// 1 January of every year divisible by the step (1, 2, 5, 10, ...).
    Years(i32),
}

impl TickUnit {
    /// Roughly how many days apart the ticks are.
    fn days(self) -> f64 {
        match self {
            TickUnit::Day => 1.0,
            TickUnit::Week => 7.0,
            TickUnit::Month => 30.44,
            TickUnit::Quarter => 91.31,
            TickUnit::Years(n) => 365.25 * f64::from(n),
        }
    }

    /// How many columns a label takes.
    fn label_width(self) -> usize {
        match self {
            TickUnit::Day | TickUnit::Week => 6,
            TickUnit::Month | TickUnit::Quarter => 8,
            TickUnit::Years(_) => 4,
        }
    }

    /// The label of the tick on `date`: "27 Dec", "Jan 2022", "2022".
    pub fn label(self, date: NaiveDate) -> String {
        match self {
            TickUnit::Day | TickUnit::Week => date.format("%-d %b").to_string(),
            TickUnit::Month | TickUnit::Quarter => date.format("%b %Y").to_string(),
            TickUnit::Years(_) => date.format("%Y").to_string(),
        }
    }

    /// The first tick on or after `date`.
    fn first_on_or_after(self, date: NaiveDate) -> NaiveDate {
        let mut tick = match self {
            TickUnit::Day => date,
            TickUnit::Week => {
                let back = i64::from(date.weekday().num_days_from_monday());
                date - chrono::Days::new(back as u64)
            }
            TickUnit::Month => first_of(date.year(), date.month()),
            TickUnit::Quarter => first_of(date.year(), (date.month() - 1) / 3 * 3 + 1),
            TickUnit::Years(n) => first_of(date.year().div_euclid(n) * n, 1),
        };
        while tick < date {
            match self.after(tick) {
                Some(next) => tick = next,
                None => break,
            }
        }
        tick
    }

    /// The tick after `tick`.
    fn after(self, tick: NaiveDate) -> Option<NaiveDate> {
        match self {
            TickUnit::Day => tick.succ_opt(),
            TickUnit::Week => tick.checked_add_days(chrono::Days::new(7)),
            TickUnit::Month => tick.checked_add_months(chrono::Months::new(1)),
            TickUnit::Quarter => tick.checked_add_months(chrono::Months::new(3)),
            TickUnit::Years(n) => tick.checked_add_months(chrono::Months::new(12 * n as u32)),
        }
    }
}

const UNITS: [TickUnit; 12] = [
    TickUnit::Day,
    TickUnit::Week,
    TickUnit::Month,
    TickUnit::Quarter,
    TickUnit::Years(1),
    TickUnit::Years(2),
    TickUnit::Years(5),
    TickUnit::Years(10),
    TickUnit::Years(20),
    TickUnit::Years(50),
    TickUnit::Years(100),
    TickUnit::Years(1000),
];

/// The finest unit whose ticks stand far enough apart for their labels.
pub fn tick_unit(days_per_column: f64) -> TickUnit {
    UNITS
        .into_iter()
        .find(|u| u.days() / days_per_column >= (u.label_width() + 2) as f64)
        .unwrap_or(TickUnit::Years(1000))
}

/// A labelled tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    /// The column it stands in.
    pub column: u16,
    /// Its label.
    pub label: String,
}

/// The ticks that fall on the axis, at the unit [`tick_unit`] picks.
pub fn ticks(scale: &Scale) -> Vec<Tick> {
    let unit = tick_unit(scale.days_per_column);
    let first_day = scale
        .start
        .ceil()
        .clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
    let mut out = Vec::new();
    let mut tick = unit.first_on_or_after(date_of(first_day));
    loop {
        let column = scale.column_of(day_number(tick));
        if column >= i64::from(scale.columns) {
            break;
        }
        if column >= 0 {
            out.push(Tick {
                column: column as u16,
                label: unit.label(tick),
            });
        }
        match unit.after(tick) {
            Some(next) => tick = next,
            None => break,
        }
    }
    out
}

/// How many events each column holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Density {
    /// Events that fall within one day or one column.
    pub dated: Vec<u32>,
    /// Events spread over several columns (imprecise dates, intervals).
    pub spread: Vec<u32>,
}

impl Density {
    /// The largest dated count in any column.
    pub fn max_dated(&self) -> u32 {
        self.dated.iter().copied().max().unwrap_or(0)
    }
}

/// The days events cover, prepared once per filter so that counting a window touches
/// only the events that can fall in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    /// `(first, last)` day of each event, in timeline order.
    days: Vec<(i32, i32)>,
    /// How many leading events have an open start (they sort first).
    open_start: usize,
    /// The other events with an open end: they reach every later (or earlier) window.
    open_end: Vec<usize>,
    /// The most days any event with both ends covers, minus one.
    longest: i32,
    /// The first and last day named by any event.
    extent: Option<(i32, i32)>,
}

impl Spans {
    /// The spans of `dates`, which must be in timeline order ([`EdtfDate::sort_key`]: an
    /// open start placed at its end).
    pub fn new<'a>(dates: impl Iterator<Item = &'a EdtfDate>) -> Spans {
        Spans::of_days(dates.map(EdtfDate::day_span))
    }

    /// The spans of events whose days are `days`, in timeline order: as [`Spans::new`],
    /// from the days an index keeps rather than from the events.
    pub fn of_days(days: impl Iterator<Item = DaySpan>) -> Spans {
        let mut spans = Spans::default();
        spans.days.reserve(days.size_hint().0);
        for (k, day_span) in days.enumerate() {
            let (first, last) = (day_span.first, day_span.last);
            if first == OPEN_START && spans.open_start == k {
                spans.open_start += 1;
            } else if first == OPEN_START || last == OPEN_END {
                spans.open_end.push(k);
            } else {
                spans.longest = spans.longest.max(last - first);
            }
            let known = [first, last]
                .into_iter()
                .filter(|d| ![OPEN_START, OPEN_END].contains(d));
            for day in known {
                let (a, b) = spans.extent.unwrap_or((day, day));
                spans.extent = Some((a.min(day), b.max(day)));
            }
            spans.days.push((first, last));
        }
        spans
    }

    /// The first and last day of the `k`-th event, open ends as [`OPEN_START`] and
    /// [`OPEN_END`].
    pub fn get(&self, k: usize) -> Option<(i32, i32)> {
        self.days.get(k).copied()
    }

    /// The middle of the days the `k`-th event names; an open end does not count.
    pub fn middle(&self, k: usize) -> Option<f64> {
        let (first, last) = self.get(k)?;
        let (first, last) = match (first == OPEN_START, last == OPEN_END) {
            (true, true) => return None,
            (true, false) => (last, last),
            (false, true) => (first, first),
            (false, false) => (first, last),
        };
        Some((f64::from(first) + f64::from(last) + 1.0) / 2.0)
    }

    /// The first and last day any event names; open ends do not count.
    pub fn extent(&self) -> Option<(i32, i32)> {
        self.extent
    }

    /// Counts the events in each column of `scale`, visiting only events that can reach
    /// it: O(events in or near the window + columns).
    pub fn density(&self, scale: &Scale) -> Density {
        let columns = usize::from(scale.columns);
        let mut dated = vec![0i64; columns + 1];
        let mut spread = vec![0i64; columns + 1];
        let window_first = scale.start.floor() as i64;
        let window_last = scale.end().ceil() as i64;
        let sorted = &self.days[self.open_start..];
        // The day each event is placed at in timeline order: an open start at its end.
        let placed = |d: &(i32, i32)| i64::from(if d.0 == OPEN_START { d.1 } else { d.0 });
        let from = sorted.partition_point(|d| placed(d) + i64::from(self.longest) < window_first);
        let until = from + sorted[from..].partition_point(|d| placed(d) <= window_last);
        let open = self.days[..self.open_start]
            .iter()
            .chain(self.open_end.iter().map(|&k| &self.days[k]));
        count_columns(scale, open, &mut dated, &mut spread);
        // The events in or near the window counted on every core, each into counts of its
        // own, then added up: at 1M events all in the window, half the time.
        let parts = parallel::map_ranges(until - from, COUNTED_A_THREAD, |range| {
            let mut part = (vec![0i64; columns + 1], vec![0i64; columns + 1]);
            let closed = sorted[from + range.start..from + range.end]
                .iter()
                .filter(|d| d.0 != OPEN_START && d.1 != OPEN_END);
            count_columns(scale, closed, &mut part.0, &mut part.1);
            vec![part]
        });
        for (part_dated, part_spread) in parts {
            add_to(&mut dated, &part_dated);
            add_to(&mut spread, &part_spread);
        }
        Density {
            dated: running_sums(&dated[..columns]),
            spread: running_sums(&spread[..columns]),
        }
    }
}

/// Events one thread counts at least when [`Spans::density`] shares them out: below, a
/// thread costs more than it saves.
const COUNTED_A_THREAD: usize = 100_000;

/// Adds each of `days` (first and last day) to the column differences of `scale`: those
/// of one day or one column to `dated`, the others to `spread`.
fn count_columns<'a>(
    scale: &Scale,
    days: impl Iterator<Item = &'a (i32, i32)>,
    dated: &mut [i64],
    spread: &mut [i64],
) {
    let columns = usize::from(scale.columns);
    for &(first, last) in days {
        let (a, b) = scale.columns_of(first, last);
        if b < 0 || a >= columns as i64 {
            continue;
        }
        let closed = first != OPEN_START && last != OPEN_END;
        let counts = if closed && (first == last || a == b) {
            &mut *dated
        } else {
            &mut *spread
        };
        counts[a.max(0) as usize] += 1;
        counts[(b + 1).min(columns as i64) as usize] -= 1;
    }
}

/// Adds `part` to `total`, column by column.
fn add_to(total: &mut [i64], part: &[i64]) {
    for (t, p) in total.iter_mut().zip(part) {
        *t += p;
    }
}

fn running_sums(differences: &[i64]) -> Vec<u32> {
    let mut total = 0i64;
    differences
        .iter()
        .map(|d| {
            total += d;
            total.clamp(0, i64::from(u32::MAX)) as u32
        })
        .collect()
}

fn first_of(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> i32 {
        day_number(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
    }

    fn date(text: &str) -> EdtfDate {
        EdtfDate::parse(text).unwrap()
    }

    /// The unit picked when `span_days` fill `columns`.
    fn unit_for(span_days: f64, columns: u16) -> TickUnit {
        tick_unit(span_days / f64::from(columns))
    }

    #[test]
    fn tick_units_follow_the_span_from_a_day_to_twenty_years() {
        let cases = [
            (1.0, 80, TickUnit::Day),
            (7.0, 80, TickUnit::Day),
            (14.0, 120, TickUnit::Day),
            (30.0, 120, TickUnit::Week),
            (30.0, 80, TickUnit::Week),
            (90.0, 80, TickUnit::Month),
            (365.0, 120, TickUnit::Month),
            (365.0, 80, TickUnit::Quarter),
            (2.0 * 365.0, 120, TickUnit::Quarter),
            (5.0 * 365.0, 120, TickUnit::Years(1)),
            (20.0 * 365.0, 160, TickUnit::Years(1)),
            (20.0 * 365.0, 80, TickUnit::Years(2)),
            (20.0 * 365.0, 38, TickUnit::Years(5)),
        ];
        for (span, columns, unit) in cases {
            assert_eq!(
                unit_for(span, columns),
                unit,
                "{span} days in {columns} columns"
            );
        }
    }

    #[test]
    fn ticks_are_aligned_labelled_and_never_crowded() {
        for (first, last, columns) in [
            ("2021-12-20", "2021-12-22", 40),
            ("2021-11-01", "2022-02-15", 118),
            ("2021-11-01", "2022-02-15", 38),
            ("2005-01-01", "2024-12-31", 118),
            ("2005-01-01", "2024-12-31", 20),
        ] {
            let scale = Scale::fit(day(first), day(last), columns);
            let ticks = ticks(&scale);
            assert!(!ticks.is_empty(), "{first}..{last} in {columns}");
            let unit = tick_unit(scale.days_per_column);
            for pair in ticks.windows(2) {
                let gap = usize::from(pair[1].column - pair[0].column);
                assert!(gap > unit.label_width(), "{pair:?} crowded");
            }
            assert!(ticks.iter().all(|t| t.column < columns));
        }
        let month = Scale::fit(day("2021-12-01"), day("2022-03-31"), 60);
        let labels: Vec<String> = ticks(&month).into_iter().map(|t| t.label).collect();
        assert_eq!(
            labels,
            ["Dec 2021", "Jan 2022", "Feb 2022", "Mar 2022", "Apr 2022"]
        );
        let week = Scale::fit(day("2021-12-01"), day("2022-01-10"), 80);
        let labels: Vec<String> = ticks(&week).into_iter().map(|t| t.label).collect();
        assert_eq!(
            labels,
            ["6 Dec", "13 Dec", "20 Dec", "27 Dec", "3 Jan", "10 Jan"]
        );
    }

    #[test]
    fn one_day_per_column_puts_each_day_in_its_own_column() {
        let scale = Scale {
            start: f64::from(day("2021-12-01")),
            days_per_column: 1.0,
            columns: 31,
        };
        assert_eq!(scale.column_of(day("2021-12-01")), 0);
        assert_eq!(scale.column_of(day("2021-12-27")), 26);
        assert_eq!(
            scale.columns_of(day("2021-12-27"), day("2021-12-27")),
            (26, 26)
        );
        let wide = Scale {
            days_per_column: 0.25,
            ..scale
        };
        assert_eq!(
            wide.columns_of(day("2021-12-02"), day("2021-12-02")),
            (4, 7)
        );
    }

    #[test]
    fn precise_events_are_dated_and_imprecise_ones_spread_over_their_span() {
        let dates = [
            date("../2021-12-30"),
            date("2021-12~"),
            date("2021-12-27"),
            date("2021-12-30"),
            date("2021-12-30"),
            date("2022-01-01/2022-01-08"),
            date("2022-01"),
        ];
        let spans = Spans::new(dates.iter());
        let scale = Scale {
            start: f64::from(day("2021-12-01")),
            days_per_column: 1.0,
            columns: 62,
        };
        let density = spans.density(&scale);
        let at = |d: &str| scale.column_of(day(d)) as usize;
        // The open start shades every day up to its end, and no later.
        assert_eq!(density.dated[at("2021-12-30")], 2);
        assert_eq!(density.dated[at("2021-12-27")], 1);
        assert_eq!(density.dated[at("2021-12-28")], 0);
        assert_eq!(density.spread[at("2021-12-28")], 2);
        assert_eq!(density.spread[0], 2);
        assert_eq!(density.spread[at("2021-12-31")], 1);
        // "2021-12~" covers all of December lightly, and only December.
        assert!((1..=31).all(|d| density.spread[at(&format!("2021-12-{d:02}"))] >= 1));
        // The week and the month overlap on 1–8 January.
        assert_eq!(density.spread[at("2022-01-05")], 2);
        assert_eq!(density.spread[at("2022-01-20")], 1);
        assert_eq!(density.dated.iter().sum::<u32>(), 3);
        assert_eq!(spans.middle(0), Some(f64::from(day("2021-12-30")) + 0.5));
        let open_end = Spans::new([date("2021-12-20/..")].iter());
        assert_eq!(open_end.density(&scale).spread[61], 1);
        assert_eq!(
            open_end.extent(),
            Some((day("2021-12-20"), day("2021-12-20")))
        );
    }

    #[test]
    fn at_a_month_per_column_a_month_is_dated_in_its_column() {
        let dates = [date("2020/2022"), date("2021-12"), date("2022-01-03")];
        let spans = Spans::new(dates.iter());
        let scale = Scale {
            start: f64::from(day("2021-11-01")),
            days_per_column: 61.0,
            columns: 20,
        };
        let density = spans.density(&scale);
        assert_eq!(density.dated[..2], [1, 1]);
        assert_eq!(density.dated.iter().sum::<u32>(), 2);
        // 2020–2022 reaches the end of 2022: seven columns from November 2021.
        assert_eq!(density.spread.iter().filter(|&&n| n > 0).count(), 7);
    }

    #[test]
    fn counting_a_window_visits_events_near_it_but_counts_them_all() {
        let dates: Vec<EdtfDate> = (1..=28)
            .map(|d| date(&format!("2021-02-{d:02}")))
            .chain([date("2019/2023")])
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_by_key(|d| d.sort_key());
        let spans = Spans::new(sorted.iter());
        let scale = Scale {
            start: f64::from(day("2021-02-10")),
            days_per_column: 1.0,
            columns: 5,
        };
        let density = spans.density(&scale);
        assert_eq!(density.dated, [1, 1, 1, 1, 1]);
        assert_eq!(density.spread, [1, 1, 1, 1, 1]);
    }

    /// Past [`COUNTED_A_THREAD`] events the count is shared among the cores: it must be
    /// the count of every event, one at a time, whatever the window.
    #[test]
    fn a_count_shared_among_the_cores_is_the_count_of_every_event() {
        let span = |first, last| DaySpan { first, last };
        let mut days: Vec<DaySpan> = (0..50).map(|d| span(OPEN_START, 700_000 + d)).collect();
        days.extend((0..300_000).map(|i| {
            let first = 700_000 + i / 3;
            match i % 1000 {
                0 => span(first, OPEN_END),
                n if n % 7 == 0 => span(first, first + 10),
                _ => span(first, first),
            }
        }));
        let spans = Spans::of_days(days.iter().copied());
        let fit = Scale::fit(700_000, 800_000, 120);
        for scale in [fit, fit.zoomed(8.0, 750_000.0), fit.zoomed(0.1, 790_000.0)] {
            let columns = usize::from(scale.columns);
            let (mut dated, mut spread) = (vec![0; columns + 1], vec![0; columns + 1]);
            count_columns(&scale, spans.days.iter(), &mut dated, &mut spread);
            let density = spans.density(&scale);
            assert_eq!(density.dated, running_sums(&dated[..columns]), "{scale:?}");
            assert_eq!(
                density.spread,
                running_sums(&spread[..columns]),
                "{scale:?}"
            );
        }
    }

    #[test]
    fn open_starts_placed_at_their_end_do_not_hide_the_events_of_a_window() {
        // An open start is placed at its end in timeline order; the search for the
        // window's first event took it for a start before every day, and skipped Feb 10–14.
        let dates: Vec<EdtfDate> = (1..=28)
            .map(|d| date(&format!("2021-02-{d:02}")))
            .chain((0..5).map(|_| date("../2021-02-15")))
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_by_key(|d| d.sort_key());
        let spans = Spans::new(sorted.iter());
        let scale = Scale {
            start: f64::from(day("2021-02-10")),
            days_per_column: 1.0,
            columns: 5,
        };
        let density = spans.density(&scale);
        assert_eq!(density.dated, [1, 1, 1, 1, 1]);
        assert_eq!(density.spread, [5, 5, 5, 5, 5]);
    }

    #[test]
    fn zooming_keeps_the_anchor_day_in_place() {
        let scale = Scale::fit(day("2021-12-01"), day("2022-01-31"), 100);
        let anchor = f64::from(day("2021-12-27"));
        let before = (anchor - scale.start) / scale.days_per_column;
        let zoomed = scale.zoomed(0.5, anchor);
        let after = (anchor - zoomed.start) / zoomed.days_per_column;
        assert!((before - after).abs() < 1e-6);
        assert!((zoomed.days_per_column - scale.days_per_column / 2.0).abs() < 1e-9);
        let far = scale.zoomed(0.5, f64::from(day("2030-01-01")));
        let centre = scale.start + (scale.end() - scale.start) / 2.0;
        assert!((far.start + (far.end() - far.start) / 2.0 - centre).abs() < 1e-6);
        assert_eq!(
            scale.zoomed(1e-9, anchor).days_per_column,
            MIN_DAYS_PER_COLUMN
        );
    }

    #[test]
    fn extreme_dates_do_not_overflow() {
        let dates = [date("0001-01-01"), date("9999-12-31")];
        let spans = Spans::new(dates.iter());
        let (first, last) = spans.extent().unwrap();
        let scale = Scale::fit(first, last, 1);
        let density = spans.density(&scale);
        assert_eq!(density.dated.len(), 1);
        let _ = ticks(&scale);
        let tiny = Scale::fit(first, last, 300);
        let _ = ticks(&tiny);
    }
}
