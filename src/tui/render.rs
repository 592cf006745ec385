//! Drawing a frame: a pure function of the state, laid out on the frame's own area (never
//! on a size stored earlier, which a resize may have made stale).

use ratatui::Frame;

use super::overlays::Overlay;
use super::panes::Panes;
use super::session::Session;
use super::status_bar::{self, Notice};

/// Draws the whole screen from the session, the panes, the overlay and the status bar's
/// notice, changing nothing.
pub fn render(
    session: &Session,
    panes: &Panes,
    overlay: &Overlay,
    notice: Option<&Notice>,
    frame: &mut Frame,
) {
    let screen = frame.area();
    let layout = panes.layout(screen);
    panes.render(session, frame, &layout);
    if let Some(area) = layout.status
        && !matches!(overlay, Overlay::Prompt(_))
    {
        status_bar::render(session, notice, frame, area);
    }
    overlay.render(session, frame, screen, layout.status);
}
