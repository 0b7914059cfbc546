//! The quality gate: cleans the labelled fixtures (and the dev corpus, when it is there) and fails
//! when a figure falls below its floor in `tests/quality-floors.toml`.
//!
//! - `seeds`: `tests/fixtures/seeds`, line labels: pooled F1 and recall, and the recall of page 003;
//! - `lang`: `tests/fixtures/lang`, line labels: the F1 of each language's page;
//! - `scrapinghub-html` and `scrapinghub-text`: the ScrapingHub F1 (precision and recall are
//!   printed) of `html/` and of `text/` against `gold/`, in `../shared/corpus/scrapinghub` or in the directory
//!   `NEWSCLEAN_CORPUS` names. Skipped, with a note, when the corpus is absent.
//!
//! `cargo test --release --test quality -- --nocapture` prints every figure measured.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;

use newsclean::eval::{Prf, runner};
use newsclean::{Cleaner, InputMode, Options, RuleSet};

/// Figures measured for one suite, by name.
type Figures = BTreeMap<String, f64>;

const FLOORS: &str = "tests/quality-floors.toml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cleaner(input: InputMode) -> Cleaner {
    let rules = RuleSet::builtin().expect("the built-in rules compile");
    Cleaner::with_rules(
        rules,
        Options {
            input,
            ..Options::default()
        },
    )
}

/// The floors of every suite, as `suite → figure → floor`; nested keys are joined with dots.
fn floors() -> BTreeMap<String, Figures> {
    let text = std::fs::read_to_string(root().join(FLOORS)).expect("the floors file is readable");
    let table: toml::Table = toml::from_str(&text).expect("the floors file is valid TOML");
    table
        .into_iter()
        .map(|(suite, value)| {
            let mut figures = Figures::new();
            flatten("", &value, &mut figures);
            (suite, figures)
        })
        .collect()
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut Figures) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&name, value, out);
            }
        }
        toml::Value::Float(floor) => {
            out.insert(prefix.to_string(), *floor);
        }
        other => panic!("{FLOORS}: {prefix} = {other} is not a decimal number"),
    }
}

/// Compares a suite's figures with its floors: every figure must have a floor, every floor a
/// figure, and no figure may be below its floor.
fn check(suite: &str, measured: &Figures) {
    let mut report = format!("{suite}:");
    for (name, value) in measured {
        report += &format!(" {name} {value:.4}");
    }
    println!("{report}");
    let floors = floors();
    let floors = floors
        .get(suite)
        .unwrap_or_else(|| panic!("{FLOORS} has no [{suite}] table; measured {report}"));
    let mut failures = Vec::new();
    for (name, value) in measured {
        match floors.get(name) {
            None => failures.push(format!(
                "{suite} {name} has no floor in {FLOORS} (measured {value:.4})"
            )),
            // Floors are written with 3 decimals; allow for their binary representation.
            Some(floor) if value + 1e-9 < *floor => failures.push(format!(
                "{suite} {name} fell below its floor: from {floor:.3} to {value:.4}"
            )),
            Some(_) => {}
        }
    }
    for name in floors.keys().filter(|name| !measured.contains_key(*name)) {
        failures.push(format!(
            "{FLOORS} has a floor for {suite} {name}, which is not measured"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn figures<'a>(pairs: impl IntoIterator<Item = (&'a str, f64)>) -> Figures {
    pairs
        .into_iter()
        .map(|(name, value)| (name.to_string(), value))
        .collect()
}

#[test]
fn seeds() {
    let report = runner::labels(
        &cleaner(InputMode::Text),
        &root().join("tests/fixtures/seeds"),
        None,
    )
    .expect("the seeds are scored");
    let pooled = report.counts.prf();
    let page_003 = report
        .pages
        .iter()
        .find(|p| p.id.starts_with("003_"))
        .expect("seed page 003 is there");
    let page_003_recall = format!("{}.recall", page_003.id);
    check(
        "seeds",
        &figures([
            ("f1", pooled.f1),
            ("recall", pooled.recall),
            (page_003_recall.as_str(), page_003.counts.prf().recall),
        ]),
    );
}

#[test]
fn languages() {
    let report = runner::labels(
        &cleaner(InputMode::Text),
        &root().join("tests/fixtures/lang"),
        None,
    )
    .expect("the language fixtures are scored");
    check(
        "lang",
        &figures(
            report
                .pages
                .iter()
                .map(|p| (p.id.as_str(), p.counts.prf().f1)),
        ),
    );
}

/// The pages of `tests/fixtures/html-lang` (HTML in `pages/`, their text renderings in
/// `text/` and, wrapped at 80 columns, in `wrapped/`, their Markdown renderings in `markdown/`)
/// against its gold texts.
fn language_pages(pages: &str, input: InputMode, suite: &str) {
    let dir = root().join("tests/fixtures/html-lang");
    let report = runner::gold(&cleaner(input), &dir.join(pages), &dir.join("gold"), None)
        .expect("the language pages are scored");
    check(
        suite,
        &figures(
            report
                .docs
                .iter()
                .map(|d| (d.id.as_str(), d.score.shingles.f1())),
        ),
    );
}

#[test]
fn html_languages() {
    language_pages("pages", InputMode::Html, "html-lang");
}

#[test]
fn html_languages_as_text() {
    language_pages("text", InputMode::Text, "html-lang-text");
}

#[test]
fn html_languages_as_markdown() {
    language_pages("markdown", InputMode::Text, "html-lang-markdown");
}

#[test]
fn html_languages_as_wrapped_text() {
    language_pages("wrapped", InputMode::Text, "html-lang-wrapped");
}

/// The dev corpus, or `None` (with a note) when it is not there.
fn corpus() -> Option<PathBuf> {
    let dir = match std::env::var_os("NEWSCLEAN_CORPUS") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.join("gold").is_dir(),
                "NEWSCLEAN_CORPUS={} has no gold/ directory",
                dir.display()
            );
            dir
        }
        None => root().join("../shared/corpus/scrapinghub"),
    };
    if dir.join("gold").is_dir() {
        return Some(dir);
    }
    // Straight to stderr: the test harness would swallow the note otherwise.
    let _ = writeln!(
        std::io::stderr(),
        "note: no dev corpus at {}: its quality floors are not checked (set NEWSCLEAN_CORPUS)",
        dir.display()
    );
    None
}

fn scrapinghub(pages: &str, input: InputMode) {
    let Some(dir) = corpus() else { return };
    let report = runner::gold(&cleaner(input), &dir.join(pages), &dir.join("gold"), None)
        .expect("the dev corpus is scored");
    let Prf {
        precision,
        recall,
        f1,
    } = report.summary.shingles;
    // Precision and recall are shown, not gated: a change may trade one for the other as long
    // as F1 does not fall.
    println!("scrapinghub-{pages}: sh_p {precision:.4} sh_r {recall:.4}");
    check(&format!("scrapinghub-{pages}"), &figures([("sh_f1", f1)]));
}

#[test]
fn scrapinghub_html() {
    scrapinghub("html", InputMode::Html);
}

#[test]
fn scrapinghub_text() {
    scrapinghub("text", InputMode::Text);
}

#[test]
fn every_floor_belongs_to_a_suite() {
    let suites = [
        "seeds",
        "lang",
        "html-lang",
        "html-lang-text",
        "html-lang-markdown",
        "html-lang-wrapped",
        "scrapinghub-html",
        "scrapinghub-text",
    ];
    for suite in floors().keys() {
        assert!(
            suites.contains(&suite.as_str()),
            "{FLOORS}: [{suite}] is not a suite of tests/quality.rs ({suites:?})"
        );
    }
}
