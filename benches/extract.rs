//! Drafting cost of the whole extractor (article reader, temporal tagger, actors,
//! events): the seed-like news text of `tests/extract/` repeated to 5 KB, 50 KB and
//! 500 KB, so that the throughput shows whether drafting stays linear in the text. The
//! target is at least 1 MB of article text per second on one core.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tline::extract::{DraftOptions, draft};

// The allocator of the binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Paragraphs of the kinds news uses: people with titles, countries and organisations,
/// reported speech, plans, fears and relative dates.
const PARAGRAPHS: &[&str] = &[
    "President Maria Lopez told Prime Minister Anders Berg in a phone call on Tuesday that her government would respond firmly if the border were closed, a spokesman said.",
    "The call came as Norway has moved ships into the Barents Sea and officials have warned that talks could collapse as early as March.",
    "A senior official said the two leaders agreed to meet in Geneva next month, and that ministers will consult their allies over the next week.",
    "In a statement, the European Union said it was \u{201c}deeply concerned\u{201d} about the reports, which followed a similar incident on January 12.",
    "Ms Lopez urged Mr Berg to withdraw the ships. The official said about 40 vessels remain in the area despite recent reports of a pullback.",
];

fn article(size: usize) -> String {
    let mut text = String::from("Leaders trade warnings over the Barents Sea\n\n");
    while text.len() < size {
        for paragraph in PARAGRAPHS {
            text.push_str(paragraph);
            text.push_str("\n\n");
        }
    }
    text
}

fn drafting(c: &mut Criterion) {
    let options = DraftOptions {
        published: NaiveDate::from_ymd_opt(2023, 2, 4),
        ..DraftOptions::default()
    };
    let mut group = c.benchmark_group("extract");
    for size in [5_000, 50_000, 500_000] {
        let text = article(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("draft", size), &text, |b, text| {
            b.iter(|| draft(black_box(text), "article.txt", &options))
        });
    }
    group.finish();
}

criterion_group!(benches, drafting);
criterion_main!(benches);
