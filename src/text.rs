//! Plain text to a [`Page`]: every non-blank line is a block.
//!
//! Blocks are ranges of the input, so a kept line comes out exactly as it went in. A line ends at
//! `\n`; a `\r` before it is not part of the line. On a page with Markdown links the rules see
//! each line as a reader would ([`crate::markdown`]): that text goes into the page's arena, with
//! the share of it that is link text, and a line that shows nothing (an image) is no block.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::features::{Features, trim_end_by, trim_start_by};
use crate::markdown;
use crate::page::{Block, InputKind, NO_ELEMENT, Page, is_blank};

/// The bytes of a short line (with its line feed), for the room made for blocks at once.
const SHORT_LINE: usize = 16;

/// Splits plain text into blocks, one per non-blank line.
pub fn parse<'a>(source: Cow<'a, str>, encoding: &'static Encoding, lossy: bool) -> Page<'a> {
    let markdown = markdown::has_links(&source);
    let mut arena = String::new();
    let mut start = 0usize;
    let bytes = source.as_bytes();
    // Room for a block per line at once, rather than moving the blocks each time it runs out;
    // but blank lines are no blocks, and a page of them reserves no more than for short lines.
    let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
    let mut blocks = Vec::with_capacity(lines.min(bytes.len() / SHORT_LINE + 1));
    for (number, line_end) in memchr::memchr_iter(b'\n', bytes)
        .chain(std::iter::once(bytes.len()))
        .enumerate()
    {
        let line = &source[start..line_end];
        let raw_end = start + line.strip_suffix('\r').map_or(line.len(), str::len);
        let raw = &source[start..raw_end];
        let (base, shown, link_chars) = if markdown {
            let at = arena.len();
            let link_chars = markdown::visible(raw, &mut arena);
            (at, &arena[at..], link_chars)
        } else {
            (start, raw, 0)
        };
        let trimmed = trim_end_by(trim_start_by(shown, is_blank), is_blank);
        if !trimmed.is_empty() {
            let offset = base + (trimmed.as_ptr() as usize - shown.as_ptr() as usize);
            blocks.push(Block {
                raw: start as u32..raw_end as u32,
                trimmed: offset as u32..(offset + trimmed.len()) as u32,
                line: number as u32 + 1,
                element: NO_ELEMENT,
                link_chars,
                heading: markdown && markdown::is_heading(raw),
                features: Features::default(),
            });
        }
        if markdown {
            arena.push('\n');
        }
        start = line_end + 1;
    }
    let mut page = Page::new(source, InputKind::Text, encoding, lossy);
    page.blocks = blocks;
    page.arena = arena;
    page.text_in_arena = markdown;
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_block_per_non_blank_line() {
        let page = parse(
            Cow::Borrowed("Title\n\n  • item \r\nlast"),
            encoding_rs::UTF_8,
            false,
        );
        let lines: Vec<(u32, &str, &str)> = page
            .blocks
            .iter()
            .map(|b| (b.line, page.raw(b), page.text(b)))
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, "Title", "Title"),
                (3, "  • item ", "• item"),
                (4, "last", "last")
            ]
        );
    }

    #[test]
    fn empty_and_blank_inputs_have_no_blocks() {
        assert!(
            parse(Cow::Borrowed(""), encoding_rs::UTF_8, false)
                .blocks
                .is_empty()
        );
        assert!(
            parse(
                Cow::Borrowed("\n \n\t\n\u{200b}\n\u{feff} "),
                encoding_rs::UTF_8,
                false
            )
            .blocks
            .is_empty()
        );
    }
}
