//! The result of cleaning one page: every block with its verdict, the page's metadata, and the
//! kept text. Renderings (text, diff, JSON, explanation table) live in `render`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cleaner::Options;
use crate::page::{Block, InputKind, Metadata, Page};
use crate::rules::{Category, Rule, RuleSet};
use crate::verdict::{Detail, Label, Reason, Verdict};

/// A cleaned page.
#[derive(Debug)]
pub struct Outcome<'a> {
    page: Page<'a>,
    verdicts: Vec<Verdict>,
    rules: &'a RuleSet,
    options: Options,
}

/// One block and its verdict.
#[derive(Clone, Copy, Debug)]
pub struct BlockVerdict<'o> {
    /// The block's trimmed text.
    pub text: &'o str,
    /// The block as it appeared (plain text: the whole line, or the lines of a wrapped paragraph).
    pub raw: &'o str,
    /// 1-based line (plain text: its first line, for wrapped text) or block number (HTML).
    pub line: u32,
    /// The decision.
    pub verdict: &'o Verdict,
    /// The block's measurements and place in the page.
    pub block: &'o Block,
}

/// Counts of kept and dropped blocks.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// All blocks.
    pub blocks: usize,
    /// Blocks kept.
    pub kept: usize,
    /// Blocks dropped.
    pub dropped: usize,
    /// Dropped blocks per category.
    pub dropped_by_category: BTreeMap<Category, usize>,
}

impl<'a> Outcome<'a> {
    pub(crate) fn new(
        page: Page<'a>,
        verdicts: Vec<Verdict>,
        rules: &'a RuleSet,
        options: Options,
    ) -> Self {
        Outcome {
            page,
            verdicts,
            rules,
            options,
        }
    }

    /// Every block with its verdict, in page order.
    pub fn blocks(&self) -> impl Iterator<Item = BlockVerdict<'_>> {
        self.page
            .blocks
            .iter()
            .zip(&self.verdicts)
            .map(|(block, verdict)| BlockVerdict {
                text: self.page.text(block),
                raw: self.page.raw(block),
                line: block.line,
                verdict,
                block,
            })
    }

    /// The kept blocks, as they appeared, in page order (without the title line of `keep_title`).
    /// The lines of a Markdown page come as a reader sees them, unless `keep_markdown` is set.
    pub fn kept(&self) -> impl Iterator<Item = &str> {
        let as_seen = self.page.kind == InputKind::Text
            && self.page.text_in_arena
            && !self.options.keep_markdown;
        self.blocks()
            .filter(|b| b.verdict.label == Label::Content)
            .map(move |b| if as_seen { b.text } else { b.raw })
    }

    /// The cleaned text: the title first if asked for, then one kept block per line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if self.options.keep_title
            && let Some(title) = self.title()
        {
            out.push_str(title);
            out.push('\n');
        }
        for line in self.kept() {
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// The page as the rule engine saw it.
    pub fn page(&self) -> &Page<'a> {
        &self.page
    }

    /// The rules that judged the page.
    pub fn rules(&self) -> &RuleSet {
        self.rules
    }

    /// Title, byline, date and site name.
    pub fn metadata(&self) -> &Metadata {
        &self.page.meta
    }

    /// The page's title, when found.
    pub fn title(&self) -> Option<&str> {
        self.page.meta.title.as_deref()
    }

    /// The page's main language (ISO 639-1 code), when known.
    pub fn language(&self) -> Option<&str> {
        self.page
            .lang
            .map(|l| self.rules.languages().get(l).code.as_str())
    }

    /// The encoding the input was read as.
    pub fn encoding(&self) -> &'static str {
        self.page.encoding.name()
    }

    /// Whether the input was HTML or plain text.
    pub fn input_kind(&self) -> InputKind {
        self.page.kind
    }

    /// Counts of kept and dropped blocks.
    pub fn stats(&self) -> Stats {
        let mut stats = Stats {
            blocks: self.verdicts.len(),
            ..Stats::default()
        };
        for verdict in &self.verdicts {
            match verdict.label {
                Label::Content => stats.kept += 1,
                Label::Chrome => {
                    stats.dropped += 1;
                    *stats
                        .dropped_by_category
                        .entry(verdict.category)
                        .or_default() += 1;
                }
            }
        }
        stats
    }

    /// The rule behind a reason.
    pub fn rule(&self, reason: &Reason) -> &Rule {
        self.rules.rule(reason.rule)
    }

    /// What a reason matched, as text for explanations.
    pub fn matched(&self, block: &Block, reason: &Reason) -> Option<String> {
        match reason.detail {
            Detail::None => None,
            Detail::Text(start, end) => self
                .page
                .text(block)
                .get(start as usize..end as usize)
                .map(str::to_string),
            Detail::Element(e) => self.page.elements.get(e as usize).map(|element| {
                match crate::dom::matched_token(&self.page, element, self.rules, reason.rule) {
                    Some(t) => format!("class/id \"{}\"", self.page.tokens[t as usize]),
                    None => format!("<{}>", &*element.tag),
                }
            }),
            Detail::OpenedAt(line) => Some(format!("section opened at line {line}")),
            Detail::Run(n) => Some(format!("run of {n} blocks")),
            Detail::Repeats(n) => Some(format!("{n} times in the page")),
            Detail::RepeatsAt(1) => Some("again in the next block".to_string()),
            Detail::RepeatsAt(gap) => Some(format!("again {gap} blocks away")),
        }
    }
}
