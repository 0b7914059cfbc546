//! Languages: their resources and the detection of a block's and a page's language.
//!
//! Each language is a data file `rules/lang/<code>.toml` naming its script, the stop-word density
//! of its article prose, and its function words. Density is measured to be fair to every
//! writing system:
//!
//! * spaced scripts (Latin, Cyrillic, Hangul …): the share of words that are stop words; for
//!   Korean a word also counts when it ends with a listed particle or verb ending (`suffixes`),
//!   since Korean attaches its function words to the word before;
//! * unspaced Chinese and Japanese: the share of Han and kana characters that are function
//!   characters (`function_chars`).
//!
//! A block's language is the language of its dominant script; where several languages share a
//! script (Latin), the one whose stop words it uses most, and failing that the page's.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::bytemask::load_padded;
use crate::error::{Error, Result};

/// The most languages a rule set can hold (language sets are bit masks).
pub const MAX_LANGUAGES: usize = 32;
/// Words of a block whose stop words are counted.
pub const SAMPLE_WORDS: u32 = 64;
/// Han and kana characters of a block whose function characters are counted.
pub const SAMPLE_CJK_CHARS: u32 = 128;

/// A language of the loaded set (an index into [`Languages`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LangId(pub(crate) u8);

/// A set of languages, as a bit mask over [`LangId`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LangSet(u32);

impl LangSet {
    /// The set holding every language.
    pub const ALL: LangSet = LangSet(u32::MAX);

    /// Whether `lang` is in the set.
    pub fn contains(self, lang: LangId) -> bool {
        self.0 & (1 << lang.0) != 0
    }

    /// Adds `lang` to the set.
    pub fn insert(&mut self, lang: LangId) {
        self.0 |= 1 << lang.0;
    }

    /// Whether the set holds no language.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn iter(self) -> impl Iterator<Item = LangId> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let i = bits.trailing_zeros();
                bits &= bits - 1;
                LangId(i as u8)
            })
        })
    }
}

/// Writing systems, as far as telling languages apart needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Greek letters.
    Greek,
    /// Arabic letters.
    Arabic,
    /// Hebrew letters.
    Hebrew,
    /// Korean Hangul syllables and jamo.
    Hangul,
    /// Han ideographs without kana: Chinese.
    Han,
    /// Japanese: kana, usually mixed with Han ideographs.
    Kana,
    /// Thai letters.
    Thai,
    /// Devanagari letters.
    Devanagari,
}

impl Script {
    /// How many scripts there are.
    const COUNT: usize = Script::Devanagari as usize + 1;

    /// The script of a letter, with Han and kana told apart (a page's mix decides between
    /// Chinese and Japanese). `None` for characters that are not letters of a known script.
    #[inline]
    pub fn of(c: char) -> Option<Script> {
        let u = c as u32;
        if Script::is_script_punctuation(c) {
            return None;
        }
        Some(match u {
            0x41..=0x5a | 0x61..=0x7a | 0xc0..=0x24f | 0x1e00..=0x1eff => Script::Latin,
            0x370..=0x3ff => Script::Greek,
            0x400..=0x52f => Script::Cyrillic,
            0x590..=0x5ff => Script::Hebrew,
            0x600..=0x6ff | 0x750..=0x77f => Script::Arabic,
            0x900..=0x97f => Script::Devanagari,
            0xe00..=0xe7f => Script::Thai,
            0x1100..=0x11ff | 0x3130..=0x318f | 0xac00..=0xd7af => Script::Hangul,
            0x3040..=0x30ff | 0x31f0..=0x31ff | 0xff66..=0xff9f => Script::Kana,
            0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff => Script::Han,
            _ => return None,
        })
    }

    /// The script of the most frequent letters beyond ASCII, Hangul syllables and the common
    /// Han ideographs, told by one test of their range each; `None` for every other character.
    /// Where it is some script, [`Script::of`] is the same and `c` is no
    /// [punctuation](Script::is_punctuation).
    #[inline]
    pub fn of_frequent(c: char) -> Option<Script> {
        match c {
            '\u{ac00}'..='\u{d7af}' => Some(Script::Hangul),
            '\u{4e00}'..='\u{9fff}' => Some(Script::Han),
            _ => None,
        }
    }

    /// Whether `c`, not ASCII, is certainly neither a letter nor a digit: punctuation, spaces and
    /// symbols that fill news text (quotes, dashes, bullets, arrows, CJK punctuation). A cheap
    /// test that spares the Unicode tables.
    #[inline]
    pub fn is_symbol(c: char) -> bool {
        matches!(c as u32, 0xa0..=0xbf | 0xd7 | 0xf7 | 0x2000..=0x2bff | 0x3000..=0x303f | 0xff01..=0xff0f | 0xff1a..=0xff20)
    }

    /// Whether `c` is in a block of punctuation and symbols (quotes, dashes, arrows, CJK
    /// punctuation …): no letter of a script, not alphanumeric, and a [symbol](Script::is_symbol).
    /// A cheaper first test than [`Script::of`] for the most frequent non-ASCII characters.
    #[inline]
    pub fn is_punctuation(c: char) -> bool {
        matches!(c as u32, 0xa0..=0xbf | 0x2000..=0x2bff | 0x3000..=0x303f)
    }

    /// Whether `c` is punctuation inside the block of a script's letters: the Greek question
    /// mark and raised dot, the Hebrew maqaf, sof pasuq, geresh and gershayim, the Arabic comma,
    /// semicolon, question mark, percent sign, separators and full stop, the Devanagari dandas and
    /// abbreviation sign, and the Thai marks that end a text.
    fn is_script_punctuation(c: char) -> bool {
        matches!(
            c,
            '\u{37e}'
                | '\u{387}'
                | '\u{5be}'
                | '\u{5c0}'
                | '\u{5c3}'
                | '\u{5c6}'
                | '\u{5f3}'
                | '\u{5f4}'
                | '\u{60c}'
                | '\u{61b}'
                | '\u{61f}'
                | '\u{6d4}'
                | '\u{964}'
                | '\u{965}'
                | '\u{970}'
                | '\u{e4f}'
                | '\u{e5a}'
                | '\u{e5b}'
                | '\u{66a}'..='\u{66d}'
        )
    }

    /// Whether the script has upper and lower case.
    pub fn is_cased(self) -> bool {
        matches!(self, Script::Latin | Script::Cyrillic | Script::Greek)
    }

    /// Whether text in this script is written without spaces between words.
    pub fn is_unspaced(self) -> bool {
        matches!(self, Script::Han | Script::Kana | Script::Thai)
    }
}

/// One language's resources.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code (`ko`, `en` …): what rules name in their `lang` lists.
    pub code: String,
    /// English name.
    pub name: String,
    /// The script the language is written in.
    pub script: Script,
    /// Typical stop-word density of article prose; a block's density is divided by it.
    pub prose_density: f32,
}

/// A language file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    code: String,
    name: String,
    script: Script,
    prose_density: f32,
    #[serde(default)]
    stopwords: String,
    #[serde(default)]
    suffixes: String,
    #[serde(default)]
    function_chars: String,
}

/// Strings (stop words, endings) and the languages that list each, looked up for every word of a
/// block's sample. Most looked-up strings are listed nowhere: a bit set over a hash of their
/// first bytes and length tells most of those at once. Listed strings of up to eight bytes, most
/// of them, are found by the same number, without hashing or comparing a string.
#[derive(Debug)]
struct Listed {
    all: FxHashMap<Box<str>, LangSet>,
    short: FxHashMap<u128, LangSet>,
    /// A bit per hash of the [`head_key`] of every string of `all`.
    filter: Box<[u64; FILTER_WORDS]>,
}

/// Words of [`Listed::filter`]: 8192 bits.
const FILTER_WORDS: usize = 128;

impl Default for Listed {
    fn default() -> Self {
        Listed {
            all: FxHashMap::default(),
            short: FxHashMap::default(),
            filter: Box::new([0; FILTER_WORDS]),
        }
    }
}

impl Listed {
    fn add(&mut self, s: &str, id: LangId) {
        self.all.entry(s.into()).or_default().insert(id);
        let key = head_key(s);
        if s.len() <= 8 {
            self.short.entry(key).or_default().insert(id);
        }
        let bit = filter_bit(key);
        self.filter[bit / 64] |= 1 << (bit % 64);
    }

    /// The languages that list `s` (none when it is not listed).
    #[inline]
    fn get(&self, s: &str) -> LangSet {
        let key = head_key(s);
        let bit = filter_bit(key);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return LangSet::default();
        }
        let set = if s.len() <= 8 {
            self.short.get(&key)
        } else {
            self.all.get(s)
        };
        set.copied().unwrap_or_default()
    }
}

/// A string's first eight bytes (or all of them, if fewer) and its length above them: the whole
/// string, for one of up to eight bytes.
#[inline]
fn head_key(s: &str) -> u128 {
    let head = s.as_bytes().get(..8).unwrap_or(s.as_bytes());
    u128::from(load_padded(head)) | (s.len() as u128) << 64
}

/// The bit of `key` in [`Listed::filter`].
#[inline]
fn filter_bit(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 51) as usize
}

/// The loaded languages and their word lists, compiled for lookup.
#[derive(Debug, Default)]
pub struct Languages {
    list: Vec<Language>,
    /// The languages written in each script, by [`Script`] discriminant.
    by_script: [LangSet; Script::COUNT],
    /// Stop word (lower case) → the languages that list it.
    words: Listed,
    /// Word ending → the languages that list it.
    suffixes: Listed,
    /// Longest ending, in characters.
    max_suffix_chars: usize,
    /// Longest stop word, in bytes, written in any mix of cases: a longer word is none.
    max_word_bytes: usize,
    /// Function character → the languages that list it.
    function_chars: FxHashMap<char, LangSet>,
}

/// Stop-word evidence in one block, per language.
#[derive(Clone, Debug, Default)]
pub struct WordCounts {
    /// Words of spaced scripts.
    pub words: u32,
    /// Han and kana characters.
    pub cjk_chars: u32,
    /// Stop-word hits (or function characters, for unspaced languages), per language.
    pub hits: [u16; MAX_LANGUAGES],
}

impl Languages {
    /// Loads language files given as (file name, contents) pairs.
    pub fn load<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Languages> {
        let mut langs = Languages::default();
        for (file, text) in files {
            langs.add(file, text)?;
        }
        Ok(langs)
    }

    fn add(&mut self, file: &str, text: &str) -> Result<()> {
        let parsed: LanguageFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            Error::rule_at(file, text, offset, e.message())
        })?;
        if self.list.len() == MAX_LANGUAGES {
            return Err(Error::rule_at(
                file,
                text,
                0,
                format!("more than {MAX_LANGUAGES} languages"),
            ));
        }
        if self.list.iter().any(|l| l.code == parsed.code) {
            return Err(Error::rule_at(
                file,
                text,
                0,
                format!("language `{}` is defined twice", parsed.code),
            ));
        }
        if !(parsed.prose_density > 0.0 && parsed.prose_density <= 1.0) {
            let at = text.find("prose_density").unwrap_or(0);
            return Err(Error::rule_at(
                file,
                text,
                at,
                "prose_density must be in (0, 1]",
            ));
        }
        let id = LangId(self.list.len() as u8);
        self.by_script[parsed.script as usize].insert(id);
        for word in parsed.stopwords.split_whitespace() {
            self.max_word_bytes = self.max_word_bytes.max(longest_form(word));
            let lower = word.to_lowercase();
            self.words.add(&lower, id);
        }
        for suffix in parsed.suffixes.split_whitespace() {
            self.max_suffix_chars = self.max_suffix_chars.max(suffix.chars().count());
            self.suffixes.add(suffix, id);
        }
        for c in parsed.function_chars.chars().filter(|c| !c.is_whitespace()) {
            self.function_chars.entry(c).or_default().insert(id);
        }
        self.list.push(Language {
            code: parsed.code,
            name: parsed.name,
            script: parsed.script,
            prose_density: parsed.prose_density,
        });
        Ok(())
    }

    /// The language with code `code`.
    pub fn by_code(&self, code: &str) -> Option<LangId> {
        self.list
            .iter()
            .position(|l| l.code == code)
            .map(|i| LangId(i as u8))
    }

    /// The resources of `id`.
    pub fn get(&self, id: LangId) -> &Language {
        &self.list[id.0 as usize]
    }

    /// All loaded languages.
    pub fn all(&self) -> impl Iterator<Item = (LangId, &Language)> {
        self.list
            .iter()
            .enumerate()
            .map(|(i, l)| (LangId(i as u8), l))
    }

    /// The languages written in `script`.
    pub fn written_in(&self, script: Script) -> LangSet {
        self.by_script[script as usize]
    }

    /// The stop words written in ASCII letters and digits alone (lower case), with the languages
    /// listing them.
    pub(crate) fn ascii_stopwords(&self) -> impl Iterator<Item = (&str, LangSet)> {
        self.words
            .all
            .iter()
            .filter(|(w, _)| w.bytes().all(|b| b.is_ascii_alphanumeric()))
            .map(|(w, set)| (&**w, *set))
    }

    /// The languages listing `c` as a function character.
    pub(crate) fn function_char(&self, c: char) -> Option<LangSet> {
        self.function_chars.get(&c).copied()
    }

    /// Adds a stop-word hit for each language of `set`.
    pub(crate) fn add_hits(&self, counts: &mut WordCounts, set: LangSet) {
        for id in set.iter() {
            let h = &mut counts.hits[id.0 as usize];
            *h = h.saturating_add(1);
        }
    }

    /// Counts the stop-word evidence of `text` (see [`crate::lexicon`] for what is counted).
    #[cfg(test)]
    pub(crate) fn count(&self, text: &str) -> WordCounts {
        crate::lexicon::Lexicon::new(self, []).scan_text(self, text, 0.0, |_| {})
    }

    /// Counts one word; `cased` says whether it may hold upper-case letters.
    pub(crate) fn count_word(
        &self,
        word: &str,
        cased: bool,
        scratch: &mut String,
        counts: &mut WordCounts,
    ) {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        counts.words += 1;
        let may_have_suffix =
            self.max_suffix_chars > 0 && word.as_bytes().last().is_some_and(|b| *b >= 0x80);
        if word.len() > self.max_word_bytes && !may_have_suffix {
            return;
        }
        let key: &str = if !cased {
            word
        } else if word.is_ascii() {
            scratch.clear();
            scratch.push_str(word);
            scratch.make_ascii_lowercase();
            scratch
        } else {
            scratch.clear();
            for c in word.chars() {
                push_lowercase(c, scratch);
            }
            scratch
        };
        let mut set = self.words.get(key);
        if may_have_suffix {
            set.0 |= self.suffix_hits(key).0;
        }
        self.add_hits(counts, set);
    }

    /// The languages one of whose endings `word` ends with (the word being longer than it).
    fn suffix_hits(&self, word: &str) -> LangSet {
        let mut set = LangSet::default();
        let mut ends = word.char_indices().rev().map(|(i, _)| i);
        for _ in 0..self.max_suffix_chars {
            match ends.next() {
                Some(0) | None => break,
                Some(i) => {
                    set.0 |= self.suffixes.get(&word[i..]).0;
                }
            }
        }
        set
    }

    /// The language of a block with script letter counts `scripts` and stop-word `counts`:
    /// `None` when the script has no loaded language, or when several languages share the
    /// script and the stop words do not single one out.
    pub fn detect(&self, scripts: &ScriptCounts, counts: &WordCounts) -> Option<LangId> {
        let candidates = self.written_in(scripts.dominant()?);
        let mut best: Option<(LangId, u16)> = None;
        let mut tied = false;
        let mut n = 0;
        for id in candidates.iter() {
            n += 1;
            let hits = counts.hits[id.0 as usize];
            match best {
                Some((_, top)) if hits == top => tied = true,
                Some((_, top)) if hits < top => {}
                _ => {
                    best = Some((id, hits));
                    tied = false;
                }
            }
        }
        match best {
            Some((id, _)) if n == 1 => Some(id),
            Some((id, hits)) if hits > 0 && !tied => Some(id),
            _ => None,
        }
    }

    /// Stop-word density of a block in `lang`, divided by the language's prose density: about
    /// 1.0 for ordinary prose, near 0 for menus and link lists.
    pub fn stopword_level(&self, lang: LangId, counts: &WordCounts) -> f32 {
        let language = self.get(lang);
        let total = if language.script.is_unspaced() {
            counts.cjk_chars
        } else {
            counts.words
        };
        if total == 0 {
            return 0.0;
        }
        let density = f32::from(counts.hits[lang.0 as usize]) / total as f32;
        density / language.prose_density
    }
}

/// Appends `c` in lower case, as [`char::to_lowercase`] has it; ASCII and Cyrillic letters are
/// mapped without the Unicode tables.
fn push_lowercase(c: char, out: &mut String) {
    let lower = match c {
        'A'..='Z' | 'А'..='Я' => char::from_u32(c as u32 + 0x20),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50),
        '\0'..='\x7f' | 'а'..='џ' => Some(c),
        _ => None,
    };
    match lower {
        Some(lower) => out.push(lower),
        None => out.extend(c.to_lowercase()),
    }
}

/// Bytes of the longest way `word` can be written with each letter in either case.
fn longest_form(word: &str) -> usize {
    word.chars()
        .map(|c| {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            let upper: usize = c.to_uppercase().map(char::len_utf8).sum();
            lower.max(upper)
        })
        .sum()
}

/// Letters of a block, by script.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ScriptCounts {
    /// Latin letters.
    pub latin: u32,
    /// Cyrillic letters.
    pub cyrillic: u32,
    /// Hangul syllables and jamo.
    pub hangul: u32,
    /// Han ideographs.
    pub han: u32,
    /// Japanese kana.
    pub kana: u32,
    /// Letters of other known scripts, with the most frequent of them.
    pub other: u32,
    /// The most frequent of the other scripts.
    pub other_script: Option<Script>,
}

impl ScriptCounts {
    /// Counts one character.
    pub fn add(&mut self, c: char) {
        self.add_script(Script::of(c));
    }

    /// Counts one character of script `script` (`None`: not a letter of a known script).
    pub fn add_script(&mut self, script: Option<Script>) {
        match script {
            Some(Script::Latin) => self.latin += 1,
            Some(Script::Cyrillic) => self.cyrillic += 1,
            Some(Script::Hangul) => self.hangul += 1,
            Some(Script::Han) => self.han += 1,
            Some(Script::Kana) => self.kana += 1,
            Some(other) => {
                self.other += 1;
                self.other_script = Some(other);
            }
            None => {}
        }
    }

    /// Adds another block's counts.
    pub fn merge(&mut self, other: &ScriptCounts) {
        self.latin += other.latin;
        self.cyrillic += other.cyrillic;
        self.hangul += other.hangul;
        self.han += other.han;
        self.kana += other.kana;
        if other.other > self.other {
            self.other_script = other.other_script;
        }
        self.other += other.other;
    }

    /// All letters counted.
    pub fn letters(&self) -> u32 {
        self.latin + self.cyrillic + self.hangul + self.han + self.kana + self.other
    }

    /// The script with the most letters. Han and kana count together, as Japanese when kana
    /// make up a tenth of them or more. Korean text mixed with Han stays Korean.
    pub fn dominant(&self) -> Option<Script> {
        let cjk = self.han + self.kana;
        let cjk_script = if self.kana * 10 >= cjk {
            Script::Kana
        } else {
            Script::Han
        };
        // The most letters wins; of equal counts, the later in this order.
        let mut best = (0, None);
        for (n, script) in [
            (self.hangul * 2, Script::Hangul),
            (cjk, cjk_script),
            (self.latin, Script::Latin),
            (self.cyrillic, Script::Cyrillic),
            (self.other, self.other_script.unwrap_or(Script::Latin)),
        ] {
            if n > 0 && n >= best.0 {
                best = (n, Some(script));
            }
        }
        best.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_strings_are_found_whole() {
        let mut listed = Listed::default();
        let (en, ko) = (LangId(0), LangId(1));
        for (s, id) in [
            ("the", en),
            ("에서", ko),
            ("에게서", ko),
            ("throughout", en),
            ("a", en),
        ] {
            listed.add(s, id);
        }
        listed.add("a", ko);
        let langs = |s: &str| listed.get(s).iter().map(|id| id.0).collect::<Vec<_>>();
        assert_eq!(langs("the"), [0]);
        assert_eq!(langs("a"), [0, 1]);
        assert_eq!(langs("에게서"), [1]);
        assert_eq!(langs("throughout"), [0]);
        for unlisted in ["th", "thee", "a\0", "에게", "throughouts", "throughoux", ""] {
            assert!(langs(unlisted).is_empty(), "{unlisted:?}");
        }
    }

    #[test]
    fn frequent_scripts_are_those_of_every_test() {
        for c in ('\u{80}'..=char::MAX).filter(|c| Script::of_frequent(*c).is_some()) {
            assert_eq!(Script::of_frequent(c), Script::of(c), "{c}");
            assert!(!Script::is_punctuation(c), "{c}");
        }
    }

    #[test]
    fn lower_case_without_tables_is_lower_case() {
        for c in (0..0x600)
            .filter_map(char::from_u32)
            .chain(['ẞ', 'İ', 'Σ', '中'])
        {
            let mut got = String::new();
            push_lowercase(c, &mut got);
            assert_eq!(got, c.to_lowercase().collect::<String>(), "{c}");
        }
    }

    fn sample() -> Languages {
        Languages::load([
            ("en.toml", "code='en'\nname='English'\nscript='latin'\nprose_density=0.4\nstopwords='the of and to a in is it'"),
            ("de.toml", "code='de'\nname='German'\nscript='latin'\nprose_density=0.4\nstopwords='der die das und ist in'"),
            ("ko.toml", "code='ko'\nname='Korean'\nscript='hangul'\nprose_density=0.5\nstopwords='그리고 또한'\nsuffixes='은 는 을 를 다 에서'"),
            ("zh.toml", "code='zh'\nname='Chinese'\nscript='han'\nprose_density=0.1\nfunction_chars='的了是在'"),
            ("ja.toml", "code='ja'\nname='Japanese'\nscript='kana'\nprose_density=0.3\nfunction_chars='のにはをがで'"),
        ])
        .unwrap()
    }

    fn detect(langs: &Languages, text: &str) -> Option<String> {
        let mut scripts = ScriptCounts::default();
        text.chars().for_each(|c| scripts.add(c));
        let counts = langs.count(text);
        langs
            .detect(&scripts, &counts)
            .map(|id| langs.get(id).code.clone())
    }

    #[test]
    fn detects_languages_by_script_and_stop_words() {
        let langs = sample();
        assert_eq!(
            detect(&langs, "The cat is in the garden and it sleeps").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect(&langs, "Die Katze ist in der Küche und das Kind").as_deref(),
            Some("de")
        );
        assert_eq!(
            detect(&langs, "대통령은 회의에서 발언을 했다").as_deref(),
            Some("ko")
        );
        assert_eq!(detect(&langs, "我们在北京的时候").as_deref(), Some("zh"));
        assert_eq!(
            detect(&langs, "東京の天気は晴れです").as_deref(),
            Some("ja")
        );
        assert_eq!(
            detect(&langs, "Home Sport Weather").as_deref(),
            None,
            "no stop word: undecided"
        );
    }

    #[test]
    fn the_builtin_languages_tell_prose_apart() {
        let rules = crate::rules::RuleSet::builtin().unwrap();
        let langs = rules.languages();
        let prose = [
            (
                "en",
                "The council approved the budget late on Tuesday after members argued for hours about the cost of the new roads.",
            ),
            (
                "de",
                "Der Stadtrat hat den Haushalt am Dienstag nach einer langen Debatte über die Kosten der neuen Straßen beschlossen.",
            ),
            (
                "nl",
                "De gemeenteraad heeft de begroting dinsdag na een lang debat over de kosten van de nieuwe wegen goedgekeurd.",
            ),
            (
                "pl",
                "Rada miasta przyjęła we wtorek budżet po długiej debacie o kosztach nowych dróg, których mieszkańcy od lat się domagają.",
            ),
            (
                "sv",
                "Kommunfullmäktige har godkänt budgeten på tisdagen efter en lång debatt om vad de nya vägarna ska kosta.",
            ),
            (
                "id",
                "Dewan kota telah menyetujui anggaran pada hari Selasa setelah perdebatan panjang tentang biaya jalan yang baru.",
            ),
            (
                "tr",
                "Cumhurbaşkanı, salı günü Ankara'da yaptığı açıklamada yeni anayasa taslağının önümüzdeki ay meclise sunulacağını söyledi. Muhalefet partileri ise sürecin şeffaf olmadığını ve kendileriyle hiçbir görüşme yapılmadığını belirtti.",
            ),
            (
                "vi",
                "Quốc hội đã thông qua luật sửa đổi về đất đai vào chiều thứ Năm với hơn chín mươi phần trăm đại biểu tán thành. Theo các chuyên gia, luật mới sẽ giúp người dân được bồi thường công bằng hơn khi nhà nước thu hồi đất.",
            ),
            (
                "cs",
                "Poslanecká sněmovna ve středu schválila vládní návrh na zvýšení rozpočtu na obranu, který počítá s tím, že výdaje dosáhnou dvou procent hrubého domácího produktu už příští rok. Opozice však kritizuje, že peníze chybí ve školství a ve zdravotnictví.",
            ),
            (
                "ro",
                "Parlamentul a adoptat marți proiectul de lege privind reforma pensiilor, după o dezbatere care a durat peste zece ore. Opoziția a anunțat că va contesta legea la Curtea Constituțională, pentru că, în opinia sa, aceasta nu respectă principiul egalității.",
            ),
            (
                "hu",
                "Az Országgyűlés kedden elfogadta a jövő évi költségvetést, amely jelentős forrásokat biztosít az egészségügy és az oktatás számára. Az ellenzéki pártok szerint azonban a számok nem reálisak, mert a kormány túl magas gazdasági növekedéssel számol.",
            ),
            (
                "uk",
                "Верховна Рада у вівторок ухвалила закон про реформу місцевого самоврядування, за який проголосували 280 депутатів. Документ передбачає, що громади отримають більше повноважень і частину податків, які досі йшли до державного бюджету.",
            ),
            (
                "el",
                "Η κυβέρνηση κατέθεσε την Τετάρτη στη Βουλή το νομοσχέδιο για την αναμόρφωση του φορολογικού συστήματος, το οποίο προβλέπει μειώσεις φόρων για τις οικογένειες με παιδιά. Η αξιωματική αντιπολίτευση υποστηρίζει ότι οι αλλαγές ευνοούν κυρίως τα υψηλά εισοδήματα.",
            ),
            (
                "he",
                "הכנסת אישרה הלילה בקריאה ראשונה את הצעת התקציב לשנה הבאה, ברוב של 61 חברי כנסת מול 55. האופוזיציה טענה כי התקציב פוגע במעמד הביניים ואינו מקצה די כסף למערכת הבריאות.",
            ),
            (
                "hi",
                "संसद के शीतकालीन सत्र के पहले दिन विपक्ष ने महंगाई और बेरोजगारी के मुद्दे पर जोरदार हंगामा किया। विपक्षी दलों का कहना था कि सरकार को इन समस्याओं पर तुरंत चर्चा करनी चाहिए।",
            ),
            (
                "fa",
                "مجلس شورای اسلامی روز سه‌شنبه لایحه بودجه سال آینده را با اکثریت آرا تصویب کرد. بر اساس این لایحه، حقوق کارمندان دولت بیست درصد افزایش می‌یابد. برخی از نمایندگان منتقد گفتند که درآمدهای پیش‌بینی‌شده واقع‌بینانه نیست و کسری بودجه افزایش خواهد یافت. وزیر اقتصاد اما تأکید کرد که دولت برای مهار تورم برنامه مشخصی دارد و هزینه‌ها را کنترل خواهد کرد.",
            ),
            (
                "da",
                "Folketinget vedtog torsdag en ny klimalov, som skal sikre, at Danmark reducerer sine udledninger af drivhusgasser med 70 procent inden 2030. Loven blev stemt igennem med et bredt flertal, men flere partier på begge fløje mener, at den ikke går langt nok.",
            ),
            (
                "fi",
                "Eduskunta hyväksyi tiistaina hallituksen esityksen, jonka mukaan työttömyysturvaa leikataan ensi vuoden alusta. Oppositio arvosteli päätöstä jyrkästi ja sanoi, että se heikentää erityisesti pienituloisten asemaa.",
            ),
        ];
        for (code, text) in prose {
            assert_eq!(detect(langs, text).as_deref(), Some(code), "{text}");
            let counts = langs.count(text);
            let level = langs.stopword_level(langs.by_code(code).unwrap(), &counts);
            assert!((0.6..2.0).contains(&level), "{code}: level {level}");
        }
        // A short English line is not taken for a language that shares a word or two with it.
        assert_eq!(detect(langs, "Go to the site").as_deref(), Some("en"));
        assert_eq!(
            detect(langs, "http://amzn.to/2iJFhRj").as_deref(),
            Some("en")
        );
    }

    #[test]
    fn punctuation_inside_a_script_block_is_no_letter() {
        assert_eq!(Script::of('क'), Some(Script::Devanagari));
        assert_eq!(Script::of('।'), None);
        assert_eq!(Script::of('ب'), Some(Script::Arabic));
        assert_eq!(Script::of('،'), None);
        assert_eq!(Script::of('؟'), None);
        assert_eq!(Script::of('ש'), Some(Script::Hebrew));
        assert_eq!(Script::of('־'), None);
    }

    #[test]
    fn korean_endings_count_as_stop_words() {
        let langs = sample();
        let ko = langs.by_code("ko").unwrap();
        let counts = langs.count("대통령은 회의에서 발언을 했다");
        assert_eq!(counts.words, 4);
        assert_eq!(counts.hits[ko.0 as usize], 4);
        let menu = langs.count("뉴스 스포츠 연예");
        assert_eq!(langs.stopword_level(ko, &menu), 0.0);
        let bare = langs.count("은");
        assert_eq!(
            bare.hits[ko.0 as usize], 0,
            "a bare ending is not a word with an ending"
        );
    }

    #[test]
    fn stop_word_level_is_relative_to_prose() {
        let langs = sample();
        let en = langs.by_code("en").unwrap();
        let counts = langs.count("The Cat of the house");
        assert!((langs.stopword_level(en, &counts) - (3.0 / 5.0) / 0.4).abs() < 1e-6);
    }

    #[test]
    fn words_count_the_same_whatever_their_case_length_or_neighbours() {
        let langs = Languages::load([(
            "en.toml",
            "code='en'\nname='English'\nscript='latin'\nprose_density=0.4\nstopwords='the of 2nd throughout'",
        )])
        .unwrap();
        let hits = |text: &str| {
            let counts = langs.count(text);
            (counts.words, counts.hits[0])
        };
        assert_eq!(hits("THE 2ND Of the"), (4, 4), "short words, any case");
        assert_eq!(
            hits("Throughout THROUGHOUT throughouts"),
            (3, 2),
            "longer words"
        );
        assert_eq!(hits("the, of. 2024 (the)"), (3, 3), "numbers are not words");
        assert_eq!(hits("théof the"), (2, 1), "a word goes on past ASCII");
        assert_eq!(hits("ofthe 0the"), (2, 0));
    }

    #[test]
    fn broken_language_files_name_the_line() {
        let err = Languages::load([(
            "xx.toml",
            "code='xx'\nname='X'\nscript='klingon'\nprose_density=0.3",
        )])
        .unwrap_err();
        assert!(err.to_string().starts_with("xx.toml:3:"), "{err}");
        let err = Languages::load([(
            "xx.toml",
            "code='xx'\nname='X'\nscript='latin'\nprose_density=3",
        )])
        .unwrap_err();
        assert!(err.to_string().contains("prose_density"), "{err}");
    }
}
