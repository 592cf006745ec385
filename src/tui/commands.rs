//! What a person can ask of the TUI ([`Action`], every one listed in [`Action::ALL`]) and
//! the dispatch of each to the session, the panes and the overlays.

use ratatui::layout::{Position, Rect};

use super::layout::Focus;
use super::overlays::Overlay;
use super::overlays::documents::Documents;
use super::overlays::errors::{self, Errors};
use super::overlays::help::{self, Help};
use super::overlays::picker::{Picker, PickerKind};
use super::overlays::prompt::{Ask, Prompt};
use super::panes::Panes;
use super::session::Session;
use super::write::Target;
use crate::model::DocId;
use crate::query::Filter;

/// Everything a person can ask of the TUI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Next event, or scroll the focused pane down.
    Down,
    /// Previous event, or scroll the focused pane up.
    Up,
    /// First event, or top of the focused pane.
    Top,
    /// Last event, or bottom of the focused pane.
    Bottom,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Focus the other pane.
    FocusNext,
    /// Show the selected event's source paragraph.
    OpenSource,
    /// Show the source, or go back if it is shown.
    ToggleSource,
    /// Show the event's next source.
    NextSource,
    /// Show the event's previous source.
    PrevSource,
    /// Close the source or the help, whichever is on top, or clear the search.
    Back,
    /// Open the actor picker.
    PickActors,
    /// Open the kind picker.
    PickKinds,
    /// Open the status picker.
    PickStatuses,
    /// Filter by the actors of the selected event.
    FilterBySelectedActors,
    /// Switch between events with any and with all of the chosen actors.
    ToggleActorMode,
    /// Step the source filter: every event, those told by at least two documents,
    /// those told by one only.
    CycleSources,
    /// Ask for a date range to filter by.
    AskDateRange,
    /// Start a search.
    Search,
    /// Select the next event that matches the search.
    NextMatch,
    /// Select the previous event that matches the search.
    PrevMatch,
    /// Turn the search into a filter: keep only the events it finds.
    KeepMatches,
    /// Remove every filter and the search.
    ClearFilters,
    /// Show or hide the time axis strip.
    ToggleAxis,
    /// Zoom the time axis in around the selected event.
    ZoomIn,
    /// Zoom the time axis out.
    ZoomOut,
    /// Move the time axis window back in time.
    PanEarlier,
    /// Move the time axis window forward in time.
    PanLater,
    /// Ask for a date and select the first event on or after it.
    AskJumpDate,
    /// Select the first event of the next date group.
    NextDateGroup,
    /// Select the first event of this date group, or of the previous one.
    PrevDateGroup,
    /// A character typed into a picker or prompt.
    Type(char),
    /// Backspace in a picker or prompt.
    Erase,
    /// Tab in a picker: tick or untick.
    Tick,
    /// Enter in a picker or prompt.
    Confirm,
    /// Esc in a picker or prompt.
    Cancel,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Load the files again now.
    Reload,
    /// Open the selected event's file in the editor, at its line.
    Edit,
    /// Show why the file on disk no longer loads.
    ShowErrors,
    /// Open the documents overlay: every document loaded (in it, `Enter` opens one in
    /// the source pane and `f` keeps the events citing it).
    ShowDocuments,
    /// Copy a citation of the selected event (its source shown, else its first) to the
    /// clipboard, and print it on quitting.
    CopyCitation,
    /// Star the selected event, or take its star away.
    ToggleStar,
    /// Edit the selected event's tags at a prompt.
    EditTags,
    /// Give the selected event the next review status.
    CycleReview,
    /// Write a note on the selected event at a prompt.
    AddNote,
    /// Write a long note on the selected event in the editor.
    AddLongNote,
    /// Select the next starred event.
    NextStarred,
    /// Select the previous starred event.
    PrevStarred,
    /// Show only the starred events, or all again.
    ToggleStarredFilter,
    /// Open the tag picker.
    PickTags,
    /// Open the review status picker.
    PickReviews,
    /// Ask for a file and write the shown events to it.
    WriteView,
    /// Leave tline.
    Quit,
    /// The terminal now has this size.
    Resize(u16, u16),
    /// The mouse wheel turned over a point: down when `true`.
    Wheel(u16, u16, bool),
    /// A click at a point.
    Click(u16, u16),
}

impl Action {
    /// Every action, those carrying data with an example of it: tests and the help walk
    /// this list, so a new action needs no edit there.
    pub const ALL: [Action; 60] = [
        Action::Down,
        Action::Up,
        Action::Top,
        Action::Bottom,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::FocusNext,
        Action::OpenSource,
        Action::ToggleSource,
        Action::NextSource,
        Action::PrevSource,
        Action::Back,
        Action::PickActors,
        Action::PickKinds,
        Action::PickStatuses,
        Action::FilterBySelectedActors,
        Action::ToggleActorMode,
        Action::CycleSources,
        Action::AskDateRange,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::KeepMatches,
        Action::ClearFilters,
        Action::ToggleAxis,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::PanEarlier,
        Action::PanLater,
        Action::AskJumpDate,
        Action::NextDateGroup,
        Action::PrevDateGroup,
        Action::Type('a'),
        Action::Erase,
        Action::Tick,
        Action::Confirm,
        Action::Cancel,
        Action::ToggleHelp,
        Action::Reload,
        Action::Edit,
        Action::ShowErrors,
        Action::ShowDocuments,
        Action::CopyCitation,
        Action::ToggleStar,
        Action::EditTags,
        Action::CycleReview,
        Action::AddNote,
        Action::AddLongNote,
        Action::NextStarred,
        Action::PrevStarred,
        Action::ToggleStarredFilter,
        Action::PickTags,
        Action::PickReviews,
        Action::WriteView,
        Action::Quit,
        Action::Resize(80, 24),
        Action::Wheel(0, 0, true),
        Action::Click(0, 0),
    ];

    /// Whether the action can be done on a preview, the first events of a load still
    /// running (see [`crate::tui::session::Session::partial`]).
    pub fn works_on_a_preview(self) -> bool {
        use Action::*;
        // Moving among the events read so far, and reading them, is true of a preview;
        // a filter, a search, the axis, `G`, a picker or a note would need them all.
        matches!(
            self,
            Down | Up
                | Top
                | HalfPageDown
                | HalfPageUp
                | PageDown
                | PageUp
                | FocusNext
                | OpenSource
                | ToggleSource
                | NextSource
                | PrevSource
                | Back
                | NextDateGroup
                | PrevDateGroup
                | ToggleHelp
                | Quit
                | Resize(..)
                | Wheel(..)
                | Click(..)
        )
    }

    /// The action's name, without its data.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Down => "Down",
            Action::Up => "Up",
            Action::Top => "Top",
            Action::Bottom => "Bottom",
            Action::HalfPageDown => "HalfPageDown",
            Action::HalfPageUp => "HalfPageUp",
            Action::PageDown => "PageDown",
            Action::PageUp => "PageUp",
            Action::FocusNext => "FocusNext",
            Action::OpenSource => "OpenSource",
            Action::ToggleSource => "ToggleSource",
            Action::NextSource => "NextSource",
            Action::PrevSource => "PrevSource",
            Action::Back => "Back",
            Action::PickActors => "PickActors",
            Action::PickKinds => "PickKinds",
            Action::PickStatuses => "PickStatuses",
            Action::FilterBySelectedActors => "FilterBySelectedActors",
            Action::ToggleActorMode => "ToggleActorMode",
            Action::CycleSources => "CycleSources",
            Action::AskDateRange => "AskDateRange",
            Action::Search => "Search",
            Action::NextMatch => "NextMatch",
            Action::PrevMatch => "PrevMatch",
            Action::KeepMatches => "KeepMatches",
            Action::ClearFilters => "ClearFilters",
            Action::ToggleAxis => "ToggleAxis",
            Action::ZoomIn => "ZoomIn",
            Action::ZoomOut => "ZoomOut",
            Action::PanEarlier => "PanEarlier",
            Action::PanLater => "PanLater",
            Action::AskJumpDate => "AskJumpDate",
            Action::NextDateGroup => "NextDateGroup",
            Action::PrevDateGroup => "PrevDateGroup",
            Action::Type(_) => "Type",
            Action::Erase => "Erase",
            Action::Tick => "Tick",
            Action::Confirm => "Confirm",
            Action::Cancel => "Cancel",
            Action::ToggleHelp => "ToggleHelp",
            Action::Reload => "Reload",
            Action::Edit => "Edit",
            Action::ShowErrors => "ShowErrors",
            Action::ShowDocuments => "ShowDocuments",
            Action::CopyCitation => "CopyCitation",
            Action::ToggleStar => "ToggleStar",
            Action::EditTags => "EditTags",
            Action::CycleReview => "CycleReview",
            Action::AddNote => "AddNote",
            Action::AddLongNote => "AddLongNote",
            Action::NextStarred => "NextStarred",
            Action::PrevStarred => "PrevStarred",
            Action::ToggleStarredFilter => "ToggleStarredFilter",
            Action::PickTags => "PickTags",
            Action::PickReviews => "PickReviews",
            Action::WriteView => "WriteView",
            Action::Quit => "Quit",
            Action::Resize(..) => "Resize",
            Action::Wheel(..) => "Wheel",
            Action::Click(..) => "Click",
        }
    }
}

/// Whether the TUI goes on after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// Keep browsing.
    Go,
    /// Leave tline.
    Quit,
    /// Load the files again (the event loop does it, off the UI thread).
    Reload,
    /// Open the selected event in the editor (the event loop hands it the terminal).
    Edit,
    /// Show the load errors, which the app holds.
    ShowErrors,
    /// Copy a citation of the selected event (the app keeps what was copied).
    CopyCitation,
    /// Write the annotations to the notes file (the event loop does it).
    SaveNotes,
    /// Write a long note in the editor (the event loop hands it the terminal).
    EditNote,
    /// Write the shown events to a file (the event loop does it: it is I/O).
    Write(Target),
    /// Say this in the status bar.
    Say(&'static str),
}

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

/// Applies `action` on a screen of `screen`: to the overlay when one is open, else to
/// the panes. The one place actions change state (a resize aside, which only the size
/// follows).
pub fn run(
    action: Action,
    session: &mut Session,
    panes: &mut Panes,
    overlay: &mut Overlay,
    screen: Rect,
) -> Flow {
    let next = match overlay {
        Overlay::None => return on_panes(action, session, panes, overlay, screen),
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

fn on_panes(
    action: Action,
    session: &mut Session,
    panes: &mut Panes,
    overlay: &mut Overlay,
    screen: Rect,
) -> Flow {
    let page = panes.page(screen, panes.focus);
    match action {
        Action::Down => panes.scroll(session, 1),
        Action::Up => panes.scroll(session, -1),
        Action::Top => panes.scroll(session, isize::MIN / 2),
        Action::Bottom => panes.scroll(session, isize::MAX / 2),
        Action::HalfPageDown => panes.scroll(session, page / 2),
        Action::HalfPageUp => panes.scroll(session, -(page / 2)),
        Action::PageDown => panes.scroll(session, page),
        Action::PageUp => panes.scroll(session, -page),
        Action::FocusNext => {
            panes.focus = match panes.focus {
                Focus::Timeline => Focus::Side,
                Focus::Side => Focus::Timeline,
            }
        }
        Action::OpenSource => panes.open_source(session, screen, 0),
        Action::ToggleSource if panes.source.is_some() => panes.close_source(),
        Action::ToggleSource => panes.open_source(session, screen, 0),
        Action::NextSource => panes.step_source(session, screen, 1),
        Action::PrevSource => panes.step_source(session, screen, -1),
        Action::Back if panes.source.is_none() => session.end_search(false),
        Action::Back => panes.close_source(),
        Action::PickActors => *overlay = Overlay::Picker(Picker::open(PickerKind::Actors, session)),
        Action::PickKinds => *overlay = Overlay::Picker(Picker::open(PickerKind::Kinds, session)),
        Action::PickStatuses => {
            *overlay = Overlay::Picker(Picker::open(PickerKind::Statuses, session))
        }
        Action::FilterBySelectedActors => {
            if let Some(event) = session.selected_event() {
                let actors = session.timeline.events[event].actors.to_vec();
                session.apply_filter(Filter {
                    actors,
                    ..session.filter.clone()
                });
            }
        }
        Action::ToggleActorMode => session.apply_filter(Filter {
            all_actors: !session.filter.all_actors,
            ..session.filter.clone()
        }),
        Action::CycleSources => session.apply_filter(Filter {
            sources: session.filter.sources.next(),
            ..session.filter.clone()
        }),
        Action::AskDateRange => *overlay = Overlay::Prompt(Prompt::date_range(&session.filter)),
        Action::Search => {
            *overlay = Overlay::Prompt(Prompt::new(Ask::Search, String::new()));
            session.begin_search();
        }
        Action::NextMatch => session.step_match(true),
        Action::PrevMatch => session.step_match(false),
        Action::KeepMatches => session.keep_matches(),
        Action::ClearFilters => {
            session.end_search(false);
            session.apply_filter(Filter::default());
        }
        Action::ToggleHelp => *overlay = Overlay::Help(Help::default()),
        Action::ToggleAxis => panes.axis.shown = !panes.axis.shown,
        Action::ZoomIn | Action::ZoomOut | Action::PanEarlier | Action::PanLater
            if !panes.axis.shown =>
        {
            panes.axis.shown = true;
        }
        Action::ZoomIn => panes.axis.zoom(0.5, session.selected),
        Action::ZoomOut => panes.axis.zoom(2.0, session.selected),
        Action::PanEarlier => panes.axis.pan(false),
        Action::PanLater => panes.axis.pan(true),
        Action::AskJumpDate => {
            *overlay = Overlay::Prompt(Prompt::new(Ask::JumpToDate, String::new()))
        }
        Action::NextDateGroup => session.select(session.next_date_group()),
        Action::PrevDateGroup => session.select(session.previous_date_group()),
        Action::Quit => return Flow::Quit,
        Action::Reload => return Flow::Reload,
        Action::Edit => return Flow::Edit,
        Action::ShowErrors => return Flow::ShowErrors,
        Action::ShowDocuments => *overlay = Overlay::Documents(Documents::open(session)),
        Action::CopyCitation => return Flow::CopyCitation,
        Action::ToggleStar
        | Action::CycleReview
        | Action::EditTags
        | Action::AddNote
        | Action::AddLongNote
            if session.selected_event().is_none() =>
        {
            return Flow::Say("no event selected");
        }
        Action::ToggleStar => {
            session.toggle_star();
            return Flow::SaveNotes;
        }
        Action::CycleReview => {
            session.cycle_review();
            return Flow::SaveNotes;
        }
        Action::EditTags => {
            let mut tags = session.selected_annotation().map_or_else(String::new, |a| {
                a.tags
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            if !tags.is_empty() {
                tags.push(' ');
            }
            *overlay = Overlay::Prompt(Prompt::new(Ask::Tags, tags));
        }
        Action::AddNote => *overlay = Overlay::Prompt(Prompt::new(Ask::Note, String::new())),
        Action::AddLongNote => return Flow::EditNote,
        Action::NextStarred | Action::PrevStarred => {
            if !session.step_starred(action == Action::NextStarred) {
                return Flow::Say("no starred event shown (m stars the selected one)");
            }
        }
        Action::ToggleStarredFilter => session.apply_filter(Filter {
            starred: !session.filter.starred,
            ..session.filter.clone()
        }),
        Action::PickTags if session.timeline.annotations.tags().is_empty() => {
            return Flow::Say("no event is tagged yet (T tags the selected one)");
        }
        Action::PickTags => *overlay = Overlay::Picker(Picker::open(PickerKind::Tags, session)),
        Action::PickReviews => {
            *overlay = Overlay::Picker(Picker::open(PickerKind::Reviews, session))
        }
        Action::WriteView => *overlay = Overlay::Prompt(Prompt::new(Ask::WriteFile, String::new())),
        Action::Wheel(x, y, down) => panes.wheel(session, screen, Position::new(x, y), down),
        Action::Click(x, y) => panes.click(session, screen, Position::new(x, y)),
        Action::Resize(..)
        | Action::Type(_)
        | Action::Erase
        | Action::Tick
        | Action::Confirm
        | Action::Cancel => {}
    }
    Flow::Go
}
