//! Following the loaded files: a thread that loads them again when one changes on disk
//! (or when asked), off the UI thread, and hands each result to the event loop.
//!
//! It polls each file's size, modification and change times and inode every
//! [`POLL`] rather than subscribing to the kernel's notifications: a stat of a handful of
//! files costs microseconds, needs no dependency, and sees every way an editor saves
//! (in place, or a new file renamed over the old one, which a watch on the old inode
//! misses) and filesystems that send no notifications (network mounts, some containers).
//! A change is taken once the file has stood still for [`SETTLE`], so a save written in
//! several pieces loads once, whole.

use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use crate::load::{LoadError, Progress};
use crate::model::Timeline;

/// How often the files are looked at.
pub const POLL: Duration = Duration::from_millis(150);

/// How long a changed file must stay unchanged before it is loaded.
pub const SETTLE: Duration = Duration::from_millis(100);

/// How the files are loaded, the first time and at each reload: the caller's, so that a
/// reload reads what the first load read (articles are drafted again, for instance).
pub type Load =
    fn(&[PathBuf], Option<u64>, &Progress) -> Result<(Timeline, Vec<String>), LoadError>;

/// The files a TUI shows, and whether to follow them.
#[derive(Debug, Clone)]
pub struct Files {
    /// The files loaded, empty for the bundled timeline.
    pub paths: Vec<PathBuf>,
    /// The size limit the first load had.
    pub max_file_size: Option<u64>,
    /// Whether to reload when a file changes (`--no-watch` turns it off).
    pub watch: bool,
    /// How to load them.
    pub load: Load,
    /// The notes file the annotations are written to; `None` keeps them in memory.
    pub notes: Option<PathBuf>,
}

/// Why a load was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The person pressed `R`: a reload that changes nothing says so.
    Asked,
    /// A file changed on disk, or the editor closed: a reload that changes nothing is
    /// quiet.
    Changed,
}

/// One load's result, and why it was made.
pub type Reloaded = (Result<Timeline, LoadError>, Reason);

/// The thread following [`Files`]; it ends when this is dropped.
pub struct Watcher {
    requests: Sender<Reason>,
    results: Receiver<Reloaded>,
}

impl Watcher {
    /// Starts following `files` (which must name at least one file).
    pub fn start(files: Files) -> std::io::Result<Watcher> {
        let (requests, asked) = mpsc::channel();
        let (send, results) = mpsc::channel();
        thread::Builder::new()
            .name("watcher".into())
            .spawn(move || follow(&files, &asked, &send))?;
        Ok(Watcher { requests, results })
    }

    /// Asks for a load now, for `reason`.
    pub fn request(&self, reason: Reason) {
        let _ = self.requests.send(reason);
    }

    /// The result of a load finished since the last call, if any.
    pub fn try_result(&self) -> Option<Reloaded> {
        self.results.try_recv().ok()
    }
}

/// What a file looks like from outside: `None` when it cannot be read.
pub type Stamp = Option<(u64, i64, i64, i64, i64, u64)>;

/// The [`Stamp`] of the file at `path` now: its size, modification and change times and
/// inode, which any write or rename over it changes.
pub fn stamp(path: &std::path::Path) -> Stamp {
    std::fs::metadata(path).ok().map(|m| {
        (
            m.len(),
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec(),
            m.ino(),
        )
    })
}

fn stamps(files: &Files) -> Vec<Stamp> {
    files.paths.iter().map(|path| stamp(path)).collect()
}

/// The thread's loop: a load for each request, and for each settled change when
/// watching; ends when either side of the channels is gone.
fn follow(files: &Files, asked: &Receiver<Reason>, send: &Sender<Reloaded>) {
    let mut seen = stamps(files);
    loop {
        let reason = match asked.recv_timeout(POLL) {
            Ok(reason) => reason,
            Err(RecvTimeoutError::Disconnected) => return,
            Err(RecvTimeoutError::Timeout) => {
                if !files.watch || stamps(files) == seen {
                    continue;
                }
                let changed = stamps(files);
                thread::sleep(SETTLE);
                if stamps(files) != changed {
                    continue;
                }
                Reason::Changed
            }
        };
        // Looked at before loading, so a change made during the load is seen next time.
        seen = stamps(files);
        let loaded = (files.load)(&files.paths, files.max_file_size, &Progress::default())
            .map(|(timeline, _)| timeline);
        if send.send((loaded, reason)).is_err() {
            return;
        }
    }
}
