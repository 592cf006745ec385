//! Actors and documents shared by several files: defined alike in each, they are one item
//! (an actor's aliases united); defined differently, the load fails naming both places and
//! the field. Run through the real binary and the loader.

mod common;

use common::cmd::{dir_with, tline};
use common::fixture::{BASE, OTHER, edit_text};
use tline::load::{SourceFile, load_sources};

/// The bundled timeline as `events.yaml` beside `other.yaml`.
fn with_bundled(other: &str) -> tempfile::TempDir {
    let bundled = SourceFile::bundled().text;
    dir_with(&[("events.yaml", bundled.as_str()), ("other.yaml", other)])
}

fn load(files: &[(&str, &str)]) -> Result<tline::model::Timeline, tline::load::LoadError> {
    let files: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile {
            name: name.to_string(),
            text: text.to_string(),
        })
        .collect();
    load_sources(&files)
}

#[test]
fn the_bundled_timeline_opens_beside_another_that_defines_russia_alike() {
    let dir = with_bundled(OTHER);
    // 14 actors and 17 events of the bundled file, 1 actor and 1 event more: Russia once.
    tline(dir.path())
        .args(["check", "events.yaml", "other.yaml"])
        .assert()
        .success()
        .stdout("events.yaml, other.yaml: ok, 2 documents, 15 actors, 18 events\n");
    let out = tline(dir.path())
        .args(["list", "events.yaml", "other.yaml", "--actor", "russia"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("Biden and Putin speak by phone"),
        "{listed}"
    );
    assert!(
        listed.contains("Russian paratroopers land in Kazakhstan"),
        "{listed}"
    );
}

#[test]
fn events_of_both_files_name_the_one_actor() {
    let bundled = SourceFile::bundled().text;
    let timeline = load(&[("events.yaml", &bundled), ("other.yaml", OTHER)]).expect("loads");
    let russias: Vec<usize> = (0..timeline.actors.len())
        .filter(|&i| timeline.actors[i].id == "russia")
        .collect();
    assert_eq!(russias.len(), 1, "one actor russia");
    let naming: Vec<&str> = timeline
        .events
        .iter()
        .filter(|e| e.actors.iter().any(|&a| timeline.actor(a).id == "russia"))
        .map(|e| &*e.id)
        .collect();
    assert!(naming.contains(&"paratroopers-to-kazakhstan"), "{naming:?}");
    assert!(naming.contains(&"biden-putin-call"), "{naming:?}");
}

#[test]
fn the_aliases_of_a_shared_actor_are_united_in_first_seen_order() {
    let bundled = SourceFile::bundled().text;
    let timeline = load(&[("events.yaml", &bundled), ("other.yaml", OTHER)]).expect("loads");
    let russia = timeline.actors.iter().find(|a| a.id == "russia").unwrap();
    assert_eq!(russia.aliases, ["Russia", "Russians", "Russian", "Moscow"]);
    // The alias from the second file finds the first file's events too.
    let dir = with_bundled(OTHER);
    let out = tline(dir.path())
        .args(["list", "events.yaml", "other.yaml", "--actor", "Moscow"])
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("NATO-Russia Council talks"), "{listed}");
}

#[test]
fn an_actor_defined_differently_fails_naming_both_places_and_the_field() {
    let other = edit_text(OTHER, "name: Russia\n", "name: Russian Federation\n");
    let other = edit_text(&other, "kind: country", "kind: organization");
    let dir = with_bundled(&other);
    tline(dir.path())
        .args(["check", "events.yaml", "other.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "other.yaml:10:11: actor \"russia\": defined differently \
             (name \"Russian Federation\" here, \"Russia\" at events.yaml:47:11)\n\
             other.yaml:11:11: actor \"russia\": defined differently \
             (kind organization here, country at events.yaml:48:11)\n\
             2 errors\n",
        );
}

#[test]
fn an_actor_defined_twice_in_one_file_is_still_an_error() {
    let twice = edit_text(
        BASE,
        "events:",
        "  - id: nato\n    name: NATO\n    kind: organization\nevents:",
    );
    let error = load(&[("a.yaml", &twice)]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a.yaml:12:9: actor \"nato\": id is defined twice (first defined at a.yaml:9:9)"
    );
}

/// The events of a second file: one citing BASE's document `doc` and naming its actor
/// `nato`.
const SECOND_EVENTS: &str = r#"events:
  - id: later
    date: 2022-01-02
    title: A later event
    actors: [nato]
    sources:
      - doc: doc
        paragraph: 2
        quote: epsilon
"#;

/// A second file that defines BASE's document and actor again, alike (BASE's own
/// definitions), so that it can be opened on its own.
fn second() -> String {
    let definitions = &BASE[..BASE.find("events:").expect("BASE has events")];
    format!("{definitions}{SECOND_EVENTS}")
}

#[test]
fn a_document_shared_by_two_files_is_one_document() {
    let timeline = load(&[("a.yaml", BASE), ("b.yaml", second().as_str())]).expect("loads");
    assert_eq!(timeline.documents.len(), 1);
    assert_eq!(timeline.actors.len(), 1);
    let cited: Vec<&str> = timeline
        .events
        .iter()
        .map(|e| &*timeline.document(e.sources[0].doc).id)
        .collect();
    assert_eq!(cited, ["doc", "doc"]);
    let dir = dir_with(&[("a.yaml", BASE), ("b.yaml", second().as_str())]);
    tline(dir.path())
        .args(["check", "a.yaml", "b.yaml"])
        .assert()
        .success()
        .stdout("a.yaml, b.yaml: ok, 1 document, 1 actor, 2 events\n");
}

#[test]
fn a_document_differing_in_a_paragraph_or_its_url_fails() {
    let second = edit_text(&second(), "Delta epsilon zeta.", "Delta epsilon eta.");
    let second = edit_text(
        &second,
        "    published: 2022-01-01\n",
        "    published: 2022-01-01\n    url: https://example.com/doc\n",
    );
    let error = load(&[("a.yaml", BASE), ("b.yaml", &second)]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "b.yaml:5:10: document \"doc\": defined differently \
         (url \"https://example.com/doc\" here, none at a.yaml:2:5)\n\
         b.yaml:8:9: document \"doc\": defined differently \
         (paragraph 2 differs here from the one at a.yaml:7:9)"
    );
}
