//! Rules compiled for matching: one automaton per kind, built once per rule set.
//!
//! * phrases that must be the whole line go into a hash table of their ASCII lower-case forms,
//!   looked up with each block's line key;
//! * the other phrases are literals of the rule set's [`crate::lexicon::Lexicon`], found by the
//!   one pass over each block's words; here each one found is checked against its phrase's mode
//!   (prefix, contains);
//! * regexes are compiled once and tried one by one, only for the blocks their rule's
//!   conditions accept and that pass their gate (see [`super::gates`]): the first or last bytes
//!   of the block, looked up in tables with a bit per regex, or a literal the lexicon found;
//! * every class/id token pattern goes into one automaton, run once per distinct token of a page;
//! * tags, zones and selectors are listed per rule.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use html5ever::LocalName;
use regex::Regex;
use rustc_hash::FxHashMap;

use super::gates::{ByteSet, EdgeTest, gate};
use super::{Header, PhraseMode, Rule, RuleKind};
use crate::error::{Error, Result};
use crate::html::selector::ElementSelector;
use crate::lexicon::{Found, LiteralSpec};
use crate::page::Zones;

/// The rule a phrase belongs to.
#[derive(Debug)]
struct PhraseOwner {
    rule: u32,
    mode: PhraseMode,
    /// The phrase ends with an ASCII letter or digit (so must not precede one).
    word_end: bool,
}

/// How many regexes can be gated: the bits of a [`RegexGates`] mask. Later ones run on every
/// block their conditions accept.
const GATED_REGEXES: usize = 64;

/// For one block, the gated regexes that may match it: bit `n` for regex `n`.
pub(crate) type RegexGates = u64;

/// How many branches of all regexes can be tested at the start, and at the end: the bits of a
/// [`Branches`] mask. A regex with branches beyond runs on every block its conditions accept.
const TESTED_BRANCHES: usize = 128;

/// A set of regex branches tested at one edge of a block: bit `n` for branch `n`.
type Branches = u128;

/// Tests of regex branches on the first (or last) two bytes of a block.
#[derive(Debug)]
struct EdgeTables {
    /// For each byte, the branches that can have it first (last), as bits.
    outer: Box<[Branches; 256]>,
    /// For each branch and each byte it can have first (last): 1 + the index in `inner` of the
    /// bytes that can follow (precede) it; 0 for the other bytes.
    follow: Vec<[u16; 256]>,
    inner: Vec<ByteSet>,
    /// For each branch, the literals a match begins (ends) with, when known.
    literals: Vec<Option<Vec<Box<[u8]>>>>,
    /// The branches that also need a literal of their regex found in the block.
    needs_literal: Branches,
    /// Whether the tables are for the end of blocks.
    at_end: bool,
    /// The regex of each branch, as its bit.
    regex: Vec<RegexGates>,
}

impl EdgeTables {
    fn new(at_end: bool) -> Self {
        EdgeTables {
            outer: Box::new([0; 256]),
            follow: Vec::new(),
            inner: Vec::new(),
            literals: Vec::new(),
            needs_literal: 0,
            at_end,
            regex: Vec::new(),
        }
    }
}

impl EdgeTables {
    /// Adds the branches of the regex `bit`; false when there is no room for them.
    fn add(&mut self, branches: &[EdgeTest], bit: RegexGates) -> bool {
        if self.regex.len() + branches.len() > TESTED_BRANCHES {
            return false;
        }
        for test in branches {
            let branch: Branches = 1 << self.regex.len();
            let mut follow = [0u16; 256];
            for (outer, inner) in &test.pairs {
                self.outer[usize::from(*outer)] |= branch;
                self.inner.push(*inner);
                follow[usize::from(*outer)] = self.inner.len() as u16;
            }
            self.follow.push(follow);
            if test.needs_literal {
                self.needs_literal |= branch;
            }
            let literals = test.literals.as_ref();
            self.literals
                .push(literals.map(|set| set.iter().map(|l| l.as_slice().into()).collect()));
            self.regex.push(bit);
        }
        true
    }

    /// The regexes with a branch passing at this edge of `body` (not empty), given the regexes
    /// whose literals were found in it.
    fn open(&self, body: &[u8], found: RegexGates) -> RegexGates {
        let n = body.len();
        let (outer, inner) = if self.at_end {
            (body[n - 1], n.checked_sub(2).map(|i| body[i]))
        } else {
            (body[0], body.get(1).copied())
        };
        let mut branches = self.outer[usize::from(outer)];
        // Branches needing a literal of a regex none of whose literals was found are out.
        let mut lacking = self.needs_literal & branches;
        while lacking != 0 {
            let branch = lacking.trailing_zeros() as usize;
            lacking &= lacking - 1;
            if found & self.regex[branch] == 0 {
                branches &= !(1 << branch);
            }
        }
        let mut open = 0;
        while branches != 0 {
            let branch = branches.trailing_zeros() as usize;
            branches &= branches - 1;
            let pair = inner.is_none_or(|b| {
                let set = &self.inner[usize::from(self.follow[branch][usize::from(outer)]) - 1];
                set[usize::from(b / 64)] & (1 << (b % 64)) != 0
            });
            if pair && self.literals_pass(branch, body) {
                open |= self.regex[branch];
            }
        }
        open
    }

    /// Whether `body` begins (ends) with one of the branch's literals, if it has them.
    fn literals_pass(&self, branch: usize, body: &[u8]) -> bool {
        let Some(literals) = &self.literals[branch] else {
            return true;
        };
        literals.iter().any(|l| {
            let edge = if self.at_end {
                body.len().checked_sub(l.len()).map(|at| &body[at..])
            } else {
                body.get(..l.len())
            };
            edge.is_some_and(|edge| edge.eq_ignore_ascii_case(l))
        })
    }
}

/// The gates of the regexes (see [`super::gates`]).
#[derive(Debug)]
struct GateTables {
    start: EdgeTables,
    end: EdgeTables,
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
            always: 0,
            literals: Vec::new(),
        }
    }
}

impl GateTables {
    /// The regexes that may match a block whose text (without a leading bullet or list
    /// number) is `body`, given the bits of the regex literals found in it.
    fn open(&self, body: &[u8], literal_bits: RegexGates) -> RegexGates {
        let mut open = self.always | literal_bits;
        if !body.is_empty() {
            open |= self.start.open(body, literal_bits) | self.end.open(body, literal_bits);
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

/// The compiled matchers of a rule set.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    /// Whole-line phrases, ASCII lower-cased, with their rules.
    line_phrases: FxHashMap<Box<[u8]>, Vec<PhraseOwner>>,
    /// Bytes of the longest whole-line phrase.
    longest_line_phrase: usize,
    /// Prefix and contains phrases, ASCII lower-cased, with the longest block (in units) their
    /// rule may fire on; a phrase's index here is its literal's index in the lexicon.
    phrases: Vec<(Box<[u8]>, f32)>,
    phrase_owners: Vec<PhraseOwner>,
    /// The literals regexes require, with the longest block their rule may fire on.
    gate_literals: Vec<(Vec<u8>, f32)>,
    gates: GateTables,
    regexes: Vec<RuleRegex>,
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
    /// Indices of the rules that look at a block's shape alone: feature, repeated and run rules.
    pub shape_rules: Vec<u32>,
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
                        };
                        let phrase = phrase.into_bytes().to_ascii_lowercase();
                        if *mode == PhraseMode::Line {
                            compiled.longest_line_phrase =
                                compiled.longest_line_phrase.max(phrase.len());
                            compiled
                                .line_phrases
                                .entry(phrase.into())
                                .or_default()
                                .push(owner);
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
                        compiled.add_gate(pattern, rule.max_units());
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
                RuleKind::Feature | RuleKind::Repeated { .. } | RuleKind::Run { .. } => {
                    compiled.shape_rules.push(index)
                }
                RuleKind::Context { .. } => {}
            }
        }
        if !token_patterns.is_empty() {
            compiled.tokens = Some(automaton(&token_patterns, false)?);
        }
        Ok(compiled)
    }

    /// Calls `hit(rule, start, end)` for every whole-line phrase rule matching a block, given
    /// its trimmed `text` and its line `key` (see [`crate::features::line_key`]) as a range of
    /// `text`. `scratch` is a reusable buffer.
    pub(crate) fn line_phrase_hits(
        &self,
        text: &str,
        key: Range<usize>,
        scratch: &mut Vec<u8>,
        mut hit: impl FnMut(u32, usize, usize),
    ) {
        if key.len() > self.longest_line_phrase {
            return;
        }
        scratch.clear();
        scratch.extend(
            text.as_bytes()[key.clone()]
                .iter()
                .map(u8::to_ascii_lowercase),
        );
        let Some(owners) = self.line_phrases.get(scratch.as_slice()) else {
            return;
        };
        let glued_after = text
            .as_bytes()
            .get(key.end)
            .is_some_and(u8::is_ascii_alphanumeric);
        for owner in owners {
            if !(owner.word_end && glued_after) {
                hit(owner.rule, key.start, key.end);
            }
        }
    }

    /// Works out the gate of the next regex (see [`super::gates`]).
    fn add_gate(&mut self, pattern: &str, max_units: f32) {
        let bit: RegexGates = 1 << self.regexes.len();
        let gate = gate(pattern);
        let tables = &mut self.gates;
        let tested = tables.start.add(&gate.start, bit) && tables.end.add(&gate.end, bit);
        if gate.always || !tested {
            tables.always |= bit;
        }
        for literal in gate.literals {
            tables.literals.push(bit);
            self.gate_literals.push((literal, max_units));
        }
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
    /// [`crate::features::line_key`]), where prefixes must be. Hits come in the order an
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
    /// whose literals are in it ([`Compiled::literal_hits`]). Rules are tried one by one, only
    /// where their gate lets them (see [`super::gates`]), so that rules whose conditions already
    /// failed cost nothing and each regex keeps its own search strategy (anchors, literal
    /// prefilters), which one combined set of many Unicode patterns would lose.
    pub(crate) fn regex_hits(
        &self,
        body: &str,
        found: RegexGates,
        mut wanted: impl FnMut(u32) -> bool,
        mut hit: impl FnMut(u32, usize, usize),
    ) {
        let open = self.gates.open(body.as_bytes(), found);
        for (n, r) in self.regexes.iter().enumerate() {
            if n < GATED_REGEXES && open & (1 << n) == 0 {
                continue;
            }
            if wanted(r.rule) {
                let m = r.regex.find(body);
                if let Some(m) = m {
                    hit(r.rule, m.start(), m.end());
                }
            }
        }
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
        let key = crate::features::line_key(text);
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
            .scan(set.languages(), text, units, &mut String::new(), |f| {
                found.push(f)
            });
        let regexes = set
            .compiled
            .literal_hits(&mut found, key.start as u32, &mut hit);
        set.compiled.regex_hits(text, regexes, |_| true, &mut hit);
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
