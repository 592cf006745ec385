//! The duplicate finder at 100k events: the seeded synthetic timeline, with one event in
//! ten told again by another document, shifted by up to two days. The target is under
//! 2 s; blocking by actor and date keeps it far from a pass over every pair.

use std::hint::black_box;

use chrono::Days;
use criterion::{Criterion, criterion_group, criterion_main};
use tline::date::{EdtfDate, Precision};
use tline::model::{DocId, Timeline};
use tline::query::dupes::find;

// The allocator of the binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `events` events, one in ten of them a retelling of another by the next document.
fn timeline_with_retellings(events: usize) -> Timeline {
    let retold = events / 10;
    let mut timeline = tline::synth::timeline(events - retold, 15);
    let documents = timeline.documents.len() as u32;
    let copies: Vec<_> = (0..retold)
        .map(|k| {
            let mut copy = timeline.events[k * 9].clone();
            copy.id = format!("{}-retold", copy.id).into();
            let shift = (k % 3) as u64;
            if let EdtfDate::Point(point) = &mut copy.date
                && point.precision == Precision::Day
            {
                point.first = point.first + Days::new(shift);
            }
            let mut sources = copy.sources.to_vec();
            sources[0].doc = DocId((sources[0].doc.0 + 1) % documents);
            copy.sources = sources.into();
            copy
        })
        .collect();
    timeline.events.extend(copies);
    timeline.events.sort_by_key(|e| e.date.sort_key());
    timeline
}

fn duplicates(c: &mut Criterion) {
    let timeline = timeline_with_retellings(100_000);
    let mut group = c.benchmark_group("dupes");
    group.sample_size(10);
    group.bench_function("find 100k events", |b| {
        b.iter(|| black_box(find(black_box(&timeline)).len()))
    });
    group.finish();
}

criterion_group!(benches, duplicates);
criterion_main!(benches);
