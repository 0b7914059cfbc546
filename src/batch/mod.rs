//! Batch cleaning: many pages, in parallel, with outputs on disk and a report; or a stream of JSON
//! records, for pipelines.
//!
//! [`run`] cleans the files under some directories into an output directory: for an input
//! `ROOT/a/b.html`, the cleaned text in `OUT/a/b.txt` (or the JSON of every verdict in
//! `OUT/a/b.json`), the unified diff of what was dropped in `OUT/a/b.diff`, and one line in
//! `OUT/report.jsonl`. [`jsonl::stream`] cleans a stream of JSON records, one per line, and
//! writes them back with the cleaned text added.
//!
//! Both share one [`Cleaner`] (its rules compiled once) between the threads of a rayon pool, and
//! produce their results in input order: outputs do not depend on the number of threads.
//!
//! The parts: [`discover`] finds the inputs, [`ordered`] runs the work in parallel and hands the
//! results on in order, `job` cleans one input and turns any failure into its error,
//! [`staging`] writes outputs atomically, [`report`] holds the report line and the totals,
//! [`resume`] reads what an earlier run did, [`read`] reads (and gunzips) input files.
//!
//! ```no_run
//! use newsclean::Cleaner;
//! use newsclean::batch::{self, Event, Options};
//!
//! let cleaner = Cleaner::new()?;
//! let options = Options::new("cleaned");
//! let summary = batch::run(&cleaner, &["pages".into()], &options, |event| {
//!     if let Event::Done(record) = event
//!         && let Some(error) = &record.error
//!     {
//!         eprintln!("{}: {error}", record.path);
//!     }
//! })?;
//! println!("{summary}");
//! # Ok::<(), newsclean::Error>(())
//! ```

pub mod discover;
mod job;
pub mod jsonl;
pub mod ordered;
pub mod read;
pub mod report;
pub mod resume;
pub mod staging;

use std::path::{Path, PathBuf};
use std::time::Instant;

pub use discover::Input;
pub use report::{Record, Summary};

use crate::cleaner::Cleaner;
use crate::error::{Error, Result};
use job::Job;
use report::ReportWriter;
use resume::Previous;
use staging::Staging;

/// How many inputs may be in flight per thread (see [`ordered`]).
const WINDOW_PER_THREAD: usize = 32;

/// What a batch writes for each page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The cleaned text (`.txt`).
    #[default]
    Text,
    /// Every block with its verdict, the metadata and the text, as one line of JSON (`.json`).
    Json,
}

impl Format {
    /// The page's output file for output stem `stem`.
    pub fn file(self, stem: &Path) -> PathBuf {
        with_suffix(
            stem,
            match self {
                Format::Text => ".txt",
                Format::Json => ".json",
            },
        )
    }
}

/// `stem` with `suffix` appended (`a/b.c` + `.txt` is `a/b.c.txt`).
fn with_suffix(stem: &Path, suffix: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Options of a batch run.
#[derive(Clone, Debug)]
pub struct Options {
    /// The output directory.
    pub out: PathBuf,
    /// Threads (0: one per core).
    pub jobs: usize,
    /// What to write for each page.
    pub format: Format,
    /// Write the unified diff of each page.
    pub diff: bool,
    /// Skip the inputs an earlier run over `out` completed (see [`resume`]).
    pub resume: bool,
    /// File extensions taken under directories besides `html`, `htm` and `txt`.
    pub extensions: Vec<String>,
}

impl Options {
    /// Defaults: all cores, text and diff, no resuming, default extensions.
    pub fn new(out: impl Into<PathBuf>) -> Self {
        Options {
            out: out.into(),
            jobs: 0,
            format: Format::Text,
            diff: true,
            resume: false,
            extensions: Vec::new(),
        }
    }

    /// The paths of the page output and of the diff (if asked for) for output stem `stem`.
    pub fn outputs(&self, stem: &Path) -> (PathBuf, Option<PathBuf>) {
        let stem = self.out.join(stem);
        let diff = self.diff.then(|| with_suffix(&stem, ".diff"));
        (self.format.file(&stem), diff)
    }
}

/// Progress of a run, as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// The inputs are known: how many will be processed, and how many were already complete.
    Start {
        /// Inputs to process.
        todo: usize,
        /// Inputs skipped as complete.
        skipped: usize,
    },
    /// One input is done (cleaned or failed); records come in input order.
    Done(&'a Record),
}

/// Cleans the pages under `roots` (files or directories) into `options.out`. Fails only when the
/// batch itself cannot go on (the output directory or the report cannot be written); a failing
/// input is counted, reported, and passed over.
pub fn run(
    cleaner: &Cleaner,
    roots: &[PathBuf],
    options: &Options,
    mut observe: impl FnMut(Event<'_>),
) -> Result<Summary> {
    let started = Instant::now();
    let out = &options.out;
    let staging = Staging::open(out)?;
    let inputs = discover::discover(roots, &options.extensions, Some(out));
    let report_error = |e| Error::io(out.join(report::REPORT_FILE), e);
    let previous = if options.resume {
        Previous::load(out).map_err(report_error)?
    } else {
        Previous::default()
    };
    let todo: Vec<&Input> = inputs
        .iter()
        .filter(|input| !is_complete(&previous, input, options))
        .collect();
    let mut summary = Summary {
        inputs: inputs.len(),
        skipped: inputs.len() - todo.len(),
        ..Summary::default()
    };
    observe(Event::Start {
        todo: todo.len(),
        skipped: summary.skipped,
    });
    let mut report = ReportWriter::open(out, options.resume).map_err(report_error)?;
    let pool = ordered::pool(options.jobs).map_err(|e| Error::io(out, e))?;
    let job = Job {
        cleaner,
        staging: &staging,
        options,
    };
    let window = WINDOW_PER_THREAD * pool.current_num_threads();
    ordered::for_each_ordered(
        &pool,
        todo.into_iter(),
        window,
        |input| job.run(input),
        |record| {
            report.append(&record)?;
            summary.add_record(&record);
            observe(Event::Done(&record));
            Ok(())
        },
    )
    .map_err(report_error)?;
    if options.resume {
        resume::compact(out, &staging, &inputs).map_err(report_error)?;
    }
    staging
        .close()
        .map_err(|e| Error::io(out.join(staging::STAGING_DIR), e))?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Whether an earlier run completed `input` with the outputs `options` ask for.
fn is_complete(previous: &Previous, input: &Input, options: &Options) -> bool {
    let Ok(stem) = &input.stem else {
        return false;
    };
    let (main, diff) = options.outputs(stem);
    let outputs: Vec<&Path> = std::iter::once(main.as_path())
        .chain(diff.as_deref())
        .collect();
    previous.is_complete(input, &outputs)
}
