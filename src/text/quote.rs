//! Finding a quote in the paragraph it cites as a reader would: every run of whitespace
//! equals any other, straight and curly quote marks are equal (`'` `‘` `’` `‚` `‛` `‹`
//! `›`, and `"` `“` `”` `„` `‟` `«` `»`), and an abridged quote (`…`, `...`, `[…]` or
//! `[...]` between its parts) matches its parts in order, any text between them.
//!
//! Every search is linear in the paragraph and allocates only in proportion to the
//! quote: a paragraph may be a hundred megabytes.

use std::fmt;
use std::ops::Range;

/// The character `c` is compared as: one mark for every single quote mark, one for every
/// double quote mark, a space for any whitespace.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' => '"',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// The characters of `text` from byte `at` as compared: each with its byte range in
/// `text`, a run of whitespace as one space spanning the run.
struct Folded<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for Folded<'_> {
    type Item = (Range<usize>, char);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.at;
        let c = self.text.get(start..)?.chars().next()?;
        let mut end = start + c.len_utf8();
        let folded = fold(c);
        if folded == ' ' {
            end += self.text[end..]
                .chars()
                .take_while(|d| d.is_whitespace())
                .map(char::len_utf8)
                .sum::<usize>();
        }
        self.at = end;
        Some((start..end, folded))
    }
}

fn folded(text: &str, at: usize) -> Folded<'_> {
    Folded { text, at }
}

/// One part of a quote as compared: its characters folded, the whitespace at its ends
/// dropped, with the character written at each place (for saying where it differs).
struct Part {
    folded: Vec<char>,
    written: Vec<char>,
}

impl Part {
    fn new(text: &str) -> Self {
        let text = text.trim();
        let mut part = Part {
            folded: Vec::new(),
            written: Vec::new(),
        };
        for (range, c) in folded(text, 0) {
            part.folded.push(c);
            part.written.push(text[range].chars().next().unwrap_or(c));
        }
        part
    }
}

/// The parts of an abridged quote, between its ellipses; `None` if it has none.
fn abridged_parts(quote: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut rest = quote;
    loop {
        let next = [
            rest.find('…').map(|i| (i, '…'.len_utf8())),
            rest.find("...").map(|i| (i, 3)),
        ]
        .into_iter()
        .flatten()
        .min();
        let Some((at, len)) = next else { break };
        parts.push(&rest[..at]);
        rest = &rest[at + len..];
    }
    if parts.is_empty() {
        return None;
    }
    parts.push(rest);
    // `[…]` is an ellipsis too: drop the brackets around each one.
    let count = parts.len();
    for (i, part) in parts.iter_mut().enumerate() {
        let mut trimmed = part.trim();
        if i > 0 {
            trimmed = trimmed.strip_prefix(']').unwrap_or(trimmed);
        }
        if i + 1 < count {
            trimmed = trimmed.strip_suffix('[').unwrap_or(trimmed);
        }
        *part = trimmed;
    }
    parts.retain(|p| !p.trim().is_empty());
    Some(parts)
}

/// The failure function of Knuth–Morris–Pratt over `needle`: for each prefix, the length
/// of its longest proper prefix that is also its suffix.
fn failure(needle: &[char]) -> Vec<usize> {
    let mut fail = vec![0; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = fail[k - 1];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        fail[i] = k;
    }
    fail
}

/// Each match of `needle` in `text` from byte `from`, in order (overlapping ones too), as
/// byte ranges of `text`; `visit` returns false to stop. One pass, memory O(needle).
fn each_match(
    text: &str,
    from: usize,
    needle: &[char],
    mut visit: impl FnMut(Range<usize>) -> bool,
) {
    let m = needle.len();
    if m == 0 {
        return;
    }
    let fail = failure(needle);
    // The starts of the last `m` characters compared, to find where a match began.
    let mut starts = vec![0; m];
    let mut k = 0;
    for (i, (range, c)) in folded(text, from).enumerate() {
        starts[i % m] = range.start;
        while k > 0 && needle[k] != c {
            k = fail[k - 1];
        }
        if needle[k] == c {
            k += 1;
        }
        if k == m {
            if !visit(starts[(i + 1 - m) % m]..range.end) {
                return;
            }
            k = fail[m - 1];
        }
    }
}

/// The first match of `needle` in `text` from byte `from`. When the needle starts with
/// characters that only match themselves, their plain occurrences are the candidates,
/// each compared in full, until the comparing has cost as much as one pass; the rest is
/// one pass of [`each_match`]. Either way linear in `text`, at memchr's speed when the
/// quote is where it is rare.
fn first_match(text: &str, from: usize, needle: &[char]) -> Option<Range<usize>> {
    let literal: String = needle
        .iter()
        .take_while(|&&c| !matches!(c, ' ' | '\'' | '"'))
        .collect();
    if literal.len() < 3 {
        return every_match_from(text, from, needle);
    }
    let mut budget = text.len() - from.min(text.len()) + 4096;
    let finder = memchr::memmem::Finder::new(literal.as_bytes());
    for found in finder.find_iter(&text.as_bytes()[from.min(text.len())..]) {
        let start = from + found;
        let mut end = start;
        let mut compared = 0;
        let mut chars = folded(text, start);
        let whole = needle.iter().all(|&wanted| {
            compared += 1;
            match chars.next() {
                Some((range, c)) if c == wanted => {
                    end = range.end;
                    true
                }
                _ => false,
            }
        });
        if whole {
            return Some(start..end);
        }
        budget = budget.saturating_sub(compared);
        if budget == 0 {
            return every_match_from(text, start, needle);
        }
    }
    None
}

/// The first match of `needle` from byte `from`, by one pass of [`each_match`].
fn every_match_from(text: &str, from: usize, needle: &[char]) -> Option<Range<usize>> {
    let mut found = None;
    each_match(text, from, needle, |range| {
        found = Some(range);
        false
    });
    found
}

/// Finds `quote` in `paragraph` by the rules of this module. Returns the byte range of
/// the match in `paragraph`: for an abridged quote, from its first part to its last.
pub fn find_quote(paragraph: &str, quote: &str) -> Option<Range<usize>> {
    let trimmed = quote.trim();
    if trimmed.is_empty() {
        return None;
    }
    if let Some(start) = memchr::memmem::find(paragraph.as_bytes(), trimmed.as_bytes()) {
        return Some(start..start + trimmed.len());
    }
    if let Some(found) = first_match(paragraph, 0, &Part::new(trimmed).folded) {
        return Some(found);
    }
    let parts = abridged_parts(trimmed).filter(|parts| !parts.is_empty())?;
    // The earliest match of each part after the one before: if any order fits, this does.
    let mut start = None;
    let mut at = 0;
    for part in parts {
        let found = first_match(paragraph, at, &Part::new(part).folded)?;
        start.get_or_insert(found.start);
        at = found.end;
    }
    Some(start.unwrap_or(0)..at)
}

/// How many places the first word of a quote not found is compared from.
const MAX_CANDIDATES: usize = 1_000;

/// How many characters are compared in all when looking for the closest match.
const MAX_COMPARED: usize = 1 << 20;

/// Where a quote not found differs from the closest text in its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The end of the text that matches, as written in the paragraph (at most 40
    /// characters, `…` before when cut).
    pub matched: String,
    /// The quote's character where they differ.
    pub quote: char,
    /// The paragraph's character there, or `None` where the paragraph ends.
    pub paragraph: Option<char>,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "closest: {:?} differs at {:?} (quote) vs ",
            self.matched, self.quote
        )?;
        match self.paragraph {
            Some(c) => write!(f, "{c:?} (paragraph)"),
            None => f.write_str("the paragraph's end"),
        }
    }
}

/// For a quote [`find_quote`] does not find: where the longest match in `paragraph`
/// of the first part not found stops. Candidates are the places its first word is found;
/// the work is bounded ([`MAX_CANDIDATES`], [`MAX_COMPARED`]), so the answer is the
/// closest among the first candidates of a very repetitive paragraph. `None` if even
/// the first word is not in the paragraph, or the quote is found.
pub fn closest_difference(paragraph: &str, quote: &str) -> Option<Difference> {
    let trimmed = quote.trim();
    // The first part not found after the ones before; an unabridged quote is one part.
    let (part, from) = if find_quote(paragraph, trimmed).is_some() {
        return None;
    } else if let Some(parts) = abridged_parts(trimmed) {
        let mut at = 0;
        let mut missing = None;
        for text in parts {
            let part = Part::new(text);
            match first_match(paragraph, at, &part.folded) {
                Some(found) => at = found.end,
                None => {
                    missing = Some(part);
                    break;
                }
            }
        }
        (missing?, at)
    } else {
        (Part::new(trimmed), 0)
    };
    let word_len = part
        .folded
        .iter()
        .position(|&c| c == ' ')
        .unwrap_or(part.folded.len());
    let mut best: Option<(usize, Range<usize>, Option<char>)> = None;
    let (mut candidates, mut compared) = (0, 0);
    each_match(paragraph, from, &part.folded[..word_len], |word| {
        let mut same = 0;
        let mut stop = (paragraph.len(), None);
        for ((range, c), &wanted) in folded(paragraph, word.start).zip(&part.folded) {
            if c != wanted {
                stop = (range.start, paragraph[range].chars().next());
                break;
            }
            same += 1;
            stop.0 = range.end;
        }
        compared += same + 1;
        candidates += 1;
        if best.as_ref().is_none_or(|(longest, ..)| same > *longest) {
            best = Some((same, word.start..stop.0, stop.1));
        }
        candidates < MAX_CANDIDATES && compared < MAX_COMPARED
    });
    let (same, matched, paragraph_char) = best?;
    let quote_char = *part.written.get(same)?;
    let text = &paragraph[matched];
    let count = text.chars().count();
    let matched = if count > 40 {
        let tail: String = text.chars().skip(count - 39).collect();
        format!("…{tail}")
    } else {
        text.to_string()
    };
    Some(Difference {
        matched,
        quote: quote_char,
        paragraph: paragraph_char,
    })
}

/// A paragraph as compared, for looking up many quotes in it: each character folded, a
/// run of whitespace one space. As large as the paragraph, built once for all its quotes.
pub struct FoldedParagraph(String);

impl FoldedParagraph {
    /// `paragraph`, folded.
    pub fn new(paragraph: &str) -> Self {
        FoldedParagraph(folded(paragraph, 0).map(|(_, c)| c).collect())
    }

    /// For each of `quotes`, whether [`find_quote`] finds it in the paragraph: one pass over
    /// the paragraph for all the quotes (Aho–Corasick), and for an abridged quote not
    /// found whole, one substring search per part.
    pub fn find_all(&self, quotes: &[&str]) -> Vec<bool> {
        let needles: Vec<String> = quotes
            .iter()
            .map(|q| Part::new(q).folded.into_iter().collect())
            .collect();
        // Each distinct needle once; an empty one is never found.
        let mut ids: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let mut patterns: Vec<&str> = Vec::new();
        let pattern_of: Vec<Option<usize>> = needles
            .iter()
            .map(|n| {
                (!n.is_empty()).then(|| {
                    *ids.entry(n.as_str()).or_insert_with(|| {
                        patterns.push(n.as_str());
                        patterns.len() - 1
                    })
                })
            })
            .collect();
        let mut seen = vec![false; patterns.len()];
        if !patterns.is_empty()
            && let Ok(automaton) = aho_corasick::AhoCorasick::new(&patterns)
        {
            let mut left = patterns.len();
            for found in automaton.find_overlapping_iter(&self.0) {
                let id = found.pattern().as_usize();
                if !seen[id] {
                    seen[id] = true;
                    left -= 1;
                    if left == 0 {
                        break;
                    }
                }
            }
        }
        quotes
            .iter()
            .zip(pattern_of)
            .map(|(quote, id)| id.is_some_and(|id| seen[id]) || self.contains_abridged(quote))
            .collect()
    }

    /// Whether the parts of an abridged `quote` stand in the paragraph in order.
    fn contains_abridged(&self, quote: &str) -> bool {
        let Some(parts) = abridged_parts(quote.trim()).filter(|parts| !parts.is_empty()) else {
            return false;
        };
        // A match of valid UTF-8 in valid UTF-8 starts and ends on whole characters.
        let mut at = 0;
        parts.into_iter().all(|part| {
            let needle: String = Part::new(part).folded.into_iter().collect();
            match memchr::memmem::find(&self.0.as_bytes()[at..], needle.as_bytes()) {
                Some(found) => {
                    at += found + needle.len();
                    true
                }
                None => false,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_is_found_across_different_whitespace() {
        let para = "Biden  told\nPutin on Thursday that";
        let range = find_quote(para, "told Putin on   Thursday").unwrap();
        assert_eq!(&para[range], "told\nPutin on Thursday");
    }

    #[test]
    fn quote_must_match_whole_words_in_order() {
        assert_eq!(find_quote("a b c", "a c"), None);
        assert_eq!(find_quote("ab c", "a b"), None);
        assert_eq!(find_quote("x", ""), None);
        assert_eq!(find_quote("the the cat", "the cat"), Some(4..11));
        assert_eq!(find_quote("the the\ncat", "the cat"), Some(4..11));
    }

    #[test]
    fn quote_may_start_and_end_inside_words() {
        assert_eq!(find_quote("“decisively” if", "decisively”"), Some(3..16));
    }

    #[test]
    fn straight_and_curly_quote_marks_are_equal() {
        let para = "Putin’s aide said “we will respond” and «non» and „ja“";
        for (quote, found) in [
            ("Putin's aide", "Putin’s aide"),
            ("\"we will respond\"", "“we will respond”"),
            ("‘we will respond’", ""),
            ("\"non\"", "«non»"),
            ("\"ja\"", "„ja“"),
        ] {
            let range = find_quote(para, quote);
            assert_eq!(range.map(|r| &para[r]).unwrap_or(""), found, "{quote}");
        }
        let para = "It's his \"plan\"";
        assert_eq!(find_quote(para, "It’s his “plan”"), Some(0..para.len()));
    }

    #[test]
    fn an_abridged_quote_matches_its_parts_in_order() {
        let para = "Biden told Putin on Thursday that the US would respond decisively.";
        for quote in [
            "Biden told … would respond",
            "Biden told...would respond",
            "Biden [...] the US […] decisively.",
            "…told Putin",
        ] {
            assert!(find_quote(para, quote).is_some(), "{quote}");
        }
        assert_eq!(find_quote(para, "Biden … Putin"), Some(0..16));
        assert_eq!(find_quote(para, "would respond … Biden told"), None);
        assert_eq!(find_quote(para, "…"), None);
        // An ellipsis the paragraph has is matched as written first.
        let para = "wait... what... now";
        assert_eq!(find_quote(para, "what... now"), Some(8..19));
    }

    #[test]
    fn candidates_past_the_budget_are_left_to_one_pass() {
        // Every "abc" is a candidate that fails a hundred words on; the match is at the end.
        let para = format!("{}Z", "abc\n".repeat(3000));
        let quote = format!("{}Z", "abc ".repeat(100));
        let range = find_quote(&para, &quote).unwrap();
        assert_eq!(range, 4 * 2900..para.len());
        assert_eq!(find_quote(&para, &quote.replace('Z', "Y")), None);
        assert_eq!(find_quote("xx yy", "xx  yy"), Some(0..5));
    }

    #[test]
    fn the_closest_match_says_where_it_differs() {
        let para = "Biden told Putin on Thursday that the US would respond.";
        let difference = closest_difference(para, "told Putin on Friday").unwrap();
        assert_eq!(
            difference.to_string(),
            "closest: \"told Putin on \" differs at 'F' (quote) vs 'T' (paragraph)"
        );
        let difference = closest_difference(para, "would respond. Then").unwrap();
        assert_eq!(difference.paragraph, None);
        assert_eq!(difference.quote, ' ');
        assert_eq!(closest_difference(para, "nowhere at all"), None);
        assert_eq!(closest_difference(para, "told Putin"), None);
        let difference = closest_difference(para, "Biden told … the UK").unwrap();
        assert_eq!(difference.matched, "the U");
    }

    #[test]
    fn the_longest_candidate_is_the_closest() {
        let para = "the cat sat; the cat sat on the mat; the dog";
        let difference = closest_difference(para, "the cat sat on the hat").unwrap();
        assert_eq!(difference.matched, "the cat sat on the ");
        assert_eq!((difference.quote, difference.paragraph), ('h', Some('m')));
    }

    #[test]
    fn the_folded_paragraph_agrees_with_find_quote() {
        let paragraphs = ["a  b’c “d” e", "x... y\tz", "’’ ‘ \n a", ""];
        let quotes = [
            "a b'c", "\"d\" e", "b … e", "x... y z", "y … x", "'' '", "a", "e a",
        ];
        for para in paragraphs {
            let index = FoldedParagraph::new(para);
            let all = index.find_all(&quotes);
            for (quote, found) in quotes.iter().zip(all) {
                let expected = find_quote(para, quote).is_some();
                assert_eq!(found, expected, "{quote:?} in {para:?}");
                assert_eq!(
                    index.find_all(&[quote]),
                    [expected],
                    "{quote:?} in {para:?}"
                );
            }
        }
    }
}
