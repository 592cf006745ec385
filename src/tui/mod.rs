//! The terminal UI: state and actions ([`app`]), keys ([`keys`]), layout and panes that
//! draw from state, and the event loop that ties them to a real terminal.

pub mod app;
pub mod axis_strip;
pub mod detail_pane;
pub mod help;
pub mod keys;
pub mod layout;
pub mod picker;
pub mod prompt;
pub mod rows;
pub mod source_pane;
pub mod status_bar;
pub mod style;
pub mod terminal;
pub mod timeline_pane;
pub mod ui;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use crate::model::Timeline;
use crate::query::Filter;
use app::{Action, App, Mode};
use terminal::Tui;

/// Runs the TUI on the terminal until the person quits.
pub fn run(timeline: Timeline, title: String, filter: Filter) -> Result<()> {
    let mut tui = Tui::enter().context("starting the terminal UI")?;
    let size = tui.terminal.size().context("reading the terminal size")?;
    let mut app = App::new(timeline, title, filter, size);
    while !app.quit {
        tui.terminal
            .draw(|frame| ui::render(&app, frame))
            .context("drawing")?;
        let event = event::read().context("reading input")?;
        if let Some(action) = action_for(&app, &event) {
            app.update(action);
        }
    }
    Ok(())
}

/// The action an input event sends, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => match &app.mode {
            _ if app.help => Some(keys::action_for(key).unwrap_or(Action::Back)),
            Mode::Normal => keys::action_for(key),
            Mode::Picking(_) => keys::input_action_for(key, true),
            Mode::Prompting(_) => keys::input_action_for(key, false),
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel(mouse.column, mouse.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(mouse.column, mouse.row, false)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            _ => None,
        },
        _ => None,
    }
}
