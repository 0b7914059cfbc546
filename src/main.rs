//! The `newsclean` command: parses arguments, runs a subcommand, maps failures to exit codes.
//!
//! Exit codes: 0 success; 1 an input could not be read or is not text; 2 bad usage or a broken
//! rule file; 3 (`batch`) some inputs failed while others were cleaned.

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc serves the many small allocations of HTML parsing faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("newsclean: {failure}");
            failure.exit_code()
        }
    }
}
