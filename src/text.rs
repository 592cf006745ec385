//! Text helpers shared by the loader and the views: finding a quote in its paragraph,
//! and making untrusted text safe to print on a terminal.

use std::borrow::Cow;
use std::ops::Range;

/// Finds `quote` in `paragraph`, treating every run of whitespace as equal to any other.
/// Returns the byte range of the match in `paragraph`.
pub fn find_quote(paragraph: &str, quote: &str) -> Option<Range<usize>> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let first = *words.first()?;
    let mut from = 0;
    while let Some(found) = paragraph[from..].find(first) {
        let start = from + found;
        if let Some(end) = match_words_from(paragraph, start, &words) {
            return Some(start..end);
        }
        from = start + first.len();
    }
    None
}

/// Matches `words` at `start`, allowing any whitespace run between them; returns the end.
fn match_words_from(paragraph: &str, start: usize, words: &[&str]) -> Option<usize> {
    let mut at = start;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let rest = &paragraph[at..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() {
                return None;
            }
            at += rest.len() - trimmed.len();
        }
        if !paragraph[at..].starts_with(word) {
            return None;
        }
        at += word.len();
    }
    Some(at)
}

/// Makes text from a file safe to show on one terminal line: control characters,
/// bidirectional overrides and invisible characters become visible escapes (`^[`,
/// `<U+202E>`), and line breaks and tabs become spaces.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_plain) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

fn is_plain(c: char) -> bool {
    !(c.is_control() || is_invisible_format(c))
}

/// Characters that change how text around them is shown without being seen themselves.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' | '\r' | '\t' => out.push(' '),
        '\u{0}'..='\u{1F}' => {
            out.push('^');
            out.push((b'@' + c as u8) as char);
        }
        '\u{7F}' => out.push_str("^?"),
        c if c.is_control() || is_invisible_format(c) => {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
        c => out.push(c),
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
    }

    #[test]
    fn quote_may_start_and_end_inside_words() {
        assert_eq!(find_quote("“decisively” if", "decisively”"), Some(3..16));
    }

    #[test]
    fn sanitize_leaves_ordinary_text_alone() {
        assert!(matches!(
            sanitize("Putin’s “call” 北京 🙂"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn sanitize_shows_control_and_invisible_characters() {
        assert_eq!(sanitize("a\x1b]52;c;x\x07b"), "a^[]52;c;x^Gb");
        assert_eq!(sanitize("line\nbreak\ttab"), "line break tab");
        assert_eq!(sanitize("\u{202E}evil\u{200B}"), "<U+202E>evil<U+200B>");
        assert_eq!(sanitize("c1\u{9B}31m\u{7F}"), "c1<U+009B>31m^?");
    }
}
