//! Text helpers shared by the loader and the views: finding a quote in its paragraph,
//! and making untrusted text safe to print on a terminal.

mod quote;

use std::borrow::Cow;
use std::ops::Range;

pub use quote::{Difference, FoldedParagraph, closest_difference, find_quote};

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

/// `json` with DEL, C1 controls and invisible characters (see [`is_invisible_format`])
/// written as `\uXXXX` escapes (a surrogate pair past U+FFFF), which serde_json leaves
/// raw: the same data, but nothing a terminal acts on. Such characters only occur inside
/// strings, where the escapes mean the same; serde_json has escaped the other controls.
pub fn escape_invisible(json: &str) -> Cow<'_, str> {
    let hidden = |c: char| c == '\u{7F}' || !(c.is_ascii() || is_plain(c));
    if json.bytes().all(|b| b < 0x7F) || !json.chars().any(hidden) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if hidden(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is shown as itself by [`sanitize`].
fn is_plain(c: char) -> bool {
    // Nearly all text is ASCII: printable ASCII is plain, the rest of ASCII is control.
    if c.is_ascii() {
        return matches!(c, ' '..='~');
    }
    !is_invisible_format(c)
}

/// Characters a terminal shows no glyph for, so that text from a file could hide words,
/// reorder them or smuggle data past a reader: Unicode's Default_Ignorable_Code_Point,
/// and the general categories Cc (controls), Cf (format), Zl and Zp (line and paragraph
/// separators). Zero-width joiners and variation selectors are among them: an emoji
/// sequence shows its parts and a `<U+200D>` between them, never a hidden character.
pub fn is_invisible_format(c: char) -> bool {
    INVISIBLE
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The invisible characters (see [`is_invisible_format`]) as sorted inclusive ranges,
/// from Unicode 15.0.0. To regenerate, with Debian's `unicode-data` package or the UCD
/// files of another version in a directory:
/// `python3 tools/invisible_ranges.py [/usr/share/unicode]`.
#[rustfmt::skip]
const INVISIBLE: &[(char, char)] = &[
    ('\u{0000}', '\u{001F}'),
    ('\u{007F}', '\u{009F}'),
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{0600}', '\u{0605}'),
    ('\u{061C}', '\u{061C}'),
    ('\u{06DD}', '\u{06DD}'),
    ('\u{070F}', '\u{070F}'),
    ('\u{0890}', '\u{0891}'),
    ('\u{08E2}', '\u{08E2}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{2028}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{FFF0}', '\u{FFFB}'),
    ('\u{110BD}', '\u{110BD}'),
    ('\u{110CD}', '\u{110CD}'),
    ('\u{13430}', '\u{1343F}'),
    ('\u{1BCA0}', '\u{1BCA3}'),
    ('\u{1D173}', '\u{1D17A}'),
    ('\u{E0000}', '\u{E0FFF}'),
];

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' | '\r' | '\t' => out.push(' '),
        '\u{0}'..='\u{1F}' => {
            out.push('^');
            out.push((b'@' + c as u8) as char);
        }
        '\u{7F}' => out.push_str("^?"),
        c if !is_plain(c) => {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
        c => out.push(c),
    }
}

/// How many columns `c` takes once made safe by [`sanitize`].
pub fn display_width(c: char) -> usize {
    use unicode_width::UnicodeWidthChar;
    if is_plain(c) {
        c.width().unwrap_or(0)
    } else {
        let mut shown = String::new();
        push_visible(&mut shown, c);
        shown.len()
    }
}

/// Splits `text` into lines of at most `width` columns, breaking at whitespace where it
/// can and inside a word only when the word alone is too wide. Returns byte ranges into
/// `text`, without the whitespace at the breaks. Whitespace kept inside a line counts
/// as wide as it is shown: a run of spaces is as many columns as it has spaces.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line: Option<(usize, usize)> = None; // start, end of the current line
    let mut line_width = 0;
    for (start, word) in words(text) {
        let word_width = text_width(word);
        let needed = match line {
            Some((_, end)) => line_width + text_width(&text[end..start]) + word_width,
            None => word_width,
        };
        match line {
            Some((s, e)) if needed > width => lines.push(s..e),
            Some((s, _)) => {
                line = Some((s, start + word.len()));
                line_width = needed;
                continue;
            }
            None => {}
        }
        // The word starts a new line; cut it while it is wider than the line.
        let mut at = start;
        let mut piece_width = 0;
        for (i, c) in word.char_indices() {
            let w = display_width(c);
            if piece_width + w > width && piece_width > 0 {
                lines.push(at..start + i);
                at = start + i;
                piece_width = 0;
            }
            piece_width += w;
        }
        line = Some((at, start + word.len()));
        line_width = piece_width;
    }
    if let Some((s, e)) = line {
        lines.push(s..e);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// How many columns `text` takes once made safe by [`sanitize`].
pub fn text_width(text: &str) -> usize {
    text.chars().map(display_width).sum()
}

/// The words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // Offsets come from the slices themselves: a separator may be more than one byte
    // (a no-break or ideographic space).
    let base = text.as_ptr() as usize;
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - base, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_its_meaning_without_invisible_characters() {
        let json = serde_json::to_string("a\u{9b}b\u{202e}c\u{1b}").unwrap();
        let safe = escape_invisible(&json);
        assert_eq!(safe, "\"a\\u009bb\\u202ec\\u001b\"");
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "a\u{9b}b\u{202e}c\u{1b}"
        );
    }

    #[test]
    fn json_escapes_del_and_characters_past_the_bmp_as_surrogate_pairs() {
        let text = "del\u{7F} tag\u{E0041} vs\u{FE0F}";
        let json = serde_json::to_string(text).unwrap();
        let safe = escape_invisible(&json);
        assert_eq!(safe, "\"del\\u007f tag\\udb40\\udc41 vs\\ufe0f\"");
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), text);
    }

    #[test]
    fn the_invisible_table_is_sorted_and_disjoint() {
        for pair in INVISIBLE.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }

    #[test]
    fn default_ignorables_and_format_characters_are_shown_as_code_points() {
        // Issue 18 item 11: each of these reached the output raw.
        let hidden = [
            '\u{E0000}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{034F}',
            '\u{115F}',
            '\u{1160}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{17B4}',
            '\u{17B5}',
            '\u{180B}',
            '\u{180F}',
            '\u{FE00}',
            '\u{FE0F}',
            '\u{1D173}',
            '\u{1D17A}',
            '\u{13430}',
            '\u{1343F}',
            '\u{E0100}',
            '\u{0600}',
            '\u{2065}',
        ];
        for c in hidden {
            let shown = sanitize(&format!("a{c}b")).into_owned();
            assert_eq!(shown, format!("a<U+{:04X}>b", c as u32));
            assert_eq!(display_width(c), shown.len() - 2);
        }
        // Visible neighbours stay as they are.
        for plain in ['\u{034E}', '\u{1161}', '\u{FE10}', '\u{1F600}', 'é'] {
            assert!(
                matches!(sanitize(&plain.to_string()), Cow::Borrowed(_)),
                "{plain:?}"
            );
        }
    }

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(
            wrapped("the quick brown fox", 10),
            ["the quick", "brown fox"]
        );
        assert_eq!(wrapped("the quick brown fox", 100), ["the quick brown fox"]);
        assert_eq!(wrapped("", 10), [""]);
    }

    #[test]
    fn wrap_counts_every_space_between_words() {
        let text = "When    Mon 27 Dec 2021 · 2021-12-27";
        for width in 1..=text.len() + 1 {
            for line in wrapped(text, width) {
                assert!(text_width(line) <= width, "{line:?} is wider than {width}");
            }
        }
        assert_eq!(wrapped("a    b c", 7), ["a    b", "c"]);
        assert_eq!(
            wrapped("a\u{3000}b", 3),
            ["a", "b"],
            "an ideographic space is 2 wide"
        );
    }

    #[test]
    fn wrap_cuts_words_longer_than_the_line() {
        assert_eq!(wrapped("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrapped("abc", 1), ["a", "b", "c"]);
        assert_eq!(wrapped("abc", 0), ["a", "b", "c"]);
    }

    #[test]
    fn wrap_counts_wide_characters_and_escapes() {
        assert_eq!(wrapped("北京 北京", 4), ["北京", "北京"]);
        assert_eq!(wrapped("a\u{1b}b c", 4), ["a\u{1b}b", "c"]);
        assert_eq!(display_width('\u{1b}'), 2);
        assert_eq!(display_width('\u{202E}'), 8);
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
