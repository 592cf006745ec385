//! For tests: what a draw leaves on a terminal of a given size: its cells, or its text
//! row by row.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::{Frame, Terminal};

/// The cells `draw` leaves on a `width` × `height` terminal, with their styles.
pub fn cells(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(draw).expect("drawn");
    terminal.backend().buffer().clone()
}

/// Each row of what `draw` leaves on a `width` × `height` terminal.
pub fn rows(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> Vec<String> {
    let buffer = cells(width, height, draw);
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// What `draw` leaves on a `width` × `height` terminal, each row ended by a newline.
pub fn screen(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> String {
    rows(width, height, draw)
        .into_iter()
        .map(|row| row + "\n")
        .collect()
}
