//! Measurements of each block, computed once per page, that feature rules test.
//!
//! Lengths are fair to every writing system: `units` counts a Latin, Cyrillic or other letter,
//! digit, space or mark as 1, a Hangul syllable or kana as 2 and a Han ideograph as 3, about the
//! Latin characters the same content takes. A run of white space counts as one character: the
//! padding between the columns of a text dump is not text. The page's language is decided here too, from the
//! blocks' scripts and stop words, and every block gets its language's stop-word level.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::lang::{LangId, Script, ScriptCounts, WordCounts};
use crate::lexicon::Found;
use crate::page::Page;
use crate::rules::RuleSet;

/// What a block's first characters mark it as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Marker {
    /// Nothing special.
    #[default]
    None,
    /// A bullet symbol: `•`, `-`, `*`, `▶` …
    Bullet,
    /// A number: `1.`, `2)`, `(3)`, `④`, or a number alone.
    Number,
}

/// Measurements of one block.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Features {
    /// Characters of the trimmed text, a run of white space counting as one (the padding
    /// between the columns of a text dump is not text).
    pub chars: u32,
    /// Length in Latin-equivalent characters (see the module documentation).
    pub units: f32,
    /// Words (runs of letters and digits holding a letter) plus Han/kana characters.
    pub words: u32,
    /// Letters of any script.
    pub letters: u32,
    /// Digits.
    pub digits: u32,
    /// Upper-case letters.
    pub uppercase: u32,
    /// Sentence-final punctuation marks followed by a space or the end.
    pub sentence_ends: u16,
    /// Whether the text ends with sentence-final punctuation (before closing quotes/brackets);
    /// an ellipsis does not count.
    pub ends_sentence: bool,
    /// Whether the text ends with an ellipsis (`...`, `…`, `[…]`): an excerpt cut short.
    pub truncated: bool,
    /// Separators typical of menus and breadcrumbs: `|`, `>`, `›`, `»`, `/`, `·`.
    pub separators: u16,
    /// What the first characters mark the block as.
    pub marker: Marker,
    /// The block's language.
    #[serde(skip)]
    pub lang: Option<LangId>,
    /// Stop-word density relative to the language's prose (1.0 is ordinary prose).
    pub stopword_level: f32,
    /// How many blocks of the page have the same text (1 when unique).
    pub repeats: u16,
    /// How many blocks away the nearest other block with the same text is (1 for the next
    /// block); `None` when the text is unique.
    pub repeat_gap: Option<u16>,
}

impl Features {
    /// Share of letters and digits that are digits.
    pub fn digit_ratio(&self) -> f32 {
        ratio(self.digits, self.letters + self.digits)
    }

    /// Share of letters that are upper case.
    pub fn uppercase_ratio(&self) -> f32 {
        ratio(self.uppercase, self.letters)
    }
}

fn ratio(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// The literals (phrases) found in the blocks of a page, block by block.
#[derive(Debug, Default)]
pub(crate) struct BlockLiterals {
    found: Vec<Found>,
    /// Where each block's literals start in `found`, and where the last block's end.
    starts: Vec<u32>,
}

impl BlockLiterals {
    /// The literals found in block `index`.
    pub(crate) fn of(&mut self, index: usize) -> &mut [Found] {
        let range = self.starts[index] as usize..self.starts[index + 1] as usize;
        &mut self.found[range]
    }
}

/// Measures every block of `page`, decides the page's language and each block's, and finds the
/// rule set's literals in each block (see [`crate::lexicon`]).
pub(crate) fn measure(page: &mut Page<'_>, rules: &RuleSet) -> BlockLiterals {
    let langs = rules.languages();
    let mut scratch = String::new();
    let mut literals = BlockLiterals::default();
    let mut per_block: Vec<(ScriptCounts, WordCounts)> = Vec::with_capacity(page.blocks.len());
    let mut units_by_lang: FxHashMap<LangId, f32> = FxHashMap::default();
    for i in 0..page.blocks.len() {
        let text = page.text(&page.blocks[i]);
        let (features, scripts) = measure_text(text);
        literals.starts.push(literals.found.len() as u32);
        let counts = rules
            .lexicon
            .scan(langs, text, features.units, &mut scratch, |f| {
                literals.found.push(f)
            });
        let lang = langs.detect(&scripts, &counts);
        if let Some(lang) = lang {
            *units_by_lang.entry(lang).or_default() += features.units;
        }
        let block = &mut page.blocks[i];
        block.features = Features { lang, ..features };
        per_block.push((scripts, counts));
    }
    literals.starts.push(literals.found.len() as u32);
    page.lang = units_by_lang
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.0.cmp(&a.0.0)))
        .map(|(l, _)| *l);
    for (block, (scripts, counts)) in page.blocks.iter_mut().zip(&per_block) {
        let f = &mut block.features;
        if f.lang.is_none() {
            f.lang = scripts.dominant().and_then(|script| {
                let candidates = langs.written_in(script);
                units_by_lang
                    .iter()
                    .filter(|(l, _)| candidates.contains(**l))
                    .max_by(|a, b| a.1.total_cmp(b.1))
                    .map(|(l, _)| *l)
            });
        }
        if let Some(lang) = f.lang {
            f.stopword_level = langs.stopword_level(lang, counts);
        }
    }
    count_repeats(page);
    literals
}

/// Sets each block's `repeats` (how many blocks share its line key) and `repeat_gap` (how far
/// the nearest of them is).
fn count_repeats(page: &mut Page<'_>) {
    // Per key: occurrences so far and where the last one was.
    let mut seen: FxHashMap<&str, (u16, usize)> = FxHashMap::default();
    let keys: Vec<&str> = page.blocks.iter().map(|b| line_key(page.text(b))).collect();
    let mut gaps: Vec<Option<u16>> = vec![None; keys.len()];
    for (i, key) in keys.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        let entry = seen.entry(key).or_insert((0, i));
        if entry.0 > 0 {
            let gap = u16::try_from(i - entry.1).unwrap_or(u16::MAX);
            for at in [i, entry.1] {
                gaps[at] = Some(gaps[at].map_or(gap, |g| g.min(gap)));
            }
        }
        *entry = (entry.0.saturating_add(1), i);
    }
    let repeats: Vec<u16> = keys
        .iter()
        .map(|k| seen.get(k).map_or(1, |&(n, _)| n))
        .collect();
    for ((block, n), gap) in page.blocks.iter_mut().zip(repeats).zip(gaps) {
        block.features.repeats = n;
        block.features.repeat_gap = gap;
    }
}

/// Measures one trimmed text. Digits of a leading list number do not count as digits.
///
/// ASCII bytes, most of the text of most pages, are counted eight at a time (see
/// `AsciiCounts::add`); other characters are decoded and classified by script.
pub fn measure_text(text: &str) -> (Features, ScriptCounts) {
    let mut f = Features::default();
    let mut scripts = ScriptCounts::default();
    let mut units = 0u32; // in thirds, to stay integral
    let mut ascii = AsciiCounts::default();
    let body_start = strip_marker(text).as_ptr() as usize - text.as_ptr() as usize;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let run = ascii.add(text, at, &mut f);
        if run > 0 {
            at += run;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        f.chars += 1;
        ascii.space(c.is_whitespace());
        let (script, letter, digit) = match Script::of(c) {
            Some(script) => (Some(script), true, false),
            None if Script::is_symbol(c) => (None, false, false),
            None => (None, c.is_alphabetic(), c.is_numeric()),
        };
        scripts.add_script(script);
        units += match script {
            Some(Script::Han) => 9,
            Some(Script::Hangul | Script::Kana) => 6,
            _ => 3,
        };
        if letter {
            f.letters += 1;
            if script.is_none_or(Script::is_cased) && c.is_uppercase() {
                f.uppercase += 1;
            }
        } else if digit && at >= body_start {
            f.digits += 1;
        }
        if matches!(script, Some(Script::Han | Script::Kana)) {
            f.words += 1;
            ascii.in_word = 0;
        } else if letter {
            f.words += 1 - ascii.in_word;
            ascii.in_word = 1;
        } else if !digit {
            ascii.in_word = 0;
        }
        if matches!(c, '。' | '！' | '？' | '…' | '›' | '»' | '·' | '∙' | '•') {
            punctuation(text, at, c, &mut f);
        }
        at += c.len_utf8();
    }
    let marker_digits = bytes[..body_start]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count();
    f.chars += ascii.chars - ascii.repeated_spaces;
    f.letters += ascii.letters;
    f.uppercase += ascii.uppercase;
    f.words += ascii.words;
    f.digits += ascii.digits - marker_digits as u32;
    scripts.latin += ascii.letters;
    f.units = (units + 3 * (ascii.chars - ascii.repeated_spaces)) as f32 / 3.0;
    let end =
        text.trim_end_matches(|c: char| c.is_whitespace() || is_closing(c) || c == '[' || c == '(');
    f.truncated = end.ends_with("...") || end.ends_with('…');
    f.ends_sentence = !f.truncated && end.ends_with(['.', '!', '?', '。', '！', '？']);
    f.marker = marker(text);
    (f, scripts)
}

/// Counts over the ASCII runs of a text.
#[derive(Default)]
struct AsciiCounts {
    chars: u32,
    letters: u32,
    uppercase: u32,
    words: u32,
    digits: u32,
    /// 1 inside a word (which may go on after the run).
    in_word: u32,
    /// White-space characters right after another (of the whole text, ASCII or not).
    repeated_spaces: u32,
    /// 1 right after a white-space character.
    in_space: u32,
}

impl AsciiCounts {
    /// Counts the run of ASCII bytes of `text` that starts at byte `start`, and its sentence
    /// ends and separators into `f`. Returns the run's length in bytes.
    ///
    /// Eight bytes at a time while they are all ASCII: each class (letter, upper case, digit)
    /// becomes a mask with one bit per byte, counted at once; only words that a digit carries
    /// on and the rare punctuation need a closer look. The bytes left over go one by one.
    fn add(&mut self, text: &str, start: usize, f: &mut Features) -> usize {
        let bytes = &text.as_bytes()[start..];
        let mut at = 0;
        while let Some(chunk) = bytes.get(at..at + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if x & HIGH_BITS != 0 {
                break;
            }
            let letters = byte_range(x | (ONES * 0x20), b'a', b'z');
            let digits = byte_range(x, b'0', b'9');
            self.letters += count_bytes(letters);
            self.uppercase += count_bytes(byte_range(x, b'A', b'Z'));
            self.digits += count_bytes(digits);
            self.add_words(letters, digits, 8);
            self.add_spaces(byte_range(x, b'\t', b'\r') | byte_range(x, b' ', b' '), 8);
            let mut others = above(x, b' ') & !(letters | digits);
            while others != 0 {
                let i = at + (others.trailing_zeros() / 8) as usize;
                if ASCII_CLASS[usize::from(bytes[i])] & PUNCTUATION != 0 {
                    punctuation(text, start + i, char::from(bytes[i]), f);
                }
                others &= others - 1;
            }
            at += 8;
        }
        while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii()) {
            let class = ASCII_CLASS[usize::from(b)];
            self.letters += u32::from(class & LETTER);
            self.uppercase += u32::from(class & UPPER != 0);
            self.digits += u32::from(class & DIGIT != 0);
            let mask = |bit: u8| u64::from(class & bit != 0) << 7;
            self.add_words(mask(LETTER), mask(DIGIT), 1);
            self.space(b.is_ascii_whitespace() || b == 0x0b);
            if class & PUNCTUATION != 0 {
                punctuation(text, start + at, char::from(b), f);
            }
            at += 1;
        }
        self.chars += at as u32;
        at
    }

    /// Counts the white space that follows white space among `n` (1 to 8) consecutive bytes,
    /// given as a mask with the top bit of byte `i` set for a white-space byte `i`.
    fn add_spaces(&mut self, spaces: u64, n: u32) {
        let before = (spaces << 8) | (u64::from(self.in_space) << 7);
        self.repeated_spaces += count_bytes(spaces & before);
        self.in_space = ((spaces >> (8 * n - 1)) & 1) as u32;
    }

    /// Counts one character that is white space or not.
    fn space(&mut self, is_space: bool) {
        self.add_spaces(u64::from(is_space) << 7, 1);
    }

    /// Counts the words that start among `n` (1 to 8) consecutive bytes, given as masks with
    /// the top bit of byte `i` set for byte `i`: `letters` and `digits`. A word is a run of
    /// letters and digits that holds a letter; it starts at its first letter.
    fn add_words(&mut self, letters: u64, digits: u64, n: u32) {
        let carry = u64::from(self.in_word) << 7;
        let before = |in_word: u64| (in_word << 8) | carry;
        // Inside a word: a letter, or a digit right after a byte inside a word.
        let mut in_word = letters;
        if digits != 0 {
            loop {
                let next = letters | (digits & before(in_word));
                if next == in_word {
                    break;
                }
                in_word = next;
            }
        }
        self.words += count_bytes(letters & !before(in_word));
        self.in_word = ((in_word >> (8 * n - 1)) & 1) as u32;
    }
}

/// Blocks of at least this many units are paragraph-length: prose, not a headline, a name, a
/// date or a label.
pub const PROSE_UNITS: f32 = 150.0;

/// One in each byte of a word of eight bytes.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each byte: set for the bytes that are not ASCII.
const HIGH_BITS: u64 = ONES * 0x80;

/// The top bit of each byte of `x` (all ASCII) that is greater than `n`.
fn above(x: u64, n: u8) -> u64 {
    (x + ONES * u64::from(127 - n)) & HIGH_BITS
}

/// The top bit of each byte of `x` (all ASCII) within `lo..=hi`.
fn byte_range(x: u64, lo: u8, hi: u8) -> u64 {
    above(x, lo - 1) & !above(x, hi)
}

/// How many bytes of `mask` have their top bit set (the other bits being clear).
fn count_bytes(mask: u64) -> u32 {
    ((mask >> 7).wrapping_mul(ONES) >> 56) as u32
}

const LETTER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
/// Sentence-final marks and menu separators: see [`punctuation`].
const PUNCTUATION: u8 = 8;

/// The class of each ASCII byte, as bits.
static ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_uppercase() {
            LETTER | UPPER
        } else if c.is_ascii_lowercase() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'.' | b'!' | b'?' | b'|' | b'>' | b'/') {
            PUNCTUATION
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Counts `c`, at byte `at` of `text`, if it ends a sentence or separates menu items.
fn punctuation(text: &str, at: usize, c: char, f: &mut Features) {
    let prev = text[..at].chars().next_back();
    let next = text[at + c.len_utf8()..].chars().next();
    match c {
        '.' | '!' | '?' | '。' | '！' | '？' | '…' => {
            let after_ok =
                next.is_none_or(|n| n.is_whitespace() || is_closing(n) || is_fullwidth_end(c));
            if after_ok
                && prev.is_some_and(|p| !p.is_ascii_digit() || c != '.')
                && !(c == '.' && is_abbreviation(&text[..at]))
            {
                f.sentence_ends = f.sentence_ends.saturating_add(1);
            }
        }
        '|' | '>' | '›' | '»' | '·' | '/' | '∙' | '•'
            if prev.is_none_or(char::is_whitespace) && next.is_none_or(char::is_whitespace) =>
        {
            f.separators = f.separators.saturating_add(1);
        }
        _ => {}
    }
}

/// Whether the word before a full stop at the end of `before` is an abbreviation: one to three
/// letters starting with a capital (`U.S.`, `Nov.`, `Mr.`, `J.`). Reads back only as far as it
/// takes to decide, so that a long line full of full stops stays linear.
fn is_abbreviation(before: &str) -> bool {
    let mut letters = 0;
    let mut first = None;
    for c in before.chars().rev() {
        if c.is_whitespace() || c == '(' {
            break;
        }
        if c.is_alphabetic() {
            letters += 1;
            if letters > 3 {
                return false;
            }
        } else if c != '.' {
            return false;
        }
        first = Some(c);
    }
    letters > 0 && first.is_some_and(char::is_uppercase)
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '”' | '’' | '」' | '』' | '）' | '»' | '›'
    )
}

fn is_fullwidth_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

const BULLETS: &[char] = &[
    '•', '·', '‣', '◦', '▪', '▫', '■', '□', '●', '○', '◆', '◇', '▶', '►', '▸', '▹', '→', '-', '*',
    '–', '—', '※', '>', '☞', '▲', '△', '▼', '▽', '◎', '★', '☆',
];

/// What the first characters of `text` mark it as.
pub fn marker(text: &str) -> Marker {
    let t = text.trim_start();
    if t.starts_with(BULLETS) {
        return Marker::Bullet;
    }
    if number_prefix_len(t) > 0 {
        return Marker::Number;
    }
    Marker::None
}

/// Length in bytes of a leading list number: `12.`, `3)`, `(4)`, `⑤`, or a whole text that is
/// just a number. 0 when there is none.
fn number_prefix_len(t: &str) -> usize {
    if let Some(c) = t.chars().next()
        && ('\u{2460}'..='\u{2473}').contains(&c)
    {
        return c.len_utf8();
    }
    let (open, rest) = match t.strip_prefix('(') {
        Some(rest) => (1, rest),
        None => (0, t),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return 0;
    }
    let after = &rest[digits..];
    let Some(first) = after.chars().next() else {
        return open + digits;
    };
    let closes = if open == 1 {
        first == ')'
    } else {
        matches!(first, '.' | ')')
    };
    let tail = &after[first.len_utf8()..];
    if closes && (tail.is_empty() || tail.starts_with(char::is_whitespace)) {
        open + digits + 1
    } else {
        0
    }
}

/// The part of a block's text that identifies it as a phrase: without leading bullets, and
/// without trailing counts, separators and punctuation, so that `• 댓글 1`, `Comments (12)` and
/// `Share:` give `댓글`, `Comments` and `Share`. A leading list number stays: `1. Facebook` is a
/// list item, not a button.
pub fn line_key(text: &str) -> &str {
    let t = text.trim().trim_start_matches(BULLETS).trim_start();
    let key = t.trim_end_matches(|c: char| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | ':' | '|' | '>' | '›' | '»' | '.' | '…' | '+' | ','
            )
    });
    if key.is_empty() { t } else { key }
}

/// `text` trimmed and without leading bullets and list numbers.
pub fn strip_marker(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        let before = t.len();
        t = t.trim_start_matches(BULLETS).trim_start();
        let n = number_prefix_len(t);
        if n > 0 && n < t.len() {
            t = t[n..].trim_start();
        }
        if t.len() == before {
            return t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_fair_to_cjk() {
        assert_eq!(measure_text("abc").0.units, 3.0);
        assert_eq!(measure_text("한국어").0.units, 6.0);
        assert_eq!(measure_text("中文字").0.units, 9.0);
        assert_eq!(measure_text("ひらがな").0.units, 8.0);
    }

    #[test]
    fn padding_between_columns_is_not_length() {
        let (padded, _) =
            measure_text("Home\u{a0}\u{a0}\u{a0}  \u{3000}News                    Sport");
        let (plain, _) = measure_text("Home News Sport");
        assert_eq!((padded.chars, padded.units), (plain.chars, plain.units));
        assert_eq!(padded.chars, 15);
    }

    #[test]
    fn counts_words_in_every_script() {
        assert_eq!(measure_text("The cat's home, again.").0.words, 5);
        assert_eq!(measure_text("대통령은 회의에서 발언했다.").0.words, 3);
        assert_eq!(measure_text("我们在北京").0.words, 5);
    }

    #[test]
    fn counts_ascii_eight_bytes_at_a_time_as_one_by_one() {
        // The definitions, one character at a time.
        fn expected(text: &str) -> (u32, u32, u32, u32, u32) {
            let (mut words, mut in_word) = (0, false);
            let (mut chars, mut after_space) = (0, false);
            for c in text.chars() {
                chars += u32::from(!(after_space && c.is_whitespace()));
                after_space = c.is_whitespace();
                if c.is_ascii_alphabetic() {
                    words += u32::from(!in_word);
                    in_word = true;
                } else if !c.is_ascii_digit() {
                    in_word = false;
                }
            }
            let count = |f: fn(&char) -> bool| text.chars().filter(f).count() as u32;
            let letters = count(char::is_ascii_alphabetic);
            (
                letters,
                count(char::is_ascii_uppercase),
                count(char::is_ascii_digit),
                words,
                chars,
            )
        }
        for text in [
            "The 2024 budget, 1a2b3c4d5e6f7g, ab12345678901cd and 9 lives: A1 B2 C3.",
            "x1234567 89abcdefgh 1234567y 12345678z ZZZZZZZZ zzzzzzzz@[`{ 0000000a",
            "short",
            "Tab\there~and DEL\u{7f}too",
            "* Home   * News          * Sport \t  Weather  a  b",
        ] {
            let (f, _) = measure_text(text);
            assert_eq!(
                (f.letters, f.uppercase, f.digits, f.words, f.chars),
                expected(text),
                "{text}"
            );
        }
    }

    #[test]
    fn finds_sentence_ends() {
        let (f, _) = measure_text("He said “no.” Then he left! It cost 3.5 dollars.");
        assert_eq!(f.sentence_ends, 3);
        let (f, _) = measure_text(
            "U.S. officials met Mr. Kim on Nov. 20 in the city. J. Doe said it was fine.",
        );
        assert_eq!(f.sentence_ends, 2, "abbreviations are not sentence ends");
        assert!(f.ends_sentence);
        assert!(measure_text("회의가 끝났다.”").0.ends_sentence);
        assert!(measure_text("会议结束了。").0.ends_sentence);
        assert!(!measure_text("Most read stories").0.ends_sentence);
    }

    #[test]
    fn marks_bullets_and_numbers() {
        assert_eq!(marker("  • Home"), Marker::Bullet);
        assert_eq!(marker("1. Facebook"), Marker::Number);
        assert_eq!(marker("(2) second"), Marker::Number);
        assert_eq!(marker("③ third"), Marker::Number);
        assert_eq!(marker("  • 1"), Marker::Bullet);
        assert_eq!(marker("5"), Marker::Number);
        assert_eq!(marker("2021.02.15 07:21"), Marker::None);
        assert_eq!(marker("3.5 million people"), Marker::None);
        assert_eq!(marker("20일 오전"), Marker::None);
        assert_eq!(marker("°C"), Marker::None);
        assert_eq!(marker("1\u{a0}shares"), Marker::None);
    }

    #[test]
    fn line_keys_drop_markers_and_counts() {
        assert_eq!(line_key("  • 댓글 1"), "댓글");
        assert_eq!(line_key("Comments (12)"), "Comments");
        assert_eq!(line_key("Share:"), "Share");
        assert_eq!(line_key("1. Facebook"), "1. Facebook");
        assert_eq!(line_key("댓글0"), "댓글");
        assert_eq!(line_key("300"), "300", "a bare number stays");
        assert_eq!(line_key("  • 1"), "1");
    }
}
