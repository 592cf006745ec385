//! TimelineJS's Google Sheets template, read as tline events: the columns `Year, Month,
//! Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text,
//! Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background`
//! (named in any case and order, only those).
//!
//! A row's date has the precision its filled columns give: `Year` alone is a year,
//! `Year` and `Month` a month, all three a day, written as EDTF; with an `End Year` it
//! is an interval to the end's own precision. `Headline` is the title and `Text` the
//! summary, their HTML turned into plain text (tags dropped, `<br>` and `</p>` line
//! breaks, the common entities decoded): tline shows text, never renders markup.
//! `Group` is the kind (tline's `timelinejs` export writes the kind as the group),
//! `Display Date` the words of the date. The row whose `Type` is `title` gives the
//! timeline's title; `era` rows (background spans, not events) are left out, as are
//! times of day, media and backgrounds, which tline does not hold. Ids are made from the
//! headline (`NATO talks` → `nato-talks`, then `nato-talks-2`), so that they stay the
//! same when other rows change. A sheet cites no verbatim source: its events load
//! without one, marked as needing one.

use rustc_hash::FxHashSet;

use super::Cells;
use crate::load::schema::RawEvent;

/// The template's columns, lowercased as headers are matched.
pub const COLUMNS: [&str; 18] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "background",
];

/// Whether a header of `names` (lowercased) is TimelineJS's: it names a year and a
/// headline.
pub fn is_sheet_header(names: &[String]) -> bool {
    ["year", "headline"]
        .iter()
        .all(|c| names.iter().any(|n| n == c))
}

/// The field of an event that a column holds, for locating problems.
pub const FIELD_COLUMNS: &[(&str, &str)] = &[
    ("id", "headline"),
    ("date", "year"),
    ("date_text", "display date"),
    ("title", "headline"),
    ("kind", "group"),
    ("summary", "text"),
];

/// What one row of a sheet holds.
pub enum SheetRow {
    /// An event.
    Event(Box<RawEvent>),
    /// The timeline's title.
    Title(String),
    /// An era, or a row with nothing in it: left out.
    Skipped,
}

/// Reads the rows of one sheet, giving each event an id of its own.
#[derive(Default)]
pub struct Sheet {
    ids: FxHashSet<String>,
}

impl Sheet {
    /// Reads the row numbered `row` (the header is row 1); a problem is reported as
    /// `(column, message)`.
    pub fn row(&mut self, cells: &Cells, row: usize) -> Result<SheetRow, (&'static str, String)> {
        if COLUMNS.iter().all(|c| cells.get(c).trim().is_empty()) {
            return Ok(SheetRow::Skipped);
        }
        match cells.get("type").trim().to_ascii_lowercase().as_str() {
            "" => {}
            "title" => {
                let headline = plain_text(cells.get("headline"));
                let title = if headline.is_empty() {
                    plain_text(cells.get("text"))
                } else {
                    headline
                };
                return Ok(SheetRow::Title(title.replace('\n', " ")));
            }
            "era" => return Ok(SheetRow::Skipped),
            other => {
                return Err((
                    "type",
                    format!("unknown type {other:?} (expected title, era or nothing)"),
                ));
            }
        }
        let date = date(cells)?;
        let title = plain_text(cells.get("headline")).replace('\n', " ");
        let id = self.id_for(&title, row);
        let text =
            |column: &str| Some(cells.get(column).trim().to_string()).filter(|t| !t.is_empty());
        let summary = Some(plain_text(cells.get("text"))).filter(|t| !t.is_empty());
        Ok(SheetRow::Event(Box::new(RawEvent {
            id,
            date,
            date_text: text("display date"),
            title,
            kind: text("group"),
            summary,
            from_sheet: true,
            ..RawEvent::default()
        })))
    }

    /// An id from the headline, unused so far in the sheet; `row-N` for a headline
    /// with no letters or digits of a-z, 0-9.
    fn id_for(&mut self, headline: &str, row: usize) -> String {
        let mut base = String::new();
        for word in headline
            .to_ascii_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if base.len() + word.len() > MAX_ID_CHARS {
                break;
            }
            if !base.is_empty() {
                base.push('-');
            }
            base.push_str(word);
        }
        if base.is_empty() {
            base = format!("row-{row}");
        }
        let mut id = base.clone();
        let mut n = 1;
        while !self.ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }
}

/// The longest id made from a headline, before its suffix.
const MAX_ID_CHARS: usize = 60;

/// The row's date as EDTF, at the precision of its filled columns.
fn date(cells: &Cells) -> Result<String, (&'static str, String)> {
    let start = point(cells, ["year", "month", "day"])?.ok_or((
        "year",
        "the year is empty: every event needs one".to_string(),
    ))?;
    let Some(end) = point(cells, ["end year", "end month", "end day"])? else {
        return Ok(start);
    };
    let date = format!("{start}/{end}");
    match crate::date::EdtfDate::parse(&date) {
        Err(e) if e.contains("starts after it ends") => Err((
            "end year",
            format!("the event ends ({end}) before it starts ({start})"),
        )),
        _ => Ok(date),
    }
}

/// A point from a year, month and day column (`None` when all three are empty), as
/// EDTF: `2022`, `2022-01` or `2022-01-10`.
fn point(
    cells: &Cells,
    [year, month, day]: [&'static str; 3],
) -> Result<Option<String>, (&'static str, String)> {
    let (y, m, d) = (
        cells.get(year).trim(),
        cells.get(month).trim(),
        cells.get(day).trim(),
    );
    if y.is_empty() {
        let filled = [(month, m), (day, d)]
            .into_iter()
            .find(|(_, v)| !v.is_empty());
        return match filled {
            Some((column, _)) => Err((column, format!("a {column} needs a {year}"))),
            None => Ok(None),
        };
    }
    let y = number(y, 4, 9999).ok_or((
        year,
        format!("{y:?} is not a year (tline reads years 0 to 9999, written in digits)"),
    ))?;
    let mut text = format!("{y:04}");
    if m.is_empty() {
        if !d.is_empty() {
            return Err((day, format!("a {day} needs a {month}")));
        }
        return Ok(Some(text));
    }
    let m = number(m, 2, 12)
        .filter(|&m| m >= 1)
        .ok_or((month, format!("{m:?} is not a month (1 to 12)")))?;
    text.push_str(&format!("-{m:02}"));
    if !d.is_empty() {
        let d = number(d, 2, 31)
            .filter(|&d| d >= 1)
            .ok_or((day, format!("{d:?} is not a day of the month (1 to 31)")))?;
        text.push_str(&format!("-{d:02}"));
    }
    Ok(Some(text))
}

/// `text` as a number of at most `digits` digits, no greater than `max`.
fn number(text: &str, digits: usize, max: u32) -> Option<u32> {
    if text.is_empty() || text.len() > digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|&n| n <= max)
}

/// The text of a cell of HTML: tags dropped (a `<br>`, `</p>`, `</div>` or `</li>` ends
/// a line), the common entities decoded, each line's spaces collapsed, blank lines
/// dropped.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                text.push('<');
                rest = &rest[1..];
                continue;
            };
            let tag = rest[1..end].trim().to_ascii_lowercase();
            let name = tag
                .trim_start_matches('/')
                .split([' ', '/'])
                .next()
                .unwrap_or("");
            if name == "br" || (tag.starts_with('/') && ["p", "div", "li"].contains(&name)) {
                text.push('\n');
            }
            rest = &rest[end + 1..];
        } else {
            let (decoded, used) = entity(rest);
            text.push_str(&decoded);
            rest = &rest[used..];
        }
    }
    text.push_str(rest);
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// The character an entity at the start of `text` (which starts with `&`) stands for,
/// and the bytes it takes; an `&` that starts no known entity is itself.
fn entity(text: &str) -> (String, usize) {
    // Bytes, not a slice of the text: the twelfth byte may fall inside a character.
    let Some(end) = text.bytes().take(12).position(|b| b == b';') else {
        return ("&".to_string(), 1);
    };
    let name = &text[1..end];
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => None,
    };
    let numeric = || {
        let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => name.strip_prefix('#').and_then(|d| d.parse().ok()),
        };
        code.and_then(char::from_u32)
    };
    match named.or_else(numeric) {
        Some(c) => (c.to_string(), end + 1),
        None => ("&".to_string(), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            plain_text("<p>Talks <b>begin</b> &amp; end.</p><p>Second&nbsp;line<br/>third</p>"),
            "Talks begin & end.\nSecond line\nthird"
        );
        assert_eq!(
            plain_text("a < b & c &bogus; &#65;&#x42;"),
            "a < b & c &bogus; AB"
        );
        assert_eq!(plain_text("<script>x</script>y"), "xy");
        assert_eq!(
            plain_text("&ééééééé; &#xD800; &#99999999;"),
            "&ééééééé; &#xD800; &#99999999;"
        );
    }

    #[test]
    fn ids_come_from_the_headline_and_stay_unique() {
        let mut sheet = Sheet::default();
        assert_eq!(sheet.id_for("NATO–Russia talks!", 2), "nato-russia-talks");
        assert_eq!(sheet.id_for("NATO Russia talks", 3), "nato-russia-talks-2");
        assert_eq!(sheet.id_for("会談", 4), "row-4");
    }
}
