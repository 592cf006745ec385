//! Reading an article into a document: its paragraphs, each with its byte offset in the
//! text, and its title, publisher, address and publication date from whatever the text
//! offers (a date line, a `Key: value` header, Markdown front matter).

use std::fmt;

use chrono::NaiveDate;

/// Where an article's title came from, so that a draft can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource {
    /// A `Title:` header line or the `title` of Markdown front matter.
    Header,
    /// A short first line (or a Markdown heading) that reads like a headline.
    Headline,
    /// Nothing in the text: the file name.
    FileName,
}

/// Where an article's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// The caller's override (`--published`).
    Given,
    /// A first line that holds only a date.
    DateLine,
    /// A `Date:`/`Published:` header line or the `date` of Markdown front matter.
    Header,
}

/// One paragraph of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The words, verbatim for plain text; with the markup removed for Markdown.
    pub text: String,
    /// The byte offset in the original text where the paragraph starts.
    pub offset: usize,
}

/// An article read from its text, ready to become a [`crate::model::Document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The headline.
    pub title: String,
    /// Where [`Article::title`] came from.
    pub title_source: TitleSource,
    /// The day of publication.
    pub published: NaiveDate,
    /// Where [`Article::published`] came from.
    pub date_source: DateSource,
    /// Who published it, if the text says.
    pub publisher: Option<String>,
    /// Where it can be read, if the text says.
    pub url: Option<String>,
    /// Who wrote it, if the text says.
    pub byline: Option<String>,
    /// The paragraphs of the body, in order.
    pub paragraphs: Vec<Paragraph>,
}

/// Why an article could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleError {
    /// Neither the text nor the caller gives a publication date.
    NoDate {
        /// The article's file name.
        name: String,
    },
    /// The text has no paragraph at all.
    Empty {
        /// The article's file name.
        name: String,
    },
    /// The Markdown front matter is not a YAML mapping.
    FrontMatter {
        /// The article's file name.
        name: String,
        /// What the YAML parser said.
        why: String,
    },
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleError::NoDate { name } => write!(
                f,
                "{name}: no publication date found (a first line holding only a date, a \
                 `Date:` header or front matter `date:`); give one with --published YYYY-MM-DD"
            ),
            ArticleError::Empty { name } => write!(f, "{name}: the article has no text"),
            ArticleError::FrontMatter { name, why } => {
                write!(f, "{name}: the front matter is not valid YAML: {why}")
            }
        }
    }
}

impl std::error::Error for ArticleError {}

/// The header fields an article may give before its body.
#[derive(Debug, Default)]
struct Header {
    title: Option<String>,
    date: Option<NaiveDate>,
    publisher: Option<String>,
    url: Option<String>,
    byline: Option<String>,
}

/// Reads the article `text` named `name` (a `.md` or `.markdown` name is read as
/// Markdown, anything else as plain text). `published` overrides any date in the text.
pub fn read(text: &str, name: &str, published: Option<NaiveDate>) -> Result<Article, ArticleError> {
    let lower = name.to_ascii_lowercase();
    let (header, header_date_source, mut paragraphs) =
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            read_markdown(text, name)?
        } else {
            read_plain(text)
        };
    let mut title_source = TitleSource::Header;
    let title = match header.title.filter(|t| !t.trim().is_empty()) {
        Some(title) => title.trim().to_string(),
        None => match headline(&paragraphs) {
            Some(title) => {
                paragraphs.remove(0);
                title_source = TitleSource::Headline;
                title
            }
            None => {
                title_source = TitleSource::FileName;
                file_stem(name)
            }
        },
    };
    // A headline repeated under the header's title is no paragraph of the body.
    if title_source == TitleSource::Header
        && paragraphs.len() > 1
        && paragraphs.first().is_some_and(|p| p.text.trim() == title)
    {
        paragraphs.remove(0);
    }
    let (published, date_source) = match (published, header.date) {
        (Some(day), _) => (day, DateSource::Given),
        (None, Some(day)) => (day, header_date_source),
        (None, None) => {
            return Err(ArticleError::NoDate {
                name: name.to_string(),
            });
        }
    };
    if paragraphs.is_empty() {
        return Err(ArticleError::Empty {
            name: name.to_string(),
        });
    }
    Ok(Article {
        title,
        title_source,
        published,
        date_source,
        publisher: header.publisher,
        url: header.url,
        byline: header.byline,
        paragraphs,
    })
}

/// The blocks of `text` taken whole as an article body, with no header read: the
/// paragraphs `tline extract --timexes` numbers when `--published` is given.
pub fn body_paragraphs(text: &str) -> Vec<Paragraph> {
    blocks(text)
        .into_iter()
        .map(|range| Paragraph {
            text: text[range.clone()].to_string(),
            offset: range.start,
        })
        .collect()
}

/// The paragraph (1-based) of `paragraphs` in which byte `at` of the original text
/// falls: the last that starts at or before it; `None` before the first.
pub fn paragraph_at(paragraphs: &[Paragraph], at: usize) -> Option<usize> {
    let after = paragraphs.partition_point(|p| p.offset <= at);
    (after > 0).then_some(after)
}

/// The file name without its folders and extension, as a last-resort title.
fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rfind('.') {
        Some(dot) if dot > 0 => &base[..dot],
        _ => base,
    };
    if stem.trim().is_empty() {
        "article".to_string()
    } else {
        stem.to_string()
    }
}

/// The first paragraph as a title, when it reads like a headline: one short line that
/// does not end a sentence with a full stop, followed by more text.
fn headline(paragraphs: &[Paragraph]) -> Option<String> {
    let first = paragraphs.first()?;
    let text = first.text.trim();
    let words = text.split_whitespace().count();
    let is_headline = paragraphs.len() > 1
        && !text.contains('\n')
        && (1..=20).contains(&words)
        && text.chars().count() <= 160
        && !text.ends_with('.')
        && text.chars().next().is_some_and(char::is_uppercase);
    is_headline.then(|| text.to_string())
}

/// Plain text: an optional date line or header block, then paragraphs separated by
/// blank lines, each kept verbatim.
fn read_plain(text: &str) -> (Header, DateSource, Vec<Paragraph>) {
    let blocks = blocks(text);
    let mut header = Header::default();
    let mut source = DateSource::Header;
    let mut body = &blocks[..];
    if let Some(first) = blocks.first() {
        let block = &text[first.clone()];
        if !block.contains('\n')
            && let Some(day) = date_line(block)
        {
            header.date = Some(day);
            source = DateSource::DateLine;
            body = &blocks[1..];
        } else if let Some(fields) = header_block(block) {
            header = fields;
            body = &blocks[1..];
        }
    }
    let paragraphs = body
        .iter()
        .map(|range| Paragraph {
            text: text[range.clone()].to_string(),
            offset: range.start,
        })
        .collect();
    (header, source, paragraphs)
}

/// The byte ranges of the blocks of `text`: runs of non-blank lines, trimmed of the
/// blank space around them.
fn blocks(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                blocks.push(s..end);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(at + lead);
            }
            end = at + line.trim_end().len();
        }
        at += line.len();
    }
    if let Some(s) = start {
        blocks.push(s..end);
    }
    blocks
}

/// The header fields of a block made only of `Key: value` lines with known keys.
fn header_block(block: &str) -> Option<Header> {
    let mut header = Header::default();
    let mut known = 0;
    for line in block.lines() {
        let (key, value) = line.split_once(':')?;
        let value = value.trim().to_string();
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => header.title = Some(value),
            "date" | "published" | "publication date" => header.date = Some(parse_date(&value)?),
            "publisher" | "source" => header.publisher = Some(value),
            "url" | "link" => header.url = Some(value),
            "by" | "author" | "byline" => header.byline = Some(value),
            _ => return None,
        }
        known += 1;
    }
    (known > 0).then_some(header)
}

/// The date of a line that holds only a date, perhaps after the word "date" or
/// "published" (` date 2022-01-01 `, `Published: January 1, 2022`).
fn date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    let lower = line.to_ascii_lowercase();
    for label in ["date", "published", "updated"] {
        if lower.starts_with(label) {
            let rest = line[label.len()..].trim_start_matches([':', ' ', '\t']);
            if rest.len() < line.len() - label.len()
                && let Some(day) = parse_date(rest)
            {
                return Some(day);
            }
        }
    }
    parse_date(line)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names, in full or abbreviated to three or four letters ("Sept").
fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() <= 4 && m.starts_with(&word)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A calendar date written on its own: `2022-01-01` (a time may follow, as in
/// `2022-01-01T10:00Z`), `January 1, 2022`, `1 January 2022`, optionally after a
/// weekday (`Saturday, January 1, 2022`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() > 64 {
        return None;
    }
    if let Some(iso) = text.get(..10)
        && let Ok(day) = NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        && (text.len() == 10 || text[10..].starts_with(['T', ' ']))
    {
        return Some(day);
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.first() {
        Some(first) if is_weekday(first) => &words[1..],
        _ => &words[..],
    };
    let [a, b, year] = words else { return None };
    let year: i32 = year.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    let (month, day) = match (month_number(a), month_number(b)) {
        (Some(month), None) => (month, day_number(b)?),
        (None, Some(month)) => (month, day_number(a)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A day of the month, perhaps with an ordinal suffix ("1st", "22nd").
fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn is_weekday(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| *d == word || (word.len() == 3 && d.starts_with(&word)))
}

/// Markdown: YAML front matter, then one paragraph per text block (paragraph, heading,
/// list item, quotation), with the markup removed.
fn read_markdown(
    text: &str,
    name: &str,
) -> Result<(Header, DateSource, Vec<Paragraph>), ArticleError> {
    let (mut header, body_start) = front_matter(text, name)?;
    let body = &text[body_start..];
    let mut paragraphs = markdown_blocks(body, body_start);
    let mut source = DateSource::Header;
    if header.date.is_none()
        && let Some(first) = paragraphs.first()
        && !first.text.contains('\n')
        && let Some(day) = date_line(&first.text)
    {
        header.date = Some(day);
        source = DateSource::DateLine;
        paragraphs.remove(0);
    }
    Ok((header, source, paragraphs))
}

/// The front matter's fields and where the body starts; no front matter gives an empty
/// header and the whole text.
fn front_matter(text: &str, name: &str) -> Result<(Header, usize), ArticleError> {
    let start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let rest = &text[start..];
    let Some(after_open) = rest
        .strip_prefix("---\n")
        .or_else(|| rest.strip_prefix("---\r\n"))
    else {
        return Ok((Header::default(), 0));
    };
    let open_len = rest.len() - after_open.len();
    let mut at = 0;
    let mut close = None;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            close = Some((at, at + line.len()));
            break;
        }
        at += line.len();
    }
    let Some((yaml_end, body_from)) = close else {
        return Ok((Header::default(), 0));
    };
    let yaml = &after_open[..yaml_end];
    let fail = |why: String| ArticleError::FrontMatter {
        name: name.to_string(),
        why,
    };
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).map_err(|e| fail(e.to_string()))?;
    let field = |key: &str| -> Option<String> {
        match value.get(key)? {
            serde_yaml::Value::String(s) => Some(s.clone()),
            serde_yaml::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let mut header = Header {
        title: field("title"),
        publisher: field("publisher").or_else(|| field("source")),
        url: field("url"),
        byline: field("author").or_else(|| field("by")),
        date: None,
    };
    if let Some(date) = field("date").or_else(|| field("published")) {
        header.date =
            Some(parse_date(&date).ok_or_else(|| fail(format!("date {date:?} is not a date")))?);
    }
    Ok((header, start + open_len + body_from))
}

/// The text blocks of a Markdown body, with their offsets shifted by `base`.
fn markdown_blocks(body: &str, base: usize) -> Vec<Paragraph> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut paragraphs = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut in_image = 0usize;
    let mut in_code = false;
    let flush = |current: &mut Option<Paragraph>, paragraphs: &mut Vec<Paragraph>| {
        if let Some(mut p) = current.take() {
            let trimmed = p.text.trim();
            if !trimmed.is_empty() {
                p.text = trimmed.to_string();
                paragraphs.push(p);
            }
        }
    };
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item) => {
                flush(&mut current, &mut paragraphs);
                current = Some(Paragraph {
                    text: String::new(),
                    offset: base + range.start,
                });
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                flush(&mut current, &mut paragraphs);
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) | Event::Code(t) if in_image == 0 && !in_code => {
                let p = current.get_or_insert_with(|| Paragraph {
                    text: String::new(),
                    offset: base + range.start,
                });
                p.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = current.as_mut() {
                    p.text.push('\n');
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    #[test]
    fn a_first_line_holding_only_a_date_gives_the_publication_date() {
        for line in [
            " date 2022-01-01 ",
            "2022-01-01",
            "January 1, 2022",
            "1 January 2022",
            "Saturday, January 1, 2022",
            "Published: Jan. 1st, 2022",
        ] {
            let text = format!("{line}\n\nRussia moved troops.\n\nNATO met.\n");
            let article = read(&text, "a.txt", None).expect(line);
            assert_eq!(article.published, day(2022, 1, 1), "{line}");
            assert_eq!(article.date_source, DateSource::DateLine);
            assert_eq!(article.paragraphs.len(), 2, "{line}");
        }
    }

    #[test]
    fn paragraphs_are_verbatim_with_their_offsets() {
        let text = "2022-01-01\n\n\n  First line\n  of one paragraph.  \n \t\nSecond.\n";
        let article = read(text, "a.txt", None).expect("reads");
        assert_eq!(
            article.paragraphs[0].text,
            "First line\n  of one paragraph."
        );
        for p in &article.paragraphs {
            assert_eq!(&text[p.offset..p.offset + p.text.len()], p.text);
        }
        assert_eq!(article.title_source, TitleSource::FileName);
        assert_eq!(article.title, "a");
    }

    #[test]
    fn a_byte_of_the_text_is_placed_in_its_paragraph() {
        let text = "2022-01-01\n\nOne.\n\nTwo here.\n";
        let whole = body_paragraphs(text);
        assert_eq!(whole.len(), 3);
        assert_eq!(paragraph_at(&whole, 0), Some(1));
        assert_eq!(
            paragraph_at(&whole, text.find("here").unwrap_or(0)),
            Some(3)
        );
        let article = read(text, "a.txt", None).expect("reads");
        assert_eq!(paragraph_at(&article.paragraphs, 0), None);
        assert_eq!(
            paragraph_at(&article.paragraphs, text.find("One").unwrap_or(0)),
            Some(1)
        );
    }

    #[test]
    fn a_header_block_gives_title_date_publisher_url_and_byline() {
        let text = "Title: Talks collapse\nDate: 2023-03-05\nPublisher: Daily Post\n\
                    URL: https://example.org/a\nBy: A. Writer\n\nThe talks collapsed.\n";
        let article = read(text, "x/y.txt", None).expect("reads");
        assert_eq!(article.title, "Talks collapse");
        assert_eq!(article.title_source, TitleSource::Header);
        assert_eq!(article.published, day(2023, 3, 5));
        assert_eq!(article.publisher.as_deref(), Some("Daily Post"));
        assert_eq!(article.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(article.byline.as_deref(), Some("A. Writer"));
        assert_eq!(article.paragraphs.len(), 1);
    }

    #[test]
    fn a_short_first_line_is_taken_as_the_headline() {
        let text = "Ministers agree on grain deal\n\nThe ministers agreed on Monday.\n";
        let article = read(text, "g.txt", Some(day(2022, 7, 22))).expect("reads");
        assert_eq!(article.title, "Ministers agree on grain deal");
        assert_eq!(article.title_source, TitleSource::Headline);
        assert_eq!(article.date_source, DateSource::Given);
        assert_eq!(article.paragraphs.len(), 1);
    }

    #[test]
    fn no_date_is_an_error_naming_the_file_and_the_flag() {
        let error = read("Some text.\n\nMore text.", "news/a.txt", None).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("news/a.txt"), "{message}");
        assert!(message.contains("--published"), "{message}");
    }

    #[test]
    fn markdown_front_matter_and_blocks_lose_their_markup() {
        let text = "---\ntitle: Summit ends\ndate: 2021-06-16\npublisher: Wire\n---\n\n\
                    # Summit ends\n\nThe **leaders** met in [Geneva](https://x).\n\n\
                    - Talks will resume.\n\n![photo](p.png)\n";
        let article = read(text, "s.md", None).expect("reads");
        assert_eq!(article.title, "Summit ends");
        assert_eq!(article.published, day(2021, 6, 16));
        assert_eq!(article.publisher.as_deref(), Some("Wire"));
        let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
        // The heading repeats the front matter's title: it is no paragraph.
        assert_eq!(texts, ["The leaders met in Geneva.", "Talks will resume."]);
        assert!(text[article.paragraphs[0].offset..].starts_with("The **leaders**"));
    }

    #[test]
    fn markdown_without_front_matter_takes_its_heading_as_title() {
        let text = "# Ceasefire holds\n\nFighting stopped on Sunday.\n";
        let article = read(text, "c.markdown", Some(day(2022, 1, 1))).expect("reads");
        assert_eq!(article.title, "Ceasefire holds");
        assert_eq!(article.title_source, TitleSource::Headline);
        assert_eq!(article.paragraphs.len(), 1);
    }

    #[test]
    fn bad_front_matter_is_an_error() {
        let text = "---\ntitle: [unclosed\n---\n\nText.\n";
        assert!(matches!(
            read(text, "b.md", Some(day(2022, 1, 1))),
            Err(ArticleError::FrontMatter { .. })
        ));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "\n\n\n",
            "---\n",
            "---\n---\n",
            "\u{feff}",
            "é\n\nü",
            "Date: \n\nx",
            "2022-13-45",
        ] {
            let _ = read(text, "t.txt", None);
            let _ = read(text, "t.md", None);
            let _ = read(text, "", Some(day(2022, 1, 1)));
        }
    }
}
