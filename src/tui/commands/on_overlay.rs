//! What an action does to the overlay on top: the help, a picker, a prompt, the errors
//! and the documents view each take the actions they know, and say whether they stay
//! open, close, or ask the event loop for something.

use ratatui::layout::Rect;

use super::{Action, Flow};
use crate::model::DocId;
use crate::query::Filter;
use crate::tui::overlays::Overlay;
use crate::tui::overlays::documents::Documents;
use crate::tui::overlays::errors::{self, Errors};
use crate::tui::overlays::help::{self, Help};
use crate::tui::overlays::picker::Picker;
use crate::tui::overlays::prompt::{Ask, Prompt};
use crate::tui::panes::Panes;
use crate::tui::session::Session;
use crate::tui::write::Target;

/// What an overlay asks for after an action.
enum Next {
    Stay,
    Close,
    /// Close, the annotations changed: save them.
    CloseAndSave,
    Quit,
    /// Close, saying this in the status bar.
    CloseSaying(&'static str),
    /// Close, and write the shown events.
    Write(Target),
}

/// Applies `action` to the overlay open on a screen of `screen`, then closes it if
/// it asks to.
pub(super) fn run(
    action: Action,
    session: &mut Session,
    panes: &mut Panes,
    overlay: &mut Overlay,
    screen: Rect,
) -> Flow {
    let next = match overlay {
        // No overlay: nothing here takes the action (commands::run gives it the panes).
        Overlay::None => return Flow::Go,
        Overlay::Help(help) => on_help(action, help, screen.height),
        Overlay::Picker(picker) => on_picker(action, picker, session),
        Overlay::Prompt(prompt) => on_prompt(action, prompt, session),
        Overlay::Errors(errors) => on_errors(action, errors, screen.height),
        Overlay::Documents(documents) => on_documents(action, documents, session, panes, screen),
    };
    match next {
        Next::Stay => Flow::Go,
        Next::Close => {
            *overlay = Overlay::None;
            Flow::Go
        }
        Next::CloseSaying(text) => {
            *overlay = Overlay::None;
            Flow::Say(text)
        }
        Next::CloseAndSave => {
            *overlay = Overlay::None;
            Flow::SaveNotes
        }
        Next::Quit => Flow::Quit,
        Next::Write(target) => {
            *overlay = Overlay::None;
            Flow::Write(target)
        }
    }
}

/// In the documents overlay: movement keys move the cursor, `Enter` opens the document
/// in the source pane, `f` keeps (or, kept, lets go of) the events citing it; `Esc`,
/// `q` and `o` close it.
fn on_documents(
    action: Action,
    documents: &mut Documents,
    session: &mut Session,
    panes: &mut Panes,
    screen: Rect,
) -> Next {
    let page = screen.height.saturating_sub(12).max(1) as isize;
    match action {
        Action::Down => documents.move_cursor(1),
        Action::Up => documents.move_cursor(-1),
        Action::PageDown | Action::HalfPageDown => documents.move_cursor(page),
        Action::PageUp | Action::HalfPageUp => documents.move_cursor(-page),
        Action::Top => documents.move_cursor(isize::MIN / 2),
        Action::Bottom => documents.move_cursor(isize::MAX / 2),
        Action::OpenSource | Action::ToggleSource | Action::Confirm => {
            let Some(doc) = documents.chosen() else {
                return Next::Close;
            };
            return match open_document(doc, session, panes, screen) {
                Ok(()) => Next::Close,
                Err(why) => Next::CloseSaying(why),
            };
        }
        Action::KeepMatches => {
            let Some(doc) = documents.chosen() else {
                return Next::Close;
            };
            let mut docs = session.filter.docs.clone();
            match docs.iter().position(|&d| d == doc) {
                Some(at) => {
                    docs.remove(at);
                }
                None => docs.push(doc),
            }
            session.apply_filter(Filter {
                docs,
                ..session.filter.clone()
            });
            return Next::Close;
        }
        Action::Back
        | Action::Cancel
        | Action::Quit
        | Action::ShowDocuments
        | Action::ToggleHelp => return Next::Close,
        _ => {}
    }
    Next::Stay
}

/// Opens document `doc` in the source pane at its first paragraph, through the first
/// shown event citing it (the pane shows a source of the selected event, its quote
/// marked); when no shown event cites it, says why.
fn open_document(
    doc: DocId,
    session: &mut Session,
    panes: &mut Panes,
    screen: Rect,
) -> Result<(), &'static str> {
    let timeline = &session.timeline;
    let citing = |&e: &usize| timeline.events[e].sources.iter().position(|s| s.doc == doc);
    let found = session
        .rows
        .events
        .iter()
        .enumerate()
        .find_map(|(k, e)| citing(e).map(|source| (k, source)));
    let Some((k, source)) = found else {
        let cited_at_all = timeline
            .events
            .iter()
            .any(|e| e.sources.iter().any(|s| s.doc == doc));
        return Err(if cited_at_all {
            "no shown event cites that document (x clears the filters)"
        } else {
            "no event cites that document, so it has no source to open"
        });
    };
    session.select(k);
    panes.open_source(session, screen, source);
    if let Some(view) = &mut panes.source {
        view.scroll = 0;
    }
    Ok(())
}

/// How far a movement key scrolls a read-only overlay of `page` lines (the help, the
/// errors); `None` for any other key, which closes it, as in less.
fn overlay_scroll(action: Action, page: usize) -> Option<isize> {
    let page = page as isize;
    match action {
        Action::Down => Some(1),
        Action::Up => Some(-1),
        Action::PageDown | Action::HalfPageDown => Some(page),
        Action::PageUp | Action::HalfPageUp => Some(-page),
        Action::Top => Some(isize::MIN / 2),
        Action::Bottom => Some(isize::MAX / 2),
        _ => None,
    }
}

/// Movement keys scroll the help; any other key closes it.
fn on_help(action: Action, help: &mut Help, height: u16) -> Next {
    match overlay_scroll(action, help::visible_lines(height)) {
        Some(by) => {
            help.scroll(by, height);
            Next::Stay
        }
        None => Next::Close,
    }
}

/// Movement keys scroll the errors; any other key closes them.
fn on_errors(action: Action, errors: &mut Errors, height: u16) -> Next {
    match overlay_scroll(action, errors::page(height)) {
        Some(by) => {
            errors.scroll(by);
            Next::Stay
        }
        None => Next::Close,
    }
}

/// A paste (or a run of typed characters) into the overlay on top, as one edit: a prompt
/// takes it whole (a search narrows once), a picker types it; elsewhere it is ignored,
/// so pasted text never runs as commands.
pub fn paste(text: &str, session: &mut Session, overlay: &mut Overlay) {
    match overlay {
        Overlay::Prompt(prompt) => {
            let changed = prompt.insert(text);
            if changed && prompt.ask == Ask::Search {
                session.set_search(prompt.text.clone());
            }
        }
        Overlay::Picker(picker) => {
            for c in text.chars().filter(|c| !c.is_control()) {
                picker.type_char(c);
            }
        }
        _ => {}
    }
}

fn on_picker(action: Action, picker: &mut Picker, session: &mut Session) -> Next {
    match action {
        Action::Down => picker.move_cursor(1),
        Action::Up => picker.move_cursor(-1),
        Action::PageDown | Action::HalfPageDown => picker.move_cursor(10),
        Action::PageUp | Action::HalfPageUp => picker.move_cursor(-10),
        Action::Top => picker.move_cursor(isize::MIN / 2),
        Action::Bottom => picker.move_cursor(isize::MAX / 2),
        Action::Type(c) => picker.type_char(c),
        Action::Erase => picker.erase(),
        Action::Tick => picker.toggle(),
        Action::Cancel | Action::Back => return Next::Close,
        Action::Confirm => {
            session.apply_filter(picker.kind.apply(&picker.chosen(), &session.filter));
            return Next::Close;
        }
        Action::Quit => return Next::Quit,
        _ => {}
    }
    Next::Stay
}

fn on_prompt(action: Action, prompt: &mut Prompt, session: &mut Session) -> Next {
    if prompt.ask == Ask::Overwrite {
        return on_overwrite(action, prompt);
    }
    let changed = match action {
        Action::Type(c) => prompt.insert(c.encode_utf8(&mut [0; 4])),
        Action::Erase => prompt.erase(),
        Action::Tick if prompt.ask == Ask::Tags => {
            prompt.complete(session.timeline.annotations.tags());
            return Next::Stay;
        }
        Action::Cancel | Action::Back => {
            if prompt.ask == Ask::Search {
                session.end_search(true);
            }
            return Next::Close;
        }
        Action::Confirm => return confirm(prompt, session),
        Action::Quit => return Next::Quit,
        _ => return Next::Stay,
    };
    if changed && prompt.ask == Ask::Search {
        session.set_search(prompt.text.clone());
    }
    Next::Stay
}

/// The question whether to replace a file: `y` writes over it, any other key (Enter
/// too) leaves it as it is.
fn on_overwrite(action: Action, prompt: &Prompt) -> Next {
    match action {
        Action::Type('y' | 'Y') => match Target::parse(&prompt.text) {
            Ok(target) => Next::Write(Target {
                overwrite: true,
                ..target
            }),
            Err(_) => Next::Close,
        },
        Action::Quit => Next::Quit,
        _ => Next::Close,
    }
}

/// Enter in a prompt: keeps the search, moves to or filters by the date typed, sets the
/// tags typed, adds the note or names the file to write, unless it does not parse (then
/// the prompt stays open with the error).
fn confirm(prompt: &mut Prompt, session: &mut Session) -> Next {
    match prompt.ask {
        Ask::WriteFile => {
            return match Target::parse(&prompt.text) {
                Ok(target) => Next::Write(target),
                Err(e) => {
                    prompt.error = Some(e);
                    Next::Stay
                }
            };
        }
        Ask::Tags => {
            return match prompt.tags_typed() {
                Ok(tags) => {
                    if session.set_tags(tags) {
                        Next::CloseAndSave
                    } else {
                        Next::Close
                    }
                }
                Err(e) => {
                    prompt.error = Some(e);
                    Next::Stay
                }
            };
        }
        Ask::Note => {
            let text = prompt.text.trim();
            let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 0);
            return if !text.is_empty() && session.add_note(text.to_string(), now) {
                Next::CloseAndSave
            } else {
                Next::Close
            };
        }
        Ask::Search | Ask::JumpToDate | Ask::DateRange | Ask::Overwrite => {}
    }
    let done = match prompt.ask {
        Ask::Search | Ask::WriteFile | Ask::Overwrite => Ok(()),
        Ask::JumpToDate => session
            .first_on_or_after(&prompt.text)
            .map(|k| session.select(k)),
        Ask::DateRange => prompt.date_range_typed().map(|(from, to)| {
            session.apply_filter(Filter {
                from,
                to,
                ..session.filter.clone()
            })
        }),
        Ask::Tags | Ask::Note => Ok(()),
    };
    match done {
        Ok(()) => Next::Close,
        Err(e) => {
            prompt.error = Some(e);
            Next::Stay
        }
    }
}
