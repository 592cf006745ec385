//! Resolving found expressions against the document date: the tense of the sentence
//! places a bare weekday or month, relative expressions count from the document date or
//! from the date the text last mentioned, and each result gets its TIMEX3 value and the
//! EDTF span an event dated by it takes.

use chrono::{Datelike, NaiveDate};

use super::calendar::{self, Grain, Period, day_string};
use super::grammar::{Floating, Grammar, Meaning, Mention, Position, Quantity, Shift, Span};
use super::lexicon::{self, Tense, Unit};
use super::scan::{Token, TokenKind};
use super::tense;
use super::{Timex, TimexType};

/// What the words just before an expression make of its EDTF span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// `as early as January`, `since March`: from then on.
    From,
    /// `by the end of the year`, `until March`: up to then.
    Until,
    /// `some time in May`.
    Around,
}

/// Resolves the mentions of one text in order, remembering the last date it named.
pub(crate) struct Resolver<'t> {
    tokens: &'t [Token],
    document_date: NaiveDate,
    /// The last period the text named, and the sentence it was named in.
    anchor: Option<(Period, u32)>,
}

/// A resolved point or period, with whether its placement was a guess.
struct Placed {
    period: Period,
    guessed: bool,
}

impl<'t> Resolver<'t> {
    /// A resolver for the text of `tokens`, published on `document_date`.
    pub(crate) fn new(tokens: &'t [Token], document_date: NaiveDate) -> Self {
        Resolver {
            tokens,
            document_date,
            anchor: None,
        }
    }

    /// The timex of `mention`, or `None` when it cannot be resolved (a year past 9999).
    pub(crate) fn resolve(&mut self, mention: &Mention) -> Option<Timex> {
        let first = self.tokens.get(mention.tokens.start)?;
        let last = self.tokens.get(mention.tokens.end.checked_sub(1)?)?;
        let range = first.start..last.end;
        let sentence = first.sentence;
        let tense = if self.names_a_month_as_modifier(mention) {
            None
        } else {
            tense::of_mention(self.tokens, mention.tokens.clone())
        };
        let (kind, value, edtf) = match &mention.meaning {
            Meaning::Duration {
                quantity,
                unit,
                span,
            } => {
                let value = Grammar::duration_value(quantity, *unit);
                let edtf = span.and_then(|span| self.duration_span(quantity, *unit, span));
                (TimexType::Duration, value, edtf)
            }
            Meaning::Set(value) => (TimexType::Set, value.clone(), None),
            Meaning::Reference(reference) => {
                let today = day_string(self.document_date);
                let edtf = match *reference {
                    "PAST_REF" => Some(format!("../{today}")),
                    "FUTURE_REF" => Some(format!("{today}/..")),
                    _ => None,
                };
                (TimexType::Date, (*reference).to_owned(), edtf)
            }
            Meaning::Offset {
                quantity: Quantity::Vague | Quantity::Decimal(_),
                sign,
                ..
            } => {
                let reference = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                (TimexType::Date, reference.to_owned(), None)
            }
            Meaning::Clock { hour, minute, day } => {
                let day_after = (self.word(mention.tokens.end) == "on")
                    .then(|| Grammar::new(self.tokens).day_at(mention.tokens.end + 1))
                    .flatten();
                let placed = match day.as_deref().or(day_after.as_ref()) {
                    Some(day) => self.place(day, tense)?,
                    None => Placed {
                        period: self.day_in_sentence(sentence),
                        guessed: false,
                    },
                };
                let value = format!("{}T{hour:02}:{minute:02}", placed.period.timex_value()?);
                let edtf = mark_guess(placed.period.edtf()?, placed.guessed);
                self.anchor = Some((placed.period, sentence));
                (TimexType::Time, value, Some(edtf))
            }
            Meaning::PartOfDay { code, day } => {
                let placed = self.place(day, tense)?;
                let value = format!("{}T{code}", placed.period.timex_value()?);
                let edtf = mark_guess(placed.period.edtf()?, placed.guessed);
                self.anchor = Some((placed.period, sentence));
                (TimexType::Time, value, Some(edtf))
            }
            meaning => {
                let placed = self.place(meaning, tense)?;
                let value = placed.period.timex_value()?;
                let edtf = self.edtf(mention, placed.period, placed.guessed);
                self.anchor = Some((placed.period, sentence));
                (TimexType::Date, value, edtf)
            }
        };
        Some(Timex {
            range,
            kind,
            value,
            edtf,
        })
    }

    /// Whether the mention is a bare month used before a noun (`its August recess`),
    /// which names the nearest such month whatever the tense.
    fn names_a_month_as_modifier(&self, mention: &Mention) -> bool {
        let next = mention.tokens.end;
        matches!(
            mention.meaning,
            Meaning::Floating {
                what: Floating::Month(_),
                shift: None
            }
        ) && self
            .tokens
            .get(next)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.capital)
            && !lexicon::is_function_word(self.word(next))
    }

    /// The day a clock time without a date falls on: the day named earlier in the same
    /// sentence, else the document date.
    fn day_in_sentence(&self, sentence: u32) -> Period {
        match self.anchor {
            Some((period, at)) if at == sentence && period.grain == Grain::Day => period,
            _ => Period {
                grain: Grain::Day,
                start: self.document_date,
            },
        }
    }

    /// The period a date-like meaning names.
    fn place(&self, meaning: &Meaning, tense: Option<Tense>) -> Option<Placed> {
        let sure = |period| {
            Some(Placed {
                period,
                guessed: false,
            })
        };
        match meaning {
            Meaning::Fixed(period) => sure(*period),
            Meaning::Containing { grain, day } => {
                let placed = self.place(day, tense)?;
                Some(Placed {
                    period: Period::containing(*grain, placed.period.start)?,
                    guessed: placed.guessed,
                })
            }
            Meaning::Floating { what, shift } => self.place_floating(*what, *shift, tense),
            Meaning::InRelativeYear { what, offset } => {
                let year = self
                    .document_date
                    .year()
                    .checked_add(i32::try_from(*offset).ok()?)?;
                sure(in_year(*what, year)?)
            }
            Meaning::Relative {
                grain,
                offset,
                from_text,
            } => {
                let base = self.base(*grain, *from_text);
                sure(Period::containing(*grain, base)?.shifted(*offset)?)
            }
            Meaning::Offset {
                quantity: Quantity::Count(n),
                unit,
                sign,
                from_text,
            } => {
                let grain = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => Grain::Day,
                    Unit::Day => Grain::Day,
                    Unit::Week => Grain::Week,
                    Unit::Weekend => Grain::Weekend,
                    Unit::Month => Grain::Month,
                    Unit::Quarter => Grain::Quarter,
                    Unit::Year => Grain::Year,
                    Unit::Decade => Grain::Decade,
                    Unit::Century => Grain::Century,
                };
                let steps = if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                    0
                } else {
                    i64::try_from(*n).ok()?.checked_mul(*sign)?
                };
                let base = self.base(grain, *from_text);
                sure(Period::containing(grain, base)?.shifted(steps)?)
            }
            _ => None,
        }
    }

    /// The date relative expressions count from: the document date, or for
    /// text-anchored ones the last date named if it is at least as fine as `grain`.
    fn base(&self, grain: Grain, from_text: bool) -> NaiveDate {
        match self.anchor {
            Some((period, _)) if from_text && rank(period.grain) <= rank(grain) => period.start,
            _ => self.document_date,
        }
    }

    fn place_floating(
        &self,
        what: Floating,
        shift: Option<Shift>,
        tense: Option<Tense>,
    ) -> Option<Placed> {
        let today = self.document_date;
        match what {
            Floating::Weekday(weekday) => {
                let now = i64::from(today.weekday().num_days_from_monday());
                let target = i64::from(weekday.num_days_from_monday());
                let back = (now - target).rem_euclid(7);
                let ahead = (target - now).rem_euclid(7);
                let (offset, guessed) = match (shift, tense) {
                    (Some(Shift::This), _) => (target - now, false),
                    (Some(Shift::Next), _) => (if ahead == 0 { 7 } else { ahead }, false),
                    (Some(Shift::Last), _) => (-(if back == 0 { 7 } else { back }), false),
                    (None, Some(Tense::Past)) => (-back, false),
                    (None, Some(Tense::Future)) => (ahead, false),
                    (None, None) if back <= ahead => (-back, back != 0),
                    (None, None) => (ahead, true),
                };
                let start = calendar::add_days(today, offset)?;
                Some(Placed {
                    period: Period {
                        grain: Grain::Day,
                        start,
                    },
                    guessed,
                })
            }
            Floating::Weekend => {
                let this = Period::containing(Grain::Weekend, today)?;
                let in_it = today >= this.start;
                let (steps, guessed) = match (shift, tense) {
                    (Some(Shift::This), _) => (0, false),
                    (Some(Shift::Next), _) => (if in_it { 1 } else { 0 }, false),
                    (Some(Shift::Last), _) => (-1, false),
                    (None, _) if in_it => (0, false),
                    (None, Some(Tense::Past)) => (-1, false),
                    (None, Some(Tense::Future)) => (0, false),
                    (None, None) => (
                        if today.weekday().num_days_from_monday() <= 2 {
                            -1
                        } else {
                            0
                        },
                        true,
                    ),
                };
                Some(Placed {
                    period: this.shifted(steps)?,
                    guessed,
                })
            }
            _ => {
                let year = today.year();
                let candidates: Vec<Period> = (-1..=1)
                    .filter_map(|d| year.checked_add(d).and_then(|y| in_year(what, y)))
                    .collect();
                let contains =
                    |p: &Period| p.start <= today && p.last_day().is_some_and(|l| today <= l);
                let latest_started = || candidates.iter().rev().find(|p| p.start <= today).copied();
                let earliest_unfinished = || {
                    candidates
                        .iter()
                        .find(|p| p.last_day().is_some_and(|l| l >= today))
                        .copied()
                };
                let placed = match (shift, tense) {
                    (Some(Shift::This), _) => candidates
                        .iter()
                        .find(|p| contains(p))
                        .or_else(|| candidates.iter().find(|p| p.start.year() == year))
                        .copied()
                        .map(|p| (p, false)),
                    (Some(Shift::Next), _) => candidates
                        .iter()
                        .find(|p| p.start > today)
                        .copied()
                        .map(|p| (p, false)),
                    (Some(Shift::Last), _) => candidates
                        .iter()
                        .rev()
                        .find(|p| p.last_day().is_some_and(|l| l < today))
                        .copied()
                        .map(|p| (p, false)),
                    (None, Some(Tense::Past)) => latest_started().map(|p| (p, false)),
                    (None, Some(Tense::Future)) => earliest_unfinished().map(|p| (p, false)),
                    (None, None) => {
                        if let Some(p) = candidates.iter().find(|p| contains(p)) {
                            Some((*p, false))
                        } else {
                            let distance = |p: &Period| {
                                if p.start > today {
                                    (p.start - today).num_days()
                                } else {
                                    p.last_day().map_or(i64::MAX, |l| (today - l).num_days())
                                }
                            };
                            candidates
                                .iter()
                                .min_by_key(|p| distance(p))
                                .copied()
                                .map(|p| (p, true))
                        }
                    }
                };
                placed.map(|(period, guessed)| Placed { period, guessed })
            }
        }
    }

    fn word(&self, k: usize) -> &str {
        tense::word(self.tokens, k)
    }

    /// The EDTF span of a dated mention: modifiers, the words before it, and `?` for a
    /// guess.
    fn edtf(&self, mention: &Mention, period: Period, guessed: bool) -> Option<String> {
        let (mut text, last) = match mention.position {
            None => (period.edtf()?, period.last_day()?),
            Some(position) => {
                let (from, to, unit) = self.narrowed(period, position)?;
                (interval(from, to, unit), to)
            }
        };
        if mention.approximate {
            text = mark(&text, '~');
        }
        text = mark_guess(text, guessed);
        match self.bound(mention.tokens.start) {
            Some(Bound::From) => {
                let start = text.split('/').next().unwrap_or_default().to_owned();
                Some(format!("{start}/.."))
            }
            Some(Bound::Until) => Some(format!("../{}", day_string(last))),
            Some(Bound::Around) => Some(if mention.approximate {
                text
            } else {
                mark(&text, '~')
            }),
            None => Some(text),
        }
    }

    /// The part of `period` a position modifier keeps, and the unit to write it in.
    fn narrowed(
        &self,
        period: Period,
        position: Position,
    ) -> Option<(NaiveDate, NaiveDate, SubUnit)> {
        let last = period.last_day()?;
        let today = self.document_date;
        match position {
            Position::Earlier => {
                return Some((period.start, today.clamp(period.start, last), SubUnit::Day));
            }
            Position::Later => return Some((today.clamp(period.start, last), last, SubUnit::Day)),
            _ => {}
        }
        let unit = match period.grain {
            Grain::Day | Grain::Week | Grain::Weekend | Grain::Month => SubUnit::Day,
            Grain::Quarter | Grain::Half | Grain::Season(_) | Grain::Year | Grain::FiscalYear => {
                SubUnit::Month
            }
            Grain::Decade | Grain::Century => SubUnit::Year,
        };
        if period.grain == Grain::Day {
            return Some((period.start, last, SubUnit::Day));
        }
        let count = unit.count(period.start, last);
        let third = (count + 2) / 3;
        let (from, to) = match position {
            Position::Start => (0, third - 1),
            Position::End => (count - third, count - 1),
            _ => {
                let to = (count - third - 1).max(third);
                (third.min(to), to)
            }
        };
        Some((
            unit.step(period.start, from)?,
            unit.last_of(period.start, to)?,
            unit,
        ))
    }

    /// Whether the words before token `start` bound the span (`as early as`, `by`) or
    /// blur it (`some time in`).
    fn bound(&self, start: usize) -> Option<Bound> {
        let sentence = self.tokens.get(start)?.sentence;
        let at = |back: usize| -> &str {
            match start.checked_sub(back) {
                Some(k) if self.tokens[k].sentence == sentence => self.word(k),
                _ => "",
            }
        };
        match (at(3), at(2), at(1)) {
            ("as", "early" | "soon", "as") => Some(Bound::From),
            ("no", "later", "than") => Some(Bound::Until),
            ("some", "time", "in" | "on" | "during") | (_, "sometime", "in" | "on" | "during") => {
                Some(Bound::Around)
            }
            (_, _, "sometime") => Some(Bound::Around),
            (_, "starting" | "beginning", "in" | "on" | "from") => Some(Bound::From),
            (_, _, "since" | "starting" | "beginning" | "after") => Some(Bound::From),
            (_, _, "by" | "before" | "until" | "till" | "through") => Some(Bound::Until),
            _ => None,
        }
    }

    /// The EDTF interval `the past two weeks` or `over the next week` covers, from or to
    /// the document date.
    fn duration_span(&self, quantity: &Quantity, unit: Unit, span: Span) -> Option<String> {
        let Quantity::Count(n) = quantity else {
            return None;
        };
        let n = i64::try_from(*n).ok()?;
        let today = self.document_date;
        let months = |m: i64| m.checked_mul(n);
        let moved = |sign: i64| -> Option<NaiveDate> {
            match unit {
                Unit::Day => calendar::add_days(today, sign * n),
                Unit::Week => calendar::add_days(today, sign * n.checked_mul(7)?),
                Unit::Month => calendar::add_months(today, sign * months(1)?),
                Unit::Quarter => calendar::add_months(today, sign * months(3)?),
                Unit::Year => calendar::add_months(today, sign * months(12)?),
                Unit::Decade => calendar::add_months(today, sign * months(120)?),
                Unit::Century => calendar::add_months(today, sign * months(1200)?),
                // Some hours back or ahead of an unknown time of day: the days they touch.
                Unit::Second | Unit::Minute | Unit::Hour => {
                    let seconds = match unit {
                        Unit::Second => 1,
                        Unit::Minute => 60,
                        _ => 3600,
                    };
                    let days = n.checked_mul(seconds)?.checked_add(86_399)? / 86_400;
                    calendar::add_days(today, sign * days.checked_add(1)?)
                }
                Unit::Weekend => None,
            }
        };
        let (from, to) = match span {
            Span::Past => (moved(-1)?.succ_opt()?, today),
            Span::Future => (today, moved(1)?.pred_opt()?.max(today)),
        };
        if !(0..=9999).contains(&from.year()) || !(0..=9999).contains(&to.year()) {
            return None;
        }
        if from == to {
            return Some(day_string(from));
        }
        Some(format!("{}/{}", day_string(from), day_string(to)))
    }
}

/// The unit an interval of a modified period is written in.
#[derive(Debug, Clone, Copy)]
enum SubUnit {
    Day,
    Month,
    Year,
}

impl SubUnit {
    fn count(self, from: NaiveDate, to: NaiveDate) -> i64 {
        match self {
            SubUnit::Day => (to - from).num_days() + 1,
            SubUnit::Month => {
                (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month())
                    - i64::from(from.month())
                    + 1
            }
            SubUnit::Year => i64::from(to.year()) - i64::from(from.year()) + 1,
        }
    }

    fn step(self, start: NaiveDate, n: i64) -> Option<NaiveDate> {
        match self {
            SubUnit::Day => calendar::add_days(start, n),
            SubUnit::Month => calendar::add_months(start, n),
            SubUnit::Year => calendar::add_months(start, n.checked_mul(12)?),
        }
    }

    /// The last day of the `n`-th unit from `start`.
    fn last_of(self, start: NaiveDate, n: i64) -> Option<NaiveDate> {
        self.step(start, n.checked_add(1)?)?.pred_opt()
    }
}

/// An EDTF interval written in `unit`.
fn interval(from: NaiveDate, to: NaiveDate, unit: SubUnit) -> String {
    match unit {
        SubUnit::Day if from == to => day_string(from),
        SubUnit::Day => format!("{}/{}", day_string(from), day_string(to)),
        SubUnit::Month if calendar::month_string(from) == calendar::month_string(to) => {
            calendar::month_string(from)
        }
        SubUnit::Month => format!(
            "{}/{}",
            calendar::month_string(from),
            calendar::month_string(to)
        ),
        SubUnit::Year => format!("{:04}/{:04}", from.year(), to.year()),
    }
}

/// Appends an EDTF qualifier (`~`, `?`) to each end of a date or interval.
/// Approximate and uncertain together are written `%`.
fn mark(text: &str, qualifier: char) -> String {
    text.split('/')
        .map(|part| {
            let other = if qualifier == '~' { '?' } else { '~' };
            if part == ".." || part.ends_with(qualifier) || part.ends_with('%') {
                part.to_owned()
            } else if let Some(bare) = part.strip_suffix(other) {
                format!("{bare}%")
            } else {
                format!("{part}{qualifier}")
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn mark_guess(text: String, guessed: bool) -> String {
    if guessed { mark(&text, '?') } else { text }
}

/// How fine a grain is, for deciding whether the last date named can anchor it.
fn rank(grain: Grain) -> u8 {
    match grain {
        Grain::Day => 0,
        Grain::Week | Grain::Weekend => 1,
        Grain::Month => 2,
        Grain::Quarter | Grain::Half | Grain::Season(_) => 3,
        Grain::Year | Grain::FiscalYear => 4,
        Grain::Decade => 5,
        Grain::Century => 6,
    }
}

/// The period a floating name takes in a given year.
fn in_year(what: Floating, year: i32) -> Option<Period> {
    let period = |grain, month, day| {
        NaiveDate::from_ymd_opt(year, month, day).map(|start| Period { grain, start })
    };
    match what {
        Floating::Month(month) => period(Grain::Month, month, 1),
        Floating::MonthDay(month, day) => period(Grain::Day, month, day),
        Floating::Season(season) => period(Grain::Season(season), season.start_month(), 1),
        Floating::Quarter(q) => period(Grain::Quarter, (q - 1) * 3 + 1, 1),
        Floating::Half(h) => period(Grain::Half, (h - 1) * 6 + 1, 1),
        Floating::Easter(offset) => {
            let day = calendar::add_days(calendar::easter(year)?, i64::from(offset))?;
            Some(Period {
                grain: Grain::Day,
                start: day,
            })
        }
        Floating::NthWeekday {
            month,
            weekday,
            n,
            offset,
        } => {
            let day = if n < 0 {
                let last = calendar::last_day_of_month(year, month)?;
                let back = (last.weekday().num_days_from_monday() + 7
                    - weekday.num_days_from_monday())
                    % 7;
                calendar::add_days(last, -i64::from(back))?
            } else {
                calendar::nth_weekday(year, month, weekday, u8::try_from(n).ok()?)?
            };
            let day = calendar::add_days(day, i64::from(offset))?;
            Some(Period {
                grain: Grain::Day,
                start: day,
            })
        }
        Floating::Weekday(_) | Floating::Weekend => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::timex::tag;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
    }

    /// Value and EDTF of the first expression of `text`.
    fn first(text: &str, published: NaiveDate) -> (String, Option<String>) {
        let found = tag(text, published);
        let timex = found.first().expect("an expression is found");
        (timex.value.clone(), timex.edtf.clone())
    }

    #[test]
    fn a_weekday_that_is_the_documents_own_is_the_document_date() {
        // 2022-01-01 is a Saturday.
        assert_eq!(
            first("Crowds gathered on Saturday.", date(2022, 1, 1)).0,
            "2022-01-01"
        );
        assert_eq!(
            first("Crowds will gather on Saturday.", date(2022, 1, 1)).0,
            "2022-01-01"
        );
        assert_eq!(
            first("They met last Saturday.", date(2022, 1, 1)).0,
            "2021-12-25"
        );
    }

    #[test]
    fn an_untensed_weekday_takes_the_nearest_and_is_marked_uncertain() {
        assert_eq!(
            first("Friday: talks.", date(2022, 1, 1)),
            ("2021-12-31".into(), Some("2021-12-31?".into()))
        );
    }

    #[test]
    fn bounds_open_the_edtf_interval() {
        let published = date(2022, 1, 1);
        assert_eq!(
            first("It could come as early as January.", published)
                .1
                .as_deref(),
            Some("2022-01/..")
        );
        assert_eq!(
            first("It will be done by the end of the year.", published)
                .1
                .as_deref(),
            Some("../2022-12-31")
        );
        assert_eq!(
            first("It will start sometime in March.", published)
                .1
                .as_deref(),
            Some("2022-03~")
        );
        assert_eq!(first("It lasted about a week.", published).1, None);
    }

    #[test]
    fn position_modifiers_narrow_the_edtf_to_a_third() {
        let published = date(2022, 1, 1);
        assert_eq!(
            first("It will open in early March.", published)
                .1
                .as_deref(),
            Some("2022-03-01/2022-03-11")
        );
        assert_eq!(
            first("It will open in late 2022.", published).1.as_deref(),
            Some("2022-09/2022-12")
        );
        assert_eq!(
            first("It will open later this month.", published)
                .1
                .as_deref(),
            Some("2022-01-01/2022-01-31")
        );
    }

    #[test]
    fn spans_of_durations_end_or_start_at_the_document_date() {
        let published = date(2022, 1, 1);
        assert_eq!(
            first("They met over the past two weeks.", published)
                .1
                .as_deref(),
            Some("2021-12-19/2022-01-01")
        );
        assert_eq!(
            first("They will meet over the next week.", published)
                .1
                .as_deref(),
            Some("2022-01-01/2022-01-07")
        );
        assert_eq!(
            first("Next week they meet.", published).1.as_deref(),
            Some("2022-01-03/2022-01-09")
        );
    }
}
