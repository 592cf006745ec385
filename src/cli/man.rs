//! `tline man [COMMAND]`: the manual page in roff, made by clap_mangen from the same
//! definition clap parses with, so it always matches the installed binary.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::stdout;
use crate::model::closest;

/// The arguments of `tline man`.
#[derive(Debug, Clone, clap::Args)]
pub struct ManArgs {
    /// The subcommand whose page to print, such as `list` (default: tline's own page).
    pub command: Option<String>,
}

/// Prints the page of `args.command` (or of tline itself) of `command`, tline's own
/// definition.
pub fn run(args: &ManArgs, mut command: clap::Command) -> Result<ExitCode> {
    command.build();
    let page = match &args.command {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names = command.get_subcommands().map(|s| s.get_name());
                match closest(name, names, 1).first() {
                    Some(best) => bail!("no subcommand {name:?} (did you mean {best}?)"),
                    None => bail!("no subcommand {name:?}"),
                }
            }
        },
    };
    let mut out = stdout();
    clap_mangen::Man::new(page).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
