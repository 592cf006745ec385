//! `tline source`: the source paragraphs of one event, its quote marked in each.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::extract::load_with_articles;
use super::inputs::{expand_directories, refuse_duplicates, refuse_event_id_as_file};
use super::{Limits, stdout};
use crate::load::Progress;
use crate::model::Timeline;
use crate::text::sanitize;

/// The arguments of `tline source`: the files, then one event id. Clap cannot take
/// optional files before a required id as two arguments, so they are one list, split by
/// [`run`], and the usage line is written out.
#[derive(Debug, Clone, clap::Args)]
#[command(override_usage = "tline source [OPTIONS] [FILE]... <EVENT_ID>")]
pub struct SourceArgs {
    /// Timeline files to read (none: ./events.yaml or the bundled timeline), then the id
    /// of the event.
    #[arg(required = true, value_name = "FILE|EVENT_ID")]
    pub args: Vec<String>,
}

/// Prints the sources of the event named last in `args`, read from the files before it.
pub fn run(args: &SourceArgs, limits: Limits) -> Result<ExitCode> {
    let (event_id, files) = match args.args.split_last() {
        Some((event_id, files)) => (event_id.as_str(), files),
        None => ("", &[][..]),
    };
    let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    refuse_event_id_as_file(&files)?;
    let files = expand_directories(&files)?;
    refuse_duplicates(&files)?;
    let (timeline, _) = load_with_articles(&files, limits.max_file_size, &Progress::default())?;
    let index = match timeline.find_event(event_id) {
        Ok(index) => index,
        Err(e) if Path::new(event_id).is_file() => {
            bail!("{e}; {event_id} is a file: give the event id after it")
        }
        Err(e) => bail!("{e}"),
    };
    let mut out = stdout();
    write(&mut out, &timeline, index, QuoteMark::for_stdout())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// How `tline source` marks the quote in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// Bold reverse video, for a terminal.
    Styled,
    /// `»quote«`, for pipes and NO_COLOR.
    Plain,
}

impl QuoteMark {
    /// Styled on a terminal, plain on a pipe or when NO_COLOR is set.
    pub fn for_stdout() -> QuoteMark {
        if io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            QuoteMark::Styled
        } else {
            QuoteMark::Plain
        }
    }

    /// The text written before and after the quote.
    fn open_close(self) -> (&'static str, &'static str) {
        match self {
            QuoteMark::Styled => ("\x1b[1;7m", "\x1b[0m"),
            QuoteMark::Plain => ("»", "«"),
        }
    }
}

/// Writes each source paragraph of the event at `index`, headed by document title and
/// paragraph number, with the quote marked.
pub fn write(
    out: &mut dyn Write,
    timeline: &Timeline,
    index: usize,
    mark: QuoteMark,
) -> io::Result<()> {
    let event = &timeline.events[index];
    writeln!(out, "{}  {}", event.date.human(), sanitize(&event.title))?;
    let (open, close) = mark.open_close();
    for source in &event.sources {
        let doc = timeline.document(source.doc);
        let publisher = doc
            .publisher
            .as_deref()
            .map(|p| format!(", {}", sanitize(p)))
            .unwrap_or_default();
        writeln!(out)?;
        writeln!(
            out,
            "{}{publisher}, {}, paragraph {}",
            sanitize(&doc.title),
            doc.published,
            source.paragraph
        )?;
        let paragraph = timeline.paragraph(source);
        let marked = match timeline.quote_range(source) {
            Some(r) => format!(
                "{}{open}{}{close}{}",
                sanitize(&paragraph[..r.start]),
                sanitize(&paragraph[r.clone()]),
                sanitize(&paragraph[r.end..])
            ),
            None => sanitize(paragraph).into_owned(),
        };
        writeln!(out, "{marked}")?;
    }
    Ok(())
}
