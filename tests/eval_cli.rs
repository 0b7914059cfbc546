//! `newsclean eval` from the outside: arguments, exit codes, JSON, `--out`, rule options.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn newsclean(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsclean"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("newsclean runs")
}

fn json(args: &[&str]) -> Value {
    let output = newsclean(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

const SEEDS: &str = "tests/fixtures/seeds";

/// A one-page corpus: `pages/a.txt` and its gold text `gold/a.txt`.
fn corpus() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let (pages, gold) = (tmp.path().join("pages"), tmp.path().join("gold"));
    let article = "The council approved the new budget on Tuesday after a debate that lasted for most of the night.\nMembers said the plan would fund two new schools and repair the old bridge over the river.\n";
    for dir in [&pages, &gold] {
        std::fs::create_dir(dir).unwrap();
    }
    std::fs::write(
        pages.join("a.txt"),
        format!("Home\nSport\n{article}Share on Facebook\n"),
    )
    .unwrap();
    std::fs::write(gold.join("a.txt"), article).unwrap();
    (tmp, pages, gold)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn labels_mode_prints_the_figures_of_score_lines() {
    let report = json(&["eval", SEEDS, "--labels", "--json"]);
    let pages = report["per_page"].as_object().unwrap();
    assert_eq!(pages.len(), 4);
    assert_eq!(report["pages"], 4);
    for key in ["tp", "fp", "fn"] {
        let sum: u64 = pages.values().map(|p| p[key].as_u64().unwrap()).sum();
        assert_eq!(report[key].as_u64(), Some(sum), "{key} is pooled");
    }
    let (tp, fp) = (
        report["tp"].as_f64().unwrap(),
        report["fp"].as_f64().unwrap(),
    );
    let precision = report["precision"].as_f64().unwrap();
    assert!((precision - tp / (tp + fp)).abs() < 1e-4);
    assert!(report["f1"].as_f64().unwrap() > 0.5 && report["recall"].as_f64().unwrap() > 0.5);
}

#[test]
fn rule_options_change_the_outcome() {
    let report = json(&["eval", SEEDS, "--labels", "--json", "--disable", "content"]);
    assert_eq!(
        (report["recall"].as_f64(), report["tp"].as_u64()),
        (Some(0.0), Some(0))
    );
}

#[test]
fn gold_mode_prints_the_figures_of_score_py_and_writes_outputs() {
    let (tmp, pages, gold) = corpus();
    let out = tmp.path().join("out");
    let report = json(&[
        "eval",
        path(&pages),
        "--gold",
        path(&gold),
        "--json",
        "--out",
        path(&out),
        "--input",
        "text",
    ]);
    for key in ["sh_f1", "sh_p", "sh_r", "bag_f1", "bag_p", "bag_r"] {
        assert!(report[key].is_f64(), "{key}");
    }
    assert_eq!(report["docs"], 1);
    assert_eq!(report["per_doc"]["a"]["sh_f1"], report["sh_f1"]);
    let cleaned = std::fs::read_to_string(out.join("a.txt")).unwrap();
    assert!(cleaned.starts_with("The council approved"), "{cleaned}");
}

#[test]
fn text_report_shows_the_worst_pages() {
    let (_tmp, pages, gold) = corpus();
    let output = newsclean(&["eval", path(&pages), "--gold", path(&gold)]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("1 documents\nScrapingHub    F1 "),
        "{text}"
    );
    assert!(text.contains("worst documents"), "{text}");
    let output = newsclean(&["eval", SEEDS, "--labels", "--worst", "1"]);
    let text = String::from_utf8(output.stdout).unwrap();
    let shown = text
        .lines()
        .filter(|l| l.contains(" boilerplate kept, "))
        .count();
    assert_eq!(shown, 1, "{text}");
}

#[test]
fn usage_and_input_errors_have_their_exit_codes() {
    assert_eq!(
        newsclean(&["eval", SEEDS]).status.code(),
        Some(2),
        "--gold or --labels is required"
    );
    assert_eq!(
        newsclean(&["eval", SEEDS, "--labels", "--gold", SEEDS])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        newsclean(&["eval", SEEDS, "--labels", "--rules", "no/such/dir"])
            .status
            .code(),
        Some(2)
    );
    let missing = newsclean(&["eval", "no/such/dir", "--labels"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/dir"));
}
