//! DOM rule hits of every element of an HTML page, computed once per page.
//!
//! Each distinct class/id token of the page runs once through the token automaton; each element
//! then gets the dom rules matching its own tokens, tag, zones or selectors, and inherits its
//! parent's. Hits are bit sets over the rule set's dom rules. A hit on an element holding more
//! than the rule's `max_share` of the page's text, or of its prose, is dropped (a `has-comments`
//! class on the page wrapper must not make the whole page a comment, nor `node-promoted` on an
//! article's wrapper make the article an ad), and `html`/`body` tokens are ignored.

use crate::features::PROSE_UNITS;
use crate::page::{Block, Element, Page};
use crate::rules::{Category, RuleKind, RuleSet};
use crate::verdict::Detail;

/// DOM rule hits of every element, own and inherited, as bit sets over the dom rules.
pub struct DomHits {
    /// u64 words per element.
    words: usize,
    /// Own hits, `words` per element.
    own: Vec<u64>,
    /// Own and inherited hits, `words` per element.
    inherited: Vec<u64>,
}

impl DomHits {
    /// Computes the hits of every element of `page`.
    pub fn new(page: &Page<'_>, rules: &RuleSet) -> DomHits {
        let compiled = &rules.compiled;
        let n = compiled.dom_rules.len();
        let words = n.div_ceil(64);
        let elements = page.elements.len();
        let mut hits = DomHits {
            words,
            own: vec![0; words * elements],
            inherited: vec![0; words * elements],
        };
        if words == 0 || elements == 0 {
            return hits;
        }
        let bit_of = |rule: u32| compiled.dom_rules.binary_search(&rule).ok();
        let mut token_bits = vec![0u64; words * page.tokens.len()];
        for (t, token) in page.tokens.iter().enumerate() {
            compiled.token_hits(token, |rule| {
                if let Some(bit) = bit_of(rule) {
                    token_bits[t * words + bit / 64] |= 1 << (bit % 64);
                }
            });
        }
        let shares = text_shares(page);
        // Selector hits come in element order (the walk records them as it meets the elements).
        debug_assert!(page.selector_hits.is_sorted_by_key(|&(el, _)| el));
        let mut selector_hits = page.selector_hits.iter().peekable();
        for (e, element) in page.elements.iter().enumerate() {
            let own = &mut hits.own[e * words..(e + 1) * words];
            if !matches!(&*element.tag, "html" | "body") {
                for &t in
                    &page.element_tokens[element.tokens.start as usize..element.tokens.end as usize]
                {
                    for (w, bits) in own
                        .iter_mut()
                        .zip(&token_bits[t as usize * words..(t as usize + 1) * words])
                    {
                        *w |= bits;
                    }
                }
            }
            for (rule, tag) in &compiled.tags {
                if *tag == element.tag {
                    set_bit(own, bit_of(*rule));
                }
            }
            for (rule, zones) in &compiled.zones {
                if element.zones.intersects(*zones) {
                    set_bit(own, bit_of(*rule));
                }
            }
            while let Some(&(_, rule)) = selector_hits.next_if(|&&(el, _)| el as usize <= e) {
                set_bit(own, bit_of(rule));
            }
            for (w, word) in own.iter_mut().enumerate() {
                let mut set = *word;
                while set != 0 {
                    let bit = w * 64 + set.trailing_zeros() as usize;
                    set &= set - 1;
                    if let RuleKind::Dom { max_share, .. } =
                        rules.rule(compiled.dom_rules[bit]).kind
                        && shares[e] > max_share
                    {
                        *word &= !(1 << (bit % 64));
                    }
                }
            }
            let parent = element.parent as usize;
            for w in 0..words {
                let inherited_from_parent = if parent < e {
                    hits.inherited[parent * words + w]
                } else {
                    0
                };
                hits.inherited[e * words + w] = hits.own[e * words + w] | inherited_from_parent;
            }
        }
        hits
    }

    /// Calls `hit(rule, detail)` for each dom rule the block's element has or inherited, with
    /// the nearest element that matched. The innermost markup decides: content markup (an
    /// `article-body` wrapper) does not count for a block inside deeper chrome markup (a caption
    /// or share box within the article body).
    pub fn for_block(
        &self,
        page: &Page<'_>,
        block: &Block,
        rules: &RuleSet,
        mut hit: impl FnMut(u32, Detail),
    ) {
        let e = block.element as usize;
        if self.words == 0 || e >= page.elements.len() {
            return;
        }
        // One walk up the ancestry finds, for every rule the block inherited, the nearest
        // element that matched it.
        let mut remaining: Vec<u64> = self.inherited[e * self.words..(e + 1) * self.words].to_vec();
        let mut found: Vec<(usize, u32, u16)> = Vec::new(); // (bit, element, depth)
        for (a, element) in page.ancestry(block.element) {
            if remaining.iter().all(|w| *w == 0) {
                break;
            }
            let own = &self.own[a as usize * self.words..(a as usize + 1) * self.words];
            for (w, (rest, mine)) in remaining.iter_mut().zip(own).enumerate() {
                let mut hits = *rest & mine;
                *rest &= !mine;
                while hits != 0 {
                    let bit = hits.trailing_zeros() as usize;
                    hits &= hits - 1;
                    found.push((w * 64 + bit, a, element.depth));
                }
            }
        }
        found.sort_unstable_by_key(|&(bit, _, _)| bit);
        let is_content =
            |bit: usize| rules.rule(rules.compiled.dom_rules[bit]).category == Category::Content;
        let deepest = |content: bool| {
            found
                .iter()
                .filter(|(bit, _, _)| is_content(*bit) == content)
                .map(|f| f.2)
                .max()
        };
        let chrome_inside_content = match (deepest(false), deepest(true)) {
            (Some(chrome), Some(content)) => chrome > content,
            _ => false,
        };
        for (bit, element, _) in found {
            if !(chrome_inside_content && is_content(bit)) {
                hit(rules.compiled.dom_rules[bit], Detail::Element(element));
            }
        }
    }
}

impl DomHits {
    /// Whether `element` itself (not an ancestor) carries article-body markup: one of its
    /// class/id tokens matched a dom rule of the content category (tags such as `<p>` do not
    /// count: they mark paragraphs, not the article).
    pub fn marks_content(&self, page: &Page<'_>, element: u32, rules: &RuleSet) -> bool {
        let e = element as usize;
        let Some(el) = page.elements.get(e) else {
            return false;
        };
        if self.words == 0 {
            return false;
        }
        let own = &self.own[e * self.words..(e + 1) * self.words];
        rules
            .compiled
            .dom_rules
            .iter()
            .enumerate()
            .any(|(bit, &rule)| {
                own[bit / 64] & (1 << (bit % 64)) != 0
                    && rules.rule(rule).category == Category::Content
                    && matched_token(page, el, rules, rule).is_some()
            })
    }
}

fn set_bit(bits: &mut [u64], bit: Option<usize>) {
    if let Some(bit) = bit {
        bits[bit / 64] |= 1 << (bit % 64);
    }
}

/// The first token of `element` that matches `rule`, as a page token id.
pub(crate) fn matched_token(
    page: &Page<'_>,
    element: &Element,
    rules: &RuleSet,
    rule: u32,
) -> Option<u32> {
    page.element_tokens[element.tokens.start as usize..element.tokens.end as usize]
        .iter()
        .copied()
        .find(|&t| {
            let mut found = false;
            rules
                .compiled
                .token_hits(&page.tokens[t as usize], |r| found |= r == rule);
            found
        })
}

/// Each element's share of the page's text (characters of the blocks inside it), or of the
/// page's prose (see [`is_prose`]) when that is larger: the element holding most of an
/// article's paragraphs is the article, however much navigation and link lists surround it.
fn text_shares(page: &Page<'_>) -> Vec<f32> {
    let n = page.elements.len();
    let add = |into: &mut [u64; 2], from: [u64; 2]| {
        into[0] += from[0];
        into[1] += from[1];
    };
    // [all text, prose] characters inside each element, and in the page.
    let mut chars = vec![[0u64; 2]; n];
    let mut total = [0u64; 2];
    for block in &page.blocks {
        let c = u64::from(block.features.chars);
        let counts = [c, if is_prose(page, block) { c } else { 0 }];
        if let Some(own) = chars.get_mut(block.element as usize) {
            add(own, counts);
        }
        add(&mut total, counts);
    }
    for e in (0..n).rev() {
        let parent = page.elements[e].parent as usize;
        if parent < e {
            let child = chars[e];
            add(&mut chars[parent], child);
        }
    }
    let share = |c: u64, t: u64| c as f32 / t.max(1) as f32;
    chars
        .into_iter()
        .map(|[all, prose]| share(all, total[0]).max(share(prose, total[1])))
        .collect()
}

/// Whether `block` reads like an article paragraph: long, and not a link.
fn is_prose(page: &Page<'_>, block: &Block) -> bool {
    block.features.units >= PROSE_UNITS && page.link_density(block) < 0.5
}
