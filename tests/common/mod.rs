//! Helpers shared by the test files that check the verdicts of small pages.

use newsclean::{Label, Outcome};

/// The label of the block whose text starts with `start`.
pub fn label_of(outcome: &Outcome<'_>, start: &str) -> Label {
    outcome
        .blocks()
        .find(|b| b.text.starts_with(start))
        .unwrap_or_else(|| panic!("no block starts with {start:?}"))
        .verdict
        .label
}

/// Asserts that every block whose text starts with one of `starts` has `label`.
pub fn assert_labels(outcome: &Outcome<'_>, starts: &[&str], label: Label) {
    for start in starts {
        assert_eq!(label_of(outcome, start), label, "{start}");
    }
}
