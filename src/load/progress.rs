//! How far a load has got, for a UI drawing a progress bar on another thread: the loading
//! thread writes, the UI reads, without locks.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// The part of loading under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading bytes from disk.
    Reading,
    /// Turning the text into lists of documents, actors and events.
    Parsing,
    /// Checking every reference and quote.
    Checking,
    /// Preparing the filters and the first screen.
    Indexing,
}

/// How far a load has got: written by the loading thread, read by the UI.
#[derive(Debug, Default)]
pub struct Progress {
    bytes_total: AtomicU64,
    bytes_read: AtomicU64,
    events: AtomicU64,
    stage: AtomicU8,
}

impl Progress {
    /// Bytes read so far and bytes to read in all.
    pub fn bytes(&self) -> (u64, u64) {
        (
            self.bytes_read.load(Ordering::Relaxed),
            self.bytes_total.load(Ordering::Relaxed),
        )
    }

    /// Events parsed so far.
    pub fn events(&self) -> u64 {
        self.events.load(Ordering::Relaxed)
    }

    /// The part of loading under way.
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Parsing,
            2 => Stage::Checking,
            _ => Stage::Indexing,
        }
    }

    /// Moves on to `stage`.
    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    pub(super) fn add_total(&self, bytes: u64) {
        self.bytes_total.fetch_add(bytes, Ordering::Relaxed);
    }

    pub(super) fn add_read(&self, bytes: u64) {
        self.bytes_read.fetch_add(bytes, Ordering::Relaxed);
    }

    pub(super) fn add_events(&self, events: u64) {
        self.events.fetch_add(events, Ordering::Relaxed);
    }
}
