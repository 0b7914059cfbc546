//! The ScrapingHub article-extraction metric, exactly as `score.py` computes it, and the
//! bag-of-words figures beside it.
//!
//! A document's tokens ([`pytext::tokens`]) make overlapping 4-token shingles, compared with the
//! gold text's as multisets: tp are shared, fp only in the prediction, fn only in the gold. The
//! three are normalised to sum 1. Precision is the mean over documents of tp/(tp+fp), recall the
//! mean of tp/(tp+fn) (both 1 for a document with fp = fn = 0; a document whose denominator is 0
//! is left out of that mean), and F1 is the harmonic mean of the two means. A document with fewer
//! than 4 tokens has a single, shorter shingle.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::Prf;
use super::pytext::{self, Token};

/// Tokens per shingle.
const SIZE: usize = 4;

/// A shingle: token ids, padded with `u32::MAX` when the document is shorter than [`SIZE`].
type Shingle = [u32; SIZE];

/// One document's shingle counts against its gold text, normalised to sum 1 (all 0 when neither
/// has a token).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ShingleCounts {
    /// Shingles in both.
    pub tp: f64,
    /// Shingles only in the prediction.
    pub fp: f64,
    /// Shingles only in the gold text.
    pub fn_: f64,
}

impl ShingleCounts {
    /// The document's precision, or `None` when it has no tp and no fp (no prediction): such a
    /// document does not enter the mean.
    pub fn precision(&self) -> Option<f64> {
        (self.tp + self.fp > 0.0).then(|| self.ratio(self.fp))
    }

    /// The document's recall, or `None` when it has no tp and no fn.
    pub fn recall(&self) -> Option<f64> {
        (self.tp + self.fn_ > 0.0).then(|| self.ratio(self.fn_))
    }

    /// The document's own F1, a missing precision or recall counting as 0 (for ranking documents;
    /// the corpus F1 comes from the means, see [`Summary`]).
    pub fn f1(&self) -> f64 {
        super::harmonic(
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(0.0),
        )
    }

    fn ratio(&self, wrong: f64) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + wrong)
        }
    }
}

/// One document's figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DocScore {
    /// The ScrapingHub shingle counts.
    pub shingles: ShingleCounts,
    /// Bag of tokens: precision, recall and F1 of the token multisets.
    pub bag: Prf,
}

/// A run of consecutive shingles missing from the other text, as a byte range of its own text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// The bytes the run's tokens span, from the first token's start to the last one's end.
    pub bytes: Range<usize>,
    /// How many shingles the run holds.
    pub shingles: usize,
}

/// A document compared with its gold text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// The figures.
    pub score: DocScore,
    /// Runs of gold shingles the prediction lacks (bytes of the gold text), longest first.
    pub lost: Vec<Run>,
    /// Runs of predicted shingles the gold text lacks (bytes of the prediction), longest first.
    pub leaked: Vec<Run>,
}

/// Compares a prediction with its gold text.
pub fn compare(gold: &str, pred: &str) -> Comparison {
    let gold_tokens = pytext::tokens(gold);
    let pred_tokens = pytext::tokens(pred);
    let mut vocabulary = FxHashMap::default();
    let gold_ids = intern(&gold_tokens, &mut vocabulary);
    let pred_ids = intern(&pred_tokens, &mut vocabulary);

    let gold_shingles = shingles(&gold_ids);
    let pred_shingles = shingles(&pred_ids);
    let lost = unmatched(&gold_shingles, &pred_shingles);
    let leaked = unmatched(&pred_shingles, &gold_shingles);
    let tp = gold_shingles.len() - lost.iter().filter(|&&l| l).count();
    let fp = leaked.iter().filter(|&&l| l).count();
    let fn_ = gold_shingles.len() - tp;
    let sum = (tp + fp + fn_) as f64;
    let shingle_counts = if sum > 0.0 {
        ShingleCounts {
            tp: tp as f64 / sum,
            fp: fp as f64 / sum,
            fn_: fn_ as f64 / sum,
        }
    } else {
        ShingleCounts::default()
    };
    Comparison {
        score: DocScore {
            shingles: shingle_counts,
            bag: bag(&gold_ids, &pred_ids),
        },
        lost: runs(&lost, &gold_tokens),
        leaked: runs(&leaked, &pred_tokens),
    }
}

/// Token texts to ids, shared between the two documents of a comparison.
fn intern<'a>(tokens: &[Token<'a>], vocabulary: &mut FxHashMap<&'a str, u32>) -> Vec<u32> {
    tokens
        .iter()
        .map(|t| {
            let next = u32::try_from(vocabulary.len()).expect("fewer than 2^32 distinct tokens");
            *vocabulary.entry(t.text).or_insert(next)
        })
        .collect()
}

/// The shingles of `score.py`: `toks[i:i+4] for i in range(max(1, len(toks) - 3))`, skipping an
/// empty one (so none for no tokens, one short one for 1 to 3 tokens).
fn shingles(ids: &[u32]) -> Vec<Shingle> {
    (0..ids.len().saturating_sub(SIZE - 1).max(1))
        .filter(|&i| i < ids.len())
        .map(|i| {
            let mut shingle = [u32::MAX; SIZE];
            let window = &ids[i..ids.len().min(i + SIZE)];
            shingle[..window.len()].copy_from_slice(window);
            shingle
        })
        .collect()
}

/// Multiset counts.
fn counts<T: std::hash::Hash + Eq + Copy>(items: &[T]) -> FxHashMap<T, usize> {
    let mut counts = FxHashMap::default();
    for &item in items {
        *counts.entry(item).or_insert(0) += 1;
    }
    counts
}

/// For each shingle of `ours`, whether it is in excess of `theirs` as multisets (the first
/// occurrences are the matched ones). The number of `true`s is the multiset difference.
fn unmatched(ours: &[Shingle], theirs: &[Shingle]) -> Vec<bool> {
    let mut left = counts(theirs);
    ours.iter()
        .map(|s| match left.get_mut(s) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// Runs of `true` in `flags` (one per shingle), as byte ranges of the tokens they cover, longest
/// first (earliest first among equals).
fn runs(flags: &[bool], tokens: &[Token<'_>]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < flags.len() {
        if !flags[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < flags.len() && flags[i] {
            i += 1;
        }
        let last_token = (i - 1 + SIZE - 1).min(tokens.len() - 1);
        out.push(Run {
            bytes: tokens[start].start..tokens[last_token].end(),
            shingles: i - start,
        });
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.shingles));
    out
}

/// Bag-of-tokens precision, recall and F1 (all 1 when neither text has a token).
fn bag(gold: &[u32], pred: &[u32]) -> Prf {
    if gold.is_empty() && pred.is_empty() {
        return Prf::new(1.0, 1.0);
    }
    let pred_counts = counts(pred);
    let shared: usize = counts(gold)
        .iter()
        .map(|(id, &n)| n.min(pred_counts.get(id).copied().unwrap_or(0)))
        .sum();
    let ratio = |total: usize| {
        if total > 0 {
            shared as f64 / total as f64
        } else {
            0.0
        }
    };
    Prf::new(ratio(pred.len()), ratio(gold.len()))
}

/// Figures over a set of documents, as `score.py` reports them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// Documents scored.
    pub docs: usize,
    /// ScrapingHub: mean precision, mean recall, and their harmonic mean.
    pub shingles: Prf,
    /// Bag of tokens: the means of the documents' precision, recall and F1.
    pub bag: Prf,
}

/// Sums up documents' figures: macro means, see the module documentation.
pub fn summarise<'a>(scores: impl IntoIterator<Item = &'a DocScore>) -> Summary {
    let scores: Vec<&DocScore> = scores.into_iter().collect();
    let precision = mean(scores.iter().filter_map(|s| s.shingles.precision()));
    let recall = mean(scores.iter().filter_map(|s| s.shingles.recall()));
    Summary {
        docs: scores.len(),
        shingles: Prf::new(precision, recall),
        bag: Prf {
            precision: mean(scores.iter().map(|s| s.bag.precision)),
            recall: mean(scores.iter().map(|s| s.bag.recall)),
            f1: mean(scores.iter().map(|s| s.bag.f1)),
        },
    }
}

/// The arithmetic mean, 0 for nothing.
fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(sum, n), v| (sum + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts_of(gold: &str, pred: &str) -> ShingleCounts {
        compare(gold, pred).score.shingles
    }

    #[test]
    fn identical_texts_score_one() {
        let text = "The council approved the new budget on Tuesday.";
        let c = counts_of(text, &format!("{text}\n"));
        assert_eq!((c.tp, c.fp, c.fn_), (1.0, 0.0, 0.0));
        assert_eq!((c.precision(), c.recall()), (Some(1.0), Some(1.0)));
        let score = compare(text, text).score;
        assert_eq!(score.bag, Prf::new(1.0, 1.0));
    }

    #[test]
    fn empty_prediction_has_no_precision_and_zero_recall() {
        // Gold: 6 tokens, 3 shingles, all lost.
        let c = counts_of("one two three four five six", "");
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.0, 1.0));
        assert_eq!(c.precision(), None);
        assert_eq!(c.recall(), Some(0.0));
        let summary = summarise(&[
            compare("one two three four five six", "").score,
            compare("a b c d e", "a b c d x").score,
        ]);
        // Only the second document enters the precision mean: shingles (a b c d) (b c d e)
        // against (a b c d) (b c d x): tp 1, fp 1, fn 1, so P = R = 1/2.
        assert_eq!(summary.shingles.precision, 0.5);
        assert_eq!(summary.shingles.recall, 0.25);
        assert!((summary.shingles.f1 - 2.0 * 0.5 * 0.25 / 0.75).abs() < 1e-12);
    }

    #[test]
    fn counts_are_normalised_multisets() {
        // Gold shingles: (a b c d) (b c d e) (c d e f); prediction: (a b c d) twice, (b c d a),
        // (c d a b), (d a b c). tp 1, fp 4, fn 2, over 7.
        let c = counts_of("a b c d e f", "a b c d a b c d");
        assert_eq!((c.tp, c.fp, c.fn_), (1.0 / 7.0, 4.0 / 7.0, 2.0 / 7.0));
        assert!((c.precision().unwrap() - 0.2).abs() < 1e-12);
        assert!((c.recall().unwrap() - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn short_documents_have_one_short_shingle() {
        assert_eq!(shingles(&[7, 8]), [[7, 8, u32::MAX, u32::MAX]]);
        assert_eq!(shingles(&[1, 2, 3, 4]), [[1, 2, 3, 4]]);
        assert_eq!(shingles(&[]), Vec::<Shingle>::new());
        // "Breaking news" vs "Breaking news today": one shingle each, different.
        let c = counts_of("Breaking news", "Breaking news today");
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.5, 0.5));
        assert_eq!((c.precision(), c.recall()), (Some(0.0), Some(0.0)));
        // Bag: 2 shared tokens of 3 predicted, 2 of 2 gold.
        let bag = compare("Breaking news", "Breaking news today").score.bag;
        assert_eq!((bag.precision, bag.recall), (2.0 / 3.0, 1.0));
        assert_eq!(bag.f1, 2.0 * (2.0 / 3.0) * 1.0 / (2.0 / 3.0 + 1.0));
    }

    #[test]
    fn cjk_is_scored_per_character() {
        // 東京都庁 → 4 tokens, one shingle; a prediction with the same characters matches.
        let c = counts_of("東京都庁", "東京 都庁。");
        assert_eq!((c.tp, c.fp, c.fn_), (1.0, 0.0, 0.0));
    }

    #[test]
    fn texts_without_tokens_are_left_out_of_both_means() {
        let c = counts_of("— ... —", "!!");
        assert_eq!((c.precision(), c.recall()), (None, None));
        assert_eq!(compare("—", "").score.bag, Prf::new(1.0, 1.0));
    }

    #[test]
    fn runs_point_at_what_was_lost_and_leaked() {
        let gold = "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.";
        let pred = "Alpha beta gamma delta epsilon.\nShare this on Facebook now";
        let cmp = compare(gold, pred);
        assert_eq!(cmp.lost.len(), 1);
        // The first two shingles match; the other five differ.
        assert_eq!(
            &gold[cmp.lost[0].bytes.clone()],
            "gamma delta epsilon. Zeta eta theta iota kappa"
        );
        assert_eq!(cmp.lost[0].shingles, 5);
        assert_eq!(
            &pred[cmp.leaked[0].bytes.clone()],
            "gamma delta epsilon.\nShare this on Facebook now"
        );
        assert_eq!(cmp.leaked[0].shingles, 5);
    }
}
