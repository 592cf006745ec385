//! Expressions relative to the document or to the text: `today`, `last week`, `the
//! next day`, `the past two weeks`, `the coming days`, `now`, `the past`.

use super::super::calendar::Grain;
use super::super::lexicon::{self, Unit};
use super::super::scan::TokenKind;
use super::{Floating, Found, Grammar, Meaning, Quantity, Shift, Span};

impl Grammar<'_> {
    /// `today`, `yesterday`, `tomorrow`, `tonight`, `now`, `recently` …
    pub(super) fn deictic(&self, i: usize) -> Found {
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
    pub(super) fn unit_grain(unit: Unit) -> Option<Grain> {
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
    pub(super) fn spans_after(&self, i: usize) -> bool {
        matches!(
            self.word_before(i),
            "over" | "within" | "during" | "for" | "in" | "throughout" | "through"
        )
    }

    /// `this week`, `last Friday`, `next March`, `the following day`, `the past two
    /// weeks`, `the coming days`, `that night`, `the year`.
    pub(super) fn shifted(&self, i: usize) -> Found {
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
            // `this past weekend`: the one just gone.
            "this" if !has_the && self.word(at + 1) == "past" => (Kind::Last, at + 2),
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
            // `the next hour`, `the past 30 minutes` are spans; hours name no calendar period.
            let Some(grain) = Self::unit_grain(unit) else {
                let span = match kind {
                    Kind::Next | Kind::Coming | Kind::Following if has_the => Span::Future,
                    Kind::Past | Kind::Last if has_the => Span::Past,
                    _ => return None,
                };
                let quantity = Quantity::Count(1);
                return Some((
                    end,
                    Meaning::Duration {
                        quantity,
                        unit,
                        span: Some(span),
                    },
                ));
            };
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
    pub(super) fn is_verb_context(before: &str) -> bool {
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

    /// `the past`, `the future`, `the near future`, `the present`, `recent years`; and
    /// `the night` after a preposition (`through the night`), on the day last named.
    pub(super) fn references(&self, i: usize) -> Found {
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
    pub(super) fn noun_follows(&self, i: usize) -> bool {
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
}
