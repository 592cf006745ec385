//! Finding temporal expressions: a hand-written grammar over the tokens of [`scan`],
//! tried at each token, keeping the longest match and moving past it. Every rule looks a
//! bounded number of tokens ahead, so finding is linear in the text.
//!
//! [`scan`]: super::scan

mod clock;
mod dates;
mod quantities;
mod relative;

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
    /// A day `offset` days from Easter Sunday (`Good Friday` is −2).
    Easter(i8),
    /// The `n`-th `weekday` of `month` (`n` −1 for the last), moved `offset` days:
    /// Thanksgiving is the fourth Thursday of November.
    NthWeekday {
        month: u32,
        weekday: Weekday,
        n: i8,
        offset: i8,
    },
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
    /// The period of size `grain` that holds a day (`the week ended March 9`).
    Containing { grain: Grain, day: Box<Meaning> },
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
            self.period_ended(i),
        ];
        candidates.into_iter().flatten().max_by_key(|(end, _)| *end)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::timex::scan::tokenize;

    /// The text of each mention found in `text`.
    fn extents(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        Grammar::new(&tokens)
            .mentions()
            .iter()
            .map(|m| text[tokens[m.tokens.start].start..tokens[m.tokens.end - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn extents_keep_determiners_and_modifiers_but_not_prepositions() {
        assert_eq!(
            extents("They met on the next day, in early January."),
            ["the next day", "early January"]
        );
        assert_eq!(
            extents("Since 2010, about three years later."),
            ["2010", "about three years later"]
        );
    }

    #[test]
    fn common_words_that_name_months_are_left_alone() {
        assert!(extents("The march went on; she may go.").is_empty());
        assert_eq!(extents("They left in May."), ["May"]);
    }

    #[test]
    fn the_next_week_after_over_is_a_span() {
        let tokens = tokenize("allies over the next week");
        let mentions = Grammar::new(&tokens).mentions();
        assert!(matches!(
            mentions[0].meaning,
            Meaning::Duration {
                span: Some(Span::Future),
                ..
            }
        ));
    }
}
