//! Reading timeline files: the only code that knows file formats. Turns one or more files
//! into a validated [`Timeline`], or into every problem found, each located by file, line
//! and column where the file has them.

mod build;
mod json;
mod raw;
mod spans;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::model::Timeline;
use raw::RawFile;
use spans::SpanIndex;

/// The timeline of the seed article, compiled into the binary.
pub const BUNDLED_YAML: &str = include_str!("../../events.yaml");

/// The name under which the bundled timeline is reported.
pub const BUNDLED_NAME: &str = "events.yaml (bundled)";

/// Files larger than this are refused unless the caller raises the limit.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

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
        let name = path.display().to_string();
        let fail = |message: String| Diagnostic::file(&name, message);
        let meta = fs::metadata(path).map_err(|e| fail(io_reason(&e)))?;
        if meta.is_dir() {
            return Err(fail("is a directory, not a timeline file".to_string()));
        }
        if !meta.is_file() {
            return Err(fail(
                "is not a regular file (a device, pipe or socket?)".to_string(),
            ));
        }
        if meta.len() > max_bytes {
            return Err(fail(format!(
                "is {} bytes, over the limit of {max_bytes} bytes (raise it with --max-file-size)",
                meta.len()
            )));
        }
        let bytes = fs::read(path).map_err(|e| fail(io_reason(&e)))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Diagnostic {
                file: name.clone(),
                line: Some(line),
                column: Some(column),
                message: "is not valid UTF-8 text".to_string(),
            }
        })?;
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

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot be read: {e}"),
    }
}

/// The files a command reads when none are named: `./events.yaml` if there is one, else
/// the bundled timeline.
pub fn default_input() -> Option<PathBuf> {
    let local = PathBuf::from("events.yaml");
    local.is_file().then_some(local)
}

/// Loads the named files (or the default input when `paths` is empty) into one timeline.
pub fn load_paths(paths: &[PathBuf], max_bytes: u64) -> Result<(Timeline, Vec<String>), LoadError> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        default_input().into_iter().collect()
    } else {
        paths.to_vec()
    };
    if paths.is_empty() {
        let timeline = load_sources(&[SourceFile::bundled()])?;
        return Ok((timeline, vec![BUNDLED_NAME.to_string()]));
    }
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for path in &paths {
        match SourceFile::read(path, max_bytes) {
            Ok(file) => files.push(file),
            Err(e) => unreadable.push(e),
        }
    }
    let names = files.iter().map(|f| f.name.clone()).collect();
    match load_sources(&files) {
        Ok(timeline) if unreadable.is_empty() => Ok((timeline, names)),
        Ok(_) => Err(LoadError {
            diagnostics: unreadable,
        }),
        Err(mut e) => {
            unreadable.append(&mut e.diagnostics);
            Err(LoadError {
                diagnostics: unreadable,
            })
        }
    }
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

    fn parse(self, file: &SourceFile) -> Result<RawFile, Vec<Diagnostic>> {
        match self {
            Format::Yaml => parse_yaml(file).map_err(|d| vec![d]),
            Format::Json => json::parse_json(&file.name, &file.text),
            Format::JsonLines => json::parse_jsonl(&file.name, &file.text),
        }
    }

    fn spans(self, text: &str) -> SpanIndex {
        match self {
            Format::Yaml => SpanIndex::of_yaml(text),
            Format::Json => {
                let mut pairs = Vec::new();
                json::json_spans(text, 0, &mut pairs);
                SpanIndex::from_pairs(pairs)
            }
            Format::JsonLines => SpanIndex::from_pairs(json::jsonl_spans(text)),
        }
    }
}

/// Parses and validates already-read files into one timeline.
pub fn load_sources(files: &[SourceFile]) -> Result<Timeline, LoadError> {
    let mut raws = Vec::with_capacity(files.len());
    let mut diagnostics = Vec::new();
    for file in files {
        match Format::of(&file.name).parse(file) {
            Ok(raw) => raws.push(raw),
            Err(mut d) => diagnostics.append(&mut d),
        }
    }
    if !diagnostics.is_empty() {
        // References into a file that did not parse would all look broken: report only
        // the parse errors.
        return Err(LoadError { diagnostics });
    }
    match build::build(&raws) {
        Ok(timeline) => Ok(timeline),
        Err(problems) => {
            let spans: Vec<SpanIndex> = files
                .iter()
                .map(|f| Format::of(&f.name).spans(&f.text))
                .collect();
            let locate = |file: usize, path: &str| {
                let (line, column) = spans[file].locate(path).unzip();
                Diagnostic {
                    file: files[file].name.clone(),
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
                diagnostics.push(diagnostic);
            }
            diagnostics.sort_by_key(|d| (d.file.clone(), d.line, d.column));
            Err(LoadError { diagnostics })
        }
    }
}

fn parse_yaml(file: &SourceFile) -> Result<RawFile, Diagnostic> {
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
    serde_yaml::from_str(&file.text).map_err(|e| {
        let location = e.location();
        // The position goes in front of the message; a second position in the text (where
        // a quoted string or a block started, say) stays, since it helps.
        let message = match &location {
            Some(l) => e.to_string().replacen(
                &format!(" at line {} column {}", l.line(), l.column()),
                "",
                1,
            ),
            None => e.to_string(),
        };
        Diagnostic {
            file: file.name.clone(),
            line: location.as_ref().map(|l| l.line()),
            column: location.as_ref().map(|l| l.column()),
            message,
        }
    })
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)
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
