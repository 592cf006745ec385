//! Terminal set-up and restore, in one place: raw mode, the alternate screen, mouse
//! capture, bracketed paste, and a panic hook so that no path leaves the terminal
//! unusable; handing the terminal over (to the shell on Ctrl-z, to an editor) and back;
//! and drawing, each frame written whole as one synchronized update.

use std::io::{self, BufWriter, Stdout, Write};
use std::mem::ManuallyDrop;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute, queue};
use ratatui::layout::Size;
use ratatui::{Frame, Terminal};

/// Room for a whole frame of a large terminal, so that its body usually reaches the
/// terminal in one write (the end of the update follows in a second); the synchronized
/// update keeps it whole when it does not.
const FRAME_BUFFER: usize = 1 << 16;

/// The terminal in TUI mode; restores it when dropped.
pub struct Tui {
    /// The ratatui terminal to draw on, its output buffered until a frame is done. Never
    /// dropped: its destructor prints to stderr when it cannot show the cursor, which
    /// panics once the terminal has gone away; [`restore`] shows the cursor instead (and
    /// a frame a panic cut short is never written).
    terminal: ManuallyDrop<Terminal<CrosstermBackend<BufWriter<Stdout>>>>,
}

impl Tui {
    /// Enters raw mode and the alternate screen, and installs the panic hook.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        if let Err(e) = execute!(
            stdout,
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            cursor::Hide
        ) {
            restore();
            return Err(e);
        }
        let out = BufWriter::with_capacity(FRAME_BUFFER, stdout);
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(terminal) => Ok(Tui {
                terminal: ManuallyDrop::new(terminal),
            }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Tui {
    /// Draws one frame, written as a synchronized update (mode 2026): a terminal that
    /// knows it shows the frame whole, never half of it over the last one; others ignore
    /// it. Only what changed since the last frame is written.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.terminal.draw(render)?;
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)
    }

    /// The terminal's size now, in cells.
    pub fn size(&self) -> io::Result<Size> {
        self.terminal.size()
    }

    /// Writes `bytes` to the terminal between frames (an escape sequence such as OSC 52).
    pub fn write_between_frames(&mut self, bytes: &[u8]) -> io::Result<()> {
        let out = self.terminal.backend_mut();
        out.write_all(bytes)?;
        out.flush()
    }

    /// Hands the terminal back and stops the process, as Ctrl-z does in a shell; when the
    /// shell continues it (`fg`), takes the terminal again and redraws everything. Call
    /// it only when [`can_suspend`] says a shell will continue it.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        // The whole process group, as the terminal's Ctrl-z stops it: run as
        // `time tline`, the job is both, and the shell waits for all of it to stop.
        nix::sys::signal::killpg(nix::unistd::getpgrp(), nix::sys::signal::Signal::SIGSTOP)?;
        self.take_back()
    }

    /// Hands the terminal to another program (an editor) until [`Tui::take_back`].
    pub fn release(&mut self) {
        restore();
    }

    /// Takes the terminal again after [`Tui::suspend`] or [`Tui::release`]; the next
    /// frame is drawn whole.
    pub fn take_back(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            Clear(ClearType::All),
            EnableMouseCapture,
            EnableBracketedPaste,
            cursor::Hide
        )?;
        // An empty frame makes ratatui forget what it drew, so the next frame is drawn
        // whole (Terminal::clear would ask the terminal where its cursor is).
        self.draw(|_| {})
    }
}

/// Whether a stop would be undone: only a job-control shell continues a stopped job
/// (`fg`), and it runs each job in a process group of its own, apart from the session
/// leader's (the shell's or the terminal's). So tline stops only when its process group
/// is not the session leader's and its parent is in its session (a parent outside it
/// means the shell that started the job has gone). Otherwise nothing would ever continue
/// it: started by `script -c`, `sh -c`, a terminal's `-e`, `setsid`, tline would stay
/// stopped for good. A session id of 0 means its leader is outside tline's pid namespace
/// (a container): nothing there is known to continue it, so it does not stop.
pub fn can_suspend() -> bool {
    use nix::unistd::{getpgrp, getppid, getsid};
    let Ok(session) = getsid(None) else {
        return false;
    };
    // A parent id of 0 (a parent outside the namespace) must not reach getsid, which
    // reads 0 as "this process".
    let parent = getppid();
    let parent_session = (parent.as_raw() != 0)
        .then(|| getsid(Some(parent)).ok())
        .flatten();
    session.as_raw() != 0 && getpgrp() != session && parent_session == Some(session)
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
    }
}

/// Ends a synchronized update a failed write may have left open, leaves the alternate
/// screen and raw mode and shows the cursor. Safe to call twice.
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        EndSynchronizedUpdate,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
