//! List markers: what a block's first characters mark it as (a bullet, a list number), the text
//! after them, and the block's line key, the part of its text that identifies it as a phrase.
//!
//! All three come from one walk over the leading white space, bullets and list numbers, which
//! reads bytes and decodes only the few characters beyond ASCII that may be white space, bullets
//! or circled numbers.

use serde::Serialize;

use crate::features::trim_end_by;

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

/// Whether `c` is a bullet symbol that can open a list item.
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '‣'
            | '◦'
            | '▪'
            | '▫'
            | '■'
            | '□'
            | '●'
            | '○'
            | '◆'
            | '◇'
            | '▶'
            | '►'
            | '▸'
            | '▹'
            | '→'
            | '-'
            | '*'
            | '–'
            | '—'
            | '※'
            | '>'
            | '☞'
            | '▲'
            | '△'
            | '▼'
            | '▽'
            | '◎'
            | '★'
            | '☆'
    )
}

/// What the first characters of `text` mark it as.
pub fn marker(text: &str) -> Marker {
    Opening::of(text).marker
}

/// The part of a block's text that identifies it as a phrase: without leading bullets, and
/// without trailing counts, separators and punctuation, so that `• 댓글 1`, `Comments (12)`,
/// `Share:` and `シェア（3）` give `댓글`, `Comments`, `Share` and `シェア`. A leading list number stays: `1. Facebook` is a
/// list item, not a button.
pub fn line_key(text: &str) -> &str {
    Opening::of(text).key(text)
}

/// `text` trimmed and without leading bullets and list numbers (a number that is the whole
/// rest of the text stays).
pub fn strip_marker(text: &str) -> &str {
    let opening = Opening::of(text);
    &text[opening.body_start..opening.end]
}

/// How a text opens: its list marker, and where its line key and the text after its marker
/// start, found in one walk over the leading white space, bullets and list numbers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Opening {
    /// What the opening marks the text as.
    pub(crate) marker: Marker,
    /// Where the line key starts: after the leading white space, a run of bullets and the
    /// white space after them (see [`line_key`]).
    key_start: usize,
    /// Where the text after its leading bullets and list numbers starts (see [`strip_marker`]).
    pub(crate) body_start: usize,
    /// Where the trailing white space starts.
    pub(crate) end: usize,
}

impl Opening {
    /// The opening of `text`.
    pub(crate) fn of(text: &str) -> Opening {
        let end = trim_end_by(text, char::is_whitespace).len();
        let mut walk = Walk::new(&text[..end]);
        walk.skip(Lead::Space);
        let marker = match walk.here {
            Lead::Bullet => Marker::Bullet,
            Lead::Number if number_prefix_len(&text[walk.at..]) > 0 => Marker::Number,
            _ => Marker::None,
        };
        walk.skip(Lead::Bullet);
        walk.skip(Lead::Space);
        let key_start = walk.at;
        loop {
            let len = match walk.here {
                Lead::Space | Lead::Bullet => walk.len,
                Lead::Number => match number_prefix_len(&walk.t[walk.at..]) {
                    len if len > 0 && len < walk.t.len() - walk.at => len,
                    _ => break,
                },
                Lead::Other => break,
            };
            walk.advance(len);
        }
        Opening {
            marker,
            key_start,
            body_start: walk.at,
            end,
        }
    }

    /// The line key of `text`, whose opening this is (see [`line_key`]).
    pub(crate) fn key(self, text: &str) -> &str {
        let t = &text[self.key_start..self.end];
        let key = trim_end_by(t, |c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(
                    c,
                    '(' | ')'
                        | '['
                        | ']'
                        | ':'
                        | '|'
                        | '>'
                        | '›'
                        | '»'
                        | '.'
                        | '…'
                        | '+'
                        | ','
                        | '（'
                        | '）'
                        | '［'
                        | '］'
                        | '：'
                        | '｜'
                )
        });
        if key.is_empty() { t } else { key }
    }
}

/// A walk over the first characters of a text.
struct Walk<'a> {
    /// The text.
    t: &'a str,
    /// Where the walk is.
    at: usize,
    /// What the character there is.
    here: Lead,
    /// Its length in bytes, if white space or a bullet.
    len: usize,
}

impl<'a> Walk<'a> {
    /// A walk from the start of `t`.
    fn new(t: &'a str) -> Walk<'a> {
        let (here, len) = lead(t);
        Walk {
            t,
            at: 0,
            here,
            len,
        }
    }

    /// Moves `len` bytes on.
    fn advance(&mut self, len: usize) {
        self.at += len;
        (self.here, self.len) = lead(&self.t[self.at..]);
    }

    /// Moves past the characters of kind `kind` ([`Lead::Space`] or [`Lead::Bullet`]).
    fn skip(&mut self, kind: Lead) {
        while self.here == kind {
            self.advance(self.len);
        }
    }
}

/// Length in bytes of a leading list number: `12.`, `3)`, `(4)`, `⑤`, or a whole text that is
/// just a number. 0 when there is none.
fn number_prefix_len(t: &str) -> usize {
    let (open, rest) = match t.as_bytes().first() {
        Some(b'(') => (1, &t[1..]),
        Some(b'0'..=b'9') => (0, t),
        // The circled numbers ① to ⑳ begin with this byte.
        Some(0xe2) => {
            return match t.chars().next() {
                Some(c @ '\u{2460}'..='\u{2473}') => c.len_utf8(),
                _ => 0,
            };
        }
        _ => return 0,
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

/// What the first character of a text is, as far as list markers go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    /// White space.
    Space,
    /// A bullet symbol (see [`is_bullet`]).
    Bullet,
    /// What a list number may start with: `(`, a digit or a circled number.
    Number,
    /// Anything else, or nothing.
    Other,
}

/// What the first character of `t` is, and its length in bytes (0 when it is no white space
/// and no bullet). Only the characters of the blocks that hold white space, bullets and circled
/// numbers beyond ASCII (U+0080 to U+00BF, U+1000 to U+3FFF) are decoded.
#[inline]
fn lead(t: &str) -> (Lead, usize) {
    let c = match *t.as_bytes() {
        [b'\t'..=b'\r' | b' ', ..] => return (Lead::Space, 1),
        [b'-' | b'*' | b'>', ..] => return (Lead::Bullet, 1),
        [b'(' | b'0'..=b'9', ..] => return (Lead::Number, 0),
        [0xc2, b1, ..] => u32::from(b1),
        [b0 @ 0xe1..=0xe3, b1, b2, ..] => {
            u32::from(b0 & 0x0f) << 12 | u32::from(b1 & 0x3f) << 6 | u32::from(b2 & 0x3f)
        }
        _ => return (Lead::Other, 0),
    };
    let len = if c < 0x800 { 2 } else { 3 };
    if is_space_beyond_ascii(c) {
        (Lead::Space, len)
    } else if char::from_u32(c).is_some_and(is_bullet) {
        (Lead::Bullet, len)
    } else if (0x2460..=0x2473).contains(&c) {
        (Lead::Number, 0)
    } else {
        (Lead::Other, 0)
    }
}

/// Whether the code point `c`, beyond ASCII, is white space (as [`char::is_whitespace`] has
/// it).
fn is_space_beyond_ascii(c: u32) -> bool {
    matches!(
        c,
        0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of up to four characters from an alphabet of white space, bullets, list
    /// numbers, letters and punctuation.
    fn marker_texts() -> Vec<String> {
        let alphabet = [
            ' ', '\u{a0}', '\u{3000}', '\u{1680}', '•', '-', '·', '1', '2', '.', ')', '(', 'a',
            '①', 'é', '中', '…', '\u{85}', '\u{b6}', '（',
        ];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        texts
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
    fn list_numbers_are_measured() {
        for (text, len) in [
            ("12. x", 3),
            ("3) x", 2),
            ("(4) x", 3),
            ("(12)", 4),
            ("⑤ x", 3),
            ("12", 2),
            ("(4", 2),
            ("1234. x", 0),
            ("(4. x", 0),
            ("3.5", 0),
            ("12 x", 0),
            ("12.x", 0),
            ("a1", 0),
            ("", 0),
        ] {
            assert_eq!(number_prefix_len(text), len, "{text:?}");
        }
    }

    #[test]
    fn markers_are_found_by_bytes_as_by_chars() {
        // The definitions, by characters.
        fn strip_marker_by_chars(text: &str) -> &str {
            let mut t = text.trim();
            loop {
                let before = t.len();
                t = t.trim_start_matches(is_bullet).trim_start();
                let n = number_prefix_len(t);
                if n > 0 && n < t.len() {
                    t = t[n..].trim_start();
                }
                if t.len() == before {
                    return t;
                }
            }
        }
        fn marker_by_chars(text: &str) -> Marker {
            let t = text.trim_start();
            if t.starts_with(is_bullet) {
                Marker::Bullet
            } else if number_prefix_len(t) > 0 {
                Marker::Number
            } else {
                Marker::None
            }
        }
        fn line_key_by_chars(text: &str) -> &str {
            let t = text.trim().trim_start_matches(is_bullet).trim_start();
            let key = t.trim_end_matches(|c: char| {
                c.is_ascii_digit() || c.is_whitespace() || "()[]:|>›».…+,（）［］：｜".contains(c)
            });
            if key.is_empty() { t } else { key }
        }
        for text in marker_texts() {
            assert_eq!(
                strip_marker(&text),
                strip_marker_by_chars(&text),
                "{text:?}"
            );
            assert_eq!(marker(&text), marker_by_chars(&text), "{text:?}");
            assert_eq!(line_key(&text), line_key_by_chars(&text), "{text:?}");
        }
    }

    #[test]
    fn leads_are_those_of_the_first_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("{c}x");
            let expected = if c.is_whitespace() {
                (Lead::Space, c.len_utf8())
            } else if is_bullet(c) {
                (Lead::Bullet, c.len_utf8())
            } else if c == '(' || c.is_ascii_digit() || ('①'..='⑳').contains(&c) {
                (Lead::Number, 0)
            } else {
                (Lead::Other, 0)
            };
            assert_eq!(lead(&text), expected, "{c:?}");
        }
        assert_eq!(lead(""), (Lead::Other, 0));
    }

    #[test]
    fn line_keys_drop_markers_and_counts() {
        assert_eq!(line_key("  • 댓글 1"), "댓글");
        assert_eq!(line_key("Comments (12)"), "Comments");
        assert_eq!(line_key("Share:"), "Share");
        assert_eq!(line_key("1. Facebook"), "1. Facebook");
        assert_eq!(line_key("댓글0"), "댓글");
        assert_eq!(line_key("シェア（3）"), "シェア", "full-width brackets too");
        assert_eq!(line_key("分享到："), "分享到");
        assert_eq!(line_key("300"), "300", "a bare number stays");
        assert_eq!(line_key("  • 1"), "1");
    }

    #[test]
    fn without_a_marker_only_white_space_is_stripped() {
        let texts = [
            "Plain words",
            "  padded \u{3000}",
            "12",
            "12 ",
            "(3",
            "(3 ",
            "3.5 million",
            "2021.02.15 07:21",
            "1\u{a0}shares",
            "°C",
            "",
            " ",
            "• item",
            "1. Facebook",
            "(2) second",
            "③ third",
            "  • 1",
            "5",
        ];
        for text in texts {
            if marker(text) == Marker::None {
                assert_eq!(strip_marker(text), text.trim(), "{text:?}");
            }
        }
    }
}
