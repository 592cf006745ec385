//! The time axis strip and moving through time: what the axis shows of the bundled
//! timeline, jumping to a date, date groups, zoom, and the axis agreeing with the gap
//! separators of the timeline pane.

mod common;

use common::app::bundled;
use tline::model::Timeline;
use tline::synth;
use tline::tui::app::App;
use tline::tui::commands::Action;
use tline::tui::overlays::Overlay;
use tline::tui::session::gap_days;

/// An app over `timeline` on a `width` × `height` terminal, the time axis shown.
fn app_over(timeline: Timeline, width: u16, height: u16) -> App {
    let mut app = common::app::app_over(timeline, "test", width, height);
    app.update(Action::ToggleAxis);
    app
}

/// An app over the bundled timeline, the time axis shown.
fn bundled_app(width: u16, height: u16) -> App {
    app_over(bundled().clone(), width, height)
}

/// Position among the shown events of the event with this id.
fn shown(app: &App, id: &str) -> usize {
    app.session
        .rows
        .events
        .iter()
        .position(|&e| *app.session.timeline.events[e].id == *id)
        .unwrap_or_else(|| panic!("{id} is shown"))
}

fn selected_id(app: &App) -> String {
    app.session.timeline.events[app.session.selected_event().expect("an event is selected")]
        .id
        .to_string()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

#[test]
fn december_flights_and_call_come_before_publication_and_january_talks_after() {
    for (width, height) in [(120, 40), (80, 24), (40, 20)] {
        let app = bundled_app(width, height);
        assert!(app.layout().axis.is_some(), "{width}x{height} has room");
        let published = app.panes.axis.published_columns.clone();
        assert_eq!(published.len(), 1, "one document, one publication day");
        let publication = published[0];
        for id in [
            "jstars-flight-2021-12-27",
            "jstars-flight-2021-12-30",
            "biden-putin-call",
        ] {
            let (_, last) = app
                .panes
                .axis
                .columns_of(shown(&app, id))
                .expect("on the axis");
            // At 40 columns a column holds almost two days: 30 December and the
            // publication on 1 January may share one.
            let before = if width >= 80 {
                last < publication
            } else {
                last <= publication
            };
            assert!(
                before,
                "{width}x{height}: {id} ends at {last}, publication at {publication}"
            );
        }
        let talks = shown(&app, "nato-russia-council-talks");
        let (first, last) = app.panes.axis.columns_of(talks).expect("on the axis");
        assert!(
            first >= publication && last > publication,
            "talks after publication"
        );
        let flight = shown(&app, "jstars-flight-2021-12-27");
        let (column, _) = app.panes.axis.columns_of(flight).expect("on the axis");
        assert_eq!(app.panes.axis.density.dated[usize::from(column)], 1);
    }
}

#[test]
fn jumping_to_a_date_selects_the_first_event_on_or_after_it() {
    let mut app = bundled_app(120, 40);
    for (date, expected) in [
        ("2021-12-27", "jstars-flight-2021-12-27"),
        ("2021-12-28", "jstars-flight-2021-12-30"),
        // Placed at its end (README, Dates): "… → 1 Jan 2022" is the first on 1 Jan.
        ("2022-01", "russian-troop-buildup"),
        ("2021-12-30/2021-12-31", "jstars-flight-2021-12-30"),
    ] {
        app.update(Action::AskJumpDate);
        type_text(&mut app, date);
        app.update(Action::Confirm);
        assert_eq!(app.overlay, Overlay::None, "{date} is accepted");
        assert_eq!(selected_id(&app), expected, "{date}");
        let k = app.session.selected;
        assert!(
            app.panes.axis.columns_of(k).is_some(),
            "the axis shows the selection"
        );
    }
}

#[test]
fn a_date_with_no_event_after_it_or_no_date_at_all_is_refused_in_the_prompt() {
    let mut app = bundled_app(120, 40);
    app.update(Action::Down);
    for (text, error) in [
        ("2030", "no event on or after 1 Jan 2030"),
        ("2021-13", "invalid date \"2021-13\": there is no month 13"),
        ("", "invalid date \"\": empty"),
    ] {
        app.update(Action::AskJumpDate);
        type_text(&mut app, text);
        app.update(Action::Confirm);
        match &app.overlay {
            Overlay::Prompt(prompt) => assert_eq!(prompt.error.as_deref(), Some(error)),
            other => panic!("{text}: the prompt stays open, not {other:?}"),
        }
        app.update(Action::Cancel);
        assert_eq!(app.session.selected, 1, "the selection has not moved");
    }
}

#[test]
fn braces_move_by_date_group_like_paragraphs_in_vim() {
    let mut app = bundled_app(120, 40);
    let mut starts = Vec::new();
    for _ in 0..20 {
        starts.push(selected_id(&app));
        app.update(Action::NextDateGroup);
    }
    starts.dedup();
    assert_eq!(
        starts,
        [
            // Open starts are placed at their end (README, Dates).
            "russian-troop-withdrawal-reports",
            "jstars-flight-2021-12-27",
            "jstars-flight-2021-12-30",
            "us-intelligence-invasion-warning",
            "white-house-statement-on-call",
            "russian-troop-buildup",
            "allied-consultations",
            "diplomatic-engagement-next-month",
            // After the last group, `}` goes to the last event, as in vim.
            "nato-russia-council-talks",
        ]
    );
    // From inside a group, `{` goes to its first event; from there, to the group before.
    app.update(Action::AskJumpDate);
    type_text(&mut app, "2021-12-30");
    app.update(Action::Confirm);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::PrevDateGroup);
    assert_eq!(selected_id(&app), "jstars-flight-2021-12-30");
    app.update(Action::PrevDateGroup);
    assert_eq!(selected_id(&app), "jstars-flight-2021-12-27");
    app.update(Action::Top);
    app.update(Action::PrevDateGroup);
    assert_eq!(app.session.selected, 0);
}

#[test]
fn zoom_stays_around_the_selection_and_never_goes_past_the_whole_span() {
    let mut app = bundled_app(120, 40);
    let whole = app.panes.axis.scale.expect("a scale");
    app.update(Action::ZoomOut);
    assert_eq!(
        app.panes.axis.scale,
        Some(whole),
        "already showing everything"
    );
    app.update(Action::AskJumpDate);
    type_text(&mut app, "2021-12-27");
    app.update(Action::Confirm);
    for _ in 0..6 {
        app.update(Action::ZoomIn);
        let scale = app.panes.axis.scale.expect("a scale");
        assert!(scale.days_per_column < whole.days_per_column);
        assert!(
            app.panes.axis.columns_of(app.session.selected).is_some(),
            "selection on the axis"
        );
    }
    for _ in 0..8 {
        app.update(Action::PanLater);
    }
    let panned = app.panes.axis.scale.expect("a scale");
    assert!(
        app.panes.axis.columns_of(app.session.selected).is_none(),
        "panned away"
    );
    app.update(Action::Down);
    assert!(
        app.panes.axis.columns_of(app.session.selected).is_some(),
        "moving brings it back"
    );
    assert_ne!(app.panes.axis.scale, Some(panned));
    for _ in 0..12 {
        app.update(Action::ZoomOut);
    }
    assert_eq!(app.panes.axis.scale, Some(whole));
}

#[test]
fn the_axis_follows_the_filter() {
    let mut app = bundled_app(120, 40);
    let whole = app.panes.axis.scale.expect("a scale");
    app.update(Action::AskDateRange);
    type_text(&mut app, "2021-12-30");
    app.update(Action::Confirm);
    let narrow = app.panes.axis.scale.expect("a scale");
    assert!(narrow.days_per_column < whole.days_per_column);
    let total: u32 = app.panes.axis.density.dated.iter().sum();
    let dated = app
        .session
        .rows
        .events
        .iter()
        .filter(|&&e| app.session.timeline.events[e].date.to_string() == "2021-12-30")
        .count();
    assert!(usize::try_from(total).unwrap() >= dated);
    app.update(Action::ClearFilters);
    assert_eq!(app.panes.axis.scale, Some(whole));
}

/// Where the timeline pane shows a gap separator, no dated event stands on the axis
/// between the two events; where it shows none, no column lies between them.
fn assert_gaps_agree(app: &App) {
    let events = &app.session.rows.events;
    for k in 1..events.len() {
        let (before, after) = (
            &app.session.timeline.events[events[k - 1]],
            &app.session.timeline.events[events[k]],
        );
        let (Some((_, end)), Some((start, _))) = (
            app.panes.axis.columns_of(k - 1),
            app.panes.axis.columns_of(k),
        ) else {
            continue;
        };
        let (Some(_), Some(_)) = (before.date.latest(), after.date.earliest()) else {
            continue;
        };
        match gap_days(before, after) {
            Some(days) => {
                for c in end + 1..start {
                    assert_eq!(
                        app.panes.axis.density.dated[usize::from(c)],
                        0,
                        "{days}-day gap between {} and {} has an event at column {c}",
                        before.id,
                        after.id
                    );
                }
            }
            None => assert!(
                start <= end + 1,
                "no gap between {} and {} but columns {end}..{start} lie between",
                before.id,
                after.id
            ),
        }
    }
}

#[test]
fn gap_separators_and_the_axis_agree_at_every_zoom() {
    let timelines = [
        bundled().clone(),
        synth::timeline(60, 3),
        synth::timeline(400, 11),
    ];
    for timeline in timelines {
        let mut app = app_over(timeline, 120, 40);
        for _ in 0..10 {
            assert_gaps_agree(&app);
            app.update(Action::ZoomIn);
            app.update(Action::NextDateGroup);
        }
    }
}
