//! Calendar arithmetic on periods (a day, an ISO week, a month, a quarter, a season, a
//! year, a decade…): the period a date lies in, the period n steps away, its first and
//! last day, and how TIMEX3 and EDTF write it. Every step is checked: a date out of
//! chrono's range gives `None`, never a panic.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The four seasons as TIMEX3 names them; a season starts in its `start_month`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The month a season starts in (meteorological seasons; winter runs into the next year).
    pub(crate) fn start_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// The size of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grain {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Season(Season),
    Year,
    FiscalYear,
    Decade,
    Century,
}

/// A period of the calendar: its size and its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    pub grain: Grain,
    pub start: NaiveDate,
}

/// The last day of a month, or `None` for a month that does not exist.
pub(crate) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month.checked_add(1)?)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// `date` moved by `months` calendar months, the day clamped to the month's length.
pub(crate) fn add_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let index = i64::from(date.year())
        .checked_mul(12)?
        .checked_add(i64::from(date.month0()))?
        .checked_add(months)?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    let last = last_day_of_month(year, month)?;
    NaiveDate::from_ymd_opt(year, month, date.day().min(last.day()))
}

/// `date` moved by `days` days.
pub(crate) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::try_days(days)?)
}

#[cfg(test)]
/// The Monday of ISO week `week` of ISO year `year`.
pub(crate) fn iso_week_monday(year: i32, week: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

#[cfg(test)]
/// The number of ISO weeks (52 or 53) of ISO year `year`.
pub(crate) fn iso_weeks_in_year(year: i32) -> Option<u32> {
    Some(NaiveDate::from_ymd_opt(year, 12, 28)?.iso_week().week())
}

/// The date of Easter Sunday (Gregorian computus).
pub(crate) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`-th (1-based) `weekday` of a month, as for Thanksgiving.
pub(crate) fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

impl Period {
    /// The period of size `grain` that contains `date` (for a weekend: the weekend of
    /// `date`'s ISO week, which a weekday does not lie in).
    pub(crate) fn containing(grain: Grain, date: NaiveDate) -> Option<Period> {
        let year = date.year();
        let start = match grain {
            Grain::Day => date,
            Grain::Week => add_days(date, -i64::from(date.weekday().num_days_from_monday()))?,
            Grain::Weekend => {
                let monday = add_days(date, -i64::from(date.weekday().num_days_from_monday()))?;
                add_days(monday, 5)?
            }
            Grain::Month => date.with_day(1)?,
            Grain::Quarter => NaiveDate::from_ymd_opt(year, date.month0() / 3 * 3 + 1, 1)?,
            Grain::Half => NaiveDate::from_ymd_opt(year, date.month0() / 6 * 6 + 1, 1)?,
            Grain::Season(_) => {
                // Seasons start in months 3, 6, 9 and 12.
                let back = i64::from(date.month() % 3);
                let start = add_months(date.with_day(1)?, -back)?;
                return Some(Period {
                    grain: Grain::Season(season_of(start.month())),
                    start,
                });
            }
            Grain::Year | Grain::FiscalYear => NaiveDate::from_ymd_opt(year, 1, 1)?,
            Grain::Decade => NaiveDate::from_ymd_opt(year.div_euclid(10) * 10, 1, 1)?,
            Grain::Century => NaiveDate::from_ymd_opt(year.div_euclid(100) * 100, 1, 1)?,
        };
        Some(Period { grain, start })
    }

    /// The period `n` periods of the same size after this one (before it when `n < 0`).
    pub(crate) fn shifted(self, n: i64) -> Option<Period> {
        let start = match self.grain {
            Grain::Day => add_days(self.start, n)?,
            Grain::Week | Grain::Weekend => add_days(self.start, n.checked_mul(7)?)?,
            Grain::Month => add_months(self.start, n)?,
            Grain::Quarter | Grain::Season(_) => add_months(self.start, n.checked_mul(3)?)?,
            Grain::Half => add_months(self.start, n.checked_mul(6)?)?,
            Grain::Year | Grain::FiscalYear => add_months(self.start, n.checked_mul(12)?)?,
            Grain::Decade => add_months(self.start, n.checked_mul(120)?)?,
            Grain::Century => add_months(self.start, n.checked_mul(1200)?)?,
        };
        Period::containing(self.grain, start)
    }

    /// The last day of the period.
    pub(crate) fn last_day(self) -> Option<NaiveDate> {
        let months = match self.grain {
            Grain::Day => return Some(self.start),
            Grain::Week => return add_days(self.start, 6),
            Grain::Weekend => return add_days(self.start, 1),
            Grain::Month => 1,
            Grain::Quarter | Grain::Season(_) => 3,
            Grain::Half => 6,
            Grain::Year | Grain::FiscalYear => 12,
            Grain::Decade => 120,
            Grain::Century => 1200,
        };
        add_months(self.start, months)?.pred_opt()
    }

    /// The TIMEX3 value: `2013-03-22`, `2013-W12`, `2013-W12-WE`, `2013-03`, `2013-Q1`,
    /// `2013-H2`, `2013-SU`, `2013`, `FY2013`, `201`, `20`; `None` past year 9999.
    pub(crate) fn timex_value(self) -> Option<String> {
        let year = self.start.year();
        if !(0..=9999).contains(&year) {
            return None;
        }
        let month = self.start.month();
        Some(match self.grain {
            Grain::Day => format!("{year:04}-{month:02}-{:02}", self.start.day()),
            Grain::Week => {
                let week = self.start.iso_week();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Grain::Weekend => {
                let week = self.start.iso_week();
                format!("{:04}-W{:02}-WE", week.year(), week.week())
            }
            Grain::Month => format!("{year:04}-{month:02}"),
            Grain::Quarter => format!("{year:04}-Q{}", (month - 1) / 3 + 1),
            Grain::Half => format!("{year:04}-H{}", (month - 1) / 6 + 1),
            Grain::Season(season) => format!("{year:04}-{}", season.code()),
            Grain::Year => format!("{year:04}"),
            Grain::FiscalYear => format!("FY{year:04}"),
            Grain::Decade => format!("{:03}", year / 10),
            Grain::Century => format!("{:02}", year / 100),
        })
    }

    /// The EDTF form: the day, month or year itself, else an interval of months or
    /// days (`2013-06/2013-08`, `2013-03-18/2013-03-24`, `1990/1999`).
    pub(crate) fn edtf(self) -> Option<String> {
        let last = self.last_day()?;
        if !(0..=9999).contains(&self.start.year()) || !(0..=9999).contains(&last.year()) {
            return None;
        }
        Some(match self.grain {
            Grain::Day => day_string(self.start),
            Grain::Month => month_string(self.start),
            Grain::Year | Grain::FiscalYear => format!("{:04}", self.start.year()),
            Grain::Week | Grain::Weekend => {
                format!("{}/{}", day_string(self.start), day_string(last))
            }
            Grain::Quarter | Grain::Half | Grain::Season(_) => {
                format!("{}/{}", month_string(self.start), month_string(last))
            }
            Grain::Decade | Grain::Century => {
                format!("{:04}/{:04}", self.start.year(), last.year())
            }
        })
    }
}

/// `2013-03-22`.
pub(crate) fn day_string(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `2013-03`.
pub(crate) fn month_string(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

fn season_of(start_month: u32) -> Season {
    match start_month {
        3 => Season::Spring,
        6 => Season::Summer,
        9 => Season::Fall,
        _ => Season::Winter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
    }

    #[test]
    fn month_ends_follow_leap_years() {
        assert_eq!(last_day_of_month(2024, 2), Some(date(2024, 2, 29)));
        assert_eq!(last_day_of_month(2023, 2), Some(date(2023, 2, 28)));
        assert_eq!(last_day_of_month(1900, 2), Some(date(1900, 2, 28)));
        assert_eq!(last_day_of_month(2000, 2), Some(date(2000, 2, 29)));
        assert_eq!(last_day_of_month(2022, 12), Some(date(2022, 12, 31)));
    }

    #[test]
    fn adding_a_month_clamps_the_day() {
        assert_eq!(add_months(date(2022, 1, 31), 1), Some(date(2022, 2, 28)));
        assert_eq!(add_months(date(2022, 3, 31), -1), Some(date(2022, 2, 28)));
        assert_eq!(add_months(date(2022, 1, 15), -1), Some(date(2021, 12, 15)));
    }

    #[test]
    fn iso_week_53_and_the_year_boundary() {
        // 2020 has 53 ISO weeks; 2021-01-01 lies in week 53 of 2020.
        assert_eq!(iso_weeks_in_year(2020), Some(53));
        assert_eq!(iso_weeks_in_year(2021), Some(52));
        let week = Period::containing(Grain::Week, date(2021, 1, 1)).and_then(Period::timex_value);
        assert_eq!(week.as_deref(), Some("2020-W53"));
        let next = Period::containing(Grain::Week, date(2020, 12, 31))
            .and_then(|p| p.shifted(1))
            .and_then(Period::timex_value);
        assert_eq!(next.as_deref(), Some("2021-W01"));
    }

    #[test]
    fn values_and_edtf_of_each_grain() {
        let day = date(2013, 3, 22);
        let cases = [
            (Grain::Day, "2013-03-22", "2013-03-22"),
            (Grain::Week, "2013-W12", "2013-03-18/2013-03-24"),
            (Grain::Weekend, "2013-W12-WE", "2013-03-23/2013-03-24"),
            (Grain::Month, "2013-03", "2013-03"),
            (Grain::Quarter, "2013-Q1", "2013-01/2013-03"),
            (Grain::Half, "2013-H1", "2013-01/2013-06"),
            (Grain::Season(Season::Spring), "2013-SP", "2013-03/2013-05"),
            (Grain::Year, "2013", "2013"),
            (Grain::Decade, "201", "2010/2019"),
            (Grain::Century, "20", "2000/2099"),
        ];
        for (grain, value, edtf) in cases {
            let period = Period::containing(grain, day).expect("in range");
            assert_eq!(period.timex_value().as_deref(), Some(value), "{grain:?}");
            assert_eq!(period.edtf().as_deref(), Some(edtf), "{grain:?}");
        }
    }

    #[test]
    fn winter_belongs_to_the_year_it_starts_in() {
        let period = Period::containing(Grain::Season(Season::Winter), date(2022, 1, 10));
        assert_eq!(
            period.and_then(Period::timex_value).as_deref(),
            Some("2021-WI")
        );
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2022), Some(date(2022, 4, 17)));
        assert_eq!(easter(2024), Some(date(2024, 3, 31)));
        assert_eq!(easter(2000), Some(date(2000, 4, 23)));
    }

    #[test]
    fn far_dates_give_none_not_a_panic() {
        assert_eq!(add_months(date(2022, 1, 1), i64::MAX), None);
        assert_eq!(add_days(date(2022, 1, 1), i64::MIN), None);
        let year = Period::containing(Grain::Year, date(2022, 1, 1)).expect("in range");
        assert_eq!(year.shifted(i64::MAX / 2), None);
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1i32..9999, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    }

    fn any_grain() -> impl Strategy<Value = Grain> {
        prop_oneof![
            Just(Grain::Day),
            Just(Grain::Week),
            Just(Grain::Weekend),
            Just(Grain::Month),
            Just(Grain::Quarter),
            Just(Grain::Half),
            Just(Grain::Season(Season::Summer)),
            Just(Grain::Year),
            Just(Grain::Decade),
        ]
    }

    proptest! {
        #[test]
        fn a_period_contains_its_date(day in any_date(), grain in any_grain()) {
            if let Some(period) = Period::containing(grain, day).filter(|p| p.grain != Grain::Weekend) {
                let last = period.last_day();
                prop_assert!(period.start <= day);
                prop_assert!(last.is_none_or(|last| day <= last));
            }
        }

        #[test]
        fn shifting_there_and_back_is_the_identity(day in any_date(), grain in any_grain(), n in -50i64..50) {
            if let Some(period) = Period::containing(grain, day)
                && let Some(there) = period.shifted(n) {
                    prop_assert_eq!(there.shifted(-n), Some(period));
                }
        }

        #[test]
        fn consecutive_periods_touch(day in any_date(), grain in any_grain()) {
            if let (Some(period), Some(next)) = (
                Period::containing(grain, day),
                Period::containing(grain, day).and_then(|p| p.shifted(1)),
            )
                && grain != Grain::Weekend {
                    prop_assert_eq!(period.last_day().and_then(|d| d.succ_opt()), Some(next.start));
                }
        }

        #[test]
        fn adding_months_keeps_the_day_or_the_month_end(day in any_date(), n in -2400i64..2400) {
            if let Some(moved) = add_months(day, n) {
                let end = last_day_of_month(moved.year(), moved.month());
                prop_assert!(moved.day() == day.day() || Some(moved) == end);
                let months = (i64::from(moved.year()) - i64::from(day.year())) * 12
                    + i64::from(moved.month()) - i64::from(day.month());
                prop_assert_eq!(months, n);
            }
        }

        #[test]
        fn iso_weeks_number_52_or_53_and_mondays_round_trip(year in 1i32..9998, week in 1u32..=53) {
            let weeks = iso_weeks_in_year(year);
            prop_assert!(matches!(weeks, Some(52 | 53)));
            if let Some(monday) = iso_week_monday(year, week) {
                prop_assert_eq!(monday.iso_week().week(), week);
                prop_assert_eq!(monday.iso_week().year(), year);
            } else {
                prop_assert!(week > weeks.unwrap_or(52));
            }
        }

        #[test]
        fn leap_years_have_a_february_29(year in 1i32..9999) {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            prop_assert_eq!(NaiveDate::from_ymd_opt(year, 2, 29).is_some(), leap);
            prop_assert_eq!(last_day_of_month(year, 2).map(|d| d.day()), Some(if leap { 29 } else { 28 }));
        }
    }
}
