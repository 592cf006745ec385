//! Finding temporal expressions: a hand-written grammar over the tokens of [`scan`],
//! tried at each token, keeping the longest match and moving past it. Every rule looks a
//! bounded number of tokens ahead, so finding is linear in the text.
//!
//! [`scan`]: super::scan

use chrono::Weekday;

use super::calendar::{Grain, Period, Season};
use super::lexicon::{self, Unit};
use super::scan::{Token, TokenKind};

/// A deictic shift: `this`, `next`, `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    This,
    Next,
    Last,
}

/// How many: a count (`3`), a decimal (`1.5`) or a number left open (`several`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Quantity {
    Count(u64),
    Decimal(String),
    Vague,
}

/// Which side of the reference a duration spans (`the past two weeks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Span {
    Past,
    Future,
}

/// A named day or period whose year the context decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Floating {
    Month(u32),
    MonthDay(u32, u32),
    Weekday(Weekday),
    Weekend,
    Season(Season),
    Quarter(u32),
    Half(u32),
    Easter,
    Thanksgiving,
}

/// A modifier of position inside a period (`early`, `mid-`, `the end of`, `earlier`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Start,
    Mid,
    End,
    /// `earlier this year`: from the period's start to the document date.
    Earlier,
    /// `later this month`: from the document date to the period's end.
    Later,
}

/// What an expression means, before it is resolved against the document date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// A period fixed by the text itself (`March 22, 2013`, `the 1990s`, `fiscal 2013`).
    Fixed(Period),
    /// A named period whose year (or week) the context decides.
    Floating {
        what: Floating,
        shift: Option<Shift>,
    },
    /// A whole named period with an explicit year given by a relative expression
    /// (`the first quarter of next year`): the year `offset` from the reference.
    InRelativeYear { what: Floating, offset: i64 },
    /// The period `offset` steps of `grain` from the document date, or from the date
    /// last mentioned when `from_text` (`the next day`).
    Relative {
        grain: Grain,
        offset: i64,
        from_text: bool,
    },
    /// `three days ago` (`sign` −1 from the document), `two days later` (+1 from the text).
    Offset {
        quantity: Quantity,
        unit: Unit,
        sign: i64,
        from_text: bool,
    },
    /// A length of time, anchored on the document date when `span` is given.
    Duration {
        quantity: Quantity,
        unit: Unit,
        span: Option<Span>,
    },
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
    Reference(&'static str),
    /// A clock time, on the date of `day` when given.
    Clock {
        hour: u32,
        minute: u32,
        day: Option<Box<Meaning>>,
    },
    /// A part of a day (`Friday morning`, `tonight`).
    PartOfDay {
        code: &'static str,
        day: Box<Meaning>,
    },
    /// A recurring time, with its TIMEX3 value.
    Set(String),
}

/// One expression found: its tokens and what it means.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Token range, end exclusive.
    pub tokens: std::ops::Range<usize>,
    pub meaning: Meaning,
    pub position: Option<Position>,
    /// Written with `about`, `around`, `nearly` …
    pub approximate: bool,
}

/// The grammar over one text's tokens.
pub(crate) struct Grammar<'t> {
    tokens: &'t [Token],
}

/// A core match: the token after it and its meaning.
type Found = Option<(usize, Meaning)>;

impl<'t> Grammar<'t> {
    /// A grammar over `tokens`.
    pub(crate) fn new(tokens: &'t [Token]) -> Self {
        Grammar { tokens }
    }

    /// Every expression of the text, in order, none overlapping.
    pub(crate) fn mentions(&self) -> Vec<Mention> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            match self.mention_at(i) {
                Some(mention) if mention.tokens.end > i => {
                    i = mention.tokens.end;
                    found.push(mention);
                }
                _ => i += 1,
            }
        }
        found
    }

    fn mention_at(&self, i: usize) -> Option<Mention> {
        if self.tokens[i].kind == TokenKind::Punct && self.lower(i) != "'" {
            return None;
        }
        let mut j = i;
        let mut approximate = false;
        if let Some(next) = self.approximator(j) {
            approximate = true;
            j = next;
        }
        let mut position = None;
        if self.word(j) == "the"
            && matches!(self.word(j + 1), "early" | "mid" | "late")
            && let Some((next, found)) = self.position(j + 1)
            && let Some((end, meaning)) = self.core(next)
        {
            let (end, meaning) = self.with_part_of_day(end, meaning);
            return Some(Mention {
                tokens: i..end,
                meaning,
                position: Some(found),
                approximate,
            });
        }
        if let Some((next, found)) = self.position(j) {
            position = Some(found);
            j = next;
        }
        let (end, meaning) = self.core(j)?;
        let (end, meaning) = self.with_part_of_day(end, meaning);
        Some(Mention {
            tokens: i..end,
            meaning,
            position,
            approximate,
        })
    }

    // ---- token access ----

    fn lower(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    fn word(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Word => t.lower.as_str(),
            _ => "",
        }
    }

    fn capital(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.capital)
    }

    fn number(&self, i: usize) -> Option<(u64, usize)> {
        match self.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Number => Some((t.number, t.lower.len())),
            _ => None,
        }
    }

    /// Tokens `i` and `i + 1` touch (no space between).
    fn touch(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn same_sentence(&self, i: usize, j: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(j)) {
            (Some(a), Some(b)) => a.sentence == b.sentence,
            _ => false,
        }
    }

    /// The word before token `i`, if in the same sentence.
    fn word_before(&self, i: usize) -> &str {
        if i == 0 || !self.same_sentence(i - 1, i) {
            return "";
        }
        self.word(i - 1)
    }

    /// Skips a `.` that touches token `i` (abbreviations), returning the next index.
    fn skip_dot(&self, i: usize) -> usize {
        if self.lower(i + 1) == "." && self.touch(i) {
            i + 2
        } else {
            i + 1
        }
    }

    // ---- modifiers ----

    fn approximator(&self, i: usize) -> Option<usize> {
        match (self.word(i), self.word(i + 1)) {
            ("about" | "around" | "approximately" | "roughly" | "nearly" | "almost", _) => {
                Some(i + 1)
            }
            ("more" | "less" | "fewer", "than") | ("at", "least") | ("up", "to") => Some(i + 2),
            ("no", "more" | "less") if self.word(i + 2) == "than" => Some(i + 3),
            _ => None,
        }
    }

    fn position(&self, i: usize) -> Option<(usize, Position)> {
        let found = match self.word(i) {
            "early" => (i + 1, Position::Start),
            "late" => (i + 1, Position::End),
            "earlier" => (i + 1, Position::Earlier),
            "later" => (i + 1, Position::Later),
            "mid" if self.lower(i + 1) == "-" => (i + 2, Position::Mid),
            "mid" => (i + 1, Position::Mid),
            "the" | "" => {
                let at = if self.word(i) == "the" { i + 1 } else { i };
                let position = match self.word(at) {
                    "end" | "close" => Position::End,
                    "beginning" | "start" => Position::Start,
                    "middle" => Position::Mid,
                    _ => return None,
                };
                if self.word(at + 1) != "of" {
                    return None;
                }
                (at + 2, position)
            }
            "end" | "beginning" | "start" | "middle" if self.word(i + 1) == "of" => {
                let position = match self.word(i) {
                    "end" => Position::End,
                    "middle" => Position::Mid,
                    _ => Position::Start,
                };
                (i + 2, position)
            }
            _ => return None,
        };
        Some(found)
    }

    // ---- the core alternatives: the longest wins ----

    fn core(&self, i: usize) -> Found {
        let candidates = [
            self.numeric_date(i),
            self.weekday_led(i),
            self.month_led(i),
            self.day_led(i),
            self.year(i),
            self.deictic(i),
            self.shifted(i),
            self.quantity_led(i),
            self.quarter(i),
            self.decade(i),
            self.fiscal(i),
            self.clock(i),
            self.set(i),
            self.holiday(i),
            self.references(i),
            self.season(i),
        ];
        candidates.into_iter().flatten().max_by_key(|(end, _)| *end)
    }

    /// `2013-03-22`, `3/22/2013`, `3/22/13`, `2013/03/22`.
    fn numeric_date(&self, i: usize) -> Found {
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
            (year, a, b)
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
    fn month_name(&self, i: usize) -> Option<(usize, u32)> {
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
        if !followed_by_number && matches!(self.word_before(i), "the" | "a") {
            return None;
        }
        Some((next, month))
    }

    /// A day of the month, `22`, `22nd`, returning the index after it.
    fn day_number(&self, i: usize) -> Option<(usize, u32)> {
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
    fn year_number(&self, i: usize) -> Option<(usize, i32)> {
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
    fn month_led(&self, i: usize) -> Found {
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
    fn day_led(&self, i: usize) -> Found {
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
    fn weekday_led(&self, i: usize) -> Found {
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
    fn year(&self, i: usize) -> Found {
        let at = if self.word(i) == "the" && self.word(i + 1) == "year" {
            i + 2
        } else {
            i
        };
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

    /// `today`, `yesterday`, `tomorrow`, `tonight`, `now`, `recently` …
    fn deictic(&self, i: usize) -> Found {
        let day = |offset| Meaning::Relative {
            grain: Grain::Day,
            offset,
            from_text: false,
        };
        let found = match self.word(i) {
            "today" => (i + 1, day(0)),
            "yesterday" => (i + 1, day(-1)),
            "tomorrow" => (i + 1, day(1)),
            "tonight" => (
                i + 1,
                Meaning::PartOfDay {
                    code: "NI",
                    day: Box::new(day(0)),
                },
            ),
            "now" if self.word(i.wrapping_sub(1)) == "right" && i > 0 => {
                (i + 1, Meaning::Reference("PRESENT_REF"))
            }
            "now" | "currently" | "nowadays" | "presently" => {
                if self.word(i) == "now" && self.lower(i + 1) == "-" && self.touch(i) {
                    return None;
                }
                (i + 1, Meaning::Reference("PRESENT_REF"))
            }
            "right" if self.word(i + 1) == "now" => (i + 2, Meaning::Reference("PRESENT_REF")),
            "recently" | "lately" => (i + 1, Meaning::Reference("PAST_REF")),
            // `midyear`, `mid-year`, `year-end`, `midweek`, `midmonth`.
            "midyear" | "midweek" | "midmonth" => {
                let grain = match self.word(i) {
                    "midweek" => Grain::Week,
                    "midmonth" => Grain::Month,
                    _ => Grain::Year,
                };
                (
                    i + 1,
                    Meaning::Relative {
                        grain,
                        offset: 0,
                        from_text: false,
                    },
                )
            }
            "year" | "week" | "month"
                if self.lower(i + 1) == "-"
                    && self.word(i + 2) == "end"
                    && self.touch(i)
                    && self.touch(i + 1) =>
            {
                let grain = match self.word(i) {
                    "week" => Grain::Week,
                    "month" => Grain::Month,
                    _ => Grain::Year,
                };
                (
                    i + 3,
                    Meaning::Relative {
                        grain,
                        offset: 0,
                        from_text: false,
                    },
                )
            }
            // `the year-earlier quarter`, `a year-ago loss`.
            "year"
                if self.lower(i + 1) == "-"
                    && matches!(self.word(i + 2), "earlier" | "ago")
                    && self.touch(i) =>
            {
                let offset = Meaning::Offset {
                    quantity: Quantity::Count(1),
                    unit: Unit::Year,
                    sign: -1,
                    from_text: false,
                };
                (i + 3, offset)
            }
            "these" if self.word(i + 1) == "days" => (i + 2, Meaning::Reference("PRESENT_REF")),
            "the"
                if self.word(i + 1) == "day" && matches!(self.word(i + 2), "before" | "after") =>
            {
                match self.word(i + 3) {
                    "yesterday" => (i + 4, day(-2)),
                    "tomorrow" => (i + 4, day(2)),
                    "before" => return None,
                    _ => {
                        let offset = if self.word(i + 2) == "before" { -1 } else { 1 };
                        (
                            i + 3,
                            Meaning::Relative {
                                grain: Grain::Day,
                                offset,
                                from_text: true,
                            },
                        )
                    }
                }
            }
            _ => return None,
        };
        Some(found)
    }

    /// A singular unit as a grain (`week` → the ISO week).
    fn unit_grain(unit: Unit) -> Option<Grain> {
        Some(match unit {
            Unit::Day => Grain::Day,
            Unit::Week => Grain::Week,
            Unit::Weekend => Grain::Weekend,
            Unit::Month => Grain::Month,
            Unit::Quarter => Grain::Quarter,
            Unit::Year => Grain::Year,
            Unit::Decade => Grain::Decade,
            Unit::Century => Grain::Century,
            Unit::Second | Unit::Minute | Unit::Hour => return None,
        })
    }

    /// Whether the word before `i` makes a following `the next week` a span of time
    /// (`over the next week`) rather than a calendar week.
    fn spans_after(&self, i: usize) -> bool {
        matches!(
            self.word_before(i),
            "over" | "within" | "during" | "for" | "in" | "throughout" | "through"
        )
    }

    /// `this week`, `last Friday`, `next March`, `the following day`, `the past two
    /// weeks`, `the coming days`, `that night`, `the year`.
    fn shifted(&self, i: usize) -> Found {
        let has_the = self.word(i) == "the";
        let at = if has_the { i + 1 } else { i };
        let shift_word = self.word(at);
        #[derive(PartialEq)]
        enum Kind {
            This,
            That,
            Next,
            Last,
            Following,
            Previous,
            Coming,
            Past,
            First,
            Bare,
        }
        let (kind, target) = match shift_word {
            "this" | "current" if !has_the || shift_word == "current" => (Kind::This, at + 1),
            "that" | "same" if !has_the || shift_word == "same" => (Kind::That, at + 1),
            "next" => (Kind::Next, at + 1),
            "last" if has_the || !Self::is_verb_context(self.word_before(i)) => {
                (Kind::Last, at + 1)
            }
            "following" | "subsequent" if has_the => (Kind::Following, at + 1),
            "previous" | "prior" | "preceding" => (Kind::Previous, at + 1),
            "coming" | "upcoming" => (Kind::Coming, at + 1),
            "past" => (Kind::Past, at + 1),
            "first" | "final" if has_the => (Kind::First, at + 1),
            _ if has_the => (Kind::Bare, at),
            _ => return None,
        };
        // `the past two weeks`, `the next five years`, `the last few days`.
        if matches!(
            kind,
            Kind::Next
                | Kind::Last
                | Kind::Past
                | Kind::Coming
                | Kind::First
                | Kind::Following
                | Kind::Previous
        ) && let Some((after_quantity, quantity)) = self.quantity(target)
            && (quantity != Quantity::Count(1) || self.word(target) != "a")
            && let Some((unit, _)) = lexicon::unit(self.word(after_quantity))
        {
            let span = match kind {
                Kind::Next | Kind::Coming | Kind::Following => Some(Span::Future),
                Kind::Last | Kind::Past | Kind::Previous => Some(Span::Past),
                _ => None,
            };
            let span = if matches!(kind, Kind::Following | Kind::Previous) {
                None
            } else {
                span
            };
            return Some((
                after_quantity + 1,
                Meaning::Duration {
                    quantity,
                    unit,
                    span,
                },
            ));
        }
        let word = self.word(target);
        if let Some((unit, plural)) = lexicon::unit(word) {
            let end = target + 1;
            if plural {
                return match kind {
                    Kind::Coming | Kind::Next if has_the || kind == Kind::Coming => {
                        Some((end, Meaning::Reference("FUTURE_REF")))
                    }
                    Kind::Past | Kind::Last if has_the => Some((
                        end,
                        Meaning::Duration {
                            quantity: Quantity::Vague,
                            unit,
                            span: Some(Span::Past),
                        },
                    )),
                    Kind::Bare if self.word(end) == "ahead" => {
                        Some((end + 1, Meaning::Reference("FUTURE_REF")))
                    }
                    _ => None,
                };
            }
            if unit == Unit::Weekend {
                let shift = match kind {
                    Kind::This => Some(Shift::This),
                    Kind::Next | Kind::Coming | Kind::Following => Some(Shift::Next),
                    Kind::Last | Kind::Past | Kind::Previous => Some(Shift::Last),
                    Kind::Bare | Kind::That => None,
                    Kind::First => return None,
                };
                return Some((
                    end,
                    Meaning::Floating {
                        what: Floating::Weekend,
                        shift,
                    },
                ));
            }
            let grain = Self::unit_grain(unit)?;
            let relative = |offset, from_text| Meaning::Relative {
                grain,
                offset,
                from_text,
            };
            let spanning = |span| Meaning::Duration {
                quantity: Quantity::Count(1),
                unit,
                span: Some(span),
            };
            let meaning = match kind {
                Kind::This => relative(0, false),
                Kind::That => relative(0, true),
                Kind::Next if !has_the => relative(1, false),
                Kind::Last if !has_the => relative(-1, false),
                Kind::Next | Kind::Coming | Kind::Following if self.spans_after(i) => {
                    spanning(Span::Future)
                }
                Kind::Next | Kind::Following => relative(1, true),
                Kind::Coming => relative(1, false),
                Kind::Last | Kind::Past => spanning(Span::Past),
                Kind::Previous => relative(-1, true),
                Kind::Bare
                    if matches!(unit, Unit::Year | Unit::Week | Unit::Month | Unit::Quarter) =>
                {
                    // `the year-end`, `Player of the Year`, `the Latin Quarter`.
                    if self.lower(end) == "-" || self.capital(target) || self.word(end) == "of" {
                        return None;
                    }
                    relative(0, false)
                }
                _ => return None,
            };
            // `the year before`, `the week after`: counted from the date last named.
            if kind == Kind::Bare
                && matches!(self.word(end), "before" | "earlier" | "after" | "later")
            {
                if self
                    .tokens
                    .get(end + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word && self.same_sentence(end, end + 1))
                {
                    return None;
                }
                let offset = if matches!(self.word(end), "before" | "earlier") {
                    -1
                } else {
                    1
                };
                return Some((end + 1, relative(offset, true)));
            }
            return Some((end, meaning));
        }
        if kind == Kind::Bare || kind == Kind::First {
            return None;
        }
        let shift = match kind {
            Kind::This | Kind::That => Shift::This,
            Kind::Next | Kind::Coming | Kind::Following => Shift::Next,
            _ => Shift::Last,
        };
        if let Some((weekday, false)) = lexicon::weekday(word) {
            if !self.capital(target) {
                return None;
            }
            return Some((
                target + 1,
                Meaning::Floating {
                    what: Floating::Weekday(weekday),
                    shift: Some(shift),
                },
            ));
        }
        if let Some((month, false)) = lexicon::month(word) {
            if !self.capital(target) {
                return None;
            }
            return Some((
                target + 1,
                Meaning::Floating {
                    what: Floating::Month(month),
                    shift: Some(shift),
                },
            ));
        }
        if let Some(season) = lexicon::season(word) {
            return Some((
                target + 1,
                Meaning::Floating {
                    what: Floating::Season(season),
                    shift: Some(shift),
                },
            ));
        }
        if let Some(code) = lexicon::part_of_day(word) {
            let (offset, from_text) = match kind {
                Kind::This => (0, false),
                Kind::That => (0, true),
                Kind::Last if code == "NI" || code == "EV" => (-1, false),
                Kind::Previous => (-1, true),
                Kind::Following | Kind::Next if has_the => (1, true),
                _ => return None,
            };
            let day = Meaning::Relative {
                grain: Grain::Day,
                offset,
                from_text,
            };
            return Some((
                target + 1,
                Meaning::PartOfDay {
                    code,
                    day: Box::new(day),
                },
            ));
        }
        None
    }

    /// Whether a word before `last` makes it the verb (`will last two years`).
    fn is_verb_context(before: &str) -> bool {
        matches!(
            before,
            "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "can"
                | "to"
                | "should"
                | "must"
                | "not"
                | "did"
                | "does"
                | "do"
                | "ll"
        )
    }

    /// A quantity at `i`: `3`, `1.5`, `three`, `twenty-five`, `a`, `a few`, `several`,
    /// `a couple of`; returns the index after it.
    fn quantity(&self, i: usize) -> Option<(usize, Quantity)> {
        if let Some((n, _)) = self.number(i) {
            if self.lower(i + 1) == "."
                && self.touch(i)
                && self.touch(i + 1)
                && let Some(_fraction) = self.number(i + 2)
            {
                let text = format!("{}.{}", self.lower(i), self.lower(i + 2));
                return Some((i + 3, Quantity::Decimal(text)));
            }
            // `1,000`: digit groups joined by commas.
            let mut n = n;
            let mut k = i + 1;
            while self.lower(k) == "," && self.touch(k - 1) && self.touch(k) {
                match self.number(k + 1) {
                    Some((group, 3)) => {
                        n = n.saturating_mul(1000).saturating_add(group);
                        k += 2;
                    }
                    _ => break,
                }
            }
            return Some((k, Quantity::Count(n)));
        }
        let word = self.word(i);
        if let Some(n) = lexicon::number_word(word) {
            if self.lower(i + 1) == "-"
                && self.touch(i)
                && let Some(units) = lexicon::number_word(self.word(i + 2)).filter(|u| *u < 10)
            {
                return Some((i + 3, Quantity::Count(n + units)));
            }
            return Some((i + 1, Quantity::Count(n)));
        }
        match (word, self.word(i + 1)) {
            ("a", "couple") if self.word(i + 2) == "of" => Some((i + 3, Quantity::Count(2))),
            ("a", "few") => Some((i + 2, Quantity::Vague)),
            ("a", "dozen") => Some((i + 2, Quantity::Count(12))),
            ("a" | "an" | "one", _) => Some((i + 1, Quantity::Count(1))),
            _ if lexicon::is_vague_quantity(word) => Some((i + 1, Quantity::Vague)),
            _ => None,
        }
    }

    /// `three years`, `10-year`, `two days ago`, `a week later`, `half an hour`,
    /// `24 hours from now`, `for years`.
    fn quantity_led(&self, i: usize) -> Found {
        // `the nine months`, `the two years`: the determiner belongs to the extent.
        if self.word(i) == "the" {
            let (end, meaning) = self.quantity_led(i + 1)?;
            let plural_unit = lexicon::unit(self.word(end - 1)).is_some_and(|(_, plural)| plural);
            return match meaning {
                Meaning::Duration { span: None, .. } if plural_unit => Some((end, meaning)),
                _ => None,
            };
        }
        if self.word(i) == "half" && matches!(self.word(i + 1), "an" | "a") {
            let (unit, false) = lexicon::unit(self.word(i + 2))? else {
                return None;
            };
            let (quantity, unit) = match unit {
                Unit::Hour => (Quantity::Count(30), Unit::Minute),
                Unit::Year => (Quantity::Count(6), Unit::Month),
                Unit::Day => (Quantity::Count(12), Unit::Hour),
                _ => return None,
            };
            return self.after_quantity(i + 3, quantity, unit);
        }
        // A bare plural: `for years`, `years ago`.
        if let Some((unit, true)) = lexicon::unit(self.word(i)) {
            if self.word(i + 1) == "ago" {
                return Some((i + 2, Meaning::Reference("PAST_REF")));
            }
            if matches!(
                self.word_before(i),
                "for" | "within" | "after" | "lasting" | "over" | "be" | "take" | "takes" | "took"
            ) && !matches!(unit, Unit::Second | Unit::Minute | Unit::Weekend)
                && !matches!(self.word(i + 1), "of" | "-")
            {
                return Some((
                    i + 1,
                    Meaning::Duration {
                        quantity: Quantity::Vague,
                        unit,
                        span: None,
                    },
                ));
            }
            return None;
        }
        let (after, quantity) = self.quantity(i)?;
        // Adjectival `10-year`, `two-day`.
        if self.lower(after) == "-" && self.touch(after - 1) && self.touch(after) {
            let (unit, false) = lexicon::unit(self.word(after + 1))? else {
                return None;
            };
            if self.lower(after + 2) == "-" && self.word(after + 3) == "old" {
                return None;
            }
            return Some((
                after + 2,
                Meaning::Duration {
                    quantity,
                    unit,
                    span: None,
                },
            ));
        }
        // `two and a half years`, `a year and a half`.
        let (after, quantity) = match (self.word(after), self.word(after + 1), self.word(after + 2))
        {
            ("and", "a", "half") => match quantity {
                Quantity::Count(n) => (after + 3, Quantity::Decimal(format!("{n}.5"))),
                _ => return None,
            },
            _ => (after, quantity),
        };
        let (unit, plural) = lexicon::unit(self.word(after))?;
        if let (Quantity::Count(n), ("and", "a", "half")) = (
            &quantity,
            (
                self.word(after + 1),
                self.word(after + 2),
                self.word(after + 3),
            ),
        ) {
            let quantity = Quantity::Decimal(format!("{n}.5"));
            return self.after_quantity(after + 4, quantity, unit);
        }
        if plural == matches!(quantity, Quantity::Count(1))
            && !matches!(quantity, Quantity::Decimal(_))
        {
            // `one years`, `three year` (but `three-year` was handled above).
            if !(plural && matches!(quantity, Quantity::Count(1)) && self.word(i) == "one") {
                return None;
            }
        }
        // `a second time`, `a quarter of the vote`: not lengths of time.
        let single = matches!(self.word(i), "a" | "an" | "one");
        if (single && unit == Unit::Second)
            || (unit == Unit::Quarter && self.word(after + 1) == "of")
        {
            return None;
        }
        if matches!(self.word(i), "a" | "an") && self.is_rate(i) {
            return None;
        }
        self.after_quantity(after + 1, quantity, unit)
    }

    /// Whether `a year` at `i` is a rate (`$5 a year`, `twice a week`).
    fn is_rate(&self, i: usize) -> bool {
        if i == 0
            || matches!(
                self.word(i + 2),
                "earlier" | "later" | "ago" | "before" | "after"
            )
        {
            return false;
        }
        let before = self.lower(i - 1);
        self.tokens[i - 1].kind == TokenKind::Number
            || matches!(
                before,
                "%" | "percent"
                    | "times"
                    | "once"
                    | "twice"
                    | "thrice"
                    | "million"
                    | "billion"
                    | "dollars"
            )
    }

    fn after_quantity(&self, end: usize, quantity: Quantity, unit: Unit) -> Found {
        match (self.word(end), self.word(end + 1)) {
            ("ago", _) => {
                if quantity == Quantity::Vague {
                    return Some((end + 1, Meaning::Reference("PAST_REF")));
                }
                Some((
                    end + 1,
                    Meaning::Offset {
                        quantity,
                        unit,
                        sign: -1,
                        from_text: false,
                    },
                ))
            }
            ("later" | "afterwards" | "afterward", _) => Some((
                end + 1,
                Meaning::Offset {
                    quantity,
                    unit,
                    sign: 1,
                    from_text: true,
                },
            )),
            ("earlier", _) | ("before", "that") => Some((
                end + 1,
                Meaning::Offset {
                    quantity,
                    unit,
                    sign: -1,
                    from_text: true,
                },
            )),
            ("from", "now") | ("from", "today") => Some((
                end + 2,
                Meaning::Offset {
                    quantity,
                    unit,
                    sign: 1,
                    from_text: false,
                },
            )),
            ("old", _) => None,
            // `24 hours a day`, `seven days a week`.
            ("a" | "per", next) if lexicon::unit(next).is_some_and(|(_, plural)| !plural) => {
                let (per, _) = lexicon::unit(next)?;
                Some((
                    end + 2,
                    Meaning::Set(Self::duration_value(&Quantity::Count(1), per)),
                ))
            }
            _ => Some((
                end,
                Meaning::Duration {
                    quantity,
                    unit,
                    span: None,
                },
            )),
        }
    }

    /// `the first quarter`, `the fourth quarter of 2012`, `Q3`, `the second half of next
    /// year`, `first-quarter`.
    fn quarter(&self, i: usize) -> Found {
        let at = if self.word(i) == "the" { i + 1 } else { i };
        let (n, mut k, half) = if self.word(at) == "q" && self.touch(at) {
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
        if self.word(k) == "of" {
            k = k.min(self.tokens.len());
        }
        Some((k, Meaning::Floating { what, shift: None }))
    }

    /// `the 1990s`, `the '90s`, `the nineties`, `the 1800s`, `the 19th century`.
    fn decade(&self, i: usize) -> Found {
        let has_the = self.word(i) == "the";
        let at = if has_the { i + 1 } else { i };
        let (end, grain, year) = if self.lower(at) == "'" {
            let (n, len) = self.number(at + 1)?;
            if len != 2 || n % 10 != 0 || !self.touch(at + 1) || self.word(at + 2) != "s" {
                return None;
            }
            let century = if n < 30 { 2000 } else { 1900 };
            (at + 3, Grain::Decade, century + n)
        } else if let Some((n, len)) = self.number(at) {
            if !self.touch(at) {
                return None;
            }
            match self.word(at + 1) {
                // `the 1800s` is a century, but `the 2000s` the decade news means by it.
                "s" if len == 4 && n % 100 == 0 && n != 2000 => (at + 2, Grain::Century, n),
                "s" if len == 4 && n % 10 == 0 => (at + 2, Grain::Decade, n),
                "s" if len == 2 && n % 10 == 0 && has_the => (
                    at + 2,
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
    fn fiscal(&self, i: usize) -> Found {
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

    /// `3 p.m.`, `10:30 a.m. EST`, `14:30`, `noon`, `midnight`, `6 o'clock`, then
    /// optionally the day: `3 p.m. Friday`, `10 a.m. tomorrow`.
    fn clock(&self, i: usize) -> Found {
        let (mut end, hour, minute) = match self.word(i) {
            "noon" | "midday" => (i + 1, 12, 0),
            "midnight" => (i + 1, 24, 0),
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

    /// `a.m.`, `am`, `p.m`, `PM`: the index after it and whether it is afternoon.
    fn meridiem(&self, i: usize) -> Option<(usize, bool)> {
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

    /// `every week`, `each year`, `every Monday`, `daily`, `twice a year`, `Mondays`.
    fn set(&self, i: usize) -> Found {
        let word = self.word(i);
        let simple = match word {
            "daily" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            "quarterly" => Some("P3M"),
            _ => None,
        };
        if let Some(value) = simple {
            return Some((i + 1, Meaning::Set(value.to_owned())));
        }
        if let Some((weekday, true)) = lexicon::weekday(word)
            && self.capital(i)
        {
            let n = weekday.number_from_monday();
            return Some((i + 1, Meaning::Set(format!("XXXX-WXX-{n}"))));
        }
        let times_end = match word {
            "once" | "twice" | "thrice" => Some(i + 1),
            _ => self
                .quantity(i)
                .filter(|(after, q)| {
                    matches!(q, Quantity::Count(_)) && self.word(*after) == "times"
                })
                .map(|(after, _)| after + 1),
        };
        if let Some(k) = times_end {
            if matches!(self.word(k), "a" | "an" | "per" | "each" | "every") {
                let (unit, false) = lexicon::unit(self.word(k + 1))? else {
                    return None;
                };
                return Some((
                    k + 2,
                    Meaning::Set(Self::duration_value(&Quantity::Count(1), unit)),
                ));
            }
            return None;
        }
        if matches!(word, "a" | "an" | "per") && self.is_rate(i) {
            let (unit, false) = lexicon::unit(self.word(i + 1))? else {
                return None;
            };
            return Some((
                i + 2,
                Meaning::Set(Self::duration_value(&Quantity::Count(1), unit)),
            ));
        }
        if !matches!(word, "every" | "each") {
            return None;
        }
        let mut k = i + 1;
        let mut quantity = Quantity::Count(1);
        if self.word(k) == "other" {
            quantity = Quantity::Count(2);
            k += 1;
        } else if let Some((after, q)) = self
            .quantity(k)
            .filter(|(_, q)| matches!(q, Quantity::Count(n) if *n > 1) || *q == Quantity::Vague)
        {
            quantity = q;
            k = after;
        }
        let target = self.word(k);
        if let Some((unit, _)) = lexicon::unit(target) {
            return Some((k + 1, Meaning::Set(Self::duration_value(&quantity, unit))));
        }
        if let Some((weekday, _)) = lexicon::weekday(target) {
            let n = weekday.number_from_monday();
            return Some((k + 1, Meaning::Set(format!("XXXX-WXX-{n}"))));
        }
        if let Some((month, false)) = lexicon::month(target) {
            return Some((k + 1, Meaning::Set(format!("XXXX-{month:02}"))));
        }
        if let Some(season) = lexicon::season(target) {
            let code = match season {
                Season::Spring => "SP",
                Season::Summer => "SU",
                Season::Fall => "FA",
                Season::Winter => "WI",
            };
            return Some((k + 1, Meaning::Set(format!("XXXX-{code}"))));
        }
        if let Some(code) = lexicon::part_of_day(target) {
            return Some((k + 1, Meaning::Set(format!("XXXX-XX-XXT{code}"))));
        }
        None
    }

    /// The TIMEX3 duration value of a quantity of units: `P3D`, `PT2H`, `PXY`, `P2DE`.
    pub(crate) fn duration_value(quantity: &Quantity, unit: Unit) -> String {
        let amount = match quantity {
            Quantity::Count(n) if unit == Unit::Quarter => n.saturating_mul(3).to_string(),
            Quantity::Count(n) => n.to_string(),
            Quantity::Decimal(text) => text.clone(),
            Quantity::Vague => "X".to_owned(),
        };
        let (time, code) = match unit {
            Unit::Second => (true, "S"),
            Unit::Minute => (true, "M"),
            Unit::Hour => (true, "H"),
            Unit::Day => (false, "D"),
            Unit::Week => (false, "W"),
            Unit::Weekend => (false, "WE"),
            Unit::Month | Unit::Quarter => (false, "M"),
            Unit::Year => (false, "Y"),
            Unit::Decade => (false, "DE"),
            Unit::Century => (false, "CE"),
        };
        format!("P{}{amount}{code}", if time { "T" } else { "" })
    }

    /// `Christmas`, `Christmas Eve`, `New Year's Day`, `Thanksgiving`, `Easter` …
    fn holiday(&self, i: usize) -> Found {
        if !self.capital(i) {
            return None;
        }
        let day = |end, month, day| {
            Some((
                end,
                Meaning::Floating {
                    what: Floating::MonthDay(month, day),
                    shift: None,
                },
            ))
        };
        let possessive_day = |k: usize| {
            // `Valentine's Day`: skip `'s`, require `Day`.
            if self.lower(k) == "'" && self.word(k + 1) == "s" && self.word(k + 2) == "day" {
                Some(k + 3)
            } else {
                None
            }
        };
        match self.word(i) {
            "christmas" => match self.word(i + 1) {
                "eve" => day(i + 2, 12, 24),
                "day" => day(i + 2, 12, 25),
                _ => day(i + 1, 12, 25),
            },
            "new"
                if self.word(i + 1) == "year"
                    && self.lower(i + 2) == "'"
                    && self.word(i + 3) == "s" =>
            {
                match self.word(i + 4) {
                    "eve" => day(i + 5, 12, 31),
                    "day" => day(i + 5, 1, 1),
                    _ => day(i + 4, 1, 1),
                }
            }
            "boxing" if self.word(i + 1) == "day" => day(i + 2, 12, 26),
            "halloween" => day(i + 1, 10, 31),
            "valentine" => day(possessive_day(i + 1)?, 2, 14),
            "independence" if self.word(i + 1) == "day" => day(i + 2, 7, 4),
            "thanksgiving" => {
                let end = if self.word(i + 1) == "day" {
                    i + 2
                } else {
                    i + 1
                };
                Some((
                    end,
                    Meaning::Floating {
                        what: Floating::Thanksgiving,
                        shift: None,
                    },
                ))
            }
            "easter" => {
                let end = if self.word(i + 1) == "sunday" {
                    i + 2
                } else {
                    i + 1
                };
                Some((
                    end,
                    Meaning::Floating {
                        what: Floating::Easter,
                        shift: None,
                    },
                ))
            }
            _ => None,
        }
    }

    /// `the past`, `the future`, `the near future`, `the present`, `recent years`; and
    /// `the night` after a preposition (`through the night`), on the day last named.
    fn references(&self, i: usize) -> Found {
        let has_the = self.word(i) == "the";
        let at = if has_the { i + 1 } else { i };
        if let Some(code) = lexicon::part_of_day(self.word(at)) {
            let after_preposition = matches!(
                self.word_before(i),
                "into" | "through" | "during" | "in" | "throughout" | "overnight"
            );
            // `the morning of March 3`, `the night of Friday`.
            if has_the && self.word(at + 1) == "of" {
                let (end, day) = self
                    .weekday_led(at + 2)
                    .or_else(|| self.month_led(at + 2))
                    .or_else(|| self.day_led(at + 2))?;
                return Some((
                    end,
                    Meaning::PartOfDay {
                        code,
                        day: Box::new(day),
                    },
                ));
            }
            if has_the && after_preposition && self.word(at + 1) != "of" {
                let day = Meaning::Relative {
                    grain: Grain::Day,
                    offset: 0,
                    from_text: true,
                };
                return Some((
                    at + 1,
                    Meaning::PartOfDay {
                        code,
                        day: Box::new(day),
                    },
                ));
            }
            return None;
        }
        match (self.word(at), self.word(at + 1)) {
            ("past", next)
                if has_the
                    && lexicon::unit(next).is_none()
                    && self.quantity(at + 1).is_none()
                    && !self.noun_follows(at + 1) =>
            {
                Some((at + 1, Meaning::Reference("PAST_REF")))
            }
            ("recent", "past") if has_the => Some((at + 2, Meaning::Reference("PAST_REF"))),
            ("future", _) if has_the && !self.noun_follows(at + 1) => {
                Some((at + 1, Meaning::Reference("FUTURE_REF")))
            }
            ("near" | "foreseeable" | "distant", "future") if has_the => {
                Some((at + 2, Meaning::Reference("FUTURE_REF")))
            }
            ("present", _) if has_the || self.word_before(i) == "at" => {
                if has_the
                    && !matches!(self.word(at + 1), "" | "and" | "day")
                    && self.lower(at + 1).chars().all(char::is_alphabetic)
                {
                    return None;
                }
                Some((at + 1, Meaning::Reference("PRESENT_REF")))
            }
            ("recent", next) if !has_the => match lexicon::unit(next) {
                Some((_, true)) => Some((at + 2, Meaning::Reference("PAST_REF"))),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether token `i` is a content word (so `the past president`, `the future king`
    /// use `past` and `future` as adjectives).
    fn noun_follows(&self, i: usize) -> bool {
        let word = self.word(i);
        !word.is_empty()
            && self.same_sentence(i - 1, i)
            && !matches!(
                word,
                "and"
                    | "or"
                    | "but"
                    | "is"
                    | "was"
                    | "has"
                    | "had"
                    | "have"
                    | "to"
                    | "when"
                    | "as"
                    | "for"
                    | "in"
                    | "of"
                    | "at"
                    | "on"
                    | "with"
                    | "will"
                    | "would"
                    | "may"
                    | "could"
                    | "are"
                    | "were"
                    | "than"
                    | "that"
                    | "which"
                    | "if"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "the"
                    | "there"
                    | "this"
                    | "these"
                    | "those"
            )
    }

    /// `summer`, `summer 2013`, `the summer of 2013`, `the spring`.
    fn season(&self, i: usize) -> Found {
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

    /// `Friday morning`, `yesterday afternoon`, `tomorrow night`.
    fn with_part_of_day(&self, end: usize, meaning: Meaning) -> (usize, Meaning) {
        let day_like = matches!(
            meaning,
            Meaning::Floating {
                what: Floating::Weekday(_),
                ..
            } | Meaning::Relative {
                grain: Grain::Day,
                ..
            } | Meaning::Floating {
                what: Floating::MonthDay(..),
                ..
            }
        ) || matches!(
            meaning,
            Meaning::Fixed(Period {
                grain: Grain::Day,
                ..
            })
        );
        if !day_like {
            return (end, meaning);
        }
        match lexicon::part_of_day(self.word(end)) {
            Some(code) => (
                end + 1,
                Meaning::PartOfDay {
                    code,
                    day: Box::new(meaning),
                },
            ),
            None => (end, meaning),
        }
    }
}
