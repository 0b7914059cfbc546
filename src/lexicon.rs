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
//!   ASCII letter or digit): phrases respect word edges, and the regex literals kept here are
//!   those a regex can only match at the start of a word. A phrase is made of whole words: it
//!   matches only where the word there, the run of ASCII letters and digits, is its first word,
//!   and (if it ends with a letter or digit) only where no letter or digit follows it. So each
//!   word of a block is looked up once, by its folded bytes, and the phrases it starts are
//!   compared in full. A regex literal may end inside a word (`photo` of `photographer`): such
//!   literals are looked up by the first two bytes of each word, in a filter first, and also at
//!   each capital inside a word (`rodentCredit:`, two words a text dump glued together);
//! * a literal beginning with a non-ASCII character wherever that character is (looked up by the
//!   character), one beginning with other ASCII wherever that byte is (by the byte).
//!
//! Each literal also says the longest block (in units) in which it matters, so long paragraphs
//! are not compared with literals of rules for short lines.
//!
//! Stop-word counting follows [`crate::lang`]'s definition of a word: a run of letters and digits
//! of any script but Han and kana (whose characters are counted one by one), holding a letter,
//! up to the first [`SAMPLE_WORDS`] words or [`SAMPLE_CJK_CHARS`] Han and kana characters.

use rustc_hash::FxHashMap;

use crate::bytemask::{ByteMasks, load_padded};
use crate::lang::{LangSet, Languages, SAMPLE_CJK_CHARS, SAMPLE_WORDS, Script, WordCounts};

/// A literal to look for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LiteralSpec<'a> {
    /// Its bytes (non-empty).
    pub bytes: &'a [u8],
    /// The longest block, in units, in which it matters.
    pub max_units: f32,
    /// Made of whole words (a phrase), rather than possibly ending inside one (a regex literal,
    /// which, if it starts with an ASCII letter or digit, has two bytes or more).
    pub whole_words: bool,
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

/// Which bytes of white space or control characters may begin a literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Blank {
    /// None.
    Never,
    /// Those followed by ASCII punctuation (` - `).
    BeforePunct,
    /// Any.
    Any,
}

/// An item of a list of literals, as first compared with a block.
#[derive(Debug)]
struct Candidate {
    /// The literal's first eight bytes (or all of them, if fewer) as a little-endian number,
    /// and the mask of those present (see [`padded_head`]): compared with the folded text.
    head: u64,
    mask: u64,
    /// The longest block in which the literal matters.
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
    /// A bit per hash of the keys of `chars` (see [`filter_bit`]).
    char_filter: Box<[u64]>,
    /// Whether some literal begins with ASCII punctuation.
    punct_first: bool,
    /// Which bytes of white space or control characters may begin a literal (see [`Blank`]).
    blank_first: Blank,
    /// Literals beginning with an ASCII byte that is no letter or digit: range of `lists`.
    punct: Box<[(u32, u32); 128]>,
    /// Literals that begin with an ASCII letter or digit and may end inside a word.
    regex_literals: PrefixIndex,
    /// Lists of literal indices, each from the literal that matters in the longest blocks down.
    lists: Vec<u32>,
    /// For each item of `lists`, what is compared first (see [`Candidate`]).
    candidates: Vec<Candidate>,
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
        let mut prefix_literals: Vec<(Vec<u8>, u32)> = Vec::new();
        let mut char_leads = 0u128;
        let mut blank_first = Blank::Never;
        let mut max_units = 0.0f32;
        for (i, spec) in literals.into_iter().enumerate() {
            let bytes = spec.bytes.to_ascii_lowercase();
            let Some(&first) = bytes.first() else {
                continue;
            };
            let i = i as u32;
            if first.is_ascii_alphanumeric() && spec.whole_words {
                let word = &bytes[..ascii_run(&bytes)];
                word_lists.entry(word.into()).or_default().push(i);
            } else if first.is_ascii_alphanumeric() {
                prefix_literals.push((bytes.clone(), i));
            } else if first < 0x80 {
                punct_lists[usize::from(first)].push(i);
                if !first.is_ascii_punctuation() {
                    let then_punct = bytes.get(1).is_some_and(u8::is_ascii_punctuation);
                    blank_first = blank_first.max(if then_punct {
                        Blank::BeforePunct
                    } else {
                        Blank::Any
                    });
                }
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
                word_end: spec.whole_words && bytes.last().is_some_and(u8::is_ascii_alphanumeric),
                bytes: bytes.into(),
                max_units: spec.max_units,
            });
        }
        let mut lists = Vec::new();
        let mut push_list = |mut list: Vec<u32>| {
            list.sort_by(|&a, &b| {
                let limit = |l: u32| stored[l as usize].max_units;
                limit(b).total_cmp(&limit(a))
            });
            let from = lists.len() as u32;
            lists.extend(list);
            (from, lists.len() as u32)
        };
        for (word, list) in word_lists {
            by_word.entry(word).or_default().literals = push_list(list);
        }
        let mut char_filter = vec![0u64; 1 << (CHAR_FILTER_BITS - 6)].into_boxed_slice();
        let chars = char_lists
            .into_iter()
            .map(|(key, list)| {
                let bit = filter_bit(key, CHAR_FILTER_BITS);
                char_filter[bit / 64] |= 1 << (bit % 64);
                (key, push_list(list))
            })
            .collect();
        let punct_first = (punct_lists.iter().enumerate())
            .any(|(b, list)| !list.is_empty() && (b as u8).is_ascii_punctuation());
        let mut punct = Box::new([(0, 0); 128]);
        for (b, list) in punct_lists.into_iter().enumerate() {
            punct[b] = push_list(list);
        }
        let regex_literals = PrefixIndex::new(&prefix_literals, &stored, &mut push_list);
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
        let candidates = lists
            .iter()
            .map(|&l| {
                let literal: &Literal = &stored[l as usize];
                let (head, mask) = padded_head(&literal.bytes);
                Candidate {
                    head,
                    mask,
                    max_units: literal.max_units,
                }
            })
            .collect();
        Lexicon {
            table,
            entries,
            chars,
            char_leads,
            char_filter,
            punct_first,
            blank_first,
            punct,
            regex_literals,
            lists,
            candidates,
            literals: stored,
            max_units,
        }
    }

    /// Scans the words of `text`, a block `units` long whose byte classes, 64 bytes at a time,
    /// are `windows`: returns its stop-word counts, and calls `found` for every literal occurring
    /// in it where it may (see the module documentation), in the order of their starts.
    /// `scratch` is a reusable buffer.
    pub(crate) fn scan(
        &self,
        langs: &Languages,
        text: &str,
        windows: &[ByteMasks],
        units: f32,
        scratch: &mut String,
        mut found: impl FnMut(Found),
    ) -> WordCounts {
        let mut sample = Sample::default();
        let literals = units <= self.max_units;
        let bytes = text.as_bytes();
        // Where the bytes not yet read begin: those before belong to words and characters read.
        let mut cursor = 0;
        let mut base = 0;
        // 1 when the byte before the window is an ASCII letter or digit.
        let mut after_word = 0;
        for masks in windows {
            if !(literals || sample.open) {
                break;
            }
            let word_starts = masks.alnum & !((masks.alnum << 1) | after_word);
            after_word = masks.alnum >> 63;
            // Words and non-ASCII characters; punctuation, white space and control characters
            // only when literals may start with them (the words they end are ended by the next
            // event, or at the end).
            let mut events = word_starts | masks.lead;
            if literals {
                if self.punct_first {
                    events |= masks.punct;
                }
                let blanks = masks.ascii & !masks.alnum & !masks.punct;
                events |= blanks
                    & match self.blank_first {
                        Blank::Never => 0,
                        // The byte after the last one is in the next window.
                        Blank::BeforePunct => (masks.punct >> 1) | 1 << 63,
                        Blank::Any => u64::MAX,
                    };
            }
            while events != 0 && (literals || sample.open) {
                let at = base + events.trailing_zeros() as usize;
                events &= events - 1;
                if sample.open && at > cursor {
                    // Space between: it ends the word being read, if any.
                    sample.end_word(langs, text, cursor, scratch);
                }
                cursor = at
                    + self.read(
                        &mut sample,
                        langs,
                        text,
                        at,
                        masks,
                        base,
                        units,
                        literals,
                        scratch,
                        &mut found,
                    );
            }
            base += 64;
        }
        if sample.open && cursor < bytes.len() {
            sample.end_word(langs, text, cursor, scratch);
        }
        sample.finish(langs, text, scratch)
    }

    /// [`Lexicon::scan`] of a text whose byte classes are not at hand.
    #[cfg(test)]
    pub(crate) fn scan_text(
        &self,
        langs: &Languages,
        text: &str,
        units: f32,
        found: impl FnMut(Found),
    ) -> WordCounts {
        let mut windows = Vec::new();
        ByteMasks::of_windows(text.as_bytes(), &mut windows);
        self.scan(langs, text, &windows, units, &mut String::new(), found)
    }

    /// Reads the word, character or punctuation at `at` (in the window at `base`, of byte
    /// classes `masks`) for the sample and, if `literals`, the literals; returns its length.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn read(
        &self,
        sample: &mut Sample,
        langs: &Languages,
        text: &str,
        at: usize,
        masks: &ByteMasks,
        base: usize,
        units: f32,
        literals: bool,
        scratch: &mut String,
        found: &mut impl FnMut(Found),
    ) -> usize {
        let bytes = text.as_bytes();
        let b = bytes[at];
        if b.is_ascii_alphanumeric() {
            // The word's letters and digits in the window, then past it if it reaches its end.
            let offset = at - base;
            let mut run = (!(masks.alnum >> offset)).trailing_zeros() as usize;
            if offset + run == 64 {
                run += ascii_run(&bytes[base + 64..]);
            }
            let entry = self.entry(bytes, at, run);
            if literals {
                if let Some(entry) = entry {
                    self.try_list(entry.literals, text, at, units, found);
                }
                self.try_regex_literals(text, (at, run), (masks, base), units, found);
            }
            if sample.open {
                let ends_word = bytes.get(at + run).is_none_or(u8::is_ascii);
                sample.ascii_run(langs, text, (at, run), ends_word, entry);
            }
            run
        } else if b < 0x80 {
            if literals {
                self.try_list(self.punct[usize::from(b)], text, at, units, found);
            }
            if sample.open {
                sample.end_word(langs, text, at, scratch);
            }
            1
        } else {
            let len = char_len(b).min(bytes.len() - at);
            if literals && self.char_leads & (1 << (b - 128)) != 0 {
                self.try_char(text, at, len, units, found);
            }
            if sample.open {
                sample.other(langs, text, at, scratch);
            }
            len
        }
    }

    /// The table's entry for the ASCII word of `bytes` at `at`, `run` bytes long.
    #[inline]
    fn entry(&self, bytes: &[u8], at: usize, run: usize) -> Option<&WordEntry> {
        let word = &bytes[at..at + run];
        let key = match bytes.get(at..at + 8) {
            Some(head) if run <= 8 => {
                let head = u64::from_le_bytes(head.try_into().unwrap_or_default());
                (head | (ONES * 0x20)) & (u64::MAX >> (64 - 8 * run))
            }
            _ => word_key(word),
        };
        let entry = &self.entries[self.table.get(key)? as usize];
        match &entry.long {
            Some(long) if !long.eq_ignore_ascii_case(word) => None,
            _ => Some(entry),
        }
    }

    /// Reports the regex literals (which may end inside a word) occurring at the start of the
    /// word at `at`, `run` bytes long, or at a capital inside it (`masks` are the byte classes
    /// of the window at `base`). Blocks longer than any of them matters in are not looked at.
    #[inline]
    fn try_regex_literals(
        &self,
        text: &str,
        (at, run): (usize, usize),
        (masks, base): (&ByteMasks, usize),
        units: f32,
        found: &mut impl FnMut(Found),
    ) {
        if units > self.regex_literals.max_units {
            return;
        }
        self.regex_literals.find(self, text, at, units, found);
        let offset = at - base;
        let mut capitals = masks.upper >> offset >> 1;
        if offset + run <= 64 {
            capitals &= (1u64 << (run - 1)) - 1;
        } else {
            // The word goes on past the window: look at the rest of it byte by byte.
            let rest = &text.as_bytes()[base + 64..at + run];
            for (k, b) in rest.iter().enumerate() {
                if b.is_ascii_uppercase() {
                    self.regex_literals
                        .find(self, text, base + 64 + k, units, found);
                }
            }
        }
        while capitals != 0 {
            let inner = at + 1 + capitals.trailing_zeros() as usize;
            self.regex_literals.find(self, text, inner, units, found);
            capitals &= capitals - 1;
        }
    }

    /// Reports the literals beginning with the character at `at`, `len` bytes long.
    #[inline]
    fn try_char(
        &self,
        text: &str,
        at: usize,
        len: usize,
        units: f32,
        found: &mut impl FnMut(Found),
    ) {
        let key = char_key_at(text.as_bytes(), at, len);
        let bit = filter_bit(key, CHAR_FILTER_BITS);
        if self.char_filter[bit / 64] & (1 << (bit % 64)) != 0
            && let Some(&list) = self.chars.get(&key)
        {
            self.try_list(list, text, at, units, found);
        }
    }

    /// Reports the literals of `list` occurring at `at`.
    #[inline(always)]
    fn try_list(
        &self,
        (from, to): (u32, u32),
        text: &str,
        at: usize,
        units: f32,
        found: &mut impl FnMut(Found),
    ) {
        if from == to {
            return;
        }
        let bytes = text.as_bytes();
        // The text's next eight bytes folded, padded with zeros past its end (where no literal
        // fits anyway).
        let (next, _) = padded_head(&bytes[at..]);
        let next = fold_ascii(next);
        let (from, to) = (from as usize, to as usize);
        for (k, candidate) in self.candidates[from..to].iter().enumerate() {
            if units > candidate.max_units {
                // The rest of the list matters in shorter blocks only.
                break;
            }
            if next & candidate.mask != candidate.head {
                continue;
            }
            let l = self.lists[from + k];
            let literal = &self.literals[l as usize];
            let end = at + literal.bytes.len();
            if end <= bytes.len()
                && bytes
                    .get(at + 8..end)
                    .is_none_or(|tail| tail.eq_ignore_ascii_case(&literal.bytes[8..]))
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
        if word[0].is_ascii_digit() && word.iter().all(u8::is_ascii_digit) {
            return;
        }
        self.counts.words += 1;
        if let Some(entry) = entry {
            langs.add_hits(&mut self.counts, entry.langs);
        }
        // Only the words grew: the sample was open, so it stays open under the CJK limit.
        self.open = self.counts.words < SAMPLE_WORDS;
    }

    /// Counts the ASCII character (not a letter or digit) at `at`: it ends the word being read.
    #[inline]
    fn end_word(&mut self, langs: &Languages, text: &str, at: usize, scratch: &mut String) {
        if let Some(start) = self.word_start.take() {
            langs.count_word(&text[start..at], self.cased, scratch, &mut self.counts);
            self.cased = false;
            self.check_full();
        }
    }

    /// Counts the non-ASCII character at `at`.
    fn other(&mut self, langs: &Languages, text: &str, at: usize, scratch: &mut String) {
        let c = text[at..].chars().next().unwrap_or_default();
        // Hangul and Han first: the most frequent, and no punctuation.
        let frequent = Script::of_frequent(c);
        let word_char = if frequent.is_none() && Script::is_punctuation(c) {
            false
        } else {
            match frequent.or_else(|| Script::of(c)) {
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
        // Letters and digits: setting 0x20 lower-cases letters and leaves digits as they are.
        load_padded(word) | ((ONES * 0x20) & (u64::MAX >> (64 - 8 * word.len())))
    } else {
        let mut hash = 0u64;
        for chunk in word.chunks(8) {
            let folded = load_padded(chunk) | (ONES * 0x20);
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

/// Literals beginning with an ASCII letter or digit that may end inside a word, by their first
/// bytes, folded: four for literals of four bytes or more, two for shorter ones (literals of one
/// byte are not kept: they would be in every block). Two bit sets come first, so that most words
/// cost one or two looks at them: one over the first two bytes of the literals, one over a hash
/// of the keys.
#[derive(Debug)]
struct PrefixIndex {
    /// Key → range of the lexicon's lists.
    lists: FxHashMap<u32, (u32, u32)>,
    /// A bit per hash of the keys of `lists`.
    filter: Box<[u64]>,
    /// A bit per pair of first bytes (folded) of the literals.
    heads: Box<[u64]>,
    /// Whether some literal is under four bytes.
    short: bool,
    /// The longest block in which any of the literals matters (minus infinity without any).
    max_units: f32,
}

/// Bits of [`PrefixIndex::filter`]'s hash.
const PREFIX_FILTER_BITS: u32 = 14;

impl PrefixIndex {
    /// The index of `literals` (their bytes, folded, and their index in `stored`).
    fn new(
        literals: &[(Vec<u8>, u32)],
        stored: &[Literal],
        push_list: &mut impl FnMut(Vec<u32>) -> (u32, u32),
    ) -> PrefixIndex {
        let mut by_key: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut short = false;
        let mut max_units = f32::NEG_INFINITY;
        let mut heads = vec![0u64; 1 << (16 - 6)].into_boxed_slice();
        for (bytes, i) in literals.iter().filter(|(bytes, _)| bytes.len() >= 2) {
            short |= bytes.len() < 4;
            max_units = max_units.max(stored[*i as usize].max_units);
            let head = head_key(bytes);
            heads[head / 64] |= 1 << (head % 64);
            by_key.entry(prefix_key(bytes)).or_default().push(*i);
        }
        let mut filter = vec![0u64; 1 << (PREFIX_FILTER_BITS - 6)].into_boxed_slice();
        let lists = by_key
            .into_iter()
            .map(|(key, list)| {
                let bit = filter_bit(key, PREFIX_FILTER_BITS);
                filter[bit / 64] |= 1 << (bit % 64);
                (key, push_list(list))
            })
            .collect();
        PrefixIndex {
            lists,
            filter,
            heads,
            short,
            max_units,
        }
    }

    /// Reports the literals occurring at `at`.
    #[inline]
    fn find(
        &self,
        lexicon: &Lexicon,
        text: &str,
        at: usize,
        units: f32,
        found: &mut impl FnMut(Found),
    ) {
        let rest = &text.as_bytes()[at..];
        if rest.len() < 2 || {
            let head = head_key(rest);
            self.heads[head / 64] & (1 << (head % 64)) == 0
        } {
            return;
        }
        if rest.len() >= 4 {
            self.probe(lexicon, prefix_key(rest), text, at, units, found);
        }
        if self.short {
            self.probe(lexicon, prefix_key(&rest[..2]), text, at, units, found);
        }
    }

    #[inline]
    fn probe(
        &self,
        lexicon: &Lexicon,
        key: u32,
        text: &str,
        at: usize,
        units: f32,
        found: &mut impl FnMut(Found),
    ) {
        let bit = filter_bit(key, PREFIX_FILTER_BITS);
        if self.filter[bit / 64] & (1 << (bit % 64)) != 0
            && let Some(&list) = self.lists.get(&key)
        {
            lexicon.try_list(list, text, at, units, found);
        }
    }
}

/// The key of a prefix: the first four bytes of `bytes`, or its first two when it has fewer
/// than four (with a marker in the top byte, so the two kinds of keys differ), ASCII folded.
#[inline]
fn prefix_key(bytes: &[u8]) -> u32 {
    match bytes.first_chunk::<4>() {
        Some(head) => fold_ascii(u64::from(u32::from_le_bytes(*head))) as u32,
        None => {
            fold_ascii(u64::from(u16::from_le_bytes([bytes[0], bytes[1]]))) as u32 | 0xff00_0000
        }
    }
}

/// The bytes of `x` with ASCII capitals lower-cased, the others as they are.
#[inline]
fn fold_ascii(x: u64) -> u64 {
    let low = x & !HIGH;
    // The high bit of each byte: at least `A`, and above `Z`, of its low seven bits.
    let from_a = low + ONES * (0x80 - u64::from(b'A'));
    let past_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
    let capitals = from_a & !past_z & !x & HIGH;
    x | (capitals >> 2)
}

/// The first eight bytes of `bytes` (or all of them, if fewer) as a little-endian number, the
/// missing bytes zero, and the mask of the bytes present.
#[inline]
fn padded_head(bytes: &[u8]) -> (u64, u64) {
    match bytes.first_chunk::<8>() {
        Some(head) => (u64::from_le_bytes(*head), u64::MAX),
        None => (load_padded(bytes), !(u64::MAX << (8 * bytes.len()))),
    }
}

/// The first two bytes of `bytes` (at least two), ASCII folded, as a number.
#[inline]
fn head_key(bytes: &[u8]) -> usize {
    fold_ascii(u64::from(u16::from_le_bytes([bytes[0], bytes[1]]))) as usize
}

/// The bit of `key` in a filter of `2^bits` bits: a hash of it.
fn filter_bit(key: u32, bits: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> (32 - bits)) as usize
}

/// The length of a UTF-8 character from its first byte.
fn char_len(lead: u8) -> usize {
    match lead {
        0..0xe0 => 2,
        0xe0..0xf0 => 3,
        _ => 4,
    }
}

/// Bits of [`Lexicon::char_filter`]'s hash.
const CHAR_FILTER_BITS: u32 = 12;

/// A non-ASCII character's bytes as a key.
fn char_key(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0, |key, &b| (key << 8) | u32::from(b))
}

/// The key of the character at `at` of `bytes`, `len` bytes long (two to four): one load of
/// four bytes where there are four.
#[inline]
fn char_key_at(bytes: &[u8], at: usize, len: usize) -> u32 {
    match bytes.get(at..).and_then(<[u8]>::first_chunk::<4>) {
        Some(four) => u32::from_be_bytes(*four) >> (8 * (4 - len)),
        None => char_key(&bytes[at..at + len]),
    }
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
                whole_words: true,
            }),
        );
        let mut all = Vec::new();
        lexicon.scan_text(&langs, text, units, |f| {
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
    fn literals_may_start_with_white_space() {
        let any = f32::INFINITY;
        // Followed by punctuation, then by anything, across the end of a window.
        for pad in 60..=64 {
            let text = format!("{}A - B x\ty", "z".repeat(pad));
            assert_eq!(
                found(&[(" - ", any)], &text, 10.0),
                pairs(&[(" - ", " - ")])
            );
            let both = found(&[(" - ", any), ("\ty", any)], &text, 10.0);
            assert_eq!(both, pairs(&[(" - ", " - "), ("\ty", "\ty")]), "{pad}");
        }
    }

    #[test]
    fn literals_matter_only_in_blocks_short_enough() {
        assert_eq!(found(&[("share", 20.0)], "share", 20.0).len(), 1);
        // A word's literals, whatever the order of their limits.
        let limits = [("share", 20.0), ("share this", 100.0), ("share it", 5.0)];
        let one = |units| found(&limits, "share this", units);
        assert_eq!(one(50.0), pairs(&[("share this", "share this")]));
        assert_eq!(one(10.0).len(), 2);
        assert!(found(&[("share", 20.0)], "share", 21.0).is_empty());
    }

    #[test]
    fn case_folding_is_ascii_only() {
        let any = f32::INFINITY;
        assert_eq!(found(&[("été", any)], "ÉTÉ été", 10.0).len(), 1);
        assert_eq!(found(&[("[AB]", any)], "[ab] @AB", 10.0).len(), 1);
    }

    #[test]
    fn regex_literals_may_end_inside_words() {
        let langs = languages();
        let specs = ["photo", "hrs ago", "credit:", " said"].map(|l| LiteralSpec {
            bytes: l.as_bytes(),
            max_units: f32::INFINITY,
            whole_words: false,
        });
        let lexicon = Lexicon::new(&langs, specs);
        let text = "Photographer, 2 hrs ago, telephoto, plagueCredit: AP said";
        let mut all = Vec::new();
        lexicon.scan_text(&langs, text, 10.0, |f| {
            all.push(&text[f.start as usize..f.end as usize])
        });
        assert_eq!(all, ["Photo", "hrs ago", "Credit:", " said"]);
    }

    #[test]
    fn words_across_windows_are_read_whole() {
        let langs = languages();
        for spaces in 54..=64 {
            let text = format!("{}throughout throughouts", " ".repeat(spaces));
            let counts = langs.count(&text);
            assert_eq!(counts.words, 2, "{spaces}");
            assert_eq!(
                counts.hits.iter().map(|&h| u32::from(h)).sum::<u32>(),
                1,
                "{spaces}"
            );
        }
    }

    #[test]
    fn character_keys_agree_however_read() {
        let text = "aé€𝄞é€";
        let bytes = text.as_bytes();
        for (at, c) in text.char_indices().skip(1) {
            let len = c.len_utf8();
            assert_eq!(char_len(bytes[at]), len);
            assert_eq!(
                char_key_at(bytes, at, len),
                char_key(&bytes[at..at + len]),
                "{c}"
            );
        }
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
    fn prefix_keys_fold_ascii_capitals_only() {
        for bytes in [
            &b"AbZ@"[..],
            b"[`az",
            b"\xc3\x89t\xc3",
            b"Q1",
            b"\x7f\xc1\xdaz",
        ] {
            let folded = bytes.to_ascii_lowercase();
            let expected = if bytes.len() >= 4 {
                u32::from_le_bytes(folded[..4].try_into().unwrap())
            } else {
                u32::from_le_bytes([folded[0], folded[1], 0, 0xff])
            };
            assert_eq!(prefix_key(bytes), expected, "{bytes:?}");
        }
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([
                b,
                b.wrapping_add(1),
                b ^ 0x20,
                b.wrapping_sub(7),
                b ^ 0x80,
                b.wrapping_add(25),
                !b,
                b.wrapping_sub(1),
            ]);
            let expected = u64::from_le_bytes(x.to_le_bytes().map(|b| b.to_ascii_lowercase()));
            assert_eq!(fold_ascii(x), expected, "{b}");
        }
    }

    #[test]
    fn padded_heads_hold_the_bytes_present() {
        let text = b"abcdefghij";
        for len in 0..=text.len() {
            let (head, mask) = padded_head(&text[..len]);
            let mut expected = [0u8; 8];
            let n = len.min(8);
            expected[..n].copy_from_slice(&text[..n]);
            assert_eq!(head, u64::from_le_bytes(expected), "{len}");
            assert_eq!(mask.count_ones() as usize, 8 * n, "{len}");
            assert_eq!(head & mask, head, "{len}");
        }
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
