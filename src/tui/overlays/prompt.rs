//! One-line prompts at the bottom of the screen: a date range, a search, a date to go
//! to, the selected event's tags (Tab completes one), or a note on it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use chrono::NaiveDate;

use crate::date::EdtfDate;
use crate::query::Filter;
use crate::text::{display_width, sanitize, text_width};
use crate::tui::widgets::fit;

/// What a prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// An EDTF date or interval to filter by.
    DateRange,
    /// Text to find in the shown events.
    Search,
    /// An EDTF date to move the selection to.
    JumpToDate,
    /// The selected event's tags, space-separated.
    Tags,
    /// A one-line note on the selected event.
    Note,
    /// A file to write the shown events to (`w`).
    WriteFile,
    /// Whether to replace the file named, which exists: `y` or not.
    Overwrite,
}

/// A prompt's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What is asked.
    pub ask: Ask,
    /// The text typed so far.
    pub text: String,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl Prompt {
    /// An empty prompt for `ask`.
    pub fn new(ask: Ask, text: String) -> Self {
        Prompt {
            ask,
            text,
            error: None,
        }
    }

    /// The date range prompt, holding the range `filter` has, if any.
    pub fn date_range(filter: &Filter) -> Self {
        let current = match (filter.from, filter.to) {
            (None, None) => String::new(),
            (from, to) => {
                let side = |d: Option<NaiveDate>| d.map_or("..".to_string(), |d| d.to_string());
                format!("{}/{}", side(from), side(to))
            }
        };
        Prompt::new(Ask::DateRange, current)
    }

    /// The first and last day of the EDTF date or interval typed (both `None` when
    /// nothing is typed: no date filter), or why it does not parse.
    pub fn date_range_typed(&self) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
        let text = self.text.trim();
        if text.is_empty() {
            return Ok((None, None));
        }
        EdtfDate::parse(text).map(|d| (d.earliest(), d.latest()))
    }
}

/// Longest text a prompt takes, in characters: longer than any date, title or quote
/// worth searching for, and short enough that every key stays instant.
pub const MAX_PROMPT_CHARS: usize = 256;

/// Longest note the note prompt takes, in characters: a long paragraph (`tline note`
/// takes any length).
pub const MAX_NOTE_CHARS: usize = 2000;

impl Prompt {
    /// The most characters this prompt takes.
    pub fn max_chars(&self) -> usize {
        match self.ask {
            Ask::Note => MAX_NOTE_CHARS,
            _ => MAX_PROMPT_CHARS,
        }
    }

    /// The tags typed: the words, each once, sorted; or the first that is not a tag.
    pub fn tags_typed(&self) -> Result<std::collections::BTreeSet<String>, String> {
        let words = self.text.split(|c: char| c.is_whitespace() || c == ',');
        let words = words.filter(|w| !w.is_empty());
        match words.clone().find(|w| !crate::model::is_valid_tag(w)) {
            Some(bad) => Err(format!("{bad:?} is not a tag")),
            None => Ok(words.map(str::to_string).collect()),
        }
    }

    /// Tab in the tags prompt: completes the word being typed from the `known` tags, to
    /// the whole tag (and a space) when one fits, else as far as all that fit agree and
    /// lists them.
    pub fn complete<'a>(&mut self, known: impl IntoIterator<Item = &'a str>) {
        let start = self.text.rfind(' ').map_or(0, |at| at + 1);
        let word = &self.text[start..];
        let fits: Vec<&str> = known.into_iter().filter(|t| t.starts_with(word)).collect();
        self.error = None;
        match fits.as_slice() {
            [] => self.error = Some(format!("no tag starts with {word:?}")),
            [one] => {
                self.text.replace_range(start.., one);
                self.text.push(' ');
            }
            [first, rest @ ..] => {
                let mut common = first.len();
                for other in rest {
                    common = first
                        .char_indices()
                        .zip(other.chars())
                        .find(|((_, a), b)| a != b)
                        .map_or(common.min(other.len()), |((at, _), _)| at.min(common));
                }
                self.text.replace_range(start.., &first[..common]);
                self.error = Some(fits.join(" "));
            }
        }
    }
}

impl Prompt {
    /// Appends `text` (typed or pasted) as one edit, line breaks and tabs as spaces and
    /// other control characters dropped, up to [`MAX_PROMPT_CHARS`]; past it the rest is
    /// dropped and the prompt says so. Returns whether anything was added.
    pub fn insert(&mut self, text: &str) -> bool {
        let most = self.max_chars();
        let mut room = most.saturating_sub(self.text.chars().count());
        let before = self.text.len();
        let mut cut = false;
        for c in text.chars() {
            let c = match c {
                '\n' | '\r' | '\t' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            if room == 0 {
                cut = true;
                break;
            }
            self.text.push(c);
            room -= 1;
        }
        self.error = cut.then(|| format!("at most {most} characters"));
        self.text.len() != before
    }

    /// Removes the last character; returns whether there was one.
    pub fn erase(&mut self) -> bool {
        self.error = None;
        self.text.pop().is_some()
    }
}

/// The fewest columns of typed text a narrow prompt keeps, before the error is cut.
const MIN_TEXT_COLUMNS: usize = 12;

/// The words before the typed text: the full hint, and the short one that takes its
/// place when the line is too narrow.
fn labels(ask: Ask) -> (&'static str, &'static str) {
    match ask {
        Ask::DateRange => (
            "date (EDTF, e.g. 2021-12-27/2021-12-31 or 2022-01; empty clears): ",
            "date: ",
        ),
        Ask::Search => ("/", "/"),
        Ask::JumpToDate => ("go to date (EDTF, e.g. 2021-12-27 or 2022-01): ", "go to: "),
        Ask::Tags => (
            "tags (one word each; Tab completes; empty clears): ",
            "tags: ",
        ),
        Ask::Note => ("note (Markdown; Enter adds it, Esc cancels): ", "note: "),
        Ask::WriteFile => (
            "write the shown events to (FILE.csv .json .md .ics .txt, or FORMAT:FILE): ",
            "write to: ",
        ),
        Ask::Overwrite => ("file exists; overwrite it (y/n)? ", "overwrite (y/n)? "),
    }
}

/// The prompt's line on `width` columns as (label, typed text, error). The typed text
/// (its end, where the cursor is) and the error always show; the hint gives way first,
/// to a short label and then to nothing, and a long text is cut at its start (`…`).
pub fn layout(prompt: &Prompt, width: usize) -> (String, String, String) {
    let typed = sanitize(&prompt.text);
    let error = prompt
        .error
        .as_ref()
        .map(|e| format!("  {}", sanitize(e)))
        .unwrap_or_default();
    let (long, short) = labels(prompt.ask);
    let cursor = 1;
    let need = text_width(&typed) + cursor + text_width(&error);
    for label in [long, short] {
        if text_width(label) + need <= width {
            return (label.to_string(), typed.into_owned(), error);
        }
    }
    // The text is on the line already: an error quoting it gives the quote up next.
    let echo = format!("  invalid date {:?}: ", prompt.text);
    let error = match error.strip_prefix(&echo) {
        Some(why) => format!("  {why}"),
        None => error,
    };
    if text_width(short) + text_width(&typed) + cursor + text_width(&error) <= width {
        return (short.to_string(), typed.into_owned(), error);
    }
    // Too narrow for all: the text keeps at least its last few characters, the error as
    // much of the rest as it needs, a short label what is left, and the text the rest.
    let least = text_width(&typed).min(MIN_TEXT_COLUMNS) + cursor;
    let error = if least + text_width(&error) > width {
        fit(&error, width.saturating_sub(least))
    } else {
        error
    };
    let label = if text_width(short) + least + text_width(&error) <= width {
        short
    } else {
        ""
    };
    let room = width.saturating_sub(text_width(label) + cursor + text_width(&error));
    (label.to_string(), tail(&typed, room), error)
}

/// The end of `text` that fits in `width` columns, `…` first when it is cut.
fn tail(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut kept = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = display_width(c);
        if used + w > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    let mut out = String::from(if width > 0 { "…" } else { "" });
    out.extend(kept.into_iter().rev());
    out
}

/// Draws the prompt over the status bar `area`.
pub fn render(prompt: &Prompt, frame: &mut Frame, area: Rect) {
    let (label, typed, error) = layout(prompt, area.width as usize);
    let spans = vec![
        Span::raw(label),
        Span::raw(typed),
        Span::raw("▏"),
        Span::styled(error, Style::new().fg(Color::Red)),
    ];
    frame.render_widget(Line::from(spans), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_prompt(text: &str, error: Option<&str>) -> Prompt {
        let mut prompt = Prompt::new(Ask::DateRange, text.to_string());
        prompt.error = error.map(str::to_string);
        prompt
    }

    fn shown(prompt: &Prompt, width: usize) -> String {
        let (label, typed, error) = layout(prompt, width);
        format!("{label}{typed}▏{error}")
    }

    #[test]
    fn the_typed_text_and_the_error_show_at_every_width_the_hint_gives_way() {
        let error = "expected a 4-digit year, found \"xyz\"";
        let prompt = date_prompt("2021-12-27/2021-12-31", Some(error));
        for width in [120, 80] {
            let line = shown(&prompt, width);
            assert!(text_width(&line) <= width, "{width}: {line}");
            assert!(line.contains("2021-12-27/2021-12-31▏"), "{width}: {line}");
            assert!(line.contains(error), "{width}: {line}");
        }
        for width in [50, 40, 30] {
            let line = shown(&prompt, width);
            assert!(text_width(&line) <= width, "{width}: {line}");
            assert!(
                line.contains("2021-12-31▏"),
                "{width}: the end typed: {line}"
            );
            assert!(line.contains("  expected a"), "{width}: the error: {line}");
        }
        assert!(shown(&date_prompt("2022", None), 120).starts_with("date (EDTF"));
        assert!(shown(&date_prompt("2022", Some(error)), 80).starts_with("date: 2022▏"));
        let echoed = date_prompt(
            "2021-12-27/2021-12-xyz",
            Some("invalid date \"2021-12-27/2021-12-xyz\": expected a 2-digit day, found \"xyz\""),
        );
        assert_eq!(
            shown(&echoed, 80),
            "date: 2021-12-27/2021-12-xyz▏  expected a 2-digit day, found \"xyz\""
        );
    }

    #[test]
    fn a_text_too_long_for_the_line_shows_its_end() {
        let prompt = Prompt::new(Ask::Search, "a".repeat(100) + "END");
        let line = shown(&prompt, 30);
        assert!(line.contains("…") && line.contains("END▏"), "{line}");
        assert!(text_width(&line) <= 30, "{line}");
    }

    #[test]
    fn typed_invisible_and_bidi_characters_show_as_escapes() {
        let prompt = Prompt::new(Ask::Search, "a\u{202e}b\u{200b}c".to_string());
        let (_, typed, _) = layout(&prompt, 80);
        assert!(
            !typed.contains('\u{202e}') && !typed.contains('\u{200b}'),
            "{typed}"
        );
        assert!(typed.contains("<U+202E>"), "{typed}");
    }

    #[test]
    fn tab_completes_a_tag_or_as_far_as_the_tags_agree() {
        let known = ["flight", "flights", "key"];
        let mut prompt = Prompt::new(Ask::Tags, "call k".to_string());
        prompt.complete(known);
        assert_eq!(prompt.text, "call key ");
        prompt.insert("f");
        prompt.complete(known);
        assert_eq!(prompt.text, "call key flight");
        assert_eq!(prompt.error.as_deref(), Some("flight flights"));
        prompt.insert("z");
        prompt.complete(known);
        assert_eq!(
            prompt.error.as_deref(),
            Some("no tag starts with \"flightz\"")
        );
        assert_eq!(
            prompt
                .tags_typed()
                .map(|t| t.into_iter().collect::<Vec<_>>()),
            Ok(vec!["call".to_string(), "flightz".into(), "key".into()])
        );
    }

    #[test]
    fn insert_is_bounded_and_says_so() {
        let mut prompt = Prompt::new(Ask::Search, String::new());
        assert!(prompt.insert(&"x".repeat(MAX_PROMPT_CHARS + 10)));
        assert_eq!(prompt.text.chars().count(), MAX_PROMPT_CHARS);
        assert!(prompt.error.as_deref().is_some_and(|e| e.contains("256")));
        assert!(!prompt.insert("y"));
        assert!(prompt.erase());
        assert!(prompt.error.is_none());
        let mut lines = Prompt::new(Ask::Search, String::new());
        lines.insert("a\nb\x1bc");
        assert_eq!(lines.text, "a bc");
    }
}
