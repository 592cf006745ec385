//! YAML: the format people write by hand, read with serde_yaml once [`guard`] has walked
//! the file with a second parser and refused what could abuse the first.

mod disagreements;
mod guard;
mod locate;
mod write;

use serde::de::DeserializeSeed;

use crate::load::diagnostic::{line_column, shorten_quoted};
use crate::load::schema::{FileSeed, Items};
use crate::load::{Diagnostic, SourceFile};

pub use locate::locate;
pub(in crate::load) use write::quoted;
pub use write::write;

/// Reads a YAML timeline, handing each item to `items` as it is parsed.
pub fn parse(file: &SourceFile, items: &mut impl Items) -> Result<(), Vec<Diagnostic>> {
    parse_one(file, items).map_err(|d| vec![d])
}

/// [`parse`]: a YAML file reports its first problem only, as serde_yaml stops there.
fn parse_one(file: &SourceFile, items: &mut impl Items) -> Result<(), Diagnostic> {
    if file
        .text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::file(
            &file.name,
            "has no content: expected a mapping with documents, actors and events".to_string(),
        ));
    }
    let originals = guard::guard(&file.name, &file.text)?;
    let seed = FileSeed {
        items,
        originals: &originals,
    };
    seed.deserialize(serde_yaml::Deserializer::from_str(&file.text))
        .map_err(|e| libyaml_error(&file.name, &file.text, &e))
}

/// A serde_yaml error as a diagnostic. The position goes in front of the message; a
/// second position in the text (where a quoted string or a block started, say) stays,
/// since it helps. libyaml counts NEL, LS and PS as line breaks, even quoted: its byte
/// offset is placed again by the rule every locator follows.
pub(in crate::load) fn libyaml_error(name: &str, text: &str, e: &serde_yaml::Error) -> Diagnostic {
    let location = e.location();
    let message = match &location {
        Some(l) => e.to_string().replacen(
            &format!(" at line {} column {}", l.line(), l.column()),
            "",
            1,
        ),
        None => e.to_string(),
    };
    let at = location.as_ref().map(|l| line_column(text, l.index()));
    Diagnostic {
        file: name.to_string(),
        line: at.map(|(line, _)| line),
        column: at.map(|(_, column)| column),
        message: shorten_quoted(&message.replace("unit value", "null")),
    }
}
