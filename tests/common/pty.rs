//! Helpers shared by the pseudo-terminal tests: the real binary in a pseudo-terminal, its
//! output parsed by a terminal emulator (vt100), keys sent as a person would type them.
//!
//! Every wait polls the screen and gives up after [`TIMEOUT`] with the screen in the
//! failure message, so a broken build fails instead of hanging.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

/// How long any one wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How often a wait looks at the screen again.
pub const POLL: Duration = Duration::from_millis(20);

pub const ENTER_ALT: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// The start and end of a synchronized update (mode 2026): the bytes of one frame.
pub const BEGIN_FRAME: &[u8] = b"\x1b[?2026h";
pub const END_FRAME: &[u8] = b"\x1b[?2026l";

/// The TUI running in a pseudo-terminal.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    /// Everything the program wrote, as written.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set once the reader hits end of file (the program and its terminal are gone).
    eof: Arc<AtomicBool>,
    /// How many bytes of `raw` the parser has seen.
    parsed: usize,
    parser: vt100::Parser,
    /// The working directory, kept alive for the program's lifetime.
    dir: TempDir,
}

impl Session {
    /// Starts `tline` with no arguments in a fresh directory on a `cols`×`rows` terminal.
    pub fn spawn(cols: u16, rows: u16) -> Session {
        Session::spawn_with(cols, rows, &[])
    }

    /// Starts `tline` with `args` in a fresh directory on a `cols`×`rows` terminal.
    pub fn spawn_with(cols: u16, rows: u16, args: &[&str]) -> Session {
        Session::spawn_env(cols, rows, args, &[])
    }

    /// Starts `tline` with `args` and the environment variables `env` added.
    pub fn spawn_env(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Session {
        Session::spawn_program(cols, rows, env!("CARGO_BIN_EXE_tline"), args, env)
    }

    /// Starts `program` (tline, or a shell to start it from) with `args` and `env` added,
    /// in a fresh directory on a `cols`×`rows` terminal.
    pub fn spawn_program(
        cols: u16,
        rows: u16,
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Session {
        let dir = tempfile::tempdir().expect("temp dir");
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(dir.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn tline");
        // Only the child holds the slave now, so the reader sees EOF when it exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let raw = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));
        {
            let raw = Arc::clone(&raw);
            let eof = Arc::clone(&eof);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => raw.lock().unwrap().extend_from_slice(&buf[..n]),
                    }
                }
                eof.store(true, Ordering::SeqCst);
            });
        }
        Session {
            child,
            master: pair.master,
            writer,
            raw,
            eof,
            parsed: 0,
            parser: vt100::Parser::new(rows, cols, 0),
            dir,
        }
    }

    /// Feeds the parser whatever arrived since last time, short of a frame not yet
    /// written whole: as a terminal that knows synchronized updates, the screen read is
    /// always a whole frame, never half of one over the last (bytes reach the reader in
    /// pieces, so a wait could otherwise see the new title over the old pane).
    pub fn update(&mut self) {
        let raw = self.raw.lock().unwrap();
        let end = whole_frames_end(&raw, self.parsed);
        if end > self.parsed {
            self.parser.process(&raw[self.parsed..end]);
            self.parsed = end;
        }
    }

    pub fn screen(&mut self) -> &vt100::Screen {
        self.update();
        self.parser.screen()
    }

    /// The screen as text, one line a row, for failure messages.
    pub fn text(&mut self) -> String {
        self.screen().contents()
    }

    /// Polls until `found` holds for the screen, failing with `what` and the screen after
    /// [`TIMEOUT`]. Also fails early if the program exits meanwhile.
    pub fn wait_until(&mut self, what: &str, found: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if found(self.screen()) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                self.update();
                if found(self.screen()) {
                    return;
                }
                panic!(
                    "tline exited ({status:?}) while waiting for {what}; screen:\n{}",
                    self.text()
                );
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; screen:\n{}",
                    self.text()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until `text` is somewhere on the screen.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| find(s, text).is_some());
    }

    /// Waits until `needle` appears in the program's output after byte `from`; returns
    /// where.
    pub fn wait_for_bytes(&mut self, needle: &[u8], from: usize) -> usize {
        let start = Instant::now();
        loop {
            if let Some(at) = find_from(&self.raw(), needle, from) {
                return at;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out waiting for {:?} in the output; screen:\n{}",
                    String::from_utf8_lossy(needle),
                    self.text()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// How many bytes the program has written so far.
    pub fn written(&self) -> usize {
        self.raw.lock().unwrap().len()
    }

    /// Types `keys` (bytes as a terminal sends them).
    pub fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.update();
        self.parser.screen_mut().set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// The directory the program runs in.
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits for the program to exit and all its output to be read; returns whether it
    /// succeeded.
    pub fn wait_exit(&mut self) -> bool {
        self.wait_exit_code() == 0
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("tline has a pid")
    }

    /// Sends `signal` to the program.
    pub fn signal(&mut self, signal: i32) {
        let pid = self.pid() as libc::pid_t;
        // SAFETY: kill has no memory effects; pid is our own child.
        let sent = unsafe { libc::kill(pid, signal) };
        assert_eq!(sent, 0, "kill({pid}, {signal})");
    }

    /// Waits for the program to exit and all its output to be read; returns its exit code.
    pub fn wait_exit_code(&mut self) -> u32 {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait for tline") {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "tline did not exit within {TIMEOUT:?}; screen:\n{}",
                    self.text()
                );
            }
            thread::sleep(POLL);
        };
        while !self.eof.load(Ordering::SeqCst) && start.elapsed() < TIMEOUT * 2 {
            thread::sleep(POLL);
        }
        self.update();
        status.exit_code()
    }

    /// A copy of every byte the program wrote.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The (row, column) where `needle` starts on the screen, if it is on one row.
pub fn find(screen: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    for row in 0..rows {
        let mut line = String::new();
        // The column of each byte of `line`.
        let mut at = Vec::new();
        for col in 0..cols {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let contents = cell.contents();
            let contents = if contents.is_empty() { " " } else { contents };
            line.push_str(contents);
            at.extend(std::iter::repeat_n(col, contents.len()));
        }
        if let Some(i) = line.find(needle) {
            return Some((row, at[i]));
        }
    }
    None
}

/// Asserts that the terminal was put back: after the last switch to the alternate screen,
/// the program left it, showed the cursor, and turned mouse capture and bracketed paste
/// off.
pub fn assert_restored(raw: &[u8]) {
    let entered = rfind(raw, ENTER_ALT).expect("the TUI started");
    let left = find_from(raw, LEAVE_ALT, entered).expect("the alternate screen was left");
    assert!(
        find_from(raw, SHOW_CURSOR, left).is_some(),
        "the cursor was shown after leaving"
    );
    assert!(
        find_from(raw, b"\x1b[?1000l", entered).is_some(),
        "mouse capture off"
    );
    assert!(
        find_from(raw, b"\x1b[?2004l", entered).is_some(),
        "bracketed paste off"
    );
}

/// Where the bytes from `from` on stop being whole: at the start of a frame whose end has
/// not arrived (or at `from`, if that start was already passed), or else at the end of
/// `raw`.
fn whole_frames_end(raw: &[u8], from: usize) -> usize {
    // A frame's start may have arrived cut in two, its first bytes before `from`.
    let look = from.saturating_sub(BEGIN_FRAME.len() - 1);
    match rfind(&raw[look..], BEGIN_FRAME) {
        Some(begin) if find_from(raw, END_FRAME, look + begin).is_none() => {
            (look + begin).max(from)
        }
        _ => raw.len(),
    }
}

/// The text of one row.
pub fn row_text(screen: &vt100::Screen, row: u16) -> String {
    let (_, cols) = screen.size();
    screen.rows(0, cols).nth(row as usize).unwrap_or_default()
}

/// Where the last occurrence of `needle` in `haystack` starts.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Where the first occurrence of `needle` in `haystack` at or after `from` starts.
pub fn find_from(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}
