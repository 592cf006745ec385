//! The `tline` command: parses arguments and hands them to the library.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use tline::cli::{FilterWords, ListFormat, QuoteMark, check_summary, write_list, write_source};
use tline::load::{Stage, load_paths, load_paths_with};
use tline::query::Index;
use tline::tui::app::App;

/// mimalloc: loading a large timeline makes and frees millions of small strings, which
/// glibc's allocator handles about a third slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Browse the events reported in news articles, each tied to its source paragraph.
///
/// With no FILE, reads ./events.yaml if present, else the bundled timeline.
#[derive(Parser)]
#[command(version, subcommand_precedence_over_arg = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Timeline files to open (merged into one timeline).
    files: Vec<PathBuf>,
    /// Start the TUI filtered (the same filters as `list`).
    #[command(flatten)]
    filter: FilterFlags,
    #[command(flatten)]
    limits: Limits,
}

#[derive(Args, Clone, Copy)]
struct Limits {
    /// Refuse files larger than this many bytes [default: 256 MiB for YAML, 2 GiB for
    /// JSON and JSON Lines].
    #[arg(long, global = true, value_name = "BYTES")]
    max_file_size: Option<u64>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate timeline files and report every problem with its line.
    Check {
        /// Timeline files to check.
        files: Vec<PathBuf>,
    },
    /// Print the timeline, one event a line.
    List {
        /// Timeline files to read.
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        #[command(flatten)]
        filter: FilterFlags,
    },
    /// Print the source paragraphs of an event, the quote marked.
    Source {
        /// Timeline files to read, then the id of the event.
        #[arg(required = true, value_name = "[FILE]... EVENT_ID")]
        args: Vec<String>,
    },
}

#[derive(Args)]
struct FilterFlags {
    /// Keep events involving this actor (id, name or alias); repeat for several.
    #[arg(long, value_name = "NAME")]
    actor: Vec<String>,
    /// With several --actor: keep events involving all of them, not any.
    #[arg(long)]
    all_actors: bool,
    /// Keep events of this kind; repeat for several.
    #[arg(long, value_name = "KIND")]
    kind: Vec<String>,
    /// Keep events with this status (occurred, planned, expected, reported).
    #[arg(long, value_name = "STATUS")]
    status: Vec<String>,
    /// Keep events that end on or after this EDTF date.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Keep events that start on or before this EDTF date.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Keep events whose title, summary or quotes contain this text.
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
}

impl From<FilterFlags> for FilterWords {
    fn from(f: FilterFlags) -> Self {
        FilterWords {
            actors: f.actor,
            all_actors: f.all_actors,
            kinds: f.kind,
            statuses: f.status,
            from: f.from,
            to: f.to,
            search: f.search,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Not eprintln!: it panics when stderr is a terminal that has gone away.
            let _ = writeln!(io::stderr(), "tline: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// A reader that stopped reading (`tline list | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

/// Leaves a timeline to the operating system: the process is about to exit, and freeing a
/// million events one allocation at a time costs the best part of a second.
fn exit_without_freeing(timeline: tline::model::Timeline) {
    std::mem::forget(timeline);
}

/// `tline list`: the events of `files` that `words` select, in `format`.
fn print_list(
    out: &mut impl Write,
    files: &[PathBuf],
    max: Option<u64>,
    words: FilterWords,
    format: ListFormat,
) -> anyhow::Result<ExitCode> {
    let (timeline, _) = load_paths(files, max)?;
    let filter = words.resolve(&timeline)?;
    let selection = Index::for_filter(&timeline, &filter).select(&timeline, &filter);
    write_list(out, &timeline, &selection, format)?;
    out.flush()?;
    exit_without_freeing(timeline);
    Ok(ExitCode::SUCCESS)
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let max = cli.limits.max_file_size;
    // Block-buffered: stdout on its own flushes at every line, a system call per event.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match cli.command {
        Some(Command::Check { files }) => match load_paths(&files, max) {
            Ok((timeline, names)) => {
                writeln!(out, "{}", check_summary(&timeline, &names))?;
                out.flush()?;
                exit_without_freeing(timeline);
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                let n = e.diagnostics.len();
                let plural = if n == 1 { "" } else { "s" };
                let _ = writeln!(io::stderr(), "{e}\n{n} error{plural}");
                Ok(ExitCode::FAILURE)
            }
        },
        Some(Command::List {
            files,
            format,
            filter,
        }) => print_list(&mut out, &files, max, filter.into(), format),
        Some(Command::Source { mut args }) => {
            let event_id = args.pop().unwrap_or_default();
            let files: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
            let (timeline, _) = load_paths(&files, max)?;
            let index = timeline.find_event(&event_id).map_err(anyhow::Error::msg)?;
            let plain = !io::stdout().is_terminal() || std::env::var_os("NO_COLOR").is_some();
            let mark = if plain {
                QuoteMark::Plain
            } else {
                QuoteMark::Styled
            };
            write_source(&mut out, &timeline, index, mark)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        None if io::stdout().is_terminal() => {
            drop(out);
            let title = if cli.files.is_empty() {
                "the timeline".to_string()
            } else {
                let names: Vec<String> =
                    cli.files.iter().map(|f| f.display().to_string()).collect();
                names.join(", ")
            };
            let words = FilterWords::from(cli.filter);
            tline::tui::run_loading(title, move |progress, size| {
                let (timeline, names) = load_paths_with(&cli.files, max, progress)?;
                let filter = words.resolve(&timeline)?;
                progress.set_stage(Stage::Indexing);
                Ok(App::new(timeline, names.join(", "), filter, size))
            })?;
            Ok(ExitCode::SUCCESS)
        }
        None => print_list(
            &mut out,
            &cli.files,
            max,
            cli.filter.into(),
            ListFormat::Table,
        ),
    }
}
