//! `y`: a citation of the selected event, one line of plain text, and the OSC 52
//! sequence that asks the terminal to put it on the clipboard. Every piece of it comes
//! from a file, so each is made safe first: no control character can reach the terminal
//! or the clipboard through it.

use crate::model::Timeline;
use crate::text::sanitize;

/// The citation of source `source` of event `event` (its first source when there is no
/// such one): `“quote” — publisher, “title”, 1 Jan 2022, ¶3, url`, the publisher and
/// URL only when known, every piece made safe (line breaks become spaces, control
/// characters visible escapes).
pub fn citation(timeline: &Timeline, event: usize, source: usize) -> Option<String> {
    let event = timeline.events.get(event)?;
    let source = event.sources.get(source).or(event.sources.first())?;
    let doc = timeline.document(source.doc);
    let mut parts = Vec::with_capacity(5);
    parts.extend(doc.publisher.as_deref().map(|p| sanitize(p).into_owned()));
    parts.push(format!("“{}”", sanitize(&doc.title)));
    parts.push(doc.published.format("%-d %b %Y").to_string());
    parts.push(format!("¶{}", source.paragraph));
    parts.extend(doc.url.as_deref().map(|u| sanitize(u).into_owned()));
    Some(format!(
        "“{}” — {}",
        sanitize(&source.quote),
        parts.join(", ")
    ))
}

/// The OSC 52 sequence that sets the clipboard to `text`: `ESC ] 52 ; c ; BASE64 BEL`.
/// The payload is base64, so the sequence holds no byte a terminal could act on
/// whatever `text` holds.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 (RFC 4648), padded.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};

    #[test]
    fn base64_follows_the_rfc_test_vectors() {
        for (text, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(text.as_bytes()), encoded);
        }
    }

    #[test]
    fn a_citation_names_the_document_paragraph_and_quote() {
        let mut timeline = load_sources(&[SourceFile::bundled()]).expect("bundled loads");
        let call = timeline.event_index("biden-putin-call").expect("the call");
        let text = citation(&timeline, call, 0).expect("a citation");
        let source = &timeline.events[call].sources[0];
        assert_eq!(
            text,
            format!(
                "“{}” — CBS News, “{}”, 1 Jan 2022, ¶1",
                source.quote, timeline.documents[0].title
            )
        );
        assert_eq!(
            citation(&timeline, call, 99),
            Some(text),
            "the first source"
        );
        timeline.documents[0].url = Some("https://example.org/a".into());
        let text = citation(&timeline, call, 0).expect("a citation");
        assert!(
            text.ends_with(", 1 Jan 2022, ¶1, https://example.org/a"),
            "{text}"
        );
    }

    #[test]
    fn control_characters_from_a_file_never_reach_the_sequence_or_the_clipboard() {
        let mut timeline = load_sources(&[SourceFile::bundled()]).expect("bundled loads");
        timeline.documents[0].title = "evil\x1b]52;c;AAAA\x07\ntitle".into();
        let text = citation(&timeline, 0, 0).expect("a citation");
        assert!(!text.chars().any(char::is_control), "{text:?}");
        let sequence = osc52(&text);
        let payload = &sequence["\x1b]52;c;".len()..sequence.len() - 1];
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
    }
}
