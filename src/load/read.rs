//! Reading a file safely: one open handle, refused unless it is a regular file, never more
//! than the size limit read whatever the file claims its size is, and progress published
//! for a UI on another thread.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

use super::Diagnostic;

/// The part of loading under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading bytes from disk.
    Reading,
    /// Turning the text into lists of documents, actors and events.
    Parsing,
    /// Checking every reference and quote.
    Checking,
    /// Preparing the filters and the first screen.
    Indexing,
}

/// How far a load has got: written by the loading thread, read by the UI.
#[derive(Debug, Default)]
pub struct Progress {
    bytes_total: AtomicU64,
    bytes_read: AtomicU64,
    events: AtomicU64,
    stage: AtomicU8,
}

impl Progress {
    /// Bytes read so far and bytes to read in all.
    pub fn bytes(&self) -> (u64, u64) {
        (
            self.bytes_read.load(Ordering::Relaxed),
            self.bytes_total.load(Ordering::Relaxed),
        )
    }

    /// Events parsed so far.
    pub fn events(&self) -> u64 {
        self.events.load(Ordering::Relaxed)
    }

    /// The part of loading under way.
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Parsing,
            2 => Stage::Checking,
            _ => Stage::Indexing,
        }
    }

    /// Moves on to `stage`.
    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    pub(super) fn add_total(&self, bytes: u64) {
        self.bytes_total.fetch_add(bytes, Ordering::Relaxed);
    }

    pub(super) fn add_read(&self, bytes: u64) {
        self.bytes_read.fetch_add(bytes, Ordering::Relaxed);
    }

    pub(super) fn add_events(&self, events: u64) {
        self.events.fetch_add(events, Ordering::Relaxed);
    }
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
            let column = String::from_utf8_lossy(&buffer[..e.valid_up_to()])
                .chars()
                .count()
                + 1;
            Diagnostic {
                file: name.to_string(),
                line: Some(n + 1),
                column: Some(column),
                message: "is not valid UTF-8 text".to_string(),
            }
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
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Diagnostic {
            file: name.to_string(),
            line: Some(line),
            column: Some(column),
            message: "is not valid UTF-8 text".to_string(),
        }
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
