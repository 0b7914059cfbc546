//! Which items of one sequence another keeps, found the way Python's
//! `difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()` finds them, so the
//! line metric marks as kept the very lines `score_lines.py` marks.
//!
//! The matcher takes the longest common run (earliest in `a`, then in `b`, among equals), then
//! recurses on both sides of it. That is not a longest common subsequence: an item of `b` can be
//! left unmatched even when `b` is a subsequence of `a`, and the figures must count it so too.

use std::hash::Hash;

use rustc_hash::FxHashMap;

/// For each item of `a`, whether a matching block of `b` covers it.
pub fn matched<T: Hash + Eq>(a: &[T], b: &[T]) -> Vec<bool> {
    let mut positions: FxHashMap<&T, Vec<usize>> = FxHashMap::default();
    for (j, item) in b.iter().enumerate() {
        positions.entry(item).or_default().push(j);
    }
    let mut kept = vec![false; a.len()];
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, &positions, (alo, ahi), (blo, bhi));
        if k == 0 {
            continue;
        }
        kept[i..i + k].fill(true);
        if alo < i && blo < j {
            queue.push((alo, i, blo, j));
        }
        if i + k < ahi && j + k < bhi {
            queue.push((i + k, ahi, j + k, bhi));
        }
    }
    kept
}

/// `find_longest_match`: the longest run `a[i..i+k] == b[j..j+k]` within the bounds, as
/// `(i, j, k)`. Without junk every item of `b` is indexed, so difflib's extension of the run over
/// junk neighbours never applies.
fn longest_match<T: Hash + Eq>(
    a: &[T],
    positions: &FxHashMap<&T, Vec<usize>>,
    (alo, ahi): (usize, usize),
    (blo, bhi): (usize, usize),
) -> (usize, usize, usize) {
    let (mut best_i, mut best_j, mut best_k) = (alo, blo, 0);
    // Length of the run ending at (previous i, j), by j.
    let mut run_to: FxHashMap<usize, usize> = FxHashMap::default();
    let mut next: FxHashMap<usize, usize> = FxHashMap::default();
    for (i, item) in a.iter().enumerate().take(ahi).skip(alo) {
        next.clear();
        for &j in positions.get(item).map_or(&[][..], Vec::as_slice) {
            if j < blo {
                continue;
            }
            if j >= bhi {
                break;
            }
            let k = j
                .checked_sub(1)
                .and_then(|p| run_to.get(&p))
                .copied()
                .unwrap_or(0)
                + 1;
            next.insert(j, k);
            if k > best_k {
                (best_i, best_j, best_k) = (i + 1 - k, j + 1 - k, k);
            }
        }
        std::mem::swap(&mut run_to, &mut next);
    }
    (best_i, best_j, best_k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(a: &str, b: &str) -> String {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        matched(&a, &b)
            .iter()
            .zip(&a)
            .map(|(&k, &c)| if k { c } else { '.' })
            .collect()
    }

    #[test]
    fn keeps_a_plain_subsequence() {
        assert_eq!(kept("abcdef", "bdf"), ".b.d.f");
        assert_eq!(kept("abc", ""), "...");
        assert_eq!(kept("", "abc"), "");
    }

    #[test]
    fn follows_difflib_not_the_longest_common_subsequence() {
        // difflib.SequenceMatcher(None, "abca", "ba", autojunk=False).get_matching_blocks()
        // matches only the first "a": the "b" of the subsequence b…a is lost.
        assert_eq!(kept("abca", "ba"), "a...");
        // The longest run first (the earliest "cd"), then the sides: "a" to its left.
        assert_eq!(kept("xaycdzcd", "acdq"), ".a.cd...");
    }

    #[test]
    fn repeated_items_match_the_earliest_occurrence() {
        assert_eq!(kept("s1s2s", "s"), "s....");
        assert_eq!(kept("s1s2s", "2s"), "...2s");
    }
}
