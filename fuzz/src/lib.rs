//! What the fuzz targets share: feeding bytes to the loader the way the CLI does, and the
//! checks every result must pass.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tline::load::{self, LoadError, SourceFile};
use tline::model::Timeline;

/// A directory of this process's own for the file each input is written to: on tmpfs
/// where there is one, so that the write costs little next to the parse.
fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("tline-fuzz-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("scratch directory");
        dir
    })
}

/// Loads `data` as a file called `name` (its extension picks the format), twice:
///
/// - as the CLI does, with [`load::load_paths`] on a real file (size limit, UTF-8 check,
///   byte-order mark, JSON Lines read line by line, the file read again to locate
///   problems);
/// - when `data` is UTF-8, with [`load::load_sources`] on the text (the bundled timeline's
///   path), which must agree on whether the file loads, and then on the timeline or on
///   every problem (its line, column and message).
pub fn load_bytes(name: &str, data: &[u8]) {
    let path = scratch().join(name);
    fs::write(&path, data).expect("scratch file");
    let by_path = load::load_paths(std::slice::from_ref(&path), None)
        .map(|(timeline, _names)| timeline);
    check(&path.display().to_string(), &by_path);

    let Ok(text) = std::str::from_utf8(data) else {
        assert!(by_path.is_err(), "text that is not UTF-8 was accepted");
        return;
    };
    let file = SourceFile {
        name: name.to_string(),
        text: text.to_string(),
    };
    let by_text = load::load_sources(&[file]);
    check(name, &by_text);
    // The file path skips a byte-order mark at the start of the file, which the text path
    // leaves to the parser (serde_json refuses it).
    if !text.contains('\u{feff}') {
        assert_eq!(
            by_path.is_ok(),
            by_text.is_ok(),
            "the file and text paths disagree: {:?} vs {:?}",
            by_path.as_ref().err().map(ToString::to_string),
            by_text.as_ref().err().map(ToString::to_string),
        );
        // A JSON file is read block by block, and its text parsed whole only to report a
        // problem: both must see the same timeline, or the same problems at the same places.
        match (&by_path, &by_text) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "the file and text paths load different timelines"),
            (Err(a), Err(b)) => {
                // A message may name the file ("first defined at FILE:2:3").
                let path = path.display().to_string();
                let problems = |e: &LoadError| -> Vec<_> {
                    let message = |m: &str| m.replace(&path, name);
                    e.diagnostics.iter().map(|d| (d.line, d.column, message(&d.message))).collect()
                };
                assert_eq!(problems(a), problems(b), "the file and text paths report differently");
            }
            _ => {}
        }
    }
}

/// The loader's promises, whatever the input: errors name the file, positions are
/// 1-based, and a timeline that loads is sorted and internally consistent.
fn check(name: &str, result: &Result<Timeline, LoadError>) {
    match result {
        Err(error) => {
            assert!(
                !error.diagnostics.is_empty(),
                "an error without diagnostics"
            );
            for d in &error.diagnostics {
                assert_eq!(d.file, name, "a diagnostic names another file: {d}");
                assert!(d.line.is_none_or(|l| l >= 1), "line 0: {d}");
                assert!(d.column.is_none_or(|c| c >= 1), "column 0: {d}");
                assert!(!d.message.is_empty(), "an empty message: {d:?}");
            }
            let _ = error.to_string();
        }
        Ok(timeline) => {
            for pair in timeline.events.windows(2) {
                assert!(
                    pair[0].date.sort_key() <= pair[1].date.sort_key(),
                    "unsorted"
                );
            }
            for event in &timeline.events {
                if let (Some(a), Some(b)) = (event.date.earliest(), event.date.latest()) {
                    assert!(a <= b, "{:?} ends before it starts", event.date);
                }
                for &actor in &event.actors {
                    assert!((actor.0 as usize) < timeline.actors.len());
                }
                for source in &event.sources {
                    assert!((source.doc.0 as usize) < timeline.documents.len());
                    let doc = timeline.document(source.doc);
                    assert!((1..=doc.paragraphs.len()).contains(&source.paragraph));
                    assert!(timeline.quote_range(source).is_some(), "quote not found");
                }
            }
        }
    }
}
