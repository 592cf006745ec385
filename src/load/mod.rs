//! Reading timeline files: the only code that knows file formats. Turns one or more files
//! into a validated [`Timeline`], or into every problem found, each located by file, line
//! and column where the file has them.

mod blocks;
mod build;
mod check;
mod ids;
mod json;
mod pipe;
mod raw;
mod read;
mod spans;
mod yaml;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::Timeline;
use crate::text::sanitize;
use build::Builder;
use pipe::check_while_parsing;
use raw::Items;
use spans::{SpanIndex, Wanted};

pub use read::{Progress, Stage};

/// The timeline of the seed article, compiled into the binary.
pub const BUNDLED_YAML: &str = include_str!("../../events.yaml");

/// The name under which the bundled timeline is reported.
pub const BUNDLED_NAME: &str = "events.yaml (bundled)";

/// YAML files larger than this are refused unless the caller raises the limit: serde_yaml
/// needs about ten times a file's size in memory.
pub const DEFAULT_MAX_YAML_BYTES: u64 = 256 << 20;

/// JSON and JSON Lines files larger than this are refused unless the caller raises the
/// limit: loading takes about 1.4 times a file's size in memory (2 GiB holds some 3.5
/// million events).
pub const DEFAULT_MAX_JSON_BYTES: u64 = 2 << 30;

/// The text of one timeline file and the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it, or [`BUNDLED_NAME`].
    pub name: String,
    /// The whole text.
    pub text: String,
}

impl SourceFile {
    /// Reads `path`, refusing directories, devices, pipes, files over `max_bytes` and
    /// text that is not UTF-8, each with a one-line reason.
    pub fn read(path: &Path, max_bytes: u64) -> Result<Self, Diagnostic> {
        SourceFile::read_with(path, max_bytes, &Progress::default())
    }

    fn read_with(path: &Path, max_bytes: u64, progress: &Progress) -> Result<Self, Diagnostic> {
        let name = path.display().to_string();
        let (file, claimed) = read::open(path, &name, max_bytes)?;
        progress.add_total(claimed);
        let bytes = read::read_all(file, &name, max_bytes, claimed, progress)?;
        let text = read::utf8(&name, bytes)?;
        Ok(SourceFile { name, text })
    }

    /// The bundled timeline of the seed article.
    pub fn bundled() -> Self {
        SourceFile {
            name: BUNDLED_NAME.to_string(),
            text: BUNDLED_YAML.to_string(),
        }
    }
}

/// The files a command reads when none are named: `./events.yaml` if there is one, else
/// the bundled timeline.
pub fn default_input() -> Option<PathBuf> {
    let local = PathBuf::from("events.yaml");
    local.is_file().then_some(local)
}

/// Loads the named files (or the default input when `paths` is empty) into one timeline,
/// refusing files over `max_bytes` (by default, the limit of each file's format).
pub fn load_paths(
    paths: &[PathBuf],
    max_bytes: Option<u64>,
) -> Result<(Timeline, Vec<String>), LoadError> {
    load_paths_with(paths, max_bytes, &Progress::default())
}

/// Like [`load_paths`], publishing how far it has got to `progress`. Each item is checked
/// as soon as it is parsed and each file's text dropped once parsed (a JSON Lines file is
/// parsed line by line as it is read), so a large file is not held twice; the text is
/// read again only to locate problems.
pub fn load_paths_with(
    paths: &[PathBuf],
    max_bytes: Option<u64>,
    progress: &Progress,
) -> Result<(Timeline, Vec<String>), LoadError> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        default_input().into_iter().collect()
    } else {
        paths.to_vec()
    };
    if paths.is_empty() {
        let timeline = load_sources(&[SourceFile::bundled()])?;
        return Ok((timeline, vec![BUNDLED_NAME.to_string()]));
    }
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let (diagnostics, builder) = check_while_parsing(progress, |pipe| {
        let mut diagnostics = Vec::new();
        for (i, path) in paths.iter().enumerate() {
            pipe.begin_file(i);
            if let Err(mut d) = parse_path(path, &names[i], max_bytes, progress, pipe) {
                diagnostics.append(&mut d);
            }
        }
        diagnostics
    });
    if !diagnostics.is_empty() {
        // References into a file that did not parse would all look broken: report only
        // the parse errors.
        return Err(LoadError { diagnostics });
    }
    progress.set_stage(Stage::Checking);
    build_located(builder, &names, |i, wanted| {
        let format = Format::of(&paths[i].display().to_string());
        SourceFile::read(&paths[i], max_bytes.unwrap_or(format.default_max_bytes()))
            .map(|f| Format::of(&f.name).spans(&f.text, wanted))
            .unwrap_or_default()
    })
}

/// Reads and parses one file, holding no more of it than the format needs.
fn parse_path(
    path: &Path,
    name: &str,
    max_bytes: Option<u64>,
    progress: &Progress,
    items: &mut impl Items,
) -> Result<(), Vec<Diagnostic>> {
    progress.set_stage(Stage::Reading);
    let format = Format::of(name);
    let max_bytes = max_bytes.unwrap_or(format.default_max_bytes());
    if format == Format::JsonLines {
        let (file, claimed) = read::open(path, name, max_bytes).map_err(|d| vec![d])?;
        progress.add_total(claimed);
        progress.set_stage(Stage::Parsing);
        let mut lines = json::JsonLines::new(name);
        read::for_each_line(file, name, max_bytes, progress, |n, line| {
            lines.line(n, line, items);
            Ok(())
        })
        .map_err(|d| vec![d])?;
        return lines.finish();
    }
    if format == Format::Json {
        let (file, claimed) = read::open(path, name, max_bytes).map_err(|d| vec![d])?;
        progress.add_total(claimed);
        progress.set_stage(Stage::Parsing);
        let stream = read::Stream::new(file, max_bytes, progress);
        return blocks::parse_json_blocks(stream, blocks::BLOCK, items).map_err(|_| {
            // Read the text whole to report the problem exactly as it would from the
            // text: an encoding error, the size limit, or serde_json's message.
            let quiet = Progress::default();
            let parsed = SourceFile::read_with(path, max_bytes, &quiet)
                .map_err(|d| vec![d])
                .and_then(|file| format.parse(&file, &mut Discard));
            parsed.err().unwrap_or_else(|| {
                vec![Diagnostic::file(
                    name,
                    "could not be read the same way twice: it changed, or a read failed"
                        .to_string(),
                )]
            })
        });
    }
    let file = SourceFile::read_with(path, max_bytes, progress).map_err(|d| vec![d])?;
    progress.set_stage(Stage::Parsing);
    format.parse(&file, items)
}

/// Items thrown away: for parsing a file again only to report its problems.
struct Discard;

impl Items for Discard {
    fn document(&mut self, _: raw::RawDocument) {}
    fn actor(&mut self, _: raw::RawActor) {}
    fn event(&mut self, _: raw::RawEvent) {}
}

/// The formats a timeline file can be written in, told apart by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML (`.yaml`, `.yml`, and anything not named otherwise): for writing by hand.
    Yaml,
    /// One JSON object (`.json`) with the same schema.
    Json,
    /// JSON Lines (`.jsonl`, `.ndjson`): one document, actor or event per line.
    JsonLines,
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
            _ => Format::Yaml,
        }
    }

    /// The largest file of this format read unless the caller says otherwise.
    pub fn default_max_bytes(self) -> u64 {
        match self {
            Format::Yaml => DEFAULT_MAX_YAML_BYTES,
            Format::Json | Format::JsonLines => DEFAULT_MAX_JSON_BYTES,
        }
    }

    fn parse(self, file: &SourceFile, items: &mut impl Items) -> Result<(), Vec<Diagnostic>> {
        match self {
            Format::Yaml => yaml::parse_yaml(file, items).map_err(|d| vec![d]),
            Format::Json => json::parse_json(&file.name, &file.text, items),
            Format::JsonLines => json::parse_jsonl(&file.name, &file.text, items),
        }
    }

    fn spans(self, text: &str, wanted: &Wanted) -> SpanIndex {
        match self {
            Format::Yaml => SpanIndex::of_yaml(text, wanted),
            Format::Json => {
                let mut pairs = Vec::new();
                json::json_spans(text, 0, Some(wanted), &mut pairs);
                SpanIndex::from_pairs(pairs)
            }
            Format::JsonLines => SpanIndex::from_pairs(json::jsonl_spans(text, wanted)),
        }
    }
}

/// Parses and validates already-read files into one timeline.
pub fn load_sources(files: &[SourceFile]) -> Result<Timeline, LoadError> {
    let progress = Progress::default();
    let (diagnostics, builder) = check_while_parsing(&progress, |pipe| {
        let mut diagnostics = Vec::new();
        for (i, file) in files.iter().enumerate() {
            pipe.begin_file(i);
            if let Err(mut d) = Format::of(&file.name).parse(file, pipe) {
                diagnostics.append(&mut d);
            }
        }
        diagnostics
    });
    if !diagnostics.is_empty() {
        // References into a file that did not parse would all look broken: report only
        // the parse errors.
        return Err(LoadError { diagnostics });
    }
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    build_located(builder, &names, |i, wanted| {
        Format::of(&files[i].name).spans(&files[i].text, wanted)
    })
    .map(|(timeline, _)| timeline)
}

/// Finishes the timeline; on failure, locates each problem in the text `spans` indexes
/// for a file.
fn build_located(
    builder: Builder,
    names: &[String],
    spans: impl Fn(usize, &Wanted) -> SpanIndex,
) -> Result<(Timeline, Vec<String>), LoadError> {
    let mut diagnostics = Vec::new();
    match builder.finish() {
        Ok(timeline) => Ok((timeline, names.to_vec())),
        Err(problems) => {
            let paths = problems.iter().flat_map(|p| {
                let first = p.first.as_ref().map(|(_, path)| path.as_str());
                std::iter::once(p.path.as_str()).chain(first)
            });
            let wanted = Wanted::new(paths);
            let spans: Vec<SpanIndex> = (0..names.len()).map(|i| spans(i, &wanted)).collect();
            let locate = |file: usize, path: &str| {
                let (line, column) = spans[file].locate(path).unzip();
                Diagnostic {
                    file: names[file].clone(),
                    line,
                    column,
                    message: String::new(),
                }
            };
            for problem in problems {
                let mut diagnostic = locate(problem.file, &problem.path);
                diagnostic.message = match problem.first {
                    Some((file, path)) => {
                        format!(
                            "{} (first defined at {})",
                            problem.message,
                            locate(file, &path).place()
                        )
                    }
                    None => problem.message,
                };
                diagnostic.message = shorten_quoted(&diagnostic.message);
                diagnostics.push(diagnostic);
            }
            diagnostics.sort_by_key(|d| (d.file.clone(), d.line, d.column));
            Err(LoadError { diagnostics })
        }
    }
}

/// Longest text quoted whole in a message; a longer one is cut, its length given.
const MAX_QUOTED_CHARS: usize = 80;

/// `message` with every quoted text (`"…"` or `` `…` ``) over [`MAX_QUOTED_CHARS`]
/// characters cut short: an error must not echo a 50 MB value.
fn shorten_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut chars = message.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        out.push(c);
        if c != '"' && c != '`' {
            continue;
        }
        let rest = &message[at + 1..];
        let mut escaped = false;
        let close = rest.char_indices().find(|&(_, d)| {
            let closes = d == c && !escaped;
            escaped = d == '\\' && !escaped;
            closes
        });
        let Some((len, _)) = close else { continue };
        let inner = &rest[..len];
        let count = inner.chars().count();
        if count > MAX_QUOTED_CHARS {
            out.extend(inner.chars().take(MAX_QUOTED_CHARS - 20));
            out.push_str(&format!("… ({count} characters)"));
        } else {
            out.push_str(inner);
        }
        out.push(c);
        while chars.next_if(|&(i, _)| i <= at + 1 + len).is_some() {}
    }
    out
}

/// One problem in one file, at a line and column where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as named by the user.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// What is wrong, naming the item and field.
    pub message: String,
}

impl Diagnostic {
    fn file(name: &str, message: String) -> Self {
        Diagnostic {
            file: name.to_string(),
            line: None,
            column: None,
            message,
        }
    }

    /// `file:line:column`, as far as known.
    pub fn place(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// One line, safe for a terminal: a file name or a value quoted from a file may hold
    /// escape sequences.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            sanitize(&self.place()),
            sanitize(&self.message)
        )
    }
}

/// Every problem found while loading, in file and line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The problems, never empty.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}
