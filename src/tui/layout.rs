//! Where the panes go: side by side when wide, stacked when narrow, one at a time when
//! very narrow. A pure function of the screen area and focus, shared by rendering (with
//! the frame's own area) and by the updates (for page sizes and mouse hits).

use ratatui::layout::Layout as Split;
use ratatui::layout::{Constraint, Direction, Position, Rect};

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// The list of events.
    #[default]
    Timeline,
    /// The detail pane, or the source pane when it is open.
    Side,
}

/// Rows the time axis strip takes, borders included.
pub const AXIS_HEIGHT: u16 = 6;
/// At least this many columns put the panes side by side.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;
/// Below this many columns only the focused pane is shown.
pub const SINGLE_PANE_WIDTH: u16 = 40;
/// The time axis strip shows only if the panes and status bar keep this many rows.
pub const MIN_PANES_HEIGHT: u16 = 8;

/// The areas of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The time axis strip, when asked for and there is room.
    pub axis: Option<Rect>,
    /// The timeline pane, unless hidden.
    pub timeline: Option<Rect>,
    /// The detail or source pane, unless hidden.
    pub side: Option<Rect>,
    /// The status bar, unless the terminal is too short.
    pub status: Option<Rect>,
}

impl Layout {
    /// Splits `area` for the given focus.
    pub fn new(area: Rect, focus: Focus) -> Self {
        let (main, status) = if area.height >= 3 {
            let [main, status] =
                Split::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
            (main, Some(status))
        } else {
            (area, None)
        };
        let (timeline, side) = if main.width >= SIDE_BY_SIDE_WIDTH {
            let [a, b] = split(main, Direction::Horizontal, 55);
            (Some(a), Some(b))
        } else if main.width >= SINGLE_PANE_WIDTH && main.height >= 12 {
            let [a, b] = split(main, Direction::Vertical, 45);
            (Some(a), Some(b))
        } else if focus == Focus::Timeline {
            (Some(main), None)
        } else {
            (None, Some(main))
        };
        Layout {
            axis: None,
            timeline,
            side,
            status,
        }
    }

    /// Splits `area` for the given focus with the time axis strip across the top, when
    /// the panes keep at least [`MIN_PANES_HEIGHT`] rows under it.
    pub fn with_axis(area: Rect, focus: Focus) -> Self {
        if area.height < AXIS_HEIGHT + MIN_PANES_HEIGHT {
            return Layout::new(area, focus);
        }
        let [axis, rest] =
            Split::vertical([Constraint::Length(AXIS_HEIGHT), Constraint::Min(0)]).areas(area);
        Layout {
            axis: Some(axis),
            ..Layout::new(rest, focus)
        }
    }

    /// The pane under a point.
    pub fn pane_at(&self, at: Position) -> Option<Focus> {
        if self.timeline.is_some_and(|r| r.contains(at)) {
            Some(Focus::Timeline)
        } else if self.side.is_some_and(|r| r.contains(at)) {
            Some(Focus::Side)
        } else {
            None
        }
    }
}

fn split(area: Rect, direction: Direction, first_percent: u16) -> [Rect; 2] {
    Split::new(
        direction,
        [Constraint::Percentage(first_percent), Constraint::Min(0)],
    )
    .areas(area)
}
