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
        let (file, claimed) = open(path, &name, max_bytes, progress)?;
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
/// is over `max_bytes`. Returns the handle and the size it claims, which is added to the
/// bytes `progress` expects.
pub fn open(
    path: &Path,
    name: &str,
    max_bytes: u64,
    progress: &Progress,
) -> Result<(File, u64), Diagnostic> {
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
    progress.add_total(meta.len());
    Ok((file, meta.len()))
}

fn over_limit(size: Option<u64>, max_bytes: u64) -> String {
    let size = size.map_or("over".to_string(), |s| format!("{s} bytes, over"));
    format!("is {size} the limit of {max_bytes} bytes (raise it with --max-file-size)")
}

/// Reads the whole of `file`, but never more than `max_bytes` (a file in /proc or one
/// still growing may hold more than it said), publishing progress. What is read is
/// counted before it is kept, and never copied on its way to the limit: what comes past
/// the size the file claimed is kept in chunks, joined at the end, so that a file that
/// claims no size and is refused at the limit holds the limit, not twice it.
pub fn read_all(
    file: impl Read,
    name: &str,
    max_bytes: u64,
    claimed: u64,
    progress: &Progress,
) -> Result<Vec<u8>, Diagnostic> {
    let limit = usize::try_from(max_bytes).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(claimed.min(max_bytes) as usize + 1);
    let mut overflow: Vec<Vec<u8>> = Vec::new();
    let mut total = 0;
    let mut file = file;
    // Whole chunks, not a count cut at the limit: some /proc files refuse reads whose
    // size is not a multiple of 8.
    let mut chunk = vec![0; CHUNK];
    loop {
        let n = file
            .read(&mut chunk)
            .map_err(|e| Diagnostic::file(name, io_reason(&e)))?;
        if n == 0 {
            break;
        }
        progress.add_read(n as u64);
        total += n;
        if total > limit {
            return Err(Diagnostic::file(name, over_limit(None, max_bytes)));
        }
        if overflow.is_empty() && bytes.len() + n <= bytes.capacity() {
            bytes.extend_from_slice(&chunk[..n]);
        } else {
            overflow.push(chunk[..n].to_vec());
        }
    }
    if !overflow.is_empty() {
        bytes.reserve_exact(total - bytes.len());
        for chunk in overflow {
            bytes.extend_from_slice(&chunk);
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
    file: impl Read,
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
        // One line is never read past the limit either: a file without a line break is
        // one line.
        let left = max_bytes.saturating_sub(total).saturating_add(1);
        let read = (&mut reader)
            .take(left)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A source of `left` bytes of `x` that claims no size, as a /proc file does.
    struct Endless {
        left: usize,
        read: usize,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.left);
            buf[..n].fill(b'x');
            self.left -= n;
            self.read += n;
            Ok(n)
        }
    }

    #[test]
    fn a_file_that_claims_no_size_is_kept_within_the_limit() {
        let limit = 3 * CHUNK + 5;
        let mut source = Endless {
            left: limit,
            read: 0,
        };
        let bytes = read_all(&mut source, "f", limit as u64, 0, &Progress::default()).unwrap();
        assert_eq!(bytes.len(), limit);
        // Issue 18 item 7: a Vec doubling on its way to a 256 MiB limit reached 804 MB.
        assert!(bytes.capacity() <= limit, "{} > {limit}", bytes.capacity());
    }

    #[test]
    fn reading_stops_at_the_first_chunk_past_the_limit() {
        let limit = 2 * CHUNK as u64;
        let mut source = Endless {
            left: usize::MAX,
            read: 0,
        };
        let error = read_all(&mut source, "f", limit, 0, &Progress::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "f: is over the limit of 8388608 bytes (raise it with --max-file-size)"
        );
        assert_eq!(source.read as u64, limit + CHUNK as u64);
    }

    #[test]
    fn a_line_is_not_read_past_the_limit() {
        let mut source = Endless {
            left: 4 << 20,
            read: 0,
        };
        let result = for_each_line(&mut source, "f", 1000, &Progress::default(), |_, _| Ok(()));
        assert_eq!(
            result.unwrap_err().to_string(),
            "f: is over the limit of 1000 bytes (raise it with --max-file-size)"
        );
        // The line's buffer fills to the limit, not to the end of a 4 MB line.
        assert!(source.read <= 1000 + (1 << 16), "{}", source.read);
    }
}
