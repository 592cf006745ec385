//! The TUI's state and its routing: an action goes to the overlay on top or to the
//! panes ([`commands::run`]), then every pane follows the session on the current screen.
//! The state itself lives with the code that draws it: the [`Session`] that several panes
//! read, each pane's view in [`Panes`], the [`Overlay`].

use ratatui::Frame;
use ratatui::layout::{Position, Rect, Size};

use super::commands::{self, Action, Flow};
use super::keys;
use super::layout::{Focus, Layout};
use super::overlays::Overlay;
use super::overlays::documents::Documents;
use super::overlays::errors::Errors;
use super::overlays::prompt::{Ask, Prompt};
use super::panes::Panes;
use super::render;
use super::session::{Changes, Session};
use super::status_bar::Notice;
use super::write::{self, Outcome, Target};
use crate::axis::Scale;
use crate::load::LoadError;
use crate::model::{Annotations, Timeline};
use crate::query::Filter;

/// The whole state of the TUI.
pub struct App {
    /// What the panes show: the timeline, filter, selection and search.
    pub session: Session,
    /// Each pane's view state, and the focus.
    pub panes: Panes,
    /// The help, picker or prompt on top, if any.
    pub overlay: Overlay,
    /// The terminal size the last resize reported.
    pub size: Size,
    /// Set when the person asked to leave.
    pub quit: bool,
    /// A message for the status bar, shown until the next key.
    pub notice: Option<String>,
    /// A failure to report in the status bar (in the alarm style), until the next key.
    pub warning: Option<String>,
    /// Why the files on disk no longer load, while they do not; the timeline shown is
    /// the last that loaded.
    pub load_errors: Option<LoadError>,
    /// What the event loop must do that the state cannot: reload, run the editor, or
    /// send the clipboard the last citation copied.
    pub request: Option<Request>,
    /// The citations copied (`y`), oldest first: printed once the terminal is restored,
    /// since many terminals ignore a program's request to set the clipboard.
    pub copied: Vec<String>,
    /// Set while the timeline is a preview of a load still running: how far the load
    /// has got, in the status bar's words. Only the actions that
    /// [work on a preview](Action::works_on_a_preview) are done meanwhile.
    pub loading: Option<String>,
}

/// Work the app asks of the event loop, which owns the terminal and the files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Load the files again now.
    Reload,
    /// Open the selected event's file in the editor.
    Edit,
    /// Ask the terminal to put the last citation copied on the clipboard (OSC 52).
    Copy,
    /// Write the annotations to the notes file, merged with what it holds now.
    SaveNotes,
    /// Write a long note on the selected event in the editor.
    EditNote,
    /// Write the shown events to a file.
    Write(Target),
}

impl App {
    /// A TUI over `timeline` in a terminal of `size`, showing the events `filter` keeps.
    pub fn new(timeline: Timeline, title: String, filter: Filter, size: Size) -> Self {
        let mut app = App {
            session: Session::new(timeline, title, filter),
            panes: Panes::default(),
            overlay: Overlay::None,
            size,
            quit: false,
            notice: None,
            warning: None,
            load_errors: None,
            request: None,
            copied: Vec::new(),
            loading: None,
        };
        app.follow();
        app
    }

    /// The whole screen, at the size the last resize reported.
    pub fn screen(&self) -> Rect {
        Rect::from((Position::ORIGIN, self.size))
    }

    /// Where each pane is on the screen.
    pub fn layout(&self) -> Layout {
        self.panes.layout(self.screen())
    }

    /// Shows only the events `filter` keeps (see [`Session::apply_filter`]).
    pub fn apply_filter(&mut self, filter: Filter) {
        self.session.apply_filter(filter);
        self.follow();
    }

    /// Applies one action: a resize sets the size, any other goes to the overlay on top
    /// or to the panes. Then the panes follow the session on the new screen.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.notice = None;
            self.warning = None;
        }
        if self.loading.is_some() && !action.works_on_a_preview() {
            let key = keys::BINDINGS
                .iter()
                .find(|b| b.action == action)
                .and_then(|b| b.keys.first())
                .map_or_else(|| "that".to_string(), keys::label);
            self.notice = Some(format!("{key} needs the whole timeline"));
            return;
        }
        let screen = self.screen();
        let flow = match action {
            Action::Resize(width, height) => {
                self.size = Size::new(width, height);
                Flow::Go
            }
            _ => commands::run(
                action,
                &mut self.session,
                &mut self.panes,
                &mut self.overlay,
                screen,
            ),
        };
        match flow {
            Flow::Go => {}
            Flow::Quit => self.quit = true,
            Flow::Reload => self.request = Some(Request::Reload),
            Flow::Edit => self.request = Some(Request::Edit),
            Flow::Say(text) => self.notice = Some(text.to_string()),
            Flow::CopyCitation => self.copy_citation(),
            Flow::SaveNotes => self.request = Some(Request::SaveNotes),
            Flow::EditNote => self.request = Some(Request::EditNote),
            Flow::Write(target) => self.request = Some(Request::Write(target)),
            Flow::ShowErrors => match &self.load_errors {
                Some(error) => self.overlay = Overlay::Errors(Errors::new(error_lines(error))),
                None => self.notice = Some("no load errors: the files load".into()),
            },
        }
        self.follow();
    }

    /// Copies a citation of the selected event, of the source the source pane shows or
    /// else of its first: kept for printing on quit, and handed to the event loop for
    /// the clipboard; the status bar says so.
    fn copy_citation(&mut self) {
        let Some(event) = self.session.selected_event() else {
            self.notice = Some("no event to cite".into());
            return;
        };
        let source = match &self.panes.source {
            Some(view) if view.event == event => view.source,
            _ => 0,
        };
        if let Some(text) = super::citation::citation(&self.session.timeline, event, source) {
            self.copied.push(text);
            self.request = Some(Request::Copy);
            self.notice = Some("citation copied (OSC 52); printed when tline quits".into());
        }
    }

    /// Writes the shown events as `target` says (the event loop calls it: it is I/O),
    /// then says how it went in the status bar, or asks whether to replace the file.
    pub fn write_view(&mut self, target: &Target) {
        match write::write_view(&self.session, target) {
            Outcome::Wrote(notice) | Outcome::Failed(notice) => self.notice = Some(notice),
            Outcome::Exists => {
                self.overlay = Overlay::Prompt(Prompt::new(Ask::Overwrite, target.typed.clone()))
            }
        }
    }

    /// A paste, or a run of characters typed faster than the screen is drawn, as one
    /// edit of the prompt or picker on top (see [`commands::paste`]). The question
    /// whether to replace a file takes the first character as its answer.
    pub fn paste(&mut self, text: &str) {
        if matches!(&self.overlay, Overlay::Prompt(p) if p.ask == Ask::Overwrite) {
            if let Some(answer) = text.chars().next() {
                self.update(Action::Type(answer));
            }
            return;
        }
        self.notice = None;
        commands::paste(text, &mut self.session, &mut self.overlay);
        self.follow();
    }

    /// Takes in the files loaded again: a timeline replaces the one shown, keeping the
    /// selection, filter, search, scroll and open pane, and the status bar says what
    /// changed (a reload that changed nothing says so only when `announce_unchanged`);
    /// an error keeps the timeline shown and holds the problems for the errors overlay.
    pub fn reloaded(&mut self, loaded: Result<Timeline, LoadError>, announce_unchanged: bool) {
        match loaded {
            Ok(timeline) => {
                let had_errors = self.load_errors.take().is_some();
                if matches!(self.overlay, Overlay::Errors(_)) {
                    self.overlay = Overlay::None;
                }
                let changes = self.replace_timeline(timeline);
                if let Overlay::Documents(shown) = &mut self.overlay {
                    // The documents and the counts are those of the new timeline.
                    let cursor = shown.cursor;
                    *shown = Documents::open(&self.session);
                    shown.cursor = cursor;
                    shown.move_cursor(0);
                }
                if changes != Changes::default() || announce_unchanged || had_errors {
                    self.notice = Some(if changes == Changes::default() {
                        "reloaded: no change".to_string()
                    } else {
                        changes.describe()
                    });
                }
            }
            Err(error) => {
                if let Overlay::Errors(shown) = &mut self.overlay {
                    *shown = Errors::new(error_lines(&error));
                }
                self.notice = None;
                self.load_errors = Some(error);
            }
        }
        self.follow();
    }

    /// Takes in the result of writing the notes file: what it holds now (ours merged with
    /// what another process wrote), or why it could not be written, said in the status
    /// bar while the change stays in memory (the next save tries again).
    pub fn notes_written(&mut self, written: Result<Annotations, String>) {
        match written {
            Ok(merged) => self.session.notes_saved(merged),
            Err(why) => self.warning = Some(format!("notes not saved (kept in memory): {why}")),
        }
        self.follow();
    }

    /// Takes in a note written in the editor: added to the selected event, dated now,
    /// unless it is empty. Returns whether it was added (and so must be saved).
    pub fn note_edited(&mut self, text: String) -> bool {
        let text = text.trim_end().to_string();
        let now = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 0);
        let added = !text.trim().is_empty() && self.session.add_note(text, now);
        self.follow();
        added
    }

    /// Takes in the notes file read again after a reload: what another process wrote
    /// shows, our unsaved changes stay; a file that no longer reads is said, and the
    /// annotations shown stay as they were.
    pub fn notes_reread(&mut self, read: Result<Annotations, LoadError>) {
        match read {
            Ok(fresh) => self.session.notes_reread(fresh),
            Err(e) => self.warning = Some(format!("the notes file no longer reads: {e}")),
        }
        self.follow();
    }

    /// Puts `timeline` in the session and brings the panes back to where they were.
    fn replace_timeline(&mut self, timeline: Timeline) -> Changes {
        let place = PanePlace::of(&self.panes);
        let changes = self.session.reload(timeline);
        self.follow();
        self.restore(place);
        changes
    }

    /// Takes the place of `preview`, the app shown while this one loaded: the same
    /// event selected (by id), the same panes open and scrolled, the help still open.
    pub fn take_place_of(&mut self, preview: App) {
        let shown = &preview.session;
        let id = shown.selected_event().map(|e| &shown.timeline.events[e].id);
        let selected = id
            .and_then(|id| self.session.timeline.event_index(id))
            .and_then(|e| self.session.rows.events.binary_search(&e).ok());
        if let Some(k) = selected {
            self.session.select(k);
        }
        self.follow();
        self.restore(PanePlace::of(&preview.panes));
        // Only the help opens on a preview (see `Action::works_on_a_preview`).
        if let Overlay::Help(help) = preview.overlay {
            self.overlay = Overlay::Help(help);
            self.follow();
        }
    }

    /// Brings the panes back to `place`, the selected event's source pane opened again.
    fn restore(&mut self, place: PanePlace) {
        let PanePlace {
            focus,
            offset,
            detail,
            source,
            axis,
        } = place;
        let screen = self.screen();
        if let Some((index, scroll)) = source {
            let count = self
                .session
                .selected_event()
                .map_or(0, |e| self.session.timeline.events[e].sources.len());
            self.panes
                .open_source(&self.session, screen, index.min(count.saturating_sub(1)));
            if let Some(view) = &mut self.panes.source {
                view.scroll = scroll;
            }
        }
        self.panes.focus = focus;
        self.panes.timeline.offset = offset;
        self.panes.detail.scroll = detail;
        if let Some(window) = axis {
            self.panes.axis.keep_window(window);
            self.follow();
        }
    }

    /// Draws the screen into `frame`, laid out on the frame's own area.
    pub fn render(&self, frame: &mut Frame) {
        let notice = self.status_notice();
        render::render(
            &self.session,
            &self.panes,
            &self.overlay,
            notice.as_ref(),
            frame,
        );
    }

    /// The notice for the status bar, or while the files do not load a reminder of it.
    fn status_notice(&self) -> Option<Notice> {
        if let Some(warning) = &self.warning {
            return Some(Notice {
                text: warning.clone(),
                alarm: true,
            });
        }
        let problems = self.load_errors.as_ref().map(|e| e.diagnostics.len());
        match (&self.notice, problems) {
            (Some(notice), _) => Some(Notice {
                text: match &self.loading {
                    Some(loading) => format!("{notice} · {loading}"),
                    None => notice.clone(),
                },
                alarm: false,
            }),
            (None, Some(count)) => Some(Notice {
                text: format!(
                    "the file no longer loads: {count} problem{} (E shows)",
                    if count == 1 { "" } else { "s" }
                ),
                alarm: true,
            }),
            (None, None) => self.loading.as_ref().map(|loading| Notice {
                text: loading.clone(),
                alarm: false,
            }),
        }
    }

    fn follow(&mut self) {
        let screen = self.screen();
        self.panes.follow(&self.session, screen);
        self.overlay.clamp(screen.height);
    }
}

/// Where the panes stood: focus, scroll, the source shown and the time axis's zoom.
struct PanePlace {
    focus: Focus,
    offset: usize,
    detail: usize,
    source: Option<(usize, usize)>,
    axis: Option<Scale>,
}

impl PanePlace {
    fn of(panes: &Panes) -> Self {
        PanePlace {
            focus: panes.focus,
            offset: panes.timeline.offset,
            detail: panes.detail.scroll,
            source: panes.source.as_ref().map(|v| (v.source, v.scroll)),
            axis: panes.axis.zoomed_window(),
        }
    }
}

/// One line a problem, `file:line:col: message`, safe for a terminal.
fn error_lines(error: &LoadError) -> Vec<String> {
    error.diagnostics.iter().map(|d| d.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};
    use crate::tui::layout::Focus;
    use crate::tui::overlays::help;
    use crate::tui::panes::source;
    use crate::tui::widgets::inner;

    fn page(app: &App, pane: Focus) -> isize {
        app.panes.page(app.screen(), pane)
    }

    fn help_open(app: &App) -> bool {
        matches!(app.overlay, Overlay::Help(_))
    }

    fn help_scroll(app: &App) -> usize {
        match &app.overlay {
            Overlay::Help(help) => help.scroll,
            _ => 0,
        }
    }

    fn app(width: u16, height: u16) -> App {
        let timeline = load_sources(&[SourceFile::bundled()]).unwrap();
        App::new(
            timeline,
            "events.yaml".into(),
            Filter::default(),
            Size::new(width, height),
        )
    }

    /// An app over `timeline`, titled `events.yaml`, unfiltered, at 120 × 40.
    fn app_of(timeline: Timeline) -> App {
        App::new(
            timeline,
            "events.yaml".into(),
            Filter::default(),
            Size::new(120, 40),
        )
    }

    fn selected_id(app: &App) -> &str {
        &app.session.timeline.events[app.session.selected_event().unwrap()].id
    }

    fn row_visible(app: &App) -> bool {
        let height = page(app, Focus::Timeline) as usize;
        let row = app.session.rows.row_of(app.session.selected);
        (app.panes.timeline.offset..app.panes.timeline.offset + height).contains(&row)
    }

    #[test]
    fn moving_past_either_end_stays_at_the_end() {
        let mut app = app(120, 40);
        app.update(Action::Up);
        assert_eq!(app.session.selected, 0);
        app.update(Action::Bottom);
        let last = app.session.rows.events.len() - 1;
        assert_eq!(app.session.selected, last);
        app.update(Action::Down);
        app.update(Action::PageDown);
        assert_eq!(app.session.selected, last);
        app.update(Action::Top);
        assert_eq!(app.session.selected, 0);
    }

    #[test]
    fn page_moves_follow_the_pane_height() {
        let mut app = app(60, 14);
        let page = page(&app, Focus::Timeline) as usize;
        assert!(page >= 2);
        app.update(Action::PageDown);
        assert_eq!(app.session.selected, page);
        assert!(row_visible(&app));
        app.update(Action::HalfPageUp);
        assert_eq!(app.session.selected, page - page / 2);
        app.update(Action::HalfPageDown);
        assert_eq!(app.session.selected, page);
        app.update(Action::PageUp);
        assert_eq!(app.session.selected, 0);
        assert_eq!(app.panes.timeline.offset, 0);
    }

    #[test]
    fn jump_to_source_and_back_restores_selection_scroll_and_focus() {
        let mut app = app(60, 14);
        for _ in 0..8 {
            app.update(Action::Down);
        }
        let (selected, offset) = (app.session.selected, app.panes.timeline.offset);
        assert!(offset > 0, "the list scrolled");
        app.update(Action::OpenSource);
        let view = app.panes.source.as_ref().expect("source open");
        assert_eq!(view.event, app.session.selected_event().unwrap());
        assert_eq!(app.panes.focus, Focus::Side);
        app.update(Action::Down);
        app.update(Action::Back);
        assert!(app.panes.source.is_none());
        assert_eq!(
            (
                app.session.selected,
                app.panes.timeline.offset,
                app.panes.focus
            ),
            (selected, offset, Focus::Timeline)
        );
        app.update(Action::ToggleSource);
        assert!(app.panes.source.is_some());
        app.update(Action::ToggleSource);
        assert!(app.panes.source.is_none());
    }

    #[test]
    fn source_view_starts_at_the_cited_paragraph() {
        let mut app = app(120, 40);
        let k = app
            .session
            .rows
            .events
            .iter()
            .position(|&e| &*app.session.timeline.events[e].id == "allied-consultations");
        app.session.selected = k.unwrap();
        app.update(Action::OpenSource);
        let view = app.panes.source.as_ref().unwrap();
        let cited = app.session.timeline.events[view.event].sources[0].paragraph - 1;
        let first = view
            .lines
            .iter()
            .position(|l| l.paragraph == cited)
            .unwrap();
        assert!(view.scroll <= first && first < view.scroll + page(&app, Focus::Side) as usize);
    }

    /// Selects the first shown event with more than one source.
    fn select_one_with_several_sources(app: &mut App) {
        let k = app
            .session
            .rows
            .events
            .iter()
            .position(|&e| app.session.timeline.events[e].sources.len() > 1);
        app.session.selected = k.expect("an event with several sources");
    }

    #[test]
    fn brackets_step_through_an_events_sources() {
        let mut app = app(120, 40);
        select_one_with_several_sources(&mut app);
        app.update(Action::PrevSource);
        assert!(
            app.panes.source.is_none(),
            "brackets do nothing without the source pane"
        );
        app.update(Action::OpenSource);
        app.update(Action::NextSource);
        assert_eq!(app.panes.source.as_ref().unwrap().source, 1);
        for _ in 0..10 {
            app.update(Action::NextSource);
        }
        let count = app.session.timeline.events[app.session.selected_event().unwrap()]
            .sources
            .len();
        assert_eq!(app.panes.source.as_ref().unwrap().source, count - 1);
        app.update(Action::PrevSource);
        assert_eq!(app.panes.source.as_ref().unwrap().source, count - 2);
    }

    #[test]
    fn resize_keeps_the_selection_visible() {
        let mut app = app(120, 40);
        app.update(Action::Bottom);
        assert!(row_visible(&app));
        app.update(Action::Resize(40, 8));
        assert!(row_visible(&app));
        app.update(Action::Top);
        app.update(Action::Resize(1, 1));
        app.update(Action::Bottom);
        app.update(Action::Resize(120, 40));
        assert!(row_visible(&app));
        assert_eq!(app.panes.timeline.offset, 0, "everything fits at 120x40");
    }

    #[test]
    fn resize_rewraps_the_open_source() {
        let mut app = app(120, 40);
        app.update(Action::OpenSource);
        let wide = app.panes.source.as_ref().unwrap().lines.len();
        app.update(Action::Resize(50, 30));
        let view = app.panes.source.as_ref().unwrap();
        assert!(view.lines.len() > wide);
        assert_eq!(view.width, source::text_width(48));
    }

    #[test]
    fn resize_under_the_help_or_a_picker_rewraps_the_source_too() {
        for opener in [Action::ToggleHelp, Action::PickActors] {
            let mut app = app(120, 40);
            app.update(Action::OpenSource);
            app.update(opener);
            app.update(Action::Resize(50, 30));
            app.update(Action::Back);
            let view = app.panes.source.as_ref().unwrap();
            assert_eq!(view.width, source::text_width(48), "{opener:?}");
        }
    }

    #[test]
    fn a_reload_under_the_documents_overlay_counts_the_new_documents() {
        let mut app = app(120, 40);
        app.update(Action::ShowDocuments);
        let mut timeline = app.session.timeline.clone();
        let mut second = timeline.documents[0].clone();
        second.id = "second".into();
        timeline.documents.push(second);
        app.reloaded(Ok(timeline), false);
        match &app.overlay {
            Overlay::Documents(shown) => assert_eq!(shown.citing, [17, 0]),
            other => panic!("the documents overlay closed: {other:?}"),
        }
        app.update(Action::Bottom);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal.draw(|frame| app.render(frame)).unwrap();
    }

    #[test]
    fn enter_in_the_documents_overlay_opens_the_document_at_its_first_paragraph() {
        let mut app = app(120, 40);
        app.update(Action::Bottom);
        app.update(Action::ShowDocuments);
        app.update(Action::OpenSource);
        assert_eq!(app.overlay, Overlay::None);
        let view = app.panes.source.as_ref().expect("the source pane opened");
        assert_eq!(
            (view.scroll, app.session.selected),
            (0, 0),
            "the first citing event"
        );
    }

    #[test]
    fn y_cites_the_source_the_source_pane_shows_else_the_first() {
        let mut app = app(120, 40);
        select_one_with_several_sources(&mut app);
        let event = app.session.selected_event().unwrap();
        let quote = |i: usize| {
            app.session.timeline.events[event].sources[i]
                .quote
                .to_string()
        };
        let (first, second) = (quote(0), quote(1));
        app.update(Action::CopyCitation);
        app.update(Action::OpenSource);
        app.update(Action::NextSource);
        app.update(Action::CopyCitation);
        assert_eq!(app.copied.len(), 2);
        assert!(
            app.copied[0].starts_with(&format!("“{first}”")),
            "{:?}",
            app.copied
        );
        assert!(
            app.copied[1].starts_with(&format!("“{second}”")),
            "{:?}",
            app.copied
        );
        assert_eq!(app.request, Some(Request::Copy));
        assert!(
            app.notice
                .as_deref()
                .unwrap_or("")
                .contains("citation copied")
        );
    }

    #[test]
    fn help_closes_on_any_key_without_acting_on_it() {
        let mut app = app(120, 40);
        app.update(Action::ToggleHelp);
        assert!(help_open(&app));
        app.update(Action::OpenSource);
        assert!(!help_open(&app));
        assert!(app.panes.source.is_none());
        app.update(Action::ToggleHelp);
        app.update(Action::Quit);
        assert!(
            !help_open(&app) && !app.quit,
            "q closes the help, like in less"
        );
    }

    #[test]
    fn help_scrolls_with_movement_keys_when_it_does_not_fit() {
        let mut app = app(40, 12);
        app.update(Action::ToggleHelp);
        app.update(Action::Down);
        assert!(help_open(&app));
        assert_eq!(help_scroll(&app), 1);
        app.update(Action::PageDown);
        assert_eq!(help_scroll(&app), 1 + help::visible_lines(12));
        app.update(Action::Bottom);
        assert_eq!(
            help_scroll(&app),
            help::line_count() - help::visible_lines(12)
        );
        app.update(Action::Back);
        assert!(!help_open(&app));
        assert_eq!(app.session.selected, 0);
    }

    #[test]
    fn focus_moves_between_panes_and_keys_scroll_the_focused_one() {
        let mut app = app(120, 40);
        app.update(Action::FocusNext);
        assert_eq!(app.panes.focus, Focus::Side);
        app.update(Action::Down);
        assert_eq!(app.session.selected, 0, "the timeline did not move");
        app.update(Action::FocusNext);
        app.update(Action::Down);
        assert_eq!(
            selected_id(&app),
            &*app.session.timeline.events[app.session.rows.events[1]].id
        );
    }

    #[test]
    fn click_selects_the_event_under_the_pointer_and_wheel_scrolls() {
        let mut app = app(120, 40);
        let inside = inner(app.layout().timeline.unwrap());
        let row = app.session.rows.row_of(3) as u16;
        app.update(Action::Click(inside.x + 2, inside.y + row));
        assert_eq!(app.session.selected, 3);
        app.update(Action::Wheel(inside.x + 2, inside.y, true));
        assert_eq!(app.session.selected, 6);
        let side = app.layout().side.unwrap();
        app.update(Action::Click(side.x + 2, side.y + 2));
        assert_eq!(app.panes.focus, Focus::Side);
    }

    /// Where the open source is: its event, its source, and the line it starts at.
    fn shown_source(app: &App) -> (usize, usize, usize) {
        let view = app.panes.source.as_ref().expect("the source is open");
        (view.event, view.source, view.scroll)
    }

    #[test]
    fn the_open_source_follows_the_selection_to_its_first_cited_paragraph() {
        // Issue 13: the list selected another event while the source pane still showed
        // the previous event's source, so a quote read as the wrong event's.
        let mut app = app(120, 40);
        let inside = inner(app.layout().timeline.unwrap());
        let moves = [
            Action::Down,
            Action::PageDown,
            Action::NextDateGroup,
            Action::Wheel(inside.x + 2, inside.y, false),
            Action::Click(inside.x + 2, inside.y + app.session.rows.row_of(2) as u16),
        ];
        app.update(Action::NextSource);
        app.update(Action::OpenSource);
        app.update(Action::NextSource);
        app.update(Action::FocusNext);
        for action in moves {
            app.update(action);
            let event = app.session.selected_event().unwrap();
            let mut fresh = App::new(
                app.session.timeline.clone(),
                "events.yaml".into(),
                Filter::default(),
                app.size,
            );
            fresh.session.selected = app.session.selected;
            fresh.update(Action::OpenSource);
            assert_eq!(shown_source(&app).0, event, "{action:?}");
            assert_eq!(shown_source(&app), shown_source(&fresh), "{action:?}");
            assert_eq!(app.panes.focus, Focus::Timeline, "{action:?}");
        }
        app.update(Action::Back);
        assert!(app.panes.source.is_none());
        assert_eq!(app.panes.focus, Focus::Timeline, "back where it was");
    }

    #[test]
    fn single_pane_layout_shows_the_focused_pane() {
        let mut app = app(30, 10);
        assert!(app.layout().side.is_none());
        app.update(Action::OpenSource);
        assert!(app.layout().timeline.is_none());
        assert!(app.layout().side.is_some());
        app.update(Action::Back);
        assert!(app.layout().timeline.is_some());
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Type(c));
        }
    }

    fn shown_ids(app: &App) -> Vec<String> {
        app.session
            .rows
            .events
            .iter()
            .map(|&e| app.session.timeline.events[e].id.to_string())
            .collect()
    }

    #[test]
    fn four_keys_filter_by_putin() {
        let mut app = app(120, 40);
        app.update(Action::PickActors);
        type_text(&mut app, "pu");
        app.update(Action::Confirm);
        let putin = app.session.timeline.resolve_actor("putin").unwrap();
        assert_eq!(app.session.filter.actors, [putin]);
        assert!(!app.session.rows.is_empty());
        for &e in &app.session.rows.events {
            assert!(app.session.timeline.events[e].actors.contains(&putin));
        }
        app.update(Action::ClearFilters);
        assert_eq!(
            app.session.rows.events.len(),
            app.session.timeline.events.len()
        );
    }

    #[test]
    fn picker_narrows_ticks_and_cancel_keeps_the_old_filter() {
        let mut app = app(120, 40);
        app.update(Action::PickActors);
        let Overlay::Picker(picker) = &app.overlay else {
            panic!("picker open")
        };
        let counts: Vec<usize> = picker.items.iter().map(|i| i.count).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "sorted by count");
        type_text(&mut app, "nato");
        let Overlay::Picker(picker) = &app.overlay else {
            panic!("picker open")
        };
        assert_eq!(picker.shown().len(), 2, "NATO and the NATO-Russia Council");
        app.update(Action::Tick);
        app.update(Action::Down);
        app.update(Action::Tick);
        app.update(Action::Cancel);
        assert_eq!(app.overlay, Overlay::None);
        assert!(app.session.filter.is_empty());
        app.update(Action::PickActors);
        type_text(&mut app, "nato");
        app.update(Action::Tick);
        app.update(Action::Down);
        app.update(Action::Tick);
        app.update(Action::Confirm);
        assert_eq!(app.session.filter.actors.len(), 2);
        app.update(Action::PickActors);
        let Overlay::Picker(picker) = &app.overlay else {
            panic!("picker open")
        };
        assert_eq!(
            picker.items.iter().filter(|i| i.chosen).count(),
            2,
            "ticks kept"
        );
    }

    #[test]
    fn actor_mode_all_finds_events_between_two_actors() {
        let mut app = app(120, 40);
        let us = app.session.timeline.resolve_actor("united states").unwrap();
        let putin = app.session.timeline.resolve_actor("putin").unwrap();
        app.apply_filter(Filter {
            actors: vec![us, putin],
            ..Filter::default()
        });
        let any = app.session.rows.events.len();
        app.update(Action::ToggleActorMode);
        assert!(app.session.filter.all_actors);
        assert!(app.session.rows.events.len() < any);
        for &e in &app.session.rows.events {
            let actors = &app.session.timeline.events[e].actors;
            assert!(actors.contains(&us) && actors.contains(&putin));
        }
    }

    #[test]
    fn kind_picker_and_selected_event_actors() {
        let mut app = app(120, 40);
        app.update(Action::PickKinds);
        type_text(&mut app, "flight");
        app.update(Action::Confirm);
        assert_eq!(
            shown_ids(&app),
            ["jstars-flight-2021-12-27", "jstars-flight-2021-12-30"]
        );
        app.update(Action::ClearFilters);
        let k = app
            .session
            .rows
            .events
            .iter()
            .position(|&e| &*app.session.timeline.events[e].id == "biden-putin-call");
        app.session.selected = k.unwrap();
        app.update(Action::FilterBySelectedActors);
        let call = &app.session.timeline.events[app.session.selected_event().unwrap()];
        assert_eq!(
            &*call.id, "biden-putin-call",
            "the selected event stays selected"
        );
        assert_eq!(app.session.filter.actors, call.actors.to_vec());
    }

    #[test]
    fn date_prompt_filters_by_overlap_and_refuses_bad_dates() {
        let mut app = app(120, 40);
        app.update(Action::AskDateRange);
        type_text(&mut app, "2021-02-30");
        app.update(Action::Confirm);
        let Overlay::Prompt(prompt) = &app.overlay else {
            panic!("prompt still open")
        };
        assert!(prompt.error.as_deref().unwrap_or("").contains("no day 30"));
        for _ in 0..10 {
            app.update(Action::Erase);
        }
        type_text(&mut app, "2022-01");
        app.update(Action::Confirm);
        assert_eq!(app.overlay, Overlay::None);
        let ids = shown_ids(&app);
        assert!(ids.contains(&"nato-russia-council-talks".to_string()));
        assert!(!ids.contains(&"biden-putin-call".to_string()));
        app.update(Action::AskDateRange);
        app.update(Action::Cancel);
        assert_eq!(
            app.session.filter.from.map(|d| d.to_string()).as_deref(),
            Some("2022-01-01")
        );
    }

    #[test]
    fn filtering_keeps_the_selection_or_picks_the_nearest_in_time() {
        let mut app = app(120, 40);
        let k = app
            .session
            .rows
            .events
            .iter()
            .position(|&e| &*app.session.timeline.events[e].id == "jstars-flight-2021-12-30");
        app.session.selected = k.unwrap();
        app.apply_filter(Filter {
            kinds: vec!["flight".into()],
            ..Filter::default()
        });
        assert_eq!(
            &*app.session.timeline.events[app.session.selected_event().unwrap()].id,
            "jstars-flight-2021-12-30"
        );
        app.apply_filter(Filter {
            kinds: vec!["talks".into()],
            ..Filter::default()
        });
        let now = &app.session.timeline.events[app.session.selected_event().unwrap()];
        assert_eq!(
            &*now.id, "diplomatic-engagement-next-month",
            "the nearest talks in time"
        );
    }

    #[test]
    fn search_is_incremental_wraps_with_n_and_esc_restores() {
        let mut app = app(120, 40);
        app.update(Action::Down);
        app.update(Action::Search);
        type_text(&mut app, "jstars");
        assert_eq!(app.session.matches.len(), 2);
        let first = app.session.selected;
        assert_eq!(app.session.matches[0], first);
        app.update(Action::Confirm);
        assert_eq!(app.overlay, Overlay::None);
        app.update(Action::NextMatch);
        assert_eq!(app.session.selected, app.session.matches[1]);
        app.update(Action::NextMatch);
        assert_eq!(
            app.session.selected, app.session.matches[0],
            "wraps to the first"
        );
        app.update(Action::PrevMatch);
        assert_eq!(
            app.session.selected, app.session.matches[1],
            "wraps to the last"
        );
        app.update(Action::Back);
        assert!(app.session.search.is_empty() && app.session.matches.is_empty());
        app.update(Action::Top);
        app.update(Action::Search);
        type_text(&mut app, "decisive");
        assert_ne!(app.session.selected, 0);
        app.update(Action::Cancel);
        assert_eq!(
            app.session.selected, 0,
            "Esc goes back to where the search began"
        );
    }

    #[test]
    fn a_filter_that_matches_nothing_leaves_an_empty_timeline() {
        let mut app = app(120, 40);
        app.apply_filter(Filter {
            text: "no such words".into(),
            ..Filter::default()
        });
        assert!(app.session.rows.is_empty());
        assert_eq!(app.session.selected_event(), None);
        app.update(Action::Down);
        app.update(Action::OpenSource);
        assert!(app.panes.source.is_none());
    }

    /// A small timeline: `actors` in that order, then `events`, each `(id, date, title,
    /// actor)`.
    fn small(actors: &[&str], events: &[(&str, &str, &str, &str)]) -> Timeline {
        let mut text = String::from(
            "documents:\n  - id: doc\n    title: A doc\n    published: 2022-01-01\n    paragraphs:\n      - \"Alpha beta gamma.\"\nactors:\n",
        );
        for actor in actors {
            text.push_str(&format!(
                "  - id: {actor}\n    name: {actor}\n    kind: organization\n"
            ));
        }
        text.push_str("events:\n");
        for (id, date, title, actor) in events {
            text.push_str(&format!(
                "  - id: {id}\n    date: {date}\n    title: {title}\n    kind: talks\n    actors: [{actor}]\n    sources:\n      - doc: doc\n        paragraph: 1\n        quote: \"beta\"\n"
            ));
        }
        let file = SourceFile {
            name: "events.yaml".into(),
            text,
        };
        load_sources(&[file]).expect("the fixture loads")
    }

    #[test]
    fn the_kind_picker_names_events_without_a_kind_and_filters_them() {
        // Was: an empty row, and an empty `kind: ` in the status bar.
        let text = "documents:\n  - id: doc\n    title: A doc\n    published: 2022-01-01\n    paragraphs:\n      - \"Alpha beta gamma.\"\nevents:\n  - id: kindless\n    date: 2022-01-01\n    title: No kind\n    sources:\n      - doc: doc\n        paragraph: 1\n        quote: \"beta\"\n  - id: talk\n    date: 2022-01-02\n    title: A talk\n    kind: talks\n    sources:\n      - doc: doc\n        paragraph: 1\n        quote: \"beta\"\n";
        let file = SourceFile {
            name: "events.yaml".into(),
            text: text.into(),
        };
        let timeline = load_sources(&[file]).expect("the fixture loads");
        let mut app = app_of(timeline);
        app.update(Action::PickKinds);
        let Overlay::Picker(picker) = &app.overlay else {
            panic!("the kind picker opens: {:?}", app.overlay);
        };
        let labels: Vec<&str> = picker
            .shown()
            .iter()
            .map(|&i| picker.items[i].label.as_str())
            .collect();
        assert_eq!(labels, ["(no kind)", "talks"]);
        app.paste("no kind");
        app.update(Action::Tick);
        app.update(Action::Confirm);
        assert_eq!(shown_ids(&app), ["kindless"]);
        let bar = status_row(&app);
        assert!(bar.contains("kind: (no kind)"), "{bar:?}");
    }

    #[test]
    fn a_reload_keeps_the_selection_by_id_the_filter_by_actor_id_and_the_open_source() {
        let before = small(
            &["alpha", "beta"],
            &[
                ("one", "2022-01-01", "One", "alpha"),
                ("two", "2022-01-02", "Two", "alpha"),
                ("three", "2022-01-03", "Three", "alpha"),
                ("other", "2022-01-04", "Other", "beta"),
            ],
        );
        let alpha = before.resolve_actor("alpha").unwrap();
        let mut app = App::new(
            before,
            "events.yaml".into(),
            Filter {
                actors: vec![alpha],
                ..Filter::default()
            },
            Size::new(120, 40),
        );
        app.update(Action::Down);
        app.update(Action::Down);
        assert_eq!(selected_id(&app), "three");
        app.update(Action::OpenSource);
        // The actors swap places (so their numbers change), `one` goes, `two` changes,
        // `zero` comes before them all.
        let after = small(
            &["beta", "alpha"],
            &[
                ("zero", "2021-12-01", "Zero", "alpha"),
                ("two", "2022-01-02", "Two changed", "alpha"),
                ("three", "2022-01-03", "Three", "alpha"),
                ("other", "2022-01-04", "Other", "beta"),
            ],
        );
        let alpha = after.resolve_actor("alpha").unwrap();
        app.reloaded(Ok(after), false);
        assert_eq!(
            app.notice.as_deref(),
            Some("reloaded: +1 event, 1 changed, 1 removed")
        );
        assert_eq!(app.session.filter.actors, [alpha], "the same actor, by id");
        assert_eq!(shown_ids(&app), ["zero", "two", "three"]);
        assert_eq!(selected_id(&app), "three");
        let view = app.panes.source.as_ref().expect("the source stays open");
        assert_eq!(view.event, app.session.selected_event().unwrap());
        assert_eq!(app.panes.focus, Focus::Side);
    }

    #[test]
    fn a_failed_reload_keeps_the_timeline_and_shows_its_errors_until_one_loads() {
        let timeline = small(&["alpha"], &[("one", "2022-01-01", "One", "alpha")]);
        let mut app = app_of(timeline.clone());
        let broken = SourceFile {
            name: "events.yaml".into(),
            text: "events: [".into(),
        };
        let error = load_sources(&[broken]).expect_err("a broken file");
        app.reloaded(Err(error), false);
        assert_eq!(shown_ids(&app), ["one"], "the last good timeline stays");
        app.update(Action::ShowErrors);
        let Overlay::Errors(errors) = &app.overlay else {
            panic!("the errors show: {:?}", app.overlay);
        };
        assert!(
            errors.lines[0].starts_with("events.yaml:1:10: "),
            "{:?}",
            errors.lines
        );
        app.reloaded(Ok(timeline), false);
        assert_eq!(app.overlay, Overlay::None, "fixed: the errors close");
        assert!(app.load_errors.is_none());
        assert_eq!(app.notice.as_deref(), Some("reloaded: no change"));
        app.update(Action::ShowErrors);
        assert_eq!(app.overlay, Overlay::None);
        assert_eq!(
            app.notice.as_deref(),
            Some("no load errors: the files load")
        );
    }

    /// The bottom row of `app` drawn on its terminal.
    fn status_row(app: &App) -> String {
        screen_rows(app).pop().unwrap_or_default()
    }

    #[test]
    fn a_notice_at_80_columns_hides_neither_the_position_nor_itself() {
        // Was: drawn over the right end of the bar, so with a long path it hid
        // "event N of M".
        let timeline = load_sources(&[SourceFile::bundled()]).unwrap();
        let mut app = App::new(
            timeline,
            "/home/someone/reporting/ukraine/events.yaml".into(),
            Filter::default(),
            Size::new(80, 24),
        );
        app.notice = Some("reloaded: +2 events, 1 changed, 0 removed".into());
        let bar = status_row(&app);
        assert!(bar.contains("1/17"), "{bar:?}");
        assert!(
            bar.contains("reloaded: +2 events, 1 changed, 0 removed"),
            "{bar:?}"
        );
        let wide = App {
            size: Size::new(160, 24),
            ..app
        };
        let bar = status_row(&wide);
        assert!(bar.contains("events.yaml · event 1 of 17"), "{bar:?}");
        assert!(
            bar.contains("reloaded: +2 events, 1 changed, 0 removed"),
            "{bar:?}"
        );
    }

    #[test]
    fn typing_and_pasting_into_the_search_give_the_same_result() {
        let mut typed = app(120, 40);
        typed.update(Action::Search);
        type_text(&mut typed, "jstars");
        let mut pasted = app(120, 40);
        pasted.update(Action::Search);
        pasted.paste("jstars");
        assert_eq!(typed.session.matches, pasted.session.matches);
        assert_eq!(typed.session.selected, pasted.session.selected);
        assert_eq!(typed.overlay, pasted.overlay);
    }

    /// Every row of `app` drawn on its terminal.
    fn screen_rows(app: &App) -> Vec<String> {
        crate::tui::drawn::rows(app.size.width, app.size.height, |frame| app.render(frame))
    }

    fn select_id(app: &mut App, id: &str) {
        let k = app
            .session
            .rows
            .events
            .iter()
            .position(|&e| &*app.session.timeline.events[e].id == id)
            .unwrap();
        app.session.select(k);
        app.update(Action::Resize(app.size.width, app.size.height));
    }

    #[test]
    fn star_review_tags_and_a_note_change_the_selected_event_and_ask_for_a_save() {
        use crate::model::Review;
        let mut app = app(120, 40);
        select_id(&mut app, "biden-putin-call");
        app.update(Action::ToggleStar);
        assert_eq!(app.request.take(), Some(Request::SaveNotes));
        app.update(Action::CycleReview);
        app.update(Action::CycleReview);
        assert_eq!(app.request.take(), Some(Request::SaveNotes));
        app.update(Action::EditTags);
        type_text(&mut app, "key call");
        app.update(Action::Confirm);
        assert_eq!(app.request.take(), Some(Request::SaveNotes));
        app.update(Action::AddNote);
        app.paste("Readout confirms **it**.");
        app.update(Action::Confirm);
        assert_eq!(app.request.take(), Some(Request::SaveNotes));
        let a = app.session.selected_annotation().unwrap().clone();
        assert!(a.star);
        assert_eq!(a.review, Review::Disputed);
        assert_eq!(a.tags.iter().collect::<Vec<_>>(), ["call", "key"]);
        assert_eq!(a.notes[0].text, "Readout confirms **it**.");
        assert_eq!(a.notes[0].author, "unknown");
        let rows = screen_rows(&app);
        assert!(
            rows.iter().any(|r| r.contains("★✗✎ Biden and Putin speak")),
            "the row's marks: {rows:#?}"
        );
        let screen = rows.join("\n");
        for shown in [
            "Starred ★",
            "Review  ✗ disputed",
            "Tags    call, key",
            "Readout confirms **it**.",
        ] {
            assert!(
                screen.contains(shown),
                "{shown:?} in the Event pane: {screen}"
            );
        }
        // Esc leaves the tags as they were; an empty note adds nothing.
        app.update(Action::EditTags);
        type_text(&mut app, "more");
        app.update(Action::Cancel);
        app.update(Action::AddNote);
        app.update(Action::Confirm);
        assert_eq!(app.request, None);
        assert_eq!(app.session.selected_annotation(), Some(&a));
    }

    #[test]
    fn tab_completes_a_tag_in_the_tags_prompt() {
        let mut app = app(120, 40);
        app.session
            .timeline
            .annotations
            .edit("biden-putin-call", |a| {
                a.tags.insert("flights".into());
            });
        app.update(Action::EditTags);
        type_text(&mut app, "fl");
        app.update(Action::Tick);
        let Overlay::Prompt(prompt) = &app.overlay else {
            panic!("the tags prompt is open: {:?}", app.overlay);
        };
        assert_eq!(prompt.text, "flights ");
    }

    #[test]
    fn starred_events_are_stepped_through_and_filtered() {
        let mut app = app(120, 40);
        app.update(Action::NextStarred);
        assert_eq!(
            app.notice.as_deref(),
            Some("no starred event shown (m stars the selected one)")
        );
        for id in ["jstars-flight-2021-12-27", "nato-russia-council-talks"] {
            app.session.timeline.annotations.edit(id, |a| a.star = true);
        }
        app.update(Action::NextStarred);
        assert_eq!(selected_id(&app), "jstars-flight-2021-12-27");
        app.update(Action::NextStarred);
        assert_eq!(selected_id(&app), "nato-russia-council-talks");
        app.update(Action::NextStarred);
        assert_eq!(selected_id(&app), "jstars-flight-2021-12-27", "wraps");
        app.update(Action::PrevStarred);
        assert_eq!(selected_id(&app), "nato-russia-council-talks", "wraps back");
        app.update(Action::ToggleStarredFilter);
        assert_eq!(
            shown_ids(&app),
            ["jstars-flight-2021-12-27", "nato-russia-council-talks"]
        );
        assert!(
            status_row(&app).contains("★ starred"),
            "{}",
            status_row(&app)
        );
        // Unstarring under the filter takes the event out of it.
        app.update(Action::ToggleStar);
        assert_eq!(shown_ids(&app).len(), 1);
    }

    #[test]
    fn the_tag_and_review_pickers_filter_by_annotation() {
        let mut app = app(120, 40);
        app.update(Action::PickTags);
        assert_eq!(app.overlay, Overlay::None, "no tags yet: no picker");
        app.session
            .timeline
            .annotations
            .edit("biden-putin-call", |a| {
                a.tags.insert("key".into());
                a.review = crate::model::Review::Verified;
            });
        app.update(Action::PickTags);
        app.update(Action::Confirm);
        assert_eq!(shown_ids(&app), ["biden-putin-call"]);
        app.update(Action::ClearFilters);
        app.update(Action::PickReviews);
        type_text(&mut app, "verified");
        app.update(Action::Confirm);
        assert_eq!(shown_ids(&app), ["biden-putin-call"]);
        assert!(status_row(&app).contains("review: verified"));
    }

    #[test]
    fn a_reload_keeps_the_annotations_and_a_failed_save_says_so_and_keeps_them() {
        let timeline = small(&["alpha"], &[("one", "2022-01-01", "One", "alpha")]);
        let mut app = app_of(timeline.clone());
        app.update(Action::ToggleStar);
        app.notes_written(Err("events.notes.yaml: Permission denied".into()));
        let bar = status_row(&app);
        assert!(bar.contains("notes not saved (kept in memory)"), "{bar:?}");
        assert!(app.session.timeline.annotations.is_starred("one"));
        assert!(app.session.saved.is_empty(), "nothing was saved");
        app.reloaded(Ok(timeline), false);
        assert!(app.session.timeline.annotations.is_starred("one"), "kept");
        let saved = app.session.timeline.annotations.clone();
        app.notes_written(Ok(saved.clone()));
        assert_eq!(app.session.saved, saved);
    }

    #[test]
    fn notes_read_again_show_another_process_s_and_keep_ours_unsaved() {
        let mut app = app(120, 40);
        app.update(Action::ToggleStar);
        let ours = selected_id(&app).to_string();
        let mut fresh = crate::model::Annotations::default();
        fresh.edit("biden-putin-call", |a| {
            a.tags.insert("theirs".into());
        });
        app.notes_reread(Ok(fresh.clone()));
        let shown = &app.session.timeline.annotations;
        assert!(shown.is_starred(&ours), "ours, not yet saved, stays");
        assert!(
            shown
                .get("biden-putin-call")
                .is_some_and(|a| a.tags.contains("theirs"))
        );
        assert_eq!(app.session.saved, fresh);
    }

    /// An app over the bundled timeline's first `count` events, shown as a preview of a
    /// load `loading`.
    fn preview(count: usize, loading: &str) -> App {
        let mut timeline = load_sources(&[SourceFile::bundled()]).unwrap();
        timeline.events.truncate(count);
        let mut app = app_of(timeline);
        app.session.partial = true;
        app.loading = Some(loading.to_string());
        app
    }

    fn status_bar(app: &App) -> String {
        let notice = app.status_notice();
        crate::tui::status_bar::text(&app.session, notice.as_ref(), 120)
    }

    #[test]
    fn a_preview_counts_the_events_so_far_and_says_how_far_the_load_has_got() {
        let mut app = preview(5, "loading… 37%");
        app.update(Action::Down);
        let bar = status_bar(&app);
        assert!(bar.contains("event 2 of 5 so far"), "{bar}");
        assert!(bar.contains("loading… 37%"), "{bar}");
    }

    #[test]
    fn a_preview_refuses_what_needs_the_whole_timeline_and_says_why() {
        let mut app = preview(5, "loading… 37%");
        for action in Action::ALL.into_iter().filter(|a| !a.works_on_a_preview()) {
            app.update(action);
            assert_eq!(app.session.selected, 0, "{action:?}");
            assert!(app.session.filter.is_empty(), "{action:?}");
            assert!(matches!(app.overlay, Overlay::None), "{action:?}");
            assert!(app.request.is_none() && !app.quit, "{action:?}");
            let bar = status_bar(&app);
            assert!(
                bar.contains("needs the whole timeline · loading… 37%"),
                "{action:?}: {bar}"
            );
        }
    }

    #[test]
    fn the_whole_timeline_takes_the_place_of_its_preview() {
        let mut shown = preview(5, "loading… 37%");
        shown.update(Action::Down);
        shown.update(Action::Down);
        shown.update(Action::FocusNext);
        let id = selected_id(&shown).to_string();
        let mut whole = app(120, 40);
        whole.take_place_of(shown);
        assert_eq!(selected_id(&whole), id);
        assert_eq!(whole.panes.focus, Focus::Side);
        let bar = status_bar(&whole);
        let total = whole.session.timeline.events.len();
        assert!(bar.contains(&format!("event 3 of {total} ")), "{bar}");
        assert!(!bar.contains("so far") && !bar.contains("loading"), "{bar}");
    }

    /// The bundled timeline, its first event's title and summary `bytes` long.
    fn with_long_summary(bytes: usize) -> Timeline {
        let mut timeline = load_sources(&[SourceFile::bundled()]).unwrap();
        let words = "the convoy moved north past the border crossing ";
        let summary = words.repeat(bytes / words.len());
        timeline.events[0].title = summary.clone().into_boxed_str();
        timeline.events[0].summary = Some(summary.into_boxed_str());
        timeline
    }

    /// Keys on a huge event cost what is drawn, not the event: a key that wrapped a 2 MB
    /// summary again took a second (issue 18, item 8). Whether it wraps again is seen
    /// in where the kept lines are, not timed.
    #[test]
    fn scrolling_and_searching_the_detail_pane_keep_its_wrapped_lines() {
        let mut app = app_of(with_long_summary(20_000));
        app.update(Action::FocusNext);
        let kept = app.panes.detail.kept_lines().expect("wrapped on selection");
        // Checked after every key: lines wrapped again are made before the old ones go,
        // so they are elsewhere.
        for _ in 0..3 {
            app.update(Action::Down);
            assert_eq!(
                app.panes.detail.kept_lines(),
                Some(kept),
                "a scroll wrapped again"
            );
        }
        assert_eq!(app.panes.detail.scroll, 3, "the keys scrolled the pane");
        app.update(Action::Search);
        for c in "border".chars() {
            app.update(Action::Type(c));
            assert_eq!(
                app.panes.detail.kept_lines(),
                Some(kept),
                "a search wrapped again"
            );
        }
        assert_eq!(app.session.search, "border");
        app.update(Action::Resize(100, 40));
        assert_ne!(
            app.panes.detail.kept_lines(),
            Some(kept),
            "a new width wraps again"
        );
    }

    /// The quote is found once, on opening: in a huge paragraph with its spaces doubled
    /// only the whitespace-tolerant search finds it, at the cost of the whole paragraph.
    /// A key that opens the view again (and searches again) leaves new lines behind.
    #[test]
    fn scrolling_the_source_pane_keeps_its_lines_and_quote() {
        let mut timeline = load_sources(&[SourceFile::bundled()]).unwrap();
        let cited = timeline.events[0].sources[0].clone();
        let filler = "troops gathered near the border again and again ".repeat(400);
        let paragraph = format!("{filler}{}", cited.quote.replace(' ', "  "));
        timeline.documents[cited.doc.index()].paragraphs[cited.paragraph - 1] = paragraph;
        let mut app = app_of(timeline);
        app.update(Action::OpenSource);
        let opened = app.panes.source.as_ref().expect("source open");
        let (lines, quote, scroll) = (opened.lines.as_ptr(), opened.quote.clone(), opened.scroll);
        assert!(quote.is_some(), "the quote was found");
        for _ in 0..3 {
            app.update(Action::Up);
            let view = app.panes.source.as_ref().expect("source still open");
            assert_eq!(
                view.lines.as_ptr(),
                lines,
                "a scroll opened the source again"
            );
            assert_eq!(view.quote, quote);
        }
        let view = app.panes.source.as_ref().expect("source still open");
        assert_eq!(view.scroll + 3, scroll, "the keys scrolled the pane");
    }

    /// A reload kept every pane's place but fitted the time axis to the whole span
    /// again, as if the person had never zoomed it.
    #[test]
    fn a_reload_keeps_the_time_axis_zoomed_in() {
        let timeline = load_sources(&[SourceFile::bundled()]).unwrap();
        let mut app = app_of(timeline.clone());
        app.update(Action::ToggleAxis);
        let fit = app.panes.axis.scale.expect("the axis is fitted");
        app.update(Action::ZoomIn);
        app.update(Action::ZoomIn);
        let zoomed = app.panes.axis.scale.expect("zoomed");
        assert!(zoomed.days_per_column < fit.days_per_column, "{zoomed:?}");
        let counted = app.panes.axis.density.clone();
        app.reloaded(Ok(timeline), false);
        let kept = app.panes.axis.scale.expect("still shown");
        assert_eq!(kept.days_per_column, zoomed.days_per_column);
        assert!(
            (kept.start - zoomed.start).abs() < 1e-6,
            "{kept:?} {zoomed:?}"
        );
        assert_eq!(
            app.panes.axis.density, counted,
            "counted for the window kept"
        );
        app.update(Action::ZoomOut);
        app.update(Action::ZoomOut);
        app.update(Action::ZoomOut);
        assert_eq!(app.panes.axis.scale, Some(fit), "zoomed out to the fit");
        app.reloaded(Ok(load_sources(&[SourceFile::bundled()]).unwrap()), false);
        assert_eq!(
            app.panes.axis.scale,
            Some(fit),
            "a fitted axis is fitted again"
        );
    }

    /// The zoom kept over a reload still shows the selected event when the edit moved it
    /// out of the window, and gives way to the fit when the span became narrower.
    #[test]
    fn a_kept_zoom_follows_the_selected_event_and_never_outgrows_the_span() {
        let timeline = load_sources(&[SourceFile::bundled()]).unwrap();
        let mut app = app_of(timeline.clone());
        app.update(Action::ToggleAxis);
        app.update(Action::ZoomIn);
        app.update(Action::ZoomIn);
        let zoomed = app.panes.axis.scale.expect("zoomed");
        let id = selected_id(&app).to_string();
        let mut moved = timeline.clone();
        let event = moved.event_index(&id).expect("the selected event");
        moved.events[event].date = crate::date::EdtfDate::parse("2023-06-15").unwrap();
        app.reloaded(Ok(moved), false);
        assert_eq!(selected_id(&app), id, "still selected");
        let kept = app.panes.axis.scale.expect("still shown");
        assert_eq!(
            kept.days_per_column, zoomed.days_per_column,
            "still zoomed in"
        );
        let k = app.session.selected;
        assert!(
            app.panes.axis.columns_of(k).is_some(),
            "the selected event is in the window {kept:?}"
        );
        // Two events a day apart: a span narrower than the window kept.
        let narrow = small(
            &["alpha"],
            &[
                ("one", "2022-01-01", "One", "alpha"),
                ("two", "2022-01-02", "Two", "alpha"),
            ],
        );
        let mut alone = app_of(narrow.clone());
        alone.update(Action::ToggleAxis);
        app.reloaded(Ok(narrow), false);
        assert_eq!(
            app.panes.axis.scale, alone.panes.axis.scale,
            "never further out than the whole span, so fitted to it"
        );
    }
}
