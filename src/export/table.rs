//! `tline list` as aligned columns for people: date, title, actors. On a terminal, also
//! a header, the event id (what `tline source` takes) and, where there is room, how many
//! documents and outlets cite the event (`Src/Out`, `3/2`), each line fitted to the width.

use std::io::{self, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::actor_names;
use crate::model::{Event, Timeline};
use crate::query::SourceCount;
use crate::text::sanitize;

/// Where the table goes, which decides its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A pipe or file: date, title and actors, no header, whole lines (scripts and the
    /// tests read this form).
    Plain,
    /// A terminal this many columns wide: a header, the event id after the date, the
    /// source count before the actors, and every line cut to the width with `…` where a
    /// cell gives way (the source count takes only room the title does not want, or the
    /// actors can spare; the actors column goes first when there is no room for it).
    Terminal(usize),
}

/// Columns kept between two cells.
const GAP: usize = 2;
/// The narrowest a cut title gets before the line itself is cut, and the narrowest
/// actors column shown.
const MIN_CELL: usize = 8;

/// Writes one line per event, the columns padded to their widest cell.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &Timeline,
    events: impl Iterator<Item = &'a Event>,
    layout: Layout,
) -> io::Result<()> {
    let mut rows_counts = Vec::new();
    let rows: Vec<[String; 4]> = events
        .map(|e| {
            let count = SourceCount::of(timeline, e);
            rows_counts.push(format!("{}/{}", count.documents, count.outlets));
            [
                e.date.human(),
                sanitize(&e.id).into_owned(),
                sanitize(&e.title).into_owned(),
                sanitize(&actor_names(timeline, e)).into_owned(),
            ]
        })
        .collect();
    match layout {
        Layout::Plain => {
            let widths = column_widths(&rows, None);
            for [date, _, title, actors] in &rows {
                let line = format!(
                    "{}{}{}",
                    padded(date, widths[0]),
                    padded(title, widths[2]),
                    actors
                );
                writeln!(out, "{}", line.trim_end())?;
            }
        }
        Layout::Terminal(width) if !rows.is_empty() => {
            let header = ["Date", "Id", "Title", "Actors"].map(String::from);
            let widths = fitted(column_widths(&rows, Some(&header)), width);
            let count_header = "Src/Out".to_string();
            let counts: Vec<String> = rows_counts;
            let count_width = counts
                .iter()
                .chain([&count_header])
                .map(|c| c.width())
                .max()
                .unwrap_or(0);
            let (widths, count_width) = with_count(widths, count_width, width);
            let lines = std::iter::once((&header, &count_header)).chain(rows.iter().zip(&counts));
            for (row, count) in lines {
                let [date, id, title, actors] = row;
                let [wd, wi, wt, wa] = widths;
                let cells = [
                    (date, wd),
                    (id, wi),
                    (title, wt),
                    (count, count_width),
                    (actors, wa),
                ];
                let line: String = cells
                    .iter()
                    .filter(|(_, w)| *w > 0)
                    .map(|(cell, w)| padded(&cut(cell, *w), *w))
                    .collect();
                writeln!(out, "{}", cut(line.trim_end(), width))?;
            }
        }
        Layout::Terminal(_) => {}
    }
    Ok(())
}

/// The widest cell of each column, the header's included.
fn column_widths(rows: &[[String; 4]], header: Option<&[String; 4]>) -> [usize; 4] {
    let mut widths = [0; 4];
    for row in rows.iter().chain(header) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    widths
}

/// Column widths that fit `width`: the date and the id whole (an id is copied into
/// `tline source`), then the title at least two thirds of the rest, the actors what is
/// left, or no actors column when fewer than [`MIN_CELL`] columns are left for it.
fn fitted(widths: [usize; 4], width: usize) -> [usize; 4] {
    let [date, id, title, actors] = widths;
    let rest = width.saturating_sub(date + GAP + id + GAP);
    if title + GAP + actors <= rest {
        return widths;
    }
    let title_share = (rest * 2 / 3)
        .max(rest.saturating_sub(actors + GAP))
        .min(title);
    let actors_left = rest.saturating_sub(title_share + GAP);
    if actors_left >= MIN_CELL {
        [date, id, title_share, actors_left.min(actors)]
    } else {
        [date, id, rest.min(title).max(MIN_CELL), 0]
    }
}

/// The widths with room made for a source-count column `count` wide, and that width: the
/// room the title and actors leave on a line `width` wide, else what the actors can give
/// and still keep [`MIN_CELL`]; 0 (no column) when neither has room.
fn with_count(widths: [usize; 4], count: usize, width: usize) -> ([usize; 4], usize) {
    let [date, id, title, actors] = widths;
    let actors_used = if actors > 0 { actors + GAP } else { 0 };
    let used = date + GAP + id + GAP + title + GAP + actors_used;
    if width.saturating_sub(used) >= count + GAP {
        (widths, count)
    } else if actors >= count + GAP + MIN_CELL {
        ([date, id, title, actors - count - GAP], count)
    } else {
        (widths, 0)
    }
}

/// `cell` then spaces to `width` columns and the gap, which ends every cell but the last.
fn padded(cell: &str, width: usize) -> String {
    format!(
        "{cell}{}",
        " ".repeat(width.saturating_sub(cell.width()) + GAP)
    )
}

/// `text` (already sanitized) cut to at most `width` columns, ending in `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_cell_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(cut("abcdef", 6), "abcdef");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("北京北京", 5), "北京…");
        assert_eq!(cut("abc", 0), "");
    }

    #[test]
    fn the_source_count_takes_spare_room_or_the_actors_share_never_the_titles() {
        assert_eq!(with_count([10, 8, 20, 10], 7, 100), ([10, 8, 20, 10], 7));
        assert_eq!(with_count([10, 8, 38, 18], 7, 80), ([10, 8, 38, 9], 7));
        assert_eq!(with_count([10, 8, 18, 8], 7, 50), ([10, 8, 18, 8], 0));
        assert_eq!(with_count([10, 8, 8, 0], 7, 30), ([10, 8, 8, 0], 0));
    }

    #[test]
    fn date_and_id_stay_whole_and_the_title_gives_way_first() {
        assert_eq!(fitted([10, 8, 20, 10], 100), [10, 8, 20, 10]);
        assert_eq!(fitted([10, 8, 40, 30], 80), [10, 8, 38, 18]);
        assert_eq!(fitted([10, 8, 40, 30], 50), [10, 8, 18, 8]);
        assert_eq!(fitted([10, 8, 40, 30], 40), [10, 8, 18, 0]);
        assert_eq!(fitted([10, 8, 40, 30], 30), [10, 8, 8, 0]);
    }
}
