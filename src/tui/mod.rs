//! The terminal UI: the [`session`] the panes share, the [`panes`] and [`overlays`] that
//! each own their view state and draw it, the [`commands`] keys send ([`keys`]), the
//! [`app`] that routes them, and the event loop that ties them to a real terminal, the
//! files ([`watch`]) and the editor ([`editor`]).

pub mod app;
pub mod citation;
pub mod commands;
#[cfg(test)]
pub(crate) mod drawn;
pub mod editor;
pub mod keys;
pub mod layout;
pub mod loading;
pub mod overlays;
pub mod panes;
pub mod render;
pub mod session;
pub mod status_bar;
pub mod terminal;
pub mod theme;
pub mod watch;
pub mod widgets;
pub mod write;

use std::process::ExitStatus;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Size;

use signal_hook::consts::{
    SIGALRM, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
    SIGVTALRM, SIGXCPU, SIGXFSZ,
};
use signal_hook::iterator::Signals;

use crate::load::Progress;
use crate::load::notes::{read_notes, save_notes};
use crate::model::Timeline;
use app::{App, Request};
use commands::Action;
use overlays::Overlay;
use terminal::Tui;
use watch::{Files, Reason, Watcher};

/// Every signal whose default action ends the process and that can be caught safely:
/// each ends tline with the terminal restored. (SIGPIPE is ignored by Rust programs;
/// SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP and SIGSYS report a fault in the
/// program itself, which a handler must not return from.)
const ENDING_SIGNALS: [i32; 13] = [
    SIGTERM,
    SIGHUP,
    SIGINT,
    SIGQUIT,
    SIGUSR1,
    SIGUSR2,
    SIGALRM,
    SIGVTALRM,
    SIGPROF,
    SIGXCPU,
    SIGXFSZ,
    SIGIO,
    nix::sys::signal::Signal::SIGPWR as i32,
];

/// What the status bar says when Ctrl-z or SIGTSTP cannot suspend.
const NO_JOB_CONTROL: &str =
    "Ctrl-z: no job-control shell to resume tline, so it keeps running (q quits)";

/// Why annotations made on the bundled timeline are not written.
const NO_NOTES_FILE: &str =
    "the bundled timeline has no file to keep notes beside (tline --notes FILE)";

/// How long the loop waits for input before looking for SIGTSTP again.
const SIGNAL_TICK: Duration = Duration::from_millis(100);

/// How long the loop waits for more input before drawing. Not zero: crossterm's poll
/// with a zero timeout never looks at the input it has read but not yet handed out, so
/// the rest of a burst would wait a frame per key.
const DRAIN_WAIT: Duration = Duration::from_millis(1);

/// How long a load may take before the loading screen shows; a quicker load (and any
/// error it ends in) never touches the terminal.
const QUIET_LOAD: Duration = Duration::from_millis(150);

/// How often the loading screen, or a preview's progress, redraws.
const LOADING_TICK: Duration = Duration::from_millis(50);

/// How often the loading screen looks for a preview to show instead.
const PREVIEW_TICK: Duration = Duration::from_millis(10);

/// Runs the TUI over what `load` builds on another thread, given the progress to publish
/// and the terminal size. Until it is done the loading screen shows, and `q` leaves at
/// once; or, when the load publishes a preview (its first events, in date order) and
/// `preview` makes an app of it, that app shows, the load's progress in its status bar,
/// until the whole timeline takes its place. An error from `load` is returned after the
/// terminal is restored. Every signal that ends a process ends it with the terminal
/// restored; Ctrl-z and SIGTSTP suspend it when a shell can resume it. `files` are
/// followed on disk and reloaded (see [`watch`]). Returns the citations copied (`y`), for
/// the caller to print now that the terminal is restored.
pub fn run_loading<F, P>(
    title: String,
    files: Files,
    load: F,
    mut preview: P,
) -> Result<Vec<String>>
where
    F: FnOnce(&Progress, Size) -> Result<App> + Send + 'static,
    P: FnMut(Timeline, Size) -> Option<App>,
{
    end_on_signals()?;
    // Started before the first load, so a change made while it runs is seen.
    let watcher = if files.paths.is_empty() {
        None
    } else {
        Some(Watcher::start(files.clone()).context("following the files")?)
    };
    let progress = Arc::new(Progress::default());
    progress.want_preview();
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let (send, receive) = mpsc::channel();
    let shared = Arc::clone(&progress);
    thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let _ = send.send(load(&shared, Size::new(width, height)));
        })
        .context("starting the loader")?;
    let started = Instant::now();
    let first = match receive.recv_timeout(QUIET_LOAD) {
        Ok(loaded) => Some(loaded?),
        Err(mpsc::RecvTimeoutError::Timeout) => None,
        Err(mpsc::RecvTimeoutError::Disconnected) => anyhow::bail!("the loader stopped"),
    };
    let mut signals = Signals::new([SIGTSTP]).context("handling signals")?;
    let mut tui = Tui::enter().context("starting the terminal UI")?;
    let app = match first {
        Some(app) => app,
        None => {
            let mut waiting = Waiting {
                tui: &mut tui,
                signals: &mut signals,
                title: &title,
                progress: &progress,
                receive: &receive,
                started,
            };
            match waiting.wait(&mut preview)? {
                Some(app) => app,
                None => return Ok(Vec::new()),
            }
        }
    };
    let mut looper = Loop {
        tui: &mut tui,
        signals: &mut signals,
        files: &files,
        watcher: watcher.as_ref(),
        notes_seen: files.notes.as_deref().and_then(watch::stamp),
    };
    let copied = looper.browse(app)?;
    drop(tui);
    Ok(copied)
}

/// Ends the process on any of [`ENDING_SIGNALS`], the terminal restored first, with the
/// status a shell reports for a signal (128 + its number). A thread of its own waits for
/// them: when the terminal itself has gone (a closed window hangs it up), reading input
/// never returns, so the main loop could not be relied on to notice.
fn end_on_signals() -> Result<()> {
    let mut signals = Signals::new(ENDING_SIGNALS).context("handling signals")?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                // Ctrl-c or Ctrl-\ in the editor is the editor's, as git has it.
                if matches!(signal, SIGINT | SIGQUIT) && in_editor() {
                    continue;
                }
                terminal::restore();
                std::process::exit(128 + signal);
            }
        })
        .context("handling signals")?;
    Ok(())
}

/// Set while the editor has the terminal.
static EDITING: AtomicBool = AtomicBool::new(false);

/// When the editor last gave the terminal back.
static EDITOR_ENDED: Mutex<Option<Instant>> = Mutex::new(None);

/// How long after the editor ends a Ctrl-c is still taken as typed into it: the signal
/// reaches tline together with the editor, but this thread may read it only after the
/// editor has gone.
const EDITOR_GRACE: Duration = Duration::from_millis(500);

/// Whether a Ctrl-c now belongs to the editor.
fn in_editor() -> bool {
    let ended = EDITOR_ENDED.lock().map(|e| *e).unwrap_or(None);
    EDITING.load(Ordering::SeqCst) || ended.is_some_and(|t| t.elapsed() < EDITOR_GRACE)
}

/// Whether SIGTSTP arrived (from `kill`; Ctrl-z comes as a key).
fn stop_asked(signals: &mut Signals) -> bool {
    signals.pending().next().is_some()
}

/// Whether a key press is Ctrl-z, which raw mode delivers as a key rather than a signal.
fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(key)
        if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL))
}

/// What the wait for a load needs: the terminal, the stop signal, the load's title,
/// progress and result, and when it began.
struct Waiting<'a> {
    tui: &'a mut Tui,
    signals: &'a mut Signals,
    title: &'a str,
    progress: &'a Progress,
    receive: &'a mpsc::Receiver<Result<App>>,
    started: Instant,
}

impl Waiting<'_> {
    /// Shows the loading screen, or the preview `preview` makes of the load's first
    /// events once it publishes them, until the app arrives (`None` if the person quit
    /// first). The app arriving takes the preview's place.
    fn wait<P>(&mut self, preview: &mut P) -> Result<Option<App>>
    where
        P: FnMut(Timeline, Size) -> Option<App>,
    {
        let mut shown: Option<App> = None;
        // When the screen was last drawn; `None` after a key, to draw at once.
        let mut drawn: Option<Instant> = None;
        loop {
            if stop_asked(self.signals) && terminal::can_suspend() {
                self.tui.suspend().context("suspending")?;
                drawn = None;
            }
            let mut due = drawn.is_none_or(|at| at.elapsed() >= LOADING_TICK);
            if shown.is_none()
                && let Some(timeline) = self.progress.take_preview()
            {
                due = true;
                let size = self.tui.size().context("reading the terminal size")?;
                shown = preview(timeline, size).map(|mut app| {
                    app.session.partial = true;
                    app
                });
            }
            if due {
                self.draw(shown.as_mut())?;
                drawn = Some(Instant::now());
            }
            match self.receive.try_recv() {
                Ok(loaded) => {
                    let mut app = loaded?;
                    if let Some(preview) = shown {
                        app.take_place_of(preview);
                    }
                    return Ok(Some(app));
                }
                Err(mpsc::TryRecvError::Disconnected) => anyhow::bail!("the loader stopped"),
                Err(mpsc::TryRecvError::Empty) => {}
            }
            // Until a preview shows, looked for more often than the screen is drawn.
            let tick = if shown.is_none() {
                PREVIEW_TICK
            } else {
                LOADING_TICK
            };
            if event::poll(tick).context("reading input")? {
                drawn = None;
                let event = event::read().context("reading input")?;
                if is_suspend(&event) {
                    if terminal::can_suspend() {
                        self.tui.suspend().context("suspending")?;
                    }
                } else if let Some(app) = &mut shown {
                    if let Some(action) = action_for(app, &event) {
                        app.update(action);
                    }
                    if app.quit {
                        return Ok(None);
                    }
                } else if let Event::Key(key) = event {
                    let ctrl_c = key.code == KeyCode::Char('c')
                        && key.modifiers.contains(KeyModifiers::CONTROL);
                    if matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// Draws the preview, its status bar saying how far the load has got, or else the
    /// loading screen.
    fn draw(&mut self, shown: Option<&mut App>) -> Result<()> {
        let snapshot = loading::Snapshot::of(self.progress, self.started.elapsed());
        let drawn = match shown {
            Some(app) => {
                follow_size(self.tui, app)?;
                app.loading = Some(loading::progress_words(&snapshot));
                self.tui.draw(|frame| app.render(frame))
            }
            None => self
                .tui
                .draw(|frame| loading::render(frame, self.title, &snapshot)),
        };
        drawn.context("drawing")?;
        Ok(())
    }
}

/// Makes `app` follow the terminal's size, which may have changed since the last resize
/// event, before it is drawn (a frame is laid out on its own area).
fn follow_size(tui: &mut Tui, app: &mut App) -> Result<()> {
    let size = tui.size().context("reading the terminal size")?;
    if size != app.size {
        app.update(Action::Resize(size.width, size.height));
    }
    Ok(())
}

/// The browsing loop and what it needs besides the app: the terminal, the stop signal,
/// the files and the thread following them.
struct Loop<'a> {
    tui: &'a mut Tui,
    signals: &'a mut Signals,
    files: &'a Files,
    watcher: Option<&'a Watcher>,
    /// The notes file as last read or written here: another stamp means another
    /// process wrote it.
    notes_seen: watch::Stamp,
}

impl Loop<'_> {
    /// Draw, then take every input pending (and any reload finished) before drawing again,
    /// so a burst of keys or a paste costs one frame, not one per key.
    fn browse(&mut self, mut app: App) -> Result<Vec<String>> {
        // A hidden switch for the tests that prove a panic restores the terminal.
        let panic_after_first_frame = std::env::var_os("TLINE_TEST_PANIC").is_some();
        // Drawn only when something changed: the loop wakes every tick for signals and
        // reloads.
        let mut changed = true;
        while !app.quit {
            if changed {
                follow_size(self.tui, &mut app)?;
                self.tui
                    .draw(|frame| app.render(frame))
                    .context("drawing")?;
            }
            if panic_after_first_frame {
                panic!("TLINE_TEST_PANIC is set");
            }
            changed = false;
            if stop_asked(self.signals) {
                self.stop(&mut app)?;
                changed = true;
            }
            while let Some((loaded, reason)) = self.watcher.and_then(Watcher::try_result) {
                app.reloaded(loaded, reason == Reason::Asked);
                self.reread_notes(&mut app);
                changed = true;
            }
            if event::poll(SIGNAL_TICK).context("reading input")? {
                self.take_pending_input(&mut app)?;
                changed = true;
            }
            if let Some(request) = app.request.take() {
                self.serve(&mut app, request)?;
                changed = true;
            }
            if self.notes_changed_elsewhere() {
                self.reread_notes(&mut app);
                changed = true;
            }
        }
        Ok(app.copied)
    }

    /// Whether another process wrote the notes file since this one last read or wrote
    /// it (one `stat` a tick).
    fn notes_changed_elsewhere(&self) -> bool {
        self.files
            .notes
            .as_deref()
            .is_some_and(|path| watch::stamp(path) != self.notes_seen)
    }

    /// Reads the notes file again into the app (see [`App::notes_reread`]).
    fn reread_notes(&mut self, app: &mut App) {
        if let Some(path) = &self.files.notes {
            self.notes_seen = watch::stamp(path);
            app.notes_reread(read_notes(path));
        }
    }

    /// Applies every input already waiting. Characters typed into a prompt or picker are
    /// gathered and applied as one edit, as a paste is.
    fn take_pending_input(&mut self, app: &mut App) -> Result<()> {
        let mut typed = String::new();
        loop {
            let event = event::read().context("reading input")?;
            let typing = matches!(app.overlay, Overlay::Prompt(_) | Overlay::Picker(_));
            match (&event, action_for(app, &event)) {
                (Event::Paste(text), _) => typed.push_str(text),
                (_, Some(Action::Type(c))) if typing => typed.push(c),
                (_, action) => {
                    if !typed.is_empty() {
                        app.paste(&std::mem::take(&mut typed));
                    }
                    if is_suspend(&event) {
                        self.stop(app)?;
                    } else if let Some(action) = action {
                        app.update(action);
                    }
                }
            }
            if app.quit || app.request.is_some() || !event::poll(DRAIN_WAIT)? {
                break;
            }
        }
        if !typed.is_empty() {
            app.paste(&typed);
        }
        Ok(())
    }

    /// Ctrl-z or SIGTSTP: suspends when a shell can resume tline, else says why not.
    fn stop(&mut self, app: &mut App) -> Result<()> {
        if terminal::can_suspend() {
            self.tui.suspend().context("suspending")?;
        } else {
            app.notice = Some(NO_JOB_CONTROL.to_string());
        }
        Ok(())
    }

    /// Does what the app asked of the loop.
    fn serve(&mut self, app: &mut App, request: Request) -> Result<()> {
        match (request, self.watcher) {
            (Request::Write(target), _) => app.write_view(&target),
            (Request::Copy, _) => return self.copy(app),
            (Request::EditNote, _) => return self.edit_note(app),
            (Request::SaveNotes, _) => self.save_notes(app),
            (Request::Reload, Some(watcher)) => {
                app.notice = Some("reloading…".into());
                watcher.request(Reason::Asked);
            }
            (Request::Edit, Some(watcher)) => {
                self.edit(app)?;
                watcher.request(Reason::Changed);
            }
            (Request::Reload, None) => {
                app.notice = Some("the bundled timeline has no file to reload".into());
            }
            (Request::Edit, None) => {
                app.notice = Some(
                    "the bundled timeline has no file to edit: open a file (tline FILE)".into(),
                );
            }
        }
        Ok(())
    }

    /// Writes the annotations to the notes file, merged with what it holds now, and
    /// tells the app how it went.
    fn save_notes(&mut self, app: &mut App) {
        let session = &app.session;
        let written = match &self.files.notes {
            Some(path) => {
                let saved = save_notes(path, &session.saved, &session.timeline.annotations);
                self.notes_seen = watch::stamp(path);
                saved.map_err(|e| e.to_string())
            }
            None => Err(NO_NOTES_FILE.to_string()),
        };
        app.notes_written(written);
    }

    /// Hands the terminal to the editor on `place` and takes it back when it exits;
    /// returns how the editor ended (or why it did not start).
    fn run_editor(&mut self, place: &editor::Place) -> Result<std::io::Result<ExitStatus>> {
        self.tui.release();
        EDITING.store(true, Ordering::SeqCst);
        let status = editor::run(place);
        if let Ok(mut ended) = EDITOR_ENDED.lock() {
            *ended = Some(Instant::now());
        }
        EDITING.store(false, Ordering::SeqCst);
        self.tui.take_back().context("taking the terminal back")?;
        Ok(status)
    }

    /// Writes a long note on the selected event in the editor, in a temporary Markdown
    /// file, then adds it and saves the notes.
    fn edit_note(&mut self, app: &mut App) -> Result<()> {
        let file = std::env::temp_dir().join(format!("tline-note-{}.md", std::process::id()));
        if let Err(e) = std::fs::write(&file, "") {
            app.warning = Some(format!("could not make a file for the note: {e}"));
            return Ok(());
        }
        let status = self.run_editor(&editor::Place {
            file: file.clone(),
            line: None,
        })?;
        let text = std::fs::read_to_string(&file);
        let _ = std::fs::remove_file(&file);
        match (status, text) {
            (Err(e), _) => app.warning = Some(format!("could not start the editor: {e}")),
            (Ok(status), _) if !status.success() => {
                app.notice = Some(format!("the editor ended: {status}; no note added"));
            }
            (Ok(_), Err(e)) => app.warning = Some(format!("could not read the note: {e}")),
            (Ok(_), Ok(text)) => {
                if app.note_edited(text) {
                    self.save_notes(app);
                } else {
                    app.notice = Some("the note is empty: nothing added".into());
                }
            }
        }
        Ok(())
    }

    /// Asks the terminal to put the last citation copied on the clipboard: OSC 52,
    /// written between frames, through the terminal only.
    fn copy(&mut self, app: &App) -> Result<()> {
        let Some(text) = app.copied.last() else {
            return Ok(());
        };
        self.tui
            .write_between_frames(citation::osc52(text).as_bytes())
            .context("writing to the terminal")
    }

    /// Hands the terminal to the editor on the selected event's line, then takes it back.
    fn edit(&mut self, app: &mut App) -> Result<()> {
        let session = &app.session;
        let id = session
            .selected_event()
            .map(|e| session.timeline.events[e].id.to_string());
        // While the files do not load, the first problem is what needs the editor.
        let problem = app
            .load_errors
            .as_ref()
            .and_then(|e| editor::first_problem(&self.files.paths, e));
        let place = problem.or_else(|| {
            editor::locate(
                &self.files.paths,
                id.as_deref().unwrap_or(""),
                self.files.max_file_size,
            )
        });
        let Some(place) = place else { return Ok(()) };
        let status = self.run_editor(&place)?;
        let file = crate::text::sanitize(&place.file.display().to_string()).into_owned();
        app.notice = match (status, place.line) {
            (Err(e), _) => Some(format!("could not start the editor: {e}")),
            (Ok(status), _) if !status.success() => Some(format!("the editor ended: {status}")),
            (Ok(_), None) if id.is_none() => {
                Some(format!("no event selected: opened {file} at its start"))
            }
            (Ok(_), None) => Some(format!(
                "line of the event not found: opened {file} at its start"
            )),
            (Ok(_), Some(_)) => None,
        };
        Ok(())
    }
}

/// The action an input event sends, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => match &app.overlay {
            Overlay::Help(_) => Some(keys::action_for(key).unwrap_or(Action::Back)),
            Overlay::None => keys::action_for(key),
            Overlay::Picker(_) => keys::input_action_for(key, true),
            Overlay::Prompt(prompt) => {
                keys::input_action_for(key, prompt.ask == overlays::prompt::Ask::Tags)
            }
            Overlay::Errors(_) => Some(keys::action_for(key).unwrap_or(Action::Back)),
            Overlay::Documents(_) => keys::action_for(key),
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
