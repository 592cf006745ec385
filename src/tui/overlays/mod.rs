//! What can cover the panes: the help, a picker, a prompt, the load errors or the
//! documents. One at a time, so one enum.

pub mod documents;
pub mod errors;
pub mod help;
pub mod picker;
pub mod prompt;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::session::Session;
use documents::Documents;
use errors::Errors;
use help::Help;
use picker::Picker;
use prompt::Prompt;

/// The overlay shown, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing: keys go to the panes.
    #[default]
    None,
    /// The help, scrolled.
    Help(Help),
    /// Choosing actors or kinds.
    Picker(Picker),
    /// Typing a date range, a date or a search into the status bar.
    Prompt(Prompt),
    /// Why the file on disk no longer loads, scrolled.
    Errors(Errors),
    /// Every document loaded, one under the cursor.
    Documents(Documents),
}

impl Overlay {
    /// Whether it hides the panes under it (the prompt covers only the status bar).
    pub fn covers_panes(&self) -> bool {
        matches!(
            self,
            Overlay::Help(_) | Overlay::Picker(_) | Overlay::Errors(_) | Overlay::Documents(_)
        )
    }

    /// Keeps its scroll within what shows on a terminal `height` rows tall.
    pub fn clamp(&mut self, height: u16) {
        match self {
            Overlay::Help(help) => help.clamp(height),
            Overlay::Errors(errors) => errors.clamp(),
            _ => {}
        }
    }

    /// Draws it, from `session` where it shows the timeline: a prompt over the `status`
    /// bar, the others centred on the whole `screen`.
    pub fn render(&self, session: &Session, frame: &mut Frame, screen: Rect, status: Option<Rect>) {
        match self {
            Overlay::Documents(documents) => documents::render(documents, session, frame, screen),
            Overlay::None => {}
            Overlay::Help(help) => help::render(help, frame, screen),
            Overlay::Picker(picker) => picker::render(picker, frame, screen),
            Overlay::Errors(list) => errors::render(list, frame, screen),
            Overlay::Prompt(prompt) => {
                if let Some(area) = status {
                    prompt::render(prompt, frame, area);
                }
            }
        }
    }
}
