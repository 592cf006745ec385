//! The items of a JSON file parsed on several threads: the block scanner copies a batch of
//! items' texts and hands it to a worker, the workers parse batches with serde_json, and
//! the items come back in file order, so that what is handed on is what one thread
//! parsing item after item would hand on, up to the first item serde_json refuses.

use std::collections::BTreeMap;
use std::ops::Range;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::Scope;

use serde::de::DeserializeOwned;

use super::blocks::Invalid;
use crate::load::schema::{Items, List, RawActor, RawDocument, RawEvent};
use crate::load::validate::{KnownIds, References};

/// Bytes of items' text in one batch: enough that handing a batch on costs little beside
/// parsing it, few enough that the workers start early and stay busy together.
pub(super) const BATCH_BYTES: usize = 256 << 10;

/// The texts of consecutive items of one list, to be parsed together.
pub(super) struct Batch {
    list: List,
    text: Vec<u8>,
    items: Vec<Range<usize>>,
    /// What resolves the references of the events, if anything.
    known: Option<Arc<KnownIds>>,
}

impl Batch {
    /// An empty batch of items of `list`, with room for a full batch's text: growing it
    /// item by item would copy it several times, each time into memory not touched yet.
    fn new(list: List) -> Self {
        Batch {
            list,
            text: Vec::with_capacity(BATCH_BYTES + BATCH_BYTES / 4),
            items: Vec::new(),
            known: None,
        }
    }

    /// Adds the text of the next item.
    pub(super) fn push(&mut self, item: &[u8]) {
        let start = self.text.len();
        self.text.extend_from_slice(item);
        self.items.push(start..self.text.len());
    }

    /// How many items it holds.
    pub(super) fn len(&self) -> usize {
        self.items.len()
    }

    /// How many bytes of text its items have.
    pub(super) fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Whether the batch is big enough to hand to a worker.
    pub(super) fn is_full(&self) -> bool {
        self.text.len() >= BATCH_BYTES
    }
}

/// A batch parsed: its items, up to the first that did not parse.
enum Parsed {
    Documents(Vec<RawDocument>),
    Actors(Vec<RawActor>),
    /// Events, each with its references when they were resolved.
    Events(Vec<(RawEvent, Option<References>)>),
}

/// A batch parsed, by its number in the order batches were made.
struct Done {
    number: u64,
    parsed: Parsed,
    /// Whether every item of the batch parsed.
    complete: bool,
    /// The batch itself, emptied, for the scanner to fill again.
    emptied: Option<Batch>,
}

/// Parses `batch`, stopping at the first item that is not UTF-8 or that serde_json refuses.
fn parse(number: u64, mut batch: Batch) -> Done {
    fn each<T: DeserializeOwned>(batch: &Batch) -> (Vec<T>, bool) {
        let mut items = Vec::with_capacity(batch.items.len());
        for range in &batch.items {
            let parsed = std::str::from_utf8(&batch.text[range.clone()])
                .ok()
                .and_then(|text| serde_json::from_str(text).ok());
            match parsed {
                Some(item) => items.push(item),
                None => return (items, false),
            }
        }
        (items, true)
    }
    let (parsed, complete) = match batch.list {
        List::Documents => {
            let (items, complete) = each(&batch);
            (Parsed::Documents(items), complete)
        }
        List::Actors => {
            let (items, complete) = each(&batch);
            (Parsed::Actors(items), complete)
        }
        List::Events => {
            let (items, complete) = each::<RawEvent>(&batch);
            let resolve = |raw: RawEvent| {
                let references = batch.known.as_ref().and_then(|k| k.references(&raw));
                (raw, references)
            };
            (
                Parsed::Events(items.into_iter().map(resolve).collect()),
                complete,
            )
        }
    };
    batch.text.clear();
    // A batch that grew for one huge item is not kept at that size for the whole file.
    batch.text.shrink_to(BATCH_BYTES + BATCH_BYTES / 4);
    batch.items.clear();
    batch.known = None;
    Done {
        number,
        parsed,
        complete,
        emptied: Some(batch),
    }
}

/// Worker threads parsing batches, and the batches parsed waiting for their turn.
pub(super) struct Workers {
    to_workers: SyncSender<(u64, Batch)>,
    parsed: Receiver<Done>,
    /// Batches parsed before one made earlier, by number.
    early: BTreeMap<u64, Done>,
    made: u64,
    handed: u64,
    in_flight: usize,
    /// Batches handed back emptied: the memory of a few batches serves the whole file.
    emptied: Vec<Batch>,
    /// What resolves the references of the events of the batches made from now on.
    known: Option<Arc<KnownIds>>,
}

impl Workers {
    /// Starts the workers in `scope`, one per processor.
    pub(super) fn start<'scope>(scope: &'scope Scope<'scope, '_>) -> Self {
        let count = crate::parallel::processors();
        let (to_workers, batches) = mpsc::sync_channel::<(u64, Batch)>(2 * count);
        let batches = Arc::new(Mutex::new(batches));
        let (done, parsed) = mpsc::channel();
        for _ in 0..count {
            let (batches, done): (_, Sender<Done>) = (Arc::clone(&batches), done.clone());
            scope.spawn(move || {
                loop {
                    // The lock is held only to take a batch.
                    let next = match batches.lock() {
                        Ok(batches) => batches.recv(),
                        Err(_) => return,
                    };
                    let Ok((number, batch)) = next else { return };
                    let parsed = panic::catch_unwind(AssertUnwindSafe(|| parse(number, batch)));
                    // A panic still hands a batch back, one that stops the reading, so
                    // that nothing waits for it; the scope then raises the panic again.
                    let failed = || Done {
                        number,
                        parsed: Parsed::Events(Vec::new()),
                        complete: false,
                        emptied: None,
                    };
                    let (done_now, panicked) = match parsed {
                        Ok(parsed) => (parsed, None),
                        Err(panicked) => (failed(), Some(panicked)),
                    };
                    if done.send(done_now).is_err() {
                        return;
                    }
                    if let Some(panicked) = panicked {
                        panic::resume_unwind(panicked);
                    }
                }
            });
        }
        Workers {
            to_workers,
            parsed,
            early: BTreeMap::new(),
            made: 0,
            handed: 0,
            in_flight: 2 * count,
            emptied: Vec::new(),
            known: None,
        }
    }

    /// Makes the events of the batches made from now on resolved by `known`.
    pub(super) fn resolve_with(&mut self, known: Option<Arc<KnownIds>>) {
        self.known = known;
    }

    /// How many batches have been handed to the workers.
    pub(super) fn batches_made(&self) -> u64 {
        self.made
    }

    /// An empty batch of items of `list`, one handed back if any.
    pub(super) fn batch(&mut self, list: List) -> Batch {
        let mut batch = self.emptied.pop().unwrap_or_else(|| Batch::new(list));
        batch.list = list;
        if list == List::Events {
            batch.known.clone_from(&self.known);
        }
        batch
    }

    /// Hands `batch` to a worker, first handing on to `items` what has been parsed while
    /// too many batches wait. Fails once an item handed back did not parse.
    pub(super) fn parse(&mut self, batch: Batch, items: &mut impl Items) -> Result<(), Invalid> {
        if batch.items.is_empty() {
            self.emptied.push(batch);
            return Ok(());
        }
        while self.made - self.handed >= self.in_flight as u64 {
            self.hand_on_next(items)?;
        }
        let number = self.made;
        self.made += 1;
        self.to_workers.send((number, batch)).map_err(|_| Invalid)
    }

    /// Hands on every batch made, in order; fails at the first item that did not parse.
    pub(super) fn finish(&mut self, items: &mut impl Items) -> Result<(), Invalid> {
        while self.handed < self.made {
            self.hand_on_next(items)?;
        }
        Ok(())
    }

    /// Waits for the next batch in order and hands its items on.
    fn hand_on_next(&mut self, items: &mut impl Items) -> Result<(), Invalid> {
        let done = loop {
            if let Some(done) = self.early.remove(&self.handed) {
                break done;
            }
            // Every worker gone before the batch came back: not expected, as a panic
            // hands its batch back first.
            let done = self.parsed.recv().map_err(|_| Invalid)?;
            self.early.insert(done.number, done);
        };
        self.handed += 1;
        self.emptied.extend(done.emptied);
        match done.parsed {
            Parsed::Documents(raws) => raws.into_iter().for_each(|raw| items.document(raw)),
            Parsed::Actors(raws) => raws.into_iter().for_each(|raw| items.actor(raw)),
            Parsed::Events(raws) => {
                for (raw, references) in raws {
                    match references {
                        Some(references) => items.resolved_event(raw, references),
                        None => items.event(raw),
                    }
                }
            }
        }
        if done.complete { Ok(()) } else { Err(Invalid) }
    }
}
