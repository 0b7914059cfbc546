//! Hard-wrapped text: paragraphs a renderer broke into lines of a fixed width.
//!
//! Text browsers (`w3m -dump`, `lynx -dump`), mail and some scrapers write a paragraph as several
//! lines no wider than a set number of columns (80 by default). Read one block per line, each
//! piece of such a paragraph would be judged as a short line on its own. So a page is first
//! checked for a wrap width ([`wrap_width`]): hardly any of its lines goes past one width, many
//! end just short of it, most of those mid-sentence (unwrapped paragraphs that happen to be about
//! as long end a sentence), and some paragraphs end on a short line after a full one. On such a
//! page a line goes on the line before it when that one was broken there: the next line's first
//! word would not have fitted after it ([`continues`]).
//!
//! Widths are in columns as a terminal shows them: the characters of Han, kana and Hangul take
//! two.

use crate::marker::{Marker, marker};
use crate::page::is_blank;

/// The narrowest wrap width looked for.
const MIN_WIDTH: usize = 40;

/// The widest wrap width looked for: wider lines are no wrapping any renderer does by default.
const MAX_WIDTH: usize = 250;

/// How far short of the wrap width a full line may end: the room a long word left unused.
const BAND: usize = 12;

/// Lines narrower than this are not counted: menu items, headings, the last lines of
/// paragraphs.
const WIDE_LINE: usize = 30;

/// The share of the counted lines that may go past the wrap width (an address or a word too long
/// to break).
const OVER_SHARE: f32 = 0.05;

/// The fewest full lines (ending within [`BAND`] of the wrap width) of a wrapped page.
const MIN_FULL_LINES: usize = 5;

/// The smallest share of the counted lines that are full.
const MIN_FULL_SHARE: f32 = 0.05;

/// The width `text` is wrapped at, if it is hard-wrapped.
pub(crate) fn wrap_width(text: &str) -> Option<usize> {
    // Lines by width, up to the widest looked for; wider ones are only counted. Most unwrapped
    // text stops early: more of its lines are wider than that than may go past a wrap width.
    let most_wider =
        (OVER_SHARE * memchr::memchr_iter(b'\n', text.as_bytes()).count() as f32) as usize;
    let mut by_width = [0usize; MAX_WIDTH + 1];
    let (mut counted, mut wider) = (0usize, 0usize);
    for line in lines(text) {
        // A line takes no more columns than it has bytes, and a line of more bytes than four per
        // column is wider than any width looked for.
        let width = match line.len() {
            ..WIDE_LINE => continue,
            // An address is not broken: the line that holds one may go past the width.
            _ if holds_address(line) => continue,
            bytes if bytes > 4 * MAX_WIDTH => MAX_WIDTH + 1,
            _ => columns(line.trim_end_matches(is_blank)),
        };
        if width < WIDE_LINE {
            continue;
        }
        counted += 1;
        match by_width.get_mut(width) {
            Some(n) => *n += 1,
            None if wider == most_wider => return None,
            None => wider += 1,
        }
    }
    // The width that no more than the allowed share of lines go past.
    let allowed = (OVER_SHARE * counted as f32) as usize;
    let mut over = wider;
    let mut width = MAX_WIDTH;
    while width >= MIN_WIDTH && over + by_width[width] <= allowed {
        over += by_width[width];
        width -= 1;
    }
    if over > allowed || width < MIN_WIDTH {
        return None;
    }
    let full: usize = by_width[width + 1 - BAND..=width].iter().sum();
    let wrapped = full >= MIN_FULL_LINES && full as f32 >= MIN_FULL_SHARE * counted as f32;
    (wrapped && breaks_inside_paragraphs(text, width)).then_some(width)
}

/// The fewest characters of an address (a URL, a path) that no renderer breaks.
const ADDRESS: usize = 40;

/// Whether `line` holds an address: a slash inside a run of [`ADDRESS`] or more ASCII
/// characters other than white space (`https://…`, `](/cdn-cgi/…`, the rest of one broken at a
/// hyphen).
fn holds_address(line: &str) -> bool {
    let bytes = line.as_bytes();
    // Where the run of the last slash looked at ends: the slashes before it are in that run.
    let mut run_end = 0;
    for at in memchr::memchr_iter(b'/', bytes) {
        if at < run_end {
            continue;
        }
        let start = bytes[..at]
            .iter()
            .rposition(|b| !b.is_ascii_graphic())
            .map_or(0, |blank| blank + 1);
        run_end = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii_graphic())
            .map_or(bytes.len(), |blank| at + blank);
        if run_end - start >= ADDRESS {
            return true;
        }
    }
    false
}

/// The fewest paragraphs that must end on a short line after a full one.
const MIN_PARAGRAPH_ENDS: usize = 3;

/// Whether the full lines of `text` (ending within [`BAND`] of `width`) were broken inside
/// paragraphs: most of them end mid-sentence, and [`MIN_PARAGRAPH_ENDS`] or more paragraphs end
/// on a short line that goes on a full one ([`continues`]). Unwrapped paragraphs that happen to
/// be about as long as each other are full lines too, but nearly all of them end a sentence.
fn breaks_inside_paragraphs(text: &str, width: usize) -> bool {
    let (mut full, mut full_at_sentence_end, mut paragraph_ends) = (0usize, 0usize, 0usize);
    // The line before, if it was full.
    let mut full_before = None;
    for line in lines(text) {
        let shown = line.trim_end_matches(is_blank);
        let columns = columns(shown);
        let is_full = columns + BAND > width && columns <= width;
        if is_full {
            full += 1;
            full_at_sentence_end += usize::from(ends_sentence(shown));
        } else if full_before.is_some_and(|before| continues(before, line, width)) {
            paragraph_ends += 1;
        }
        full_before = is_full.then_some(line);
    }
    2 * full_at_sentence_end < full && paragraph_ends >= MIN_PARAGRAPH_ENDS
}

/// The lines of `text`, without their line ends.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    crate::text::lines(text).map(|(_, range)| &text[range])
}

/// Whether `line` ends with a sentence's final punctuation, maybe inside quotes or brackets.
fn ends_sentence(line: &str) -> bool {
    let closed = line.trim_end_matches(['"', '\'', '”', '’', ')', '」', '』', '）']);
    closed.ends_with(['.', '!', '?', '。', '！', '？'])
}

/// Whether `next` goes on `line`, on a page wrapped at `width`: `line` was broken because the
/// first word of `next` would not have fitted after it, and `next` opens no list item and sits at
/// the same indent as `line` (or at the hanging indent of its list item).
pub(crate) fn continues(line: &str, next: &str, width: usize) -> bool {
    let body = next.trim_start_matches(is_blank);
    if body.is_empty() || marker(body) != Marker::None {
        return false;
    }
    let indent = |l: &str| columns(&l[..l.len() - l.trim_start_matches(is_blank).len()]);
    let (own, next_indent) = (indent(line), indent(next));
    if next_indent < own || next_indent > own + HANGING_INDENT {
        return false;
    }
    let first_word = match body.chars().next() {
        // Wide characters are broken anywhere: the first one is what did not fit.
        Some(c) if is_wide(c) => columns(&body[..c.len_utf8()]),
        _ => columns(body.split(is_blank).next().unwrap_or(body)),
    };
    columns(line.trim_end_matches(is_blank)) + 1 + first_word > width
}

/// How far past a list item's own indent the lines after its first may sit (`  • ` then the
/// text).
const HANGING_INDENT: usize = 4;

/// Whether the line break between `before` and `after`, on a page wrapped at `width`, stands for
/// no space: wide characters meet there, and `before` fills the line to its last column (or to
/// the one before, where a wide character would not fit). A renderer breaks a line of wide
/// characters anywhere, inside a word too; a line that ends short was broken at a space.
pub(crate) fn joins_without_space(before: &str, after: &str, width: usize) -> bool {
    let before = before.trim_end_matches(is_blank);
    before.chars().next_back().is_some_and(is_wide)
        && after.chars().next().is_some_and(is_wide)
        && columns(before) + 1 >= width
}

/// The columns `text` takes on a terminal: a character each, and one more for each wide one.
fn columns(text: &str) -> usize {
    let bytes = text.as_bytes();
    if text.is_ascii() {
        return bytes.len();
    }
    // Counted over all bytes at once, which vectorises: characters, and those of the common
    // wide range, which alone its first byte tells; the rarer ones where their first byte is.
    let chars = count(bytes, |b| !is_continuation(b));
    let common_wide = count(bytes, |b| (0xe3..=0xed).contains(&b));
    let rare_wide = memchr::memchr3_iter(0xe1, 0xe2, 0xef, bytes)
        .chain(memchr::memchr_iter(0xf0, bytes))
        .filter(|&at| {
            bytes
                .get(at + 1)
                .is_some_and(|&second| opens_wide(bytes[at], second))
        })
        .count();
    chars + common_wide + rare_wide
}

/// How many of `bytes` `holds` is true of: a byte-wide count per run of 255, which vectorises.
fn count(bytes: &[u8], holds: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(usize::from(u8::MAX))
        .map(|run| usize::from(run.iter().fold(0u8, |n, &b| n + u8::from(holds(b)))))
        .sum()
}

/// Whether `c` takes two columns (see [`opens_wide`]).
fn is_wide(c: char) -> bool {
    let mut utf8 = [0; 4];
    c.encode_utf8(&mut utf8);
    opens_wide(utf8[0], utf8[1])
}

/// Whether the character whose UTF-8 encoding opens with `first` and `second` takes two columns,
/// told from those two bytes: CJK punctuation, kana, Han and Hangul (U+3000–U+D7FF), Hangul
/// leading consonants (U+1100–U+117F), CJK radicals (U+2E80–U+2FFF), compatibility ideographs
/// (U+F900–U+FAFF), fullwidth forms (U+FF00–U+FF7F) and the ideographs of the supplementary
/// planes (U+20000–U+3FFFF).
fn opens_wide(first: u8, second: u8) -> bool {
    match first {
        0xe3..=0xed => true,
        0xe1 => matches!(second, 0x84 | 0x85),
        0xe2 => second >= 0xba,
        0xef => matches!(second, 0xa4..=0xab | 0xbc | 0xbd),
        0xf0 => matches!(second, 0xa0..=0xbf),
        _ => false,
    }
}

/// Whether `b` continues a character in UTF-8 rather than starting one.
fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` wrapped at `width` columns, as a text browser writes them.
    fn wrap(words: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for word in words.split(' ') {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out + &line + "\n"
    }

    const PARAGRAPH: &str = "The council approved the budget late on Tuesday after members \
        argued for hours over the cost of roads and schools, and supporters said the plan would \
        repair what years of cuts had left undone across the city and its suburbs.";

    /// Three paragraphs wrapped at 72 columns, one after the other.
    fn three_wrapped_paragraphs() -> String {
        [PARAGRAPH; 3].map(|p| wrap(p, 72)).join("\n")
    }

    /// Checks that `page` is found wrapped at about 72 columns.
    fn assert_wrapped_near_72(page: &str) {
        let width = wrap_width(page).expect("wrapped");
        assert!((66..=72).contains(&width), "{width}");
    }

    #[test]
    fn finds_the_width_of_wrapped_paragraphs() {
        assert_wrapped_near_72(&format!("Home\nNews\n\n{}", three_wrapped_paragraphs()));
    }

    #[test]
    fn a_short_wrapped_article_among_many_wide_menu_lines_is_wrapped() {
        // Three paragraphs give six full lines; the menus around them are wide lines too, over
        // ten times as many as the full ones, but shorter.
        let menu = "Politics | Business | Sport | Culture | Travel | Opinion\n".repeat(45);
        assert_wrapped_near_72(&format!("{menu}\n{}\n{menu}", three_wrapped_paragraphs()));
    }

    #[test]
    fn unwrapped_paragraphs_have_no_width() {
        let long = format!("{PARAGRAPH} {PARAGRAPH}");
        let page = [PARAGRAPH, &long, "Home", PARAGRAPH, &long, PARAGRAPH, &long].join("\n\n");
        assert_eq!(wrap_width(&page), None);
        assert_eq!(wrap_width(""), None);
        // Paragraphs of about one length, each a line, with short lines between: full lines,
        // but each ends a sentence.
        let mut alike = Vec::new();
        for n in 0..8 {
            alike.extend([
                format!("Paragraph {n}: {PARAGRAPH}"),
                format!("Image {n} of 8"),
            ]);
        }
        assert_eq!(wrap_width(&alike.join("\n")), None);
    }

    #[test]
    fn a_line_goes_on_when_the_next_word_did_not_fit() {
        let lines: Vec<String> = wrap(PARAGRAPH, 72).lines().map(String::from).collect();
        assert!(continues(&lines[0], &lines[1], 72));
        // A short line ends where it ends: the next word would have fitted.
        assert!(!continues("Home", "News and more", 72));
        // A list item starts afresh, whatever the width.
        assert!(!continues(&lines[0], "• Another item", 72));
        // The hanging indent of a list item goes on.
        assert!(continues(
            "  • A list item whose text runs on past the end of the first line of",
            "    itinerary.",
            72
        ));
    }

    #[test]
    fn addresses_are_runs_with_a_slash() {
        assert!(holds_address(
            "see [the plan](https://example.com/council/budget-2019)"
        ));
        assert!(holds_address(
            "xQMpo/XKxSYEVq6lI/AAAAAAAAZW8/RRfVyxtFqSYznmDuBkx92C2JLSnhkiuK"
        ));
        assert!(!holds_address(
            "roads and/or schools, said the council on Tuesday"
        ));
        assert!(!holds_address(&"가".repeat(40)));
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let line = "가".repeat(35);
        assert!(continues(&line, "나다", 71));
        assert!(!continues(&line, "나다", 74));
        assert!(joins_without_space(&line, "나", 71));
        assert!(!joins_without_space(&line, "나", 74));
        assert!(!joins_without_space("a", "나", 2));
        assert_eq!(columns("héllo — “quoted”"), 16);
        assert_eq!(columns("日本語（注）、한국어"), 20);
        assert_eq!(columns(&"가".repeat(300)), 600);
    }
}
