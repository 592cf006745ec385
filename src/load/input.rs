//! Reading a file safely: one open handle, refused unless it is a regular file, never more
//! than the size limit read whatever the file claims its size is, the text checked to be
//! UTF-8, and progress published for a UI on another thread. Also the inputs a load starts
//! from when no file is named.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::diagnostic::line_column;
use super::{Diagnostic, Progress};

/// The timeline of the seed article, compiled into the binary.
pub const BUNDLED_YAML: &str = include_str!("../../events.yaml");

/// The name under which the bundled timeline is reported.
pub const BUNDLED_NAME: &str = "events.yaml (bundled)";

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

    /// Like [`SourceFile::read`], publishing the bytes read to `progress`.
    pub(super) fn read_with(
        path: &Path,
        max_bytes: u64,
        progress: &Progress,
    ) -> Result<Self, Diagnostic> {
        let name = path.display().to_string();
        let (file, claimed) = open(path, &name, max_bytes)?;
        progress.add_total(claimed);
        let bytes = read_all(file, &name, max_bytes, claimed, progress)?;
        let text = utf8(&name, bytes)?;
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

/// Bytes read between two progress updates.
const CHUNK: usize = 4 << 20;

/// Opens `path` for reading, refusing anything but a regular file, and a file whose size
/// is over `max_bytes`. Returns the handle and the size it claims.
pub fn open(path: &Path, name: &str, max_bytes: u64) -> Result<(File, u64), Diagnostic> {
    let fail = |message: String| Diagnostic::file(name, message);
    // Refuse a FIFO or device before opening it: opening a FIFO waits for a writer.
    let meta = std::fs::metadata(path).map_err(|e| fail(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(fail("is a directory, not a timeline file".to_string()));
    }
    if !meta.is_file() {
        return Err(fail(
            "is not a regular file (a device, pipe or socket?)".to_string(),
        ));
    }
    let file = File::open(path).map_err(|e| fail(io_reason(&e)))?;
    // Check again on the handle: the path may have been replaced in between.
    let meta = file.metadata().map_err(|e| fail(io_reason(&e)))?;
    if !meta.is_file() {
        return Err(fail(
            "is not a regular file (a device, pipe or socket?)".to_string(),
        ));
    }
    if meta.len() > max_bytes {
        return Err(fail(over_limit(Some(meta.len()), max_bytes)));
    }
    Ok((file, meta.len()))
}

fn over_limit(size: Option<u64>, max_bytes: u64) -> String {
    let size = size.map_or("over".to_string(), |s| format!("{s} bytes, over"));
    format!("is {size} the limit of {max_bytes} bytes (raise it with --max-file-size)")
}

/// Reads the whole of `file`, but never more than `max_bytes` (a file in /proc or one
/// still growing may hold more than it said), publishing progress.
pub fn read_all(
    file: File,
    name: &str,
    max_bytes: u64,
    claimed: u64,
    progress: &Progress,
) -> Result<Vec<u8>, Diagnostic> {
    let mut bytes = Vec::with_capacity(claimed.min(max_bytes) as usize + 1);
    // Whole chunks, not a count cut at the limit: some /proc files refuse reads whose
    // size is not a multiple of 8.
    let mut file = file;
    let mut chunk = vec![0; CHUNK];
    loop {
        let n = file
            .read(&mut chunk)
            .map_err(|e| Diagnostic::file(name, io_reason(&e)))?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        progress.add_read(n as u64);
        if bytes.len() as u64 > max_bytes {
            return Err(Diagnostic::file(name, over_limit(None, max_bytes)));
        }
    }
    Ok(bytes)
}

/// A file read as a stream, never past its limit, publishing progress: for a parser that
/// reads as it goes, so that the whole text is never held.
pub struct Stream<'p> {
    file: File,
    max_bytes: u64,
    total: u64,
    unreported: u64,
    progress: &'p Progress,
}

impl<'p> Stream<'p> {
    /// Reads `file`, allowed `max_bytes`, publishing to `progress`.
    pub fn new(file: File, max_bytes: u64, progress: &'p Progress) -> Self {
        Stream {
            file,
            max_bytes,
            total: 0,
            unreported: 0,
            progress,
        }
    }
}

impl Read for Stream<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read(buf)?;
        self.total += n as u64;
        self.unreported += n as u64;
        if self.unreported >= CHUNK as u64 || n == 0 {
            self.progress.add_read(self.unreported);
            self.unreported = 0;
        }
        if self.total > self.max_bytes {
            return Err(std::io::Error::other("over the size limit"));
        }
        Ok(n)
    }
}

/// Calls `line` with each line of `file` (without its end), counted from 0, reading no
/// more than `max_bytes` and publishing progress. Stops at the first error `line` returns.
pub fn for_each_line(
    file: File,
    name: &str,
    max_bytes: u64,
    progress: &Progress,
    mut line: impl FnMut(usize, &str) -> Result<(), Diagnostic>,
) -> Result<(), Diagnostic> {
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut buffer = Vec::new();
    let (mut total, mut unreported) = (0u64, 0u64);
    for n in 0.. {
        buffer.clear();
        let read = reader
            .read_until(b'\n', &mut buffer)
            .map_err(|e| Diagnostic::file(name, io_reason(&e)))?;
        if read == 0 {
            break;
        }
        total += read as u64;
        unreported += read as u64;
        if unreported >= CHUNK as u64 {
            progress.add_read(unreported);
            unreported = 0;
        }
        if total > max_bytes {
            return Err(Diagnostic::file(name, over_limit(None, max_bytes)));
        }
        let text = std::str::from_utf8(&buffer).map_err(|e| {
            let valid = String::from_utf8_lossy(&buffer[..e.valid_up_to()]);
            let (_, column) = line_column(&valid, valid.len());
            Diagnostic::at(name, (n + 1, column), "is not valid UTF-8 text".to_string())
        })?;
        // As str::lines: a line ends at "\n" or "\r\n"; a lone "\r" is text.
        let text = match text.strip_suffix('\n') {
            Some(text) => text.strip_suffix('\r').unwrap_or(text),
            None => text,
        };
        line(n, text)?;
    }
    progress.add_read(unreported);
    Ok(())
}

/// The text of `bytes` without a byte-order mark, or where it stops being UTF-8.
pub fn utf8(name: &str, mut bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        let at = line_column(&valid, valid.len());
        Diagnostic::at(name, at, "is not valid UTF-8 text".to_string())
    })
}

/// Why a file could not be read, in a few words.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot be read: {e}"),
    }
}
