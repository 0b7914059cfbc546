//! `newsclean clean`: one page in, one rendering out.

use std::process::ExitCode;

use super::args::{CleanArgs, OutputArg};
use super::{Failure, input, write_stdout};

pub fn run(args: CleanArgs) -> Result<ExitCode, Failure> {
    let options = super::options(args.input, &args.keep);
    let cleaner = super::cleaner(&args.rule_args, options)?;
    let name = args.file.display().to_string();
    let bytes = input::read(&args.file).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    let outcome = match &args.url {
        Some(url) => cleaner.clean_bytes_at(&bytes, url),
        None => cleaner.clean_bytes(&bytes),
    };
    let outcome = outcome.map_err(|e| Failure::input(format!("{name}: {e}")))?;
    let rendered = match args.output {
        OutputArg::Text => outcome.text(),
        OutputArg::Json => {
            let mut json =
                serde_json::to_string_pretty(&outcome.to_json()).expect("JSON values serialize");
            json.push('\n');
            json
        }
        OutputArg::Diff => outcome.diff(&name, &format!("{name} (cleaned)")),
        OutputArg::Explain => outcome.explain(),
    };
    write_stdout(&rendered)?;
    Ok(ExitCode::SUCCESS)
}
