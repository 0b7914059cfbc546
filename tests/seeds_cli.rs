//! The four labelled seed pages through the `newsclean` binary: the floors they must meet, and
//! what must go from each (every ranking list of 002, the comment widget and the comment of 000,
//! none of the content of the blog archive 003).

use std::path::{Path, PathBuf};
use std::process::Command;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds")
}

fn newsclean(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_newsclean"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "newsclean {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The lines of seed `id` with their labels, and the lines `newsclean clean` kept.
fn cleaned(id: &str) -> (Vec<(char, String)>, Vec<String>) {
    let page = seeds().join(format!("{id}.txt"));
    let text = std::fs::read_to_string(&page).unwrap();
    let labels = std::fs::read_to_string(seeds().join(format!("{id}.labels"))).unwrap();
    let labelled = text
        .split('\n')
        .zip(labels.split('\n'))
        .map(|(line, label)| (label.chars().next().unwrap_or('-'), line.to_string()))
        .collect();
    let kept = newsclean(&["clean", page.to_str().unwrap()])
        .lines()
        .map(str::to_string)
        .collect();
    (labelled, kept)
}

#[test]
fn seed_floors_hold_through_the_binary() {
    let json = newsclean(&["eval", seeds().to_str().unwrap(), "--labels", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f1 = report["f1"].as_f64().unwrap();
    let recall = report["recall"].as_f64().unwrap();
    assert!(f1 >= 0.97, "pooled line F1 {f1} < 0.97");
    assert!(recall >= 0.98, "pooled line recall {recall} < 0.98");
}

#[test]
fn every_ranking_and_recommendation_list_of_002_is_gone() {
    let (labelled, kept) = cleaned("002_14ed7258c70085f9");
    let lists_start = labelled
        .iter()
        .position(|(_, line)| line.contains("랭킹 뉴스"))
        .unwrap();
    for (label, line) in &labelled[lists_start..] {
        if *label == 'B' && !line.trim().is_empty() {
            assert!(!kept.contains(line), "list line kept: {line}");
        }
    }
}

#[test]
fn the_comment_widget_and_the_comment_under_it_are_gone_from_000() {
    let (labelled, kept) = cleaned("000_c21759fb256df2b5");
    let widget = labelled
        .iter()
        .position(|(_, line)| line == "댓글삭제")
        .unwrap();
    let comment = &labelled.last().unwrap().1;
    assert!(
        comment.starts_with("그는"),
        "the last line is the user comment"
    );
    for (_, line) in &labelled[widget..] {
        assert!(
            line.trim().is_empty() || !kept.contains(line),
            "comment widget line kept: {line}"
        );
    }
}

#[test]
fn the_blog_archive_003_keeps_its_content_lines() {
    let (labelled, kept) = cleaned("003_8e8f3d37b0616985");
    let content: Vec<&String> = labelled
        .iter()
        .filter(|(l, _)| *l == 'C')
        .map(|(_, line)| line)
        .collect();
    let lost: Vec<&&String> = content.iter().filter(|line| !kept.contains(line)).collect();
    let share = 1.0 - lost.len() as f64 / content.len() as f64;
    assert!(
        share >= 0.98,
        "{:.3} of the content lines kept; lost: {lost:?}",
        share
    );
}
