//! Subcommands of the `newsclean` binary and the failures they report.

pub mod args;
mod batch;
mod clean;
mod eval;
mod input;
mod rules_cmd;

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use newsclean::{Cleaner, Options, RuleSet};

use args::{Cli, Command, InputArg, KeepArg, RuleArgs};

/// Exit code: an input could not be read or is not text.
pub const EXIT_INPUT: u8 = 1;
/// Exit code: bad usage or a broken rule file.
pub const EXIT_USAGE: u8 = 2;
/// Exit code: some inputs of a batch failed, the others were cleaned.
pub const EXIT_PARTIAL: u8 = 3;

/// Why a command failed, and with which exit code.
#[derive(Debug)]
pub struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    pub fn input(error: impl fmt::Display) -> Self {
        Failure {
            message: error.to_string(),
            code: EXIT_INPUT,
        }
    }

    pub fn usage(error: impl fmt::Display) -> Self {
        Failure {
            message: error.to_string(),
            code: EXIT_USAGE,
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Runs the chosen subcommand.
pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Clean(args) => clean::run(args),
        Command::Rules(args) => rules_cmd::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Batch(args) => batch::run(args),
    }
}

/// Cleaner options from the `--input` and `--keep` arguments.
pub fn options(input: InputArg, keep: &[KeepArg]) -> Options {
    Options {
        input: input.into(),
        keep_title: keep.contains(&KeepArg::Title),
        keep_markdown: keep.contains(&KeepArg::Markdown),
    }
}

/// Builds the rule set from the built-in rules, `--rules` directories and `--disable` flags.
pub fn rule_set(args: &RuleArgs) -> Result<RuleSet, Failure> {
    let mut builder = RuleSet::builder();
    for dir in &args.rules {
        builder = builder.dir(dir).map_err(Failure::usage)?;
    }
    for key in &args.disable {
        builder = builder.disable(key);
    }
    builder.build().map_err(Failure::usage)
}

/// Builds a cleaner from rule arguments and options.
pub fn cleaner(args: &RuleArgs, options: Options) -> Result<Cleaner, Failure> {
    Ok(Cleaner::with_rules(rule_set(args)?, options))
}

/// Writes to standard output; a closed pipe (`newsclean … | head`) ends the program quietly.
pub fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure::input(format!("writing standard output: {e}"))),
    }
}
