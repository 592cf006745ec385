//! The formats a timeline file can be written in, and the one place that tells them
//! apart: every other part of loading is the same for all. Each format's file reads a
//! text, reads a file (whole, or as a stream where the format allows), locates values by
//! path for the problems found after parsing, and writes a timeline.
//!
//! A new format: a file `<format>.rs` with those functions, a variant of [`Format`], and
//! its arms in the `match`es below (the compiler finds each), and a fuzz target.

mod csv;
mod json;
mod json_locate;
mod jsonl;
mod yaml;

pub(super) use yaml::{libyaml_error, quoted};

use std::io::{self, Write};
use std::path::Path;

use super::diagnostic::{Positions, Wanted};
use super::schema::Items;
use super::{Diagnostic, Progress, SourceFile, Stage};
use crate::model::Timeline;

/// YAML files larger than this are refused unless the caller raises the limit: serde_yaml
/// needs about ten times a file's size in memory.
pub const DEFAULT_MAX_YAML_BYTES: u64 = 256 << 20;

pub use csv::{DEFAULT_MAX_CSV_BYTES, write_rows as write_csv_rows};

/// JSON and JSON Lines files larger than this are refused unless the caller raises the
/// limit: loading takes about 1.4 times a file's size in memory (2 GiB holds some 3.5
/// million events).
pub const DEFAULT_MAX_JSON_BYTES: u64 = 2 << 30;

/// The formats a timeline file can be written in, told apart by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML (`.yaml`, `.yml`, and anything not named otherwise): for writing by hand.
    Yaml,
    /// One JSON object (`.json`) with the same schema.
    Json,
    /// JSON Lines (`.jsonl`, `.ndjson`): one document, actor or event per line.
    JsonLines,
    /// Comma-separated values (`.csv`): tline's own columns, or TimelineJS's Google
    /// Sheets template, told apart by the header row.
    Csv,
}

impl Format {
    /// The format of a file named `name`.
    pub fn of(name: &str) -> Format {
        let extension = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("json") => Format::Json,
            Some("jsonl" | "ndjson") => Format::JsonLines,
            Some("csv") => Format::Csv,
            _ => Format::Yaml,
        }
    }

    /// The extensions [`Format::named_by`] knows, as a message lists them.
    pub const EXTENSIONS: &str = ".yaml, .yml, .json, .jsonl, .ndjson, .csv";

    /// The format of a file named `name` if its extension names one (any of
    /// [`Format::EXTENSIONS`], in any case): what a directory given as an argument is
    /// read for, where other files (notes, articles) may stand beside the timelines.
    pub fn named_by(name: &str) -> Option<Format> {
        let extension = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" | "jsonl" | "ndjson" => Some(Format::of(name)),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The largest file of this format read unless the caller says otherwise.
    pub fn default_max_bytes(self) -> u64 {
        match self {
            Format::Yaml => DEFAULT_MAX_YAML_BYTES,
            Format::Json | Format::JsonLines => DEFAULT_MAX_JSON_BYTES,
            Format::Csv => DEFAULT_MAX_CSV_BYTES,
        }
    }

    /// Parses a text already read, handing each item to `items` as it is parsed.
    pub(super) fn parse(
        self,
        file: &SourceFile,
        items: &mut impl Items,
    ) -> Result<(), Vec<Diagnostic>> {
        match self {
            Format::Yaml => yaml::parse(file, items),
            Format::Json => json::parse(file, items),
            Format::JsonLines => jsonl::parse(file, items),
            Format::Csv => csv::parse(file, items),
        }
    }

    /// Reads and parses the file at `path` (reported as `name`), holding no more of it
    /// than the format needs: YAML is read whole, JSON block by block, JSON Lines line by
    /// line, CSV whole.
    pub(super) fn read_path(
        self,
        path: &Path,
        name: &str,
        max_bytes: u64,
        progress: &Progress,
        items: &mut impl Items,
    ) -> Result<(), Vec<Diagnostic>> {
        match self {
            Format::Yaml => {
                let file = SourceFile::read_with(path, max_bytes, progress).map_err(|d| vec![d])?;
                progress.set_stage(Stage::Parsing);
                yaml::parse(&file, items)
            }
            Format::Json => json::read_path(path, name, max_bytes, progress, items),
            Format::JsonLines => jsonl::read_path(path, name, max_bytes, progress, items),
            Format::Csv => csv::read_path(path, name, max_bytes, progress, items),
        }
    }

    /// Where the `wanted` values of `text` stand.
    pub(super) fn locate(self, text: &str, wanted: &Wanted) -> Positions {
        match self {
            Format::Yaml => yaml::locate(text, wanted),
            Format::Json => json::locate(text, wanted),
            Format::JsonLines => jsonl::locate(text, wanted),
            Format::Csv => csv::locate(text, wanted),
        }
    }

    /// Writes `timeline` in this format, in the file schema.
    pub(super) fn write(self, timeline: &Timeline, out: &mut impl Write) -> io::Result<()> {
        match self {
            Format::Yaml => yaml::write(timeline, out),
            Format::Json => json::write(timeline, out),
            Format::JsonLines => jsonl::write(timeline, out),
            Format::Csv => csv::write(timeline, out),
        }
    }
}
