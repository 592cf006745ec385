//! Times of day: `3 p.m.`, `10:30 a.m. EST`, `14:45`, `noon`, with the day written
//! after them.

use super::super::calendar::{Grain, Period};
use super::super::lexicon;
use super::{Floating, Found, Grammar, Meaning};

impl Grammar<'_> {
    /// `3 p.m.`, `10:30 a.m. EST`, `14:30`, `noon`, `midnight`, `6 o'clock`, then
    /// optionally the day: `3 p.m. Friday`, `10 a.m. tomorrow`.
    pub(super) fn clock(&self, i: usize) -> Found {
        let (mut end, hour, minute) = match self.word(i) {
            "noon" | "midday" => (i + 1, 12, 0),
            "midnight" => (i + 1, 24, 0),
            // `ten o'clock`
            word if !word.is_empty()
                && self.word(i + 1) == "o"
                && self.lower(i + 2) == "'"
                && self.word(i + 3) == "clock" =>
            {
                let hour = lexicon::number_word(word).filter(|h| (1..=12).contains(h))?;
                (i + 4, u32::try_from(hour).ok()?, 0)
            }
            _ => {
                let (hour, len) = self.number(i)?;
                if len > 2 {
                    // `0800 GMT`
                    if len == 4 && lexicon::is_time_zone(self.word(i + 1)) {
                        let (h, m) = (hour / 100, hour % 100);
                        if h > 23 || m > 59 {
                            return None;
                        }
                        (i + 1, u32::try_from(h).ok()?, u32::try_from(m).ok()?)
                    } else {
                        return None;
                    }
                } else {
                    let mut k = i + 1;
                    let mut minute = 0;
                    let mut has_minutes = false;
                    if matches!(self.lower(k), ":" | ".")
                        && self.touch(i)
                        && self.touch(k)
                        && let Some((m, 2)) = self.number(k + 1)
                    {
                        if m > 59 {
                            return None;
                        }
                        minute = m;
                        has_minutes = true;
                        k += 2;
                    }
                    let meridiem = self.meridiem(k);
                    let (hour, k) = match meridiem {
                        Some((after, pm)) => {
                            if !(1..=12).contains(&hour) {
                                return None;
                            }
                            let hour = match (hour, pm) {
                                (12, false) => 0,
                                (12, true) => 12,
                                (h, true) => h + 12,
                                (h, false) => h,
                            };
                            (hour, after)
                        }
                        None if self.word(k) == "o"
                            && self.lower(k + 1) == "'"
                            && self.word(k + 2) == "clock" =>
                        {
                            if !(1..=12).contains(&hour) {
                                return None;
                            }
                            (hour, k + 3)
                        }
                        None if has_minutes && self.lower(k - 2) == ":" => {
                            if hour > 23 {
                                return None;
                            }
                            (hour, k)
                        }
                        None => return None,
                    };
                    (k, u32::try_from(hour).ok()?, u32::try_from(minute).ok()?)
                }
            }
        };
        if lexicon::is_time_zone(self.word(end)) {
            end += 1;
        } else if self.word(end) == "local" && self.word(end + 1) == "time" {
            end += 2;
        }
        let day = self
            .weekday_led(end)
            .or_else(|| self.month_led(end))
            .or_else(|| self.day_led(end))
            .or_else(|| {
                self.deictic(end)
                    .filter(|(_, m)| matches!(m, Meaning::Relative { .. }))
            });
        if let Some((after, meaning)) = day {
            return Some((
                after,
                Meaning::Clock {
                    hour,
                    minute,
                    day: Some(Box::new(meaning)),
                },
            ));
        }
        Some((
            end,
            Meaning::Clock {
                hour,
                minute,
                day: None,
            },
        ))
    }

    /// A day named at `i` (`Thursday`, `March 3`, `tomorrow`, `New Year's Day`), for a
    /// clock time written before it (`12:15 p.m. on Thursday`).
    pub(crate) fn day_at(&self, i: usize) -> Option<Meaning> {
        let (_, meaning) = self
            .weekday_led(i)
            .or_else(|| self.month_led(i))
            .or_else(|| self.day_led(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.deictic(i))?;
        let day_like = matches!(
            meaning,
            Meaning::Floating {
                what: Floating::Weekday(_) | Floating::MonthDay(..),
                ..
            } | Meaning::Relative {
                grain: Grain::Day,
                ..
            } | Meaning::Fixed(Period {
                grain: Grain::Day,
                ..
            })
        ) || matches!(
            meaning,
            Meaning::Floating {
                what: Floating::Easter(_) | Floating::NthWeekday { .. },
                ..
            }
        );
        day_like.then_some(meaning)
    }

    /// `a.m.`, `am`, `p.m`, `PM`: the index after it and whether it is afternoon.
    pub(super) fn meridiem(&self, i: usize) -> Option<(usize, bool)> {
        let pm = match self.word(i) {
            "am" => return Some((self.skip_dot(i).min(i + 1), false)),
            "pm" => return Some((self.skip_dot(i).min(i + 1), true)),
            "a" => false,
            "p" => true,
            _ => return None,
        };
        if self.lower(i + 1) != "." || self.word(i + 2) != "m" {
            return None;
        }
        let end = if self.lower(i + 3) == "." && self.touch(i + 2) {
            i + 4
        } else {
            i + 3
        };
        Some((end, pm))
    }
}
