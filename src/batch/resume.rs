//! `--resume`: what an earlier run over the same output directory already did.
//!
//! An input is complete when the report's last line for its path has no error and every output
//! the current options ask for exists. Outputs are renamed into place before their report line is
//! written (see [`super::staging`]), so such outputs are whole. Everything else is done again:
//! inputs the earlier run did not reach, inputs it was cleaning when it was killed (their outputs
//! may exist, but have no report line), inputs that failed, and inputs whose outputs are missing
//! or of another format.
//!
//! A resumed run appends its lines to the report, then rewrites it in input order with one line
//! per input (the latest), so that a finished run leaves the same report however many times it was
//! interrupted. A report line cut short by a kill is dropped when the report is read.

use std::collections::HashMap;
use std::fs::{self, OpenOptions};
use std::io;
use std::path::Path;

use serde::Deserialize;

use super::discover::Input;
use super::report::REPORT_FILE;
use super::staging::Staging;

/// What earlier runs said about each input path: whether it was cleaned (their latest line).
#[derive(Debug, Default)]
pub struct Previous {
    cleaned: HashMap<String, bool>,
}

/// The fields of a report line that resuming needs.
#[derive(Deserialize)]
struct Fields {
    path: String,
    #[serde(default)]
    error: Option<serde_json::Value>,
}

impl Previous {
    /// Reads the report in `out`, if any, and cuts off a last line left unfinished.
    pub fn load(out: &Path) -> io::Result<Previous> {
        let path = out.join(REPORT_FILE);
        let mut text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Previous::default()),
            Err(e) => return Err(e),
        };
        let whole = text.rfind('\n').map_or(0, |i| i + 1);
        if whole < text.len() {
            OpenOptions::new()
                .write(true)
                .open(&path)?
                .set_len(whole as u64)?;
            text.truncate(whole);
        }
        let cleaned = latest_lines(&text)
            .into_iter()
            .map(|(path, (_, ok))| (path, ok))
            .collect();
        Ok(Previous { cleaned })
    }

    /// Whether `input` was cleaned by an earlier run and `outputs` are all there.
    pub fn is_complete(&self, input: &Input, outputs: &[&Path]) -> bool {
        self.cleaned
            .get(&*input.path.to_string_lossy())
            .is_some_and(|&ok| ok)
            && outputs.iter().all(|output| output.is_file())
    }
}

/// Rewrites the report in `out` in the order of `inputs`, keeping the latest line of each, and
/// dropping lines about paths that are no longer inputs.
pub fn compact(out: &Path, staging: &Staging, inputs: &[Input]) -> io::Result<()> {
    let path = out.join(REPORT_FILE);
    let report = fs::read_to_string(&path)?;
    let latest = latest_lines(&report);
    let mut text = String::new();
    for input in inputs {
        if let Some((line, _)) = latest.get(&*input.path.to_string_lossy()) {
            text.push_str(line);
            text.push('\n');
        }
    }
    staging.write(&path, text.as_bytes())
}

/// The last line about each path in a report, and whether it says the input was cleaned.
/// Lines that are not report lines are ignored.
fn latest_lines(report: &str) -> HashMap<String, (&str, bool)> {
    let mut latest = HashMap::new();
    for line in report.lines() {
        if let Ok(fields) = serde_json::from_str::<Fields>(line) {
            let ok = fields.error.is_none_or(|e| e.is_null());
            latest.insert(fields.path, (line, ok));
        }
    }
    latest
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn input(path: &str) -> Input {
        Input {
            path: PathBuf::from(path),
            stem: Ok(PathBuf::from("x")),
        }
    }

    #[test]
    fn the_latest_line_counts_and_a_cut_line_is_dropped() {
        let out = tempfile::tempdir().unwrap();
        let report = out.path().join(REPORT_FILE);
        let existing = out.path().join("a.txt");
        fs::write(&existing, "text").unwrap();
        fs::write(
            &report,
            "{\"path\":\"a\",\"error\":\"boom\"}\n{\"path\":\"a\",\"ms\":1}\n\
             {\"path\":\"b\",\"error\":\"boom\"}\n{\"path\":\"c\",\"ms\"",
        )
        .unwrap();
        let previous = Previous::load(out.path()).unwrap();
        assert!(previous.is_complete(&input("a"), &[&existing]));
        assert!(!previous.is_complete(&input("a"), &[&out.path().join("a.diff")]));
        assert!(!previous.is_complete(&input("b"), &[&existing]));
        assert!(!previous.is_complete(&input("c"), &[&existing]));
        assert!(
            fs::read_to_string(&report)
                .unwrap()
                .ends_with("\"boom\"}\n")
        );
    }

    #[test]
    fn compaction_keeps_one_line_per_input_in_input_order() {
        let out = tempfile::tempdir().unwrap();
        fs::write(
            out.path().join(REPORT_FILE),
            "{\"path\":\"b\",\"error\":\"x\"}\n{\"path\":\"a\"}\n{\"path\":\"gone\"}\n{\"path\":\"b\"}\n",
        )
        .unwrap();
        let staging = Staging::open(out.path()).unwrap();
        compact(out.path(), &staging, &[input("a"), input("b"), input("c")]).unwrap();
        staging.close().unwrap();
        assert_eq!(
            fs::read_to_string(out.path().join(REPORT_FILE)).unwrap(),
            "{\"path\":\"a\"}\n{\"path\":\"b\"}\n"
        );
    }
}
