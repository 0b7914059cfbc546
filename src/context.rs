//! Second pass: context. Blocks are judged with their neighbours and their place in the page.
//!
//! In order:
//! 1. **Sections.** A section header (a `section` rule) makes the blocks after it chrome (on HTML
//!    pages, no further than the end of the header's parent element) until article content
//!    resumes: a block that starts a run of content whose first-pass evidence
//!    reaches `resume_ratio` times that of the best run of the page. A header with `end_after`
//!    (comments) that follows article content (a run of at least that much evidence) runs to the
//!    end of the page instead, when that content outweighs any run after the header or when more
//!    evidence of the header's category follows within a few blocks (a commenter line, a time
//!    stamp): a comment count above the article, or a "comment" button under its lead, is
//!    closed by the article; a comment section below it takes everything after it. Unless the
//!    header heads a list after which content resumes, or (for other stories) cards of short
//!    lines after which the article's prose goes on: that is a box inside the article.
//! 2. **Teaser cards** (HTML): blocks in repeated sibling elements that each hold a linked
//!    headline and a little text ([`crate::cards`]) weigh as lists of other stories.
//! 3. **Main text.** The run of consecutive blocks whose scores so far add up to the most (a
//!    maximum-sum segment, where one block costs at most 3, an ad label, caption or subscription
//!    prompt at most 1.5, and a box inside the article nothing) is the page's main text, with its
//!    lead when a gallery or an ad block cut it off (three or more content blocks in a row before
//!    it, weighing at least a quarter as much); `main-text` and `outside-main-text` rules weigh a
//!    block's place inside or outside it.
//! 4. **Page evidence.** A block whose text is part of the JSON-LD `articleBody`
//!    (`structured-body`), or which repeats the page's title (`title`); on plain text, the
//!    headline and standfirst that open the main text before its byline (`headline`).
//! 5. **Neighbours** (as jusText). Blocks without chrome evidence from their words or markup (only
//!    doubts about their shape) are settled by their neighbours. A block is undecided while its
//!    score is within the weight of the `between-*` rules of zero. An undecided heading-like block
//!    (the `heading-before-content` rule's conditions) followed by content becomes content; other
//!    undecided blocks take the label their nearest decided neighbours agree on (`between-content`,
//!    `between-chrome`).

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::cards;
use crate::classify::{Values, applies};
use crate::dom::DomHits;
use crate::features::PROSE_UNITS;
use crate::lists;
use crate::marker::Marker;
use crate::page::{InputKind, Page};
use crate::rules::{Category, RuleKind, RuleSet, Signal};
use crate::verdict::{Detail, Reason, Tally};

/// How far (in blocks) after a section header more evidence of its category (or a byline or
/// time stamp, which head comments) must appear for the section to run to the end of the page.
const CORROBORATION_REACH: usize = 4;

/// The fewest blocks opening alike that make a list (see [`lists`]).
const SHAPED_LIST_ITEMS: usize = 3;

/// The fewest words of a line ending with a colon that announces the list or table after it,
/// whatever its score (`Banned food list:`, `Final standings after 36 races:`); shorter ones
/// (`Tags:`, `Share:`) do not.
const ANNOUNCING_WORDS: u32 = 3;

/// How far (in blocks) a heading may be from the content it introduces.
const HEADING_REACH: usize = 2;

/// Adds the context reasons to the first-pass `reasons` of each block; returns what each
/// block's reasons add up to.
pub fn second_pass(
    page: &Page<'_>,
    rules: &RuleSet,
    dom: &DomHits,
    values: &[Values],
    reasons: &mut [Vec<Reason>],
) -> Vec<Tally> {
    let ctx = Ctx::new(page, rules, values);
    let mut ev = Evidence::new(reasons, rules);
    let in_box = sections(&ctx, &mut ev);
    introduced_lists(&ctx, &mut ev);
    for (i, in_card) in cards::teaser_blocks(page).into_iter().enumerate() {
        if in_card {
            ctx.fire(Signal::TeaserCard, i, &mut ev, Detail::None);
        }
    }
    let in_main = main_text_blocks(page, rules, dom, &main_text_scores(&ev, &in_box));
    if in_main.iter().any(|&m| m) {
        for (i, &inside) in in_main.iter().enumerate() {
            let signal = if inside {
                Signal::MainText
            } else {
                Signal::OutsideMainText
            };
            ctx.fire(signal, i, &mut ev, Detail::None);
        }
    }
    teasers_after_meta(&ctx, &mut ev, &in_main);
    if page.kind == InputKind::Text {
        headline(&ctx, &mut ev, &in_main);
    }
    page_evidence(&ctx, &mut ev);
    neighbours(&ctx, &mut ev);
    ev.tallies
}

/// Each block's score as the main text sees it: its score, but no lower than [`INLINE_FLOOR`] for
/// the chrome that sits inside article bodies, a block whose kind of chrome
/// ([`Tally::chrome_category`]) is an ad label, a caption or a subscription prompt: several of
/// them between paragraphs do not split an article the way a menu does. A block of a section
/// boxed inside the article (`in_box`: the article was found going on after it) counts for
/// nothing.
fn main_text_scores(ev: &Evidence<'_>, in_box: &[bool]) -> Vec<f32> {
    ev.tallies
        .iter()
        .zip(in_box)
        .map(|(tally, &boxed)| {
            let inline = matches!(
                tally.chrome_category(),
                Some(Category::Ads | Category::Caption | Category::Subscribe)
            );
            if boxed {
                0.0
            } else if inline {
                tally.score.max(INLINE_FLOOR)
            } else {
                tally.score
            }
        })
        .collect()
}

/// The fewest teasers after a byline or date line that make a list of cards (see
/// [`teasers_after_meta`]); one alone may be an article's lead that the main text missed.
const MIN_CARD_TEASERS: usize = 2;

/// Fires `teaser-card` on the blocks outside the main text that would be kept and sit right
/// after a byline or date line also outside it, when there are [`MIN_CARD_TEASERS`] or more:
/// the excerpts of cards (a story's picture, headline, author, date and excerpt), as a text
/// dump writes a list of other stories.
fn teasers_after_meta(ctx: &Ctx<'_, '_>, ev: &mut Evidence<'_>, in_main: &[bool]) {
    let teasers: Vec<usize> = (1..in_main.len())
        .filter(|&i| {
            let after_meta = ev.score(i - 1) < 0.0
                && ev.tallies[i - 1].chrome_category() == Some(Category::Meta);
            !in_main[i] && !in_main[i - 1] && after_meta && ev.score(i) > 0.0
        })
        .collect();
    if teasers.len() >= MIN_CARD_TEASERS {
        for i in teasers {
            ctx.fire(Signal::TeaserCard, i, ev, Detail::None);
        }
    }
}

/// Every block's reasons, and what they add up to ([`Tally`]), kept up to date as context
/// reasons are added rather than summed again by each step that reads them.
struct Evidence<'r> {
    reasons: &'r mut [Vec<Reason>],
    tallies: Vec<Tally>,
    rules: &'r RuleSet,
}

impl<'r> Evidence<'r> {
    fn new(reasons: &'r mut [Vec<Reason>], rules: &'r RuleSet) -> Evidence<'r> {
        let tallies = reasons.iter().map(|r| Tally::of(r, rules)).collect();
        Evidence {
            reasons,
            tallies,
            rules,
        }
    }

    /// The score of block `i`: the sum of its reasons' weights.
    fn score(&self, i: usize) -> f32 {
        self.tallies[i].score
    }

    /// Adds `reason` to block `i`.
    fn push(&mut self, i: usize, reason: Reason) {
        self.tallies[i].add(&reason, self.rules);
        self.reasons[i].push(reason);
    }
}

/// What a rule's evidence rests on, as far as context goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ground {
    /// A section header, or the section it opens.
    Section,
    /// What a block says or where it sits: a phrase, a pattern, markup.
    Specific,
    /// Anything else: the block's shape (length, punctuation, runs, repetition), or context.
    Shape,
}

/// The page, and what the context pass looks up about the rules, gathered once per page: the
/// context rules of each signal, and what each rule's evidence rests on.
struct Ctx<'p, 'a> {
    page: &'p Page<'a>,
    rules: &'p RuleSet,
    values: &'p [Values],
    /// The context rules of each signal (indexed by `Signal as usize`), in rule order.
    signal_rules: [Vec<u32>; Signal::ALL.len()],
    /// The [`Ground`] of each rule.
    grounds: Vec<Ground>,
}

impl<'p, 'a> Ctx<'p, 'a> {
    fn new(page: &'p Page<'a>, rules: &'p RuleSet, values: &'p [Values]) -> Ctx<'p, 'a> {
        let mut signal_rules: [Vec<u32>; Signal::ALL.len()] = Default::default();
        let mut grounds = Vec::with_capacity(rules.rules().len());
        for (i, rule) in rules.rules().iter().enumerate() {
            grounds.push(match rule.kind {
                RuleKind::Section { .. } => Ground::Section,
                RuleKind::Phrase { .. } | RuleKind::Regex { .. } | RuleKind::Dom { .. } => {
                    Ground::Specific
                }
                RuleKind::Context { signal } => {
                    signal_rules[signal as usize].push(i as u32);
                    Ground::Shape
                }
                _ => Ground::Shape,
            });
        }
        Ctx {
            page,
            rules,
            values,
            signal_rules,
            grounds,
        }
    }

    /// Fires the rules of `signal` that apply to block `i`; returns whether any fired.
    fn fire(&self, signal: Signal, i: usize, ev: &mut Evidence<'_>, detail: Detail) -> bool {
        let mut fired = false;
        for &r in &self.signal_rules[signal as usize] {
            let rule = self.rules.rule(r);
            let lang = self.page.blocks[i].features.lang;
            if applies(rule, self.page, lang, &self.values[i]) {
                ev.push(
                    i,
                    Reason {
                        rule: r,
                        weight: rule.weight,
                        detail,
                    },
                );
                fired = true;
            }
        }
        fired
    }

    /// Whether a block has evidence of chrome from what it says or where it sits (a phrase, a
    /// pattern, markup, a section), which context does not overrule, rather than only doubts
    /// about its shape (length, punctuation, runs, repetition).
    fn specific_chrome(&self, block: &[Reason]) -> bool {
        block
            .iter()
            .any(|r| r.weight < 0.0 && self.grounds[r.rule as usize] != Ground::Shape)
    }

    /// The largest weight of the rules of `signal`, in absolute value.
    fn weight_of(&self, signal: Signal) -> f32 {
        self.signal_rules[signal as usize]
            .iter()
            .map(|&r| self.rules.rule(r).weight.abs())
            .fold(0.0, f32::max)
    }
}

/// The lowest score one block counts for when runs are summed, so that a single ad label or
/// caption between two paragraphs does not split an article in two.
const BLOCK_FLOOR: f32 = -3.0;

/// The lowest score an ad label, caption or subscription prompt counts for in the main text:
/// see [`main_text_scores`].
const INLINE_FLOOR: f32 = -1.5;

/// The maximum-sum run of `scores` (each at least [`BLOCK_FLOOR`]): (start, end exclusive,
/// sum), if any sum is positive.
fn main_text(scores: &[f32]) -> Option<(usize, usize, f32)> {
    let mut best: Option<(usize, usize, f32)> = None;
    let (mut start, mut sum) = (0, 0.0f32);
    for (i, s) in scores.iter().map(|s| s.max(BLOCK_FLOOR)).enumerate() {
        if sum < 0.0 {
            start = i;
            sum = 0.0;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|b| sum > b.2) {
            best = Some((start, i + 1, sum));
        }
    }
    best
}

/// The least a stretch of paragraphs before the main text must weigh, as a share of the main
/// text's evidence, to be its cut-off lead: see [`cut_off_leads`].
const LEAD_RATIO: f32 = 0.25;

/// The fewest consecutive blocks of content a cut-off lead holds.
const LEAD_BLOCKS: usize = 3;

/// Stretches before the main text (which starts at block `start` and weighs `mass`) that are
/// its lead, cut off from it by a gallery, a video or an ad block: at least [`LEAD_BLOCKS`]
/// consecutive blocks that each lean towards content, together weighing at least
/// [`LEAD_RATIO`] times the main text. Teasers and link lists alternate with chrome and
/// never make such a stretch; what follows the main text (appeals, footers, comments) is left
/// out.
fn cut_off_leads(scores: &[f32], start: usize, mass: f32) -> impl Iterator<Item = Range<usize>> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < start {
            let from = i + scores[i..start].iter().position(|&s| s > 0.0)?;
            let to = scores[from..start]
                .iter()
                .position(|&s| s <= 0.0)
                .map_or(start, |n| from + n);
            i = to;
            let weight: f32 = scores[from..to].iter().sum();
            if to - from >= LEAD_BLOCKS && weight >= LEAD_RATIO * mass {
                return Some(from..to);
            }
        }
        None
    })
}

/// Which blocks are the main text: the best run of `scores` and its [`cut_off_leads`], widened
/// on HTML pages to the article-body element that holds most of the run. That element is the
/// deepest one marked as article body by a content dom rule (`article-body`,
/// `itemprop=articleBody` …) holding two blocks of the run or more and at least half of its
/// positive evidence; lists, short lines and tables inside it belong to the article even where
/// the run stopped short of them.
fn main_text_blocks(page: &Page<'_>, rules: &RuleSet, dom: &DomHits, scores: &[f32]) -> Vec<bool> {
    let mut in_main = vec![false; scores.len()];
    let Some((start, end, mass)) = main_text(scores) else {
        return in_main;
    };
    in_main[start..end].fill(true);
    for lead in cut_off_leads(scores, start, mass) {
        in_main[lead].fill(true);
    }
    let run_mass: f32 = scores[start..end].iter().map(|s| s.max(0.0)).sum();
    let mut mass = vec![(0.0f32, 0u32); page.elements.len()];
    for (block, score) in page.blocks[start..end].iter().zip(&scores[start..end]) {
        for (e, _) in page.ancestry(block.element) {
            let (m, n) = &mut mass[e as usize];
            *m += score.max(0.0);
            *n += 1;
        }
    }
    let container = (0..page.elements.len() as u32)
        .filter(|&e| {
            let (m, n) = mass[e as usize];
            n >= 2 && m * 2.0 >= run_mass && dom.marks_content(page, e, rules)
        })
        .max_by_key(|&e| page.elements[e as usize].depth);
    if let Some(container) = container {
        for (i, block) in page.blocks.iter().enumerate() {
            if page.ancestry(block.element).any(|(e, _)| e == container) {
                in_main[i] = true;
            }
        }
    }
    in_main
}

/// How many blocks at most open a plain-text page's main text before its byline: a headline and
/// a standfirst.
const HEADLINE_BLOCKS: usize = 2;

/// Fires `headline` on the blocks that open the main text (`in_main`) of a plain-text page
/// before a byline or date line (a block of meta chrome) at most [`HEADLINE_BLOCKS`] blocks in:
/// a text dump's headline and standfirst, which an HTML page marks as its title.
fn headline(ctx: &Ctx<'_, '_>, ev: &mut Evidence<'_>, in_main: &[bool]) {
    let Some(start) = in_main.iter().position(|&m| m) else {
        return;
    };
    let is_byline =
        |j: usize| ev.score(j) <= 0.0 && ev.tallies[j].chrome_category() == Some(Category::Meta);
    let end = (start + 1 + HEADLINE_BLOCKS).min(in_main.len());
    let byline = (start + 1..end)
        .take_while(|&j| in_main[j])
        .find(|&j| is_byline(j));
    for i in start..byline.unwrap_or(start) {
        ctx.fire(Signal::Headline, i, ev, Detail::None);
    }
}

/// Title and structured-body evidence.
fn page_evidence(ctx: &Ctx<'_, '_>, ev: &mut Evidence<'_>) {
    let page = ctx.page;
    let title = page.meta.title.as_deref().filter(|t| !t.trim().is_empty());
    let body = page.meta.structured_body.as_deref().map(Shingles::of);
    for (i, block) in page.blocks.iter().enumerate() {
        let text = page.text(block);
        if let Some(title) = title
            && same_words(text, title)
        {
            ctx.fire(Signal::Title, i, ev, Detail::None);
        }
        if let Some(body) = &body
            && body.covers(text)
        {
            ctx.fire(Signal::StructuredBody, i, ev, Detail::None);
        }
    }
}

/// Whether two texts have the same words, ignoring case and spacing.
fn same_words(a: &str, b: &str) -> bool {
    let lower = |w: &str| {
        w.chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<char>>()
    };
    // Texts whose first characters differ even in lower case have different first words: most
    // blocks are told from the title by that alone.
    let first = |s: &str| {
        s.trim_start()
            .chars()
            .next()
            .map(|c| c.to_lowercase().next())
    };
    if first(a) != first(b) {
        return false;
    }
    let (mut x, mut y) = (a.split_whitespace(), b.split_whitespace());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q || p.eq_ignore_ascii_case(q) => {}
            (Some(p), Some(q)) if !p.is_ascii() || !q.is_ascii() => {
                if lower(p) != lower(q) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Word trigrams of a text, hashed, for "is this block part of that text" tests.
struct Shingles(rustc_hash::FxHashSet<u64>);

impl Shingles {
    fn words(text: &str) -> impl Iterator<Item = &str> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    }

    /// Calls `each` with the hash of every three consecutive words of `text` (of all its words,
    /// when it has fewer than three); returns the number of words.
    fn hashes(text: &str, mut each: impl FnMut(u64)) -> usize {
        use std::hash::{Hash, Hasher};
        let hash = |words: &[&str]| {
            let mut h = rustc_hash::FxHasher::default();
            words.hash(&mut h);
            h.finish()
        };
        let mut last = [""; 3];
        let mut n = 0;
        for word in Shingles::words(text) {
            last = [last[1], last[2], word];
            n += 1;
            if n >= 3 {
                each(hash(&last));
            }
        }
        if (1..3).contains(&n) {
            each(hash(&last[3 - n..]));
        }
        n
    }

    fn of(text: &str) -> Shingles {
        let mut set = rustc_hash::FxHashSet::default();
        Shingles::hashes(text, |h| {
            set.insert(h);
        });
        Shingles(set)
    }

    /// Whether at least 80% of the trigrams of `text` (of at least 3 words) are in the set.
    fn covers(&self, text: &str) -> bool {
        let (mut found, mut trigrams) = (0, 0);
        let words = Shingles::hashes(text, |h| {
            trigrams += 1;
            found += usize::from(self.0.contains(&h));
        });
        words >= 3 && found * 5 >= trigrams * 4
    }
}

/// Applies section rules: from each header to where content resumes, or to the end. Returns
/// which blocks are in a box of links inside the article (see [`content_after_list`]).
fn sections(ctx: &Ctx<'_, '_>, ev: &mut Evidence<'_>) -> Vec<bool> {
    // Sections are found from the first pass's scores alone.
    let first: Vec<f32> = ev.tallies.iter().map(|t| t.first).collect();
    let n = first.len();
    let mut in_box = vec![false; n];
    let best_mass = main_text(&first).map_or(0.0, |m| m.2);
    // best_from[j]: the largest sum of a run starting at block j.
    let mut best_from = vec![0.0f32; n + 1];
    for j in (0..n).rev() {
        best_from[j] = first[j].max(BLOCK_FLOOR) + best_from[j + 1].max(0.0);
    }
    // best_before[i]: the largest sum of a run ending before block i.
    let mut best_before = vec![0.0f32; n + 1];
    let mut ending_here = 0.0f32;
    for i in 0..n {
        ending_here = first[i].max(BLOCK_FLOOR) + ending_here.max(0.0);
        best_before[i + 1] = best_before[i].max(ending_here);
    }
    // best_after[i]: the largest sum of a run starting after block i.
    let mut best_after = vec![0.0f32; n + 1];
    for i in (0..n).rev() {
        best_after[i] = best_after[i + 1].max(best_from[i + 1]);
    }
    // Where content resumes after each block, for each threshold in use; where each list ends;
    // where the next block of prose is; where the container of each header's parent ends; how
    // far boxes are marked. Worked out once, so that a page of many headers costs no more than
    // one pass per header.
    let mut resumes: Vec<(f32, Vec<usize>)> = Vec::new();
    let mut list_ends: Option<Vec<usize>> = None;
    let mut next_prose: Option<Vec<usize>> = None;
    let mut boxed_until = 0;
    let mut container_ends: FxHashMap<u32, usize> = FxHashMap::default();
    let mut open: Option<(u32, f32, u32, usize)> = None; // (rule, follow weight, opened at line, closes at)
    for i in 0..n {
        let header = ev.reasons[i]
            .iter()
            .find(|r| ctx.grounds[r.rule as usize] == Ground::Section)
            .and_then(|r| match ctx.rules.rule(r.rule).kind {
                RuleKind::Section {
                    follow_weight,
                    resume_ratio,
                    end_after,
                    ..
                } => Some((r.rule, follow_weight, resume_ratio, end_after)),
                _ => None,
            });
        if let Some((rule, follow_weight, resume_ratio, end_after)) = header {
            let category = ctx.rules.rule(rule).category;
            let corroborates = |r: &Reason| {
                let c = ctx.rules.rule(r.rule).category;
                r.weight < 0.0 && (c == category || c == Category::Meta)
            };
            let corroborated = (i + 1..n.min(i + 1 + CORROBORATION_REACH))
                .any(|j| ev.reasons[j].iter().any(corroborates));
            let outweighs_what_follows = best_before[i] >= best_after[i];
            let after_article = end_after.is_some_and(|mass| best_before[i] >= mass);
            let closes = if after_article && (corroborated || outweighs_what_follows) {
                let list_ends = list_ends.get_or_insert_with(|| {
                    first_from_each(n, |j| ctx.page.blocks[j].features.marker == Marker::None)
                });
                let cards = || {
                    let next_prose = next_prose.get_or_insert_with(|| {
                        first_from_each(n, |j| opens_prose(ctx.page, &first, j))
                    });
                    let needed = resume_ratio * best_mass;
                    (category == Category::Related)
                        .then(|| {
                            content_after_cards(ctx.page, &first, &best_from, next_prose, needed, i)
                        })
                        .flatten()
                };
                match content_after_list(list_ends, &first, i).or_else(cards) {
                    Some(end) => {
                        in_box[i.max(boxed_until)..end.max(boxed_until)].fill(true);
                        boxed_until = boxed_until.max(end);
                        end
                    }
                    None => n,
                }
            } else {
                let needed = resume_ratio * best_mass;
                let at = match resumes.iter().position(|(t, _)| *t == needed) {
                    Some(at) => at,
                    None => {
                        // Content resumes at a block of positive score from which a run of
                        // at least `needed` starts.
                        let resume =
                            first_from_each(n, |j| first[j] > 0.0 && best_from[j] >= needed);
                        resumes.push((needed, resume));
                        resumes.len() - 1
                    }
                };
                resumes[at].1[i + 1]
            };
            let closes = closes.min(container_end(ctx.page, i, &mut container_ends));
            open = Some((rule, follow_weight, ctx.page.blocks[i].line, closes));
            continue;
        }
        if let Some((rule, weight, line, closes)) = open {
            if i >= closes {
                open = None;
            } else {
                ev.push(
                    i,
                    Reason {
                        rule,
                        weight,
                        detail: Detail::OpenedAt(line),
                    },
                );
            }
        }
    }
    in_box
}

/// For each block `i` (and one past the last): the first block from `i` on for which `holds`
/// is true, or `n`, the number of blocks, when there is none.
fn first_from_each(n: usize, holds: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut next = vec![n; n + 1];
    for j in (0..n).rev() {
        next[j] = if holds(j) { j } else { next[j + 1] };
    }
    next
}

/// Where content resumes right after the list that follows the section header at block `i`: a
/// "Related" box inside an article is a header, a few bulleted or numbered headlines, and the
/// article going on. `None` when no list of at least two items follows the header, or when what
/// follows the list is not content. `list_ends` gives, for each block, the first block from
/// there on that is not a bulleted or numbered item.
fn content_after_list(list_ends: &[usize], first: &[f32], i: usize) -> Option<usize> {
    let end = list_ends[i + 1];
    (end < first.len() && end - i > 2 && first[end] > 0.0).then_some(end)
}

/// The fewest sentences in a row, each a block of its own, that read as prose (see
/// [`opens_prose`]).
const PROSE_SENTENCES: usize = 3;

/// Whether block `j` opens prose: it is paragraph-long ([`PROSE_UNITS`] or more), or it and the
/// blocks after it are [`PROSE_SENTENCES`] blocks in a row that each end a sentence and lean
/// towards content in the first pass (`first`), as short paragraphs do and headlines of story
/// cards, which end no sentence, do not.
fn opens_prose(page: &Page<'_>, first: &[f32], j: usize) -> bool {
    let sentence = |k: usize| page.blocks[k].features.ends_sentence && first[k] > 0.0;
    page.blocks[j].features.units >= PROSE_UNITS
        || (j + PROSE_SENTENCES <= first.len() && (j..j + PROSE_SENTENCES).all(sentence))
}

/// Where the article resumes after a box of story cards that follows the "Related" header at
/// block `i`: the cards are short lines (headline, author, date, image placeholder), and the
/// first block of prose after them is content, followed by more content, and starts a run of
/// at least `needed` evidence (`best_from` gives the evidence of the best run from each block,
/// `next_prose` the first block from each block on that [`opens_prose`]). `None` when
/// that prose is a card's own (a teaser's excerpt, followed by the next card: the box is a list
/// of stories that runs on), or when it repeats other text of the page (a page's data repeating
/// its article after the boxes is not the article going on).
fn content_after_cards(
    page: &Page<'_>,
    first: &[f32],
    best_from: &[f32],
    next_prose: &[usize],
    needed: f32,
    i: usize,
) -> Option<usize> {
    let j = next_prose[i + 1];
    let block = page.blocks.get(j)?;
    let resumes = first[j] > 0.0
        && first.get(j + 1).is_some_and(|&next| next > 0.0)
        && best_from[j] >= needed
        && block.features.repeats <= 1;
    (resumes && j > i + 2).then_some(j)
}

/// On HTML pages, where the container of the section header at block `i` ends: the first block
/// after it outside the header's parent element (a "Related" heading and its list share a box;
/// the article going on after the box is outside it). The end of the page for plain text, or
/// when the header sits directly in `body`. `known` remembers the answer for each parent: the
/// headers under one parent share it.
fn container_end(page: &Page<'_>, i: usize, known: &mut FxHashMap<u32, usize>) -> usize {
    let n = page.blocks.len();
    let Some(parent) = page.element_of(&page.blocks[i]).map(|e| e.parent) else {
        return n;
    };
    let bounded = page
        .elements
        .get(parent as usize)
        .is_some_and(|e| !matches!(&*e.tag, "body" | "html"));
    if !bounded {
        return n;
    }
    *known.entry(parent).or_insert_with(|| {
        (i + 1..n)
            .find(|&j| {
                !page
                    .ancestry(page.blocks[j].element)
                    .any(|(e, _)| e == parent)
            })
            .unwrap_or(n)
    })
}

/// Fires `introduced-list` on the items of each list that the article introduces, unless an
/// item has chrome evidence beyond its shape (see [`Ctx::specific_chrome`]):
/// * two or more bulleted or numbered blocks (or HTML list items) after a block ending with a
///   colon that announces them: it has a positive score or, whatever its score,
///   [`ANNOUNCING_WORDS`] words or more and no chrome evidence beyond its shape;
/// * three or more blocks built alike ([`lists::shaped_run`]: dates, stages, ranks, rows of a
///   table of figures) right after a block of positive score, after a heading-like block
///   (short, without chrome evidence) that follows one, after a line that announces them, or
///   right after another such list.
fn introduced_lists(ctx: &Ctx<'_, '_>, ev: &mut Evidence<'_>) {
    let blocks = &ctx.page.blocks;
    let n = blocks.len();
    let chrome = |j: usize| ctx.specific_chrome(&ev.reasons[j]);
    // A line ending with a colon announces what follows when it is content, or, whatever its
    // own score, when it says enough and has no chrome evidence beyond its shape.
    let announces = |j: usize| {
        ctx.page.text(&blocks[j]).ends_with([':', '：'])
            && (ev.score(j) > 0.0 || (blocks[j].features.words >= ANNOUNCING_WORDS && !chrome(j)))
    };
    let mut lists = Vec::new();
    let mut i = 0;
    while i < n {
        let (end, items) = match announces(i) {
            true => marked_items(ctx.page, i + 1, chrome),
            false => (i + 1, 0),
        };
        if items >= 2 {
            lists.push(i + 1..end);
        }
        i = end.max(i + 1);
    }
    let text = |j: usize| blocks.get(j).map(|b| ctx.page.text(b));
    let heading_like = |j: usize| blocks[j].features.units < PROSE_UNITS && !chrome(j);
    let mut start = 1;
    while start < n {
        // A list whose lines change shape part way (`July 30 -- …`, then `Aug. 2 -- …`) goes
        // on as another run right after the first.
        let follows_content = ev.score(start - 1) > 0.0
            || (start >= 2 && ev.score(start - 2) > 0.0 && heading_like(start - 1))
            || announces(start - 1)
            || lists
                .last()
                .is_some_and(|list: &Range<usize>| list.end == start);
        let run = follows_content
            .then(|| lists::shaped_run(text, start, SHAPED_LIST_ITEMS))
            .flatten();
        match run {
            Some(run) => {
                start = run.end;
                lists.push(run);
            }
            None => start += 1,
        }
    }
    let mut items = vec![false; n];
    let is_item = |j: usize| blocks[j].features.marker != Marker::None;
    for list in lists {
        if !list.clone().any(|j| chrome(j) && is_item(j)) {
            // A line between items with chrome evidence (an image placeholder) stays out.
            for j in list.filter(|&j| !chrome(j)) {
                items[j] = true;
            }
        }
    }
    for (j, _) in items.iter().enumerate().filter(|(_, item)| **item) {
        ctx.fire(Signal::IntroducedList, j, ev, Detail::None);
    }
}

/// The most blocks between two items of a list: its own lines (a link, an image, a line of
/// detail), as a text dump writes a list whose items hold more than one line.
const ITEM_LINES: usize = 2;

/// The list of bulleted or numbered blocks (or the texts of HTML `li` elements) that starts at
/// block `first`: its end and how many items it holds. Up to [`ITEM_LINES`] blocks may follow each
/// item (`1) Lego Star Wars 75188`, `http://amzn.to/…`, `[image]`, `2) …`) where the next item goes
/// on with the numbering, or, for bullets, where none of those blocks has chrome evidence
/// (`chrome(j)`); either every item has such lines or none has. The lines that follow the last item
/// are the list's too when the items before it had some.
fn marked_items(page: &Page<'_>, first: usize, chrome: impl Fn(usize) -> bool) -> (usize, usize) {
    let n = page.blocks.len();
    let is_item = |j: usize| {
        j < n
            && (page.blocks[j].features.marker != Marker::None
                || page
                    .element_of(&page.blocks[j])
                    .is_some_and(|e| e.tag == html5ever::local_name!("li")))
    };
    let number = |j: usize| lists::item_number(page.text(&page.blocks[j]));
    let (mut at, mut items, mut lines) = (first, 0, 0);
    while is_item(at) {
        items += 1;
        let next = (at + 1..n.min(at + 2 + ITEM_LINES)).find(|&j| is_item(j));
        let Some(next) = next else {
            // The last item: its lines are as many as the item before had, if it had any.
            let own = (at + 1..n.min(at + 1 + lines)).take_while(|&j| !is_item(j) && !chrome(j));
            return (own.last().map_or(at + 1, |j| j + 1), items);
        };
        let gap = next - at - 1;
        // Items without lines of their own make a list of them only.
        let goes_on = match (number(at), number(next)) {
            _ if items > 1 && (gap == 0) != (lines == 0) => false,
            _ if gap == 0 => true,
            (Some(a), Some(b)) => b == a + 1,
            _ => (at + 1..next).all(|j| !chrome(j)),
        };
        if !goes_on {
            return (at + 1, items);
        }
        (lines, at) = (gap, next);
    }
    (at, items)
}

/// Settles undecided blocks from their neighbours, and headings before content.
fn neighbours(ctx: &Ctx<'_, '_>, ev: &mut Evidence<'_>) {
    let margin = ctx
        .weight_of(Signal::BetweenContent)
        .max(ctx.weight_of(Signal::BetweenChrome));
    let decided = |score: f32| -> Option<bool> { (score.abs() >= margin).then_some(score > 0.0) };
    let n = ev.tallies.len();
    let mut next_decided: Vec<Option<bool>> = vec![None; n + 1];
    for i in (0..n).rev() {
        next_decided[i] = decided(ev.score(i)).or(next_decided[i + 1]);
    }
    // Reasons are only added to block `i` once it is reached: the scores read of it and of the
    // blocks after it are those from before this step.
    let mut prev: Option<bool> = None;
    for i in 0..n {
        if let Some(label) = decided(ev.score(i)) {
            prev = Some(label);
            continue;
        }
        let rescuable = !ctx.specific_chrome(&ev.reasons[i]);
        let content_follows =
            (i + 1..n.min(i + 1 + HEADING_REACH)).find_map(|j| decided(ev.score(j))) == Some(true);
        if rescuable
            && content_follows
            && ctx.fire(Signal::HeadingBeforeContent, i, ev, Detail::None)
        {
            continue;
        }
        let next = next_decided[i + 1];
        let agreed = match (prev, next) {
            (Some(a), Some(b)) if a == b => Some(a),
            (Some(a), None) | (None, Some(a)) => Some(a),
            _ => None,
        };
        match agreed {
            Some(true) if rescuable => ctx.fire(Signal::BetweenContent, i, ev, Detail::None),
            Some(false) => ctx.fire(Signal::BetweenChrome, i, ev, Detail::None),
            _ => false,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_whatever_their_case_and_spacing() {
        assert!(same_words(
            "Council  passes the BUDGET",
            "council passes the budget"
        ));
        assert!(same_words("Ünïcode Straße", "üNÏCODE  straße"));
        assert!(!same_words("Council passes", "Council passes the budget"));
        assert!(!same_words(
            "Council fails the budget",
            "Council passes the budget"
        ));
    }

    #[test]
    fn main_text_is_the_best_run() {
        assert_eq!(
            main_text(&[-1.0, 2.0, 3.0, -1.0, 4.0, -9.0, -9.0, 5.0]),
            Some((1, 5, 8.0))
        );
        assert_eq!(
            main_text(&[4.0, -9.0, 5.0]),
            Some((0, 3, 6.0)),
            "one block never splits"
        );
        assert_eq!(main_text(&[-1.0, -2.0]), None);
        assert_eq!(main_text(&[]), None);
    }

    #[test]
    fn a_lead_is_three_content_blocks_or_more_before_the_main_text() {
        let leads = |scores: &[f32], start: usize, mass: f32| -> Vec<Range<usize>> {
            cut_off_leads(scores, start, mass).collect()
        };
        // Three paragraphs, a gallery, then the main text from block 6 on.
        let page = [5.0, 4.0, 6.0, -9.0, -9.0, -9.0, 7.0, 7.0];
        assert_eq!(leads(&page, 6, 40.0), vec![0..3]);
        assert_eq!(
            leads(&page, 6, 61.0),
            Vec::<Range<usize>>::new(),
            "too light beside the main text"
        );
        assert_eq!(
            leads(&[5.0, -1.0, 6.0, 7.0, -9.0, 7.0], 5, 7.0),
            Vec::<Range<usize>>::new(),
            "teasers between chrome are no lead"
        );
        assert_eq!(
            leads(
                &[-2.0, 3.0, 3.0, 3.0, 0.0, 3.0, 3.0, 3.0, -9.0, 9.0],
                9,
                9.0
            ),
            vec![1..4, 5..8]
        );
    }

    #[test]
    fn shingles_find_blocks_inside_a_text() {
        let body =
            Shingles::of("First paragraph of the story. Second paragraph, with more words in it.");
        assert!(body.covers("Second paragraph, with more words in it."));
        assert!(!body.covers("Completely different words are here."));
        assert!(!body.covers("First paragraph"), "too short to tell");
    }
}
