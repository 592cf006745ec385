//! The terminal's edges, pressed as a person (or a paste, or `kill`) would: bursts of
//! input, pastes into prompts, what prompts echo, Ctrl-z without a shell to come back
//! to, and signals that end the program.

mod common;

use std::time::Instant;

use common::pty::*;

#[test]
fn a_burst_of_keys_is_all_taken_before_the_next_frame() {
    // Was: after 'j' * 1100 + '?' the help showed only after one more key, and 24 KB in
    // 1 KB pieces froze the program.
    let mut s = Session::spawn(100, 30);
    s.wait_for("event 1 of 17");
    s.press(&("j".repeat(1100) + "?"));
    s.wait_for("Keys ·");
    s.press("q");
    s.wait_until("the help closed", |screen| find(screen, "Keys ·").is_none());
    for _ in 0..24 {
        s.press(&"jk".repeat(512));
    }
    s.press("?");
    s.wait_for("Keys ·");
    s.press("q");
    s.press("q");
    assert!(s.wait_exit());
}

/// Seconds from typing `text` into the search prompt (as a paste when `bracketed`) until
/// the prompt shows its bound.
fn paste_seconds(text: &str, bracketed: bool) -> f64 {
    let mut s = Session::spawn(100, 30);
    s.wait_for("event 1 of 17");
    s.press("/");
    s.wait_for("▏");
    let start = Instant::now();
    if bracketed {
        s.press(&format!("\x1b[200~{text}\x1b[201~"));
    } else {
        s.press(text);
    }
    s.wait_for("at most 256 characters");
    let seconds = start.elapsed().as_secs_f64();
    s.press("\x1b");
    s.wait_until("the prompt closed", |screen| {
        find(screen, "at most 256").is_none()
    });
    s.press("q");
    assert!(s.wait_exit());
    seconds
}

#[test]
fn a_long_paste_into_a_prompt_is_one_bounded_edit() {
    // Was: 12 KB typed into the search prompt took 14 s at full CPU; a paste carrying
    // bracket markers was dropped.
    let text = "abcdefghij".repeat(1200);
    let bracketed = paste_seconds(&text, true);
    let keys = paste_seconds(&text, false);
    println!("12 KB into the search prompt: bracketed {bracketed:.2} s, as keys {keys:.2} s");
    assert!(bracketed < 2.0 && keys < 2.0, "{bracketed} s, {keys} s");
}

#[test]
fn a_bracketed_paste_lands_in_the_prompt() {
    let mut s = Session::spawn(100, 30);
    s.wait_for("event 1 of 17");
    s.press("/");
    s.wait_for("▏");
    s.press("\x1b[200~jstars\x1b[201~");
    s.wait_for("/jstars▏");
    s.press("\r");
    s.wait_for("/jstars: 1 of 2");
    // A paste outside a prompt is not run as keys.
    s.press("\x1b[200~q\x1b[201~");
    s.press("j");
    s.wait_until("moved on", |screen| {
        find(screen, "/jstars: 1 of 2").is_none()
    });
    assert!(s.alive(), "the pasted q did not quit");
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn prompts_show_invisible_and_bidi_characters_as_escapes() {
    for opener in ["/", "d", ":"] {
        let mut s = Session::spawn(120, 30);
        s.wait_for("event 1 of 17");
        s.press(opener);
        s.wait_for("▏");
        let before = s.written();
        s.press("a\u{202e}b\u{200b}c");
        s.wait_for("a<U+202E>b<U+200B>c▏");
        let raw = s.raw();
        let after = &raw[before..];
        for invisible in ["\u{202e}", "\u{200b}"] {
            assert!(
                find_from(after, invisible.as_bytes(), 0).is_none(),
                "{opener}: {invisible:?} reached the terminal"
            );
        }
        // A lone Esc: handled before the next key, so it is not read as Alt.
        s.press("\x1b");
        s.wait_for("? help");
        s.press("q");
        assert!(s.wait_exit());
    }
}

#[test]
fn the_date_prompt_shows_what_is_typed_and_the_error_at_any_width() {
    // Was: at 80 columns the 68-column hint left no room for the text, at 50 one typed
    // blind, and at 120 the error was cut.
    for width in [120, 80, 50] {
        let mut s = Session::spawn(width, 24);
        s.wait_for("event 1 of");
        s.press("d");
        s.wait_for("▏");
        s.press("2021-12-27/2021-12-xyz\r");
        s.wait_for("xyz▏");
        let bar = row_text(s.screen(), 23);
        assert!(
            bar.contains("expected"),
            "{width}: the error shows: {bar:?}"
        );
        if width >= 80 {
            assert!(bar.contains("2021-12-27/2021-12-xyz▏"), "{width}: {bar:?}");
            assert!(!bar.contains('…'), "{width}: nothing cut: {bar:?}");
        }
        // A lone Esc: handled before the next key, so it is not read as Alt.
        s.press("\x1b");
        s.wait_for("? help");
        s.press("q");
        assert!(s.wait_exit());
    }
}

#[test]
fn ctrl_z_without_a_job_control_shell_keeps_running_and_says_why() {
    // Was: started with no shell that could continue it (`script -qc tline`, or here a
    // session of its own), Ctrl-z stopped tline for good; `kill -TSTP` the same.
    let mut s = Session::spawn(120, 30);
    s.wait_for("event 1 of 17");
    s.press("\x1a");
    s.wait_for("no job-control shell");
    s.press("j");
    s.wait_for("event 2 of 17");
    s.signal(libc::SIGTSTP);
    s.wait_for("no job-control shell");
    s.press("j");
    s.wait_for("event 3 of 17");
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn every_signal_that_ends_the_program_restores_the_terminal() {
    // Was: SIGQUIT, SIGUSR1 and SIGALRM left the alternate screen, the hidden cursor,
    // mouse capture and raw mode behind.
    for signal in [libc::SIGQUIT, libc::SIGUSR1, libc::SIGUSR2, libc::SIGALRM] {
        let mut s = Session::spawn(80, 24);
        s.wait_for("event 1 of 17");
        s.signal(signal);
        assert_eq!(s.wait_exit_code(), 128 + signal as u32, "signal {signal}");
        assert_restored(&s.raw());
    }
}

#[test]
fn a_long_burst_does_not_wait_for_a_tick_per_key() {
    // 2000 moves and a jump to the end: every key pending is taken before the next
    // frame, so a few frames show them, not one (or a tick) per key. Counted, not timed:
    // each frame is one synchronized update.
    let mut s = Session::spawn(100, 30);
    s.wait_for("event 1 of 17");
    let before = s.written();
    s.press(&("jk".repeat(1000) + "G"));
    s.wait_for("event 17 of 17");
    let raw = s.raw();
    let frames = raw[before..]
        .windows(BEGIN_FRAME.len())
        .filter(|w| *w == BEGIN_FRAME)
        .count();
    assert!(
        (1..100).contains(&frames),
        "2001 keys drawn in {frames} frames"
    );
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn ctrl_z_under_script_keeps_running() {
    // The issue's own way to start tline with no job-control shell: `script` runs it in
    // a session whose leader is `sh -c`.
    let tline = env!("CARGO_BIN_EXE_tline");
    let mut s = Session::spawn_program(120, 30, "script", &["-qc", tline, "/dev/null"], &[]);
    s.wait_for("event 1 of 17");
    s.press("\x1a");
    s.wait_for("no job-control shell");
    s.press("j");
    s.wait_for("event 2 of 17");
    s.press("q");
    assert!(s.wait_exit());
}
