//! `newsclean eval`: cleans a directory of pages and scores the outputs against gold texts or
//! line labels (see `newsclean::eval` and docs/eval.md).

use std::process::ExitCode;

use newsclean::Options;
use newsclean::eval::runner;

use super::args::{EvalArgs, InputArg};
use super::{Failure, write_stdout};

pub fn run(args: EvalArgs) -> Result<ExitCode, Failure> {
    // Labels are per line of a plain-text page: read it as such unless told otherwise.
    let default = if args.labels {
        InputArg::Text
    } else {
        InputArg::Auto
    };
    let options = Options {
        input: args.input.unwrap_or(default).into(),
        ..Options::default()
    };
    let cleaner = super::cleaner(&args.rule_args, options)?;
    let out = args.out.as_deref();
    let rendered = match &args.gold {
        Some(gold) => {
            let report = runner::gold(&cleaner, &args.pages, gold, out).map_err(Failure::input)?;
            if args.json {
                pretty(&report.to_json())
            } else {
                report.render(args.worst)
            }
        }
        None => {
            let report = runner::labels(&cleaner, &args.pages, out).map_err(Failure::input)?;
            if args.json {
                pretty(&report.to_json())
            } else {
                report.render(args.worst)
            }
        }
    };
    write_stdout(&rendered)?;
    Ok(ExitCode::SUCCESS)
}

fn pretty(json: &serde_json::Value) -> String {
    let mut rendered = serde_json::to_string_pretty(json).expect("JSON values serialize");
    rendered.push('\n');
    rendered
}
