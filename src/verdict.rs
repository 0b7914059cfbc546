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

/// What the reasons of a block add up to, kept up to date as reasons are added: the score of the
/// first pass, the score, and the strongest chrome reason of a specific category (not `chrome`).
#[derive(Clone, Copy, Debug)]
pub struct Tally {
    /// The sum of the weights of the first pass's reasons.
    pub first: f32,
    /// The sum of the weights of all the reasons.
    pub score: f32,
    /// The weight and category of the strongest chrome reason of a specific category: of equally
    /// strong reasons, the first.
    strongest: Option<(f32, Category)>,
}

impl Tally {
    /// The tally of the reasons of the first pass.
    pub fn of(reasons: &[Reason], rules: &RuleSet) -> Tally {
        let score = reasons.iter().map(|r| r.weight).sum();
        let mut tally = Tally {
            first: score,
            score,
            strongest: None,
        };
        for reason in reasons {
            tally.weigh_chrome(reason, rules);
        }
        tally
    }

    /// Counts a reason added after the first pass. The score grows by its weight as a sum over
    /// all the reasons would, in the same order: it stays bit for bit that sum.
    pub fn add(&mut self, reason: &Reason, rules: &RuleSet) {
        self.score += reason.weight;
        self.weigh_chrome(reason, rules);
    }

    /// What kind of chrome the reasons say the block is: the category of the strongest chrome
    /// reason of a specific category (not `chrome`), if any.
    pub fn chrome_category(&self) -> Option<Category> {
        self.strongest.map(|(_, category)| category)
    }

    fn weigh_chrome(&mut self, reason: &Reason, rules: &RuleSet) {
        // A rule's category is looked up only for a reason stronger than the strongest so far.
        let stronger = self
            .strongest
            .is_none_or(|(weight, _)| reason.weight < weight);
        if reason.weight < 0.0 && stronger {
            let category = rules.rule(reason.rule).category;
            if !matches!(category, Category::Chrome | Category::Content) {
                self.strongest = Some((reason.weight, category));
            }
        }
    }
}

impl Verdict {
    /// The verdict on a block of `reasons`, which add up to `tally`. A dropped block's category
    /// is that of its strongest chrome reason of a specific category (not `chrome`); failing
    /// one, `fallback` (the category of the surrounding chrome).
    pub fn new(reasons: Vec<Reason>, tally: Tally, fallback: Category) -> Verdict {
        let label = Label::of(tally.score);
        let category = match label {
            Label::Content => Category::Content,
            Label::Chrome => tally.chrome_category().unwrap_or(fallback),
        };
        Verdict {
            label,
            first_label: Label::of(tally.first),
            category,
            score: tally.score,
            reasons,
        }
    }
}
