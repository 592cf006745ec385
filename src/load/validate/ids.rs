//! The ids of a file's items, kept compactly: the documents' and actors' with their
//! numbers, for resolving references ([`Ids`]), and the events' with their places, for
//! finding an id defined twice once all are read ([`EventIds`]). At a million events about 40 MB, against some
//! 150 MB for a `HashMap<String, Place>`, which would count in the peak memory of every
//! load; and the ids lie together, not each in an allocation of its own among the
//! paragraphs, so that looking up the documents a million sources cite stays in cache.

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// Every id registered, with its value.
pub struct Ids<V> {
    /// Each id, by its position, with its value: an id as short as most are is held in
    /// its entry, so that finding it reads the entry alone, not a list of ends and a
    /// text elsewhere (a lookup per source cited, a tenth of a load's CPU when each was
    /// three waits for memory).
    entries: Vec<(Key, V)>,
    /// The ids too long to be held in their entry, one after another.
    long: String,
    /// Positions in `entries`, found by the hash of their id.
    table: HashTable<u32>,
}

/// Bytes of an id held in its entry.
const INLINE: usize = 15;

/// An id as an entry holds it: its length and bytes when it has at most [`INLINE`] bytes,
/// else where it lies in [`Ids::long`].
#[derive(Clone, Copy)]
enum Key {
    Inline { len: u8, bytes: [u8; INLINE] },
    Long { start: u32, end: u32 },
}

impl Key {
    /// The key of `id`, appending it to `long` when it is too long to hold.
    fn new(id: &str, long: &mut String) -> Self {
        if id.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..id.len()].copy_from_slice(id.as_bytes());
            Key::Inline {
                len: id.len() as u8,
                bytes,
            }
        } else {
            let start = long.len();
            long.push_str(id);
            let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            Key::Long {
                start: at(start),
                end: at(long.len()),
            }
        }
    }

    /// The id's bytes.
    fn bytes<'a>(&'a self, long: &'a str) -> &'a [u8] {
        match self {
            Key::Inline { len, bytes } => &bytes[..*len as usize],
            Key::Long { start, end } => &long.as_bytes()[*start as usize..*end as usize],
        }
    }
}

impl<V> Default for Ids<V> {
    fn default() -> Self {
        Ids {
            entries: Vec::new(),
            long: String::new(),
            table: HashTable::new(),
        }
    }
}

impl<V> Ids<V> {
    /// The value of `id`, if it is registered.
    pub fn get(&self, id: &str) -> Option<&V> {
        let entries = &self.entries;
        let found = self.table.find(hash(id.as_bytes()), |&i| {
            entries[i as usize].0.bytes(&self.long) == id.as_bytes()
        })?;
        Some(&entries[*found as usize].1)
    }

    /// Registers `id`, not registered yet, with `value`.
    pub fn insert(&mut self, id: &str, value: V) {
        let Ids {
            entries,
            long,
            table,
        } = self;
        let position = entries.len() as u32;
        entries.push((Key::new(id, long), value));
        let rehash = |&i: &u32| hash(entries[i as usize].0.bytes(long));
        table.insert_unique(hash(id.as_bytes()), position, rehash);
    }

    /// The same ids, each with `f` of its value.
    pub fn map_values<W>(&self, f: impl Fn(&V) -> W) -> Ids<W> {
        Ids {
            entries: self.entries.iter().map(|(k, v)| (*k, f(v))).collect(),
            long: self.long.clone(),
            table: self.table.clone(),
        }
    }

    /// The ids registered, in the order registered.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        // Each key's bytes are those of a `str` given to `insert`, whole.
        (self.entries.iter())
            .map(|(key, _)| std::str::from_utf8(key.bytes(&self.long)).unwrap_or(""))
    }
}

/// Where an event was defined: its file and its index in that file's events.
pub type EventPlace = (u32, u32);

/// The ids of events in the order they are read, for finding the ids defined twice once
/// every event is read: appended one after another, then sorted by hash, which costs a
/// fraction of looking each up as it comes in a table that grows to a million.
#[derive(Default)]
pub struct EventIds {
    /// The ids, one after another.
    text: String,
    /// Where each id ends in `text`; it starts where the one before ends.
    ends: Vec<usize>,
    /// The hash of each id.
    hashes: Vec<u64>,
    /// The file and index that defined each id.
    places: Vec<EventPlace>,
}

impl EventIds {
    /// Adds `id`, defined by item `index` of file `file`; ids are added in file order.
    pub fn push(&mut self, id: &str, file: usize, index: usize) {
        self.text.push_str(id);
        self.ends.push(self.text.len());
        self.hashes.push(hash(id.as_bytes()));
        self.places.push((file as u32, index as u32));
    }

    /// Makes room, where it can, for about `count` more ids, of the length of those added
    /// so far (or of a short slug, before any).
    pub fn reserve(&mut self, count: usize) {
        let length = match self.ends.len() {
            0 => 16,
            n => self.text.len().div_ceil(n),
        };
        // An estimate: where the memory is not to be had, the lists grow as they go.
        let _ = self.text.try_reserve(count.saturating_mul(length));
        let _ = self.ends.try_reserve(count);
        let _ = self.hashes.try_reserve(count);
        let _ = self.places.try_reserve(count);
    }

    /// Every id added again after its first: the id, the (file, index) of the repeat and
    /// of the first, in the order the repeats were added.
    pub fn repeated(&self) -> Vec<(&str, EventPlace, EventPlace)> {
        let mut by_hash: Vec<(u64, u32)> = (self.hashes.iter().copied())
            .zip(0..self.hashes.len() as u32)
            .collect();
        by_hash.sort_unstable();
        let mut repeats = Vec::new();
        for run in by_hash.chunk_by(|a, b| a.0 == b.0) {
            if run.len() < 2 {
                continue;
            }
            // The same hash may be that of different ids.
            let mut same: Vec<u32> = run.iter().map(|&(_, i)| i).collect();
            same.sort_unstable_by_key(|&i| (text_of(&self.text, &self.ends, i), i));
            for ids in same.chunk_by(|&a, &b| {
                text_of(&self.text, &self.ends, a) == text_of(&self.text, &self.ends, b)
            }) {
                let first = self.places[ids[0] as usize];
                for &i in &ids[1..] {
                    repeats.push((i, first));
                }
            }
        }
        repeats.sort_unstable_by_key(|&(i, _)| i);
        let repeat = |(i, first)| {
            let id = text_of(&self.text, &self.ends, i);
            (id, self.places[i as usize], first)
        };
        repeats.into_iter().map(repeat).collect()
    }
}

/// The hash an id is found by, of its bytes (as [`Key::bytes`] gives them back).
fn hash(id: &[u8]) -> u64 {
    FxBuildHasher.hash_one(id)
}

fn text_of<'a>(text: &'a str, ends: &[usize], i: u32) -> &'a str {
    let i = i as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &text[start..ends[i]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_with_their_values() {
        let mut ids = Ids::default();
        for i in 0..10_000 {
            let id = format!("event-{i}");
            assert_eq!(ids.get(&id), None);
            ids.insert(&id, (i % 3, i));
        }
        assert_eq!(ids.get("event-0"), Some(&(0, 0)));
        assert_eq!(ids.get("event-9999"), Some(&(0, 9999)));
        assert_eq!(ids.get("event-5000"), Some(&(2, 5000)));
        assert_eq!(ids.get("event-"), None);
        assert_eq!(ids.get("event-10000"), None);
        ids.insert("", (1, 1));
        assert_eq!(ids.get(""), Some(&(1, 1)));
        let keys: Vec<&str> = ids.keys().collect();
        assert_eq!(keys.len(), 10_001);
        assert_eq!(
            (keys[0], keys[9_999], keys[10_000]),
            ("event-0", "event-9999", "")
        );
    }

    #[test]
    fn ids_held_in_their_entry_and_apart_are_told_apart() {
        let mut ids = Ids::default();
        // 15 bytes are held in the entry, 16 apart; "é" is two bytes.
        let names = [
            "a".repeat(15),
            "a".repeat(16),
            "é".repeat(8),
            "é".repeat(7) + "a",
        ];
        for (i, id) in names.iter().enumerate() {
            ids.insert(id, i);
        }
        for (i, id) in names.iter().enumerate() {
            assert_eq!(ids.get(id), Some(&i), "{id}");
        }
        assert_eq!(ids.get(&"a".repeat(14)), None);
        assert_eq!(ids.get(&"a".repeat(17)), None);
        assert_eq!(ids.keys().collect::<Vec<_>>(), names);
        let doubled = ids.map_values(|i| i * 2);
        assert_eq!(doubled.get(&"a".repeat(16)), Some(&2));
    }

    #[test]
    fn each_repeat_is_paired_with_the_first_definition() {
        let mut ids = EventIds::default();
        ids.reserve(10);
        for (i, id) in ["a", "b", "a", "c", "b", "a"].into_iter().enumerate() {
            ids.push(id, i % 2, i);
        }
        assert_eq!(
            ids.repeated(),
            [
                ("a", (0, 2), (0, 0)),
                ("b", (0, 4), (1, 1)),
                ("a", (1, 5), (0, 0))
            ]
        );
        let mut many = EventIds::default();
        for i in 0..100_000 {
            many.push(&format!("event-{i}"), 0, i);
        }
        assert!(many.repeated().is_empty());
    }
}
