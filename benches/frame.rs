//! Frame, time axis and query cost at 1k, 100k and 1M events: a frame must cost the same
//! whatever the size of the timeline.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use tline::query::{Filter, Index};
use tline::synth;
use tline::tui::app::App;
use tline::tui::commands::Action;

const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];

fn frame(c: &mut Criterion) {
    let mut plain = c.benchmark_group("frame_120x40");
    plain.sample_size(30);
    let mut apps = Vec::new();
    for n in SIZES {
        let mut app = App::new(
            synth::timeline(n, 42),
            "synthetic".into(),
            Filter::default(),
            Size::new(120, 40),
        );
        app.update(Action::Bottom);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        plain.bench_with_input(BenchmarkId::from_parameter(n), &app, |b, app| {
            b.iter(|| terminal.draw(|f| app.render(f)).map(|_| ()))
        });
        app.update(Action::ToggleAxis);
        apps.push((n, app));
    }
    plain.finish();
    let mut with_axis = c.benchmark_group("frame_with_axis_120x40");
    with_axis.sample_size(30);
    for (n, app) in &apps {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        with_axis.bench_with_input(BenchmarkId::from_parameter(n), app, |b, app| {
            b.iter(|| terminal.draw(|f| app.render(f)).map(|_| ()))
        });
    }
    with_axis.finish();
    let mut axis = c.benchmark_group("axis_update");
    axis.sample_size(20);
    for (n, app) in &mut apps {
        // A zoom in and out recounts the window twice.
        axis.bench_function(BenchmarkId::new("zoom_in_out", *n), |b| {
            b.iter(|| {
                app.update(Action::ZoomIn);
                app.update(Action::ZoomOut);
            })
        });
    }
    axis.finish();
}

fn query(c: &mut Criterion) {
    let mut group = c.benchmark_group("query");
    group.sample_size(10);
    let timeline = synth::timeline(1_000_000, 42);
    let index = Index::new(&timeline);
    let actor = Filter {
        actors: vec![tline::model::ActorId(3)],
        ..Filter::default()
    };
    group.bench_function("actor_1m", |b| b.iter(|| index.select(&timeline, &actor)));
    let text = Filter {
        text: "ceasefire summit".into(),
        ..Filter::default()
    };
    group.bench_function("text_1m", |b| b.iter(|| index.select(&timeline, &text)));
    group.finish();
}

criterion_group!(benches, frame, query);
criterion_main!(benches);
