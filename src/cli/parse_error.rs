//! Argument errors that clap reports, made safe to print: clap echoes the words it could
//! not use, and a word may carry escape sequences (`--format $'\e]0;X\a'`).

use std::process::ExitCode;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue};

use crate::text::sanitize;

/// Prints `error` as clap would, every value it quotes from the command line made
/// visible by [`sanitize`], and returns clap's exit status: 0 for `--help` and
/// `--version` (printed on stdout), 2 for a usage error (on stderr). Colours are clap's
/// own, on a terminal only.
pub fn report(mut error: clap::Error) -> ExitCode {
    let quoted: Vec<(ContextKind, ContextValue)> = error
        .context()
        // The usage line is clap's own text, built from the command, not from the words.
        .filter(|(kind, _)| *kind != ContextKind::Usage)
        .map(|(kind, value)| (kind, sanitized(value)))
        .collect();
    for (kind, value) in quoted {
        error.insert(kind, value);
    }
    // A closed stdout or stderr is no reason to fail differently.
    let _ = error.print();
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// `value` with its text made visible. Styled text (clap's tips, which may repeat a word)
/// loses its styles: they cannot be told apart from escapes the word brought.
fn sanitized(value: &ContextValue) -> ContextValue {
    let plain = |s: &str| sanitize(s).into_owned();
    let styled = |s: &StyledStr| StyledStr::from(plain(&s.to_string()));
    match value {
        ContextValue::String(s) => ContextValue::String(plain(s)),
        ContextValue::Strings(list) => {
            ContextValue::Strings(list.iter().map(|s| plain(s)).collect())
        }
        ContextValue::StyledStr(s) => ContextValue::StyledStr(styled(s)),
        ContextValue::StyledStrs(list) => {
            ContextValue::StyledStrs(list.iter().map(styled).collect())
        }
        other => other.clone(),
    }
}
