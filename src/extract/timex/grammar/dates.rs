//! Dates named by the calendar: `March 22, 2013`, `22 March`, `3/22/2013`, a year, a
//! weekday, a holiday, a season, a quarter or half, a decade or century, a fiscal year.

use chrono::Weekday;

use super::super::calendar::{Grain, Period, Season};
use super::super::lexicon::{self, Unit};
use super::{Floating, Found, Grammar, Meaning};

/// Holidays by their tokens (lower case; `'` and `.` are tokens of their own).
const HOLIDAYS: &[(&[&str], Floating)] = &[
    (&["christmas"], Floating::MonthDay(12, 25)),
    (&["christmas", "day"], Floating::MonthDay(12, 25)),
    (&["christmas", "eve"], Floating::MonthDay(12, 24)),
    (&["boxing", "day"], Floating::MonthDay(12, 26)),
    (&["new", "year", "'", "s"], Floating::MonthDay(1, 1)),
    (&["new", "year", "'", "s", "day"], Floating::MonthDay(1, 1)),
    (
        &["new", "year", "'", "s", "eve"],
        Floating::MonthDay(12, 31),
    ),
    (&["halloween"], Floating::MonthDay(10, 31)),
    (&["valentine", "'", "s", "day"], Floating::MonthDay(2, 14)),
    (&["independence", "day"], Floating::MonthDay(7, 4)),
    (&["veterans", "day"], Floating::MonthDay(11, 11)),
    (
        &["st", ".", "patrick", "'", "s", "day"],
        Floating::MonthDay(3, 17),
    ),
    (&["may", "day"], Floating::MonthDay(5, 1)),
    (&["easter"], Floating::Easter(0)),
    (&["easter", "sunday"], Floating::Easter(0)),
    (&["easter", "monday"], Floating::Easter(1)),
    (&["good", "friday"], Floating::Easter(-2)),
    (&["palm", "sunday"], Floating::Easter(-7)),
    (&["ash", "wednesday"], Floating::Easter(-46)),
    (
        &["thanksgiving"],
        Floating::NthWeekday {
            month: 11,
            weekday: Weekday::Thu,
            n: 4,
            offset: 0,
        },
    ),
    (
        &["thanksgiving", "day"],
        Floating::NthWeekday {
            month: 11,
            weekday: Weekday::Thu,
            n: 4,
            offset: 0,
        },
    ),
    (
        &["black", "friday"],
        Floating::NthWeekday {
            month: 11,
            weekday: Weekday::Thu,
            n: 4,
            offset: 1,
        },
    ),
    (
        &["memorial", "day"],
        Floating::NthWeekday {
            month: 5,
            weekday: Weekday::Mon,
            n: -1,
            offset: 0,
        },
    ),
    (
        &["labor", "day"],
        Floating::NthWeekday {
            month: 9,
            weekday: Weekday::Mon,
            n: 1,
            offset: 0,
        },
    ),
    (
        &["columbus", "day"],
        Floating::NthWeekday {
            month: 10,
            weekday: Weekday::Mon,
            n: 2,
            offset: 0,
        },
    ),
    (
        &["martin", "luther", "king", "day"],
        Floating::NthWeekday {
            month: 1,
            weekday: Weekday::Mon,
            n: 3,
            offset: 0,
        },
    ),
    (
        &["martin", "luther", "king", "jr", ".", "day"],
        Floating::NthWeekday {
            month: 1,
            weekday: Weekday::Mon,
            n: 3,
            offset: 0,
        },
    ),
    (
        &["presidents", "day"],
        Floating::NthWeekday {
            month: 2,
            weekday: Weekday::Mon,
            n: 3,
            offset: 0,
        },
    ),
    (
        &["presidents", "'", "day"],
        Floating::NthWeekday {
            month: 2,
            weekday: Weekday::Mon,
            n: 3,
            offset: 0,
        },
    ),
    (
        &["mother", "'", "s", "day"],
        Floating::NthWeekday {
            month: 5,
            weekday: Weekday::Sun,
            n: 2,
            offset: 0,
        },
    ),
    (
        &["father", "'", "s", "day"],
        Floating::NthWeekday {
            month: 6,
            weekday: Weekday::Sun,
            n: 3,
            offset: 0,
        },
    ),
    (
        &["election", "day"],
        Floating::NthWeekday {
            month: 11,
            weekday: Weekday::Mon,
            n: 1,
            offset: 1,
        },
    ),
];

impl Grammar<'_> {
    /// `2013-03-22`, `3/22/2013`, `3/22/13`, `2013/03/22`.
    pub(super) fn numeric_date(&self, i: usize) -> Found {
        let (a, a_len) = self.number(i)?;
        let sep = self.lower(i + 1);
        if !(sep == "-" || sep == "/") || !self.touch(i) || !self.touch(i + 1) {
            return None;
        }
        let (b, _) = self.number(i + 2)?;
        if self.lower(i + 3) != sep || !self.touch(i + 2) || !self.touch(i + 3) {
            return None;
        }
        let (c, c_len) = self.number(i + 4)?;
        let (year, month, day) = if a_len == 4 {
            (a, b, c)
        } else if sep == "/" && (c_len == 4 || c_len == 2) {
            let year = if c_len == 2 {
                if c < 50 { 2000 + c } else { 1900 + c }
            } else {
                c
            };
            // Month first, as US news writes it, unless the first number cannot be a month.
            if a > 12 && b <= 12 {
                (year, b, a)
            } else {
                (year, a, b)
            }
        } else {
            return None;
        };
        if self.touch(i + 4) && matches!(self.lower(i + 5), "-" | "/") {
            return None;
        }
        let date = chrono::NaiveDate::from_ymd_opt(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )?;
        Some((
            i + 5,
            Meaning::Fixed(Period {
                grain: Grain::Day,
                start: date,
            }),
        ))
    }

    /// A month name, accepted only where it cannot be the verb `may` or the noun `march`.
    pub(super) fn month_name(&self, i: usize) -> Option<(usize, u32)> {
        let (month, abbreviated) = lexicon::month(self.word(i))?;
        if !self.capital(i) {
            return None;
        }
        let next = if abbreviated { self.skip_dot(i) } else { i + 1 };
        let followed_by_number = self.number(next).is_some();
        if abbreviated && !followed_by_number && next == i + 1 {
            return None;
        }
        if month == 5 && !abbreviated && !followed_by_number {
            let before = self.word_before(i);
            let dated =
                matches!(
                    before,
                    "in" | "since"
                        | "until"
                        | "till"
                        | "by"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "through"
                        | "during"
                        | "before"
                        | "after"
                        | "from"
                        | "between"
                        | "and"
                        | "or"
                        | "to"
                        | "each"
                        | "every"
                        | "that"
                ) || (i > 0 && self.lower(i - 1) == "-" && self.word(i.saturating_sub(2)) == "mid");
            if !dated {
                return None;
            }
        }
        // `the march`, `a May`: only the months whose names are also common words.
        if !followed_by_number
            && matches!(month, 3 | 5)
            && matches!(self.word_before(i), "the" | "a")
        {
            return None;
        }
        Some((next, month))
    }

    /// A day of the month, `22`, `22nd`, returning the index after it.
    pub(super) fn day_number(&self, i: usize) -> Option<(usize, u32)> {
        let (day, len) = self.number(i)?;
        if len > 2 || !(1..=31).contains(&day) {
            return None;
        }
        let mut next = i + 1;
        if self.touch(i) && lexicon::is_ordinal_suffix(self.word(i + 1)) {
            next = i + 2;
        }
        // Not the hour of `22:30` nor part of `3/22`.
        if next == i + 1
            && self.touch(i)
            && matches!(self.lower(i + 1), ":" | "/" | "." | ",")
            && self.lower(i + 1) != ","
            && self.lower(i + 1) != "."
        {
            return None;
        }
        Some((next, u32::try_from(day).ok()?))
    }

    /// A four-digit year at `i` (1000–2999), returning the index after it.
    pub(super) fn year_number(&self, i: usize) -> Option<(usize, i32)> {
        let (year, len) = self.number(i)?;
        if len != 4 || !(1000..=2999).contains(&year) {
            return None;
        }
        if self.touch(i) && matches!(self.lower(i + 1), ":" | "%" | "," | "." | "s") {
            let next = self.lower(i + 1);
            let continues_number = self.number(i + 2).is_some() && self.touch(i + 1);
            if next == ":" || next == "%" || next == "s" || continues_number {
                return None;
            }
        }
        Some((i + 1, i32::try_from(year).ok()?))
    }

    /// `March 22, 2013`, `March 22`, `March 2013`, `March of 2013`, `March`.
    pub(super) fn month_led(&self, i: usize) -> Found {
        let (after_month, month) = self.month_name(i)?;
        if let Some((after_day, day)) = self.day_number(after_month) {
            let mut k = after_day;
            if self.lower(k) == "," {
                k += 1;
            }
            if let Some((after_year, year)) = self.year_number(k) {
                let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
                return Some((
                    after_year,
                    Meaning::Fixed(Period {
                        grain: Grain::Day,
                        start: date,
                    }),
                ));
            }
            if self.lower(after_day) == ":" {
                return None;
            }
            return Some((
                after_day,
                Meaning::Floating {
                    what: Floating::MonthDay(month, day),
                    shift: None,
                },
            ));
        }
        let mut k = after_month;
        if self.word(k) == "of" || self.lower(k) == "," {
            k += 1;
        }
        if let Some((after_year, year)) = self.year_number(k) {
            let start = chrono::NaiveDate::from_ymd_opt(year, month, 1)?;
            return Some((
                after_year,
                Meaning::Fixed(Period {
                    grain: Grain::Month,
                    start,
                }),
            ));
        }
        Some((
            after_month,
            Meaning::Floating {
                what: Floating::Month(month),
                shift: None,
            },
        ))
    }

    /// `22 March 2013`, `22nd of March`, `the 22nd of March`.
    pub(super) fn day_led(&self, i: usize) -> Found {
        let at = if self.word(i) == "the" { i + 1 } else { i };
        let (mut k, day) = self.day_number(at)?;
        if self.word(k) == "of" {
            k += 1;
        } else if at != i {
            return None;
        }
        let (after_month, month) = self.month_name(k)?;
        let mut k = after_month;
        if self.lower(k) == "," {
            k += 1;
        }
        if let Some((after_year, year)) = self.year_number(k) {
            let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
            return Some((
                after_year,
                Meaning::Fixed(Period {
                    grain: Grain::Day,
                    start: date,
                }),
            ));
        }
        Some((
            after_month,
            Meaning::Floating {
                what: Floating::MonthDay(month, day),
                shift: None,
            },
        ))
    }

    /// `Friday`, `Friday, March 22, 2013`, `Friday 22 March`.
    pub(super) fn weekday_led(&self, i: usize) -> Found {
        let (weekday, plural) = lexicon::weekday(self.word(i))?;
        if !self.capital(i) || plural {
            return None;
        }
        if matches!(
            self.word_before(i),
            "girl" | "man" | "good" | "black" | "cyber" | "super"
        ) && self.capital(i - 1)
        {
            return None;
        }
        // `the Sunday Times`: a capitalised word that is no date goes with the weekday.
        let next = self.word(i + 1);
        if self.capital(i + 1)
            && self.same_sentence(i, i + 1)
            && lexicon::month(next).is_none()
            && lexicon::part_of_day(next).is_none()
        {
            return None;
        }
        let mut k = i + 1;
        if self.lower(k) == "," {
            k += 1;
        }
        if let Some(found) = self.month_led(k).or_else(|| self.day_led(k))
            && matches!(
                found.1,
                Meaning::Fixed(Period {
                    grain: Grain::Day,
                    ..
                }) | Meaning::Floating {
                    what: Floating::MonthDay(..),
                    ..
                }
            )
        {
            return Some(found);
        }
        Some((
            i + 1,
            Meaning::Floating {
                what: Floating::Weekday(weekday),
                shift: None,
            },
        ))
    }

    /// A year on its own: `2013`, `the year 2013`.
    pub(super) fn year(&self, i: usize) -> Found {
        let at = if self.word(i) == "the" && self.word(i + 1) == "year" {
            i + 2
        } else {
            i
        };
        // `in '98`: a two-digit year after a preposition.
        if self.lower(at) == "'" && at == i {
            let (n, 2) = self.number(at + 1)? else {
                return None;
            };
            let dated = matches!(
                self.word_before(i),
                "in" | "since"
                    | "of"
                    | "until"
                    | "by"
                    | "from"
                    | "to"
                    | "early"
                    | "late"
                    | "mid"
                    | "summer"
                    | "spring"
                    | "fall"
                    | "winter"
                    | "autumn"
            );
            if !self.touch(at) || self.plural_s(at + 2).is_some() || !dated {
                return None;
            }
            let year = i32::try_from(if n < 30 { 2000 + n } else { 1900 + n }).ok()?;
            let start = chrono::NaiveDate::from_ymd_opt(year, 1, 1)?;
            return Some((
                at + 2,
                Meaning::Fixed(Period {
                    grain: Grain::Year,
                    start,
                }),
            ));
        }
        let (end, year) = self.year_number(at)?;
        if at == i {
            if i > 0 && matches!(self.lower(i - 1), "$" | "£" | "€" | "#") {
                return None;
            }
            if matches!(
                self.word_before(i),
                "no" | "number" | "flight" | "route" | "room" | "page" | "article" | "resolution"
            ) {
                return None;
            }
            if lexicon::is_counted_noun(self.word(end)) {
                return None;
            }
            if !(1800..=2100).contains(&year) {
                return None;
            }
        }
        let start = chrono::NaiveDate::from_ymd_opt(year, 1, 1)?;
        Some((
            end,
            Meaning::Fixed(Period {
                grain: Grain::Year,
                start,
            }),
        ))
    }

    /// A named holiday: `Christmas`, `New Year's Eve`, `Thanksgiving`, `Good Friday`,
    /// `Labor Day` … (the longest name that matches).
    pub(super) fn holiday(&self, i: usize) -> Found {
        if !self.capital(i) {
            return None;
        }
        let first = self.word(i);
        HOLIDAYS
            .iter()
            .filter(|(words, _)| words[0] == first)
            .filter_map(|(words, what)| {
                let matched = words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.lower(i + k) == *w);
                matched.then_some((i + words.len(), *what))
            })
            .max_by_key(|(end, _)| *end)
            .map(|(end, what)| (end, Meaning::Floating { what, shift: None }))
    }

    /// `summer`, `summer 2013`, `the summer of 2013`, `the spring`.
    pub(super) fn season(&self, i: usize) -> Found {
        let has_the = self.word(i) == "the";
        let at = if has_the { i + 1 } else { i };
        let season = lexicon::season(self.word(at))?;
        let mut k = at + 1;
        if self.word(k) == "of" {
            k += 1;
        }
        if let Some((end, year)) = self.year_number(k) {
            let month = season.start_month();
            let start = chrono::NaiveDate::from_ymd_opt(year, month, 1)?;
            return Some((
                end,
                Meaning::Fixed(Period {
                    grain: Grain::Season(season),
                    start,
                }),
            ));
        }
        if self.word(at + 1) == "of" {
            return None;
        }
        let before = self.word_before(i);
        let dated = matches!(
            before,
            "in" | "since"
                | "until"
                | "by"
                | "during"
                | "through"
                | "this"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "over"
                | "before"
                | "after"
        ) || (i > 0 && self.lower(i - 1) == "-");
        if !dated
            || (season == Season::Fall && !has_the)
            || (self.capital(at)
                && !has_the
                && self.tokens[at].sentence != 0
                && i > 0
                && self.capital(i - 1))
        {
            return None;
        }
        Some((
            at + 1,
            Meaning::Floating {
                what: Floating::Season(season),
                shift: None,
            },
        ))
    }

    /// `the first quarter`, `the fourth quarter of 2012`, `Q3`, `the second half of next
    /// year`, `first-quarter`.
    pub(super) fn quarter(&self, i: usize) -> Found {
        let at = if self.word(i) == "the" { i + 1 } else { i };
        let (n, k, half) = if self.word(at) == "q" && self.touch(at) {
            let (n, _) = self.number(at + 1)?;
            (n, at + 2, false)
        } else if self.word(at) == "h" && self.touch(at) {
            let (n, _) = self.number(at + 1)?;
            (n, at + 2, true)
        } else {
            let (n, after) = match self.word(at) {
                "final" | "last" => (4, at + 1),
                word => match lexicon::ordinal_word(word) {
                    Some(n) => (n, at + 1),
                    None => {
                        let (n, _) = self.number(at)?;
                        if !(self.touch(at) && lexicon::is_ordinal_suffix(self.word(at + 1))) {
                            return None;
                        }
                        (n, at + 2)
                    }
                },
            };
            let after = if self.lower(after) == "-" && self.touch(after - 1) {
                after + 1
            } else {
                after
            };
            match self.word(after) {
                "quarter" => (n, after + 1, false),
                "half" => (if self.word(at) == "last" { 2 } else { n }, after + 1, true),
                _ => return None,
            }
        };
        let limit = if half { 2 } else { 4 };
        if !(1..=limit).contains(&n) {
            return None;
        }
        let n = u32::try_from(n).ok()?;
        let what = if half {
            Floating::Half(n)
        } else {
            Floating::Quarter(n)
        };
        // `of 2012`, `2012`, `of next year`, `of the year`, `of this year`.
        let mut of = k;
        if self.word(of) == "of" {
            of += 1;
        }
        if let Some((after_year, year)) = self.year_number(of) {
            let month = if half {
                (n - 1) * 6 + 1
            } else {
                (n - 1) * 3 + 1
            };
            let start = chrono::NaiveDate::from_ymd_opt(year, month, 1)?;
            let grain = if half { Grain::Half } else { Grain::Quarter };
            return Some((after_year, Meaning::Fixed(Period { grain, start })));
        }
        if self.word(k) == "of" {
            let offset = match (self.word(k + 1), self.word(k + 2)) {
                ("this" | "the", "year") => Some(0),
                ("next", "year") => Some(1),
                ("last", "year") => Some(-1),
                _ => None,
            };
            if let Some(offset) = offset {
                return Some((k + 3, Meaning::InRelativeYear { what, offset }));
            }
        }
        if half && self.word(k) != "of" && at == i {
            return None;
        }
        Some((k, Meaning::Floating { what, shift: None }))
    }

    /// The index after a plural `s` or `'s` that touches the token before `k`
    /// (`1990s`, `1990's`).
    fn plural_s(&self, k: usize) -> Option<usize> {
        if !self.touch(k - 1) {
            return None;
        }
        match self.lower(k) {
            "s" if self.tokens[k].kind == super::super::scan::TokenKind::Word => Some(k + 1),
            "'" if self.word(k + 1) == "s" && self.touch(k) => Some(k + 2),
            _ => None,
        }
    }

    /// `the 1990s`, `the 1980's`, `the '90s`, `the nineties`, `the 1800s`, `the 19th century`.
    pub(super) fn decade(&self, i: usize) -> Found {
        let has_the = self.word(i) == "the";
        let at = if has_the { i + 1 } else { i };
        let (end, grain, year) = if self.lower(at) == "'" {
            let (n, len) = self.number(at + 1)?;
            let end = self.plural_s(at + 2)?;
            if len != 2 || n % 10 != 0 || !self.touch(at) {
                return None;
            }
            let century = if n < 30 { 2000 } else { 1900 };
            (end, Grain::Decade, century + n)
        } else if let Some((n, len)) = self.number(at) {
            if !self.touch(at) {
                return None;
            }
            let plural = self.plural_s(at + 1);
            match self.word(at + 1) {
                // `the 1800s` is a century, but `the 2000s` the decade news means by it.
                _ if plural.is_some() && len == 4 && n % 100 == 0 && n != 2000 => {
                    (plural?, Grain::Century, n)
                }
                _ if plural.is_some() && len == 4 && n % 10 == 0 => (plural?, Grain::Decade, n),
                _ if plural.is_some() && len == 2 && n % 10 == 0 && has_the => (
                    plural?,
                    Grain::Decade,
                    if n < 30 { 2000 + n } else { 1900 + n },
                ),
                suffix if lexicon::is_ordinal_suffix(suffix) && self.word(at + 2) == "century" => {
                    if !(1..=30).contains(&n) {
                        return None;
                    }
                    (at + 3, Grain::Century, (n - 1) * 100)
                }
                _ => return None,
            }
        } else {
            let word = self.word(at);
            if let Some(n) = lexicon::ordinal_word(word).filter(|_| self.word(at + 1) == "century")
            {
                (at + 2, Grain::Century, (n - 1) * 100)
            } else if word == "twenty"
                && self.lower(at + 1) == "-"
                && self.word(at + 2) == "first"
                && self.word(at + 3) == "century"
            {
                (at + 4, Grain::Century, 2000)
            } else {
                let n = match word {
                    "twenties" => 20,
                    "thirties" => 30,
                    "forties" => 40,
                    "fifties" => 50,
                    "sixties" => 60,
                    "seventies" => 70,
                    "eighties" => 80,
                    "nineties" => 90,
                    _ => return None,
                };
                if !has_the {
                    return None;
                }
                (at + 1, Grain::Decade, 1900 + n)
            }
        };
        let start = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, 1, 1)?;
        Some((end, Meaning::Fixed(Period { grain, start })))
    }

    /// `fiscal 2013`, `fiscal year 2013`, `FY2013`, `the 2013 fiscal year`, `this fiscal
    /// year`.
    pub(super) fn fiscal(&self, i: usize) -> Found {
        let fixed = |end, year: i32| -> Found {
            let start = chrono::NaiveDate::from_ymd_opt(year, 1, 1)?;
            Some((
                end,
                Meaning::Fixed(Period {
                    grain: Grain::FiscalYear,
                    start,
                }),
            ))
        };
        let relative = |end, offset| {
            Some((
                end,
                Meaning::Relative {
                    grain: Grain::FiscalYear,
                    offset,
                    from_text: false,
                },
            ))
        };
        let has_the = self.word(i) == "the";
        let at = if has_the { i + 1 } else { i };
        match self.word(at) {
            "fiscal" => {
                let k = if self.word(at + 1) == "year" {
                    at + 2
                } else {
                    at + 1
                };
                if let Some((end, year)) = self.year_number(k) {
                    return fixed(end, year);
                }
                if self.lower(k) == "'" {
                    let (n, 2) = self.number(k + 1)? else {
                        return None;
                    };
                    let year = if n < 50 { 2000 + n } else { 1900 + n };
                    return fixed(k + 2, i32::try_from(year).ok()?);
                }
                None
            }
            "fy" if self.touch(at) => {
                let (end, year) = self.year_number(at + 1)?;
                fixed(end, year)
            }
            "this" | "current" | "next" | "last" | "previous"
                if self.word(at + 1) == "fiscal" && self.word(at + 2) == "year" =>
            {
                let offset = match self.word(at) {
                    "next" => 1,
                    "last" | "previous" => -1,
                    _ => 0,
                };
                relative(at + 3, offset)
            }
            _ => {
                let (end, year) = self.year_number(at)?;
                if self.word(end) == "fiscal" && self.word(end + 1) == "year" {
                    return fixed(end + 2, year);
                }
                None
            }
        }
    }

    /// `the week ended March 9`, `the quarter ending Sept. 30` (the period that holds
    /// the day), `the nine months ended Dec. 31` (a duration).
    pub(super) fn period_ended(&self, i: usize) -> Found {
        if self.word(i) != "the" {
            return None;
        }
        let (k, quantity) = match self.quantity(i + 1) {
            Some((after, quantity)) if lexicon::unit(self.word(after)).is_some() => {
                (after, Some(quantity))
            }
            _ => (i + 1, None),
        };
        let (unit, plural) = lexicon::unit(self.word(k))?;
        if !matches!(self.word(k + 1), "ended" | "ending") {
            return None;
        }
        let (end, day) = self
            .month_led(k + 2)
            .or_else(|| self.day_led(k + 2))
            .or_else(|| self.numeric_date(k + 2))?;
        let day_like = matches!(
            day,
            Meaning::Fixed(Period {
                grain: Grain::Day,
                ..
            }) | Meaning::Floating {
                what: Floating::MonthDay(..),
                ..
            }
        );
        if !day_like {
            return None;
        }
        match quantity {
            Some(quantity) if plural => Some((
                end,
                Meaning::Duration {
                    quantity,
                    unit,
                    span: None,
                },
            )),
            None if !plural => {
                let grain = match unit {
                    Unit::Week => Grain::Week,
                    Unit::Month => Grain::Month,
                    Unit::Quarter => Grain::Quarter,
                    Unit::Year => Grain::Year,
                    _ => return None,
                };
                Some((
                    end,
                    Meaning::Containing {
                        grain,
                        day: Box::new(day),
                    },
                ))
            }
            _ => None,
        }
    }
}
