//! The ids of a million events, each kept once and compactly, for finding an id defined
//! twice: about 40 MB at a million events, against some 150 MB for a
//! `HashMap<String, Place>`, which would count in the peak memory of every load.

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// Every id registered, with the file and index of the item that defined it.
#[derive(Default)]
pub struct Ids {
    /// The ids, one after another.
    text: String,
    /// Where each id ends in `text`; it starts where the one before ends.
    ends: Vec<usize>,
    /// The file and index that defined each id.
    places: Vec<(u32, u32)>,
    /// Positions in `ends`, found by the hash of their id.
    table: HashTable<u32>,
}

impl Ids {
    /// The file and index that defined `id`, if it is registered.
    pub fn get(&self, id: &str) -> Option<(usize, usize)> {
        let found = self
            .table
            .find(hash(id), |&i| text_of(&self.text, &self.ends, i) == id)?;
        let (file, index) = self.places[*found as usize];
        Some((file as usize, index as usize))
    }

    /// Registers `id`, not registered yet, as defined by item `index` of file `file`.
    pub fn insert(&mut self, id: &str, file: usize, index: usize) {
        let Ids {
            text,
            ends,
            places,
            table,
        } = self;
        let position = ends.len() as u32;
        text.push_str(id);
        ends.push(text.len());
        places.push((file as u32, index as u32));
        table.insert_unique(hash(id), position, |&i| hash(text_of(text, ends, i)));
    }
}

fn hash(id: &str) -> u64 {
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
    fn ids_are_found_with_their_places() {
        let mut ids = Ids::default();
        for i in 0..10_000 {
            let id = format!("event-{i}");
            assert_eq!(ids.get(&id), None);
            ids.insert(&id, i % 3, i);
        }
        assert_eq!(ids.get("event-0"), Some((0, 0)));
        assert_eq!(ids.get("event-9999"), Some((0, 9999)));
        assert_eq!(ids.get("event-5000"), Some((2, 5000)));
        assert_eq!(ids.get("event-"), None);
        assert_eq!(ids.get("event-10000"), None);
        ids.insert("", 1, 1);
        assert_eq!(ids.get(""), Some((1, 1)));
    }
}
