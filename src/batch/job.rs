//! One input of a batch: read it, clean it, write its outputs, and say how it went. Whatever goes
//! wrong (an unreadable file, bytes that are not text, an empty file, an output that cannot be
//! written, even a panic inside the cleaner) becomes this input's error and touches nothing else.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

use super::discover::Input;
use super::report::{PageReport, Record, millis};
use super::staging::Staging;
use super::{Format, Options, read};
use crate::cleaner::Cleaner;

/// What every input of a run shares.
pub struct Job<'a> {
    pub cleaner: &'a Cleaner,
    pub staging: &'a Staging,
    pub options: &'a Options,
}

impl Job<'_> {
    /// Processes one input.
    pub fn run(&self, input: &Input) -> Record {
        let start = Instant::now();
        let mut bytes = 0;
        let result = match &input.stem {
            Ok(stem) => isolate(|| self.clean(&input.path, stem, &mut bytes)),
            Err(error) => Err(error.clone()),
        };
        Record {
            path: input.path.to_string_lossy().into_owned(),
            output: input
                .stem
                .as_ref()
                .ok()
                .map(|stem| self.options.format.file(stem).display().to_string()),
            bytes: bytes as u64,
            ms: millis(start.elapsed()),
            error: result.as_ref().err().cloned(),
            page: result.ok(),
        }
    }

    fn clean(&self, path: &Path, stem: &Path, bytes: &mut usize) -> Result<PageReport, String> {
        let data = read::read(path).map_err(|e| e.to_string())?;
        *bytes = data.len();
        if data.is_empty() {
            return Err("input is empty".to_string());
        }
        let outcome = self.cleaner.clean_bytes(&data).map_err(|e| e.to_string())?;
        let (main, diff) = self.options.outputs(stem);
        let rendered = match self.options.format {
            Format::Text => outcome.text(),
            Format::Json => {
                let mut json = serde_json::to_string(&outcome.to_json()).expect("JSON serializes");
                json.push('\n');
                json
            }
        };
        self.write(&main, &rendered)?;
        if let Some(diff) = diff {
            let name = self.options.format.file(stem);
            let text = outcome.diff(&path.to_string_lossy(), &name.to_string_lossy());
            self.write(&diff, &text)?;
        }
        Ok(PageReport::new(&outcome))
    }

    fn write(&self, dest: &Path, text: &str) -> Result<(), String> {
        self.staging
            .write(dest, text.as_bytes())
            .map_err(|e| format!("writing {}: {e}", dest.display()))
    }
}

/// Runs `work`, turning a panic into an error.
pub fn isolate<T>(work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(work))
        .unwrap_or_else(|payload| Err(format!("panic while cleaning: {}", message(&*payload))))
}

fn message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown cause")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error() {
        let result: Result<(), String> = isolate(|| panic!("index out of bounds"));
        assert_eq!(
            result,
            Err("panic while cleaning: index out of bounds".to_string())
        );
        let code = 7;
        let result: Result<(), String> = isolate(|| panic!("code {code}"));
        assert_eq!(result, Err("panic while cleaning: code 7".to_string()));
        assert_eq!(isolate(|| Ok::<_, String>(1)), Ok(1));
    }
}
