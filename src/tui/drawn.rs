//! For tests: what a draw leaves on a terminal of a given size, as text, row by row.

use ratatui::backend::TestBackend;
use ratatui::{Frame, Terminal};

/// Each row of what `draw` leaves on a `width` × `height` terminal.
pub fn rows(width: u16, height: u16, draw: impl FnOnce(&mut Frame)) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(draw).expect("drawn");
    let buffer = terminal.backend().buffer();
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
