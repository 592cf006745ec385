//! Where the values of a YAML text stand, by path (`events.3.actors.1`): for locating the
//! problems found after parsing. Walks the text's events with yaml-rust2, which marks
//! each; only the wanted paths are recorded.

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::load::diagnostic::{Positions, Wanted};

/// Indexes the `wanted` paths of `text`; a text the parser rejects yields the values
/// seen before the fault.
pub fn locate(text: &str, wanted: &Wanted) -> Positions {
    let mut collector = Collector {
        frames: Vec::new(),
        path: Vec::new(),
        positions: Positions::default(),
        key_depth: 0,
        wanted,
    };
    // A syntax error was already reported by the deserializer; keep what was indexed.
    let _ = Parser::new_from_str(text).load(&mut collector, false);
    collector.positions
}

/// A list or mapping being walked, and where in it the walk stands.
enum Frame {
    Map {
        key: Option<String>,
        keys_seen: usize,
    },
    Seq {
        index: usize,
    },
}

/// Records the positions of the wanted paths as the parser hands on its events.
struct Collector<'a> {
    frames: Vec<Frame>,
    path: Vec<String>,
    positions: Positions,
    key_depth: usize,
    wanted: &'a Wanted,
}

impl Collector<'_> {
    /// Takes the next key of the innermost mapping. A block mapping's own position is
    /// taken from its first key, where a person looks for it.
    fn set_key(&mut self, value: String, mark: Marker) {
        let at = (mark.line(), mark.col() + 1);
        let parent = self.path_of(None);
        if self.wanted.contains(&parent) {
            let key_path = crate::load::format::json_locate::key_path(&parent, &value);
            if self.wanted.contains(&key_path) {
                self.positions.replace(key_path, at);
            }
        }
        if let Some(Frame::Map { key, keys_seen }) = self.frames.last_mut() {
            *key = Some(value);
            *keys_seen += 1;
            if *keys_seen == 1 && self.wanted.contains(&parent) {
                self.positions.replace(parent, at);
            }
        }
    }

    /// The path of the current container, extended by `segment`.
    fn path_of(&self, segment: Option<&str>) -> String {
        let parts = self.path.iter().map(String::as_str).chain(segment);
        parts
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(".")
    }

    /// The path segment the next value takes in its container.
    fn segment(&self) -> Option<String> {
        match self.frames.last() {
            Some(Frame::Map { key: Some(key), .. }) => Some(key.clone()),
            Some(Frame::Seq { index }) => Some(index.to_string()),
            _ => None,
        }
    }

    fn start_value(&mut self, mark: Marker, opens: Option<Frame>) {
        let segment = self.segment().unwrap_or_default();
        let path = self.path_of(Some(&segment));
        if self.wanted.contains(&path) {
            self.positions.insert(path, (mark.line(), mark.col() + 1));
        }
        match opens {
            Some(frame) => {
                self.path.push(segment);
                self.frames.push(frame);
            }
            None => self.end_value(),
        }
    }

    fn end_value(&mut self) {
        match self.frames.last_mut() {
            Some(Frame::Map { key, .. }) => *key = None,
            Some(Frame::Seq { index }) => *index += 1,
            None => {}
        }
    }

    fn close(&mut self) {
        self.frames.pop();
        self.path.pop();
        self.end_value();
    }
}

impl MarkedEventReceiver for Collector<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let opens = matches!(event, Event::MappingStart(..) | Event::SequenceStart(..));
        let closes = matches!(event, Event::MappingEnd | Event::SequenceEnd);
        if self.key_depth > 0 {
            // Inside a mapping used as a key: nothing there has a path of its own.
            self.key_depth = self.key_depth + usize::from(opens) - usize::from(closes);
            if self.key_depth == 0 {
                self.set_key("?".to_string(), mark);
            }
            return;
        }
        let expecting_key = matches!(self.frames.last(), Some(Frame::Map { key: None, .. }));
        match event {
            Event::Scalar(value, ..) if expecting_key => self.set_key(value, mark),
            _ if expecting_key && opens => self.key_depth = 1,
            Event::Scalar(..) | Event::Alias(_) => self.start_value(mark, None),
            Event::MappingStart(..) => {
                let frame = Frame::Map {
                    key: None,
                    keys_seen: 0,
                };
                self.start_value(mark, Some(frame));
            }
            Event::SequenceStart(..) => self.start_value(mark, Some(Frame::Seq { index: 0 })),
            Event::MappingEnd | Event::SequenceEnd => self.close(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_located_by_path() {
        let text = "events:\n  - id: a\n    actors: [x, y]\n  - id: b\n";
        let wanted = Wanted::new(["events.0.id", "events.0.actors.1", "events.1.id"]);
        let spans = locate(text, &wanted);
        assert_eq!(spans.locate("events.0.id"), Some((2, 9)));
        assert_eq!(spans.locate("events.0.actors.1"), Some((3, 17)));
        assert_eq!(spans.locate("events.1.id"), Some((4, 9)));
        assert_eq!(spans.locate("events.1.title"), Some((4, 5)));
        assert_eq!(spans.locate("nothing.here"), None);
    }

    #[test]
    fn only_wanted_paths_and_their_parents_are_recorded() {
        let text = "events:\n  - id: a\n    actors: [x, y]\n  - id: b\n";
        let spans = locate(text, &Wanted::new(["events.1.id"]));
        assert_eq!(spans.locate("events.1.id"), Some((4, 9)));
        assert_eq!(spans.len(), 4, "{spans:?}");
        // Not recorded: located at its nearest wanted parent, the list.
        assert_eq!(spans.locate("events.0.actors.1"), Some((2, 3)));
    }
}
