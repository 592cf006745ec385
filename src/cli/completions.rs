//! `tline completions SHELL`: a completion script for bash, zsh, fish, elvish or
//! PowerShell, made by clap_complete from the same definition clap parses with.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap_complete::Shell;

use super::stdout;

/// The arguments of `tline completions`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    pub shell: Shell,
}

/// Prints the completion script for `args.shell` of `command`, tline's own definition.
pub fn run(args: &CompletionsArgs, mut command: clap::Command) -> Result<ExitCode> {
    let mut out = stdout();
    clap_complete::generate(args.shell, &mut command, "tline", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
