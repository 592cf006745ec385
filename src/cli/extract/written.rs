//! A draft as the text of a timeline file: the schema writer's, without the actors the
//! draft reused (they stay in the files they came from), and nothing in it that acts on
//! a terminal.

use std::io;

use crate::extract::Draft;
use crate::load::{Format, schema};
use crate::model::{Actor, Timeline};
use crate::text::{escape_invisible, is_invisible_format};

/// The draft's timeline in `format`, without the actors it reused (they stay in the
/// files they came from), every invisible character escaped so that nothing in it acts
/// on a terminal.
pub(super) fn timeline_text(draft: &Draft, format: Format) -> io::Result<String> {
    let full = written(&draft.timeline, format)?;
    let text = if draft.reused_actors.iter().any(|r| *r) {
        // The writer takes a whole timeline, whose events name actors by index: the
        // documents and new actors are written from a timeline without the reused actors
        // and without events, the events from the whole one.
        let head = Timeline {
            documents: draft.timeline.documents.clone(),
            actors: reused_actors_left_out(draft),
            kinds: Vec::new(),
            events: Vec::new(),
            ..Timeline::default()
        };
        let head = written(&head, format)?;
        let (Some(head_end), Some(events_start)) =
            (events_start(&head, format), events_start(&full, format))
        else {
            return Err(io::Error::other("the writer's layout has no events list"));
        };
        format!("{}{}", &head[..head_end], &full[events_start..])
    } else {
        full
    };
    Ok(match format {
        Format::Yaml => escape_invisible_yaml(&text),
        Format::Json | Format::JsonLines => escape_invisible(&text).into_owned(),
        // Never chosen for a draft (see `DraftFormat`); the CSV writer has made every
        // text visible already.
        Format::Csv => text,
    })
}

/// The actors of `draft` that did not come from the existing timelines.
fn reused_actors_left_out(draft: &Draft) -> Vec<Actor> {
    let actors = &draft.timeline.actors;
    actors
        .iter()
        .zip(&draft.reused_actors)
        .filter(|(_, reused)| !**reused)
        .map(|(actor, _)| actor.clone())
        .collect()
}

/// `timeline` as the schema writer writes it in `format`.
fn written(timeline: &Timeline, format: Format) -> io::Result<String> {
    let mut bytes = Vec::new();
    schema::write(timeline, format, &mut bytes)?;
    String::from_utf8(bytes).map_err(io::Error::other)
}

/// Where the events of a timeline written in `format` start: the `events:` key of YAML
/// (the only line starting so, since every text is a quoted scalar on its line), the
/// `,"events":[` of JSON (inside a string a quote is escaped), the first event line of
/// JSON Lines (or the end).
fn events_start(text: &str, format: Format) -> Option<usize> {
    match format {
        Format::Yaml => text.find("\nevents:").map(|at| at + 1),
        Format::Json => text.find(",\"events\":["),
        Format::JsonLines => {
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                if line.starts_with("{\"event\":") {
                    return Some(at);
                }
                at += line.len();
            }
            Some(text.len())
        }
        Format::Csv => None,
    }
}

/// YAML text with every invisible character (bidirectional controls, zero-width
/// characters; see [`is_invisible_format`]) written as a `\u`/`\U` escape. The schema
/// writer has escaped the controls and puts every text in a double-quoted scalar, where
/// the escapes read back as the same characters; comments were made visible before.
fn escape_invisible_yaml(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !c.is_ascii() && is_invisible_format(c) {
            if let Ok(unit) = u16::try_from(c as u32) {
                out.push_str(&format!("\\u{unit:04X}"));
            } else {
                out.push_str(&format!("\\U{:08X}", c as u32));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::extract::articles::rename_taken_ids;
    use crate::extract::{DraftOptions, draft_all};
    use crate::load::{SourceFile, load_sources};

    #[test]
    fn invisible_characters_are_escaped_in_yaml_and_read_back_the_same() {
        let text = "say \u{202e}hi\u{200b} and \u{e0041}";
        let yaml = escape_invisible_yaml(&format!("x: \"{text}\"\n"));
        assert!(
            yaml.is_ascii() || !yaml.chars().any(is_invisible_format),
            "{yaml}"
        );
        let value: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("valid YAML");
        assert_eq!(value["x"].as_str(), Some(text));
    }

    const ARTICLE: &str = "2022-03-04\n\nRussia and Ukraine met on Thursday, the Kremlin said.\n\n\
        President Zelensky said talks will resume next week.\n";

    fn draft_of(existing: &Timeline) -> Draft {
        let options = DraftOptions {
            published: None,
            existing_actors: &existing.actors,
        };
        let mut draft = draft_all(&[("talks.txt", ARTICLE)], &options).expect("drafts");
        rename_taken_ids(&mut draft, existing);
        draft
    }

    #[test]
    fn a_draft_without_its_reused_actors_loads_beside_their_file_in_every_format() {
        let existing_text = "actors:\n  - id: russia\n    name: Russia\n    kind: country\n\
            documents:\n  - id: talks\n    title: T\n    published: 2022-01-01\n    \
            paragraphs: [\"p\"]\n";
        let existing_file = SourceFile {
            name: "actors.yaml".to_string(),
            text: existing_text.to_string(),
        };
        let existing = load_sources(std::slice::from_ref(&existing_file)).expect("loads");
        let draft = draft_of(&existing);
        assert!(draft.reused_actors.iter().any(|r| *r));
        assert_ne!(draft.timeline.documents[0].id, "talks");
        for (format, name) in [
            (Format::Yaml, "draft.yaml"),
            (Format::Json, "draft.json"),
            (Format::JsonLines, "draft.jsonl"),
        ] {
            let text = timeline_text(&draft, format).expect("writes");
            let files = [
                existing_file.clone(),
                SourceFile {
                    name: name.to_string(),
                    text: text.clone(),
                },
            ];
            let loaded = load_sources(&files).unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(loaded.events.len(), draft.timeline.events.len(), "{name}");
            let russia = loaded.actors.iter().filter(|a| a.id == "russia").count();
            assert_eq!(russia, 1, "{name}");
        }
    }

    #[test]
    fn a_draft_reusing_nothing_is_written_whole() {
        let draft = draft_of(&Timeline::default());
        for format in [Format::Yaml, Format::Json, Format::JsonLines] {
            let text = timeline_text(&draft, format).expect("writes");
            assert_eq!(text, written(&draft.timeline, format).expect("writes"));
        }
    }
}
