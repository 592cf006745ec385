//! `tline list --format json`: the export schema, an array of event objects, and the
//! writer that keeps invisible characters visible in it.
//!
//! The schema here is what scripts read; it is not the file schema that `load` reads
//! (an event here carries its normalised `start` and `end`, and its actors' names).

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use super::cite::citations;
use crate::model::{Annotation, Event, Timeline};
use crate::parallel;
use crate::query::SourceCount;
use crate::text::escape_invisible;

/// Writes the events as one pretty-printed JSON array, then a newline. The events are
/// written a few thousand at a time, each piece on a processor of its own and into memory
/// (a writer known at compile time, not one call through `dyn Write` for every fragment),
/// then passed on in order: the same bytes as serializing the array whole, in a third of
/// the time.
pub fn write<'a>(
    out: &mut dyn Write,
    timeline: &'a Timeline,
    events: impl Iterator<Item = &'a Event>,
) -> io::Result<()> {
    let events: Vec<&Event> = events.collect();
    if events.is_empty() {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[\n")?;
    let threads = crate::parallel::processors();
    for (i, round) in events.chunks(EVENTS_A_PIECE * threads).enumerate() {
        let pieces = parallel::map_ranges(round.len(), EVENTS_A_PIECE, |range| {
            vec![elements(timeline, &round[range])]
        });
        for (j, piece) in pieces.into_iter().enumerate() {
            if i + j > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(inner(&piece?)?)?;
        }
    }
    out.write_all(b"\n]\n")
}

/// Events serialized together on one processor: enough that starting a thread costs little
/// beside them, few enough that the pieces of one round stay a few megabytes.
const EVENTS_A_PIECE: usize = 4096;

/// Bytes of JSON an event is taken to need when a piece's buffer is made: most take less,
/// so the buffer seldom grows (and copies itself); room never written is never resident.
const BYTES_AN_EVENT: usize = 1024;

/// `events` (at least one) as a pretty-printed array, invisible characters escaped as it
/// is written: [`inner`] gives the elements, what stands between the brackets in the
/// array written whole.
fn elements(timeline: &Timeline, events: &[&Event]) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(events.len().saturating_mul(BYTES_AN_EVENT));
    let formatter = serde_json::ser::PrettyFormatter::new();
    let mut json = serde_json::Serializer::with_formatter(EscapeInvisible(&mut bytes), formatter);
    json.collect_seq(events.iter().map(|e| JsonEvent::new(timeline, e)))?;
    Ok(bytes)
}

/// The elements of an array [`elements`] wrote, without its brackets.
fn inner(array: &[u8]) -> io::Result<&[u8]> {
    (array.strip_prefix(b"[\n"))
        .and_then(|b| b.strip_suffix(b"\n]"))
        .ok_or_else(|| io::Error::other("a JSON array written without its brackets"))
}

/// An event as `list --format json` writes it.
#[derive(Serialize)]
struct JsonEvent<'a> {
    id: &'a str,
    date: String,
    date_text: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
    title: &'a str,
    kind: Option<&'a str>,
    status: &'a str,
    actors: Vec<JsonActor<'a>>,
    summary: Option<&'a str>,
    sources: Vec<JsonSource<'a>>,
    /// Distinct documents citing the event.
    doc_count: usize,
    /// Distinct publishers of those documents (one without a publisher is its own).
    outlet_count: usize,
    /// What the notes file says of the event; absent when it says nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    annotation: Option<JsonAnnotation<'a>>,
}

/// An event's annotation: star, review status, tags and notes.
#[derive(Serialize)]
struct JsonAnnotation<'a> {
    star: bool,
    review: &'a str,
    tags: Vec<&'a str>,
    notes: Vec<JsonNote<'a>>,
}

/// One note: when (RFC 3339, UTC), who, and the Markdown text.
#[derive(Serialize)]
struct JsonNote<'a> {
    date: String,
    author: &'a str,
    text: &'a str,
}

impl<'a> JsonAnnotation<'a> {
    fn new(annotation: &'a Annotation) -> Self {
        JsonAnnotation {
            star: annotation.star,
            review: annotation.review.as_str(),
            tags: annotation.tags.iter().map(String::as_str).collect(),
            notes: annotation
                .notes
                .iter()
                .map(|n| JsonNote {
                    date: n.date.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                    author: &n.author,
                    text: &n.text,
                })
                .collect(),
        }
    }
}

/// An actor of an event: its id, and its name so a script need not look it up.
#[derive(Serialize)]
struct JsonActor<'a> {
    id: &'a str,
    name: &'a str,
}

/// A source of an event: the document's id, the paragraph (from 1) and the quote, then
/// what the document says of itself, so that a script can cite it without the file.
#[derive(Serialize)]
struct JsonSource<'a> {
    doc: &'a str,
    paragraph: usize,
    quote: &'a str,
    title: &'a str,
    publisher: Option<&'a str>,
    published: String,
    url: Option<&'a str>,
}

impl<'a> JsonEvent<'a> {
    /// The export form of `event`, its ids resolved in `timeline`.
    fn new(timeline: &'a Timeline, event: &'a Event) -> Self {
        let count = SourceCount::of(timeline, event);
        JsonEvent {
            id: &event.id,
            date: event.date.to_string(),
            date_text: event.date_text.as_deref(),
            start: event.date.earliest().map(|d| d.to_string()),
            end: event.date.latest().map(|d| d.to_string()),
            title: &event.title,
            kind: timeline.given_kind(event.kind),
            status: event.status.as_str(),
            actors: event
                .actors
                .iter()
                .map(|&a| {
                    let actor = timeline.actor(a);
                    JsonActor {
                        id: &actor.id,
                        name: &actor.name,
                    }
                })
                .collect(),
            summary: event.summary.as_deref(),
            sources: citations(timeline, event)
                .map(|c| JsonSource {
                    doc: c.doc_id,
                    paragraph: c.paragraph,
                    quote: c.quote,
                    title: c.title,
                    publisher: c.publisher,
                    published: c.published.to_string(),
                    url: c.url,
                })
                .collect(),
            annotation: timeline.annotations.get(&event.id).map(JsonAnnotation::new),
            doc_count: count.documents,
            outlet_count: count.outlets,
        }
    }
}

/// A writer that passes JSON through with DEL, C1 controls and invisible characters turned
/// into `\uXXXX` escapes (see [`escape_invisible`]). Each write must hold whole
/// characters: serde_json writes every string fragment whole, and a piece of JSON written
/// at once is whole. Only strings can hold such characters, so a piece is escaped alike.
pub(super) struct EscapeInvisible<W>(pub(super) W);

impl<W: Write> Write for EscapeInvisible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Nearly every piece serde_json writes is printable ASCII: the cheaper check. DEL
        // is ASCII, and must be escaped too.
        let text = if buf.iter().all(|&b| b < 0x7F) {
            None
        } else {
            std::str::from_utf8(buf).ok()
        };
        match text {
            Some(text) => self.0.write_all(escape_invisible(text).as_bytes())?,
            None => self.0.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events written whole, through one writer, as the array was written before it
    /// was written in pieces.
    fn whole(timeline: &Timeline) -> Vec<u8> {
        let mut out = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::new();
        let mut json = serde_json::Serializer::with_formatter(EscapeInvisible(&mut out), formatter);
        let events = timeline.events.iter().map(|e| JsonEvent::new(timeline, e));
        json.collect_seq(events).expect("written");
        out.push(b'\n');
        out
    }

    #[test]
    fn pieces_make_the_bytes_of_the_array_written_whole() {
        for count in [
            0,
            1,
            2,
            EVENTS_A_PIECE - 1,
            EVENTS_A_PIECE + 1,
            5 * EVENTS_A_PIECE,
        ] {
            let mut timeline = crate::synth::timeline(count, 7);
            if let Some(event) = timeline.events.last_mut() {
                // Invisible characters are escaped in any piece.
                event.title = "zero\u{200B}width\u{7F}".into();
            }
            let mut out = Vec::new();
            write(&mut out, &timeline, timeline.events.iter()).expect("written");
            assert!(out == whole(&timeline), "{count} events");
            if count > 0 {
                let text = String::from_utf8(out).expect("UTF-8");
                assert!(
                    text.contains(r#""zero\u200bwidth\u007f""#),
                    "{count} events"
                );
            }
        }
    }
}
