//! Splitting a text into the tokens the grammar reads: words (lower-cased, with a note
//! of their capital), digit runs and single punctuation marks, each with its byte range
//! and the number of its sentence.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Number,
    /// One character that is neither a letter, a digit nor white space.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Where the token starts in the text, in bytes (on a char boundary).
    pub start: usize,
    /// Where it ends, in bytes, exclusive (on a char boundary).
    pub end: usize,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Lower-cased word, the digits of a number, or the mark (curly apostrophes as `'`).
    pub lower: String,
    /// The first character is an upper-case letter.
    pub capital: bool,
    /// The value of a number token (saturating), 0 for others.
    pub number: u64,
    /// The sentence the token belongs to, counted from 0.
    pub sentence: u32,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "prof", "no",
    "vs", "inc", "corp", "co", "jr", "sr", "u", "s", "a", "m", "p", "e", "i",
];

/// Splits `text` into tokens, in text order.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4);
    let mut chars = text.char_indices().peekable();
    let mut sentence = 0u32;
    let mut pending_break = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' && matches!(chars.peek(), Some((_, '\n'))) {
                pending_break = true;
            }
            continue;
        }
        let (kind, end) = if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            (TokenKind::Word, end)
        } else if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            (TokenKind::Number, end)
        } else {
            (TokenKind::Punct, start + c.len_utf8())
        };
        let slice = &text[start..end];
        if pending_break {
            sentence += 1;
            pending_break = false;
        } else if starts_sentence(&tokens, kind, c) {
            sentence += 1;
        }
        let lower = match kind {
            TokenKind::Punct if matches!(c, '’' | '‘' | '`') => "'".to_owned(),
            TokenKind::Punct if matches!(c, '–' | '—' | '‐' | '‑') => "-".to_owned(),
            _ if slice.is_ascii() => slice.to_ascii_lowercase(),
            _ => slice.to_lowercase(),
        };
        let number = if kind == TokenKind::Number {
            slice.bytes().fold(0u64, |n, b| {
                n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
            })
        } else {
            0
        };
        tokens.push(Token {
            start,
            end,
            kind,
            lower,
            capital: c.is_uppercase(),
            number,
            sentence,
        });
    }
    tokens
}

/// Whether a token starting with `first` opens a new sentence after `before`: a full
/// stop, question or exclamation mark (not after an abbreviation) followed by a capital
/// or a digit.
fn starts_sentence(before: &[Token], kind: TokenKind, first: char) -> bool {
    let Some(last) = before.last() else {
        return false;
    };
    if last.kind != TokenKind::Punct || !(first.is_uppercase() || kind == TokenKind::Number) {
        return false;
    }
    match last.lower.as_str() {
        "!" | "?" => true,
        "." => !before
            .len()
            .checked_sub(2)
            .and_then(|i| before.get(i))
            .is_some_and(|w| {
                w.kind == TokenKind::Word && ABBREVIATIONS.contains(&w.lower.as_str())
            }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_byte_ranges_on_char_boundaries() {
        let text = "«Café» on 3 March, 2013’s.";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }

    #[test]
    fn sentences_are_counted_after_a_full_stop_and_a_capital() {
        let tokens = tokenize("He left. Mr. Smith came. then");
        let ids: Vec<u32> = tokens.iter().map(|t| t.sentence).collect();
        assert_eq!(ids, vec![0, 0, 0, 1, 1, 1, 1, 1, 1]);
    }

    #[test]
    fn numbers_saturate_instead_of_overflowing() {
        let tokens = tokenize("99999999999999999999999999");
        assert_eq!(tokens[0].number, u64::MAX);
    }
}
