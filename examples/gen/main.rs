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
//! `events.yaml` with a comment line on top. The writer is the library's,
//! [`tline::load::schema::write`].

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use tline::load::{Format, schema};

/// The file formats the generator writes, by the names of `--format`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// One YAML document laid out like events.yaml.
    Yaml,
    /// One JSON object with documents, actors and events.
    Json,
    /// JSON Lines: one {"document"|"actor"|"event": {...}} object per line.
    Jsonl,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Yaml => Format::Yaml,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::JsonLines,
        }
    }
}

/// Write a synthetic timeline (documents, actors, events) to stdout.
#[derive(Parser)]
struct Args {
    /// How many events to generate.
    #[arg(long, value_name = "N")]
    events: usize,
    /// The file format to write.
    #[arg(long, value_enum, default_value_t = FormatArg::Yaml)]
    format: FormatArg,
    /// The seed: the same seed and event count give the same timeline.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
}

fn run(args: &Args) -> io::Result<()> {
    let timeline = tline::synth::timeline(args.events, args.seed);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    if args.format == FormatArg::Yaml {
        writeln!(
            out,
            "# Synthetic timeline: {} events, seed {} (cargo run --release --example gen).",
            args.events, args.seed
        )?;
    }
    schema::write(&timeline, args.format.into(), &mut out)?;
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
