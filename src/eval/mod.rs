//! Measuring the cleaner on hand-made references, the way the project's Python scorers do, with
//! the very same figures.
//!
//! Two kinds of reference:
//!
//! - a **gold article text** per page, scored with the ScrapingHub article-extraction metric and
//!   bag of words ([`shingle`], as `score.py`);
//! - a **label per line** of a plain-text page (`C` content, `B` boilerplate, `N` neutral, `-`
//!   blank), scored on the lines kept ([`lines`], as `score_lines.py`).
//!
//! [`runner`] cleans a directory of pages in parallel and scores them; [`report`] renders the
//! result as text or JSON. [`pytext`] and [`align`] reproduce the bits of Python the scorers
//! depend on (whitespace, newlines, `\w` tokens, rounding, `difflib` alignment).
//!
//! ```
//! use newsclean::eval::{lines, shingle};
//! let gold = "The council approved the new budget on Tuesday.";
//! let score = shingle::compare(gold, "Home\nThe council approved the new budget on Tuesday.").score;
//! assert_eq!(score.shingles.recall(), Some(1.0));
//! let page = "Home\nThe council approved the new budget on Tuesday.\n";
//! let lines = lines::score_page(page, "B\nC\n", "The council approved the new budget on Tuesday.\n")?;
//! assert_eq!(lines.counts.prf().f1, 1.0);
//! # Ok::<(), lines::MissingLabel>(())
//! ```

pub mod align;
pub mod lines;
pub mod pytext;
pub mod report;
pub mod runner;
pub mod shingle;

use std::path::PathBuf;

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    /// Precision and recall with their harmonic mean.
    pub fn new(precision: f64, recall: f64) -> Prf {
        Prf {
            precision,
            recall,
            f1: harmonic(precision, recall),
        }
    }
}

/// `2pr / (p + r)`, 0 when both are 0 (computed in Python's order, for identical figures).
fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read or written.
    #[error(transparent)]
    Input(#[from] crate::Error),
    /// A page could not be cleaned (it is not text).
    #[error("{}: {source}", path.display())]
    Page {
        /// The page.
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::Error,
    },
    /// A labels file does not cover its page.
    #[error("{}: {source}", path.display())]
    Labels {
        /// The labels file.
        path: PathBuf,
        /// Which line lacks a label.
        #[source]
        source: lines::MissingLabel,
    },
    /// A page is there twice, as `ID.html` and `ID.txt`.
    #[error("{}: both {id}.html and {id}.txt; keep one", dir.display())]
    TwoPages {
        /// The page id.
        id: String,
        /// The pages directory.
        dir: PathBuf,
    },
    /// There is nothing to score.
    #[error("{}: no {what}", dir.display())]
    Empty {
        /// What was looked for.
        what: &'static str,
        /// Where.
        dir: PathBuf,
    },
}
