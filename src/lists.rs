//! Lists and tables without markup: consecutive lines built alike.
//!
//! A tour's dates, a season's calendar or a results table, dumped to plain text, lose their
//! bullets and their table; what still marks them as one list is that the lines are built alike:
//! * every line opens the same way: `June 9 – West Palm Beach, FL`, `June 10 – Tampa, FL`;
//!   `1a etapa: 10 de março`, `2a etapa: 8 de abril`. That opening, up to the first separator
//!   (a dash, a colon, `@` or `|`), written as its shape (letters `a`, digits `9`, one space for
//!   any run of white space, punctuation as it is), is a line's lead. Only leads holding a
//!   number count: dates, ranks and scores are what such lists are made of, while headlines and
//!   menu items rarely open alike with one;
//! * or every line is a table row: three cells or more, apart by runs of two spaces or more (as
//!   a text dump pads columns), by tabs (as the HTML reader joins a row's cells) or by `|` (as
//!   Markdown writes tables), the same number of cells on each line. A line of cells is read as
//!   a row before its opening is read as a lead (`Hyundai   121,000   -500` is no lead). A run
//!   of rows counts when most of them hold a number cell (standings, statistics), which the
//!   grids of links of a page layout do not.
//!
//! It also reads the number a numbered item opens with (`item_number`), which tells whether
//! items with other lines between them still make one list.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// The number a numbered list item opens with (`1)`, `2.`, `(3)`, `[4]`), if it opens with one
/// of at most four digits.
pub(crate) fn item_number(text: &str) -> Option<u32> {
    let rest = text.trim_start().trim_start_matches(['(', '[']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    rest[..digits].parse().ok()
}

/// The most characters before the separator that a lead may hold.
const MAX_LEAD_CHARS: usize = 24;

/// The most characters a shape may hold: a few words and numbers.
const MAX_SHAPE_CHARS: usize = 8;

/// How a line is built, as far as lists without markup go (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// The shape of the line's opening, up to and including its first separator.
    Lead(LeadShape),
    /// A table row of this many cells.
    Row(usize),
}

/// The shape of a line's opening: the class of each character (`a`, `9`, ` ` or the
/// punctuation itself), runs of the same letter, digit or space class as one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct LeadShape {
    chars: [char; MAX_SHAPE_CHARS],
    len: usize,
}

impl LeadShape {
    fn classes(&self) -> &[char] {
        &self.chars[..self.len]
    }
}

/// The fewest cells a table row holds.
const MIN_CELLS: usize = 3;

/// The [`Shape`] of `text`, if it has one: its row, else its lead; and whether it is a row
/// holding a number.
fn shape(text: &str) -> Option<(Shape, bool)> {
    match row_cells(text) {
        Some((cells, numeric)) => Some((Shape::Row(cells), numeric)),
        None => lead_shape(text).map(|lead| (Shape::Lead(lead), false)),
    }
}

/// The number of cells of `text` as a table row (see the module documentation), and whether
/// one of them is a number.
fn row_cells(text: &str) -> Option<(usize, bool)> {
    static GAP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("  "));
    let text = text.trim();
    let bytes = text.as_bytes();
    // The cell boundaries, each found once: runs of spaces, and tabs or `|`.
    let mut gaps = GAP.find_iter(bytes).peekable();
    let mut delimiters = memchr::memchr2_iter(b'\t', b'|', bytes).peekable();
    if gaps.peek().is_none() && delimiters.peek().is_none() {
        return None;
    }
    let mut cells = 0;
    let mut numeric = false;
    let mut from = 0;
    while from <= bytes.len() {
        while gaps.next_if(|&at| at < from).is_some() {}
        while delimiters.next_if(|&at| at < from).is_some() {}
        let (at, len) = match (gaps.peek(), delimiters.peek()) {
            (Some(&gap), Some(&delimiter)) if delimiter < gap => (delimiter, 1),
            (Some(&gap), _) => (gap, 2),
            (None, Some(&delimiter)) => (delimiter, 1),
            (None, None) => (bytes.len(), 1),
        };
        let cell = &text[from..at];
        from = at + len;
        let cell = cell.trim_matches(|c: char| c.is_whitespace());
        if cell.is_empty() {
            continue;
        }
        cells += 1;
        numeric |= cell.chars().next().is_some_and(|c| c.is_ascii_digit())
            && cell
                .chars()
                .all(|c| c.is_ascii_digit() || ".,%:+-".contains(c));
    }
    (cells >= MIN_CELLS).then_some((cells, numeric))
}

/// The shape of the opening of `text`, up to and including its first separator, when that
/// opening is short and holds a number (see the module documentation).
fn lead_shape(text: &str) -> Option<LeadShape> {
    let text = text.trim_start();
    let head = &text.as_bytes()[..text.len().min(4 * MAX_LEAD_CHARS)];
    // Most lines have no separator or no number near their start: a look at the bytes says so,
    // in one pass without early exit, which the compiler turns into vector instructions. The
    // last bytes of `–`, `—` and `：` stand for them.
    // The first byte of a full-width digit tells whether to look for one.
    let (mut separator, mut digit, mut wide) = (false, false, false);
    for &b in head {
        separator |= matches!(b, b':' | b'@' | b'|' | b'-' | 0x93 | 0x94 | 0x9a);
        digit |= b.is_ascii_digit();
        wide |= b == 0xef;
    }
    if !separator || !(digit || (wide && has_fullwidth_digit(head))) {
        return None;
    }
    let mut shape = LeadShape::default();
    let mut previous = None;
    for (n, c) in text.chars().enumerate() {
        if n > MAX_LEAD_CHARS {
            return None;
        }
        let is_separator = matches!(c, '–' | '—' | ':' | '：' | '@' | '|')
            || (c == '-' && previous.is_some_and(char::is_whitespace));
        let class = if c.is_alphabetic() {
            'a'
        } else if c.is_numeric() {
            '9'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        let previous_class = shape.classes().last().copied();
        if !(matches!(class, 'a' | '9' | ' ') && previous_class == Some(class)) {
            if shape.len == MAX_SHAPE_CHARS {
                return None;
            }
            shape.chars[shape.len] = class;
            shape.len += 1;
        }
        if is_separator {
            return shape.classes().contains(&'9').then_some(shape);
        }
        previous = Some(c);
    }
    None
}

/// Whether `bytes` hold a full-width digit (`０`…`９`, U+FF10…U+FF19).
fn has_fullwidth_digit(bytes: &[u8]) -> bool {
    bytes
        .windows(3)
        .any(|w| w[0] == 0xef && w[1] == 0xbc && (0x90..=0x99).contains(&w[2]))
}

/// The run of at least `min_len` consecutive lines that starts at line `start` and shares its
/// shape (see the module documentation), as an index range; `None` when the line before has the
/// same shape (the run starts earlier). `text` gives each line, `None` past the last. A run of
/// table rows ends at its last row holding a number, and counts only when most of its rows do.
pub fn shaped_run<'t>(
    text: impl Fn(usize) -> Option<&'t str>,
    start: usize,
    min_len: usize,
) -> Option<Range<usize>> {
    let (first, holds_number) = shape(text(start)?)?;
    if start > 0
        && text(start - 1)
            .and_then(shape)
            .is_some_and(|(s, _)| s == first)
    {
        return None;
    }
    // How many rows hold a number, and where the last of them ends (`start` when none does),
    // noted as the run is found.
    let mut numeric = usize::from(holds_number);
    let mut numeric_end = start + numeric;
    let mut end = start + 1;
    while let Some((s, holds_number)) = text(end).and_then(shape) {
        if s != first {
            break;
        }
        end += 1;
        if holds_number {
            numeric += 1;
            numeric_end = end;
        }
    }
    if matches!(first, Shape::Row(_)) {
        end = if 2 * numeric > numeric_end - start {
            numeric_end
        } else {
            start
        };
    }
    (end - start >= min_len).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_number_an_item_opens_with() {
        assert_eq!(item_number("1) Lego Star Wars"), Some(1));
        assert_eq!(item_number("  (12) Magnum P.I."), Some(12));
        assert_eq!(item_number("[3] Notes"), Some(3));
        assert_eq!(item_number("• Bullet"), None);
        assert_eq!(item_number("20250101 archive"), None);
    }

    fn shown(text: &str) -> Option<String> {
        lead_shape(text).map(|shape| shape.classes().iter().collect())
    }

    #[test]
    fn leads_with_numbers_have_shapes() {
        assert_eq!(
            shown("June 9 – West Palm Beach, FL").as_deref(),
            Some("a 9 –")
        );
        assert_eq!(shown("June 10 -- Tampa, FL").as_deref(), Some("a 9 -"));
        assert_eq!(shown("1a etapa: 10 de março").as_deref(), Some("9a a:"));
        assert_eq!(shown("12a etapa: 9 de dezembro").as_deref(), Some("9a a:"));
        assert_eq!(shown("3월 5일 - 서울").as_deref(), Some("9a 9a -"));
        assert_eq!(shown("６月９日：東京").as_deref(), Some("9a9a："));
    }

    #[test]
    fn leads_without_numbers_or_separators_have_none() {
        assert_eq!(lead_shape("Related: more stories"), None);
        assert_eq!(
            lead_shape("A headline about 2020 without a separator"),
            None
        );
        assert_eq!(lead_shape("Well-known facts"), None);
        assert_eq!(
            lead_shape("In 2019 the company, its owners and its many lenders agreed: no"),
            None
        );
    }

    #[test]
    fn table_rows_have_cells() {
        assert_eq!(
            shape("1     Kyle Busch      5040    5   1   17"),
            Some((Shape::Row(6), true))
        );
        assert_eq!(
            shape("Pos.  Piloto   Pontos  Vitórias  Poles"),
            Some((Shape::Row(5), false))
        );
        assert_eq!(shape("1\tKyle Busch\t5040\t5"), Some((Shape::Row(4), true)));
        assert_eq!(
            shape("| 1 | Kyle Busch | 5040 | 5 |"),
            Some((Shape::Row(4), true))
        );
        assert_eq!(shape("---|---|---"), Some((Shape::Row(3), false)));
        assert_eq!(
            shape("Hyundai      121,000      -500     -0.41%"),
            Some((Shape::Row(4), true))
        );
        assert_eq!(shape("Two  cells"), None);
        assert_eq!(shape("Two\tcells"), None);
        assert_eq!(
            shape("A sentence with single spaces only, and more words."),
            None
        );
    }

    #[test]
    fn runs_of_numeric_table_rows_are_found() {
        let rows = [
            "Pos.  Driver         Points  Wins",
            "1     Kyle Busch     5040    5",
            "2     Martin Truex   5035    7",
            "3     Kevin Harvick  5033    4",
            "Home  News  Sport  Weather",
            "Video  Photos  Opinion  Podcasts",
            "Contact  About  Careers  Advertise",
        ];
        assert_eq!(shaped_run(|i| rows.get(i).copied(), 0, 3), Some(0..4));
        assert_eq!(
            shaped_run(|i| rows.get(i).copied(), 1, 3),
            None,
            "the run starts at the header"
        );
        assert_eq!(
            shaped_run(|i| rows.get(i).copied(), 4, 3),
            None,
            "no row of figures"
        );
    }

    #[test]
    fn runs_of_lines_opening_alike_are_found() {
        let lines = [
            "Tour dates",
            "June 9 – West Palm Beach, FL",
            "June 10 – Tampa, FL",
            "July 2 – Uncasville, CT",
            "Read more: 5 things",
            "1a etapa: Interlagos",
            "2a etapa: Curitiba",
        ];
        assert_eq!(shaped_run(|i| lines.get(i).copied(), 1, 3), Some(1..4));
        assert_eq!(shaped_run(|i| lines.get(i).copied(), 0, 3), None);
        assert_eq!(shaped_run(|i| lines.get(i).copied(), 5, 3), None);
        assert_eq!(shaped_run(|i| lines.get(i).copied(), 5, 2), Some(5..7));
    }
}
