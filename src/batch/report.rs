//! The report: one JSON line per input in `OUT/report.jsonl`, and the totals of a run.
//!
//! A line holds the input's path, its size, what became of its blocks, the charset and language
//! detected, the title, byline, date and site name found, the time it took, and the error if it
//! failed:
//!
//! ```json
//! {"path":"pages/a/b.html","output":"a/b.txt","bytes":48213,"input":"html","charset":"UTF-8",
//!  "language":"en","blocks":212,"kept":31,"dropped":181,"dropped_by_category":{"nav":120,…},
//!  "ms":4.113}
//! {"path":"pages/a/c.html","output":"a/c.txt","bytes":0,"ms":0.021,"error":"input is empty"}
//! ```
//!
//! Lines are written in input order, one `write` each, after the input's outputs are in place: a
//! line in the report means the outputs it names are complete.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use crate::outcome::{Outcome, Stats};
use crate::page::{InputKind, Metadata};

/// File name of the report in the output directory.
pub const REPORT_FILE: &str = "report.jsonl";

/// What became of one input.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Record {
    /// The input, as found.
    pub path: String,
    /// The main output, relative to the output directory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Size of the input, after gunzipping.
    pub bytes: u64,
    /// What the cleaner found, for an input that was cleaned.
    #[serde(flatten)]
    pub page: Option<PageReport>,
    /// Milliseconds spent on the input: reading, cleaning, writing its outputs.
    pub ms: f64,
    /// Why the input failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What the cleaner found in one page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageReport {
    /// HTML or plain text.
    pub input: InputKind,
    /// The charset the bytes were read as.
    pub charset: &'static str,
    /// The page's main language (ISO 639-1), when known.
    pub language: Option<String>,
    /// Title, byline, date and site name, when found.
    #[serde(flatten)]
    pub meta: Metadata,
    /// Blocks kept and dropped, with the dropped ones per category.
    #[serde(flatten)]
    pub stats: Stats,
}

impl PageReport {
    /// The report on a cleaned page.
    pub fn new(outcome: &Outcome<'_>) -> Self {
        PageReport {
            input: outcome.input_kind(),
            charset: outcome.encoding(),
            language: outcome.language().map(str::to_string),
            meta: outcome.metadata().clone(),
            stats: outcome.stats(),
        }
    }
}

impl Record {
    /// Whether the input was cleaned.
    pub fn is_ok(&self) -> bool {
        self.error.is_none()
    }

    /// The record as one line of JSON, with its newline.
    pub fn to_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("records serialize");
        line.push('\n');
        line
    }
}

/// Milliseconds in `elapsed`, to the microsecond.
pub fn millis(elapsed: Duration) -> f64 {
    (elapsed.as_secs_f64() * 1e6).round() / 1e3
}

/// The report file, open for appending lines.
#[derive(Debug)]
pub struct ReportWriter {
    file: File,
}

impl ReportWriter {
    /// Opens the report in `out`: emptied for a new run, kept and appended to when resuming.
    pub fn open(out: &Path, append: bool) -> io::Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .append(append)
            .write(true)
            .truncate(!append)
            .open(out.join(REPORT_FILE))?;
        Ok(ReportWriter { file })
    }

    /// Appends one record, in one write.
    pub fn append(&mut self, record: &Record) -> io::Result<()> {
        self.file.write_all(record.to_line().as_bytes())
    }
}

/// The totals of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Inputs found.
    pub inputs: usize,
    /// Inputs cleaned in this run.
    pub ok: usize,
    /// Inputs that failed in this run.
    pub failed: usize,
    /// Inputs skipped because an earlier run completed them (`--resume`).
    pub skipped: usize,
    /// Bytes of the inputs processed in this run.
    pub bytes: u64,
    /// Blocks kept, over the inputs cleaned in this run.
    pub kept: usize,
    /// Blocks dropped, over the inputs cleaned in this run.
    pub dropped: usize,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

impl Summary {
    /// Counts one input: cleaned, with its stats, or failed.
    pub fn add(&mut self, bytes: u64, stats: Option<&Stats>) {
        self.bytes += bytes;
        match stats {
            Some(stats) => {
                self.ok += 1;
                self.kept += stats.kept;
                self.dropped += stats.dropped;
            }
            None => self.failed += 1,
        }
    }

    /// Counts one record.
    pub fn add_record(&mut self, record: &Record) {
        let stats = record.page.as_ref().filter(|_| record.is_ok());
        self.add(record.bytes, stats.map(|page| &page.stats));
    }

    /// Input megabytes (10⁶ bytes) per second of wall-clock time.
    pub fn megabytes_per_second(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

impl fmt::Display for Summary {
    /// `181 inputs: 180 ok, 1 failed, 0 skipped; 31.2 MB in 1.20 s (26.0 MB/s); blocks kept
    /// 3012, dropped 20934`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} inputs: {} ok, {} failed, {} skipped; {:.1} MB in {:.2} s ({:.1} MB/s); \
             blocks kept {}, dropped {}",
            self.inputs,
            self.ok,
            self.failed,
            self.skipped,
            self.bytes as f64 / 1e6,
            self.elapsed.as_secs_f64(),
            self.megabytes_per_second(),
            self.kept,
            self.dropped
        )
    }
}
