//! The duplicate finder at 100k events: the seeded synthetic timeline, with one event in
//! ten told again by another document, shifted by up to two days. The target is under
//! 2 s; blocking by actor and date keeps it far from a pass over every pair.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tline::query::dupes::find;

// The allocator of the binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn duplicates(c: &mut Criterion) {
    let timeline = tline::synth::with_retellings(100_000, 15);
    let mut group = c.benchmark_group("dupes");
    group.sample_size(10);
    eprintln!("{} pairs found", find(&timeline).len());
    group.bench_function("find 100k events", |b| {
        b.iter(|| black_box(find(black_box(&timeline)).len()))
    });
    group.finish();
}

criterion_group!(benches, duplicates);
criterion_main!(benches);
