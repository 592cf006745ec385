//! The `tline` command: parses arguments and hands them to the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use tline::cli::{
    self, FilterArgs, Limits, NotesArgs, browse, check, completions, dupes, extract, list, man,
    note, parse_error, source,
};

/// mimalloc: loading a large timeline makes and frees millions of small strings, which
/// glibc's allocator handles about a third slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Browse the events reported in news articles, each tied to its source paragraph.
///
/// With no FILE, reads ./events.yaml if present, else the bundled timeline. A FILE named
/// .txt, .md or .markdown is a news article, drafted into a timeline as it is opened.
#[derive(Parser)]
#[command(
    version,
    propagate_version = true,
    subcommand_precedence_over_arg = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Timeline files to open (merged into one timeline; a directory: the timeline files
    /// in it, by name), or articles (.txt, .md) to draft.
    files: Vec<PathBuf>,
    /// Start the TUI filtered (the same filters as `list`).
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    notes: NotesArgs,
    #[command(flatten)]
    limits: Limits,
    /// Do not reload the files when they change on disk (`R` still reloads).
    #[arg(long)]
    no_watch: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Validate timeline files and report every problem with its line.
    Check(check::CheckArgs),
    /// Print the timeline, one event a line.
    List(list::ListArgs),
    /// Print the source paragraphs of an event, the quote marked.
    Source(source::SourceArgs),
    /// Annotate an event: add a note, star it, tag it, set its review status.
    Note(note::NoteArgs),
    /// Print likely duplicate events across documents, and conflicting reports.
    Dupes(dupes::DupesArgs),
    /// Draft a timeline from news articles, or list their temporal expressions.
    Extract(extract::ExtractArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff): `tline man | man -l -`.
    Man(man::ManArgs),
}

fn main() -> ExitCode {
    cli::without_huge_pages();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return parse_error::report(error),
    };
    let limits = cli.limits;
    cli::exit_code(match cli.command {
        Some(Command::Check(args)) => check::run(&args, limits),
        Some(Command::List(args)) => list::run(&args, limits),
        Some(Command::Source(args)) => source::run(&args, limits),
        Some(Command::Note(args)) => note::run(&args, limits),
        Some(Command::Dupes(args)) => dupes::run(&args, limits),
        Some(Command::Extract(args)) => extract::run(&args, limits),
        Some(Command::Completions(args)) => completions::run(&args, Cli::command()),
        Some(Command::Man(args)) => man::run(&args, Cli::command()),
        None => {
            let command = Cli::command();
            let subcommands: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            browse::run(
                cli.files,
                cli.filter,
                cli.notes,
                limits,
                !cli.no_watch,
                &subcommands,
            )
        }
    })
}
