//! The terminal UI: the [`session`] the panes share, the [`panes`] and [`overlays`] that
//! each own their view state and draw it, the [`commands`] keys send ([`keys`]), the
//! [`app`] that routes them, and the event loop that ties them to a real terminal.

pub mod app;
pub mod commands;
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
pub mod widgets;

use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::crossterm::event::{
    self, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::layout::Size;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::load::Progress;
use app::App;
use commands::Action;
use overlays::Overlay;
use terminal::Tui;

/// How long the loop waits for input before looking for SIGTSTP again.
const SIGNAL_TICK: Duration = Duration::from_millis(100);

/// How long a load may take before the loading screen shows; a quicker load (and any
/// error it ends in) never touches the terminal.
const QUIET_LOAD: Duration = Duration::from_millis(150);

/// How often the loading screen redraws.
const LOADING_TICK: Duration = Duration::from_millis(50);

/// Runs the TUI over what `load` builds on another thread, given the progress to publish
/// and the terminal size. Until it is done the loading screen shows, and `q` leaves at
/// once. An error from `load` is returned after the terminal is restored. SIGTERM, SIGHUP
/// and SIGINT end the process with the terminal restored; Ctrl-z and SIGTSTP suspend it.
pub fn run_loading<F>(title: String, load: F) -> Result<()>
where
    F: FnOnce(&Progress, Size) -> Result<App> + Send + 'static,
{
    end_on_signals()?;
    let progress = Arc::new(Progress::default());
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
            let waited =
                wait_for_load(&mut tui, &mut signals, &title, &progress, &receive, started);
            match waited? {
                Some(app) => app,
                None => return Ok(()),
            }
        }
    };
    browse(&mut tui, &mut signals, app)
}

/// Ends the process on SIGTERM, SIGHUP or SIGINT, the terminal restored first, with the
/// status a shell reports for a signal (128 + its number). A thread of its own waits for
/// them: when the terminal itself has gone (a closed window hangs it up), reading input
/// never returns, so the main loop could not be relied on to notice.
fn end_on_signals() -> Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("handling signals")?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                terminal::restore();
                std::process::exit(128 + signal);
            }
        })
        .context("handling signals")?;
    Ok(())
}

/// Suspends the TUI if SIGTSTP arrived (from `kill`; Ctrl-z comes as a key); returns
/// whether it did, so the screen is drawn again.
fn handle_suspend(tui: &mut Tui, signals: &mut Signals) -> Result<bool> {
    if signals.pending().next().is_some() {
        tui.suspend().context("suspending")?;
        return Ok(true);
    }
    Ok(false)
}

/// Whether a key press is Ctrl-z, which raw mode delivers as a key rather than a signal.
fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(key)
        if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL))
}

/// Shows the loading screen until the app arrives (`None` if the person quit first).
fn wait_for_load(
    tui: &mut Tui,
    signals: &mut Signals,
    title: &str,
    progress: &Progress,
    receive: &mpsc::Receiver<Result<App>>,
    started: Instant,
) -> Result<Option<App>> {
    loop {
        handle_suspend(tui, signals)?;
        let snapshot = loading::Snapshot::of(progress, started.elapsed());
        tui.terminal
            .draw(|frame| loading::render(frame, title, &snapshot))
            .context("drawing")?;
        match receive.try_recv() {
            Ok(loaded) => return loaded.map(Some),
            Err(mpsc::TryRecvError::Disconnected) => anyhow::bail!("the loader stopped"),
            Err(mpsc::TryRecvError::Empty) => {}
        }
        if event::poll(LOADING_TICK).context("reading input")? {
            let event = event::read().context("reading input")?;
            if is_suspend(&event) {
                tui.suspend().context("suspending")?;
            } else if let Event::Key(key) = event {
                let ctrl_c =
                    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
                if matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c {
                    return Ok(None);
                }
            }
        }
    }
}

/// The browsing loop: draw, read an input, update.
fn browse(tui: &mut Tui, signals: &mut Signals, mut app: App) -> Result<()> {
    // A hidden switch for the tests that prove a panic restores the terminal.
    let panic_after_first_frame = std::env::var_os("TLINE_TEST_PANIC").is_some();
    // Drawn only when something changed: the loop wakes every tick to look for SIGTSTP.
    let mut changed = true;
    while !app.quit {
        if changed {
            // The terminal may have changed size since the last resize event: the state
            // follows it before drawing (and the frame is laid out on its own area anyway).
            let size = tui.terminal.size().context("reading the terminal size")?;
            if size != app.size {
                app.update(Action::Resize(size.width, size.height));
            }
            tui.terminal
                .draw(|frame| app.render(frame))
                .context("drawing")?;
        }
        if panic_after_first_frame {
            panic!("TLINE_TEST_PANIC is set");
        }
        changed = handle_suspend(tui, signals)?;
        if !event::poll(SIGNAL_TICK).context("reading input")? {
            continue;
        }
        let event = event::read().context("reading input")?;
        if is_suspend(&event) {
            tui.suspend().context("suspending")?;
            changed = true;
        } else if let Some(action) = action_for(&app, &event) {
            app.update(action);
            changed = true;
        }
    }
    Ok(())
}

/// The action an input event sends, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => match &app.overlay {
            Overlay::Help(_) => Some(keys::action_for(key).unwrap_or(Action::Back)),
            Overlay::None => keys::action_for(key),
            Overlay::Picker(_) => keys::input_action_for(key, true),
            Overlay::Prompt(_) => keys::input_action_for(key, false),
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
