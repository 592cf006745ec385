//! `w`: the shown events (every filter applied) written to a file named at a prompt, in
//! a format its name gives: `.csv`, `.json`, `.md` (a chronology), `.ics`, `.txt` (a
//! table), `.timelinejs.json`, or any `list --format` name before a colon
//! (`csv-full:all.csv`, `markdown:table.md`). The formats are [`crate::export`]'s, as
//! `tline list` writes them. A file is never overwritten unless the person said so at a
//! second prompt: without it the file is created only if it does not exist; with it, the
//! new text goes to a temporary file beside it, renamed over it.

use std::io;
use std::path::PathBuf;

use super::session::Session;
use crate::export::{Layout, ListFormat, write};
use crate::text::sanitize;

/// Where to write and in which format, as typed at the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The file.
    pub path: PathBuf,
    /// The format.
    pub format: ListFormat,
    /// What was typed, for asking again.
    pub typed: String,
    /// Whether the person agreed to replace the file if it exists.
    pub overwrite: bool,
}

/// The format a file name's ending gives, longest ending first.
const ENDINGS: &[(&str, ListFormat)] = &[
    (".timelinejs.json", ListFormat::Timelinejs),
    (".json", ListFormat::Json),
    (".csv", ListFormat::Csv),
    (".md", ListFormat::Chronology),
    (".markdown", ListFormat::Chronology),
    (".ics", ListFormat::Ics),
    (".txt", ListFormat::Table),
];

impl Target {
    /// Reads what was typed: `FILE` with a known ending, or `FORMAT:FILE`.
    pub fn parse(typed: &str) -> Result<Target, String> {
        let text = typed.trim();
        let named = text
            .split_once(':')
            .and_then(|(format, path)| Some((ListFormat::named(format)?, path.trim())));
        let (format, path) = match named {
            Some(named) => named,
            None => {
                let lower = text.to_lowercase();
                let format = ENDINGS
                    .iter()
                    .find(|(ending, _)| lower.ends_with(ending))
                    .map(|&(_, format)| format)
                    .ok_or_else(|| {
                        let names: Vec<&str> = ListFormat::ALL.iter().map(|f| f.name()).collect();
                        format!(
                            "name a .csv .json .md .ics or .txt file, or FORMAT:FILE ({})",
                            names.join(" ")
                        )
                    })?;
                (format, text)
            }
        };
        if path.is_empty() {
            return Err("name a file to write".to_string());
        }
        Ok(Target {
            path: PathBuf::from(path),
            format,
            typed: typed.to_string(),
            overwrite: false,
        })
    }
}

/// What became of a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written: what the status bar says (`wrote 12 events to x.csv`).
    Wrote(String),
    /// The file exists and the person has not agreed to replace it.
    Exists,
    /// Not written: why, for the status bar.
    Failed(String),
}

/// Writes the events `session` shows to `target`.
pub fn write_view(session: &Session, target: &Target) -> Outcome {
    let mut bytes = Vec::new();
    let events = &session.rows.events;
    let left_out = match write(
        &mut bytes,
        &session.timeline,
        events,
        target.format,
        Layout::Plain,
    ) {
        Ok(left_out) => left_out,
        Err(e) => return Outcome::Failed(format!("could not write: {e}")),
    };
    let shown = sanitize(&target.path.display().to_string()).into_owned();
    let written = if target.overwrite {
        crate::atomic::replace(&target.path, &bytes)
    } else {
        crate::atomic::create(&target.path, &bytes)
    };
    match written {
        Ok(()) => {
            let written = events.len() - left_out.map_or(0, |l| l.events);
            let noun = if written == 1 { "event" } else { "events" };
            let mut notice = format!("wrote {written} {noun} to {shown}");
            if let Some(left_out) = left_out {
                notice.push_str(&format!(" ({left_out})"));
            }
            Outcome::Wrote(notice)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Outcome::Exists,
        Err(e) => Outcome::Failed(format!("could not write {shown}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_ending_or_a_prefix() {
        let format = |typed: &str| Target::parse(typed).map(|t| (t.format, t.path));
        assert_eq!(format("out.csv"), Ok((ListFormat::Csv, "out.csv".into())));
        assert_eq!(format(" A.JSON "), Ok((ListFormat::Json, "A.JSON".into())));
        assert_eq!(
            format("x.timelinejs.json"),
            Ok((ListFormat::Timelinejs, "x.timelinejs.json".into()))
        );
        assert_eq!(
            format("notes.md"),
            Ok((ListFormat::Chronology, "notes.md".into()))
        );
        assert_eq!(
            format("csv-full:all.csv"),
            Ok((ListFormat::CsvFull, "all.csv".into()))
        );
        assert_eq!(
            format("markdown: t.md"),
            Ok((ListFormat::Markdown, "t.md".into()))
        );
        assert_eq!(
            format("dir/a:b.ics"),
            Ok((ListFormat::Ics, "dir/a:b.ics".into()))
        );
        assert!(format("out.xlsx").is_err_and(|e| e.contains("FORMAT:FILE")));
        assert_eq!(format("csv:"), Err("name a file to write".to_string()));
    }
}
