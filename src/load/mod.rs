//! Reading timeline files: the only code that knows file formats. Turns one or more files
//! (YAML, JSON, JSON Lines or CSV), or texts already read, into one validated [`Timeline`], or
//! into every problem found, each located by file, line and column where the file has
//! them; and writes a timeline back in the same schema.
//!
//! - `pipeline`: one load, parse → check → locate, shared by files and texts.
//! - `input`: opening and reading a file safely, within a size limit.
//! - `format`: the formats, and the only place that tells them apart.
//! - [`schema`]: the file's fields, read and written.
//! - `validate`: the checks, run as items are parsed.
//! - `diagnostic`: problems and their places.
//! - `progress`: how far a load has got, for a UI.
//! - [`notes`]: the annotations' own file beside the timeline, read and written.
//!
//! [`Timeline`]: crate::model::Timeline

mod diagnostic;
mod format;
mod input;
mod item_line;
pub mod notes;
mod pipeline;
mod progress;
pub mod schema;
mod validate;

pub use diagnostic::{Diagnostic, LoadError};
pub use format::{
    DEFAULT_MAX_CSV_BYTES, DEFAULT_MAX_JSON_BYTES, DEFAULT_MAX_YAML_BYTES, Format, write_csv_rows,
};
pub use input::{BUNDLED_NAME, BUNDLED_YAML, SourceFile, default_input};
pub use item_line::event_line;
pub use pipeline::{
    load_paths, load_paths_and_sources, load_paths_with, load_sources, locate_in_files,
};
pub use progress::{Progress, Stage};
