//! Plain text to a [`Page`]: every non-blank line is a block, or, in text wrapped at a fixed
//! width, every paragraph of lines (see the `wrap` module).
//!
//! Blocks are ranges of the input, so a kept line comes out exactly as it went in. A line ends at
//! `\n`; a `\r` before it is not part of the line. On a page with Markdown links the rules see
//! each line as a reader would ([`crate::markdown`]): that text goes into the page's arena, with
//! the share of it that is link text, and a line that shows nothing (an image) is no block. The
//! header and rows of a Markdown table (the lines with `|` around a `---|---` delimiter row, up
//! to the first line without one) show their cells apart by tabs. A wrapped paragraph's text, its
//! lines joined, also goes into the arena, so it comes out on one line; its raw range still covers
//! its lines, which the diff shows as they were.

use std::borrow::Cow;
use std::ops::Range;

use encoding_rs::Encoding;

use crate::features::{Features, range, trim_end_by, trim_start_by};
use crate::markdown;
use crate::page::{Block, InputKind, NO_ELEMENT, Page, is_blank};
use crate::wrap;

/// The bytes of a short line (with its line feed), for the room made for blocks at once.
const SHORT_LINE: usize = 16;

/// Splits plain text into blocks, one per non-blank line (or per paragraph of lines wrapped at
/// a fixed width, see the `wrap` module).
pub fn parse<'a>(source: Cow<'a, str>, encoding: &'static Encoding, lossy: bool) -> Page<'a> {
    let markdown = markdown::has_links(&source);
    if let Some(width) = wrap::wrap_width(&source) {
        return parse_wrapped(source, encoding, lossy, width, markdown);
    }
    let mut arena = String::new();
    let bytes = source.as_bytes();
    // Room for a block per line at once, rather than moving the blocks each time it runs out;
    // but blank lines are no blocks, and a page of them reserves no more than for short lines.
    let line_count = memchr::memchr_iter(b'\n', bytes).count() + 1;
    let mut blocks: Vec<Block> = Vec::with_capacity(line_count.min(bytes.len() / SHORT_LINE + 1));
    // Markdown: where the line before began in the arena, and whether a table's rows are read.
    let mut line_before = 0;
    let mut in_table = false;
    for (number, line) in lines(&source) {
        let (start, raw_end) = (line.start, line.end);
        let raw = &source[line];
        let (base, shown, link_chars) = if markdown {
            let delimiter = markdown::is_table_delimiter(raw);
            if delimiter {
                in_table = true;
                // The line before is the table's header: read again as a row.
                if let Some(header) = blocks.last_mut().filter(|b| b.line == number as u32) {
                    arena.truncate(line_before);
                    header.link_chars =
                        markdown::visible_row(&source[range(&header.raw)], &mut arena);
                    header.trimmed = trimmed_range(line_before, &arena[line_before..]);
                    arena.push('\n');
                }
            }
            in_table &= raw.contains('|');
            let at = arena.len();
            line_before = at;
            // The delimiter row stays a block as it is: rules weigh it as layout.
            let link_chars = match in_table && !delimiter {
                true => markdown::visible_row(raw, &mut arena),
                false => markdown::visible(raw, &mut arena),
            };
            (at, &arena[at..], link_chars)
        } else {
            (start, raw, 0)
        };
        let trimmed = trimmed_range(base, shown);
        if !trimmed.is_empty() {
            blocks.push(Block {
                raw: start as u32..raw_end as u32,
                trimmed,
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
    }
    let mut page = Page::new(source, InputKind::Text, encoding, lossy);
    page.blocks = blocks;
    page.arena = arena;
    page.text_in_arena = markdown;
    page
}

/// Splits text wrapped at `width` columns into blocks: a line that goes on the line before it
/// ([`wrap::continues`]) is part of that line's block. A block's text, its lines joined by a
/// space (none where a word of wide characters was broken, see [`wrap::joins_without_space`]),
/// goes into the page's arena, as a reader sees it on a `markdown` page; its raw text is its lines
/// as they are.
fn parse_wrapped<'a>(
    source: Cow<'a, str>,
    encoding: &'static Encoding,
    lossy: bool,
    width: usize,
    markdown: bool,
) -> Page<'a> {
    let mut arena = String::with_capacity(source.len());
    let mut blocks: Vec<Block> = Vec::new();
    // The lines of the block being read, joined, and the last of them if the line before was
    // not blank.
    let mut joined = String::new();
    let mut last_line: Option<&str> = None;
    for (number, line) in lines(&source) {
        let (start, raw_end) = (line.start, line.end);
        let raw = &source[line];
        let shown = trim_end_by(trim_start_by(raw, is_blank), is_blank);
        match (last_line, blocks.last_mut()) {
            _ if shown.is_empty() => last_line = None,
            (Some(before), Some(block)) if wrap::continues(before, raw, width) => {
                // A link's address has no spaces: one broken across lines goes on as it is.
                let in_address = markdown && markdown::in_link_target(&joined);
                if !in_address && !wrap::joins_without_space(before, shown, width) {
                    joined.push(' ');
                }
                joined.push_str(shown);
                block.raw.end = raw_end as u32;
                last_line = Some(raw);
            }
            _ => {
                show_last(&mut blocks, &joined, &mut arena, markdown);
                joined.clear();
                joined.push_str(shown);
                blocks.push(Block {
                    raw: start as u32..raw_end as u32,
                    trimmed: 0..0,
                    line: number as u32 + 1,
                    element: NO_ELEMENT,
                    link_chars: 0,
                    heading: false,
                    features: Features::default(),
                });
                last_line = Some(raw);
            }
        }
    }
    show_last(&mut blocks, &joined, &mut arena, markdown);
    let mut page = Page::new(source, InputKind::Text, encoding, lossy);
    page.blocks = blocks;
    page.arena = arena;
    page.text_in_arena = true;
    page
}

/// Writes the text of the last of `blocks`, its lines `joined`, to the `arena`: as it is, or as a
/// reader sees it on a `markdown` page, where a block that shows nothing (an image) is dropped.
fn show_last(blocks: &mut Vec<Block>, joined: &str, arena: &mut String, markdown: bool) {
    let Some(block) = blocks.last_mut() else {
        return;
    };
    let at = arena.len();
    if markdown {
        block.link_chars = markdown::visible(joined, arena);
        block.heading = markdown::is_heading(joined);
    } else {
        arena.push_str(joined);
    }
    block.trimmed = trimmed_range(at, &arena[at..]);
    if block.trimmed.is_empty() {
        blocks.pop();
    }
}

/// The lines of `source`: the number of each (from 0) and its range, without its line feed or a
/// carriage return before it.
pub(crate) fn lines(source: &str) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
    let mut start = 0;
    memchr::memchr_iter(b'\n', source.as_bytes())
        .chain(std::iter::once(source.len()))
        .enumerate()
        .map(move |(number, end)| {
            let line = &source[start..end];
            let range = start..start + line.strip_suffix('\r').map_or(line.len(), str::len);
            start = end + 1;
            (number, range)
        })
}

/// The range of `shown`, which starts at byte `base` of its buffer, without the blanks at its
/// edges.
fn trimmed_range(base: usize, shown: &str) -> Range<u32> {
    let trimmed = trim_end_by(trim_start_by(shown, is_blank), is_blank);
    let offset = base + (trimmed.as_ptr() as usize - shown.as_ptr() as usize);
    offset as u32..(offset + trimmed.len()) as u32
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
    fn markdown_table_rows_are_blocks_of_cells() {
        let text = "See [the standings](/s):\n\nPos. | Driver | Points\n---|---|---\n\
                    1 | [Kyle Busch](/kb) | 5040\n| 2 | Martin Truex | 5035 |\n\nAfter | the table";
        let page = parse(Cow::Borrowed(text), encoding_rs::UTF_8, false);
        let lines: Vec<(u32, &str, u32)> = page
            .blocks
            .iter()
            .map(|b| (b.line, page.text(b), b.link_chars))
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, "See the standings:", 13),
                (3, "Pos.\tDriver\tPoints", 0),
                (4, "---|---|---", 0),
                (5, "1\tKyle Busch\t5040", 10),
                (6, "2\tMartin Truex\t5035", 0),
                (8, "After | the table", 0)
            ]
        );
    }

    #[test]
    fn wrapped_markdown_paragraphs_are_blocks_as_a_reader_sees_them() {
        let paragraph = "The council approved the budget late on Tuesday after members\n\
                         argued for hours over the cost of [roads and\n\
                         schools](https://example.com/r), and supporters said the plan\n\
                         would repair what years of cuts had left undone.\n\n";
        let text = format!("![logo](/logo.png)\n\n{}", paragraph.repeat(6));
        let page = parse(Cow::Borrowed(&text), encoding_rs::UTF_8, false);
        let blocks: Vec<(u32, &str, u32)> = page
            .blocks
            .iter()
            .map(|b| (b.line, page.text(b), b.link_chars))
            .collect();
        let shown = "The council approved the budget late on Tuesday after members argued for \
                     hours over the cost of roads and schools, and supporters said the plan would \
                     repair what years of cuts had left undone.";
        assert_eq!(
            blocks,
            [3, 8, 13, 18, 23, 28]
                .map(|line| (line, shown, 17))
                .to_vec()
        );
        assert_eq!(page.raw(&page.blocks[0]), &paragraph[..paragraph.len() - 2]);
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
