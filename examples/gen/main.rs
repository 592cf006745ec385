//! Writes a synthetic timeline to stdout in the file schema, for benchmarks and scale
//! tests (issue 6).
//!
//! ```sh
//! cargo run --release --example gen -- --events 100000 --format json > big.json
//! cargo run --release --example gen -- --events 1000 --format yaml --seed 7 > small.yaml
//! ```
//!
//! The timeline is [`tline::synth::timeline`]: the same for the same `--events` and
//! `--seed`, whatever the format. `json` is one object `{"documents", "actors",
//! "events"}`; `jsonl` is one object a line, each with one key (`document`, `actor` or
//! `event`), documents first, then actors, then events; `yaml` has the layout of
//! `events.yaml`, written by hand for speed (serde_yaml is slow to write 1M events too),
//! every string a double-quoted scalar so that no text can be mistaken for a number, a
//! date or syntax. Fields that are absent in the model are left out.

mod write;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use write::Format;

/// Write a synthetic timeline (documents, actors, events) to stdout.
#[derive(Parser)]
struct Args {
    /// How many events to generate.
    #[arg(long, value_name = "N")]
    events: usize,
    /// The file format to write.
    #[arg(long, value_enum, default_value_t = Format::Yaml)]
    format: Format,
    /// The seed: the same seed and event count give the same timeline.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
}

fn run(args: &Args) -> io::Result<()> {
    let timeline = tline::synth::timeline(args.events, args.seed);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let comment = format!(
        "Synthetic timeline: {} events, seed {} (cargo run --release --example gen).",
        args.events, args.seed
    );
    write::write(&mut out, &timeline, args.format, &comment)?;
    out.flush()?;
    // Freeing millions of strings one by one takes a noticeable part of a second; the
    // process is about to end and the system takes the memory back at once.
    std::mem::forget(timeline);
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`gen ... | head`): nothing more to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: {e}");
            ExitCode::FAILURE
        }
    }
}
