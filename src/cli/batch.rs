//! `newsclean batch`: arguments to the library's batch runner or JSONL stream; a progress bar on a
//! terminal; failed inputs and a closing summary on standard error; exit code 3 when some inputs
//! failed.

use std::fmt;
use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use newsclean::Cleaner;
use newsclean::batch::jsonl::{self, StreamOptions};
use newsclean::batch::{self, Event, Format, Summary, read};

use super::args::{BatchArgs, FormatArg};
use super::{EXIT_PARTIAL, Failure};

pub fn run(args: BatchArgs) -> Result<ExitCode, Failure> {
    let cleaner = super::cleaner(&args.rule_args, super::options(args.input, &args.keep))?;
    let summary = match &args.jsonl {
        Some(path) => stream(&cleaner, path, &args)?,
        None => files(&cleaner, &args)?,
    };
    eprintln!("newsclean: {summary}");
    Ok(if summary.failed > 0 {
        ExitCode::from(EXIT_PARTIAL)
    } else {
        ExitCode::SUCCESS
    })
}

fn files(cleaner: &Cleaner, args: &BatchArgs) -> Result<Summary, Failure> {
    let Some(out) = &args.out else {
        return Err(Failure::usage("--out DIR is required"));
    };
    let options = batch::Options {
        out: out.clone(),
        jobs: args.jobs,
        format: match args.format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
        },
        diff: !args.no_diff,
        resume: args.resume,
        extensions: args.ext.clone(),
    };
    let bar = progress_bar();
    let summary = batch::run(cleaner, &args.inputs, &options, |event| match event {
        Event::Start { todo, .. } => bar.set_length(todo as u64),
        Event::Done(record) => {
            if let Some(error) = &record.error {
                bar.suspend(|| eprintln!("newsclean: {}: {error}", record.path));
            }
            bar.inc(1);
        }
    })
    .map_err(Failure::input)?;
    bar.finish_and_clear();
    Ok(summary)
}

/// A progress bar on standard error if it is a terminal, a silent one otherwise.
fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template(
        "{wide_bar} {pos}/{len} pages  {rate} pages/s  {elapsed_precise} (eta {eta})",
    )
    .expect("the template is valid")
    .with_key("rate", |state: &ProgressState, w: &mut dyn fmt::Write| {
        let _ = write!(w, "{:.0}", state.per_sec());
    });
    ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(style)
}

fn stream(cleaner: &Cleaner, path: &Path, args: &BatchArgs) -> Result<Summary, Failure> {
    let name = path.display();
    let input = read::open(path).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    let options = StreamOptions {
        jobs: args.jobs,
        html_field: args.html_field.clone(),
        text_field: args.text_field.clone(),
        url_field: args.url_field.clone(),
        out_field: args.out_field.clone(),
        verdicts: args.verdicts,
    };
    let result = jsonl::stream(cleaner, input, io::stdout().lock(), &options, |error| {
        eprintln!("newsclean: {name}:{}: {}", error.line, error.message)
    });
    match result {
        Ok(summary) => Ok(summary),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure::input(format!("{name}: {e}"))),
    }
}
