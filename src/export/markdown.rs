//! `tline list --format markdown`: a GitHub-flavoured Markdown table, with the event
//! ids that `tline source` takes.

use std::io::{self, Write};

use super::actor_names;
use crate::model::{Event, Timeline};
use crate::text::sanitize;

/// Writes the header and delimiter rows, then one row per event.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    writeln!(out, "| Date | Id | Title | Kind | Status | Actors |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for e in events {
        let cells = [
            e.date.human(),
            e.id.to_string(),
            e.title.to_string(),
            timeline.kind(e.kind).to_string(),
            e.status.to_string(),
            actor_names(timeline, e),
        ];
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// A table cell: control characters made visible, and the backslashes and pipes that
/// would end the cell escaped.
fn cell(text: &str) -> String {
    sanitize(text).replace('\\', "\\\\").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_escape_what_would_end_them() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("back\\slash"), "back\\\\slash");
    }
}
