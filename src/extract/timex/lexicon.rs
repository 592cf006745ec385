//! The words temporal expressions are made of: month and weekday names, number words,
//! units, seasons, parts of the day, time zones, and the verb forms that give tense.

use chrono::Weekday;

use super::calendar::Season;

/// The unit of a duration or of a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A month from its full name or abbreviation (lower case), with whether it was
/// abbreviated.
pub(crate) fn month(word: &str) -> Option<(u32, bool)> {
    Some(match word {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// A weekday from its name (lower case), singular or plural (`mondays`).
pub(crate) fn weekday(word: &str) -> Option<(Weekday, bool)> {
    let (stem, plural) = match word.strip_suffix('s') {
        Some(stem) if stem.ends_with("day") => (stem, true),
        _ => (word, false),
    };
    let day = match stem {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    };
    Some((day, plural))
}

/// A cardinal number word: `one` … `twenty`, the tens, `a dozen`-like words.
pub(crate) fn number_word(word: &str) -> Option<u64> {
    Some(match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// An ordinal word (`first` … `thirty-first` parts), as a number.
pub(crate) fn ordinal_word(word: &str) -> Option<u64> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Whether a word is the suffix of a digit ordinal: `22nd`, `1st`.
pub(crate) fn is_ordinal_suffix(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th")
}

/// Words that stand for a quantity left unspecified (`several years` → `PXY`).
pub(crate) fn is_vague_quantity(word: &str) -> bool {
    matches!(
        word,
        "several" | "few" | "many" | "some" | "numerous" | "multiple"
    )
}

/// A unit word, with whether it is plural.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// A season word.
pub(crate) fn season(word: &str) -> Option<Season> {
    Some(match word {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A part of the day and its TIMEX3 code (`morning` → `MO`).
pub(crate) fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// A time-zone word written after a clock time (`GMT`, `EST`).
pub(crate) fn is_time_zone(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "et"
            | "pt"
            | "bst"
            | "cet"
            | "cest"
            | "msk"
            | "jst"
            | "ist"
    )
}

/// Words that, just before a year-like number, show it counts something else (`$2000`).
pub(crate) fn is_counted_noun(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "troops"
            | "soldiers"
            | "men"
            | "women"
            | "children"
            | "votes"
            | "jobs"
            | "homes"
            | "percent"
            | "pounds"
            | "dollars"
            | "euros"
            | "miles"
            | "kilometers"
            | "kilometres"
            | "feet"
            | "meters"
            | "metres"
            | "tons"
            | "tonnes"
            | "hours"
            | "points"
            | "shares"
            | "members"
            | "residents"
            | "workers"
            | "students"
            | "cases"
            | "deaths"
    )
}

/// The tense a word signals on its own, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

/// Modal and planning words that point forward.
pub(crate) fn is_future_cue(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "ll"
            | "shall"
            | "would"
            | "planned"
            | "plans"
            | "plan"
            | "scheduled"
            | "expected"
            | "expects"
            | "expect"
            | "upcoming"
            | "due"
            | "intends"
            | "aims"
            | "hopes"
            | "going"
            | "wo"
            | "could"
            | "might"
            | "may"
            | "should"
            | "must"
    )
}

/// Irregular past forms common in news.
const IRREGULAR_PAST: &[&str] = &[
    "said",
    "told",
    "was",
    "were",
    "had",
    "did",
    "went",
    "came",
    "took",
    "made",
    "met",
    "saw",
    "gave",
    "got",
    "left",
    "began",
    "spoke",
    "wrote",
    "held",
    "found",
    "thought",
    "knew",
    "sent",
    "fell",
    "rose",
    "flew",
    "won",
    "lost",
    "paid",
    "sold",
    "bought",
    "brought",
    "ran",
    "struck",
    "led",
    "kept",
    "felt",
    "became",
    "stood",
    "heard",
    "meant",
    "sat",
    "spent",
    "built",
    "drew",
    "broke",
    "chose",
    "drove",
    "ate",
    "forgot",
    "fled",
    "fought",
    "caught",
    "taught",
    "sought",
    "withdrew",
    "grew",
    "threw",
    "shot",
    "hung",
    "slid",
    "swore",
    "woke",
    "arose",
    "overtook",
    "undertook",
    "upheld",
    "wore",
    "tore",
    "stole",
    "froze",
    "rode",
    "sank",
    "began",
    "rang",
    "sang",
    "swam",
    "hid",
    "bit",
    "lay",
    "lit",
    "dealt",
    "meant",
    // Forms shared with the present; news reports use them in the past far more often.
    "cut",
    "hit",
    "put",
    "set",
    "let",
    "shut",
    "quit",
    "spread",
    "cost",
    "hurt",
    "beat",
    "split",
    "cast",
    "burst",
];

/// Words ending in `-ed` that are not past verbs.
const NOT_PAST_ED: &[&str] = &[
    "red",
    "bed",
    "need",
    "speed",
    "shed",
    "hundred",
    "seed",
    "feed",
    "proceed",
    "exceed",
    "succeed",
    "indeed",
    "embed",
    "weed",
    "ted",
    "ned",
    "breed",
    "greed",
    "creed",
    "steed",
    "sled",
    "wed",
    "united",
    "based",
    "naked",
    "sacred",
    "wicked",
    "kindred",
    "bred",
    "led",
    "fled",
    "ed",
    "aged",
    "beloved",
    "learned",
    "alleged",
    "armed",
    "skilled",
    "detailed",
    "limited",
    "advanced",
    "concerned",
    "interested",
    "related",
    "experienced",
    "so-called",
    "unchanged",
    "supposed",
    "tired",
    "worried",
    "pleased",
    "scared",
    "married",
    "retired",
    "talented",
    "varied",
    "unprecedented",
    "unexpected",
];

/// Whether a word is a past-tense verb form (irregular, or regular in `-ed`).
pub(crate) fn is_past_form(word: &str) -> bool {
    if IRREGULAR_PAST.contains(&word) {
        return true;
    }
    word.len() > 4 && word.ends_with("ed") && !NOT_PAST_ED.contains(&word)
}

/// Words that end a clause for the tense search: a verb across one of them governs
/// less often than a verb on the same side of it.
pub(crate) fn is_clause_boundary(token: &str) -> bool {
    matches!(
        token,
        "," | ";"
            | ":"
            | "("
            | ")"
            | "and"
            | "but"
            | "that"
            | "which"
            | "who"
            | "when"
            | "while"
            | "where"
            | "because"
            | "although"
            | "though"
            | "if"
            | "after"
            | "before"
            | "until"
            | "as"
            | "—"
            | "-"
    )
}

/// Function words: after a month name they show it is not a modifier of a noun.
pub(crate) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "but"
            | "to"
            | "in"
            | "of"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "as"
            | "when"
            | "after"
            | "before"
            | "until"
            | "since"
            | "that"
            | "which"
            | "the"
            | "a"
            | "an"
            | "is"
            | "was"
            | "were"
            | "are"
            | "will"
            | "would"
            | "this"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "if"
            | "while"
            | "than"
            | "has"
            | "had"
            | "have"
            | "last"
            | "next"
            | "through"
            | "during"
            | "amid"
            | "despite"
            | "so"
            | "then"
    )
}

/// Auxiliaries after which an `-ed` form is a participle that gives no tense of its own.
pub(crate) fn is_passive_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "be" | "been" | "being" | "is" | "are" | "am" | "to" | "get" | "gets"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_weekdays_are_recognised() {
        assert_eq!(weekday("mondays"), Some((Weekday::Mon, true)));
        assert_eq!(weekday("friday"), Some((Weekday::Fri, false)));
        assert_eq!(weekday("days"), None);
    }

    #[test]
    fn regular_past_forms_exclude_common_nouns() {
        assert!(is_past_form("announced"));
        assert!(is_past_form("said"));
        assert!(!is_past_form("hundred"));
        assert!(!is_past_form("speed"));
    }
}
