//! What a person can ask of the TUI ([`Action`], every one listed in [`Action::ALL`]) and
//! the dispatch of each to the session, the panes and the overlays.

mod on_overlay;

pub use on_overlay::paste;

use ratatui::layout::{Position, Rect};

use super::layout::Focus;
use super::overlays::Overlay;
use super::overlays::documents::Documents;
use super::overlays::help::Help;
use super::overlays::picker::{Picker, PickerKind};
use super::overlays::prompt::{Ask, Prompt};
use super::panes::Panes;
use super::session::Session;
use super::write::Target;
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

/// Applies `action` on a screen of `screen`: to the overlay when one is open (see
/// [`on_overlay`]), else to the panes. The one place actions change state (a resize
/// aside, which only the size follows).
pub fn run(
    action: Action,
    session: &mut Session,
    panes: &mut Panes,
    overlay: &mut Overlay,
    screen: Rect,
) -> Flow {
    match overlay {
        Overlay::None => on_panes(action, session, panes, overlay, screen),
        _ => on_overlay::run(action, session, panes, overlay, screen),
    }
}

/// An action with no overlay open: moves, filters, opens an overlay or asks the event
/// loop for something.
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
