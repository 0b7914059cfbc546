//! First pass: the rules that fire on each block on its own.
//!
//! The phrases and regex literals of each block were found when it was measured
//! (`features::measure`); then, for every block: its line key looked up among the
//! whole-line phrases, the phrases found in it, the regexes its gates let through, the DOM
//! rules its element inherited, the feature rules, and repetition. Runs (`kind = "run"`) look at
//! consecutive blocks but nothing beyond. Rules are skipped for blocks of other languages or
//! inputs, and any rule whose `when` conditions fail does not fire. Each rule fires at most once
//! per block.

use crate::dom::DomHits;
use crate::features::{BlockLiterals, range};
use crate::lang::LangId;
use crate::marker::Marker;
use crate::page::{Block, InputKind, Page, Zones};
use crate::rules::compiled::ShapeKind;
use crate::rules::{Bound, Feature, InputScope, Rule, RuleKind, RuleSet};
use crate::verdict::{Detail, Reason};

/// Room for the reasons of one block when its list is made: enough for most blocks, first-pass
/// and context reasons together.
const BLOCK_REASONS: usize = 6;

/// The reasons that fired on each block, in block order.
/// `values` are the blocks' [`Values`], from [`values`]; `literals` the phrases found in each
/// block.
pub(crate) fn first_pass(
    page: &Page<'_>,
    rules: &RuleSet,
    dom: &DomHits,
    values: &[Values],
    literals: &mut BlockLiterals,
) -> Vec<Vec<Reason>> {
    let runs = run_members(page, rules, values);
    let mut scratch = Vec::new();
    let mut all = Vec::with_capacity(page.blocks.len());
    for (index, block) in page.blocks.iter().enumerate() {
        let applies = |rule: &Rule| applies(rule, page, block.features.lang, &values[index]);
        let mut reasons: Vec<Reason> = Vec::with_capacity(BLOCK_REASONS);
        let mut add = |rule: u32, detail: Detail| {
            if !reasons.iter().any(|r| r.rule == rule) {
                reasons.push(Reason {
                    rule,
                    weight: rules.rule(rule).weight,
                    detail,
                });
            }
        };
        let text = page.text(block);
        let mut phrase_hit = |rule: u32, start: usize, end: usize| {
            if applies(rules.rule(rule)) {
                add(rule, Detail::Text(start as u32, end as u32));
            }
        };
        let key = range(&block.features.key);
        rules
            .compiled
            .line_phrase_hits(text, key.clone(), &mut scratch, &mut phrase_hit);
        let regexes =
            rules
                .compiled
                .literal_hits(literals.of(index), key.start as u32, &mut phrase_hit);
        let body = &text[range(&block.features.body)];
        let body_start = block.features.body.start as usize;
        let units = values[index].get(Feature::Units);
        let candidates = rules.compiled.regex_candidates(page.kind, units);
        rules.compiled.regex_hits(
            body,
            regexes,
            candidates,
            |rule| applies(rules.rule(rule)),
            |rule, start, end| {
                add(
                    rule,
                    Detail::Text((body_start + start) as u32, (body_start + end) as u32),
                );
            },
        );
        dom.for_block(page, block, rules, |rule, detail| {
            if applies(rules.rule(rule)) {
                add(rule, detail);
            }
        });
        for shape in &rules.compiled.shape_rules {
            if !shape.may_fit(units) {
                continue;
            }
            let i = shape.rule;
            let detail = match shape.kind {
                ShapeKind::Feature => Detail::None,
                ShapeKind::Repeated { min_count, within }
                    if block.features.repeats >= min_count =>
                {
                    match (within, block.features.repeat_gap) {
                        (None, _) => Detail::Repeats(block.features.repeats),
                        (Some(within), Some(gap)) if gap <= within => Detail::RepeatsAt(gap),
                        _ => continue,
                    }
                }
                ShapeKind::Repeated { .. } => continue,
                ShapeKind::Run => match runs.get(&i).and_then(|lens| lens[index]) {
                    Some(len) => Detail::Run(len),
                    None => continue,
                },
            };
            if applies(rules.rule(i)) {
                add(i, detail);
            }
        }
        all.push(reasons);
    }
    all
}

/// The [`Values`] of every block of `page`, in block order.
pub fn values(page: &Page<'_>) -> Vec<Values> {
    page.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| Values::of(page, b, i))
        .collect()
}

/// A block's measurements as `when` conditions see them, computed once per block.
pub struct Values([f32; Feature::ALL.len()]);

impl Values {
    /// The values of the block at `index`.
    fn of(page: &Page<'_>, block: &Block, index: usize) -> Values {
        Values(Self::by_feature(page, block, index).map(|(_, value)| value))
    }

    /// The block's features with their values, in the order of [`Feature::ALL`] (a test checks
    /// it): written out rather than matched feature by feature, which costs a branch each.
    fn by_feature(
        page: &Page<'_>,
        block: &Block,
        index: usize,
    ) -> [(Feature, f32); Feature::ALL.len()] {
        let f = &block.features;
        let zones = page.element_of(block).map(|e| e.zones).unwrap_or_default();
        let last = page.blocks.len().saturating_sub(1).max(1);
        let flag = |b: bool| f32::from(u8::from(b));
        [
            (Feature::Chars, f.chars as f32),
            (Feature::Units, f.units),
            (Feature::Words, f.words as f32),
            (Feature::Digits, f.digits as f32),
            (Feature::SentenceEnds, f32::from(f.sentence_ends)),
            (Feature::Separators, f32::from(f.separators)),
            (Feature::Repeats, f32::from(f.repeats)),
            (Feature::LinkDensity, page.link_density(block)),
            (Feature::StopwordLevel, f.stopword_level),
            (Feature::DigitRatio, f.digit_ratio()),
            (Feature::UppercaseRatio, f.uppercase_ratio()),
            (Feature::Position, index as f32 / last as f32),
            (Feature::EndsSentence, flag(f.ends_sentence)),
            (Feature::Truncated, flag(f.truncated)),
            (Feature::GluedHeadline, flag(f.glued_headline)),
            (Feature::Doubled, flag(f.doubled)),
            (Feature::Bulleted, flag(f.marker == Marker::Bullet)),
            (Feature::Numbered, flag(f.marker == Marker::Number)),
            (
                Feature::Heading,
                flag(zones.intersects(Zones::HEADING) || block.heading),
            ),
            (
                Feature::ListItem,
                flag(zones.intersects(Zones::LIST_ITEM) || f.marker != Marker::None),
            ),
        ]
    }

    fn get(&self, feature: Feature) -> f32 {
        self.0[feature as usize]
    }

    /// Whether a `when` condition, as `bound`, holds.
    fn holds(&self, bound: &Bound) -> bool {
        let v = self.0[usize::from(bound.feature)];
        v >= bound.lo && v <= bound.hi
    }
}

/// Whether `rule` may fire on a block of `page` with language `lang` and `values`: input,
/// language, site and `when` conditions.
pub(crate) fn applies(rule: &Rule, page: &Page<'_>, lang: Option<LangId>, values: &Values) -> bool {
    let input_ok = match rule.input {
        InputScope::Any => true,
        InputScope::Html => page.kind == InputKind::Html,
        InputScope::Text => page.kind == InputKind::Text,
    };
    let lang_ok = rule.lang.is_empty() || lang.is_some_and(|l| rule.langs.contains(l));
    let site_ok = rule
        .site_scope
        .is_none_or(|scope| page.in_site_scope[scope as usize]);
    input_ok && lang_ok && site_ok && rule.bounds.iter().all(|b| values.holds(b))
}

/// For each `run` rule: for each block, the length of the run it belongs to, if long enough.
fn run_members(
    page: &Page<'_>,
    rules: &RuleSet,
    values: &[Values],
) -> rustc_hash::FxHashMap<u32, Vec<Option<u32>>> {
    let mut out = rustc_hash::FxHashMap::default();
    for (i, rule) in rules.rules().iter().enumerate() {
        let RuleKind::Run { min_run } = rule.kind else {
            continue;
        };
        let member: Vec<bool> = page
            .blocks
            .iter()
            .enumerate()
            .map(|(j, b)| applies(rule, page, b.features.lang, &values[j]))
            .collect();
        let mut lens = vec![None; member.len()];
        let mut j = 0;
        while j < member.len() {
            if !member[j] {
                j += 1;
                continue;
            }
            let end = member[j..]
                .iter()
                .position(|m| !m)
                .map_or(member.len(), |n| j + n);
            if end - j >= usize::from(min_run) {
                lens[j..end].fill(Some((end - j) as u32));
            }
            j = end;
        }
        out.insert(i as u32, lens);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    #[test]
    fn values_are_laid_out_in_feature_order() {
        let page = crate::text::parse(Cow::Borrowed("One line.\nTwo"), encoding_rs::UTF_8, false);
        for (index, block) in page.blocks.iter().enumerate() {
            let features = Values::by_feature(&page, block, index);
            for (i, (feature, _)) in features.iter().enumerate() {
                assert_eq!(Feature::ALL[i].1, *feature);
            }
        }
    }
}
