//! A set of events by position, one bit each: what a search finds among a million events
//! held in 125 KB, united with another in one pass and counted before a list of them is
//! made, so that a search that finds nearly everything allocates once.

/// Event positions below a bound, as bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EventSet {
    words: Vec<u64>,
}

impl EventSet {
    /// The empty set of positions below `len`.
    pub(super) fn new(len: usize) -> Self {
        EventSet {
            words: vec![0; len.div_ceil(64)],
        }
    }

    /// The set made of `words`, each holding 64 positions: word `w` holds `64 * w` and on.
    pub(super) fn from_words(words: Vec<u64>) -> Self {
        EventSet { words }
    }

    /// Adds `event`, which must be below the bound.
    pub(super) fn insert(&mut self, event: usize) {
        self.words[event / 64] |= 1 << (event % 64);
    }

    /// Whether `event` is in the set; positions past the bound never are.
    pub(super) fn contains(&self, event: usize) -> bool {
        self.words
            .get(event / 64)
            .is_some_and(|word| word & (1 << (event % 64)) != 0)
    }

    /// Adds every position of `other`.
    pub(super) fn unite(&mut self, other: &EventSet) {
        for (word, more) in self.words.iter_mut().zip(&other.words) {
            *word |= more;
        }
    }

    /// How many positions it holds.
    pub(super) fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Its positions, ascending, in a list made with room for them all at once.
    pub(super) fn to_vec(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.len());
        for (w, &word) in self.words.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                out.push(64 * w + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_kept_united_counted_and_listed_in_order() {
        let mut a = EventSet::new(200);
        for e in [0, 63, 64, 199] {
            a.insert(e);
        }
        let mut b = EventSet::new(200);
        for e in [1, 64, 130] {
            b.insert(e);
        }
        a.unite(&b);
        assert_eq!(a.len(), 6);
        assert_eq!(a.to_vec(), [0, 1, 63, 64, 130, 199]);
        assert!(a.contains(130) && !a.contains(131) && !a.contains(5000));
        assert_eq!(EventSet::from_words(vec![0b101]).to_vec(), [0, 2]);
    }
}
