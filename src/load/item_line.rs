//! The line where an event is written in a timeline file, for an editor to open at: found
//! in the text by its `id` key, in any of the formats (YAML blocks or flows, JSON, JSON
//! Lines), without parsing the file again.

/// The 1-based line of the `id` key of the event `id` in `text`, if it is there. A
/// document or actor may share the id: a match inside the events (after an `events` key,
/// or on a JSON Lines `event` line) wins, else the last match.
pub fn event_line(text: &str, id: &str) -> Option<usize> {
    let mut in_events = false;
    let mut last = None;
    for (number, line) in text.lines().enumerate() {
        if opens_events(line) {
            in_events = true;
        }
        if has_id(line, id) {
            if in_events || line.contains("\"event\"") {
                return Some(number + 1);
            }
            last = Some(number + 1);
        }
    }
    last
}

/// Whether `line` starts the list of events: `events:` in YAML, `"events":` in JSON.
fn opens_events(line: &str) -> bool {
    let trimmed = line.trim_start_matches(['{', ' ', '\t']);
    trimmed.starts_with("events:") || trimmed.starts_with("\"events\"")
}

/// Whether `line` holds an `id` key whose value is `id` (bare or quoted).
fn has_id(line: &str, id: &str) -> bool {
    line.match_indices("id").any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let mut rest = &line[at + 2..];
        match before {
            None | Some(' ' | '\t' | '-' | '{' | ',') => {}
            Some(q @ ('"' | '\'')) => match rest.strip_prefix(q) {
                Some(after) => rest = after,
                None => return false,
            },
            Some(_) => return false,
        }
        let Some(value) = rest.trim_start().strip_prefix(':') else {
            return false;
        };
        let value = value.trim_start();
        for quote in ['"', '\''] {
            if let Some(inner) = value.strip_prefix(quote) {
                return inner
                    .strip_prefix(id)
                    .is_some_and(|after| after.starts_with(quote));
            }
        }
        value
            .strip_prefix(id)
            .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t', ',', '}', '#']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_event_not_the_actor_of_the_same_id() {
        let yaml = "actors:\n  - id: nato\n    name: NATO\nevents:\n  - title: x\n    id: nato\n  - id: nato-2\n";
        assert_eq!(event_line(yaml, "nato"), Some(6));
        assert_eq!(event_line(yaml, "nato-2"), Some(7));
        assert_eq!(event_line(yaml, "nat"), None);
    }

    #[test]
    fn finds_quoted_and_json_ids() {
        assert_eq!(event_line("events:\n  - id: 'ev'\n", "ev"), Some(2));
        let json = "{\n  \"events\": [\n    {\"id\": \"ev\", \"title\": \"t\"}\n  ]\n}\n";
        assert_eq!(event_line(json, "ev"), Some(3));
        let jsonl = "{\"actor\": {\"id\": \"ev\"}}\n{\"event\": {\"id\":\"ev\"}}\n";
        assert_eq!(event_line(jsonl, "ev"), Some(2));
        assert_eq!(event_line("events:\n  - valid: ev\n", "ev"), None);
    }
}
