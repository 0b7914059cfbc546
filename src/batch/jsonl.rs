//! The JSONL stream: one JSON record per line in, the same record per line out, in input order,
//! with the cleaned text added. This is how newsclean runs under an engine that pipes records
//! through a command (Spark's `rdd.pipe`, Hadoop streaming) or in any shell pipeline.
//!
//! A record holds its page in a string field: `html` (cleaned as HTML) or `text` (cleaned as
//! plain text, one block per line); both names can be changed, and `html` wins when both are
//! there. A string field `url` (its name can be changed too) gives the page's URL, for rules
//! scoped to sites (see [`crate::site`]). The output record is the input line itself, byte for
//! byte, with the cleaned text added as a last field (`cleaned` by default) and, when asked for,
//! the verdicts of every block (`verdicts`, as `newsclean clean --output json` prints them). The
//! other fields are not parsed into values and written back, only skipped over, so they come out
//! exactly as they came in: same order, same numbers, same escapes. If a record already has a field of the added name, the added
//! one comes last (most JSON readers keep the last).
//!
//! A line that is not a JSON object, or a record without a page, is not dropped: its output line
//! carries `"error": {"line": N, "message": "…"}` (N is the 1-based line number in the input), after
//! the record's own fields when it is an object, alone otherwise; so output line k is about input
//! record k. Blank lines are skipped.
//!
//! Records are cleaned in parallel, a bounded window of them at a time (see [`super::ordered`]):
//! memory depends on the largest records, never on the length of the stream.

use std::fmt;
use std::io::{self, BufRead, Write};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

use super::job::isolate;
use super::ordered;
use super::report::Summary;
use crate::cleaner::{Cleaner, InputMode};
use crate::outcome::Stats;

/// How many records may be in flight per thread.
const WINDOW_PER_THREAD: usize = 8;

/// Options of a stream.
#[derive(Clone, Debug)]
pub struct StreamOptions {
    /// Threads (0: one per core).
    pub jobs: usize,
    /// The field holding an HTML page.
    pub html_field: String,
    /// The field holding a plain-text page.
    pub text_field: String,
    /// The field holding the page's URL, for rules scoped to sites (see [`crate::site`]).
    pub url_field: String,
    /// The field added with the cleaned text.
    pub out_field: String,
    /// Also add the verdicts of every block, in field `verdicts`.
    pub verdicts: bool,
}

impl Default for StreamOptions {
    fn default() -> Self {
        StreamOptions {
            jobs: 0,
            html_field: "html".to_string(),
            text_field: "text".to_string(),
            url_field: "url".to_string(),
            out_field: "cleaned".to_string(),
            verdicts: false,
        }
    }
}

/// A record that could not be cleaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line number in the input.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// Cleans the records of `input` and writes them to `output`, calling `on_error` for each record
/// that could not be cleaned. Fails only if reading `input` or writing `output` fails.
pub fn stream(
    cleaner: &Cleaner,
    input: impl BufRead + Send,
    mut output: impl Write,
    options: &StreamOptions,
    mut on_error: impl FnMut(&RecordError),
) -> io::Result<Summary> {
    let started = std::time::Instant::now();
    let pool = ordered::pool(options.jobs)?;
    let window = WINDOW_PER_THREAD * pool.current_num_threads();
    let mut summary = Summary::default();
    ordered::for_each_ordered(
        &pool,
        Lines::new(input),
        window,
        |(line, raw)| raw.map(|raw| clean_record(cleaner, options, line, &raw)),
        |cleaned| {
            let cleaned = cleaned?;
            output.write_all(&cleaned.line).map_err(writing)?;
            summary.inputs += 1;
            summary.add(cleaned.bytes, cleaned.result.as_ref().ok());
            if let Err(error) = &cleaned.result {
                on_error(error);
            }
            Ok::<_, io::Error>(())
        },
    )?;
    output.flush().map_err(writing)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// An output error, saying so (and keeping its kind: a closed pipe stays a closed pipe).
fn writing(error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("writing the output: {error}"))
}

/// One record, cleaned: the output line and what became of the page.
struct Cleaned {
    line: Vec<u8>,
    bytes: u64,
    result: Result<Stats, RecordError>,
}

fn clean_record(cleaner: &Cleaner, options: &StreamOptions, line: u64, raw: &[u8]) -> Cleaned {
    let record = raw.trim_ascii();
    let fields = PageFields {
        html: &options.html_field,
        text: &options.text_field,
        url: &options.url_field,
    };
    let parsed = fields.deserialize(&mut serde_json::Deserializer::from_slice(record));
    let (keys, result) = match parsed {
        Ok(found) => (
            Some(found.keys),
            isolate(|| add_cleaned(cleaner, options, record, &found)),
        ),
        Err(error) if error.is_data() => (None, Err(format!("invalid record: {error}"))),
        Err(error) => (None, Err(format!("invalid JSON: {error}"))),
    };
    let bytes = raw.len() as u64;
    match result {
        Ok((line, stats)) => Cleaned {
            line,
            bytes,
            result: Ok(stats),
        },
        Err(message) => {
            let error = RecordError { line, message };
            Cleaned {
                line: add_error(record, keys, &error),
                bytes,
                result: Err(error),
            }
        }
    }
}

/// The record with the cleaned text (and the verdicts) added, or why there is no page in it.
fn add_cleaned(
    cleaner: &Cleaner,
    options: &StreamOptions,
    record: &[u8],
    found: &Found,
) -> Result<(Vec<u8>, Stats), String> {
    let url = found.url.as_deref();
    let outcome = match (&found.html, &found.text) {
        (Some(html), _) => cleaner.clean_as(html, InputMode::Html, url),
        (None, Some(text)) => cleaner.clean_as(text, InputMode::Text, url),
        (None, None) => {
            return Err(format!(
                "no `{}` or `{}` string field",
                options.html_field, options.text_field
            ));
        }
    };
    let text = outcome.text();
    let mut line = Vec::with_capacity(record.len() + text.len() + 64);
    open_object(&mut line, record, found.keys);
    push_field(&mut line, &options.out_field, &text);
    if options.verdicts {
        line.push(b',');
        push_field(&mut line, "verdicts", &outcome.to_json());
    }
    line.extend_from_slice(b"}\n");
    Ok((line, outcome.stats()))
}

/// The output line of a record that failed: its own fields, if it is an object, then the error.
fn add_error(record: &[u8], keys: Option<usize>, error: &RecordError) -> Vec<u8> {
    let mut line = Vec::with_capacity(record.len() + error.message.len() + 48);
    match keys {
        Some(keys) => open_object(&mut line, record, keys),
        None => line.push(b'{'),
    }
    let value = serde_json::json!({ "line": error.line, "message": error.message });
    push_field(&mut line, "error", &value);
    line.extend_from_slice(b"}\n");
    line
}

/// Writes `record` without its closing brace, and a comma if it has fields.
fn open_object(line: &mut Vec<u8>, record: &[u8], keys: usize) {
    let body = record.strip_suffix(b"}").unwrap_or(record);
    line.extend_from_slice(body);
    if keys > 0 {
        line.push(b',');
    }
}

fn push_field(line: &mut Vec<u8>, name: &str, value: &impl serde::Serialize) {
    serde_json::to_writer(&mut *line, name).expect("strings serialize");
    line.push(b':');
    serde_json::to_writer(&mut *line, value).expect("JSON values serialize");
}

/// The page fields of a record, and how many fields it has; every other value is skipped over
/// without being built.
struct PageFields<'f> {
    html: &'f str,
    text: &'f str,
    url: &'f str,
}

#[derive(Default)]
struct Found {
    html: Option<String>,
    text: Option<String>,
    /// The page's URL, if the record gives it as a string.
    url: Option<String>,
    keys: usize,
}

impl<'de> DeserializeSeed<'de> for PageFields<'_> {
    type Value = Found;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PageFields<'_> {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        let mut found = Found::default();
        while let Some(key) = map.next_key::<String>()? {
            found.keys += 1;
            if key == self.html {
                found.html = map.next_value()?;
            } else if key == self.text {
                found.text = map.next_value()?;
            } else if key == self.url {
                found.url = map
                    .next_value::<serde_json::Value>()?
                    .as_str()
                    .map(str::to_string);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// The lines of a stream with their 1-based numbers, blank lines left out; a read error ends it.
struct Lines<R> {
    reader: R,
    number: u64,
    done: bool,
}

impl<R> Lines<R> {
    fn new(reader: R) -> Self {
        Lines {
            reader,
            number: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = (u64, io::Result<Vec<u8>>);

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut line = Vec::new();
            self.number += 1;
            match self.reader.read_until(b'\n', &mut line) {
                Ok(0) => self.done = true,
                Ok(_) if line.trim_ascii().is_empty() => {}
                Ok(_) => return Some((self.number, Ok(line))),
                Err(error) => {
                    self.done = true;
                    let message = format!("reading line {}: {error}", self.number);
                    return Some((self.number, Err(io::Error::new(error.kind(), message))));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "The council approved the new budget on Tuesday after a debate that \
        lasted for most of the night.\\nMembers said the plan would fund two new schools and \
        repair the old bridge over the river.\\nShare on Facebook";

    /// The output lines, parsed and raw, and the errors reported.
    fn run(
        input: &str,
        options: &StreamOptions,
    ) -> (Vec<serde_json::Value>, String, Vec<RecordError>) {
        let cleaner = Cleaner::new().unwrap();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let summary = stream(&cleaner, input.as_bytes(), &mut out, options, |e| {
            errors.push(e.clone())
        })
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(summary.inputs, lines.len());
        assert_eq!(summary.failed, errors.len());
        (lines, out, errors)
    }

    #[test]
    fn records_keep_their_fields_and_order_and_gain_the_cleaned_text() {
        let mut input = String::new();
        for id in 0..50 {
            input.push_str(&format!(
                "{{\"id\":{id},\"big\":123456789012345678901234567890,\"text\":\"{ARTICLE}\"}}\n"
            ));
        }
        let (lines, out, errors) = run(&input, &StreamOptions::default());
        assert!(errors.is_empty());
        assert_eq!(lines.len(), 50);
        for (id, line) in lines.iter().enumerate() {
            assert_eq!(line["id"], id);
            let cleaned = line["cleaned"].as_str().unwrap();
            assert!(cleaned.starts_with("The council approved"), "{cleaned}");
            assert!(!cleaned.contains("Share on Facebook"));
        }
        let first_input = input.lines().next().unwrap();
        let first_output = out.lines().next().unwrap();
        assert!(
            first_output.starts_with(first_input.strip_suffix('}').unwrap()),
            "other fields pass through byte for byte: {first_output}"
        );
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number_and_the_rest_goes_on() {
        let input = format!(
            "{{\"text\":\"{ARTICLE}\"}}\n\n{{\"text\": oops\n{{\"id\":3}}\n[1]\n{{\"html\":\"<p>{ARTICLE}</p>\"}}\n"
        );
        let (lines, _, errors) = run(&input, &StreamOptions::default());
        assert_eq!(lines.len(), 5);
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            [3, 4, 5],
            "blank line 2 is skipped but counted"
        );
        assert_eq!(lines[1]["error"]["line"], 3);
        assert_eq!(lines[2]["id"], 3, "an object keeps its fields");
        assert!(
            lines[2]["error"]["message"]
                .as_str()
                .unwrap()
                .contains("`html`")
        );
        assert!(lines[4]["cleaned"].as_str().unwrap().contains("council"));
    }

    #[test]
    fn field_names_are_configurable_and_verdicts_optional() {
        let options = StreamOptions {
            text_field: "body".into(),
            out_field: "clean".into(),
            verdicts: true,
            ..StreamOptions::default()
        };
        let (lines, _, errors) = run(&format!("{{\"body\":\"{ARTICLE}\"}}\n{{}}\n"), &options);
        assert!(lines[0]["clean"].as_str().unwrap().contains("council"));
        assert!(lines[0]["verdicts"]["blocks"].as_array().unwrap().len() >= 3);
        assert_eq!(errors.len(), 1);
        assert_eq!(lines[1]["error"]["line"], 2);
    }
}
