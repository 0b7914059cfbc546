//! Measurements of each block, computed once per page, that feature rules test.
//!
//! Lengths are fair to every writing system: `units` counts a Latin, Cyrillic or other letter,
//! digit, space or mark as 1, a Hangul syllable or kana as 2 and a Han ideograph as 3, about the
//! Latin characters the same content takes. A run of white space counts as one character: the
//! padding between the columns of a text dump is not text. The page's language is decided here too,
//! from the blocks' scripts and stop words, and every block gets its language's stop-word level.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::bytemask::ByteMasks;
use crate::glue;
use crate::lang::{LangId, Script, ScriptCounts, WordCounts};
use crate::lexicon::Found;
use crate::marker::{Marker, Opening};
use crate::page::Page;
use crate::rules::RuleSet;

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
    /// Whether the text opens with a headline run into the text after it, with no break between
    /// them (`… The Grill Without PayingA party of six …`): a teaser card flattened to text.
    pub glued_headline: bool,
    /// Whether the text is one text written twice (`Shy owlShy owl`): an image's alternative
    /// text and title, or a link's text and title, both dumped.
    pub doubled: bool,
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
    /// Where the line key lies in the text (see [`crate::marker::line_key`]).
    #[serde(skip)]
    pub(crate) key: Range<u32>,
    /// Where the text after the list marker lies in the text (see [`crate::marker::strip_marker`]).
    #[serde(skip)]
    pub(crate) body: Range<u32>,
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
    let mut windows = Vec::new();
    for i in 0..page.blocks.len() {
        let text = page.text(&page.blocks[i]);
        ByteMasks::of_windows(text.as_bytes(), &mut windows);
        let (features, scripts) = measure_windows(text, &windows);
        literals.starts.push(literals.found.len() as u32);
        let counts = rules
            .lexicon
            .scan(langs, text, &windows, features.units, &mut scratch, |f| {
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
/// the nearest of them is). Each key is looked up once.
fn count_repeats(page: &mut Page<'_>) {
    let blocks = page.blocks.len();
    let mut slots: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(blocks, Default::default());
    // Per key: occurrences so far and where the last one was.
    let mut seen: Vec<(u16, usize)> = Vec::with_capacity(blocks);
    // Per block: its key's slot in `seen` (none for an empty key) and its nearest repeat.
    let mut found: Vec<(Option<usize>, Option<u16>)> = vec![(None, None); blocks];
    for (i, block) in page.blocks.iter().enumerate() {
        let key = &page.text(block)[range(&block.features.key)];
        if key.is_empty() {
            continue;
        }
        let slot = *slots.entry(key).or_insert_with(|| {
            seen.push((0, i));
            seen.len() - 1
        });
        let (n, last) = &mut seen[slot];
        if *n > 0 {
            let gap = u16::try_from(i - *last).unwrap_or(u16::MAX);
            for at in [i, *last] {
                found[at].1 = Some(found[at].1.map_or(gap, |g| g.min(gap)));
            }
        }
        *n = n.saturating_add(1);
        *last = i;
        found[i].0 = Some(slot);
    }
    for (block, (slot, gap)) in page.blocks.iter_mut().zip(found) {
        block.features.repeats = slot.map_or(1, |slot| seen[slot].0);
        block.features.repeat_gap = gap;
    }
}

/// Measures one trimmed text. Digits of a leading list number do not count as digits.
pub fn measure_text(text: &str) -> (Features, ScriptCounts) {
    let mut windows = Vec::new();
    ByteMasks::of_windows(text.as_bytes(), &mut windows);
    measure_windows(text, &windows)
}

/// Measures one trimmed text whose byte classes, 64 bytes at a time, are `windows` (see
/// [`ByteMasks::of_windows`]).
///
/// The ASCII classes are counted from the masks at once; only the characters that are not
/// ASCII are decoded and classified one by one.
pub(crate) fn measure_windows(text: &str, windows: &[ByteMasks]) -> (Features, ScriptCounts) {
    let opening = Opening::of(text);
    let body_start = opening.body_start;
    let mut tally = Tally {
        one_by_one: OneByOne {
            text,
            body_start,
            ..OneByOne::default()
        },
        ..Tally::default()
    };
    let bytes = text.as_bytes();
    for (k, masks) in windows.iter().enumerate() {
        tally.window(64 * k, masks);
    }
    let marker_digits = bytes[..body_start]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count();
    let Tally {
        ascii_letters,
        ascii_uppercase,
        ascii_digits,
        words,
        continuations,
        repeated_spaces,
        one_by_one: rare,
        ..
    } = tally;
    let (mut f, mut scripts) = (rare.f, rare.scripts);
    f.letters += ascii_letters;
    f.uppercase += ascii_uppercase;
    f.digits += ascii_digits - marker_digits as u32;
    f.words += words;
    f.chars = bytes.len() as u32 - continuations - repeated_spaces - rare.repeated_spaces;
    f.units = (3 * f.chars + rare.wide_units) as f32 / 3.0;
    scripts.latin += ascii_letters;
    let end = trim_end_by(text, |c| {
        c.is_whitespace() || is_closing(c) || c == '[' || c == '('
    });
    f.truncated = end.ends_with("...") || end.ends_with('…');
    f.ends_sentence = !f.truncated && end.ends_with(is_sentence_final);
    f.glued_headline = glue::glued_headline(text, windows);
    f.doubled = glue::doubled(text);
    f.marker = opening.marker;
    let key = opening.key(text);
    let key_start = key.as_ptr() as usize - text.as_ptr() as usize;
    f.key = key_start as u32..(key_start + key.len()) as u32;
    f.body = body_start as u32..opening.end as u32;
    (f, scripts)
}

/// A range of a block's text stored as `u32`s, for slicing.
pub(crate) fn range(r: &Range<u32>) -> Range<usize> {
    r.start as usize..r.end as usize
}

/// The counts of [`measure_text`] as it reads a text 64 bytes at a time: those of the ASCII
/// classes, taken from masks, and those kept apart of the characters counted one by one.
#[derive(Default)]
struct Tally<'a> {
    /// ASCII letters.
    ascii_letters: u32,
    /// ASCII capitals.
    ascii_uppercase: u32,
    /// ASCII digits, those of a leading list number included.
    ascii_digits: u32,
    /// Words, but for those that Han and kana characters make.
    words: u32,
    /// Bytes that continue a multi-byte character: the characters are the other bytes.
    continuations: u32,
    /// ASCII white space right after ASCII white space.
    repeated_spaces: u32,
    /// 1 when the last byte read is inside a word.
    in_word: u64,
    /// 1 when the last byte read is ASCII white space.
    in_space: u64,
    /// The counts of the characters that are not ASCII and of punctuation.
    one_by_one: OneByOne<'a>,
}

/// The counts of [`measure_text`] that it takes one character at a time: of the characters that
/// are not ASCII, and of punctuation that may end a sentence or separate menu items.
#[derive(Default)]
struct OneByOne<'a> {
    /// The text.
    text: &'a str,
    /// Where the text after a leading list marker starts: digits before it do not count.
    body_start: usize,
    /// Letters, upper case, digits, words of Han and kana, sentence ends and separators.
    f: Features,
    /// Letters by script, but for the ASCII ones.
    scripts: ScriptCounts,
    /// White-space characters next to white space that is not ASCII.
    repeated_spaces: u32,
    /// Thirds of a unit that wide characters count beyond the 3 of every character.
    wide_units: u32,
    /// Where the last white-space character that is not ASCII ends.
    wide_space_end: usize,
}

/// How a character that is not ASCII takes part in words.
enum WordPart {
    /// It is a letter of a word.
    Letter,
    /// It carries on a word it follows, as a digit does.
    Carries,
    /// It ends the word it follows.
    Breaks,
}

impl Tally<'_> {
    /// Counts the window of 64 bytes (or fewer, at the end) that starts at byte `at` of the
    /// text, of byte classes `masks`.
    ///
    /// The characters that are not ASCII are classified at their first byte; the bytes that
    /// continue them carry on whatever word they are in, so that words are counted from the
    /// masks alone.
    #[inline(always)]
    fn window(&mut self, at: usize, masks: &ByteMasks) {
        let mut letters = masks.alnum & !masks.digit;
        self.ascii_letters += letters.count_ones();
        self.ascii_uppercase += masks.upper.count_ones();
        self.ascii_digits += masks.digit.count_ones();
        let mut carriers = masks.digit;
        if masks.lead | masks.continuation != 0 {
            self.continuations += masks.continuation.count_ones();
            carriers |= masks.continuation;
            let mut leads = masks.lead;
            while leads != 0 {
                let bit = leads & leads.wrapping_neg();
                match self.one_by_one.wide(at + leads.trailing_zeros() as usize) {
                    WordPart::Letter => letters |= bit,
                    WordPart::Carries => carriers |= bit,
                    WordPart::Breaks => {}
                }
                leads ^= bit;
            }
        }
        self.add_words(letters, carriers);
        self.add_spaces(masks.space);
        if masks.marks != 0 {
            self.one_by_one.marks(at, masks.marks);
        }
    }

    /// Counts the words that start in a window, given as masks: `letters`, and `carriers`, the
    /// bytes that carry on a word (digits, the rest of a multi-byte letter). A word is a run of
    /// letters and carriers that holds a letter; it starts at its first letter.
    #[inline(always)]
    fn add_words(&mut self, letters: u64, carriers: u64) {
        let before = |inside: u64| (inside << 1) | self.in_word;
        // A run of carriers is inside a word from its first byte on if a letter is right before
        // it. Adding one at that first byte clears the run's bits through a carry that stops at
        // its end.
        let run_starts = carriers & before(letters);
        let inside = letters | (carriers & (carriers.wrapping_add(run_starts) ^ carriers));
        self.words += (letters & !before(inside)).count_ones();
        self.in_word = inside >> 63;
    }

    /// Counts the ASCII white space that follows ASCII white space in a window, given as a
    /// mask (see [`OneByOne::wide_space`] for the rest).
    #[inline(always)]
    fn add_spaces(&mut self, spaces: u64) {
        self.repeated_spaces += (spaces & ((spaces << 1) | self.in_space)).count_ones();
        self.in_space = spaces >> 63;
    }
}

impl OneByOne<'_> {
    /// Counts the punctuation in the window at byte `at` that may end a sentence or separate
    /// menu items, given as a mask.
    #[inline(never)]
    fn marks(&mut self, at: usize, mut marks: u64) {
        while marks != 0 {
            let i = at + marks.trailing_zeros() as usize;
            punctuation(
                self.text,
                i,
                char::from(self.text.as_bytes()[i]),
                &mut self.f,
            );
            marks &= marks - 1;
        }
    }

    /// Counts the character that is not ASCII at byte `at`. The most frequent blocks are
    /// told at once; the other characters are classified by [`OneByOne::classify`].
    #[inline(never)]
    fn wide(&mut self, at: usize) -> WordPart {
        let c = char_at(self.text.as_bytes(), at);
        match c {
            // Box drawing, arrows, shapes and other symbols: no white space, letter or digit, and
            // none of the punctuation counted but `∙`.
            '\u{2100}'..='\u{2218}' | '\u{221a}'..='\u{2bff}' => WordPart::Breaks,
            // Cyrillic capitals, then small letters.
            '\u{400}'..='\u{45f}' => {
                self.scripts.cyrillic += 1;
                self.f.letters += 1;
                self.f.uppercase += u32::from(c < '\u{430}');
                WordPart::Letter
            }
            _ => match Script::of_frequent(c) {
                Some(script) => self.script_letter(c, script),
                None => self.classify(at, c),
            },
        }
    }

    /// Counts the character `c`, not ASCII, at byte `at`.
    fn classify(&mut self, at: usize, c: char) -> WordPart {
        // Punctuation, the most frequent, is no letter of a script: it skips the script test.
        let script = if Script::is_punctuation(c) {
            None
        } else {
            Script::of(c)
        };
        match script {
            Some(script) => self.script_letter(c, script),
            None => self.other(at, c),
        }
    }

    /// Counts the letter `c` of `script`.
    fn script_letter(&mut self, c: char, script: Script) -> WordPart {
        self.scripts.add_script(Some(script));
        self.f.letters += 1;
        match script {
            Script::Han | Script::Kana => {
                self.wide_units += if script == Script::Han { 6 } else { 3 };
                // Each ideograph or kana is a word of its own.
                self.f.words += 1;
                return WordPart::Breaks;
            }
            Script::Hangul => self.wide_units += 3,
            _ if script.is_cased() && c.is_uppercase() => self.f.uppercase += 1,
            _ => {}
        }
        WordPart::Letter
    }

    /// Counts the character `c` at byte `at`, neither ASCII nor a letter of a known script.
    fn other(&mut self, at: usize, c: char) -> WordPart {
        if c.is_whitespace() {
            self.wide_space(at, c.len_utf8());
        }
        if matches!(
            c,
            '。' | '！' | '？' | '؟' | '…' | '›' | '»' | '·' | '∙' | '•'
        ) || is_script_full_stop(c)
        {
            punctuation(self.text, at, c, &mut self.f);
        }
        if Script::is_symbol(c) {
            WordPart::Breaks
        } else if c.is_alphabetic() {
            self.f.letters += 1;
            self.f.uppercase += u32::from(c.is_uppercase());
            WordPart::Letter
        } else if c.is_numeric() {
            self.f.digits += u32::from(at >= self.body_start);
            WordPart::Carries
        } else {
            WordPart::Breaks
        }
    }

    /// Counts the white-space character of `len` bytes at byte `at` that is not ASCII, and
    /// the white space on either side of it.
    fn wide_space(&mut self, at: usize, len: usize) {
        let bytes = self.text.as_bytes();
        let after_space = at > 0 && (self.wide_space_end == at || is_ascii_space(bytes[at - 1]));
        let end = at + len;
        let space_after = bytes.get(end).copied().is_some_and(is_ascii_space);
        self.repeated_spaces += u32::from(after_space) + u32::from(space_after);
        self.wide_space_end = end;
    }
}

/// The character that starts at byte `at` of `bytes`, UTF-8 with a character that is not ASCII
/// there (`'\0'` otherwise).
fn char_at(bytes: &[u8], at: usize) -> char {
    let tail = |b: u8| u32::from(b & 0x3f);
    let c = match bytes[at..] {
        [b0 @ 0xc0..=0xdf, b1, ..] => u32::from(b0 & 0x1f) << 6 | tail(b1),
        [b0 @ 0xe0..=0xef, b1, b2, ..] => u32::from(b0 & 0x0f) << 12 | tail(b1) << 6 | tail(b2),
        [b0 @ 0xf0..=0xff, b1, b2, b3, ..] => {
            u32::from(b0 & 0x07) << 18 | tail(b1) << 12 | tail(b2) << 6 | tail(b3)
        }
        _ => 0,
    };
    char::from_u32(c).unwrap_or_default()
}

/// Whether `b` is ASCII white space (as [`char::is_whitespace`] has it, with the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Blocks of at least this many units are paragraph-length: prose, not a headline, a name, a
/// date or a label.
pub const PROSE_UNITS: f32 = 150.0;

/// Counts `c`, at byte `at` of `text`, if it ends a sentence or separates menu items.
fn punctuation(text: &str, at: usize, c: char, f: &mut Features) {
    let prev = text[..at].chars().next_back();
    let next = text[at + c.len_utf8()..].chars().next();
    match c {
        '.' | '!' | '?' | '。' | '！' | '？' | '…' | '؟' => {
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
        _ if is_script_full_stop(c) => f.sentence_ends = f.sentence_ends.saturating_add(1),
        _ => {}
    }
}

/// Whether `c` is the full stop of a script that has its own (the Devanagari danda, the Myanmar,
/// Khmer, Ethiopic, Armenian, Tibetan and Urdu full stops): it ends a sentence wherever it
/// stands.
fn is_script_full_stop(c: char) -> bool {
    matches!(c, '।' | '॥' | '။' | '។' | '።' | '։' | '།' | '۔')
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
        if is_letter(c) {
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

/// Whether `c` is alphabetic (as [`char::is_alphabetic`] has it): Hangul syllables and the
/// common Han ideographs, the most frequent letters of sentences, are told without the Unicode
/// tables.
fn is_letter(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7a3}' | '\u{4e00}'..='\u{9fff}') || c.is_alphabetic()
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '”' | '’' | '」' | '』' | '）' | '»' | '›'
    )
}

/// Whether `c` ends a sentence (an ellipsis does not).
fn is_sentence_final(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟') || is_script_full_stop(c)
}

fn is_fullwidth_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// `text` without the leading characters that `drop` holds for, as [`str::trim_start_matches`]
/// has it; an ASCII byte is tested without decoding.
pub(crate) fn trim_start_by(text: &str, drop: impl Fn(char) -> bool) -> &str {
    let mut rest = text;
    while let Some(&b) = rest.as_bytes().first() {
        let len = if b.is_ascii() {
            if !drop(char::from(b)) {
                break;
            }
            1
        } else {
            match rest.chars().next() {
                Some(c) if drop(c) => c.len_utf8(),
                _ => break,
            }
        };
        rest = &rest[len..];
    }
    rest
}

/// `text` without the trailing characters that `drop` holds for, as [`str::trim_end_matches`]
/// has it; an ASCII byte is tested without decoding.
pub(crate) fn trim_end_by(text: &str, drop: impl Fn(char) -> bool) -> &str {
    let mut rest = text;
    while let Some(&b) = rest.as_bytes().last() {
        let len = if b.is_ascii() {
            if !drop(char::from(b)) {
                break;
            }
            1
        } else {
            match rest.chars().next_back() {
                Some(c) if drop(c) => c.len_utf8(),
                _ => break,
            }
        };
        rest = &rest[..rest.len() - len];
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marker::is_bullet;

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
    fn counts_ascii_from_masks_as_one_by_one() {
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
            // A word, then a run of spaces, across the end of a 64-byte window.
            &format!("{}wordacross{}", "a ".repeat(30), " ".repeat(60) + "b2 end"),
            &format!("{}{}x", "a".repeat(60), " ".repeat(130)),
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
    fn counts_scripts_spaces_and_digits_across_windows() {
        for (text, expected) in [
            (
                "Привет2мир 中文x1 한국어3b\u{a0} \u{3000}end",
                (25, 32.0, 6, 19, 3, 1, 5, 9, 2),
            ),
            ("━━━━ a1b2 ①Ⅻ²٣ done", (19, 19.0, 3, 7, 2, 0, 6, 0, 0)),
            (
                "x\u{2003}\u{2003} ÀÉ über  Straße…",
                (17, 17.0, 4, 13, 0, 3, 13, 0, 0),
            ),
        ] {
            let (f, s) = measure_text(text);
            let got = (
                f.chars,
                f.units,
                f.words,
                f.letters,
                f.digits,
                f.uppercase,
                s.latin,
                s.cyrillic,
                s.han,
            );
            assert_eq!(got, expected, "{text}");
        }
        // A Cyrillic word across the end of a 64-byte window.
        let text = format!("{}Привет2мир", "x ".repeat(31));
        let (f, s) = measure_text(&text);
        let got = (f.chars, f.words, f.letters, f.digits, f.uppercase);
        assert_eq!((got, s.latin, s.cyrillic), ((72, 32, 40, 1, 1), 31, 9));
    }

    #[test]
    fn frequent_blocks_count_as_the_other_characters() {
        let counts = |tally: &OneByOne<'_>| {
            let f = &tally.f;
            (
                (f.letters, f.uppercase, f.digits, f.words),
                (f.sentence_ends, f.separators),
                (tally.scripts, tally.wide_units, tally.repeated_spaces),
            )
        };
        let part = |part: WordPart| match part {
            WordPart::Letter => 0,
            WordPart::Carries => 1,
            WordPart::Breaks => 2,
        };
        for c in ('\u{80}'..='\u{ffff}').chain(['\u{10000}', '\u{20000}', '\u{10ffff}']) {
            for text in [format!("{c}"), format!(" {c} x")] {
                let at = text.find(c).unwrap();
                let mut quick = OneByOne {
                    text: &text,
                    ..OneByOne::default()
                };
                let mut general = OneByOne {
                    text: &text,
                    ..OneByOne::default()
                };
                assert_eq!(char_at(text.as_bytes(), at), c);
                assert_eq!(part(quick.wide(at)), part(general.classify(at, c)), "{c:?}");
                assert_eq!(counts(&quick), counts(&general), "{c:?}");
            }
        }
    }

    #[test]
    fn letters_told_without_tables_are_letters() {
        for c in ['\u{ac00}'..='\u{d7a3}', '\u{4e00}'..='\u{9fff}']
            .into_iter()
            .flatten()
        {
            assert!(c.is_alphabetic() && is_letter(c), "{c}");
        }
        for c in ['a', 'É', 'я', 'ا'] {
            assert!(is_letter(c), "{c}");
        }
        for c in ['1', '.', ' ', '\u{d7a4}', '·'] {
            assert!(!is_letter(c), "{c}");
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
    fn finds_the_full_stops_of_scripts_that_have_their_own() {
        let hindi = measure_text("सरकार ने आज नई योजना शुरू की। मंत्री ने कहा कि यह सफल होगी।").0;
        assert_eq!((hindi.sentence_ends, hindi.ends_sentence), (2, true));
        let burmese = measure_text("မြို့တော်မှာ မိုးရွာခဲ့တယ်။ လမ်းတွေ ပိတ်ခဲ့တယ်။").0;
        assert_eq!((burmese.sentence_ends, burmese.ends_sentence), (2, true));
        let arabic = measure_text("هل ستنجح الخطة؟ قال الوزير إنها ستنجح.").0;
        assert_eq!(arabic.sentence_ends, 2);
    }

    #[test]
    fn trimming_by_bytes_is_trimming_by_chars() {
        let texts = [
            "",
            " ",
            "\u{3000}\t \u{a0}",
            "  • • 1. Home ›› 12 ",
            "\u{2003}»x»\u{2003}",
            "•",
            "é• ",
            " —– 댓글 (3) … ",
            "1234567\u{a0}1234567\u{a0}",
        ];
        let tests: [fn(char) -> bool; 4] = [char::is_whitespace, is_bullet, is_closing, |c| {
            c.is_ascii_digit() || c == '\u{a0}' || c == '…'
        }];
        for text in texts {
            for drop in tests {
                assert_eq!(trim_start_by(text, drop), text.trim_start_matches(drop));
                assert_eq!(trim_end_by(text, drop), text.trim_end_matches(drop));
            }
        }
    }
}
