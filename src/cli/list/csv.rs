//! `tline list --format csv`: RFC 4180 comma-separated values with a header row.

use std::io::{self, Write};

use super::actor_names;
use crate::model::{Event, Timeline};
use crate::text::sanitize;

/// Writes the header row, then one row per event.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    writeln!(out, "id,date,start,end,title,kind,status,actors")?;
    for e in events {
        let cells = [
            e.id.to_string(),
            e.date.to_string(),
            e.date.earliest().map(|d| d.to_string()).unwrap_or_default(),
            e.date.latest().map(|d| d.to_string()).unwrap_or_default(),
            e.title.to_string(),
            timeline.kind(e.kind).to_string(),
            e.status.to_string(),
            actor_names(timeline, e),
        ];
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// A CSV field; control characters are made visible like everywhere else, since CSV is
/// often read on a terminal.
fn cell(text: &str) -> String {
    let text = sanitize(text);
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_only_when_needed() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
