//! `tline list --format csv` and `csv-full`: RFC 4180 comma-separated values with a
//! header row, in the columns the loader reads back (see `load::format::csv`).
//!
//! Columns: `id,date,start,end,title,kind,status,actors` (actor names, comma-separated),
//! then `date_text`, `summary`, `actor_ids` (space-separated) and `sources`. The
//! `sources` cell holds one source a line, `DOC ¶N: QUOTE`, where the quote has `\` written
//! `\\` and a line break `\n`, so each source stays on its line and reads back whole.
//! A summary keeps its line breaks inside its quoted cell. Every other cell is one line.
//! `csv-full` adds a row for every actor and document, so the file loads alone.

use std::io::{self, Write};

use crate::load::write_csv_rows;
use crate::model::{Event, Timeline};

/// Writes the header row, then one row per event.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    write_csv_rows(out, timeline, events, false)
}

/// Writes the header row, one row per event, then one per actor and document.
pub fn write_full<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    write_csv_rows(out, timeline, events, true)
}
