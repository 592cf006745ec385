//! Parsing and checking on two threads: the items a parser hands on are sent in batches to
//! a [`Builder`] on a thread of its own, so that checking quotes and references costs no
//! time beside parsing on a machine with a second core.

use std::sync::Arc;
use std::sync::mpsc::{self, SyncSender};
use std::thread;

use super::{Builder, KnownIds, References};
use crate::load::Progress;
use crate::load::schema::{Items, RawActor, RawDocument, RawEvent};

/// Items sent at once: few enough to stay small, enough to make sending cheap.
const BATCH: usize = 512;

/// Batches waiting for the checker before the parser waits in turn: bounds the memory the
/// parser can run ahead by.
const BATCHES_IN_FLIGHT: usize = 8;

/// What the parser hands on.
enum Item {
    /// The items that follow come from file number `usize`.
    File(usize),
    Document(RawDocument),
    Actor(RawActor),
    Event(RawEvent),
    /// An event whose references the parser resolved.
    ResolvedEvent(RawEvent, References),
    /// A request for the ids known once every item before it is checked, and where to
    /// send them.
    KnownIds(SyncSender<Arc<KnownIds>>),
    /// A problem with the file's own shape, at a path.
    Problem(String, String),
    /// The timeline's title.
    Title(String),
    /// About so many more events follow.
    ExpectEvents(usize),
}

/// The parser's end of the pipe.
pub struct Pipe {
    batch: Vec<Item>,
    to_checker: SyncSender<Vec<Item>>,
}

impl Pipe {
    /// Makes the items handed on from now on those of file number `file`.
    pub fn begin_file(&mut self, file: usize) {
        self.push(Item::File(file));
    }

    fn push(&mut self, item: Item) {
        self.batch.push(item);
        if self.batch.len() == BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        // The checker stops receiving only if it panicked: joining it says so.
        let _ = self.to_checker.send(batch);
    }
}

impl Items for Pipe {
    fn document(&mut self, raw: RawDocument) {
        self.push(Item::Document(raw));
    }

    fn actor(&mut self, raw: RawActor) {
        self.push(Item::Actor(raw));
    }

    fn event(&mut self, raw: RawEvent) {
        self.push(Item::Event(raw));
    }

    fn resolved_event(&mut self, raw: RawEvent, references: References) {
        self.push(Item::ResolvedEvent(raw, references));
    }

    /// Waits for the checker to check every item handed on, and to send what it knows.
    fn known_ids(&mut self) -> Option<Arc<KnownIds>> {
        self.flush();
        let (reply, known) = mpsc::sync_channel(1);
        self.to_checker.send(vec![Item::KnownIds(reply)]).ok()?;
        known.recv().ok()
    }

    fn problem(&mut self, path: String, message: String) {
        self.push(Item::Problem(path, message));
    }

    fn title(&mut self, title: String) {
        self.push(Item::Title(title));
    }

    fn expect_events(&mut self, count: usize) {
        self.push(Item::ExpectEvents(count));
    }
}

/// Runs `parse` on this thread, handing what it parses to a [`Builder`] on another;
/// returns what `parse` returned and the builder, once it has checked every item.
pub fn check_while_parsing<'p, T>(
    progress: &'p Progress,
    parse: impl FnOnce(&mut Pipe) -> T,
) -> (T, Builder<'p>) {
    thread::scope(|scope| {
        let (to_checker, batches) = mpsc::sync_channel::<Vec<Item>>(BATCHES_IN_FLIGHT);
        let checker = scope.spawn(move || {
            let mut builder = Builder::new(progress);
            for item in batches.into_iter().flatten() {
                match item {
                    Item::File(file) => builder.begin_file(file),
                    Item::Document(raw) => builder.document(raw),
                    Item::Actor(raw) => builder.actor(raw),
                    Item::Event(raw) => builder.event(raw),
                    Item::ResolvedEvent(raw, references) => {
                        builder.resolved_event(raw, references);
                    }
                    Item::KnownIds(reply) => {
                        if let Some(known) = builder.known_ids() {
                            let _ = reply.send(known);
                        }
                    }
                    Item::Problem(path, message) => builder.problem(path, message),
                    Item::Title(title) => builder.title(title),
                    Item::ExpectEvents(count) => builder.expect_events(count),
                }
            }
            builder
        });
        let mut pipe = Pipe {
            batch: Vec::with_capacity(BATCH),
            to_checker,
        };
        let parsed = parse(&mut pipe);
        pipe.flush();
        drop(pipe);
        let builder = checker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (parsed, builder)
    })
}
