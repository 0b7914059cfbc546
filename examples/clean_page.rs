//! Cleans one page with the library: the kept text, then every dropped block with its category
//! and the rules that fired on it.
//!
//! ```sh
//! cargo run --example clean_page -- page.html   # any page, HTML or plain text, any encoding
//! cargo run --example clean_page                # a bundled Korean news page
//! ```

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsclean::{Cleaner, Label};

/// The page cleaned when no path is given: a Korean news article, one block per line.
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seeds/002_14ed7258c70085f9.txt"
);

fn main() -> ExitCode {
    let path: PathBuf = std::env::args_os()
        .nth(1)
        .map_or_else(|| FIXTURE.into(), PathBuf::from);
    match run(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clean_page: {}: {message}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn run(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;

    // Compiling the rules is the expensive part: build the cleaner once and clean every page
    // with it (it is `Send + Sync`, so threads can share it).
    let cleaner = Cleaner::new().map_err(|e| e.to_string())?;

    // From raw bytes the encoding is detected and HTML told from plain text; `clean_html` and
    // `clean_text` take a `&str` when you already know.
    let outcome = cleaner.clean_bytes(&bytes).map_err(|e| e.to_string())?;

    let mut report = String::new();
    report.push_str(&format!(
        "# {} ({:?}, {}, language: {})\n",
        path.display(),
        outcome.input_kind(),
        outcome.encoding(),
        outcome.language().unwrap_or("unknown")
    ));
    if let Some(title) = outcome.title() {
        report.push_str(&format!("# title: {title}\n"));
    }

    report.push_str("\n## Kept\n\n");
    report.push_str(&outcome.text());

    report.push_str("\n## Dropped\n\n");
    for block in outcome.blocks() {
        if block.verdict.label != Label::Chrome {
            continue;
        }
        // Every rule that fired, in order, with its weight and what it matched.
        let fired: Vec<String> = block
            .verdict
            .reasons
            .iter()
            .map(|reason| {
                let id = &outcome.rule(reason).id;
                match outcome.matched(block.block, reason) {
                    Some(matched) => format!("{id}({:+}) [{matched}]", reason.weight),
                    None => format!("{id}({:+})", reason.weight),
                }
            })
            .collect();
        report.push_str(&format!(
            "line {:>3}  {:<9} {:>+6.1}  {}\n           {}\n",
            block.line,
            block.verdict.category.name(),
            block.verdict.score,
            shorten(block.text, 60),
            fired.join(", ")
        ));
    }

    let stats = outcome.stats();
    let by_category: Vec<String> = stats
        .dropped_by_category
        .iter()
        .map(|(category, n)| format!("{} {n}", category.name()))
        .collect();
    report.push_str(&format!(
        "\n{} blocks: {} kept, {} dropped ({})\n",
        stats.blocks,
        stats.kept,
        stats.dropped,
        by_category.join(", ")
    ));

    // A closed pipe (`… | head`) is not an error.
    match io::stdout().lock().write_all(report.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// The first `max` characters of `text`, with an ellipsis if it was longer.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
