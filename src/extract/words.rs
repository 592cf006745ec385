//! Words of running text with their byte ranges, and the slugs ids are made of: the
//! small vocabulary the actor finder and the event drafter share.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One word of a text (letters or digits, with inner apostrophes and full stops as in
/// `Biden’s` or `U.S`), where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// The word in lowercase, made once (borrowed when it has no capital).
    pub lower: Cow<'a, str>,
    /// Its byte range in the text.
    pub start: usize,
    /// The byte just after it.
    pub end: usize,
}

impl Word<'_> {
    /// Whether it starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a possessive `’s` or `'s`.
    pub fn stem(&self) -> &str {
        self.text
            .strip_suffix("’s")
            .or_else(|| self.text.strip_suffix("'s"))
            .unwrap_or(self.text)
    }
}

/// The words of `text`, in order (UAX #29 word boundaries, keeping those that hold a
/// letter or digit).
pub fn words(text: &str) -> Vec<Word<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(start, w)| Word {
            text: w,
            lower: if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            },
            start,
            end: start + w.len(),
        })
        .collect()
}

/// Whether only spaces (no line break, no punctuation) separate `left` from `right` in
/// `text`.
pub fn only_spaces_between(text: &str, left: &Word, right: &Word) -> bool {
    text.get(left.end..right.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Whether `range` of `text` is a whole word: no letter or digit touches either end.
pub fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text.get(..range.start).and_then(|t| t.chars().next_back());
    let after = text.get(range.end..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A lowercase slug of `text` (letters a-z and digits, words joined by `-`), at most
/// `max_words` words; empty when `text` has no ASCII letter or digit.
pub fn slug(text: &str, max_words: usize) -> String {
    let folded: String = text.chars().map(fold_accent).collect();
    let parts: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .take(max_words)
        .map(|p| p.to_ascii_lowercase())
        .collect();
    parts.join("-")
}

/// The ASCII letter a common accented Latin letter is written with in an id.
fn fold_accent(c: char) -> char {
    const FROM: &str =
        "áàâäãåāéèêëēíìîïīóòôöõøōúùûüūçćčñńýÿšśžźđğşıÁÀÂÄÃÅĀÉÈÊËĒÍÌÎÏĪÓÒÔÖÕØŌÚÙÛÜŪÇĆČÑŃÝŠŚŽŹĐĞŞ";
    const TO: &str =
        "aaaaaaaeeeeeiiiiiooooooouuuuucccnnyysszzdgsiAAAAAAAEEEEEIIIIIOOOOOOOUUUUUCCCNNYSSZZDGS";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// `base`, or `base-2`, `base-3`, … whichever `taken` does not yet hold; the id
/// returned is added to `taken`.
pub fn unique_id(base: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let base = if base.is_empty() { "item" } else { base };
    if taken.insert(base.to_string()) {
        return base.to_string();
    }
    let mut n = 2usize;
    loop {
        let candidate = format!("{base}-{n}");
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_stops() {
        let text = "Biden’s U.S. plan, 100,000 troops.";
        let found: Vec<&str> = words(text).iter().map(|w| w.text).collect();
        assert_eq!(found, ["Biden’s", "U.S", "plan", "100,000", "troops"]);
        assert_eq!(words(text)[0].stem(), "Biden");
    }

    #[test]
    fn whole_words_have_no_letter_touching_them() {
        let text = "USA US-led US";
        assert!(!is_whole_word(text, &(0..2)));
        assert!(is_whole_word(text, &(4..6)));
        assert!(is_whole_word(text, &(11..13)));
    }

    #[test]
    fn slugs_are_lowercase_ascii_words() {
        assert_eq!(slug("Vladimir Putin", 3), "vladimir-putin");
        assert_eq!(slug("U.S. spy plane flew over", 3), "u-s-spy");
        assert_eq!(slug("Élysée Erdoğan", 3), "elysee-erdogan");
        assert_eq!(slug("——", 3), "");
    }

    #[test]
    fn unique_ids_get_a_number_when_taken() {
        let mut taken = std::collections::HashSet::new();
        assert_eq!(unique_id("call", &mut taken), "call");
        assert_eq!(unique_id("call", &mut taken), "call-2");
        assert_eq!(unique_id("", &mut taken), "item");
    }
}
