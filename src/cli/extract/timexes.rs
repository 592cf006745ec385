//! `tline extract --timexes`: the temporal expressions of one file, one JSON object a
//! line, offsets in characters into the whole file.

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::articles::{article_error, read_article};
use crate::cli::Limits;
use crate::extract::article;
use crate::extract::timex::{self, Timex};
use crate::text::escape_invisible;

/// One temporal expression as a line of `--timexes`: offsets in characters.
#[derive(Serialize)]
struct TimexLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    edtf: Option<&'a str>,
    paragraph: usize,
}

/// The `--timexes` lines of the file at `path`: its text taken whole, dated by
/// `published`, else by its date line or header.
pub(super) fn timexes_text(
    path: &Path,
    published: Option<NaiveDate>,
    limits: Limits,
) -> Result<String> {
    let source = read_article(path, limits)?;
    let text = &source.text;
    let (published, header_end) = match published {
        Some(day) => (day, 0),
        None => {
            let published = article::read(text, &source.name, None)
                .map_err(article_error)?
                .published;
            let header = article::body_paragraphs(text)
                .first()
                .map(|p| p.offset + p.text.len());
            (published, header.unwrap_or(0))
        }
    };
    Ok(timex_lines(text, published, header_end))
}

/// The temporal expressions of `text` (dated `published`) as JSON Lines, leaving out
/// those that start before byte `header_end` (the date line or header the date came
/// from) and any that runs past the end of its paragraph (no expression crosses a blank
/// line): character offsets into the whole text, paragraphs numbered over the whole
/// text as blocks between blank lines, as the article reader splits them.
pub fn timex_lines(text: &str, published: NaiveDate, header_end: usize) -> String {
    let paragraphs = article::body_paragraphs(text);
    let mut found: Vec<(Timex, usize)> = timex::tag(text, published)
        .into_iter()
        .filter(|t| t.range.start >= header_end)
        .filter_map(|t| {
            let paragraph = article::paragraph_at(&paragraphs, t.range.start)?;
            let block = paragraphs.get(paragraph - 1)?;
            (t.range.end <= block.offset + block.text.len()).then_some((t, paragraph))
        })
        .collect();
    found.sort_by_key(|(t, _)| t.range.start);
    let ranges: Vec<_> = found.iter().map(|(t, _)| t.range.clone()).collect();
    let chars = timex::char_ranges(text, &ranges);
    let mut out = String::new();
    for ((timex, paragraph), range) in found.iter().zip(chars) {
        let line = TimexLine {
            start: range.start,
            end: range.end,
            text: text.get(timex.range.clone()).unwrap_or_default(),
            kind: timex.kind.as_str(),
            value: &timex.value,
            edtf: timex.edtf.as_deref(),
            paragraph: *paragraph,
        };
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(&escape_invisible(&json));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
    }

    #[test]
    fn timex_lines_count_characters_and_number_paragraphs() {
        let text = "Déjà vu — 🎉 on Friday.\n\nThe talks resume next week.";
        let lines = timex_lines(text, day(2022, 1, 1), 0);
        let chars: Vec<char> = text.chars().collect();
        let values: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(values.len(), 2, "{lines}");
        for value in &values {
            let start = value["start"].as_u64().expect("start") as usize;
            let end = value["end"].as_u64().expect("end") as usize;
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(value["text"].as_str(), Some(slice.as_str()));
        }
        assert_eq!(values[0]["text"], "Friday");
        assert_eq!(values[0]["start"], 15);
        assert_eq!(values[0]["paragraph"], 1);
        assert_eq!(values[1]["text"], "next week");
        assert_eq!(values[1]["paragraph"], 2);
    }

    /// Every line of [`timex_lines`] for `text`: `text` equals the characters its
    /// offsets name, and its paragraph is the block those characters lie in.
    fn assert_lines_match(text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let blocks = article::body_paragraphs(text);
        for line in timex_lines(text, day(2022, 1, 1), 0).lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let start = value["start"].as_u64().expect("start") as usize;
            let end = value["end"].as_u64().expect("end") as usize;
            assert!(start < end && end <= chars.len(), "{line}");
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(value["text"].as_str(), Some(slice.as_str()), "{line}");
            let paragraph = value["paragraph"].as_u64().expect("paragraph") as usize;
            let block = &blocks[paragraph - 1].text;
            assert!(block.contains(slice.as_str()), "{line} in {block:?}");
        }
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn timex_lines_name_their_own_characters(
            words in proptest::collection::vec(
                proptest::sample::select(&[
                    "on", "Thursday", "next", "week", "é", "🎉", "\n\n", "ago", "two", "days",
                    "January", "2022", "said", "\u{200b}", "—", "March", "3", ",", "the",
                ][..]),
                0..40,
            ),
            noise in "\\PC{0,40}",
        ) {
            assert_lines_match(&format!("{noise} {}", words.join(" ")));
        }
    }
}
