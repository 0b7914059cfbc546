//! Rules compiled for matching: one automaton per kind, built once per rule set.
//!
//! * the phrases of phrase and section rules go into Aho-Corasick automata (ASCII
//!   case-insensitive), each run once over a block: one for whole-line and prefix phrases,
//!   searched only at the start of the block's line key; one for the contains phrases of rules
//!   limited to short blocks (`when.units.max`), skipped for longer blocks; one for the other
//!   contains phrases. A match is then checked against its rule's mode and word edges;
//! * regexes are compiled once and tried one by one, only for the blocks their rule's
//!   conditions accept;
//! * every class/id token pattern goes into one automaton, run once per distinct token of a page;
//! * tags, zones and selectors are listed per rule.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use html5ever::LocalName;
use regex::Regex;
use scraper::Selector;

use super::{Condition, Feature, Header, PhraseMode, Rule, RuleKind};
use crate::error::{Error, Result};
use crate::page::Zones;

/// What a phrase of the automaton belongs to.
#[derive(Debug)]
struct PhraseOwner {
    rule: u32,
    mode: PhraseMode,
    /// The phrase starts with an ASCII letter or digit (so must not follow one).
    word_start: bool,
    /// The phrase ends with an ASCII letter or digit (so must not precede one).
    word_end: bool,
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

/// One automaton of phrases with the owners of its patterns.
#[derive(Debug)]
struct PhraseSet {
    automaton: AhoCorasick,
    owners: Vec<PhraseOwner>,
    /// Matches only at the start of the line key (whole-line and prefix phrases).
    anchored: bool,
    /// The longest phrase, in bytes.
    longest: usize,
    /// The longest block (in units) any of its rules accepts, when they all have a limit.
    max_units: Option<f32>,
}

/// The compiled matchers of a rule set.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    phrase_sets: Vec<PhraseSet>,
    regexes: Vec<(u32, Regex)>,
    tokens: Option<AhoCorasick>,
    token_owners: Vec<TokenOwner>,
    /// (rule, tag) pairs of dom rules.
    pub tags: Vec<(u32, LocalName)>,
    /// (rule, zones) pairs of dom rules.
    pub zones: Vec<(u32, Zones)>,
    /// (rule, selector) pairs of dom rules.
    pub selectors: Vec<(u32, Selector)>,
    /// Indices of all dom rules, in order; a dom rule's position here is its bit in hit sets.
    pub dom_rules: Vec<u32>,
}

impl Compiled {
    pub(crate) fn new(rules: &[Rule]) -> Result<Compiled> {
        let mut compiled = Compiled::default();
        // (phrases, owners) for: anchored, contains in short blocks, other contains.
        let mut groups: [(Vec<String>, Vec<PhraseOwner>); 3] = Default::default();
        let mut short_limit: f32 = 0.0;
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
                    let group = if *mode != PhraseMode::Contains {
                        0
                    } else if let Some(max) = max_units(rule) {
                        short_limit = short_limit.max(max);
                        1
                    } else {
                        2
                    };
                    for phrase in list {
                        groups[group].1.push(PhraseOwner {
                            rule: index,
                            mode: *mode,
                            word_start: phrase.starts_with(|c: char| c.is_ascii_alphanumeric()),
                            word_end: phrase.ends_with(|c: char| c.is_ascii_alphanumeric()),
                        });
                        groups[group].0.push(phrase.clone());
                    }
                }
                RuleKind::Regex { pattern }
                | RuleKind::Section {
                    header: Header::Pattern(pattern),
                    ..
                } => {
                    let regex = Regex::new(pattern)
                        .map_err(|e| fail(format!("bad regex in rule `{}`: {e}", rule.id)))?;
                    compiled.regexes.push((index, regex));
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
                        let parsed = Selector::parse(selector).map_err(|e| {
                            fail(format!("bad selector in rule `{}`: {e}", rule.id))
                        })?;
                        compiled.selectors.push((index, parsed));
                    }
                }
                _ => {}
            }
        }
        for (group, (phrases, owners)) in groups.into_iter().enumerate() {
            if !phrases.is_empty() {
                compiled.phrase_sets.push(PhraseSet {
                    longest: phrases.iter().map(String::len).max().unwrap_or(0),
                    automaton: automaton(&phrases, true)?,
                    owners,
                    anchored: group == 0,
                    max_units: (group == 1).then_some(short_limit),
                });
            }
        }
        if !token_patterns.is_empty() {
            compiled.tokens = Some(automaton(&token_patterns, false)?);
        }
        Ok(compiled)
    }

    /// Calls `hit(rule, start, end)` for every phrase rule matching `text` (a trimmed block of
    /// `units` length), where `key` is the byte range of its line key (see
    /// [`crate::features::line_key`]).
    pub(crate) fn phrase_hits(
        &self,
        text: &str,
        key: std::ops::Range<usize>,
        units: f32,
        mut hit: impl FnMut(u32, usize, usize),
    ) {
        let bytes = text.as_bytes();
        for set in &self.phrase_sets {
            if set.max_units.is_some_and(|max| units > max) {
                continue;
            }
            // Whole-line and prefix phrases can only start at the key: search the window of the
            // longest such phrase there.
            let (haystack, offset) = if set.anchored {
                let end = text.ceil_char_boundary((key.start + set.longest).min(text.len()));
                (&text[key.start..end], key.start)
            } else {
                (text, 0)
            };
            for m in set.automaton.find_overlapping_iter(haystack) {
                let owner = &set.owners[m.pattern().as_usize()];
                let (start, end) = (m.start() + offset, m.end() + offset);
                let placed = match owner.mode {
                    PhraseMode::Line => start == key.start && end == key.end,
                    PhraseMode::Prefix => start == key.start,
                    PhraseMode::Contains => true,
                };
                let glued = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphanumeric);
                let glued_before = owner.word_start && start > 0 && glued(bytes.get(start - 1));
                let glued_after = owner.word_end && glued(bytes.get(end));
                if placed && !glued_before && !glued_after {
                    hit(owner.rule, start, end);
                }
            }
        }
    }

    /// Calls `hit(rule, start, end)` for every regex rule that `wanted` accepts and that matches
    /// `text`. Rules are tried one by one, so that rules whose conditions already failed cost
    /// nothing and each regex keeps its own search strategy (anchors, literal prefilters), which
    /// one combined set of many Unicode patterns would lose.
    pub(crate) fn regex_hits(
        &self,
        text: &str,
        mut wanted: impl FnMut(u32) -> bool,
        mut hit: impl FnMut(u32, usize, usize),
    ) {
        for (rule, regex) in &self.regexes {
            if wanted(*rule)
                && let Some(m) = regex.find(text)
            {
                hit(*rule, m.start(), m.end());
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

/// The `when.units.max` of a rule, if it has one.
fn max_units(rule: &Rule) -> Option<f32> {
    rule.when.iter().find_map(|c| match *c {
        Condition::Range {
            feature: Feature::Units,
            max,
            ..
        } => max,
        _ => None,
    })
}

fn automaton(patterns: &[String], ascii_case_insensitive: bool) -> Result<AhoCorasick> {
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

    fn phrase_rules(set: &RuleSet, text: &str) -> Vec<String> {
        let key = crate::features::line_key(text);
        let start = key.as_ptr() as usize - text.as_ptr() as usize;
        let mut ids = Vec::new();
        set.compiled
            .phrase_hits(text, start..start + key.len(), 0.0, |r, _, _| {
                ids.push(set.rule(r).id.clone())
            });
        ids.sort();
        ids.dedup();
        ids.retain(|id| id.starts_with("t."));
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
