//! Tagging cost of the temporal tagger: a news article of about 5 KB, built from
//! generic news sentences repeated, tagged against its publication date. The target is
//! at least 1 MB of text per second on one core (a 5 KB article in under 5 ms). And text
//! made to be hostile at two lengths, ten times apart, whose costs should be too.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tline::extract::timex::tag;

// The allocator of the binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sentences of the kinds news uses, dense in temporal expressions and in text without.
const SENTENCES: &[&str] = &[
    "The president spoke with his counterpart by phone on Thursday, the second call in less than a month.",
    "Officials said the talks, planned for next month, would take place in Geneva.",
    "Intelligence agencies warned that an attack could come as early as January.",
    "About 100,000 troops have gathered near the border over the past few weeks, according to satellite images.",
    "The alliance will consult its members over the next week, a spokesman said on Friday.",
    "Shares fell 3 percent yesterday after the company reported a loss for the fourth quarter of 2021.",
    "The agreement, signed on March 22, 2013, expires at the end of the year.",
    "Two days later, the minister resigned, and elections were called for the spring.",
    "The city has grown rapidly since the 1990s, when the first factories opened.",
    "Protesters gathered every weekend in the capital, and the police made dozens of arrests.",
    "The central bank is expected to raise rates later this month, economists said.",
    "A spokeswoman declined to comment on the reports, which could not be independently verified.",
];

fn article() -> String {
    let mut text = String::new();
    while text.len() < 5_000 {
        for sentence in SENTENCES {
            text.push_str(sentence);
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    text
}

fn tagging(c: &mut Criterion) {
    let text = article();
    let published = NaiveDate::from_ymd_opt(2022, 1, 1).expect("a valid date");
    let mut group = c.benchmark_group("timex");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("article_5kb", |b| {
        b.iter(|| tag(black_box(&text), published))
    });
    group.finish();
    // Text made to trip a tagger that reads back: its cost should grow as its length.
    let unit = "the the next next last of of 12:12:12 a.m. p.m. 2013-2013-2013 '' mid- - early late \u{301}\u{301} ";
    let mut group = c.benchmark_group("timex");
    for repeats in [100, 1_000] {
        let hostile = unit.repeat(repeats);
        group.throughput(Throughput::Bytes(hostile.len() as u64));
        group.bench_function(format!("hostile_{}kb", hostile.len() / 1000), |b| {
            b.iter(|| tag(black_box(&hostile), published))
        });
    }
    group.finish();
}

criterion_group!(benches, tagging);
criterion_main!(benches);
