//! Inputs kept from fuzzing (see fuzz/README.md), and hostile shapes kept with them: every
//! file in `tests/fuzz_regressions/` is fed to the function its fuzz target calls, named by
//! the file's prefix (`load_yaml-`, `load_json-`, `load_jsonl-`, `edtf_date-`). Each must
//! return, loaded or with diagnostics, without panicking; the known-slow ones must return
//! within a time bound.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use tline::date::EdtfDate;
use tline::load::{self, SourceFile};

/// Inputs that once took seconds to minutes; each has its own test below, under a bound.
const KNOWN_SLOW: &[&str] = &[
    "load_yaml-deep-flow-nesting",
    "load_yaml-long-unknown-actor",
    "load_yaml-quote-near-miss",
    "load_json-long-unknown-actor",
    "load_yaml-nel-hides-deep-flow",
    "load_yaml-indent-hides-deep-flow",
];

/// How long a 64 KB input may take in a debug build: a loader that bounds its work needs
/// milliseconds; these took 11 s to 67 s before the fixes (each input is loaded twice).
const BOUND: Duration = Duration::from_secs(2);

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions")
}

fn inputs() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir())
        .expect("tests/fuzz_regressions exists")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// Feeds one input to its target's function, as the fuzz target does.
fn run(name: &str) {
    let bytes = fs::read(dir().join(name)).unwrap();
    let (target, _) = name.split_once('-').expect("name is <target>-<case>");
    match target {
        "load_yaml" => load_bytes("fuzz.yaml", &bytes),
        "load_json" => load_bytes("fuzz.json", &bytes),
        "load_jsonl" => load_bytes("fuzz.jsonl", &bytes),
        "edtf_date" => {
            if let Ok(text) = std::str::from_utf8(&bytes)
                && let Ok(date) = EdtfDate::parse(text)
            {
                let written = date.to_string();
                assert_eq!(EdtfDate::parse(&written), Ok(date), "{name}: {written}");
            }
        }
        _ => panic!("{name}: unknown target {target:?}"),
    }
}

/// Loads the bytes as the CLI does (a real file through `load_paths`) and, when they are
/// UTF-8, as text through `load_sources`, as the fuzz target does.
fn load_bytes(file_name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name);
    fs::write(&path, bytes).unwrap();
    let by_path = load::load_paths(std::slice::from_ref(&path), None).map(|(timeline, _)| timeline);
    let by_text = match std::str::from_utf8(bytes) {
        Ok(text) => load::load_sources(&[SourceFile {
            name: file_name.to_string(),
            text: text.to_string(),
        }]),
        Err(_) => {
            assert!(by_path.is_err(), "text that is not UTF-8 was accepted");
            return;
        }
    };
    // As in the fuzz harness: both paths load the same timeline or report the same
    // problems, unless a byte-order mark (skipped by the file path only) is in the way.
    if !bytes.starts_with("\u{feff}".as_bytes())
        && !String::from_utf8_lossy(bytes).contains('\u{feff}')
    {
        match (&by_path, &by_text) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{file_name}: the paths load different timelines"),
            (Err(a), Err(b)) => {
                let path = path.display().to_string();
                let problems = |e: &load::LoadError| -> Vec<_> {
                    let message = |m: &str| m.replace(&path, file_name);
                    e.diagnostics
                        .iter()
                        .map(|d| (d.line, d.column, message(&d.message)))
                        .collect()
                };
                assert_eq!(
                    problems(a),
                    problems(b),
                    "{file_name}: the paths report differently"
                );
            }
            _ => panic!("{file_name}: one path loads, the other does not"),
        }
    }
    for result in [by_path, by_text] {
        if let Err(e) = result {
            assert!(!e.diagnostics.is_empty());
            let _ = e.to_string();
        }
    }
}

/// Runs one input on a thread of its own and fails if it is still running after `BOUND`.
fn run_within_bound(name: &'static str) {
    let (done, finished) = mpsc::channel();
    let started = std::time::Instant::now();
    thread::spawn(move || {
        run(name);
        let _ = done.send(());
    });
    match finished.recv_timeout(BOUND) {
        Ok(()) => {}
        Err(RecvTimeoutError::Timeout) => panic!("{name}: still running after {BOUND:?}"),
        Err(RecvTimeoutError::Disconnected) => {
            panic!("{name}: panicked after {:?}", started.elapsed())
        }
    }
}

#[test]
fn every_kept_input_loads_or_fails_cleanly() {
    let names = inputs();
    assert!(names.len() >= 10, "the corpus went missing: {names:?}");
    for name in &names {
        if !KNOWN_SLOW.contains(&name.as_str()) {
            run(name);
        }
    }
    for slow in KNOWN_SLOW {
        assert!(names.iter().any(|n| n == slow), "{slow} is missing");
    }
}

#[test]
fn deep_flow_nesting_is_refused_quickly() {
    run_within_bound("load_yaml-deep-flow-nesting");
}

#[test]
fn long_unknown_actor_through_aliases_is_reported_quickly() {
    run_within_bound("load_yaml-long-unknown-actor");
}

#[test]
fn long_unknown_actor_in_json_is_reported_quickly() {
    run_within_bound("load_json-long-unknown-actor");
}

#[test]
fn near_miss_quote_is_reported_quickly() {
    run_within_bound("load_yaml-quote-near-miss");
}

// Deep flow nesting after a construct the guard's parser cannot read and libyaml can (a
// U+0085 line break, a flow list continued less indented): the guard once let the file
// through unchecked, and libyaml took 1.5 s each in a debug build.

#[test]
fn deep_flow_nesting_behind_a_next_line_character_is_refused_quickly() {
    run_within_bound("load_yaml-nel-hides-deep-flow");
}

#[test]
fn deep_flow_nesting_behind_a_less_indented_flow_line_is_refused_quickly() {
    run_within_bound("load_yaml-indent-hides-deep-flow");
}
