//! The line-label metric of `score_lines.py`: a plain-text page has one label per line (`C`
//! content, `B` boilerplate, `N` neutral, `-` blank), the cleaned output is aligned to the page
//! (non-blank lines, stripped, in order, see [`align`]) to find the kept lines, and content is the
//! positive class: a kept `C` line is a true positive, a kept `B` line a false positive, a dropped
//! `C` line a false negative. `N` lines and any other label are not scored.

use super::pytext::{self, strip};
use super::{Prf, align};

/// Line counts of one page, or of several pooled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineCounts {
    /// Content lines kept.
    pub tp: usize,
    /// Boilerplate lines kept.
    pub fp: usize,
    /// Content lines dropped.
    pub fn_: usize,
}

impl LineCounts {
    /// Precision and recall (1 when their denominator is 0) and F1.
    pub fn prf(&self) -> Prf {
        let ratio = |wrong: usize| {
            if self.tp + wrong > 0 {
                self.tp as f64 / (self.tp + wrong) as f64
            } else {
                1.0
            }
        };
        Prf::new(ratio(self.fp), ratio(self.fn_))
    }
}

impl std::ops::AddAssign for LineCounts {
    fn add_assign(&mut self, other: LineCounts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// One line of a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line as in the page.
    pub text: &'a str,
}

/// A page's score and the lines behind its errors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageScore<'a> {
    /// The counts.
    pub counts: LineCounts,
    /// Content lines the output lacks.
    pub lost: Vec<Line<'a>>,
    /// Boilerplate lines the output kept.
    pub leaked: Vec<Line<'a>>,
}

/// A non-blank line of the page has no label: the labels file is shorter than the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line} has no label (labels end at line {labels})")]
pub struct MissingLabel {
    /// The 1-based number of the first unlabelled non-blank line.
    pub line: usize,
    /// How many labels there are.
    pub labels: usize,
}

/// Scores the cleaned `output` of `page` against the page's `labels` (one per line).
pub fn score_page<'a>(
    page: &'a str,
    labels: &str,
    output: &str,
) -> Result<PageScore<'a>, MissingLabel> {
    let page_lines = pytext::lines(page);
    let labels = pytext::lines(labels);
    let scored: Vec<usize> = (0..page_lines.len())
        .filter(|&i| !strip(page_lines[i]).is_empty())
        .collect();
    if let Some(&i) = scored.iter().find(|&&i| i >= labels.len()) {
        return Err(MissingLabel {
            line: i + 1,
            labels: labels.len(),
        });
    }
    let source: Vec<&str> = scored.iter().map(|&i| strip(page_lines[i])).collect();
    let cleaned: Vec<&str> = pytext::lines(output)
        .into_iter()
        .map(strip)
        .filter(|l| !l.is_empty())
        .collect();
    let kept = align::matched(&source, &cleaned);

    let mut score = PageScore::default();
    for (&i, kept) in scored.iter().zip(kept) {
        let line = Line {
            number: i + 1,
            text: page_lines[i],
        };
        match (labels[i], kept) {
            ("C", true) => score.counts.tp += 1,
            ("C", false) => {
                score.counts.fn_ += 1;
                score.lost.push(line);
            }
            ("B", true) => {
                score.counts.fp += 1;
                score.leaked.push(line);
            }
            _ => {}
        }
    }
    Ok(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Home | Sport\n\nCouncil backs budget\nThe council approved it.\r\nShare\nIt funds schools.\nShare\n";
    const LABELS: &str = "B\n-\nN\nC\nB\nC\nB\n";

    #[test]
    fn counts_kept_and_dropped_lines_by_label() {
        let score = score_page(
            PAGE,
            LABELS,
            "Council backs budget\n  The council approved it.\nShare\n",
        )
        .unwrap();
        assert_eq!(
            score.counts,
            LineCounts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            score.lost,
            [Line {
                number: 6,
                text: "It funds schools."
            }]
        );
        // The kept "Share" aligns with the first of the two.
        assert_eq!(
            score.leaked,
            [Line {
                number: 5,
                text: "Share"
            }]
        );
        assert_eq!(score.counts.prf(), Prf::new(0.5, 0.5));
    }

    #[test]
    fn empty_output_has_precision_one_and_recall_zero() {
        let score = score_page(PAGE, LABELS, "").unwrap();
        assert_eq!(
            score.counts,
            LineCounts {
                tp: 0,
                fp: 0,
                fn_: 2
            }
        );
        assert_eq!(
            score.counts.prf(),
            Prf {
                precision: 1.0,
                recall: 0.0,
                f1: 0.0
            }
        );
    }

    #[test]
    fn the_whole_page_kept_has_recall_one() {
        let score = score_page(PAGE, LABELS, PAGE).unwrap();
        assert_eq!(
            score.counts,
            LineCounts {
                tp: 2,
                fp: 3,
                fn_: 0
            }
        );
        assert!(score.lost.is_empty());
    }

    #[test]
    fn a_short_labels_file_is_an_error_only_for_non_blank_lines() {
        assert!(score_page("a\nb\n\n", "C\nC", "a\n").is_ok());
        assert_eq!(
            score_page("a\nb\nc", "C\nC", "a\n"),
            Err(MissingLabel { line: 3, labels: 2 })
        );
    }

    #[test]
    fn pooled_counts_add_up() {
        let mut total = LineCounts {
            tp: 3,
            fp: 1,
            fn_: 0,
        };
        total += LineCounts {
            tp: 1,
            fp: 0,
            fn_: 4,
        };
        assert_eq!(
            total,
            LineCounts {
                tp: 4,
                fp: 1,
                fn_: 4
            }
        );
        assert_eq!(total.prf().precision, 0.8);
        assert_eq!(total.prf().recall, 0.5);
    }
}
