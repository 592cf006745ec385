//! `tline list` and the TUI share one query engine: the same filter words give the same
//! events in both.

mod common;

use assert_cmd::Command;
use common::app::bundled;
use ratatui::layout::Size;
use tline::cli::FilterArgs;
use tline::tui::app::App;

fn cli_ids(args: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tline"))
        .current_dir(dir.path())
        .args(["list", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = events.as_array().unwrap();
    events
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

fn tui_ids(words: &FilterArgs) -> Vec<String> {
    let timeline = bundled().clone();
    let filter = words.resolve(&timeline).unwrap();
    let app = App::new(timeline, "events.yaml".into(), filter, Size::new(120, 40));
    app.session
        .rows
        .events
        .iter()
        .map(|&e| app.session.timeline.events[e].id.to_string())
        .collect()
}

#[test]
fn list_and_tui_show_the_same_events_for_each_filter() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let cases: Vec<(Vec<&str>, FilterArgs)> = vec![
        (vec![], FilterArgs::default()),
        (
            vec!["--actor", "Putin"],
            FilterArgs {
                actors: s(&["Putin"]),
                ..Default::default()
            },
        ),
        (
            vec![
                "--actor",
                "putin",
                "--actor",
                "united states",
                "--all-actors",
            ],
            FilterArgs {
                actors: s(&["putin", "united states"]),
                all_actors: true,
                ..Default::default()
            },
        ),
        (
            vec!["--kind", "flight"],
            FilterArgs {
                kinds: s(&["flight"]),
                ..Default::default()
            },
        ),
        (
            vec!["--status", "planned"],
            FilterArgs {
                statuses: s(&["planned"]),
                ..Default::default()
            },
        ),
        (
            vec!["--from", "2021-12-27", "--to", "2021-12-31"],
            FilterArgs {
                from: Some("2021-12-27".into()),
                to: Some("2021-12-31".into()),
                ..Default::default()
            },
        ),
        (
            vec!["--search", "JSTARS"],
            FilterArgs {
                search: Some("JSTARS".into()),
                ..Default::default()
            },
        ),
        (
            vec!["--actor", "nato", "--search", "jstars"],
            FilterArgs {
                actors: s(&["nato"]),
                search: Some("jstars".into()),
                ..Default::default()
            },
        ),
    ];
    for (args, words) in cases {
        let cli = cli_ids(&args);
        assert_eq!(cli, tui_ids(&words), "{args:?}");
    }
}
