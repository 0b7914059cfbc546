//! The decision about one block: label, category, score, and the reasons behind it.
//!
//! A block's score is the sum of the weights of its reasons: the rules that fired on the block
//! itself (the first, context-free pass) and the context rules that fired on it afterwards. A
//! positive score keeps the block. Both the first label and the final one are kept.

use serde::Serialize;

use crate::rules::{Category, RuleSet};

/// Keep or drop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Article content: kept.
    Content,
    /// Boilerplate: dropped.
    Chrome,
}

impl Label {
    /// The label of a score.
    pub fn of(score: f32) -> Label {
        if score > 0.0 {
            Label::Content
        } else {
            Label::Chrome
        }
    }
}

/// What a rule matched, for explanations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Detail {
    /// Nothing more to say.
    None,
    /// A byte range of the block's trimmed text.
    Text(u32, u32),
    /// The block's element or the ancestor whose class/id tokens, tag, zone or selector matched
    /// (index of the element).
    Element(u32),
    /// The section was opened by the block on this line.
    OpenedAt(u32),
    /// The block is part of a run of this many blocks.
    Run(u32),
    /// The block's text occurs this many times in the page.
    Repeats(u16),
    /// The block's text occurs again this many blocks away.
    RepeatsAt(u16),
}

/// One rule that fired on a block.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reason {
    /// Index of the rule in its rule set.
    pub rule: u32,
    /// The weight it added.
    pub weight: f32,
    /// What it matched.
    pub detail: Detail,
}

/// The decision about one block.
#[derive(Clone, Debug)]
pub struct Verdict {
    /// Final label.
    pub label: Label,
    /// Label from the block's own evidence, before context.
    pub first_label: Label,
    /// `Content`, or the kind of chrome.
    pub category: Category,
    /// Sum of the reasons' weights.
    pub score: f32,
    /// Everything that fired, in the order it fired.
    pub reasons: Vec<Reason>,
}

/// The category of the strongest chrome reason of a specific category (not `chrome`), if any:
/// what kind of chrome the reasons say a block is. Of equally strong reasons, the first.
pub(crate) fn chrome_category(reasons: &[Reason], rules: &RuleSet) -> Option<Category> {
    let mut strongest: Option<(f32, Category)> = None;
    for r in reasons {
        // A rule's category is looked up only for a reason stronger than the strongest so far.
        if r.weight < 0.0 && strongest.is_none_or(|(weight, _)| r.weight < weight) {
            let category = rules.rule(r.rule).category;
            if !matches!(category, Category::Chrome | Category::Content) {
                strongest = Some((r.weight, category));
            }
        }
    }
    strongest.map(|(_, category)| category)
}

impl Verdict {
    /// Sums up the reasons of a block. `local` is how many of them came from the first pass.
    /// A dropped block's category is that of its strongest chrome reason of a specific category
    /// (not `chrome`); failing one, `fallback` (the category of the surrounding chrome).
    pub fn new(reasons: Vec<Reason>, local: usize, rules: &RuleSet, fallback: Category) -> Verdict {
        // The score goes on from the first pass's sum, adding the same weights in the same order
        // as a sum over all the reasons.
        let first: f32 = reasons[..local].iter().map(|r| r.weight).sum();
        let score = reasons[local..].iter().fold(first, |sum, r| sum + r.weight);
        let label = Label::of(score);
        let category = match label {
            Label::Content => Category::Content,
            Label::Chrome => chrome_category(&reasons, rules).unwrap_or(fallback),
        };
        Verdict {
            label,
            first_label: Label::of(first),
            category,
            score,
            reasons,
        }
    }
}
