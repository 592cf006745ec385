//! Quantities of time: durations (`three years`, `10-year`), offsets (`two days ago`,
//! `a week later`) and recurring times (`every week`, `twice a year`).

use super::super::calendar::Season;
use super::super::lexicon::{self, Unit};
use super::super::scan::TokenKind;
use super::{Found, Grammar, Meaning, Quantity};

impl Grammar<'_> {
    /// A quantity at `i`: `3`, `1.5`, `three`, `twenty-five`, `a`, `a few`, `several`,
    /// `a couple of`; returns the index after it.
    pub(super) fn quantity(&self, i: usize) -> Option<(usize, Quantity)> {
        if let Some((n, _)) = self.number(i) {
            if self.lower(i + 1) == "."
                && self.touch(i)
                && self.touch(i + 1)
                && self.number(i + 2).is_some()
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
    pub(super) fn quantity_led(&self, i: usize) -> Found {
        // `the nine months`, `the two years`: the determiner belongs to the extent.
        if self.word(i) == "the" {
            // One level only: `the the the …` must not recurse token by token.
            if self.word(i + 1) == "the" {
                return None;
            }
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
        // `year-long`, `months-long`: a length written as an adjective.
        if let Some((unit, plural)) = lexicon::unit(self.word(i))
            && self.lower(i + 1) == "-"
            && self.touch(i)
            && self.touch(i + 1)
            && self.word(i + 2) == "long"
        {
            let quantity = if plural {
                Quantity::Vague
            } else {
                Quantity::Count(1)
            };
            return Some((
                i + 3,
                Meaning::Duration {
                    quantity,
                    unit,
                    span: None,
                },
            ));
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
        // `a year-long strike` is `year-long`, `a 10-year-old` no length at all.
        if self.lower(after + 1) == "-"
            && self.touch(after)
            && matches!(self.word(after + 2), "long" | "old")
        {
            return None;
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
    pub(super) fn is_rate(&self, i: usize) -> bool {
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

    pub(super) fn after_quantity(&self, end: usize, quantity: Quantity, unit: Unit) -> Found {
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

    /// `every week`, `each year`, `every Monday`, `daily`, `twice a year`, `Mondays`.
    pub(super) fn set(&self, i: usize) -> Found {
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
            // `every Sunday night`
            if let Some(code) = lexicon::part_of_day(self.word(k + 1)) {
                return Some((k + 2, Meaning::Set(format!("XXXX-WXX-{n}T{code}"))));
            }
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
}
