//! `w` in the TUI: the shown events, filters and all, written to a file named at a
//! prompt, in the format its name gives; an existing file replaced only after `y`.

mod common;

use common::pty::Session;

/// The records of a CSV file tline wrote, header first.
fn csv_records(path: &std::path::Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).expect("the file is written");
    common::csv::records(&text)
}

#[test]
fn w_writes_the_filtered_events_to_the_file_named() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    s.press("apu\r");
    s.wait_for("event 1 of 7 (17 in all) · actor: Putin");
    s.press("w");
    s.wait_for("write the shown events to");
    s.press("putin.csv\r");
    s.wait_for("wrote 7 events to putin.csv");
    let records = csv_records(&s.dir().join("putin.csv"));
    assert_eq!(records.len(), 8, "a header and the 7 shown events");
    let actors = records[0]
        .iter()
        .position(|c| c == "actors")
        .expect("actors");
    assert!(
        records[1..]
            .iter()
            .all(|r| r[actors].contains("Vladimir Putin")),
        "{records:?}"
    );

    // The file exists: `n` leaves it, `y` writes over it.
    s.press("x");
    s.wait_until("the filter to clear", |screen| {
        common::pty::find(screen, "actor:").is_none()
    });
    s.press("wputin.csv\r");
    s.wait_for("overwrite it (y/n)?");
    s.press("n");
    s.wait_until("the question to close", |screen| {
        common::pty::find(screen, "overwrite").is_none()
    });
    assert_eq!(csv_records(&s.dir().join("putin.csv")).len(), 8);
    s.press("wputin.csv\r");
    s.wait_for("overwrite it (y/n)?");
    s.press("y");
    s.wait_for("wrote 17 events to putin.csv");
    assert_eq!(csv_records(&s.dir().join("putin.csv")).len(), 18);

    // A name with no known ending is refused at the prompt, which stays open.
    s.press("wputin.xlsx\r");
    s.wait_for("FORMAT:FILE");
    s.press("\u{1b}");
    // Esc alone, not the start of Alt-q: the prompt closes before q is sent.
    s.wait_until("the prompt to close", |screen| {
        common::pty::find(screen, "FORMAT:FILE").is_none()
    });
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
}

#[test]
fn w_takes_a_format_before_a_colon() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    s.press("wcsv-full:all.csv\r");
    s.wait_for("wrote 17 events to all.csv");
    s.press("wtalks.ics\r");
    s.wait_for("wrote 11 events to talks.ics (left out 6 events not known to the day)");
    s.press("q");
    assert!(s.wait_exit(), "q exits with success");
    let out = common::cmd::tline(s.dir())
        .args(["check", "all.csv"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(stdout, "all.csv: ok, 1 document, 14 actors, 17 events\n");
}
