//! End-to-end tests of the terminal UI: the real binary in a pseudo-terminal, keys sent as
//! a person would type them, the screen read through a terminal emulator.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::pty::*;
use tempfile::TempDir;
#[test]
fn person_moves_jumps_to_source_and_quits() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    assert!(
        find(s.screen(), " Timeline ").is_some() && find(s.screen(), " Event ").is_some(),
        "both panes shown; screen:\n{}",
        s.text()
    );

    // Second since open starts are placed at their end (README, Dates).
    s.press("j");
    s.wait_for("event 2 of 17");
    s.wait_for("US spy plane flies over Ukraine");

    s.press("\r");
    s.wait_for("Source 1/1");
    let screen = s.text();
    assert!(screen.contains("¶3"), "title names paragraph 3:\n{screen}");
    assert!(
        screen.contains("Meanwhile, a U.S. official confirmed"),
        "paragraph 3 shown:\n{screen}"
    );
    // The quote of jstars-flight-2021-12-27: "which followed another flight on December 27".
    let (row, col) = find(s.screen(), "another flight")
        .unwrap_or_else(|| panic!("quote on screen:\n{}", s.text()));
    let cell = s.screen().cell(row, col).expect("quote cell").clone();
    assert_ne!(
        cell.bgcolor(),
        vt100::Color::Default,
        "quote at ({row},{col}) is highlighted; screen:\n{}",
        s.text()
    );
    assert_eq!(cell.bgcolor(), vt100::Color::Idx(3), "highlight is yellow");
    // Only the quote: the start of the paragraph is not highlighted.
    let (row, col) = find(s.screen(), "Meanwhile").expect("paragraph 3 on screen");
    let plain = s.screen().cell(row, col).expect("paragraph cell").bgcolor();
    assert_eq!(
        plain,
        vt100::Color::Default,
        "text outside the quote is plain"
    );
    // The cited paragraph is marked in the margin.
    let marked = (0..40).any(|r| {
        let line = row_text(s.screen(), r);
        line.contains("▌  3 │")
    });
    assert!(marked, "paragraph 3 marked in the margin:\n{}", s.text());

    // A lone Esc: wait for it to be handled before the next key, so it is not read as Alt.
    s.press("\x1b");
    s.wait_for(" Event ");
    let screen = s.text();
    assert!(!screen.contains("Source 1/1"), "source closed:\n{screen}");
    assert!(
        screen.contains("event 2 of 17"),
        "selection kept after going back:\n{screen}"
    );

    s.press("q");
    assert!(s.wait_exit(), "q exits with success");

    let raw = s.raw();
    let enter = rfind(&raw, ENTER_ALT).expect("entered the alternate screen");
    let leave = find_from(&raw, LEAVE_ALT, enter + ENTER_ALT.len())
        .expect("left the alternate screen after entering it");
    assert!(
        find_from(&raw, SHOW_CURSOR, leave + LEAVE_ALT.len()).is_some(),
        "cursor shown again after leaving the alternate screen"
    );
    let screen = s.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert!(!screen.hide_cursor(), "cursor visible");
}

/// A frame that reaches the terminal in pieces is seen half drawn over the last one (a
/// pane's new title over its old text) unless the terminal is told where it ends.
#[test]
fn every_frame_is_written_whole_as_one_synchronized_update() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    s.press("j");
    s.wait_for("event 2 of 17");
    s.press("\r");
    s.wait_for("Source 1/1");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");

    let raw = s.raw();
    let enter = rfind(&raw, ENTER_ALT).expect("entered the alternate screen");
    let leave = find_from(&raw, LEAVE_ALT, enter).expect("left the alternate screen");
    let mut outside = Vec::new();
    let mut frames = 0;
    let mut at = enter;
    while let Some(begin) = find_from(&raw[..leave], BEGIN_FRAME, at) {
        outside.extend_from_slice(&raw[at..begin]);
        let end = find_from(&raw[..leave], END_FRAME, begin)
            .unwrap_or_else(|| panic!("frame {} that starts at byte {begin} ends", frames + 1));
        assert!(
            find_from(&raw[..end], BEGIN_FRAME, begin + 1).is_none(),
            "frame {} ends before the next starts",
            frames + 1
        );
        frames += 1;
        at = end + END_FRAME.len();
    }
    outside.extend_from_slice(&raw[at..leave]);
    assert!(frames >= 3, "one synchronized update a frame; saw {frames}");
    let outside = String::from_utf8_lossy(&outside);
    for drawn in ["Timeline", "Event", "Source", "event 1 of 17"] {
        assert!(
            !outside.contains(drawn),
            "{drawn:?} drawn outside a frame: {outside:?}"
        );
    }
}

#[test]
fn help_overlay_opens_and_any_key_closes_it() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    s.press("?");
    s.wait_for("any key closes");
    s.wait_for("jump to the source paragraph");
    s.press("x");
    s.wait_until("the help overlay to close", |screen| {
        find(screen, "any key closes").is_none()
    });
    let screen = s.text();
    assert!(
        screen.contains("event 1 of 17") && screen.contains(" Event "),
        "the browser is back unchanged:\n{screen}"
    );
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

#[test]
fn resize_redraws() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    // Side by side at 120 columns: the event pane starts right of the middle.
    let (row, col) = find(s.screen(), " Event ").expect("event pane");
    assert!(
        row == 0 && col > 40,
        "side by side at 120x40:\n{}",
        s.text()
    );

    s.resize(60, 24);
    // Stacked at 60 columns: the event pane's title is on its top border at the left,
    // below the timeline pane, and the status bar is on the last row.
    s.wait_until("the stacked layout at 60x24", |screen| {
        matches!(find(screen, " Event "), Some((r, 1)) if r > 0)
            && matches!(find(screen, " Timeline "), Some((0, 1)))
            && row_text(screen, 23).contains("event 1 of 17")
    });
    let screen = s.text();
    assert!(s.alive(), "still running after the resize:\n{screen}");

    s.press("q");
    assert!(s.wait_exit(), "q exits with success after a resize");
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(!raw.contains("panicked"), "no panic:\n{raw}");
}

#[test]
fn piped_stdout_prints_the_list_instead() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_tline"))
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run tline");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "exit 0; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Biden and Putin speak by phone"),
        "the list is printed:\n{stdout}"
    );
    assert!(
        !out.stdout.contains(&0x1b),
        "no escape sequences when piped:\n{stdout:?}"
    );
}

#[test]
fn person_filters_by_putin_searches_and_clears() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    // Four keys: open the actor picker, narrow to Putin, apply.
    s.press("apu\r");
    s.wait_for("event 1 of 7 (17 in all) · actor: Putin");
    assert!(
        !s.text().contains("JSTARS"),
        "only Putin's events are listed"
    );
    s.press("x");
    s.wait_until("the filter to clear", |screen| {
        find(screen, "of 17").is_some() && find(screen, "actor:").is_none()
    });
    assert!(
        s.text().contains("event 4 of 17"),
        "the selected call stays selected"
    );
    s.press("g/JSTARS\r");
    s.wait_for("/JSTARS: 1 of 2 (n/N)");
    s.press("n");
    s.wait_for("/JSTARS: 2 of 2 (n/N)");
    assert!(s.text().contains("US JSTARS spy plane flies over Ukraine"));
    s.press("x");
    s.wait_until("the search to clear", |screen| {
        find(screen, "/JSTARS").is_none()
    });
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

#[test]
fn person_opens_the_time_axis_and_jumps_to_a_date() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    s.press("t");
    s.wait_for("Time axis · 28 Nov 2021 – 3 Feb 2022");
    s.wait_for("27 Dec");
    s.press(":2021-12-27\r");
    s.wait_for("event 2 of 17");
    assert!(
        s.text().contains("When    Mon 27 Dec 2021"),
        "the earlier flight is selected:\n{}",
        s.text()
    );
    s.press("}");
    s.wait_for("event 3 of 17");
    s.press("+");
    s.wait_until("the axis to zoom in", |screen| {
        find(screen, "28 Nov 2021 – 3 Feb 2022").is_none()
    });
    s.press("t");
    s.wait_until("the axis to close", |screen| {
        find(screen, "Time axis").is_none()
    });
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

/// A JSON Lines timeline of `events` events, one day apart, written once per test run.
fn large_timeline(events: usize) -> &'static std::path::Path {
    static FILE: std::sync::OnceLock<(TempDir, std::path::PathBuf)> = std::sync::OnceLock::new();
    let (_, path) = FILE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("large.jsonl");
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        writeln!(
            out,
            r#"{{"document": {{"id": "doc", "title": "A doc", "published": "2000-01-01", "paragraphs": ["Alpha beta gamma delta."]}}}}"#
        )
        .expect("write");
        writeln!(out, r#"{{"actor": {{"id": "nato", "name": "NATO", "kind": "organization"}}}}"#)
            .expect("write");
        let start = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).expect("a day");
        for i in 0..events {
            let day = start + chrono::Days::new(i as u64);
            writeln!(
                out,
                r#"{{"event": {{"id": "e{i}", "date": "{day}", "title": "Event number {i}", "kind": "talks", "actors": ["nato"], "sources": [{{"doc": "doc", "paragraph": 1, "quote": "beta gamma"}}]}}}}"#
            )
            .expect("write");
        }
        out.flush().expect("flush");
        drop(out);
        (dir, path)
    });
    path
}

const LARGE: usize = 200_000;

/// The timeline of [`large_timeline`] with its first event moved to the year 2500: out
/// of date order from the start, so no preview takes the loading screen's place.
fn large_timeline_out_of_order() -> &'static std::path::Path {
    static FILE: std::sync::OnceLock<(TempDir, std::path::PathBuf)> = std::sync::OnceLock::new();
    let (_, path) = FILE.get_or_init(|| {
        let text = std::fs::read_to_string(large_timeline(LARGE)).expect("read");
        let text = text.replacen(r#""date": "1900-01-01""#, r#""date": "2500-01-01""#, 1);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out-of-order.jsonl");
        std::fs::write(&path, text).expect("write");
        (dir, path)
    });
    path
}

#[test]
fn a_large_file_shows_its_progress_at_once_and_q_leaves_during_the_load() {
    let path = large_timeline_out_of_order();
    let mut s = Session::spawn_with(100, 30, &[path.to_str().expect("a UTF-8 path")]);
    s.wait_for("Loading");
    s.wait_for("q quits");
    assert!(
        s.text().contains(" MB of "),
        "bytes read show:\n{}",
        s.text()
    );
    s.press("q");
    assert!(s.wait_exit(), "q exits with success during the load");
    let raw = s.raw();
    let left = rfind(&raw, LEAVE_ALT).expect("the alternate screen was left");
    assert!(
        find_from(&raw, SHOW_CURSOR, left).is_some(),
        "then the cursor was shown"
    );
}

#[test]
fn a_large_file_becomes_browsable_when_loaded() {
    let path = large_timeline(LARGE);
    let mut s = Session::spawn_with(100, 30, &[path.to_str().expect("a UTF-8 path")]);
    s.wait_until("the load to finish", |screen| {
        find(screen, &format!("event 1 of {LARGE}")).is_some()
    });
    s.press("G");
    s.wait_for(&format!("event {LARGE} of {LARGE}"));
    s.press("/number 123456\r");
    s.wait_for("/number 123456: 1 of 1");
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

#[test]
fn a_large_file_in_date_order_shows_its_first_rows_while_the_rest_loads() {
    let path = large_timeline(LARGE);
    let mut s = Session::spawn_with(100, 30, &[path.to_str().expect("a UTF-8 path")]);
    s.wait_until("the first rows, with the load's progress", |screen| {
        find(screen, "event 1 of 200 so far").is_some()
            && find(screen, "loading…").is_some()
            && find(screen, "Event number 0").is_some()
    });
    s.press("j");
    s.wait_until("the second event selected", |screen| {
        find(screen, "event 2 of").is_some()
    });
    if find(s.screen(), "so far").is_some() {
        // Still loading: what needs the whole timeline says so, and counts nothing.
        s.press("G");
        s.wait_until("G refused, or the load finished", |screen| {
            find(screen, "needs the whole timeline").is_some() || find(screen, "so far").is_none()
        });
    }
    s.wait_until("the whole timeline, the selection kept", |screen| {
        find(screen, &format!("event 2 of {LARGE}")).is_some()
            && find(screen, "so far").is_none()
            && find(screen, "loading…").is_none()
    });
    s.press("G");
    s.wait_for(&format!("event {LARGE} of {LARGE}"));
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

#[test]
fn a_filter_given_on_the_command_line_shows_no_preview() {
    // The first rows would be those of the filter on part of the timeline: untrue counts.
    let path = large_timeline(LARGE);
    let args = ["--kind", "talks", path.to_str().expect("a UTF-8 path")];
    let mut s = Session::spawn_with(100, 30, &args);
    s.wait_until("the whole timeline, filtered", |screen| {
        assert!(find(screen, "so far").is_none(), "no preview");
        find(screen, &format!("event 1 of {LARGE} ({LARGE} in all)")).is_some()
    });
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

#[test]
fn several_files_show_no_preview() {
    // The events of several files merge in date order: the first file's first events
    // (here all after the second file's one) would be shown as the timeline's first.
    let dir = tempfile::tempdir().expect("temp dir");
    let early = dir.path().join("early.jsonl");
    std::fs::write(
        &early,
        r#"{"document": {"id": "old", "title": "An old doc", "published": "1800-01-02", "paragraphs": ["Long ago."]}}
{"event": {"id": "first", "date": "1800-01-01", "title": "The earliest event", "kind": "talks", "actors": ["nato"], "sources": [{"doc": "old", "paragraph": 1, "quote": "Long ago."}]}}
"#,
    )
    .expect("write");
    let large = large_timeline(LARGE);
    let args = [
        large.to_str().expect("a UTF-8 path"),
        early.to_str().expect("a UTF-8 path"),
    ];
    let mut s = Session::spawn_with(100, 30, &args);
    s.wait_until("the whole timeline, its earliest event first", |screen| {
        assert!(find(screen, "so far").is_none(), "no preview");
        find(screen, &format!("event 1 of {}", LARGE + 1)).is_some()
    });
    assert!(find(s.screen(), "The earliest event").is_some());
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

/// A copy of `large` with a last event, dated `date`, naming an unknown actor: an
/// error found only at the end of the load.
fn broken_at_the_end(large: &std::path::Path, date: &str) -> (TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.jsonl");
    let mut text = std::fs::read_to_string(large).expect("read");
    text.push_str(&format!(
        r#"{{"event": {{"id": "last", "date": "{date}", "title": "t", "kind": "k", "actors": ["nobody"], "sources": [{{"doc": "doc", "paragraph": 1, "quote": "beta"}}]}}}}"#
    ));
    text.push('\n');
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// Waits for tline to end with the error of [`broken_at_the_end`], and checks that the
/// terminal was restored before the error was printed.
fn assert_error_printed_after_the_restore(s: &mut Session) {
    assert_eq!(s.wait_exit_code(), 1);
    assert_restored(&s.raw());
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(
        raw[left..].contains("unknown actor \"nobody\""),
        "the error is printed after the restore"
    );
}

#[test]
fn an_error_found_after_the_first_rows_showed_restores_the_terminal_first() {
    let (_dir, path) = broken_at_the_end(large_timeline(LARGE), "2500-01-01");
    let mut s = Session::spawn_with(100, 30, &[path.to_str().expect("a UTF-8 path")]);
    s.wait_for("so far");
    assert_error_printed_after_the_restore(&mut s);
}

/// Times a person's steps on a large file, and each key's latency over several presses:
/// `TLINE_SCALE_FILE=big.json cargo test --release --test pty -- --ignored --nocapture
/// scale` (`TLINE_SCALE_PRESSES`, 5 by default, sets the presses of each key). A key's
/// time runs from writing it to the terminal to the screen showing what it did, polled
/// every millisecond. Prints the load time, then each key's first, median and maximum
/// time, and the peak memory; asserts only that each step happens. `TLINE_SCALE_BINARY`
/// times another build of tline instead, to compare two in one sitting.
#[test]
#[ignore = "needs TLINE_SCALE_FILE, a large generated timeline"]
fn scale_timings() {
    let path = std::env::var("TLINE_SCALE_FILE").expect("TLINE_SCALE_FILE names a file");
    let presses: usize = std::env::var("TLINE_SCALE_PRESSES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let program = std::env::var("TLINE_SCALE_BINARY");
    let program = program.as_deref().unwrap_or(env!("CARGO_BIN_EXE_tline"));
    let started = Instant::now();
    let args = ["--max-file-size", "4000000000", &path];
    let mut s = Session::spawn_program(120, 40, program, &args, &[]);
    let mut timings = Timings::default();
    timings.step(&mut s, "first frame", "", &|screen| {
        find(screen, "Loading").is_some() || find(screen, "event 1 of").is_some()
    });
    println!("  (since spawn: {:.3} s)", started.elapsed().as_secs_f64());
    // The first rows: a preview of the events read so far, or the whole timeline.
    timings.step(&mut s, "first rows", "", &|screen| {
        find(screen, "event 1 of").is_some()
    });
    println!("  (since spawn: {:.3} s)", started.elapsed().as_secs_f64());
    timings.step(&mut s, "usable", "", &|screen| {
        find(screen, "event 1 of").is_some() && find(screen, "so far").is_none()
    });
    println!("  (since spawn: {:.3} s)", started.elapsed().as_secs_f64());
    println!("{}", s.text().lines().last().unwrap_or_default());
    for _ in 0..presses {
        timings.step(&mut s, "G (last event)", "G", &|screen| {
            find(screen, "event 1 of").is_none()
        });
        timings.step(&mut s, "g (first event)", "g", &|screen| {
            find(screen, "event 1 of").is_some()
        });
        timings.step(&mut s, "j", "j", &|screen| {
            find(screen, "event 2 of").is_some()
        });
        timings.step(&mut s, "k", "k", &|screen| {
            find(screen, "event 1 of").is_some()
        });
        timings.step(&mut s, "K (kind picker)", "K", &|screen| {
            find(screen, "Tab ticks").is_some()
        });
        // The picker lists the most common kind first: about half the events.
        timings.step(
            &mut s,
            "Tab Enter (the commonest kind)",
            "\t\r",
            &|screen| find(screen, "kind:").is_some(),
        );
        timings.step(&mut s, "x (clear the kind)", "x", &|screen| {
            find(screen, "kind:").is_none()
        });
        timings.step(&mut s, "a (actor picker)", "a", &|screen| {
            find(screen, "Tab ticks").is_some()
        });
        timings.step(&mut s, "Enter (the commonest actor)", "\r", &|screen| {
            find(screen, "actor:").is_some()
        });
        timings.step(&mut s, "x (clear the actor)", "x", &|screen| {
            find(screen, "actor:").is_none()
        });
        timings.step(&mut s, "/ (search prompt)", "/", &|screen| {
            find(screen, "/▏").is_some()
        });
        let word = "summit";
        for n in 1..=word.len() {
            let typed = format!("/{}▏", &word[..n]);
            let what = format!("search key {n} (/{})", &word[..n]);
            timings.step(&mut s, &what, &word[n - 1..n], &|screen| {
                find(screen, &typed).is_some()
            });
        }
        timings.step(&mut s, "Esc (cancel the search)", "\x1b", &|screen| {
            find(screen, "/summit").is_none()
        });
        timings.step(&mut s, "t (show the time axis)", "t", &|screen| {
            find(screen, "Time axis").is_some()
        });
        for (what, key) in [("+ (zoom in)", "+"), ("- (zoom out)", "-")] {
            let before = axis_title(s.screen());
            timings.step(&mut s, what, key, &|screen| axis_title(screen) != before);
        }
        timings.step(&mut s, "t (hide the time axis)", "t", &|screen| {
            find(screen, "Time axis").is_none()
        });
    }
    timings.print();
    let status = std::fs::read_to_string(format!("/proc/{}/status", s.pid())).unwrap_or_default();
    for line in status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
    {
        println!("{line}");
    }
    s.press("q");
    assert!(s.wait_exit());
}

/// The time axis pane's title row, which names the span shown.
fn axis_title(screen: &vt100::Screen) -> Option<String> {
    let (row, _) = find(screen, "Time axis")?;
    Some(screen.contents_between(row, 0, row, screen.size().1))
}

/// Each step's times, in the order first taken.
#[derive(Default)]
struct Timings(Vec<(String, Vec<f64>)>);

impl Timings {
    /// Presses `keys` and waits until `done` holds of the screen; prints the step when it
    /// is first taken, and keeps its time.
    fn step(
        &mut self,
        s: &mut Session,
        what: &str,
        keys: &str,
        done: &dyn Fn(&vt100::Screen) -> bool,
    ) {
        let at = Instant::now();
        s.press(keys);
        while !done(s.screen()) {
            assert!(
                at.elapsed() < Duration::from_secs(600),
                "{what} never happened; screen:\n{}",
                s.text()
            );
            thread::sleep(Duration::from_millis(1));
        }
        let seconds = at.elapsed().as_secs_f64();
        match self.0.iter_mut().find(|(name, _)| name == what) {
            Some((_, times)) => times.push(seconds),
            None => {
                println!("{what}: {seconds:.3} s");
                self.0.push((what.to_string(), vec![seconds]));
            }
        }
    }

    /// A line per step taken more than once: its first, median and maximum time.
    fn print(&self) {
        println!("key: first / median / max over the presses, in ms");
        for (what, times) in self.0.iter().filter(|(_, t)| t.len() > 1) {
            let mut sorted = times.clone();
            sorted.sort_by(f64::total_cmp);
            let median = sorted[sorted.len() / 2];
            let max = sorted[sorted.len() - 1];
            println!(
                "{what}: {:.1} / {:.1} / {:.1} ({} presses)",
                times[0] * 1e3,
                median * 1e3,
                max * 1e3,
                times.len()
            );
        }
    }
}

#[test]
fn a_panic_restores_the_terminal_and_prints_the_message() {
    let mut s = Session::spawn_env(80, 24, &[], &[("TLINE_TEST_PANIC", "1")]);
    assert_ne!(s.wait_exit_code(), 0, "a panic is a failure");
    assert_restored(&s.raw());
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    let entered = raw
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    let left = entered + raw[entered..].find("\x1b[?1049l").expect("left it");
    assert!(
        raw[left..].contains("TLINE_TEST_PANIC is set"),
        "the panic message follows the restore"
    );
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, code) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let mut s = Session::spawn(80, 24);
        s.wait_for("event 1 of 17");
        s.signal(signal);
        assert_eq!(s.wait_exit_code(), code, "signal {signal}");
        assert_restored(&s.raw());
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_redraws() {
    // Run from an interactive shell with job control, as a person does: only such a
    // shell can continue a stopped tline (without one, Ctrl-z is refused: see
    // tests/terminal_input.rs).
    let mut s = Session::spawn_program(
        80,
        24,
        "bash",
        &["--norc", "--noprofile", "-i"],
        &[("PS1", "shell$ ")],
    );
    s.wait_for("shell$");
    s.press(&format!("'{}'\r", env!("CARGO_BIN_EXE_tline")));
    s.wait_for("event 1 of 17");
    s.press("j");
    s.wait_for("event 2 of 17");
    let before = s.raw().len();
    s.press("\x1a");
    // The terminal is handed back first, then the shell reports the stopped job.
    let left = s.wait_for_bytes(LEAVE_ALT, before);
    s.wait_for("Stopped");
    let raw = s.raw();
    assert!(
        find_from(&raw, SHOW_CURSOR, left).is_some(),
        "cursor shown while away"
    );
    s.press("fg\r");
    s.wait_for_bytes(ENTER_ALT, left);
    s.wait_for("event 2 of 17");
    s.press("j");
    s.wait_for("event 3 of 17");
    s.press("q");
    s.wait_for("shell$");
    s.press("exit\r");
    assert!(
        s.wait_exit(),
        "the shell exits with success after tline did"
    );
}

#[test]
fn an_error_found_after_the_loading_screen_restores_the_terminal_first() {
    let (_dir, path) = broken_at_the_end(large_timeline_out_of_order(), "2000-01-01");
    let mut s = Session::spawn_with(100, 30, &[path.to_str().expect("a UTF-8 path")]);
    s.wait_for("Loading");
    assert_error_printed_after_the_restore(&mut s);
}

#[test]
fn an_error_before_the_tui_starts_never_touches_the_screen() {
    let mut s = Session::spawn_with(80, 24, &["missing.yaml"]);
    assert_eq!(s.wait_exit_code(), 1);
    let raw = s.raw();
    assert!(
        rfind(&raw, ENTER_ALT).is_none(),
        "the alternate screen was never entered"
    );
    assert!(String::from_utf8_lossy(&raw).contains("missing.yaml: no such file"));
}

#[test]
fn closing_the_terminal_ends_the_program() {
    // Was: when the terminal went away (its window closed), reading input spun forever at
    // full CPU and the SIGHUP that came with it was never looked at. Raw libc here: the
    // test must be able to close the terminal's master side while the program runs.
    use std::os::fd::FromRawFd;
    use std::os::unix::process::CommandExt;
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the integers given.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(opened, 0, "openpty");
    // SAFETY: fcntl on descriptors we own. Without close-on-exec, the program (and any
    // other test's) would inherit the master, and closing ours would hang nothing up.
    unsafe {
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        libc::fcntl(slave, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let stdio = || {
        // SAFETY: dup returns a new descriptor that the Stdio then owns.
        Stdio::from(unsafe { std::fs::File::from_raw_fd(libc::dup(slave)) })
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tline"));
    cmd.current_dir(dir.path())
        .env("TERM", "xterm-256color")
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio());
    // SAFETY: setsid and ioctl are async-signal-safe; the pty becomes the controlling
    // terminal of the new session, as a terminal emulator would make it.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn tline");
    // SAFETY: the parent's copy of the slave is no longer needed.
    unsafe { libc::close(slave) };
    let mut seen = Vec::new();
    let start = Instant::now();
    while !String::from_utf8_lossy(&seen).contains("of 17") {
        assert!(start.elapsed() < TIMEOUT, "tline never drew its screen");
        let mut poll = libc::pollfd {
            fd: master,
            events: libc::POLLIN,
            revents: 0,
        };
        let mut buf = [0u8; 8192];
        // SAFETY: poll and read are given valid buffers of the sizes stated.
        let n = unsafe {
            if libc::poll(&mut poll, 1, 100) > 0 {
                libc::read(master, buf.as_mut_ptr().cast(), buf.len())
            } else {
                0
            }
        };
        if n > 0 {
            seen.extend_from_slice(&buf[..n as usize]);
        }
    }
    // SAFETY: closing our last descriptor of the master hangs the terminal up.
    unsafe { libc::close(master) };
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            child.kill().expect("kill");
            panic!("tline still runs {TIMEOUT:?} after its terminal closed");
        }
        thread::sleep(POLL);
    };
    // SIGHUP ends it (129), unless reading input fails first (1); never a panic.
    assert!(
        matches!(status.code(), Some(129) | Some(1)),
        "ended cleanly: {status:?}"
    );
}

#[test]
fn ctrl_z_stops_the_whole_job_when_tline_is_not_its_leader() {
    // `/usr/bin/time tline` (here `sh -c 'tline; :'`, which forks): the job is the shell
    // and tline; the whole job stops, so the shell reports it and `fg` resumes it.
    let mut s = Session::spawn_program(
        80,
        24,
        "bash",
        &["--norc", "--noprofile", "-i"],
        &[("PS1", "shell$ ")],
    );
    s.wait_for("shell$");
    s.press(&format!("sh -c \"'{}'; :\"\r", env!("CARGO_BIN_EXE_tline")));
    s.wait_for("event 1 of 17");
    let before = s.raw().len();
    s.press("\x1a");
    s.wait_for_bytes(LEAVE_ALT, before);
    s.wait_for("Stopped");
    s.press("fg\r");
    s.wait_for("event 1 of 17");
    s.press("j");
    s.wait_for("event 2 of 17");
    s.press("q");
    s.wait_for("shell$");
    s.press("exit\r");
    assert!(s.wait_exit());
}
