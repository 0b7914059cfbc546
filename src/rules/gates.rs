//! What a block must show for a regex to have a chance of matching it, worked out from the
//! pattern once, when rules are compiled: cheap tests that spare running the regex on blocks it
//! cannot match.
//!
//! A pattern is taken branch by branch (the alternatives at its top level); it may match a block
//! only if one of its branches may. Each branch gets one of these tests:
//! * anchored at the start (`^…`) and beginning with one of a set of literals (`^(?i:photo|image):`):
//!   the pairs of bytes a match can begin with (from the branch's automaton: every path out of
//!   its start), compared with the block's first two bytes, then the literals themselves;
//!   likewise at the end (`…$`), for literals the match ends with;
//! * literals, one of which every match holds where a word begins (see [`crate::lexicon`]: the
//!   lexicon finds them in its pass over the block's words). A literal starting with an ASCII
//!   letter or digit counts only where the pattern puts a word edge before it: `^`, `\b`, or a
//!   character that is no ASCII letter or digit (`\s`, `\(`); or when it starts with a capital
//!   the pattern asks for as it is (the lexicon also looks for these at capitals inside words,
//!   where a text dump glued two words: `rodentCredit:`). Literals are compared with ASCII case
//!   folded, so the pattern's case-insensitive letters become one literal. Taken when every
//!   literal is long enough (three bytes, or a rare character such as `@`) to be rare;
//! * anchored at the start or the end, without such literals: the pairs of bytes, and the
//!   literals below if the branch has some. Of the two edges, the one with fewer pairs;
//! * shorter literals;
//! * none of these: the branch may match any block.
//!
//! The tests are necessary conditions, never sufficient: the regex itself decides. They are
//! exact but for one corner: the long s (ſ) and the Kelvin sign (K), which `(?i)` lets stand for
//! `s` and `k`, do not open a literal's test.

use regex_automata::nfa::thompson::{Compiler, Config, NFA, State, WhichCaptures};
use regex_automata::util::primitives::StateID;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, ClassBytesRange, Hir, HirKind, Look};

/// A set of bytes.
pub(crate) type ByteSet = [u64; 4];

/// The set of every byte.
const ALL_BYTES: ByteSet = [u64::MAX; 4];

/// The pairs of bytes a branch can begin (or end) with: for each first (last) byte, the bytes
/// that can follow it (precede it); all bytes when a match may be that one byte.
pub(crate) type EdgePairs = Vec<(u8, ByteSet)>;

/// A test of a branch at one edge of a block (its start or its end).
#[derive(Debug, PartialEq)]
pub(crate) struct EdgeTest {
    /// The pairs of bytes a match can have there (at the end: the last byte first).
    pub pairs: EdgePairs,
    /// The literals (ASCII lower-cased) every match begins (ends) with, when they are known.
    pub literals: Option<Vec<Vec<u8>>>,
    /// Whether a match also needs one of the regex's [word literals](Gate::literals).
    pub needs_literal: bool,
}

/// A regex's tests (see the module documentation); the regex may match a block when any passes.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Gate {
    /// The branches tested at the start.
    pub start: Vec<EdgeTest>,
    /// The branches tested at the end.
    pub end: Vec<EdgeTest>,
    /// Literals (ASCII lower-cased) one of which the other branches hold where a word begins.
    pub literals: Vec<Vec<u8>>,
    /// Some branch may match any block.
    pub always: bool,
}

/// The gate of `pattern`; a pattern that does not parse may match anything.
pub(crate) fn gate(pattern: &str) -> Gate {
    let Ok(hir) = regex_syntax::Parser::new().parse(pattern) else {
        return Gate {
            always: true,
            ..Gate::default()
        };
    };
    let mut gate = Gate::default();
    for branch in &branches(&hir) {
        let props = branch.properties();
        let start = props.look_set_prefix().contains(Look::Start);
        let end = props.look_set_suffix().contains(Look::End);
        let at_start = start.then(|| edge_bytes(branch, false));
        let at_end = end.then(|| edge_bytes(branch, true));
        if at_start == Some(None) || at_end == Some(None) {
            // A match may be empty.
            gate.always = true;
            continue;
        }
        let tests = [
            at_start.flatten().map(|pairs| (false, pairs)),
            at_end.flatten().map(|pairs| (true, pairs)),
        ];
        let edge = tests
            .into_iter()
            .flatten()
            .map(|(at_end, pairs)| {
                let literals = edge_literals(branch, at_end);
                let test = EdgeTest {
                    pairs,
                    literals,
                    needs_literal: false,
                };
                (at_end, test)
            })
            .min_by_key(|(_, test)| (test.literals.is_none(), pair_count(&test.pairs)));
        let literals = word_literals(branch);
        match (edge, literals) {
            (Some((at_end, mut test)), literals) => {
                if test.literals.is_none()
                    && let Some(literals) = literals
                {
                    test.needs_literal = true;
                    gate.literals.extend(literals);
                }
                if at_end {
                    &mut gate.end
                } else {
                    &mut gate.start
                }
                .push(test)
            }
            (None, Some(literals)) => gate.literals.extend(literals),
            (None, None) => gate.always = true,
        }
    }
    gate.literals.sort_unstable();
    gate.literals.dedup();
    gate
}

/// The finite set of literals every match of `branch` begins with (or, `at_end`, ends with),
/// ASCII lower-cased. White space next to the anchor is left out: a block's text is trimmed.
fn edge_literals(branch: &Hir, at_end: bool) -> Option<Vec<Vec<u8>>> {
    let folded = fold_ascii_case(branch);
    let mut parts: Vec<Hir> = match folded.kind() {
        HirKind::Concat(parts) => parts.clone(),
        _ => vec![folded],
    };
    let is_anchor = |h: &Hir| matches!(h.kind(), HirKind::Look(Look::Start | Look::End));
    let is_space = |h: &Hir| matches!(h.kind(), HirKind::Repetition(rep) if rep.min == 0 && is_white_space(&rep.sub));
    let edge = |parts: &[Hir]| {
        if at_end {
            parts.len().checked_sub(1)
        } else {
            Some(0)
        }
    };
    while let Some(i) = edge(&parts) {
        if is_anchor(&parts[i]) || is_space(&parts[i]) {
            parts.remove(i);
        } else {
            break;
        }
    }
    let kind = if at_end {
        ExtractKind::Suffix
    } else {
        ExtractKind::Prefix
    };
    let seq = Extractor::new().kind(kind).extract(&Hir::concat(parts));
    let literals: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    (!literals.iter().any(Vec::is_empty)).then_some(literals)
}

/// Whether `hir` is a class of white space characters only.
fn is_white_space(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(char::is_whitespace)),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii_whitespace())),
        _ => false,
    }
}

/// How many pairs of bytes an edge test lets through.
fn pair_count(pairs: &EdgePairs) -> u32 {
    pairs
        .iter()
        .map(|(_, next)| next.iter().map(|w| w.count_ones()).sum::<u32>())
        .sum()
}

/// The most branches a pattern is split into.
const MAX_BRANCHES: usize = 32;

/// The alternatives of `hir`: those at its top level, and those of an alternation inside it
/// spread over what surrounds them (`^(?:a+|b)c` is `^a+c` or `^bc`), so that each can be tested
/// apart, unless the alternatives are plain literals, which make a set just as well together.
fn branches(hir: &Hir) -> Vec<Hir> {
    let spread = match hir.kind() {
        HirKind::Alternation(alternatives) => alternatives.iter().flat_map(branches).collect(),
        HirKind::Capture(capture) => branches(&capture.sub),
        HirKind::Concat(parts) => match parts.iter().position(is_mixed_alternation) {
            Some(i) => branches(&parts[i])
                .into_iter()
                .flat_map(|middle| {
                    let mut spread = parts[..i].to_vec();
                    spread.push(middle);
                    spread.extend_from_slice(&parts[i + 1..]);
                    branches(&Hir::concat(spread))
                })
                .collect(),
            None => vec![hir.clone()],
        },
        _ => vec![hir.clone()],
    };
    if spread.len() > MAX_BRANCHES {
        vec![hir.clone()]
    } else {
        spread
    }
}

/// Whether `hir` is an alternation (maybe in a group) of which some alternative is not a finite
/// set of literals.
fn is_mixed_alternation(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Alternation(alternatives) => alternatives
            .iter()
            .any(|a| prefixes(&fold_ascii_case(a)).is_none()),
        HirKind::Capture(capture) => is_mixed_alternation(&capture.sub),
        _ => false,
    }
}

/// The pairs of bytes a match of `branch` can begin with (or, `from_end`, end with, the last
/// byte first). `None` when a match may be empty.
fn edge_bytes(branch: &Hir, from_end: bool) -> Option<EdgePairs> {
    let config = Config::new()
        .reverse(from_end)
        .which_captures(WhichCaptures::None);
    let nfa = Compiler::new()
        .configure(config)
        .build_from_hir(branch)
        .ok()?;
    let first = Reach::from(&nfa, &[nfa.start_anchored()]);
    if first.matches {
        return None;
    }
    let pairs = (0..=255u8)
        .filter_map(|b| {
            let next = &first.next[usize::from(b)];
            if next.is_empty() {
                return None;
            }
            let second = Reach::from(&nfa, next);
            Some((
                b,
                if second.matches {
                    ALL_BYTES
                } else {
                    second.bytes()
                },
            ))
        })
        .collect();
    Some(pairs)
}

/// Where a set of NFA states leads in one byte.
struct Reach {
    /// For each byte, the states its transitions reach.
    next: Vec<Vec<StateID>>,
    /// Whether the set's closure holds a match.
    matches: bool,
}

impl Reach {
    /// Follows the empty transitions from `states` (look-around assertions count as passed:
    /// the test only needs to be necessary), then the byte transitions.
    fn from(nfa: &NFA, states: &[StateID]) -> Reach {
        let mut reach = Reach {
            next: vec![Vec::new(); 256],
            matches: false,
        };
        let mut seen = vec![false; nfa.states().len()];
        let mut stack = states.to_vec();
        while let Some(id) = stack.pop() {
            if std::mem::replace(&mut seen[id.as_usize()], true) {
                continue;
            }
            match nfa.state(id) {
                State::ByteRange { trans } => reach.add(trans.start, trans.end, trans.next),
                State::Sparse(sparse) => {
                    for trans in sparse.transitions.iter() {
                        reach.add(trans.start, trans.end, trans.next);
                    }
                }
                State::Dense(dense) => {
                    for (b, &next) in dense.transitions.iter().enumerate() {
                        if next != StateID::ZERO {
                            reach.add(b as u8, b as u8, next);
                        }
                    }
                }
                State::Look { next, .. } | State::Capture { next, .. } => stack.push(*next),
                State::Union { alternates } => stack.extend(alternates.iter()),
                State::BinaryUnion { alt1, alt2 } => stack.extend([*alt1, *alt2]),
                State::Fail => {}
                State::Match { .. } => reach.matches = true,
            }
        }
        reach
    }

    fn add(&mut self, start: u8, end: u8, next: StateID) {
        for b in start..=end {
            self.next[usize::from(b)].push(next);
        }
    }

    /// The bytes with a transition.
    fn bytes(&self) -> ByteSet {
        let mut set = [0u64; 4];
        for (b, next) in self.next.iter().enumerate() {
            if !next.is_empty() {
                set[b / 64] |= 1 << (b % 64);
            }
        }
        set
    }
}

/// Literals one of which every match of `branch` holds where a word begins (see the module
/// documentation), ASCII lower-cased; the best such set, or `None`.
fn word_literals(branch: &Hir) -> Option<Vec<Vec<u8>>> {
    let folded = fold_ascii_case(branch);
    let parts: Vec<Hir> = match folded.kind() {
        HirKind::Concat(parts) => parts.clone(),
        _ => vec![folded],
    };
    (0..parts.len())
        .filter_map(|i| {
            let literals = prefixes(&Hir::concat(parts[i..].to_vec()))?;
            let looked_up = word_edge_before(&parts[..i]) || begins_where_looked_up(&parts[i]);
            looked_up.then(|| {
                literals
                    .iter()
                    .map(|l| looked_up_form(l))
                    .collect::<Vec<_>>()
            })
        })
        .filter(|literals| literals.iter().all(|l| selective(l)))
        .max_by_key(|set| {
            (
                looked_up_by_word(set),
                shortest(set),
                std::cmp::Reverse(set.len()),
            )
        })
}

/// Whether what `before` matches always ends where a word may begin: with `^`, `\b`, or a
/// character that is no ASCII letter or digit (what may match nothing is looked through).
fn word_edge_before(before: &[Hir]) -> bool {
    for part in before.iter().rev() {
        if let HirKind::Look(look) = part.kind() {
            if is_word_edge(*look) {
                return true;
            }
            continue;
        }
        let (ends_outside_words, may_be_empty) = tail(part);
        if !ends_outside_words {
            return false;
        }
        if !may_be_empty {
            return true;
        }
    }
    false
}

/// Whether the lexicon looks where every match of `hir` begins: each alternative starts with
/// `\b` (or `^`), or with no ASCII letter or digit, or with a capital as it is.
fn begins_where_looked_up(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => is_word_edge(*look),
        HirKind::Literal(literal) => literal
            .0
            .first()
            .is_some_and(|b| !b.is_ascii_alphanumeric() || b.is_ascii_uppercase()),
        HirKind::Class(Class::Unicode(class)) => !class.ranges().iter().any(|r| {
            ('0'..='9')
                .chain('a'..='z')
                .any(|c| r.start() <= c && c <= r.end())
        }),
        HirKind::Class(Class::Bytes(class)) => !class
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).any(|b| b.is_ascii_digit() || b.is_ascii_lowercase())),
        HirKind::Capture(capture) => begins_where_looked_up(&capture.sub),
        HirKind::Concat(parts) => parts.first().is_some_and(begins_where_looked_up),
        HirKind::Alternation(alternatives) => alternatives.iter().all(begins_where_looked_up),
        HirKind::Empty | HirKind::Repetition(_) => false,
    }
}

/// Whether `look` holds only where a word may begin: at the start, or at a word boundary.
fn is_word_edge(look: Look) -> bool {
    matches!(
        look,
        Look::Start
            | Look::WordAscii
            | Look::WordUnicode
            | Look::WordStartAscii
            | Look::WordStartUnicode
            | Look::WordStartHalfAscii
            | Look::WordStartHalfUnicode
    )
}

/// Of what `hir` matches: whether every non-empty match ends with a character that is no ASCII
/// letter or digit, and whether a match may be empty.
fn tail(hir: &Hir) -> (bool, bool) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => (true, true),
        HirKind::Literal(literal) => (
            !literal.0.last().is_some_and(u8::is_ascii_alphanumeric),
            literal.0.is_empty(),
        ),
        HirKind::Class(Class::Unicode(class)) => (
            !class.ranges().iter().any(|r| {
                ('0'..='9').any(|c| r.start() <= c && c <= r.end())
                    || ('A'..='Z').any(|c| r.start() <= c && c <= r.end())
                    || ('a'..='z').any(|c| r.start() <= c && c <= r.end())
            }),
            false,
        ),
        HirKind::Class(Class::Bytes(class)) => (
            !class
                .ranges()
                .iter()
                .any(|r| (r.start()..=r.end()).any(|b| b.is_ascii_alphanumeric())),
            false,
        ),
        HirKind::Repetition(rep) => {
            let (outside, empty) = tail(&rep.sub);
            (outside, empty || rep.min == 0)
        }
        HirKind::Capture(capture) => tail(&capture.sub),
        HirKind::Concat(parts) => {
            let mut outside = true;
            for part in parts.iter().rev() {
                let (o, empty) = tail(part);
                outside &= o;
                if !empty {
                    return (outside, false);
                }
            }
            (outside, true)
        }
        HirKind::Alternation(alternatives) => alternatives
            .iter()
            .map(tail)
            .fold((true, false), |(o, e), (o2, e2)| (o && o2, e || e2)),
    }
}

/// `hir` with every class that only lets an ASCII letter be of either case (`[Ss]`, and the
/// `ſ`/`K` that Unicode case folding adds) replaced by the lower-case letter.
fn fold_ascii_case(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Class(class) => match case_pair(class) {
            Some(lower) => Hir::literal([lower]),
            None => hir.clone(),
        },
        HirKind::Repetition(rep) => {
            let mut rep = rep.clone();
            rep.sub = Box::new(fold_ascii_case(&rep.sub));
            Hir::repetition(rep)
        }
        HirKind::Capture(capture) => {
            let mut capture = capture.clone();
            capture.sub = Box::new(fold_ascii_case(&capture.sub));
            Hir::capture(capture)
        }
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(fold_ascii_case).collect()),
        HirKind::Alternation(alternatives) => {
            Hir::alternation(alternatives.iter().map(fold_ascii_case).collect())
        }
        _ => hir.clone(),
    }
}

/// The lower-case letter a class stands for, when it holds one ASCII letter in both cases and
/// nothing else but that letter's other Unicode case forms.
fn case_pair(class: &Class) -> Option<u8> {
    let chars: Vec<char> = match class {
        Class::Unicode(class) => class
            .ranges()
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .take(4)
            .collect(),
        Class::Bytes(class) => class
            .ranges()
            .iter()
            .flat_map(|r: &ClassBytesRange| r.start()..=r.end())
            .take(4)
            .map(char::from)
            .collect(),
    };
    let lower = chars
        .iter()
        .find(|c| c.is_ascii_lowercase())?
        .to_ascii_lowercase();
    let upper = lower.to_ascii_uppercase();
    let other_forms = |c: &char| match lower {
        's' => *c == '\u{17f}',
        'k' => *c == '\u{212a}',
        _ => false,
    };
    let only_case_forms = chars
        .iter()
        .all(|&c| c == lower || c == upper || other_forms(&c));
    (only_case_forms && chars.contains(&upper)).then_some(lower as u8)
}

/// Whether a literal is worth looking for: single letters, digits, spaces and the punctuation
/// of ordinary prose (`:`, `(`, `.` …) are in almost every block; a rarer single byte such as
/// `@` or `|` serves.
fn selective(literal: &[u8]) -> bool {
    match literal {
        [b] => {
            !(b.is_ascii_alphanumeric() || b.is_ascii_whitespace() || b".,:;'\"()-/!?".contains(b))
        }
        _ => !literal.is_empty(),
    }
}

/// The finite set of literals every match of `hir` starts with, if there is one.
fn prefixes(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let mut literals: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes().to_vec())
        .collect();
    if literals.iter().any(Vec::is_empty) {
        return None;
    }
    literals.sort_unstable();
    literals.dedup();
    Some(literals)
}

/// A literal as the lexicon looks it up: ASCII lower-cased, and without the spaces it starts
/// with when a word or a non-ASCII character follows them (where the lexicon looks anyway; a
/// literal starting with a space would be looked for at every space).
fn looked_up_form(literal: &[u8]) -> Vec<u8> {
    let start = literal
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .filter(|&i| literal[i].is_ascii_alphanumeric() || literal[i] >= 0x80)
        .unwrap_or(0);
    literal[start..].to_ascii_lowercase()
}

/// Whether no literal begins with ASCII punctuation or a space: the lexicon looks such literals
/// up at every such byte, the others only where words and non-ASCII characters begin.
fn looked_up_by_word(literals: &[Vec<u8>]) -> bool {
    literals.iter().all(|l| {
        l.first()
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
    })
}

fn shortest(literals: &[Vec<u8>]) -> usize {
    literals.iter().map(Vec::len).min().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(set: &ByteSet, b: u8) -> bool {
        set[usize::from(b / 64)] & (1 << (b % 64)) != 0
    }

    fn literal_strings(pattern: &str) -> Vec<String> {
        gate(pattern)
            .literals
            .into_iter()
            .map(|l| String::from_utf8(l).unwrap())
            .collect()
    }

    /// Whether an edge test lets the pair `(a, b)` through.
    fn passes(pairs: &EdgePairs, a: u8, b: u8) -> bool {
        pairs.iter().any(|(x, next)| *x == a && has(next, b))
    }

    #[test]
    fn anchored_branches_know_their_first_two_bytes() {
        let g = gate("^(?i:by|of)[A-Z]");
        let pairs = &g.start[0].pairs;
        assert!(passes(pairs, b'b', b'Y') && passes(pairs, b'O', b'f'));
        assert!(
            !passes(pairs, b'b', b'f'),
            "pairs, not first and second bytes apart"
        );
        assert!(!g.always && g.end.is_empty() && g.literals.is_empty());
        assert!(passes(&gate(r"^\d+:\d").start[0].pairs, b'7', b':'));
        let g = gate(r"^\w+ (?i:minutes)");
        assert!(g.start[0].needs_literal, "a literal as well");
        assert_eq!(g.literals, [b"minutes".to_vec()]);
        assert!(gate("^a?$").always, "a match may be empty");
        assert_eq!(
            gate("^[ab]").start[0].pairs[0].1,
            ALL_BYTES,
            "a match may be one byte long"
        );
    }

    #[test]
    fn end_anchored_branches_know_their_last_two_bytes() {
        let g = gate(r"[0-9](?i:jpe?g|png)$");
        let pairs = &g.end[0].pairs;
        assert!(
            passes(pairs, b'g', b'p') && passes(pairs, b'G', b'E') && passes(pairs, b'g', b'N')
        );
        assert!(!passes(pairs, b'p', b'g') && !passes(pairs, b'x', b'p'));
    }

    #[test]
    fn anchored_literals_are_tested_at_their_edge() {
        let g = gate(r"^(?i:photo|image)\s*:|(?i:getty images|reuters)\s*$");
        let literals = |test: &EdgeTest| test.literals.clone().unwrap();
        assert_eq!(
            literals(&g.start[0]),
            [b"photo".to_vec(), b"image".to_vec()]
        );
        assert_eq!(
            literals(&g.end[0]),
            [b"getty images".to_vec(), b"reuters".to_vec()]
        );
        assert!(g.literals.is_empty() && !g.always);
        assert!(
            gate(r"^\d+[a-z]").start[0].literals.is_none(),
            "no finite set of literals"
        );
    }

    #[test]
    fn branches_are_taken_one_by_one() {
        let g = gate(r"^P[a-z]|[a-z]Z$|\bfoto\b");
        assert_eq!((g.start.len(), g.end.len()), (1, 1));
        assert_eq!(literal_strings(r"^P[a-z]|[a-z]Z$|\bfoto\b"), ["foto"]);
        assert_eq!(
            literal_strings(r"^\S+@\S+$"),
            ["@"],
            "fewer pairs pass a rare byte"
        );
        assert!(!g.always);
        assert!(gate(r"^Photo:|\d+").always, "a branch without a test");
        let g = gate(r"^(?:Photo|[A-Z]\d):");
        assert_eq!(g.start.len(), 2, "alternatives spread over the anchor");
        assert!(g.start[0].literals.is_some() || g.start[1].literals.is_some());
    }

    #[test]
    fn literals_count_only_where_a_word_begins() {
        assert_eq!(
            literal_strings(r"(?-u:\b)(?i:tel|fax)\s*\d+|전화\s*\d+"),
            ["fax", "tel", "전화"]
        );
        assert!(
            gate(r"(?i:tel|fax)\s*\d+").always,
            "`Hotel 555` matches: `tel` can start inside a word"
        );
        assert_eq!(
            literal_strings(r"(?:Credit|Photo):"),
            ["credit:", "photo:"],
            "capitals as written are looked for inside words too"
        );
        assert_eq!(
            literal_strings(r"(?:(?-u:\b)(?i:tel|fax)|전화)\s*\d+"),
            ["fax", "tel", "전화"],
            "each alternative starts at a word edge or with no ASCII letter"
        );
        assert_eq!(
            literal_strings(r"\s(?i:says|said)\b|\((?i:photo)\)"),
            ["(photo)", "said", "says"]
        );
        assert_eq!(
            literal_strings(r"\S+ (?:min|hrs) ago"),
            ["hrs ago", "min ago"]
        );
        assert_eq!(literal_strings(r"\S+@\S+"), ["@"], "a rare byte serves");
        assert!(gate(r"x\d").always, "too common to help");
    }

    #[test]
    fn case_insensitive_letters_fold_to_one_literal() {
        assert_eq!(
            literal_strings(r"\b(?i:reaction)s?"),
            ["reaction", "reactions"]
        );
        assert_eq!(
            literal_strings(r"\b(?i:istock)"),
            ["istock"],
            "K and ſ fold too"
        );
        let accented = literal_strings(r"\b(?i:été)");
        assert_eq!(accented.len(), 4, "{accented:?}: é and É both, t folded");
        assert!(accented.contains(&"été".to_string()));
    }
}
