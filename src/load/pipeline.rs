//! One load, from files or from texts already read: parse each input (checking its items
//! on a second thread as they come), then, if any check failed, locate each problem in
//! its file. Files and texts take the same path and differ only in how an input is read.

use std::path::{Path, PathBuf};

use super::diagnostic::{Positions, Wanted, shorten_quoted};
use super::validate::{Problem, check_while_parsing};
use super::{
    BUNDLED_NAME, Diagnostic, Format, LoadError, Progress, SourceFile, Stage, default_input,
};
use crate::model::Timeline;

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
    let inputs: Vec<Input> = paths
        .iter()
        .map(|path| Input::Path {
            path,
            name: path.display().to_string(),
            max_bytes,
        })
        .collect();
    let timeline = load(&inputs, progress)?;
    Ok((
        timeline,
        inputs.iter().map(|i| i.name().to_string()).collect(),
    ))
}

/// Loads the files at `paths`, then the texts `sources` (drafts made in memory), into one
/// timeline, the texts reported under their own names; files over `max_bytes` are refused
/// as by [`load_paths`]. Unlike [`load_paths`], no `paths` means no file, not the default
/// input.
pub fn load_paths_and_sources(
    paths: &[PathBuf],
    sources: &[SourceFile],
    max_bytes: Option<u64>,
    progress: &Progress,
) -> Result<Timeline, LoadError> {
    let files = paths.iter().map(|path| Input::Path {
        path,
        name: path.display().to_string(),
        max_bytes,
    });
    let inputs: Vec<Input> = files.chain(sources.iter().map(Input::Text)).collect();
    load(&inputs, progress)
}

/// Parses and validates already-read files into one timeline.
pub fn load_sources(files: &[SourceFile]) -> Result<Timeline, LoadError> {
    let inputs: Vec<Input> = files.iter().map(Input::Text).collect();
    load(&inputs, &Progress::default())
}

/// Where the values `wanted` stand in the files a timeline loaded from, `names` (as a
/// load returns them; the bundled timeline is read from the binary): each is the file's
/// position in `names` and a path such as `actors.3.aliases.1`. The files are read again
/// (within `max_bytes`), so that a warning about a timeline that loaded can be placed as
/// a problem is; a value not found, or in a file no longer readable, has no line.
pub fn locate_in_files(
    names: &[String],
    max_bytes: Option<u64>,
    wanted: &[(usize, String)],
) -> Vec<Diagnostic> {
    let bundled = SourceFile::bundled();
    let inputs: Vec<Input> = names
        .iter()
        .map(|name| match name.as_str() {
            BUNDLED_NAME => Input::Text(&bundled),
            _ => Input::Path {
                path: Path::new(name),
                name: name.clone(),
                max_bytes,
            },
        })
        .collect();
    let paths = Wanted::new(wanted.iter().map(|(_, path)| path.as_str()));
    let mut positions: Vec<Option<Positions>> = inputs.iter().map(|_| None).collect();
    wanted
        .iter()
        .map(|(file, path)| {
            let name = names.get(*file).cloned().unwrap_or_default();
            let (line, column) = match (inputs.get(*file), positions.get_mut(*file)) {
                (Some(input), Some(slot)) => slot
                    .get_or_insert_with(|| input.locate(&paths))
                    .locate(path)
                    .unzip(),
                _ => (None, None),
            };
            Diagnostic {
                file: name,
                line,
                column,
                message: String::new(),
            }
        })
        .collect()
}

/// One input of a load: a file still to read, or a text already read.
enum Input<'a> {
    /// The file at `path`, reported as `name`, refused over `max_bytes` (by default the
    /// limit of its format).
    Path {
        path: &'a Path,
        name: String,
        max_bytes: Option<u64>,
    },
    /// A text, reported under its own name.
    Text(&'a SourceFile),
}

impl Input<'_> {
    /// The name the input is reported under; its extension names its format.
    fn name(&self) -> &str {
        match self {
            Input::Path { name, .. } => name,
            Input::Text(file) => &file.name,
        }
    }

    fn format(&self) -> Format {
        Format::of(self.name())
    }

    /// Reads and parses the input, handing each item to `items`.
    fn parse(
        &self,
        progress: &Progress,
        items: &mut impl super::schema::Items,
    ) -> Result<(), Vec<Diagnostic>> {
        let format = self.format();
        match self {
            Input::Path {
                path,
                name,
                max_bytes,
            } => {
                progress.set_stage(Stage::Reading);
                let max_bytes = max_bytes.unwrap_or(format.default_max_bytes());
                format.read_path(path, name, max_bytes, progress, items)
            }
            Input::Text(file) => format.parse(file, items),
        }
    }

    /// Where the `wanted` values stand in the input; a file is read again for it, and one
    /// that cannot be read any more locates nothing.
    fn locate(&self, wanted: &Wanted) -> Positions {
        let format = self.format();
        match self {
            Input::Path {
                path, max_bytes, ..
            } => SourceFile::read(path, max_bytes.unwrap_or(format.default_max_bytes()))
                .map(|file| format.locate(&file.text, wanted))
                .unwrap_or_default(),
            Input::Text(file) => format.locate(&file.text, wanted),
        }
    }
}

/// Parses every input, checking items as they come, then finishes the timeline.
fn load(inputs: &[Input], progress: &Progress) -> Result<Timeline, LoadError> {
    let (mut diagnostics, builder) = check_while_parsing(progress, |pipe| {
        let mut diagnostics = Vec::new();
        for (i, input) in inputs.iter().enumerate() {
            pipe.begin_file(i);
            if let Err(mut d) = input.parse(progress, pipe) {
                diagnostics.append(&mut d);
            }
        }
        diagnostics
    });
    if !diagnostics.is_empty() {
        // References into a file that did not parse would all look broken: report the
        // parse errors, and beside them only the problems of shape of the items read.
        let mut located = locate_problems(builder.shape_problems(), inputs);
        diagnostics.append(&mut located);
        diagnostics.sort_by_key(|d| (d.file.clone(), d.line, d.column));
        return Err(LoadError { diagnostics });
    }
    progress.set_stage(Stage::Checking);
    match builder.finish() {
        Ok(timeline) => Ok(timeline),
        Err(problems) => Err(LoadError {
            diagnostics: locate_problems(problems, inputs),
        }),
    }
}

/// Locates each problem in its input, in file and line order.
fn locate_problems(problems: Vec<Problem>, inputs: &[Input]) -> Vec<Diagnostic> {
    if problems.is_empty() {
        return Vec::new();
    }
    let paths = problems.iter().flat_map(|p| {
        let first = p.first.as_ref().map(|first| first.path.as_str());
        std::iter::once(p.path.as_str()).chain(first)
    });
    let wanted = Wanted::new(paths);
    let positions: Vec<Positions> = inputs.iter().map(|i| i.locate(&wanted)).collect();
    let locate = |file: usize, path: &str| {
        let (line, column) = positions[file].locate(path).unzip();
        Diagnostic {
            file: inputs[file].name().to_string(),
            line,
            column,
            message: String::new(),
        }
    };
    let mut diagnostics = Vec::new();
    for problem in problems {
        let mut diagnostic = locate(problem.file, &problem.path);
        diagnostic.message = match problem.first {
            Some(first) => {
                format!(
                    "{} ({}{})",
                    problem.message,
                    first.lead,
                    locate(first.file, &first.path).place()
                )
            }
            None => problem.message,
        };
        diagnostic.message = shorten_quoted(&diagnostic.message);
        diagnostics.push(diagnostic);
    }
    diagnostics.sort_by_key(|d| (d.file.clone(), d.line, d.column));
    diagnostics
}
