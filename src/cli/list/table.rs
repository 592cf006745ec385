//! `tline list` as aligned columns for people: date, title, actors.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::actor_names;
use crate::model::{Event, Timeline};
use crate::text::sanitize;

/// Writes one line per event, the date and title columns padded to their widest cell.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    let rows: Vec<[String; 3]> = events
        .map(|e| {
            [
                e.date.human(),
                sanitize(&e.title).into_owned(),
                sanitize(&actor_names(timeline, e)).into_owned(),
            ]
        })
        .collect();
    let width = |col: usize| rows.iter().map(|r| r[col].width()).max().unwrap_or(0);
    let (date_w, title_w) = (width(0), width(1));
    for [date, title, actors] in &rows {
        let line = format!(
            "{date}{}  {title}{}  {actors}",
            " ".repeat(date_w - date.width()),
            " ".repeat(title_w - title.width())
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
