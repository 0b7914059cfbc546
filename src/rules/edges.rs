//! The regex branches tested at one edge of a block (its start or its end; see [`super::gates`]),
//! compiled into tables read with the block's first (last) bytes.
//!
//! A branch that knows the literals its matches begin (end) with is tested by those alone: all
//! such literals are indexed by their first (last) three bytes, or fewer for shorter ones, so a
//! block's edge is looked up at most three times, whatever the number of literals. The other
//! branches are tested by the pairs of bytes they can have there: bytes are sorted into classes,
//! those every such branch treats alike, once for the outer byte (the first, or the last) and
//! once for the inner one (the second, or the one before the last); one table then gives, for a
//! pair of classes, the branches whose pairs hold it.

use rustc_hash::FxHashMap;

use super::compiled::RegexGates;
use super::gates::{ByteSet, EdgeTest};

/// How many branches of all regexes can be tested at one edge: the bits of a [`Branches`] mask.
/// A regex with branches beyond runs on every block its conditions accept.
pub(super) const TESTED_BRANCHES: usize = 128;

/// A set of regex branches tested at one edge of a block: bit `n` for branch `n`.
type Branches = u128;

/// How many bytes nearest the edge index the literals.
const KEY_BYTES: usize = 3;

/// A literal a branch's matches begin (end) with, ready to compare with a block's edge.
#[derive(Debug)]
struct EdgeLiteral {
    /// The branch, as its bit.
    branch: Branches,
    /// Its bytes nearest the edge (up to eight, ASCII lower-cased), laid out as in
    /// [`Edge::head`], and the mask of those bytes.
    head: u64,
    mask: u64,
    /// Its other bytes (ASCII lower-cased), further from the edge.
    rest: Box<[u8]>,
    len: usize,
}

/// A block's edge, as the literals see it.
struct Edge<'a> {
    body: &'a [u8],
    /// The eight bytes nearest the edge, ASCII lower-cased, as a little-endian word: at the start
    /// the first byte is the lowest; at the end the last byte is the highest. Bytes past the
    /// block are zero.
    head: u64,
}

/// The tests of regex branches at one edge of blocks. Add the branches with
/// [`EdgeTables::add`], then build the tables with [`EdgeTables::finish`].
#[derive(Debug)]
pub(super) struct EdgeTables {
    /// Whether the tables are for the end of blocks.
    at_end: bool,
    /// The branches tested by their pairs, until the tables are built: (branch, pairs).
    pair_tests: Vec<(Branches, Vec<(u8, ByteSet)>)>,
    /// The class of each outer byte: a row of `pairs`.
    outer_class: [u8; 256],
    /// The class of each inner byte: a column of `pairs`; column 0 is for blocks of one byte.
    inner_class: [u8; 256],
    columns: usize,
    /// For each pair of classes, the branches (of those tested by pairs) that can have it.
    pairs: Box<[Branches]>,
    /// The literals, and by the key of their bytes nearest the edge (see [`key`]), a range of
    /// them.
    literals: Vec<EdgeLiteral>,
    by_key: FxHashMap<u32, (u32, u32)>,
    /// The branches tested by literals.
    with_literals: Branches,
    /// The branches that also need a literal of their regex found in the block.
    needs_literal: Branches,
    /// The regex of each branch, as its bit.
    regex: Vec<RegexGates>,
    /// The branches of each regex (by its number).
    branches_of: Vec<Branches>,
}

impl EdgeTables {
    pub(super) fn new(at_end: bool) -> Self {
        EdgeTables {
            at_end,
            pair_tests: Vec::new(),
            outer_class: [0; 256],
            inner_class: [0; 256],
            columns: 1,
            pairs: Box::new([0]),
            literals: Vec::new(),
            by_key: FxHashMap::default(),
            with_literals: 0,
            needs_literal: 0,
            regex: Vec::new(),
            branches_of: Vec::new(),
        }
    }

    /// Adds the branches of the regex `bit`; false when there is no room for them.
    pub(super) fn add(&mut self, branches: Vec<EdgeTest>, bit: RegexGates) -> bool {
        if self.regex.len() + branches.len() > TESTED_BRANCHES {
            return false;
        }
        for test in branches {
            let branch: Branches = 1 << self.regex.len();
            if test.needs_literal {
                self.needs_literal |= branch;
            }
            match &test.literals {
                Some(literals) => {
                    self.with_literals |= branch;
                    for literal in literals {
                        self.literals
                            .push(EdgeLiteral::new(literal, branch, self.at_end));
                    }
                }
                None => self.pair_tests.push((branch, test.pairs)),
            }
            self.regex.push(bit);
            let n = bit.trailing_zeros() as usize;
            if self.branches_of.len() <= n {
                self.branches_of.resize(n + 1, 0);
            }
            self.branches_of[n] |= branch;
        }
        true
    }

    /// Builds the index of literals and the tables of byte classes and pairs.
    pub(super) fn finish(&mut self) {
        let at_end = self.at_end;
        self.literals.sort_by_key(|l| key(l.head, l.len, at_end));
        let mut from = 0;
        for (i, l) in self.literals.iter().enumerate() {
            let k = key(l.head, l.len, at_end);
            if self
                .literals
                .get(i + 1)
                .is_none_or(|next| key(next.head, next.len, at_end) != k)
            {
                self.by_key.insert(k, (from, i as u32 + 1));
                from = i as u32 + 1;
            }
        }
        self.build_pairs();
    }

    /// Builds the tables of byte classes and pairs of the branches tested by pairs.
    fn build_pairs(&mut self) {
        let tests = std::mem::take(&mut self.pair_tests);
        // The distinct sets of inner bytes, and for each branch and outer byte, its set's index.
        let mut sets: Vec<ByteSet> = Vec::new();
        let mut follow: Vec<[Option<u16>; 256]> = Vec::with_capacity(tests.len());
        for (_, pairs) in &tests {
            let mut row = [None; 256];
            for (outer, inner) in pairs {
                let index = sets.iter().position(|s| s == inner).unwrap_or_else(|| {
                    sets.push(*inner);
                    sets.len() - 1
                });
                row[usize::from(*outer)] = Some(index as u16);
            }
            follow.push(row);
        }
        let outer_keys = (0..256).map(|b| follow.iter().map(|row| row[b]).collect::<Vec<_>>());
        let (outer_class, outer_bytes) = classes(outer_keys);
        let inner_keys = (0..256).map(|b| sets.iter().map(|s| contains(s, b)).collect::<Vec<_>>());
        let (inner_class, inner_bytes) = classes(inner_keys);
        self.columns = inner_bytes.len() + 1;
        let mut pairs = vec![0; outer_bytes.len() * self.columns];
        for (row, &outer) in outer_bytes.iter().enumerate() {
            for ((branch, _), follow) in tests.iter().zip(&follow) {
                let Some(set) = follow[outer] else { continue };
                pairs[row * self.columns] |= branch;
                for (column, &inner) in inner_bytes.iter().enumerate() {
                    if contains(&sets[usize::from(set)], inner) {
                        pairs[row * self.columns + column + 1] |= branch;
                    }
                }
            }
        }
        self.outer_class = outer_class;
        self.inner_class = inner_class.map(|c| c + 1);
        self.pairs = pairs.into();
    }

    /// The regexes with a branch passing at this edge of `body` (not empty), given the regexes
    /// whose literals were found in it.
    pub(super) fn open(&self, body: &[u8], found: RegexGates) -> RegexGates {
        let mut branches = self.pair_branches(body);
        if self.with_literals != 0 {
            branches |= self.literal_branches(body);
        }
        // Branches needing a literal of a regex none of whose literals was found are out.
        if branches & self.needs_literal != 0 {
            branches &= !self.needs_literal | self.branches_of_found(found);
        }
        let mut open = 0;
        while branches != 0 {
            open |= self.regex[branches.trailing_zeros() as usize];
            branches &= branches - 1;
        }
        open
    }

    /// The branches of the regexes `found`.
    fn branches_of_found(&self, mut found: RegexGates) -> Branches {
        let mut branches = 0;
        while found != 0 {
            let n = found.trailing_zeros() as usize;
            found &= found - 1;
            branches |= self.branches_of.get(n).copied().unwrap_or(0);
        }
        branches
    }

    /// The branches tested by pairs that pass at this edge of `body`.
    fn pair_branches(&self, body: &[u8]) -> Branches {
        let n = body.len();
        let (outer, inner) = if self.at_end {
            (body[n - 1], n.checked_sub(2).map(|i| body[i]))
        } else {
            (body[0], body.get(1).copied())
        };
        let column = inner.map_or(0, |b| usize::from(self.inner_class[usize::from(b)]));
        let row = usize::from(self.outer_class[usize::from(outer)]);
        self.pairs[row * self.columns + column]
    }

    /// The branches tested by literals that have one at this edge of `body`.
    fn literal_branches(&self, body: &[u8]) -> Branches {
        let edge = self.edge(body);
        let mut passing = 0;
        for len in 1..=KEY_BYTES.min(body.len()) {
            let Some(&(from, to)) = self.by_key.get(&key(edge.head, len, self.at_end)) else {
                continue;
            };
            for l in &self.literals[from as usize..to as usize] {
                if passing & l.branch == 0 && self.holds(&edge, l) {
                    passing |= l.branch;
                }
            }
        }
        passing
    }

    /// The edge of `body` the literals are compared with.
    fn edge<'a>(&self, body: &'a [u8]) -> Edge<'a> {
        let mut head = [0u8; 8];
        let k = body.len().min(8);
        if self.at_end {
            head[8 - k..].copy_from_slice(&body[body.len() - k..]);
        } else {
            head[..k].copy_from_slice(&body[..k]);
        }
        head.make_ascii_lowercase();
        Edge {
            body,
            head: u64::from_le_bytes(head),
        }
    }

    /// Whether the block's edge holds the literal `l`.
    fn holds(&self, edge: &Edge<'_>, l: &EdgeLiteral) -> bool {
        let n = edge.body.len();
        edge.head & l.mask == l.head
            && n >= l.len
            && (l.rest.is_empty() || {
                let rest = if self.at_end {
                    &edge.body[n - l.len..n - 8]
                } else {
                    &edge.body[8..l.len]
                };
                rest.eq_ignore_ascii_case(&l.rest)
            })
    }
}

impl EdgeLiteral {
    /// `literal` (ASCII lower-cased) of `branch`, compared at the end of blocks if `at_end`.
    fn new(literal: &[u8], branch: Branches, at_end: bool) -> EdgeLiteral {
        let k = literal.len().min(8);
        let (near, rest) = if at_end {
            let (rest, near) = literal.split_at(literal.len() - k);
            (near, rest)
        } else {
            literal.split_at(k)
        };
        // Where the literal's bytes sit in the eight-byte head.
        let offset = if at_end { 8 - k } else { 0 };
        let mut head = [0u8; 8];
        let mut mask = [0u8; 8];
        head[offset..offset + k].copy_from_slice(near);
        mask[offset..offset + k].fill(0xff);
        EdgeLiteral {
            branch,
            head: u64::from_le_bytes(head),
            mask: u64::from_le_bytes(mask),
            rest: rest.into(),
            len: literal.len(),
        }
    }
}

/// The index key of an edge `head` (laid out as in [`Edge::head`]) for a literal of `len` bytes:
/// its bytes nearest the edge, up to [`KEY_BYTES`], and how many.
fn key(head: u64, len: usize, at_end: bool) -> u32 {
    let k = len.min(KEY_BYTES);
    let near = if at_end {
        head >> (64 - 8 * k)
    } else {
        head & ((1 << (8 * k)) - 1)
    };
    near as u32 | (k as u32) << 24
}

/// Whether `set` holds the byte `b`.
fn contains(set: &ByteSet, b: usize) -> bool {
    set[b / 64] & (1 << (b % 64)) != 0
}

/// Sorts the 256 bytes into classes by their keys: returns each byte's class and a byte of each
/// class.
fn classes<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> ([u8; 256], Vec<usize>) {
    let mut class_of_key: FxHashMap<K, u8> = FxHashMap::default();
    let mut class = [0u8; 256];
    let mut bytes = Vec::new();
    for (b, key) in keys.enumerate() {
        class[b] = *class_of_key.entry(key).or_insert_with(|| {
            bytes.push(b);
            (bytes.len() - 1) as u8
        });
    }
    (class, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(bytes: &[u8]) -> ByteSet {
        let mut set = [0; 4];
        for &b in bytes {
            set[usize::from(b / 64)] |= 1 << (b % 64);
        }
        set
    }

    /// Tables of two regexes: `^(?i:ab)` and one whose last bytes are a digit then `.`.
    fn tables(at_end: bool) -> EdgeTables {
        let mut tables = EdgeTables::new(at_end);
        let ab = EdgeTest {
            pairs: vec![(b'a', set(b"bB")), (b'A', set(b"bB"))],
            literals: Some(vec![b"abcdefghij".to_vec(), b"ab".to_vec()]),
            needs_literal: false,
        };
        let number = EdgeTest {
            pairs: vec![(b'.', set(b"0123456789"))],
            literals: None,
            needs_literal: true,
        };
        assert!(tables.add(vec![ab, number], 1));
        tables.finish();
        tables
    }

    #[test]
    fn pairs_and_literals_decide_at_the_start() {
        let t = tables(false);
        assert_eq!(t.open(b"Ab", 0), 1);
        assert_eq!(t.open(b"aBCDEFGHIJ and more", 0), 1);
        assert_eq!(t.open(b"ax", 0), 0);
        assert_eq!(t.open(b"a", 0), 0, "shorter than every literal");
        assert_eq!(t.open(b"b", 0), 0);
    }

    #[test]
    fn literals_longer_than_eight_bytes_are_compared_in_full() {
        // One branch, of rule 4, that needs the literal `abcdefghij`.
        let long = |at_end: bool, pairs: Vec<(u8, ByteSet)>| {
            let mut t = EdgeTables::new(at_end);
            let test = EdgeTest {
                pairs,
                literals: Some(vec![b"abcdefghij".to_vec()]),
                needs_literal: false,
            };
            assert!(t.add(vec![test], 4));
            t.finish();
            t
        };
        let t = long(false, vec![(b'a', set(b"b"))]);
        assert_eq!(t.open(b"abcdefghIJ", 0), 4);
        assert_eq!(t.open(b"abcdefghik", 0), 0);
        assert_eq!(t.open(b"abcdefghi", 0), 0);
        let t = long(true, vec![(b'j', set(b"iI")), (b'J', set(b"iI"))]);
        assert_eq!(t.open(b"see ABCDEFGHIJ", 0), 4);
        assert_eq!(t.open(b"see xbcdefghij", 0), 0);
    }

    #[test]
    fn branches_needing_a_literal_wait_for_it() {
        let t = tables(true);
        assert_eq!(t.open(b"on 3.", 0), 0);
        assert_eq!(t.open(b"on 3.", 1), 1);
        assert_eq!(t.open(b"on x.", 1), 0);
        assert_eq!(t.open(b".", 1), 1, "one byte: its pair is not tested");
    }

    #[test]
    fn bytes_treated_alike_share_a_class() {
        let t = tables(true);
        let class = |b: u8| t.outer_class[usize::from(b)];
        assert_eq!(
            class(b'x'),
            class(b'a'),
            "the branch of `a` is tested by literals"
        );
        assert_ne!(class(b'.'), class(b'x'));
        assert_eq!(
            t.inner_class[usize::from(b'3')],
            t.inner_class[usize::from(b'7')]
        );
        assert_eq!(t.pairs.len(), 2 * 3);
    }
}
