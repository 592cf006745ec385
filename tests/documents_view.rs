//! The documents view and citations, in a pseudo-terminal as a person uses them: `o`
//! lists the documents, `Enter` opens one in the Source pane, `f` keeps the events citing
//! it, and `y` copies a citation with OSC 52 and prints it after quitting; and the time
//! axis names the documents of its publication marks.

mod common;

use common::app::{app_over, bundled, draw, text};
use common::fixture::{OTHER, articles_dir};
use common::pty::{LEAVE_ALT, Session, find, find_from, rfind};
use tline::load::{SourceFile, load_sources};
use tline::tui::citation::{citation, osc52};
use tline::tui::commands::Action;

/// tline on the bundled timeline and the second article, given as their directory.
fn two_articles(cols: u16, rows: u16) -> (tempfile::TempDir, Session) {
    let dir = articles_dir();
    let articles = dir.path().join("articles");
    let s = Session::spawn_with(cols, rows, &[articles.to_str().unwrap()]);
    (dir, s)
}

#[test]
fn the_documents_view_opens_a_document_in_the_source_pane() {
    let (_dir, mut s) = two_articles(120, 40);
    s.wait_for("event 1 of 18");
    s.press("o");
    s.wait_for("Documents: 2");
    s.wait_for("17 of the shown events cite it");
    s.wait_for("cbs.yaml");
    s.press("j");
    s.wait_for("Reuters · published 2022-01-06");
    s.wait_for("1 of the shown events cite it");
    s.wait_for("articles/reuters.yaml");
    s.press("\r");
    s.wait_for("Source 1/1 · ¶1 · Russian paratroopers arrive");
    s.wait_for("Russia sent paratroopers to Kazakhstan on");
    s.wait_for("event 18 of 18");
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn f_in_the_documents_view_keeps_the_events_citing_the_document() {
    // Wide enough for the status bar to name the two files in full beside the filter.
    let (_dir, mut s) = two_articles(200, 40);
    s.wait_for("event 1 of 18");
    s.press("oj");
    s.wait_for("Reuters · published 2022-01-06");
    s.press("f");
    s.wait_for("event 1 of 1 (18 in all) · doc: reuters-2022-01-06");
    s.wait_for("Russian paratroopers land in Kazakhstan");
    // Combined with another filter, and cleared with the others.
    s.press("o");
    s.wait_for("Documents: 2");
    s.wait_for("1 of the shown events cite it");
    s.press("k");
    s.wait_for("0 of the shown events cite it");
    s.press("\x1b");
    s.wait_until("the documents closed", |screen| {
        find(screen, "Documents: 2").is_none()
    });
    s.press("x");
    s.wait_for("event 18 of 18");
    s.press("q");
    assert!(s.wait_exit());
}

#[test]
fn y_copies_a_citation_with_osc_52_and_prints_it_after_quitting() {
    let mut s = Session::spawn(120, 40);
    s.wait_for("event 1 of 17");
    s.press("y");
    s.wait_for("citation copied (OSC 52)");
    let timeline = load_sources(&[SourceFile::bundled()]).expect("bundled loads");
    let expected = citation(&timeline, 0, 0).expect("the first event has a source");
    let sequence = osc52(&expected);
    s.wait_for_bytes(sequence.as_bytes(), 0);
    s.press("q");
    assert!(s.wait_exit());
    let raw = s.raw();
    let left = rfind(&raw, LEAVE_ALT).expect("the alternate screen is left");
    let printed = format!("tline: citation copied:\r\n{expected}\r\n");
    assert!(
        find_from(&raw, printed.as_bytes(), left).is_some(),
        "printed after the terminal is restored: {:?}",
        String::from_utf8_lossy(&raw[left..])
    );
}

#[test]
fn the_axis_title_names_the_documents_of_the_selected_events_marks() {
    let other = SourceFile {
        name: "reuters.yaml".into(),
        text: OTHER.into(),
    };
    let timeline = load_sources(&[SourceFile::bundled(), other]).expect("the two load");
    let mut app = app_over(timeline, "two articles", 120, 40);
    app.update(Action::ToggleAxis);
    let screen = text(&draw(&app));
    assert!(screen.contains("◆ CBS News 1 Jan 2022 ·"), "{screen}");
    app.update(Action::Bottom);
    let screen = text(&draw(&app));
    assert!(screen.contains("◆ Reuters 6 Jan 2022 ·"), "{screen}");
}

#[test]
fn with_one_document_the_axis_says_published() {
    let mut app = app_over(bundled().clone(), "events.yaml", 120, 40);
    app.update(Action::ToggleAxis);
    let screen = text(&draw(&app));
    assert!(screen.contains("◆ published"), "{screen}");
}
