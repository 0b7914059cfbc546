//! Rows of labels: a line made of two or more whole-line phrases side by side.
//!
//! A text dump lays a toolbar or a tab bar out as one line (`Share Tweet Email Print`,
//! `글꼴 선택 본문 텍스트 크게 본문 텍스트 작게 스크랩`), and so does an HTML block of inline
//! buttons. Such a line is no whole-line phrase, yet every part of it is one. [`labels`] reads a
//! line key word by word, words being cut at white space and row separators (`|`, `/`, `,`,
//! `:`, `·`, `•`), and finds whether runs of words, each a phrase, make up the whole key. Counts
//! between labels (`Comments (12) Share`) are passed over. Words are read only as far as some
//! cut may still reach, so a line that is no row costs about a look-up of its first word.

use std::ops::Range;

/// The longest line key looked at as a row, in bytes.
pub(crate) const ROW_MAX_BYTES: usize = 160;

/// The most words a row may have.
const MAX_WORDS: usize = 24;

/// Whether `c` separates the labels of a row.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | '/' | ',' | ':' | '·' | '•' | '∙' | '｜' | '：')
}

/// What a byte says of a separator: none starts with it, an ASCII one is it, or a separator
/// outside ASCII may start with it.
const NO: u8 = 0;
const ASCII: u8 = 1;
const MAYBE: u8 = 2;

/// [`NO`], [`ASCII`] or [`MAYBE`] for every byte.
const BYTE_KIND: [u8; 256] = {
    let mut kinds = [NO; 256];
    let mut b = 0;
    while b < 256 {
        kinds[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' | b'|' | b'/' | b',' | b':' => ASCII,
            0xC2 | 0xE1..=0xE3 | 0xEF => MAYBE,
            _ => NO,
        };
        b += 1;
    }
    kinds
};

/// Whether the byte at `at` of `text` starts a separator, and its length if so (1 if not:
/// words are read byte by byte). Only the lead bytes of the few separators outside ASCII are
/// decoded.
#[inline(always)]
fn separator_at(text: &str, at: usize) -> (bool, usize) {
    match BYTE_KIND[usize::from(text.as_bytes()[at])] {
        NO => (false, 1),
        ASCII => (true, 1),
        _ => match text[at..].chars().next() {
            Some(c) if is_separator(c) => (true, c.len_utf8()),
            _ => (false, 1),
        },
    }
}

/// The first word of `phrase`, and the number of its words.
pub(crate) fn first_word(phrase: &str) -> (&str, usize) {
    let mut words = phrase.split(is_separator).filter(|w| !w.is_empty());
    (words.next().unwrap_or(phrase), 1 + words.count())
}

/// The words of a key, read as far as asked: byte ranges, which fit in a byte each because the
/// key is at most [`ROW_MAX_BYTES`] long.
struct Words<'a> {
    key: &'a str,
    ranges: [(u8, u8); MAX_WORDS],
    len: usize,
    /// Where reading goes on.
    at: usize,
    /// The key has more than [`MAX_WORDS`] words.
    overflow: bool,
}

impl<'a> Words<'a> {
    fn new(key: &'a str) -> Words<'a> {
        Words {
            key,
            ranges: [(0, 0); MAX_WORDS],
            len: 0,
            at: 0,
            overflow: false,
        }
    }

    /// Whether the key has an `i`-th word (from 0), reading on to it if need be.
    fn has(&mut self, i: usize) -> bool {
        let key = self.key;
        while self.len <= i {
            while self.at < key.len() {
                match separator_at(key, self.at) {
                    (true, len) => self.at += len,
                    (false, _) => break,
                }
            }
            if self.at == key.len() {
                return false;
            }
            if self.len == MAX_WORDS {
                self.overflow = true;
                return false;
            }
            let start = self.at;
            while self.at < key.len() && !separator_at(key, self.at).0 {
                self.at += 1;
            }
            self.ranges[self.len] = (start as u8, self.at as u8);
            self.len += 1;
        }
        true
    }

    fn range(&self, i: usize) -> Range<usize> {
        let (start, end) = self.ranges[i];
        usize::from(start)..usize::from(end)
    }

    /// The bytes from the start of word `from` to the end of word `to - 1`.
    fn span(&self, from: usize, to: usize) -> Range<usize> {
        self.range(from).start..self.range(to - 1).end
    }
}

/// Whether a word is a count between labels: digits, bare or in brackets (`12`, `(12)`, `[3]`).
fn is_count(word: &[u8]) -> bool {
    let inner = match word {
        [b'(', inner @ .., b')'] | [b'[', inner @ .., b']'] => inner,
        _ => word,
    };
    !inner.is_empty() && inner.iter().all(u8::is_ascii_digit)
}

/// The labels a row was cut into: byte ranges of its key, in order.
pub(crate) struct Labels {
    ranges: [(u8, u8); MAX_WORDS],
    len: usize,
}

impl Labels {
    /// The labels' ranges, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        (self.ranges[..self.len].iter()).map(|&(start, end)| usize::from(start)..usize::from(end))
    }
}

/// What is known of the labels starting with a word: the most words one has, and the set of
/// their lengths in bytes (bit `n` for `n` bytes, bit 63 for 63 bytes or more).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Starts {
    pub words: usize,
    pub lengths: u64,
}

impl Starts {
    /// Adds a label of `words` words and `len` bytes.
    pub(crate) fn add(&mut self, words: usize, len: usize) {
        self.words = self.words.max(words);
        self.lengths |= length_bit(len);
    }
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Cuts `key` into labels: runs of words each of which `is_label` accepts (given its byte range
/// of `key`), with counts between them passed over. `starts` tells, for a word, what labels
/// start with it (see [`Starts`]): only runs of their lengths are tried. Gives the first such
/// cut, when there is one of two labels or more.
pub(crate) fn labels(
    key: &str,
    mut starts: impl FnMut(&str) -> Starts,
    mut is_label: impl FnMut(Range<usize>) -> bool,
) -> Option<Labels> {
    const UNREACHED: u8 = u8::MAX;
    if key.len() > ROW_MAX_BYTES {
        return None;
    }
    let mut words = Words::new(key);
    // For each word boundary reached: the boundary the last label or count began at, and
    // whether it was a label.
    let mut came_from = [(UNREACHED, false); MAX_WORDS + 1];
    came_from[0] = (0, false);
    let mut furthest = 0;
    let mut from = 0;
    while from <= furthest && words.has(from) {
        let mut reach = |to: usize, label: bool| {
            if came_from[to].0 == UNREACHED {
                came_from[to] = (from as u8, label);
                furthest = furthest.max(to);
            }
        };
        if from > 0 && is_count(&key.as_bytes()[words.range(from)]) {
            reach(from + 1, false);
        }
        let labels = starts(&key[words.range(from)]);
        for to in from + 1..=from + labels.words {
            if !words.has(to - 1) {
                break;
            }
            let span = words.span(from, to);
            if labels.lengths & length_bit(span.len()) != 0 && is_label(span) {
                reach(to, true);
            }
        }
        from += 1;
    }
    // The key is cut when the furthest boundary reached is its end.
    if words.has(furthest) || words.overflow {
        return None;
    }
    let n = furthest;
    // Walk back from the end, filling the labels from the back.
    let mut cut = Labels {
        ranges: [(0, 0); MAX_WORDS],
        len: 0,
    };
    let (mut first, mut at) = (MAX_WORDS, n);
    while at > 0 {
        let (from, is_label) = came_from[at];
        if is_label {
            first -= 1;
            let span = words.span(usize::from(from), at);
            cut.ranges[first] = (span.start as u8, span.end as u8);
        }
        at = usize::from(from);
    }
    cut.len = MAX_WORDS - first;
    cut.ranges.copy_within(first.., 0);
    (cut.len >= 2).then_some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels_of(key: &str, known: &[&str]) -> Vec<String> {
        let starts = |word: &str| {
            let word = word.to_lowercase();
            let mut starts = Starts::default();
            for k in known.iter().filter(|k| first_word(k).0 == word) {
                starts.add(first_word(k).1, k.len());
            }
            starts
        };
        let is_label = |r: Range<usize>| known.contains(&key[r].to_lowercase().as_str());
        let cut = labels(key, starts, is_label);
        cut.map_or_else(Vec::new, |l| l.iter().map(|r| key[r].to_string()).collect())
    }

    #[test]
    fn a_row_is_cut_into_labels_of_one_or_more_words() {
        let known = [
            "share",
            "tweet",
            "email",
            "print",
            "share on facebook",
            "font size",
        ];
        assert_eq!(
            labels_of("Share Tweet Email Print", &known),
            ["Share", "Tweet", "Email", "Print"]
        );
        assert_eq!(
            labels_of("Share on Facebook | Email · Font size", &known),
            ["Share on Facebook", "Email", "Font size"]
        );
        assert_eq!(
            labels_of("Share (12) Print", &known),
            ["Share", "Print"],
            "counts between labels are passed over"
        );
    }

    #[test]
    fn a_line_with_any_other_word_is_no_row() {
        let known = ["share", "print", "email"];
        assert!(labels_of("Share and Print", &known).is_empty());
        assert!(labels_of("Share Print and", &known).is_empty());
        assert!(labels_of("Share", &known).is_empty(), "one label is no row");
        assert!(
            labels_of("12 Share Print", &known).is_empty(),
            "nor a leading number"
        );
        let long = "Share ".repeat(30);
        assert!(labels_of(long.trim(), &known).is_empty(), "too long a line");
    }

    #[test]
    fn korean_labels_split_at_spaces() {
        let known = [
            "글꼴 선택",
            "본문 텍스트 크게",
            "본문 텍스트 작게",
            "스크랩",
        ];
        assert_eq!(
            labels_of("글꼴 선택 본문 텍스트 크게 본문 텍스트 작게 스크랩", &known),
            [
                "글꼴 선택",
                "본문 텍스트 크게",
                "본문 텍스트 작게",
                "스크랩"
            ]
        );
    }
}
