//! How far a load has got, for a UI drawing a progress bar on another thread: the loading
//! thread writes the counts, the UI reads them, without locks; and, for a UI that asks,
//! the first screenful of events to show while the rest loads (behind a lock, taken
//! once).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

use crate::model::Timeline;

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
    preview_wanted: AtomicBool,
    preview: Mutex<Option<Timeline>>,
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

    /// Asks the load to publish a preview (see [`Progress::take_preview`]).
    pub fn want_preview(&self) {
        self.preview_wanted.store(true, Ordering::Relaxed);
    }

    /// Whether a preview was asked for.
    pub(super) fn wants_preview(&self) -> bool {
        self.preview_wanted.load(Ordering::Relaxed)
    }

    /// Takes the preview published, if any: the first events of a load still running, in
    /// date order and checked so far, with the documents they cite (see
    /// `validate::preview`). At most one is published a load.
    pub fn take_preview(&self) -> Option<Timeline> {
        self.preview.lock().ok().and_then(|mut slot| slot.take())
    }

    pub(super) fn publish_preview(&self, timeline: Timeline) {
        if let Ok(mut slot) = self.preview.lock() {
            *slot = Some(timeline);
        }
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
