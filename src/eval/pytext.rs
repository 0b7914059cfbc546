//! Text primitives with Python's semantics, so that the scorers here give the very figures of
//! `score.py` and `score_lines.py`: `str.isspace` and `str.strip`, the lines of a file read in
//! text mode (universal newlines), `re.findall(r'\w+')` tokens with the CJK split of `score.py`,
//! and `round(x, 4)`.

use std::sync::LazyLock;

use regex::Regex;

/// Python's `\w+` on `str`: runs of letters (`L*`), numbers (`N*`) and `_`, which is exactly
/// `str.isalnum()` plus `_`.
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid word pattern"));

/// Python's `str.isspace`: Unicode whitespace plus the separators U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
pub fn strip(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// Python's `open(path, encoding=…).read().split('\n')`: reading in text mode turns `\r\n` and a
/// lone `\r` into `\n`, so all three end a line.
pub fn lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let width = match bytes[i] {
            b'\n' => 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(&text[start..i]);
        i += width;
        start = i;
    }
    out.push(&text[start..]);
    out
}

/// A token and where it starts in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token.
    pub text: &'a str,
    /// Byte offset of the token in the text.
    pub start: usize,
}

impl Token<'_> {
    /// Byte offset just past the token.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The tokens of `score.py`: `\w+` runs, except that a run holding a CJK ideograph or kana is
/// split into single characters (all of them, Latin letters included), since unspaced text would
/// otherwise make one token per clause.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for word in WORD.find_iter(text) {
        if word.as_str().chars().any(is_cjk) {
            out.extend(word.as_str().char_indices().map(|(i, c)| Token {
                text: &word.as_str()[i..i + c.len_utf8()],
                start: word.start() + i,
            }));
        } else {
            out.push(Token {
                text: word.as_str(),
                start: word.start(),
            });
        }
    }
    out
}

/// Kana and CJK ideographs, the class `[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]`
/// of `score.py`.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Python's `round(x, 4)`: the nearest 4-decimal number to the exact binary value, ties to even.
pub fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().expect("a formatted float parses")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_are_word_runs_without_punctuation() {
        assert_eq!(
            words("Don't stop_me, 3.5 km — naïve Ⅻ ½!"),
            ["Don", "t", "stop_me", "3", "5", "km", "naïve", "Ⅻ", "½"]
        );
        // Python's \w excludes combining marks (category M): they split words.
        assert_eq!(words("हिन्दी"), ["ह", "न", "द"]);
    }

    #[test]
    fn cjk_runs_split_into_characters_latin_included() {
        assert_eq!(
            words("東京タワー 2024年"),
            ["東", "京", "タ", "ワ", "ー", "2", "0", "2", "4", "年"]
        );
        assert_eq!(words("abc漢字"), ["a", "b", "c", "漢", "字"]);
        // Hangul is not in the class: one token per word.
        assert_eq!(words("서울 시장은"), ["서울", "시장은"]);
        let toks = tokens("x 東京");
        assert_eq!((toks[2].start, toks[2].end()), (5, 8));
    }

    #[test]
    fn lines_follow_universal_newlines() {
        assert_eq!(lines("a\r\nb\rc\n"), ["a", "b", "c", ""]);
        assert_eq!(lines(""), [""]);
        assert_eq!(lines("\r\r\n"), ["", "", ""]);
    }

    #[test]
    fn strip_uses_python_whitespace() {
        assert_eq!(strip("\u{1f}\u{3000} a b\u{a0}\n"), "a b");
        assert_eq!(strip("\u{200b}x"), "\u{200b}x");
    }

    #[test]
    fn round4_ties_to_even_on_the_binary_value() {
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(0.12345), 0.1235);
        assert_eq!(round4(0.99995), 1.0);
    }
}
