//! Rules compiled for matching: one automaton per kind, built once per rule set.
//!
//! * phrases that must be the whole line go into a hash table of their ASCII lower-case forms,
//!   looked up with each block's line key when a phrase has its length and first byte, and with
//!   the parts of a short key that may be a row of them (see [`super::rows`]);
//! * the other phrases are literals of the rule set's [`crate::lexicon::Lexicon`], found by the
//!   one pass over each block's words; here each one found is checked against its phrase's mode
//!   (prefix, contains);
//! * regexes are compiled once and tried one by one, only for the blocks their rule's
//!   conditions accept and that pass their gate (see [`super::gates`]): the first or last bytes
//!   of the block, looked up in tables with a bit per regex, or a literal the lexicon found. The
//!   gates are looked at only for the regexes whose rules may fire on a block of that input and
//!   length;
//! * every class/id token pattern goes into one automaton, run once per distinct token of a page;
//! * tags, zones and selectors are listed per rule.

use std::hash::Hasher;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use html5ever::LocalName;
use regex::Regex;
use rustc_hash::FxHashMap;

use super::edges::EdgeTables;
use super::gates::gate;
use super::rows;
use super::{Header, InputScope, PhraseMode, Rule, RuleKind};
use crate::error::{Error, Result};
use crate::html::selector::ElementSelector;
use crate::lexicon::{Found, LiteralSpec};
use crate::page::{InputKind, Zones};

/// The rule a phrase belongs to.
#[derive(Debug)]
struct PhraseOwner {
    rule: u32,
    mode: PhraseMode,
    /// The phrase ends with an ASCII letter or digit (so must not precede one).
    word_end: bool,
    /// The phrase is the header of a section rule.
    header: bool,
}

/// How many regexes can be gated: the bits of a [`RegexGates`] mask. Later ones run on every
/// block their conditions accept.
const GATED_REGEXES: usize = 64;

/// For one block, the gated regexes that may match it: bit `n` for regex `n`.
pub(crate) type RegexGates = u64;

/// The gates of the regexes (see [`super::gates`]).
#[derive(Debug)]
struct GateTables {
    start: EdgeTables,
    end: EdgeTables,
    /// The regexes with branches tested at the start (end) of blocks.
    at_start: RegexGates,
    at_end: RegexGates,
    /// The regexes that may match any block.
    always: RegexGates,
    /// For each regex literal of the lexicon (after the phrases), its regex's bit.
    literals: Vec<RegexGates>,
}

impl Default for GateTables {
    fn default() -> Self {
        GateTables {
            start: EdgeTables::new(false),
            end: EdgeTables::new(true),
            at_start: 0,
            at_end: 0,
            always: 0,
            literals: Vec::new(),
        }
    }
}

impl GateTables {
    /// Of the regexes `asked`, those that may match a block whose text (without a leading
    /// bullet or list number) is `body`, given the bits of the regex literals found in it. An
    /// edge is looked at only when it may open an asked regex not open yet.
    fn open(&self, body: &[u8], literal_bits: RegexGates, asked: RegexGates) -> RegexGates {
        let mut open = (self.always | literal_bits) & asked;
        if body.is_empty() {
            return open;
        }
        for (tables, holds) in [(&self.start, self.at_start), (&self.end, self.at_end)] {
            if holds & asked & !open != 0 {
                open |= tables.open(body, literal_bits) & asked;
            }
        }
        open
    }
}

/// What a token pattern of the automaton belongs to.
#[derive(Debug)]
struct TokenOwner {
    rule: u32,
    /// Must start a token or a `-`/`_`-separated part of one.
    anchored_start: bool,
    /// Must end a token or a part of one.
    anchored_end: bool,
}

/// A regex rule's compiled pattern.
#[derive(Debug)]
struct RuleRegex {
    rule: u32,
    regex: Regex,
}

/// What a shape rule looks at besides its conditions: its kind's parameters, at hand.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ShapeKind {
    /// The conditions alone (`kind = "feature"`).
    Feature,
    /// Repetition (`kind = "repeated"`): occurrences needed, and how near the closest other one
    /// must be, when set.
    Repeated { min_count: u16, within: Option<u16> },
    /// A run of blocks (`kind = "run"`).
    Run,
}

/// A rule that looks at a block's shape alone, with the units its blocks must have.
#[derive(Debug)]
pub(crate) struct ShapeRule {
    /// Index of the rule.
    pub rule: u32,
    /// What it looks at besides its conditions.
    pub kind: ShapeKind,
    /// The greatest `units` minimum of its `when` conditions.
    min_units: f32,
    /// The least `units` maximum of its `when` conditions.
    max_units: f32,
}

impl ShapeRule {
    fn new(index: u32, rule: &Rule, kind: ShapeKind) -> ShapeRule {
        ShapeRule {
            rule: index,
            kind,
            min_units: rule.min_units(),
            max_units: rule.max_units(),
        }
    }

    /// Whether the rule's `units` conditions may hold for a block of `units`: a test before the
    /// others that rules out most blocks at once.
    pub fn may_fit(&self, units: f32) -> bool {
        !(units < self.min_units || units > self.max_units)
    }
}

/// The compiled matchers of a rule set.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    /// Whole-line phrases, ASCII lower-cased, with their rules.
    line_phrases: FxHashMap<Box<[u8]>, Vec<PhraseOwner>>,
    /// Whether a whole-line phrase has this many bytes, by length up to the longest.
    line_phrase_lengths: Vec<bool>,
    /// Whether a whole-line phrase starts with this byte (either case of ASCII letters).
    line_phrase_starts: ByteSet,
    /// The first words of whole-line phrases, by [`word_hash`], with what is known of the
    /// phrases they start (see [`rows`]).
    line_phrase_first_words: FxHashMap<u64, rows::Starts>,
    /// Prefix and contains phrases, ASCII lower-cased, with the longest block (in units) their
    /// rule may fire on; a phrase's index here is its literal's index in the lexicon.
    phrases: Vec<(Box<[u8]>, f32)>,
    phrase_owners: Vec<PhraseOwner>,
    /// The literals regexes require, with the longest block their rule may fire on.
    gate_literals: Vec<(Vec<u8>, f32)>,
    gates: GateTables,
    regexes: Vec<RuleRegex>,
    /// The gated regexes whose rules may fire on blocks of that many units or fewer: limits
    /// ascending, each with the regexes whose limit is at least that.
    unit_limits: Vec<(f32, RegexGates)>,
    /// The gated regexes whose rules may fire on HTML pages, and on plain text.
    html_regexes: RegexGates,
    text_regexes: RegexGates,
    tokens: Option<AhoCorasick>,
    token_owners: Vec<TokenOwner>,
    /// (rule, tag) pairs of dom rules.
    pub tags: Vec<(u32, LocalName)>,
    /// (rule, zones) pairs of dom rules.
    pub zones: Vec<(u32, Zones)>,
    /// (rule, selector) pairs of dom rules.
    pub selectors: Vec<(u32, ElementSelector)>,
    /// Indices of all dom rules, in order; a dom rule's position here is its bit in hit sets.
    pub dom_rules: Vec<u32>,
    /// The rules that look at a block's shape alone: feature, repeated and run rules.
    pub shape_rules: Vec<ShapeRule>,
}

impl Compiled {
    pub(crate) fn new(rules: &[Rule]) -> Result<Compiled> {
        let mut compiled = Compiled::default();
        let mut token_patterns: Vec<String> = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            let index = index as u32;
            let fail = |message: String| Error::Rule {
                file: rule.file.clone(),
                line: rule.line,
                column: 1,
                message,
            };
            match &rule.kind {
                RuleKind::Phrase {
                    mode,
                    phrases: list,
                }
                | RuleKind::Section {
                    header:
                        Header::Phrases {
                            mode,
                            phrases: list,
                        },
                    ..
                } => {
                    for phrase in list.iter().flat_map(|p| with_apostrophes(p)) {
                        let owner = PhraseOwner {
                            rule: index,
                            mode: *mode,
                            word_end: phrase.ends_with(|c: char| c.is_ascii_alphanumeric()),
                            header: matches!(rule.kind, RuleKind::Section { .. }),
                        };
                        let phrase = phrase.into_bytes().to_ascii_lowercase();
                        if *mode == PhraseMode::Line {
                            compiled.add_line_phrase(phrase, owner);
                        } else {
                            compiled.phrase_owners.push(owner);
                            compiled.phrases.push((phrase.into(), rule.max_units()));
                        }
                    }
                }
                RuleKind::Regex { pattern }
                | RuleKind::Section {
                    header: Header::Pattern(pattern),
                    ..
                } => {
                    let regex = Regex::new(pattern)
                        .map_err(|e| fail(format!("bad regex in rule `{}`: {e}", rule.id)))?;
                    if compiled.regexes.len() < GATED_REGEXES {
                        compiled.add_gate(pattern, rule);
                    }
                    compiled.regexes.push(RuleRegex { rule: index, regex });
                }
                RuleKind::Dom {
                    tokens,
                    tags,
                    zones,
                    selector,
                    ..
                } => {
                    compiled.dom_rules.push(index);
                    for token in tokens {
                        let anchored_start = !token.starts_with('*');
                        let anchored_end = !token.ends_with('*');
                        let bare = token.trim_matches('*');
                        if bare.is_empty() || bare.contains('*') {
                            return Err(fail(format!(
                                "bad token pattern `{token}` in rule `{}`: `*` goes only at either end",
                                rule.id
                            )));
                        }
                        compiled.token_owners.push(TokenOwner {
                            rule: index,
                            anchored_start,
                            anchored_end,
                        });
                        token_patterns.push(bare.to_string());
                    }
                    compiled
                        .tags
                        .extend(tags.iter().map(|t| (index, LocalName::from(t.as_str()))));
                    compiled.zones.extend(
                        zones
                            .iter()
                            .filter_map(|z| Zones::named(z))
                            .map(|z| (index, z)),
                    );
                    if let Some(selector) = selector {
                        let parsed = ElementSelector::parse(selector).map_err(|e| {
                            fail(format!("bad selector in rule `{}`: {e}", rule.id))
                        })?;
                        compiled.selectors.push((index, parsed));
                    }
                }
                RuleKind::Feature => {
                    compiled
                        .shape_rules
                        .push(ShapeRule::new(index, rule, ShapeKind::Feature))
                }
                RuleKind::Repeated { min_count, within } => {
                    compiled.shape_rules.push(ShapeRule::new(
                        index,
                        rule,
                        ShapeKind::Repeated {
                            min_count: *min_count,
                            within: *within,
                        },
                    ))
                }
                RuleKind::Run { .. } => {
                    compiled
                        .shape_rules
                        .push(ShapeRule::new(index, rule, ShapeKind::Run))
                }
                RuleKind::Context { .. } => {}
            }
        }
        compiled.gates.start.finish();
        compiled.gates.end.finish();
        compiled.unit_limits = unit_limits(rules, &compiled.regexes);
        if !token_patterns.is_empty() {
            compiled.tokens = Some(automaton(&token_patterns, false)?);
        }
        Ok(compiled)
    }

    /// Calls `hit(rule, start, end)` for every whole-line phrase rule matching a block, given
    /// its trimmed `text` and its line `key` (see [`crate::marker::line_key`]) as a range of
    /// `text`. A key that is no phrase but a row of them (see [`rows`]) matches the phrase
    /// rules of its labels; section headers among them open no section. `scratch` is a reusable
    /// buffer.
    pub(crate) fn line_phrase_hits(
        &self,
        text: &str,
        key: Range<usize>,
        scratch: &mut Vec<u8>,
        mut hit: impl FnMut(u32, usize, usize),
    ) {
        let glued_after = text
            .as_bytes()
            .get(key.end)
            .is_some_and(u8::is_ascii_alphanumeric);
        if let Some(owners) = self.line_phrase(&text[key.clone()], scratch) {
            for owner in owners {
                if !(owner.word_end && glued_after) {
                    hit(owner.rule, key.start, key.end);
                }
            }
            return;
        }
        if glued_after {
            return;
        }
        let row = &text[key.clone()];
        let starts = |word: &str| self.phrases_starting(word);
        let is_label = |label| self.line_phrase(&row[label], scratch).is_some();
        let Some(labels) = rows::labels(row, starts, is_label) else {
            return;
        };
        for label in labels.iter() {
            let owners = self.line_phrase(&row[label.clone()], scratch);
            for owner in owners.into_iter().flatten().filter(|o| !o.header) {
                hit(owner.rule, key.start + label.start, key.start + label.end);
            }
        }
    }

    /// What is known of the whole-line phrases starting with `word` (nothing when none does;
    /// when hashes collide, a word may be taken for one that does).
    fn phrases_starting(&self, word: &str) -> rows::Starts {
        (self.line_phrase_first_words.get(&word_hash(word)).copied()).unwrap_or_default()
    }

    /// The owners of the whole-line phrase `key`, if it is one. `scratch` is a reusable buffer.
    fn line_phrase(&self, key: &str, scratch: &mut Vec<u8>) -> Option<&[PhraseOwner]> {
        let bytes = key.as_bytes();
        if !self.line_phrase_lengths.get(key.len()).is_some_and(|&l| l)
            || !bytes
                .first()
                .is_none_or(|b| contains(&self.line_phrase_starts, *b))
        {
            return None;
        }
        scratch.clear();
        scratch.extend(bytes.iter().map(u8::to_ascii_lowercase));
        self.line_phrases.get(scratch.as_slice()).map(Vec::as_slice)
    }

    /// Adds a whole-line phrase (ASCII lower-cased) of `owner`.
    fn add_line_phrase(&mut self, phrase: Vec<u8>, owner: PhraseOwner) {
        let lengths = &mut self.line_phrase_lengths;
        if lengths.len() <= phrase.len() {
            lengths.resize(phrase.len() + 1, false);
        }
        lengths[phrase.len()] = true;
        if let Ok(text) = std::str::from_utf8(&phrase) {
            let (first, words) = rows::first_word(text);
            let starts = (self.line_phrase_first_words.entry(word_hash(first))).or_default();
            starts.add(words, phrase.len());
        }
        if let Some(&first) = phrase.first() {
            for b in [first, first.to_ascii_uppercase()] {
                self.line_phrase_starts[usize::from(b / 64)] |= 1 << (b % 64);
            }
        }
        self.line_phrases
            .entry(phrase.into())
            .or_default()
            .push(owner);
    }

    /// Works out the gate of the next regex, of `rule` (see [`super::gates`]).
    fn add_gate(&mut self, pattern: &str, rule: &Rule) {
        let bit: RegexGates = 1 << self.regexes.len();
        let gate = gate(pattern);
        let tables = &mut self.gates;
        if !gate.start.is_empty() {
            tables.at_start |= bit;
        }
        if !gate.end.is_empty() {
            tables.at_end |= bit;
        }
        let tested = tables.start.add(gate.start, bit) && tables.end.add(gate.end, bit);
        if gate.always || !tested {
            tables.always |= bit;
        }
        for literal in gate.literals {
            tables.literals.push(bit);
            self.gate_literals.push((literal, rule.max_units()));
        }
        if rule.input != InputScope::Text {
            self.html_regexes |= bit;
        }
        if rule.input != InputScope::Html {
            self.text_regexes |= bit;
        }
    }

    /// The gated regexes whose rules may fire on a block of `units` of a page of `kind`: input
    /// scope and units limit, the conditions that rule most blocks out at once.
    pub(crate) fn regex_candidates(&self, kind: InputKind, units: f32) -> RegexGates {
        let by_kind = match kind {
            InputKind::Html => self.html_regexes,
            InputKind::Text => self.text_regexes,
        };
        let limit = self.unit_limits.partition_point(|&(max, _)| max < units);
        self.unit_limits
            .get(limit)
            .map_or(0, |&(_, fit)| fit & by_kind)
    }

    /// The literals the lexicon looks for: the prefix and contains phrases, then the regex
    /// literals.
    pub(crate) fn literals(&self) -> impl Iterator<Item = LiteralSpec<'_>> {
        let phrases = self.phrases.iter().map(|(bytes, max_units)| LiteralSpec {
            bytes,
            max_units: *max_units,
            whole_words: true,
        });
        let regex_literals = self
            .gate_literals
            .iter()
            .map(|(bytes, max_units)| LiteralSpec {
                bytes,
                max_units: *max_units,
                whole_words: false,
            });
        phrases.chain(regex_literals)
    }

    /// Calls `hit(rule, start, end)` for every prefix and contains phrase rule matching a block,
    /// given the literals `found` in it, and the start of its line key (see
    /// [`crate::marker::line_key`]), where prefixes must be. Hits come in the order an
    /// automaton would report them: by end, and for the same end the longest first. Returns the
    /// regexes whose literals were found.
    pub(crate) fn literal_hits(
        &self,
        found: &mut [Found],
        key_start: u32,
        mut hit: impl FnMut(u32, usize, usize),
    ) -> RegexGates {
        found.sort_unstable_by_key(|f| (f.end, f.start, f.literal));
        let mut regexes = 0;
        for f in found.iter() {
            let Some(owner) = self.phrase_owners.get(f.literal as usize) else {
                regexes |= self.gates.literals[f.literal as usize - self.phrase_owners.len()];
                continue;
            };
            if owner.mode == PhraseMode::Contains || f.start == key_start {
                hit(owner.rule, f.start as usize, f.end as usize);
            }
        }
        regexes
    }

    /// Calls `hit(rule, start, end)` for every regex rule that `wanted` accepts and that matches
    /// `body`, a block's text without a leading bullet or list number; `found` are the regexes
    /// whose literals are in it ([`Compiled::literal_hits`]), `candidates` the gated ones whose
    /// rules may fire on the block ([`Compiled::regex_candidates`]). Rules are tried one by one,
    /// in order, only where their gate lets them (see [`super::gates`]), so that rules whose
    /// conditions already failed cost nothing and each regex keeps its own search strategy
    /// (anchors, literal prefilters), which one combined set of many Unicode patterns would lose.
    pub(crate) fn regex_hits(
        &self,
        body: &str,
        found: RegexGates,
        candidates: RegexGates,
        mut wanted: impl FnMut(u32) -> bool,
        mut hit: impl FnMut(u32, usize, usize),
    ) {
        let mut try_regex = |r: &RuleRegex| {
            if wanted(r.rule)
                && let Some(m) = r.regex.find(body)
            {
                hit(r.rule, m.start(), m.end());
            }
        };
        let mut open = self.gates.open(body.as_bytes(), found, candidates);
        while open != 0 {
            try_regex(&self.regexes[open.trailing_zeros() as usize]);
            open &= open - 1;
        }
        self.regexes.iter().skip(GATED_REGEXES).for_each(try_regex);
    }

    /// Calls `hit(rule)` for every dom rule whose token patterns match `token`.
    pub(crate) fn token_hits(&self, token: &str, mut hit: impl FnMut(u32)) {
        let Some(ac) = &self.tokens else { return };
        let bytes = token.as_bytes();
        let separator = |b: u8| b == b'-' || b == b'_';
        for m in ac.find_overlapping_iter(token) {
            let owner = &self.token_owners[m.pattern().as_usize()];
            let starts = m.start() == 0 || separator(bytes[m.start() - 1]);
            let ends = m.end() == bytes.len() || separator(bytes[m.end()]);
            if (!owner.anchored_start || starts) && (!owner.anchored_end || ends) {
                hit(owner.rule);
            }
        }
    }
}

/// For [`Compiled::unit_limits`]: the distinct units limits of the gated `regexes` (rules
/// indexed by `rules`), ascending, each with the regexes whose limit is at least that.
fn unit_limits(rules: &[Rule], regexes: &[RuleRegex]) -> Vec<(f32, RegexGates)> {
    let limits: Vec<f32> = regexes
        .iter()
        .take(GATED_REGEXES)
        .map(|r| rules[r.rule as usize].max_units())
        .collect();
    let mut distinct = limits.clone();
    distinct.sort_by(f32::total_cmp);
    distinct.dedup();
    distinct
        .into_iter()
        .map(|limit| {
            let fit = (limits.iter().enumerate())
                .filter(|&(_, &max)| max >= limit)
                .fold(0, |bits, (n, _)| bits | 1 << n);
            (limit, fit)
        })
        .collect()
}

/// A hash of `word` with ASCII case folded.
fn word_hash(word: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    word.bytes()
        .for_each(|b| hasher.write_u8(b.to_ascii_lowercase()));
    hasher.finish()
}

/// A set of bytes: bit `b % 64` of word `b / 64` for byte `b`.
type ByteSet = [u64; 4];

/// Whether `set` holds the byte `b`.
fn contains(set: &ByteSet, b: u8) -> bool {
    set[usize::from(b / 64)] & (1 << (b % 64)) != 0
}

/// A phrase as pages may write it: with a typographic apostrophe (’) as well as a straight one
/// (`s'abonner`, `s’abonner`; `don't`, `don’t`).
fn with_apostrophes(phrase: &str) -> Vec<String> {
    let mut forms = vec![phrase.to_string()];
    for (from, to) in [('\'', '’'), ('’', '\'')] {
        if phrase.contains(from) {
            forms.push(phrase.replace(from, &to.to_string()));
        }
    }
    forms
}

fn automaton<P: AsRef<[u8]>>(patterns: &[P], ascii_case_insensitive: bool) -> Result<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(ascii_case_insensitive)
        .build(patterns)
        .map_err(|e| Error::Rule {
            file: "rules".into(),
            line: 1,
            column: 1,
            message: format!("phrase automaton: {e}"),
        })
}

#[cfg(test)]
mod tests {
    use super::RegexGates;
    use crate::rules::RuleSet;

    fn set(toml: &str) -> RuleSet {
        RuleSet::builder().file("t.toml", toml).build().unwrap()
    }

    const RULES: &str = r#"
[[rule]]
id = "t.line"
category = "share"
kind = "phrase"
match = "line"
phrases = ["share"]
weight = -1.0
message = "m"
explanation = "e"

[[rule]]
id = "t.contains"
category = "ads"
kind = "phrase"
match = "contains"
phrases = ["ad"]
weight = -1.0
message = "m"
explanation = "e"

[[rule]]
id = "t.dom"
category = "comments"
kind = "dom"
tokens = ["comment", "disqus*", "*reply*"]
weight = -1.0
message = "m"
explanation = "e"
"#;

    /// The test rules (`t.…`) that phrases and regexes fire on `text`, with what they matched.
    fn matches(set: &RuleSet, text: &str) -> Vec<(String, String)> {
        let key = crate::marker::line_key(text);
        let start = key.as_ptr() as usize - text.as_ptr() as usize;
        let key = start..start + key.len();
        let mut hits = Vec::new();
        let mut hit = |r: u32, start: usize, end: usize| {
            hits.push((set.rule(r).id.clone(), text[start..end].to_string()))
        };
        set.compiled
            .line_phrase_hits(text, key.clone(), &mut Vec::new(), &mut hit);
        let mut found = Vec::new();
        let units = text.len() as f32;
        set.lexicon
            .scan_text(set.languages(), text, units, |f| found.push(f));
        let regexes = set
            .compiled
            .literal_hits(&mut found, key.start as u32, &mut hit);
        set.compiled
            .regex_hits(text, regexes, RegexGates::MAX, |_| true, &mut hit);
        hits.retain(|(id, _)| id.starts_with("t."));
        hits
    }

    fn phrase_rules(set: &RuleSet, text: &str) -> Vec<String> {
        let mut ids: Vec<String> = matches(set, text).into_iter().map(|(id, _)| id).collect();
        ids.sort();
        ids.dedup();
        ids
    }

    #[test]
    fn phrases_respect_mode_and_word_edges() {
        let set = set(RULES);
        assert_eq!(phrase_rules(&set, "• Share (3)"), ["t.line"]);
        assert!(phrase_rules(&set, "Share this story").is_empty());
        assert_eq!(phrase_rules(&set, "An ad here"), ["t.contains"]);
        assert!(
            phrase_rules(&set, "A shadow and a header").is_empty(),
            "no match inside words"
        );
    }

    #[test]
    fn phrases_match_either_apostrophe() {
        let set = set(&RULES.replace("phrases = [\"share\"]", "phrases = [\"s'abonner\"]"));
        assert_eq!(phrase_rules(&set, "S’abonner"), ["t.line"]);
        assert_eq!(phrase_rules(&set, "S'abonner"), ["t.line"]);
    }

    #[test]
    fn tokens_match_parts_prefixes_and_infixes() {
        let set = set(RULES);
        let hits = |token: &str| {
            let mut n = 0;
            set.compiled
                .token_hits(token, |r| n += (set.rule(r).id == "t.dom") as usize);
            n > 0
        };
        assert!(hits("comment"));
        assert!(hits("article-comment-list"));
        assert!(hits("disqus_thread"));
        assert!(hits("replybox"));
        assert!(!hits("commentary"));
        assert!(!hits("mydisqus"));
    }

    #[test]
    fn regexes_run_where_their_gates_let_them() {
        let set = set(&RULES.replace(
            "kind = \"phrase\"\nmatch = \"line\"\nphrases = [\"share\"]",
            "kind = \"regex\"\npattern = '\\b(?i:tel|phone)\\s*[0-9]{3}|^Fax \\d|\\d{3}\\.$'",
        ));
        let pair = |id: &str, m: &str| vec![(id.to_string(), m.to_string())];
        assert_eq!(matches(&set, "Call TEL 555 now"), pair("t.line", "TEL 555"));
        assert_eq!(matches(&set, "Fax 5"), pair("t.line", "Fax 5"));
        assert_eq!(matches(&set, "Call 555."), pair("t.line", "555."));
        assert!(matches(&set, "Call 555 now").is_empty());
        assert!(matches(&set, "Hotel 555").is_empty(), "`tel` inside a word");
        let regex = set
            .compiled
            .regexes
            .iter()
            .position(|r| set.rule(r.rule).id == "t.line");
        assert_eq!(set.compiled.gates.always & (1 << regex.unwrap()), 0);
    }

    #[test]
    fn bad_regexes_and_selectors_are_reported() {
        let bad = RULES.replace(
            "kind = \"phrase\"\nmatch = \"line\"\nphrases = [\"share\"]",
            "kind = \"regex\"\npattern = \"(unclosed\"",
        );
        let err = RuleSet::builder()
            .file("t.toml", bad)
            .build()
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("t.toml:2:") && err.contains("bad regex"),
            "{err}"
        );
        let bad = RULES.replace(
            "tokens = [\"comment\", \"disqus*\", \"*reply*\"]",
            "selector = \"div[\"",
        );
        let err = RuleSet::builder()
            .file("t.toml", bad)
            .build()
            .unwrap_err()
            .to_string();
        assert!(err.contains("bad selector"), "{err}");
    }
}
