//! A whole-file JSON timeline read block by block, never held whole, at the speed of
//! parsing text: a small scanner finds where each document, actor and event begins and
//! ends, and serde_json parses each from the block that holds it. serde_json reading a
//! stream itself is about twice as slow.
//!
//! The scanner accepts only the shape a valid file has, `{"documents": [item, …], …}`,
//! and hands each item on only once serde_json has read it. Anything else stops it with
//! [`Invalid`]: the caller then reads the text whole and lets serde_json say what is
//! wrong, in its words and at its place, exactly as for a text.

use std::io::{self, Read};
use std::ops::Range;

use std::thread;

use memchr::memchr2;
use serde::de::{DeserializeSeed, IgnoredAny};

use super::workers::{Batch, Workers};
use crate::load::schema::{Items, LISTS, List, ListSeed, Originals, unknown_list};

/// Reading stopped: the text is not a valid timeline, or the stream failed or passed its
/// size limit. The caller finds out which by reading the text whole.
#[derive(Debug)]
pub struct Invalid;

impl From<io::Error> for Invalid {
    fn from(_: io::Error) -> Self {
        Invalid
    }
}

/// The least size an event is taken to have when the events to come are estimated: an
/// event has an id, a date, a title and a source.
const LEAST_ITEM_BYTES: usize = 64;

/// Bytes read from the stream at a time.
pub const BLOCK: usize = 1 << 20;

/// Reads a JSON timeline from `stream`, `block` bytes at a time, handing each item to
/// `items` as soon as it is parsed. `length` is the stream's length in bytes, if known
/// (else 0): with it, how many events are coming is estimated from the first of them.
pub fn parse_json_blocks(
    stream: impl Read,
    block: usize,
    length: u64,
    items: &mut impl Items,
) -> Result<(), Invalid> {
    thread::scope(|scope| {
        let mut workers = Workers::start(scope);
        let text = Blocks {
            stream,
            buffer: Vec::with_capacity(block),
            at: 0,
            consumed_before: 0,
            block,
            length,
        };
        parse_with(text, items, &mut workers)
    })
}

/// [`parse_json_blocks`], the lists' items parsed by `workers`.
fn parse_with(
    mut text: Blocks<impl Read>,
    items: &mut impl Items,
    workers: &mut Workers,
) -> Result<(), Invalid> {
    text.skip_byte_order_mark()?;
    text.expect(b'{')?;
    let mut seen = [false; 3];
    let mut counts = [0usize; 3];
    if text.next_is(b'}')? {
        return text.end();
    }
    loop {
        let key = text.value()?;
        let key: String = serde_json::from_str(text.str(key)?).map_err(|_| Invalid)?;
        text.expect(b':')?;
        match List::named(&key) {
            None => {
                // Read as serde_json would, to refuse what it refuses.
                let value = text.value()?;
                serde_json::from_str::<IgnoredAny>(text.str(value)?).map_err(|_| Invalid)?;
                items.problem(format!("{key}@key"), unknown_list(&key));
            }
            Some(list) => {
                if std::mem::replace(&mut seen[list as usize], true) {
                    let message = format!("`{}` is given twice", LISTS[list as usize]);
                    items.problem(format!("{key}@key"), message);
                }
                if text.peek()? == Some(b'[') {
                    text.list(list, workers, items)?;
                } else {
                    // Not a list: said as for a whole text.
                    let value = text.value()?;
                    let mut json = serde_json::Deserializer::from_str(text.str(value)?);
                    let seed = ListSeed {
                        items: &mut *items,
                        originals: &Originals::default(),
                        list,
                        next: &mut counts[list as usize],
                    };
                    seed.deserialize(&mut json)
                        .and_then(|()| json.end())
                        .map_err(|_| Invalid)?;
                }
            }
        }
        if !text.next_is(b',')? {
            text.expect(b'}')?;
            return text.end();
        }
    }
}

/// The part of the stream read and not yet consumed.
struct Blocks<R> {
    stream: R,
    /// Bytes read; those before `at` are consumed.
    buffer: Vec<u8>,
    at: usize,
    /// Bytes consumed before the start of `buffer`.
    consumed_before: u64,
    block: usize,
    /// The stream's length, if known (else 0).
    length: u64,
}

impl<R: Read> Blocks<R> {
    /// Reads one more block after what is unconsumed; false at the end of the stream.
    fn read_more(&mut self) -> Result<bool, Invalid> {
        self.consumed_before += self.at as u64;
        self.buffer.drain(..self.at);
        self.at = 0;
        let mut block = (&mut self.stream).take(self.block as u64);
        Ok(block.read_to_end(&mut self.buffer)? > 0)
    }

    /// The next byte that is not JSON whitespace, left unconsumed; None at the end.
    fn peek(&mut self) -> Result<Option<u8>, Invalid> {
        loop {
            let rest = &self.buffer[self.at..];
            match rest.iter().position(|b| !b" \t\n\r".contains(b)) {
                Some(i) => {
                    self.at += i;
                    return Ok(Some(rest[i]));
                }
                None => {
                    self.at = self.buffer.len();
                    if !self.read_more()? {
                        return Ok(None);
                    }
                }
            }
        }
    }

    fn skip_byte_order_mark(&mut self) -> Result<(), Invalid> {
        while self.buffer.len() < 3 && self.read_more()? {}
        if self.buffer.starts_with("\u{feff}".as_bytes()) {
            self.at = 3;
        }
        Ok(())
    }

    /// Consumes `byte` if it comes next (after whitespace).
    fn next_is(&mut self, byte: u8) -> Result<bool, Invalid> {
        let found = self.peek()? == Some(byte);
        if found {
            self.at += 1;
        }
        Ok(found)
    }

    fn expect(&mut self, byte: u8) -> Result<(), Invalid> {
        if self.next_is(byte)? {
            Ok(())
        } else {
            Err(Invalid)
        }
    }

    /// Nothing but whitespace is left.
    fn end(&mut self) -> Result<(), Invalid> {
        match self.peek()? {
            None => Ok(()),
            Some(_) => Err(Invalid),
        }
    }

    /// Reads a list of `list`'s items, each parsed by `workers` and handed to `items`.
    /// What is read before a fault is still parsed and handed on, as reading item after
    /// item would hand it on.
    fn list(
        &mut self,
        list: List,
        workers: &mut Workers,
        items: &mut impl Items,
    ) -> Result<(), Invalid> {
        self.expect(b'[')?;
        if self.next_is(b']')? {
            return Ok(());
        }
        if list == List::Events {
            // Every document and actor read so far is checked by now: the events' own
            // threads resolve what they name.
            workers.resolve_with(items.known_ids());
        }
        let mut batch = workers.batch(list);
        let first_batch = workers.batches_made();
        let read = loop {
            let item = match self.value() {
                Ok(item) => item,
                Err(invalid) => break Err(invalid),
            };
            batch.push(&self.buffer[item]);
            if batch.is_full() {
                if list == List::Events && workers.batches_made() == first_batch {
                    items.expect_events(self.items_left(&batch));
                }
                let full = std::mem::replace(&mut batch, workers.batch(list));
                workers.parse(full, items)?;
            }
            match self.next_is(b',') {
                Ok(true) => {}
                Ok(false) => break self.expect(b']'),
                Err(invalid) => break Err(invalid),
            }
        };
        workers.parse(batch, items)?;
        workers.finish(items)?;
        read
    }

    /// About how many items are coming from `batch` on, the first of a list: its own and
    /// as many as the rest of the stream holds at the size of its items (taken as no less
    /// than [`LEAST_ITEM_BYTES`], so that a file of tiny items, likely broken, asks for no
    /// vast room), and an eighth more, as a room too small costs a copy and one too large
    /// costs nothing until used.
    fn items_left(&self, batch: &Batch) -> usize {
        let consumed = self.consumed_before + self.at as u64;
        let left = self.length.saturating_sub(consumed);
        let each = (batch.text_len() / batch.len().max(1)).max(LEAST_ITEM_BYTES) as u64;
        let count = usize::try_from(left / each)
            .unwrap_or(usize::MAX)
            .saturating_add(batch.len());
        count.saturating_add(count / 8)
    }

    /// Consumes the next value and returns where its bytes are in the buffer, reading more
    /// blocks as needed. The value is only delimited here, not checked: serde_json checks
    /// it.
    fn value(&mut self) -> Result<Range<usize>, Invalid> {
        if self.peek()?.is_none() {
            return Err(Invalid);
        }
        // How far the value is scanned, from `at`; kept across reads, so that a value
        // longer than a block is scanned once.
        let mut len = 0;
        let mut depth = 0usize;
        let mut in_string = false;
        loop {
            let rest = &self.buffer[self.at..];
            while len < rest.len() {
                if in_string {
                    match memchr2(b'"', b'\\', &rest[len..]) {
                        None => len = rest.len(),
                        Some(i) if rest[len + i] == b'\\' => {
                            if len + i + 1 >= rest.len() {
                                // The escaped byte is in the next block.
                                len += i;
                                break;
                            }
                            len += i + 2;
                        }
                        Some(i) => {
                            len += i + 1;
                            in_string = false;
                            if depth == 0 {
                                return Ok(self.consume(len));
                            }
                        }
                    }
                    continue;
                }
                match rest[len] {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth == 0 => return Ok(self.consume(len)),
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(self.consume(len + 1));
                        }
                    }
                    b',' | b' ' | b'\t' | b'\n' | b'\r' | b':' if depth == 0 => {
                        return Ok(self.consume(len));
                    }
                    _ => {}
                }
                len += 1;
            }
            if !self.read_more()? {
                // A number or word may end the text; anything open may not.
                return if depth == 0 && !in_string && len > 0 {
                    Ok(self.consume(len))
                } else {
                    Err(Invalid)
                };
            }
        }
    }

    /// The bytes at `range` as text: serde_json does not check the text of a value it
    /// skips, and a whole text is checked before it is parsed.
    fn str(&self, range: Range<usize>) -> Result<&str, Invalid> {
        std::str::from_utf8(&self.buffer[range]).map_err(|_| Invalid)
    }

    fn consume(&mut self, len: usize) -> Range<usize> {
        self.at += len;
        self.at - len..self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::schema::{FileSeed, RawActor, RawDocument, RawEvent};
    use serde::de::DeserializeSeed;

    /// What a parser handed on, in order, as text.
    #[derive(Default, Debug, PartialEq)]
    struct Seen(Vec<String>);

    impl Items for Seen {
        fn document(&mut self, raw: RawDocument) {
            self.0
                .push(format!("document {} {:?}", raw.id, raw.paragraphs));
        }
        fn actor(&mut self, raw: RawActor) {
            self.0.push(format!("actor {} {}", raw.id, raw.name));
        }
        fn event(&mut self, raw: RawEvent) {
            let quotes: Vec<&str> = raw.sources.iter().map(|s| s.quote.as_str()).collect();
            self.0.push(format!(
                "event {} {} {quotes:?} {:?}",
                raw.id, raw.title, raw.shape
            ));
        }
        fn problem(&mut self, path: String, message: String) {
            self.0.push(format!("problem {path}: {message}"));
        }
        fn expect_events(&mut self, count: usize) {
            self.0.push(format!("expect {count}"));
        }
    }

    /// What serde_json hands on reading `text` whole, or None if it refuses it.
    fn whole(text: &str) -> Option<Seen> {
        let mut seen = Seen::default();
        let mut json = serde_json::Deserializer::from_str(text);
        FileSeed::new(&mut seen).deserialize(&mut json).ok()?;
        json.end().ok()?;
        Some(seen)
    }

    fn blocks(text: &str, block: usize) -> Option<Seen> {
        let mut seen = Seen::default();
        parse_json_blocks(text.as_bytes(), block, text.len() as u64, &mut seen).ok()?;
        Some(seen)
    }

    const TEXT: &str = r#"{
  "actors": [{"id": "a", "name": "A \"quoted\" ] }", "kind": "person"}],
  "documents": [{"id": "d", "title": "T", "published": "2022-01-01",
                 "paragraphs": ["back\\slash\\", "[{\"", "\u00e9 \ud83d\ude00"]}],
  "events" : [
    {"id": "e1", "date": 2022, "title": "x,y", "kind": "k",
     "sources": [{"doc": "d", "paragraph": 1, "quote": "back\\"}]},
    {"id": "e2", "date": "2022", "title": "}", "kind": "k", "actors": ["a"],
     "sources": [{"doc": "d", "paragraph": 2, "quote": "[{\""}]}
  ]
}
"#;

    #[test]
    fn items_are_those_of_the_whole_text_whatever_the_block_size() {
        let expected = whole(TEXT).expect("valid");
        assert_eq!(expected.0.len(), 4);
        for block in 1..=TEXT.len() + 1 {
            assert_eq!(
                blocks(TEXT, block).as_ref(),
                Some(&expected),
                "block {block}"
            );
        }
        let marked = format!("\u{feff}{TEXT}");
        assert_eq!(blocks(&marked, 2).as_ref(), Some(&expected));
    }

    #[test]
    fn the_events_to_come_are_estimated_once_from_the_first_batch() {
        let event = |i: usize| {
            format!(
                r#"{{"id": "e{i}", "date": "2022", "title": "t", "kind": "k", "sources": [{{"doc": "d", "paragraph": 1, "quote": "q"}}]}}"#
            )
        };
        let events: Vec<String> = (0..20_000).map(event).collect();
        let text = format!(r#"{{"events": [{}]}}"#, events.join(","));
        let mut seen = Seen::default();
        parse_json_blocks(text.as_bytes(), BLOCK, text.len() as u64, &mut seen).expect("valid");
        let expected: Vec<usize> = (seen.0.iter())
            .filter_map(|s| s.strip_prefix("expect ")?.parse().ok())
            .collect();
        let [estimate] = expected[..] else {
            panic!("one estimate, not {expected:?}")
        };
        // Asked before any event is handed on: all 20,000 are to come.
        assert_eq!(seen.0.iter().position(|s| s.starts_with("expect")), Some(0));
        assert!(
            (20_000..=25_000).contains(&estimate),
            "{estimate} for 20,000 events"
        );
    }

    #[test]
    fn tiny_items_are_taken_as_a_least_size_when_the_events_to_come_are_estimated() {
        // A million one-byte items (not events: serde_json refuses them after the
        // estimate) near a size limit would otherwise ask for room for ~10^9 events.
        let text = format!("{{\"events\": [{}1]}}", "1,".repeat(1_000_000));
        let mut seen = Seen::default();
        let _ = parse_json_blocks(text.as_bytes(), BLOCK, 1 << 31, &mut seen);
        let estimate: usize = (seen.0.iter())
            .find_map(|s| s.strip_prefix("expect ")?.parse().ok())
            .expect("an estimate");
        let most = (1usize << 31) / LEAST_ITEM_BYTES + super::super::workers::BATCH_BYTES;
        assert!(estimate <= most + most / 8, "{estimate}");
    }

    #[test]
    fn what_the_whole_text_refuses_is_refused() {
        let cases = [
            "",
            "{",
            "[]",
            "{}}",
            "{} x",
            "{\"events\": []",
            "{\"events\": [],}",
            "{\"events\": [1,]}",
            "{\"events\": [] \"actors\": []}",
            "{\"events\" []}",
            "{\"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"} {}]}",
            "{\"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}}]}",
            "{\"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"]]}",
            "{\"actors\": [\"unterminated]}",
        ];
        for text in cases {
            assert!(whole(text).is_none(), "serde accepts {text:?}");
            for block in [1, 3, 64] {
                assert!(
                    blocks(text, block).is_none(),
                    "{text:?} in blocks of {block}"
                );
            }
        }
        // Read, their problems of shape handed on as the whole text hands them on.
        for text in [
            "{\"events\": [], \"events\": []}",
            "{\"evnts\": []}",
            "{\"events\": 3}",
            "{\"events\": [{\"id\": \"x\"}]}",
            "{\"events\": [[\"x\", \"2022\"]]}",
        ] {
            let whole = whole(text).expect("read");
            assert!(
                whole
                    .0
                    .iter()
                    .any(|s| s.contains("problem") || s.contains("Shape"))
            );
            for block in [1, 3, 64] {
                assert_eq!(blocks(text, block).as_ref(), Some(&whole), "{text:?}");
            }
        }
        // No list is an empty list.
        assert_eq!(blocks("{\"events\": null}", 2), Some(Seen::default()));
        let escaped_key = "{\"ev\\u0065nts\": [], \"documents\": []}";
        assert_eq!(blocks(escaped_key, 4), whole(escaped_key));
        assert_eq!(blocks("{ }\n", 1), Some(Seen::default()));
    }

    /// Bytes the edits below insert: JSON's structure and the bytes that end a value.
    const ALPHABET: &[u8] = b"{}[]\",:\\ \n\t01aetu\xc3\xa9";

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(512))]

        /// On a valid text broken by a few random edits, reading in blocks of any size
        /// hands on what serde_json reading the whole text hands on, or refuses it as
        /// serde_json does.
        #[test]
        fn blocks_agree_with_the_whole_text_on_broken_texts(
            edits in proptest::collection::vec(
                (0..TEXT.len(), 0..3u8, proptest::sample::select(ALPHABET)),
                0..4,
            ),
            block in 1..80usize,
        ) {
            let mut bytes = TEXT.as_bytes().to_vec();
            for (at, how, byte) in edits {
                let at = at.min(bytes.len().saturating_sub(1));
                match how {
                    0 => bytes.insert(at, byte),
                    1 if !bytes.is_empty() => {
                        bytes.remove(at);
                    }
                    _ if !bytes.is_empty() => bytes[at] = byte,
                    _ => {}
                }
            }
            let Ok(text) = std::str::from_utf8(&bytes) else {
                // Not text: every string is checked, and bytes outside strings are syntax.
                let mut seen = Seen::default();
                let read = parse_json_blocks(&bytes[..], block, bytes.len() as u64, &mut seen);
                proptest::prop_assert!(read.is_err(), "{:?}", String::from_utf8_lossy(&bytes));
                return Ok(());
            };
            proptest::prop_assert_eq!(blocks(text, block), whole(text), "{:?}", text);
        }
    }
}
