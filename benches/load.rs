//! Loading cost per format: the same synthetic timeline written as YAML, JSON and JSON
//! Lines, at 10k and 100k events, parsed and validated from memory (`yaml`, `json`,
//! `jsonl`: the text in a string) and, for JSON and JSON Lines, from a file as the CLI
//! reads it (`json-file`: block by block; `jsonl-file`: line by line; the file is in the
//! page cache after the first run). The 1M runs, peak memory and the comparison with jq
//! are in `bench/compare.sh`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tline::load::{Format, SourceFile, load_paths, load_sources, schema};

// The allocator of the binary: loading makes millions of small strings, and mimalloc
// handles them a third faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    let dir = tempfile::tempdir().expect("a temporary directory");
    for events in [10_000, 100_000] {
        let timeline = tline::synth::timeline(events, 1);
        for (format, extension) in [
            (Format::Yaml, "yaml"),
            (Format::Json, "json"),
            (Format::JsonLines, "jsonl"),
        ] {
            let mut bytes = Vec::new();
            schema::write(&timeline, format, &mut bytes).expect("write to memory");
            let file = SourceFile {
                name: format!("bench.{extension}"),
                text: String::from_utf8(bytes).expect("UTF-8"),
            };
            group.throughput(Throughput::Bytes(file.text.len() as u64));
            let id = BenchmarkId::new(extension, events);
            group.bench_with_input(id, &file, |b, file| {
                b.iter(|| load_sources(std::slice::from_ref(file)).expect("loads"))
            });
            if format != Format::Yaml {
                let path = dir.path().join(&file.name);
                std::fs::write(&path, &file.text).expect("write to a temporary file");
                let id = BenchmarkId::new(format!("{extension}-file"), events);
                group.bench_with_input(id, &path, |b, path| {
                    b.iter(|| load_paths(std::slice::from_ref(path), None).expect("loads"))
                });
            }
        }
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
