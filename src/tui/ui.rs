//! Drawing a frame: a pure function of the [`App`] state.

use ratatui::Frame;

use super::app::{App, Mode};
use super::{
    axis_strip, detail_pane, help, picker, prompt, source_pane, status_bar, timeline_pane,
};

/// Draws the whole screen from `app`, changing nothing.
pub fn render(app: &App, frame: &mut Frame) {
    let layout = app.layout();
    if let Some(area) = layout.axis {
        axis_strip::render(&app.axis, app.selected, frame, area);
    }
    if let Some(area) = layout.timeline {
        timeline_pane::render(app, frame, area);
    }
    if let Some(area) = layout.side {
        match &app.source {
            Some(view) => source_pane::render(app, view, frame, area),
            None => detail_pane::render(app, frame, area),
        }
    }
    if let Some(area) = layout.status {
        match &app.mode {
            Mode::Prompting(prompt) => prompt::render(prompt, frame, area),
            _ => status_bar::render(app, frame, area),
        }
    }
    if let Mode::Picking(picker) = &app.mode {
        picker::render(picker, frame, frame.area());
    }
    if app.help {
        help::render(frame, frame.area(), app.help_scroll);
    }
}
