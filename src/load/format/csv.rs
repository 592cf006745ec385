//! CSV (`.csv`), in two shapes told apart by the header row: tline's own columns (what
//! `list --format csv` and `csv-full` write; see `own`), and TimelineJS's Google Sheets
//! template (see `timelinejs`). A file is read whole, within the size limit, by the
//! `csv` crate (RFC 4180: quoted cells may hold commas, quotes and line breaks).
//!
//! Every row is checked against the header: a row with more or fewer cells, an unknown
//! column, a bad year or month, an end before the start are each reported at the cell,
//! `file:line:column: row N, column M (Name): …`, the row numbered as a spreadsheet
//! numbers it (the header is row 1). Problems found once the items are read (an unknown
//! actor, a quote not in its paragraph) are located at their cell the same way. A sheet
//! cites no verbatim source, so an event of a CSV file may have none.

mod own;
mod timelinejs;

pub use own::write_rows;

use std::io::{self, Write};
use std::path::Path;

use csv::StringRecord;

use self::own::OwnRow;
use self::timelinejs::{Sheet, SheetRow};
use crate::load::diagnostic::{Positions, Wanted, line_column};
use crate::load::schema::{Items, RawActor, RawDocument, RawEvent};
use crate::load::{Diagnostic, Progress, SourceFile, Stage};
use crate::model::Timeline;

/// CSV files larger than this are refused unless the caller raises the limit: a file is
/// read whole.
pub const DEFAULT_MAX_CSV_BYTES: u64 = 256 << 20;

/// Rows reported one by one before the rest are only counted.
const MAX_ROW_ERRORS: usize = 20;

/// Reads a CSV timeline already read as text.
pub fn parse(file: &SourceFile, items: &mut impl Items) -> Result<(), Vec<Diagnostic>> {
    let problems = read(&file.name, &file.text, |item, _| match item {
        Item::Event(e) => items.event(e),
        Item::Actor(a) => items.actor(a),
        Item::Document(d) => items.document(d),
        Item::Title(t) => items.title(t),
    });
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Reads the CSV file at `path` whole, within `max_bytes`, and parses it.
pub fn read_path(
    path: &Path,
    _name: &str,
    max_bytes: u64,
    progress: &Progress,
    items: &mut impl Items,
) -> Result<(), Vec<Diagnostic>> {
    let file = SourceFile::read_with(path, max_bytes, progress).map_err(|d| vec![d])?;
    progress.set_stage(Stage::Parsing);
    parse(&file, items)
}

/// Where the `wanted` items and fields of a CSV text stand: an item at its row, each
/// field at the cell of its column.
pub fn locate(text: &str, wanted: &Wanted) -> Positions {
    let mut counts = [0usize; 3];
    let mut pairs = Vec::new();
    read("", text, |item, row| {
        let list = match item {
            Item::Document(_) => 0,
            Item::Actor(_) => 1,
            Item::Event(_) => 2,
            Item::Title(_) => return,
        };
        let name = ["documents", "actors", "events"][list];
        let path = format!("{name}.{}", counts[list]);
        counts[list] += 1;
        if !wanted.contains(&path) {
            return;
        }
        pairs.push((path.clone(), line_column(text, row.start)));
        for (field, column) in row.fields(name) {
            if let Some(at) = row.cell_start(text, column) {
                pairs.push((format!("{path}.{field}"), line_column(text, at)));
            }
        }
    });
    Positions::from_pairs(pairs)
}

/// Writes `timeline` whole as tline's full CSV: every event, actor and document.
pub fn write(timeline: &Timeline, out: &mut impl Write) -> io::Result<()> {
    write_rows(out, timeline, timeline.events.iter(), true)
}

/// What a row holds.
enum Item {
    Event(RawEvent),
    Actor(RawActor),
    Document(RawDocument),
    Title(String),
}

/// The two shapes of CSV.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// tline's own columns.
    Own,
    /// TimelineJS's template.
    Sheet,
}

/// The cells of one row, by column name (lowercased, as the header is matched).
pub struct Cells<'r> {
    names: &'r [String],
    record: &'r StringRecord,
}

impl Cells<'_> {
    /// The cell of `column`, or "" when the file has no such column.
    pub fn get(&self, column: &str) -> &str {
        self.names
            .iter()
            .position(|n| n == column)
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
    }
}

/// Where a row stands, for locating its cells.
struct RowAt<'r> {
    /// The row's first byte in the text.
    start: usize,
    /// The header's names.
    names: &'r [String],
    shape: Shape,
}

impl RowAt<'_> {
    /// The fields of an item of `list` and the columns that hold them.
    fn fields(&self, list: &str) -> Vec<(&'static str, &'static str)> {
        match self.shape {
            Shape::Own => own::FIELD_COLUMNS
                .iter()
                .filter(|(l, ..)| *l == list)
                .map(|&(_, field, column)| (field, column))
                .collect(),
            Shape::Sheet => timelinejs::FIELD_COLUMNS.to_vec(),
        }
    }

    /// The first byte of the cell of `column` in `text`.
    fn cell_start(&self, text: &str, column: &str) -> Option<usize> {
        let index = self.names.iter().position(|n| n == column)?;
        cell_starts(text, self.start, index + 1).get(index).copied()
    }
}

/// Reads every row of `text` (reported as `name`), handing each item to `item` with
/// where its row stands; returns the problems found, each at its cell.
fn read(name: &str, text: &str, mut item: impl FnMut(Item, &RowAt)) -> Vec<Diagnostic> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&text.as_bytes()[bom..]);
    let mut problems = Problems::new(name, text);
    let mut record = StringRecord::new();
    let start_of = |record: &StringRecord| record.position().map_or(0, |p| p.byte() as usize + bom);
    let header = match reader.read_record(&mut record) {
        Ok(true) => record.clone(),
        Ok(false) => {
            problems.file("has no content: expected a header row".to_string());
            return problems.finish();
        }
        Err(e) => {
            problems.csv_error(&e, bom);
            return problems.finish();
        }
    };
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let Some(shape) = header_shape(&names, &header, start_of(&header), &mut problems) else {
        return problems.finish();
    };
    let mut sheet = Sheet::default();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                problems.csv_error(&e, bom);
                break;
            }
        }
        let row = record.position().map_or(0, |p| p.record() as usize) + 1;
        let at = RowAt {
            start: start_of(&record),
            names: &names,
            shape,
        };
        if record.len() != names.len() {
            problems.at(
                at.start,
                format!(
                    "row {row} has {} cells, the header {}",
                    record.len(),
                    names.len()
                ),
            );
            continue;
        }
        let cells = Cells {
            names: &names,
            record: &record,
        };
        let read = match shape {
            Shape::Own => own::read_row(&cells).map(|r| match r {
                OwnRow::Event(e) => Some(Item::Event(e)),
                OwnRow::Actor(a) => Some(Item::Actor(a)),
                OwnRow::Document(d) => Some(Item::Document(d)),
                OwnRow::Title(t) => Some(Item::Title(t)),
            }),
            Shape::Sheet => sheet.row(&cells, row).map(|r| match r {
                SheetRow::Event(e) => Some(Item::Event(*e)),
                SheetRow::Title(t) => Some(Item::Title(t)),
                SheetRow::Skipped => None,
            }),
        };
        match read {
            Ok(Some(read)) => item(read, &at),
            Ok(None) => {}
            Err((column, message)) => {
                let index = names.iter().position(|n| n == column).unwrap_or(0);
                let cell = at.cell_start(text, column).unwrap_or(at.start);
                let heading = header.get(index).unwrap_or(column).trim();
                let message = format!("row {row}, column {} ({heading}): {message}", index + 1);
                problems.at(cell, message);
            }
        }
    }
    problems.finish()
}

/// The shape the header names, every unknown or repeated column reported; a column
/// with no name is left unread.
fn header_shape(
    names: &[String],
    header: &StringRecord,
    start: usize,
    problems: &mut Problems,
) -> Option<Shape> {
    let (shape, known, what): (Shape, &[&str], &str) = if own::is_own_header(names) {
        (Shape::Own, &OWN_COLUMNS, "tline's columns")
    } else if timelinejs::is_sheet_header(names) {
        (Shape::Sheet, &timelinejs::COLUMNS, "TimelineJS's template")
    } else {
        problems.at(
            start,
            "is not a timeline CSV: the header names neither tline's columns (id, date, \
             title, …) nor TimelineJS's template (Year, …, Headline, …)"
                .to_string(),
        );
        return None;
    };
    let starts = problems.cell_starts(start, names.len());
    let mut fine = true;
    for (i, name) in names.iter().enumerate() {
        let heading = header.get(i).unwrap_or_default().trim();
        let at = starts.get(i).copied().unwrap_or(start);
        // A column with no name (a spreadsheet's empty last columns) is not read.
        let message = if name.is_empty() {
            continue;
        } else if names[..i].contains(name) {
            format!("column {} ({heading}) is given twice", i + 1)
        } else if !known.contains(&name.as_str()) {
            let hint = suggestion(name, known)
                .map_or(String::new(), |s| format!(" (did you mean {s:?}?)"));
            format!(
                "column {}: unknown column {heading:?} for {what}{hint}",
                i + 1
            )
        } else {
            continue;
        };
        problems.at(at, message);
        fine = false;
    }
    fine.then_some(shape)
}

/// Every column of tline's own CSV, in the order it writes them.
const OWN_COLUMNS: [&str; 25] = {
    let groups: [&[&str]; 4] = [
        &own::EVENT_COLUMNS,
        &own::COUNT_COLUMNS,
        &own::ANNOTATION_COLUMNS,
        &own::DEFINITION_COLUMNS,
    ];
    let mut all = [""; 25];
    let (mut g, mut at) = (0, 0);
    while g < groups.len() {
        let mut i = 0;
        while i < groups[g].len() {
            all[at] = groups[g][i];
            at += 1;
            i += 1;
        }
        g += 1;
    }
    all
};

/// The known column closest to `name`, if one is close enough to be a typo.
fn suggestion<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::levenshtein(name, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The first byte of each of the first `count` cells of the row that starts at byte
/// `start` of `text`, as RFC 4180 reads them.
fn cell_starts(text: &str, start: usize, count: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut starts = Vec::with_capacity(count);
    while starts.len() < count {
        starts.push(at);
        if bytes.get(at) == Some(&b'"') {
            at += 1;
            loop {
                match bytes.get(at) {
                    Some(b'"') if bytes.get(at + 1) == Some(&b'"') => at += 2,
                    Some(b'"') => {
                        at += 1;
                        break;
                    }
                    Some(_) => at += 1,
                    None => return starts,
                }
            }
        }
        match memchr::memchr3(b',', b'\n', b'\r', &bytes[at.min(bytes.len())..]) {
            Some(n) if bytes[at + n] == b',' => at += n + 1,
            _ => return starts,
        }
    }
    starts
}

/// The problems of one file, the first [`MAX_ROW_ERRORS`] in full.
struct Problems<'t> {
    name: &'t str,
    text: &'t str,
    found: Vec<Diagnostic>,
    more: usize,
}

impl<'t> Problems<'t> {
    fn new(name: &'t str, text: &'t str) -> Self {
        Problems {
            name,
            text,
            found: Vec::new(),
            more: 0,
        }
    }

    /// A problem at byte `at` of the text.
    fn at(&mut self, at: usize, message: String) {
        if self.found.len() == MAX_ROW_ERRORS {
            self.more += 1;
            return;
        }
        let place = line_column(self.text, at);
        self.found.push(Diagnostic::at(self.name, place, message));
    }

    /// A problem with the file as a whole.
    fn file(&mut self, message: String) {
        self.found.push(Diagnostic::file(self.name, message));
    }

    /// A problem the `csv` crate found, at its place.
    fn csv_error(&mut self, e: &csv::Error, bom: usize) {
        let at = e.position().map_or(0, |p| p.byte() as usize + bom);
        self.at(at, format!("not CSV: {e}"));
    }

    fn cell_starts(&self, start: usize, count: usize) -> Vec<usize> {
        cell_starts(self.text, start, count)
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        if self.more > 0 {
            let message = format!("{} more rows have errors", self.more);
            self.found.push(Diagnostic::file(self.name, message));
        }
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_found_where_they_start_quoted_or_not() {
        let text = "a,\"b,\"\"c\nd\",e\n";
        assert_eq!(cell_starts(text, 0, 3), [0, 2, 12]);
        assert_eq!(cell_starts(text, 0, 9), [0, 2, 12]);
    }

    #[test]
    fn a_typo_in_a_column_is_named() {
        assert_eq!(suggestion("yaer", &timelinejs::COLUMNS), Some("year"));
        assert_eq!(suggestion("colour", &timelinejs::COLUMNS), None);
    }
}
