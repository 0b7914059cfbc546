//! The words the cleaner knows, and one pass over a block's words that looks them all up.
//!
//! Two things are looked up word by word: the stop words of every language (their share of a
//! block's words measures how much it reads like prose, see [`crate::lang`]) and the literals
//! rules look for (phrases, and the literals a regex needs). A [`Lexicon`] holds both in one
//! table keyed by ASCII word, so that one look-up per word serves both; a block is scanned once
//! ([`Lexicon::scan`]).
//!
//! A literal is matched with ASCII case folded and other bytes as they are, and only where its
//! first character may start:
//! * a literal beginning with an ASCII letter or digit where a word begins (the byte before is no
//!   ASCII letter or digit), and only where that word, the run of ASCII letters and digits there,
//!   is the literal's first word: phrases respect word edges, and the regex literals kept here
//!   are those a regex can only match at the start of a word. So each word of a block is looked
//!   up once, by its folded bytes, and the literals it starts are compared in full;
//! * a literal beginning with a non-ASCII character wherever that character is (looked up by the
//!   character), one beginning with other ASCII wherever that byte is (by the byte).
//!
//! A literal ending with an ASCII letter or digit must not be followed by one. Each literal also
//! says the longest block (in units) in which it matters, so long paragraphs are not compared
//! with literals of rules for short lines.
//!
//! Stop-word counting follows [`crate::lang`]'s definition of a word: a run of letters and digits
//! of any script but Han and kana (whose characters are counted one by one), holding a letter,
//! up to the first [`SAMPLE_WORDS`] words or [`SAMPLE_CJK_CHARS`] Han and kana characters.

use rustc_hash::FxHashMap;

use crate::lang::{LangSet, Languages, SAMPLE_CJK_CHARS, SAMPLE_WORDS, Script, WordCounts};

/// A literal to look for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LiteralSpec<'a> {
    /// Its bytes (non-empty).
    pub bytes: &'a [u8],
    /// The longest block, in units, in which it matters.
    pub max_units: f32,
}

/// A literal found in a block: which one (its index among the specs), and its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub literal: u32,
    pub start: u32,
    pub end: u32,
}

/// A literal as stored.
#[derive(Debug)]
struct Literal {
    /// ASCII lower-cased.
    bytes: Box<[u8]>,
    /// Ends with an ASCII letter or digit, so must not be followed by one.
    word_end: bool,
    max_units: f32,
}

/// What the table knows of one ASCII word.
#[derive(Debug, Default)]
struct WordEntry {
    /// The languages listing it as a stop word.
    langs: LangSet,
    /// The literals it starts: a range of `Lexicon::lists`.
    literals: (u32, u32),
    /// The word, for words over eight bytes (whose key is a hash).
    long: Option<Box<[u8]>>,
}

/// Stop words and literals, by word. Build once per rule set with [`Lexicon::new`].
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// ASCII words (lower case): key (see [`word_key`]) → index into `entries`.
    table: WordTable,
    entries: Vec<WordEntry>,
    /// Literals beginning with a non-ASCII character: its bytes as a key → range of `lists`.
    chars: FxHashMap<u32, (u32, u32)>,
    /// Non-ASCII bytes that begin a literal, as a 128-bit set over `b - 128`.
    char_leads: u128,
    /// Literals beginning with an ASCII byte that is no letter or digit: range of `lists`.
    punct: Box<[(u32, u32); 128]>,
    /// Lists of literal indices.
    lists: Vec<u32>,
    literals: Vec<Literal>,
    /// The longest block in which any literal matters.
    max_units: f32,
}

impl Lexicon {
    /// The stop words of `langs` and the `literals`.
    pub(crate) fn new<'a>(
        langs: &Languages,
        literals: impl IntoIterator<Item = LiteralSpec<'a>>,
    ) -> Lexicon {
        let mut by_word: FxHashMap<Box<[u8]>, WordEntry> = FxHashMap::default();
        for (word, set) in langs.ascii_stopwords() {
            by_word.entry(word.as_bytes().into()).or_default().langs = set;
        }
        let mut stored = Vec::new();
        let mut word_lists: FxHashMap<Box<[u8]>, Vec<u32>> = FxHashMap::default();
        let mut char_lists: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut punct_lists: Vec<Vec<u32>> = vec![Vec::new(); 128];
        let mut char_leads = 0u128;
        let mut max_units = 0.0f32;
        for (i, spec) in literals.into_iter().enumerate() {
            let bytes = spec.bytes.to_ascii_lowercase();
            let Some(&first) = bytes.first() else {
                continue;
            };
            let i = i as u32;
            if first.is_ascii_alphanumeric() {
                let word = &bytes[..ascii_run(&bytes)];
                word_lists.entry(word.into()).or_default().push(i);
            } else if first < 0x80 {
                punct_lists[usize::from(first)].push(i);
            } else {
                let len = char_len(first).min(bytes.len());
                char_lists
                    .entry(char_key(&bytes[..len]))
                    .or_default()
                    .push(i);
                char_leads |= 1 << (first - 128);
            }
            max_units = max_units.max(spec.max_units);
            stored.push(Literal {
                word_end: bytes.last().is_some_and(u8::is_ascii_alphanumeric),
                bytes: bytes.into(),
                max_units: spec.max_units,
            });
        }
        let mut lists = Vec::new();
        let mut push_list = |list: Vec<u32>| {
            let from = lists.len() as u32;
            lists.extend(list);
            (from, lists.len() as u32)
        };
        for (word, list) in word_lists {
            by_word.entry(word).or_default().literals = push_list(list);
        }
        let chars = char_lists
            .into_iter()
            .map(|(key, list)| (key, push_list(list)))
            .collect();
        let mut punct = Box::new([(0, 0); 128]);
        for (b, list) in punct_lists.into_iter().enumerate() {
            punct[b] = push_list(list);
        }
        let mut words: Vec<(Box<[u8]>, WordEntry)> = by_word.into_iter().collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        let mut table = WordTable::with_capacity(words.len());
        let mut entries = Vec::with_capacity(words.len());
        for (word, mut entry) in words {
            if word.len() > 8 {
                entry.long = Some(word.clone());
            }
            table.insert(word_key(&word), entries.len() as u32);
            entries.push(entry);
        }
        Lexicon {
            table,
            entries,
            chars,
            char_leads,
            punct,
            lists,
            literals: stored,
            max_units,
        }
    }

    /// Scans the words of `text`, a block `units` long: returns its stop-word counts, and calls
    /// `found` for every literal occurring in it where it may (see the module documentation), in
    /// the order of their starts. `scratch` is a reusable buffer.
    pub(crate) fn scan(
        &self,
        langs: &Languages,
        text: &str,
        units: f32,
        scratch: &mut String,
        mut found: impl FnMut(Found),
    ) -> WordCounts {
        let mut sample = Sample::default();
        let literals = units <= self.max_units;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !(literals || sample.open) {
                break;
            }
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                let run = ascii_run(&bytes[i..]);
                let word = &bytes[i..i + run];
                let entry = self.entry(word);
                if literals && let Some(entry) = entry {
                    self.try_list(entry.literals, text, i, units, &mut found);
                }
                if sample.open {
                    let ends_word = bytes.get(i + run).is_none_or(u8::is_ascii);
                    sample.ascii_run(langs, text, (i, run), ends_word, entry);
                }
                i += run;
                continue;
            }
            let len = if b < 0x80 {
                if literals {
                    self.try_list(self.punct[usize::from(b)], text, i, units, &mut found);
                }
                1
            } else {
                let len = char_len(b).min(bytes.len() - i);
                if literals
                    && b >= 0xc0
                    && self.char_leads & (1 << (b - 128)) != 0
                    && let Some(&list) = self.chars.get(&char_key(&bytes[i..i + len]))
                {
                    self.try_list(list, text, i, units, &mut found);
                }
                len
            };
            if sample.open {
                sample.other(langs, text, i, scratch);
            }
            i += len;
        }
        sample.finish(langs, text, scratch)
    }

    /// The table's entry for an ASCII word.
    fn entry(&self, word: &[u8]) -> Option<&WordEntry> {
        let entry = &self.entries[self.table.get(word_key(word))? as usize];
        match &entry.long {
            Some(long) if !long.eq_ignore_ascii_case(word) => None,
            _ => Some(entry),
        }
    }

    /// Reports the literals of `list` occurring at `at`.
    fn try_list(
        &self,
        (from, to): (u32, u32),
        text: &str,
        at: usize,
        units: f32,
        found: &mut impl FnMut(Found),
    ) {
        let bytes = text.as_bytes();
        for &l in &self.lists[from as usize..to as usize] {
            let literal = &self.literals[l as usize];
            let end = at + literal.bytes.len();
            if units <= literal.max_units
                && bytes
                    .get(at..end)
                    .is_some_and(|b| b.eq_ignore_ascii_case(&literal.bytes))
                && !(literal.word_end && bytes.get(end).is_some_and(u8::is_ascii_alphanumeric))
            {
                found(Found {
                    literal: l,
                    start: at as u32,
                    end: end as u32,
                });
            }
        }
    }
}

/// Stop-word counting over the first words of a block (see [`Languages`] for the resources).
#[derive(Default)]
struct Sample {
    counts: WordCounts,
    /// Still counting: the sample is not full.
    open: bool,
    /// Where the word being read started, when it is more than one run of ASCII.
    word_start: Option<usize>,
    /// Whether that word may hold upper-case letters.
    cased: bool,
}

impl Sample {
    fn default() -> Sample {
        Sample {
            counts: WordCounts::default(),
            open: true,
            word_start: None,
            cased: false,
        }
    }

    /// Counts a run of ASCII letters and digits at `at`, `run` bytes long, whose table entry is
    /// `entry`. `ends_word`: no non-ASCII character follows, which could go on with the word.
    /// A word of ASCII alone is in the table if it is a stop word.
    fn ascii_run(
        &mut self,
        langs: &Languages,
        text: &str,
        (at, run): (usize, usize),
        ends_word: bool,
        entry: Option<&WordEntry>,
    ) {
        let word = &text.as_bytes()[at..at + run];
        if self.word_start.is_some() || !ends_word {
            self.cased |= word.iter().any(u8::is_ascii_uppercase);
            self.word_start.get_or_insert(at);
            return;
        }
        if word.iter().all(u8::is_ascii_digit) {
            return;
        }
        self.counts.words += 1;
        if let Some(entry) = entry {
            langs.add_hits(&mut self.counts, entry.langs);
        }
        self.check_full();
    }

    /// Counts the character (not an ASCII letter or digit) at `at`.
    fn other(&mut self, langs: &Languages, text: &str, at: usize, scratch: &mut String) {
        let word_char = if text.as_bytes()[at] < 0x80 {
            false
        } else {
            let c = text[at..].chars().next().unwrap_or_default();
            match Script::of(c) {
                Some(Script::Han | Script::Kana) => {
                    self.counts.cjk_chars += 1;
                    if let Some(set) = langs.function_char(c) {
                        langs.add_hits(&mut self.counts, set);
                    }
                    false
                }
                Some(script) => {
                    self.cased |= script.is_cased();
                    true
                }
                None => !Script::is_symbol(c) && c.is_alphanumeric(),
            }
        };
        if word_char {
            self.word_start.get_or_insert(at);
        } else if let Some(start) = self.word_start.take() {
            langs.count_word(&text[start..at], self.cased, scratch, &mut self.counts);
            self.cased = false;
        }
        self.check_full();
    }

    fn check_full(&mut self) {
        self.open = self.counts.words < SAMPLE_WORDS && self.counts.cjk_chars < SAMPLE_CJK_CHARS;
    }

    /// The counts, with the word the text ends with.
    fn finish(mut self, langs: &Languages, text: &str, scratch: &mut String) -> WordCounts {
        if self.open
            && let Some(start) = self.word_start
        {
            langs.count_word(&text[start..], self.cased, scratch, &mut self.counts);
        }
        self.counts
    }
}

/// An open-addressing hash table from word keys to entry indices.
#[derive(Debug, Default)]
struct WordTable {
    /// Keys (0: empty slot).
    keys: Box<[u64]>,
    values: Box<[u32]>,
    /// Bits of a slot number.
    bits: u32,
}

impl WordTable {
    fn with_capacity(n: usize) -> WordTable {
        let bits = (2 * n.max(8)).next_power_of_two().trailing_zeros();
        WordTable {
            keys: vec![0; 1 << bits].into(),
            values: vec![0; 1 << bits].into(),
            bits,
        }
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    fn insert(&mut self, key: u64, value: u32) {
        let mask = self.keys.len() - 1;
        let mut s = self.slot(key);
        while self.keys[s] != 0 && self.keys[s] != key {
            s = (s + 1) & mask;
        }
        self.keys[s] = key;
        self.values[s] = value;
    }

    fn get(&self, key: u64) -> Option<u32> {
        if self.keys.is_empty() {
            return None;
        }
        let mask = self.keys.len() - 1;
        let mut s = self.slot(key);
        loop {
            match self.keys[s] {
                0 => return None,
                k if k == key => return Some(self.values[s]),
                _ => s = (s + 1) & mask,
            }
        }
    }
}

/// The table key of an ASCII word (letters and digits, any case): its folded bytes, for words
/// of up to eight bytes; a hash of them with the top bit set (which no short key has) for longer
/// ones.
fn word_key(word: &[u8]) -> u64 {
    if word.len() <= 8 {
        let mut head = [0u8; 8];
        head[..word.len()].copy_from_slice(word);
        // Letters and digits: setting 0x20 lower-cases letters and leaves digits as they are.
        u64::from_le_bytes(head) | ((ONES * 0x20) & (u64::MAX >> (64 - 8 * word.len())))
    } else {
        let mut hash = 0u64;
        for chunk in word.chunks(8) {
            let mut head = [0u8; 8];
            head[..chunk.len()].copy_from_slice(chunk);
            let folded = u64::from_le_bytes(head) | (ONES * 0x20);
            hash = (hash.rotate_left(5) ^ folded).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        hash | (1 << 63)
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// The length of the run of ASCII letters and digits `bytes` starts with, eight bytes at a time.
fn ascii_run(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let others = !alnum_mask(x) & HIGH;
        if others != 0 {
            return at + (others.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// The top bit of each byte of `x` that is an ASCII letter or digit.
fn alnum_mask(x: u64) -> u64 {
    let low = x & !HIGH;
    // The top bit of each byte of `v` (7-bit values) within lo..=hi.
    let within = |v: u64, lo: u8, hi: u8| {
        ((v + ONES * u64::from(128 - lo)) & !(v + ONES * u64::from(127 - hi))) & HIGH
    };
    (within(low, b'0', b'9') | within(low | (ONES * 0x20), b'a', b'z')) & !x
}

/// The length of a UTF-8 character from its first byte.
fn char_len(lead: u8) -> usize {
    match lead {
        0..0xe0 => 2,
        0xe0..0xf0 => 3,
        _ => 4,
    }
}

/// A non-ASCII character's bytes as a key.
fn char_key(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0, |key, &b| (key << 8) | u32::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages() -> Languages {
        Languages::load([
            ("en.toml", "code='en'\nname='English'\nscript='latin'\nprose_density=0.4\nstopwords='the of and to a in is it throughout'"),
            ("ko.toml", "code='ko'\nname='Korean'\nscript='hangul'\nprose_density=0.5\nstopwords='그리고'\nsuffixes='은 는 을 를 다 에서'"),
            ("zh.toml", "code='zh'\nname='Chinese'\nscript='han'\nprose_density=0.1\nfunction_chars='的了是在'"),
        ])
        .unwrap()
    }

    fn found(literals: &[(&str, f32)], text: &str, units: f32) -> Vec<(String, String)> {
        let langs = languages();
        let lexicon = Lexicon::new(
            &langs,
            literals.iter().map(|(l, max_units)| LiteralSpec {
                bytes: l.as_bytes(),
                max_units: *max_units,
            }),
        );
        let mut all = Vec::new();
        lexicon.scan(&langs, text, units, &mut String::new(), |f| {
            all.push((
                literals[f.literal as usize].0.to_string(),
                text[f.start as usize..f.end as usize].to_string(),
            ))
        });
        all
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn literals_start_at_word_starts_and_end_at_word_ends() {
        let any = f32::INFINITY;
        assert_eq!(
            found(
                &[("share", any), ("ad", any), ("read more", any)],
                "SHARE this ad, Read More",
                10.0
            ),
            pairs(&[("share", "SHARE"), ("ad", "ad"), ("read more", "Read More")])
        );
        assert!(
            found(
                &[("share", any), ("ad", any)],
                "shares reshare head adds",
                10.0
            )
            .is_empty()
        );
        assert_eq!(
            found(&[("e-mail", any), ("mail", any)], "e-mail", 10.0),
            pairs(&[("e-mail", "e-mail"), ("mail", "mail")])
        );
        assert!(
            found(&[("the end", any)], "the endless", 10.0).is_empty(),
            "a literal's last word ends where a word does"
        );
    }

    #[test]
    fn other_characters_match_anywhere() {
        let any = f32::INFINITY;
        assert_eq!(
            found(
                &[("댓글", any), ("(c)", any), ("©", any)],
                "새댓글 abc(c) x©",
                10.0
            ),
            pairs(&[("댓글", "댓글"), ("(c)", "(c)"), ("©", "©")])
        );
    }

    #[test]
    fn literals_matter_only_in_blocks_short_enough() {
        assert_eq!(found(&[("share", 20.0)], "share", 20.0).len(), 1);
        assert!(found(&[("share", 20.0)], "share", 21.0).is_empty());
    }

    #[test]
    fn case_folding_is_ascii_only() {
        let any = f32::INFINITY;
        assert_eq!(found(&[("été", any)], "ÉTÉ été", 10.0).len(), 1);
        assert_eq!(found(&[("[AB]", any)], "[ab] @AB", 10.0).len(), 1);
    }

    #[test]
    fn long_words_are_told_apart() {
        let any = f32::INFINITY;
        assert_eq!(
            found(
                &[("subscriptions", any)],
                "Subscriptions subscriptionz",
                10.0
            ),
            pairs(&[("subscriptions", "Subscriptions")])
        );
    }

    #[test]
    fn word_runs_and_keys_are_exact() {
        for text in [
            "abcdefghijklmnop",
            "abcdefgh ad",
            "abcdefghi-ad",
            "x1234567890 ad",
            "é",
        ] {
            let expected = text.bytes().take_while(u8::is_ascii_alphanumeric).count();
            assert_eq!(ascii_run(text.as_bytes()), expected, "{text}");
        }
        for b in 0..=255u8 {
            for neighbour in [0u8, b'a', 0xff] {
                let x = u64::from(b) | (u64::from(neighbour) << 8);
                assert_eq!(alnum_mask(x) & 0x80 != 0, b.is_ascii_alphanumeric(), "{b}");
            }
        }
        assert_eq!(word_key(b"The"), word_key(b"tHE"));
        assert_ne!(word_key(b"the"), word_key(b"then"));
        assert_eq!(word_key(b"Throughout"), word_key(b"THROUGHOUT"));
        assert_ne!(word_key(b"throughout"), word_key(b"throughOUTS"));
    }
}
