//! The screen shown while a large timeline loads on another thread: what is being read,
//! how far it has got, and that `q` leaves.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Gauge, Paragraph};

use super::theme::dim;
use super::widgets::{centered, fit};
use crate::load::{Progress, Stage};

/// A moment of a load, as the loading screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    /// The part of loading under way.
    pub stage: Stage,
    /// Bytes read so far.
    pub read: u64,
    /// Bytes to read in all.
    pub total: u64,
    /// Events parsed so far.
    pub events: u64,
    /// Time since loading began.
    pub elapsed: Duration,
}

impl Snapshot {
    /// The state of `progress` after `elapsed`.
    pub fn of(progress: &Progress, elapsed: Duration) -> Self {
        let (read, total) = progress.bytes();
        Snapshot {
            stage: progress.stage(),
            read,
            total,
            events: progress.events(),
            elapsed,
        }
    }
}

/// Draws the loading screen for `title` over the whole frame.
pub fn render(frame: &mut Frame, title: &str, snapshot: &Snapshot) {
    let area = centered(frame.area(), 64, 7);
    if area.height < 3 || area.width < 10 {
        let line = format!("Loading {title}… q quits");
        frame.render_widget(
            Line::raw(fit(&line, frame.area().width as usize)),
            frame.area(),
        );
        return;
    }
    let width = area.width.saturating_sub(2) as usize;
    let block = Block::bordered().title(fit(&format!(" Loading {title} "), width));
    let inside = block.inner(area);
    frame.render_widget(block, area);
    let ratio = if snapshot.total == 0 {
        0.0
    } else {
        (snapshot.read as f64 / snapshot.total as f64).clamp(0.0, 1.0)
    };
    let gauge = Gauge::default()
        .gauge_style(Style::new().fg(Color::Cyan))
        .ratio(ratio)
        .label(format!(
            "{} of {}",
            megabytes(snapshot.read),
            megabytes(snapshot.total)
        ));
    let rows = [
        Line::raw(fit(&status(snapshot), width)),
        Line::raw(""),
        Line::styled(fit("q quits", width), dim()),
    ];
    let mut y = inside.y;
    let gauge_row = Rect {
        y,
        height: 1,
        ..inside
    };
    frame.render_widget(gauge, gauge_row);
    y += 2;
    for row in rows {
        if y >= inside.bottom() {
            break;
        }
        frame.render_widget(
            Paragraph::new(row),
            Rect {
                y,
                height: 1,
                ..inside
            },
        );
        y += 1;
    }
}

/// What is happening, in words: "parsing · 250,000 events · 3.2 s".
fn status(snapshot: &Snapshot) -> String {
    let doing = match snapshot.stage {
        Stage::Reading => "reading",
        Stage::Parsing => "parsing",
        Stage::Checking => "checking references and quotes",
        Stage::Indexing => "preparing the view",
    };
    format!(
        "{doing} · {} events · {:.1} s",
        thousands(snapshot.events),
        snapshot.elapsed.as_secs_f64()
    )
}

/// How far the load has got, for the status bar of a preview: "loading… 37%" while
/// reading, then what is being done to the whole.
pub fn progress_words(snapshot: &Snapshot) -> String {
    match snapshot.stage {
        Stage::Reading | Stage::Parsing => {
            let percent = (snapshot.read * 100)
                .checked_div(snapshot.total)
                .unwrap_or(0)
                .min(99);
            format!("loading… {percent}%")
        }
        Stage::Checking => "loading… checking quotes".to_string(),
        Stage::Indexing => "loading… preparing filters".to_string(),
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// 1234567 → "1,234,567".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(width: u16, height: u16, snapshot: &Snapshot) -> String {
        crate::tui::drawn::screen(width, height, |f| render(f, "big.json", snapshot))
    }

    #[test]
    fn the_loading_screen_shows_bytes_events_and_the_way_out() {
        let snapshot = Snapshot {
            stage: Stage::Parsing,
            read: 295_000_000,
            total: 590_000_000,
            events: 1_234_567,
            elapsed: Duration::from_millis(3200),
        };
        let text = screen(100, 30, &snapshot);
        assert!(text.contains("Loading big.json"), "{text}");
        assert!(text.contains("295.0 MB of 590.0 MB"), "{text}");
        assert!(
            text.contains("parsing · 1,234,567 events · 3.2 s"),
            "{text}"
        );
        assert!(text.contains("q quits"), "{text}");
        for (w, h) in [(1, 1), (5, 2), (20, 4), (40, 12)] {
            screen(w, h, &snapshot);
        }
    }
}
