//! What every match of a regex must contain, worked out from the pattern once, when rules are
//! compiled: cheap tests that spare running the regex on blocks it cannot match.
//!
//! * [`first_bytes`]: for a pattern anchored at the start, the bytes a match can begin with;
//! * [`required_literals`]: a small set of literals, one of which every match contains. They join
//!   the page's phrase automaton, so that one search of the page tells which blocks each regex
//!   may match.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

/// Whether a literal is worth searching for: single letters, digits, spaces and the punctuation
/// of ordinary prose (`:`, `(`, `.` …) are in almost every block and would only slow the search
/// down; a rarer single byte such as `@` or `|` serves.
fn selective(literal: &[u8]) -> bool {
    match literal {
        [b] => {
            !(b.is_ascii_alphanumeric() || b.is_ascii_whitespace() || b".,:;'\"()-/!?".contains(b))
        }
        _ => !literal.is_empty(),
    }
}

/// The first bytes any match of `pattern` must start with, as a 256-bit set, when the pattern is
/// anchored at the start and its prefixes are a finite set of literals.
pub(crate) fn first_bytes(pattern: &str) -> Option<[u64; 4]> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    if !hir.properties().look_set_prefix().contains(Look::Start) {
        return None;
    }
    // Only the first byte of each prefix matters: cutting prefixes to one byte keeps the set
    // finite for long case-insensitive alternations whose full prefixes would be too many.
    let prefixes = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_literal_len(1)
        .extract(&hir);
    let mut set = [0u64; 4];
    for literal in prefixes.literals()? {
        let &b = literal.as_bytes().first()?;
        set[usize::from(b / 64)] |= 1 << (b % 64);
    }
    Some(set)
}

/// Literals, ASCII lower-cased, one of which occurs (ignoring ASCII case) in every match of
/// `pattern`; `None` when no such set of [`selective`] literals is found.
pub(crate) fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    required(&hir).filter(|set| set.iter().all(|l| selective(l)))
}

/// A set of literals one of which every match of `hir` contains.
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required(branch)?);
            }
            Some(normalised(all))
        }
        HirKind::Capture(capture) => required(&capture.sub),
        // A match of a concatenation holds a match of each of its parts, and of each of its
        // tails: the best of their sets serves.
        HirKind::Concat(parts) => (0..parts.len())
            .flat_map(|i| {
                [
                    prefixes(&Hir::concat(parts[i..].to_vec())),
                    required(&parts[i]),
                ]
            })
            .flatten()
            .max_by_key(|set| (shortest(set), std::cmp::Reverse(set.len()))),
        _ => prefixes(hir),
    }
}

/// The finite set of literals every match of `hir` starts with, if there is one.
fn prefixes(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let literals: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    if literals.iter().any(Vec::is_empty) {
        return None;
    }
    Some(normalised(literals))
}

fn normalised(mut literals: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    literals.sort_unstable();
    literals.dedup();
    literals
}

fn shortest(literals: &[Vec<u8>]) -> usize {
    literals.iter().map(Vec::len).min().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn required_strings(pattern: &str) -> Option<Vec<String>> {
        required_literals(pattern).map(|set| {
            set.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn anchored_literal_patterns_know_their_first_bytes() {
        let set = first_bytes("^(?i:by|von) [A-Z]").unwrap();
        let has = |b: u8| set[usize::from(b / 64)] & (1 << (b % 64)) != 0;
        assert!(has(b'b') && has(b'B') && has(b'v') && has(b'V') && !has(b'x'));
        assert!(first_bytes("by [A-Z]").is_none(), "not anchored");
        // A row of share-button names: too many case-insensitive prefixes to list in full.
        let names = "facebook|twitter|linkedin|whatsapp|telegram|pinterest|reddit|messenger|\
                     flipboard|kakaotalk|naver|band|print|email|copy link|tumblr|weibo|wechat";
        let row = format!("^(?i:(?:{names})\\s+)+(?i:{names})$");
        let set = first_bytes(&row).expect("many case-insensitive alternatives");
        let has = |b: u8| set[usize::from(b / 64)] & (1 << (b % 64)) != 0;
        assert!(has(b'F') && has(b'k') && has(b'W') && !has(b'a') && !has(b'1'));
        assert!(has(0xE2), "the Kelvin sign, a case form of `k`");
        assert!(first_bytes(r"^\S+ says").is_none(), "no literal prefix");
        assert!(
            first_bytes("^(a|b)|c").is_none(),
            "one alternative is not anchored"
        );
    }

    #[test]
    fn finds_literals_inside_patterns() {
        assert_eq!(
            required_strings(r"^\S.{0,80}?\s(?i:wrote|replied)\s*:?$").unwrap(),
            ["replied", "wrote"]
        );
        assert_eq!(
            required_strings(r"(?i:tel|fax)\s*\d+|전화\s*\d+").unwrap(),
            ["fax", "tel", "전화"]
        );
        assert_eq!(
            required_strings(r"\d+ (?:min|hrs) ago$").unwrap(),
            [" hrs ago", " min ago"],
            "the longest literals serve best"
        );
    }

    #[test]
    fn no_literals_when_a_branch_has_none() {
        assert_eq!(required_strings(r"(?i:photo)\s*:|^\d{4}-\d{2}$"), None);
        assert_eq!(required_strings(r"^\S+$"), None);
        assert_eq!(required_strings(r"x\d"), None, "too common to help");
        assert_eq!(
            required_strings(r"^\S+@\S+$").unwrap(),
            ["@"],
            "rare enough to help"
        );
    }
}
