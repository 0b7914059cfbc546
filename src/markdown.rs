//! Markdown inline markup in plain-text pages, as scrapers that write Markdown leave it:
//! `[text](target)` links, `![alt](image)` images, `## ` headings, `**` and `_` emphasis, and
//! `\_` escapes. Gives the text a reader sees of each line, and how much of it is link text, so that
//! rules judge `* [World](https://example.com/world)` as the one-word link it is, not as a long
//! line of text. The rows of a table (`1 | Kyle Busch | 5040`, under a `---|---|---` delimiter
//! row) show their cells apart by tabs, as the HTML reader gives a table's rows.

use std::sync::LazyLock;

use regex::Regex;

/// A link or image target: `(url)` or `(url "title")`, the url without spaces, with at most
/// one level of parentheses.
const TARGET: &str = r#"\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)"#;

/// `![alt](image)`: shows nothing (an HTML image is not text either). The alternative text may
/// hold escaped brackets (`![A lander \[NASA\]](…)`).
static IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"!\[(?:[^\]\\\n]|\\.)*\]{TARGET}")).expect("image pattern is valid")
});

/// `[text](target)`: shows its text, which may hold escaped brackets.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\[((?:[^\[\]\\\n]|\\.)*)\]{TARGET}")).expect("link pattern is valid")
});

/// `text](target)` opening a line: the end of a link whose text began on an earlier line (some
/// converters keep the line breaks of a link around a picture).
static LINK_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(\s*)([^\[\]\n]*)\]{TARGET}")).expect("link tail pattern is valid")
});

/// `[text` ending a line: the start of a link whose target comes on a later line.
static LINK_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]\n]*)$").expect("link head pattern is valid"));

/// Whether `text` holds a Markdown link or image; only then is a page read as Markdown.
pub fn has_links(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"](").is_some() && LINK.is_match(text)
}

/// Whether `text` ends inside the address of a link: after a `](` that no `)` has closed.
pub(crate) fn in_link_target(text: &str) -> bool {
    text.rfind("](")
        .is_some_and(|open| !text[open..].contains(')'))
}

/// Appends the text a reader sees of `line`, one line of a Markdown page, to `out`: images
/// removed, links replaced by their text, a heading's `#`s, emphasis delimiters and escaping
/// backslashes left out. Returns how many of the characters appended are link text.
pub fn visible(line: &str, out: &mut String) -> u32 {
    if !line.contains(['[', ']', '#', '*', '_', '\\']) {
        out.push_str(line);
        return 0;
    }
    let line = without_heading_marks(line);
    let line = IMAGE.replace_all(line, "");
    let mut rest: &str = &line;
    let mut link_chars = 0;
    if let Some(tail) = LINK_TAIL.captures(rest) {
        push_plain(&tail[1], out);
        link_chars += push_plain(&tail[2], out);
        rest = &rest[tail.get(0).map_or(0, |m| m.end())..];
    }
    let head = LINK_HEAD
        .captures(rest)
        .and_then(|c| c.get(0).zip(c.get(1)));
    let body = head.map_or(rest, |(whole, _)| &rest[..whole.start()]);
    let mut at = 0;
    for link in LINK.captures_iter(body) {
        let (whole, text) = (link.get(0).unwrap_or_else(|| unreachable!()), &link[1]);
        push_plain(&body[at..whole.start()], out);
        link_chars += push_plain(text, out);
        at = whole.end();
    }
    push_plain(&body[at..], out);
    if let Some((_, text)) = head {
        link_chars += push_plain(text.as_str(), out);
    }
    link_chars
}

/// Whether `line` is the delimiter row under a Markdown table's header (`---|:---:|---`): pipes,
/// dashes, colons and blanks only, with a pipe and three dashes at least.
pub fn is_table_delimiter(line: &str) -> bool {
    let bytes = line.trim().as_bytes();
    bytes.contains(&b'|')
        && bytes.iter().filter(|&&b| b == b'-').count() >= 3
        && bytes
            .iter()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// Appends the text a reader sees of `line`, a row of a Markdown table, to `out`: the text of
/// each cell that shows some (see [`visible`]), apart by tabs. Cells are apart by `|` that is not
/// escaped; the pipes at the edges of the row enclose no cell. Returns how many of the
/// characters appended are link text.
pub fn visible_row(line: &str, out: &mut String) -> u32 {
    let mut link_chars = 0;
    let mut shown = false;
    for cell in cells(line) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let at = out.len();
        if shown {
            out.push('\t');
        }
        let links = visible(cell, out);
        if out.len() == at + usize::from(shown) {
            // Nothing to see (an image): no cell, and no tab before it.
            out.truncate(at);
            continue;
        }
        link_chars += links;
        shown = true;
    }
    link_chars
}

/// The pieces of `line` between `|` that is not escaped by a backslash.
fn cells(line: &str) -> impl Iterator<Item = &str> {
    let bytes = line.as_bytes();
    let (mut from, mut at) = (0, 0);
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while at < bytes.len() {
            match bytes[at] {
                b'\\' => at += 2,
                b'|' => {
                    let cell = &line[from..at];
                    at += 1;
                    from = at;
                    return Some(cell);
                }
                _ => at += 1,
            }
        }
        done = true;
        Some(&line[from..])
    })
}

/// Whether `line` is a Markdown heading: `#` to `######` and a space open it.
pub fn is_heading(line: &str) -> bool {
    heading_text(line).is_some()
}

/// `line` without the `#`s and space that open a Markdown heading.
fn without_heading_marks(line: &str) -> &str {
    heading_text(line).unwrap_or(line)
}

/// The text of `line` after the `#` to `######` and space that open it, if it is a heading.
fn heading_text(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    trimmed[hashes..]
        .strip_prefix([' ', '\t'])
        .filter(|_| (1..=6).contains(&hashes))
}

/// Appends `text` without emphasis delimiters and with `\` escapes resolved; returns the
/// characters appended.
///
/// A run of `*` is a delimiter unless white space (or the line's edge) is on both sides of it,
/// as for a bullet (`* item`) or a product (`2 * 3`). A run of `_` is one when it opens
/// emphasis (text follows it, and it follows a space, punctuation or the start) or closes it
/// (the mirror case), so that a `snake_case` word keeps its own.
fn push_plain(text: &str, out: &mut String) -> u32 {
    let bytes = text.as_bytes();
    let blank = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let edge = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation());
    let mut count = 0;
    // Text is copied in spans between markup, which is ASCII only: `copied` is where the span
    // not yet copied starts.
    let mut copied = 0;
    let mut flush = |span: &str, out: &mut String| {
        out.push_str(span);
        count += span.chars().count() as u32;
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' && bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
            flush(&text[copied..i], out);
            copied = i + 1;
            i += 2;
        } else if b == b'*' || b == b'_' {
            let end = i + bytes[i..].iter().take_while(|&&d| d == b).count();
            let (before, after) = (text[..i].chars().next_back(), text[end..].chars().next());
            let delimiter = if b == b'*' {
                !(blank(before) && blank(after))
            } else {
                (!blank(after) && edge(before)) || (!blank(before) && edge(after))
            };
            if delimiter {
                flush(&text[copied..i], out);
                copied = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    flush(&text[copied..], out);
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(line: &str) -> (String, u32) {
        let mut out = String::new();
        let links = visible(line, &mut out);
        (out, links)
    }

    #[test]
    fn links_show_their_text_and_count_as_links() {
        assert_eq!(
            seen("  * [World](https://example.com/world?id=1)"),
            ("  * World".to_string(), 5)
        );
        assert_eq!(
            seen(r#"Rates rose, [the Fed](https://fed.gov/a_(b) "Fed") said."#),
            ("Rates rose, the Fed said.".to_string(), 7)
        );
        assert_eq!(
            seen("[Subscribe](/s)[Sign In](/login)"),
            ("SubscribeSign In".to_string(), 16)
        );
    }

    #[test]
    fn images_show_nothing_even_inside_links() {
        assert_eq!(seen("![Photo](/a.jpg)"), (String::new(), 0));
        assert_eq!(seen("[![Logo](/logo.png)](/)"), (String::new(), 0));
        assert_eq!(
            seen("Text ![x](/x.png \"t\") more"),
            ("Text  more".to_string(), 0)
        );
        assert_eq!(
            seen(r"![A lunar lander \[SpaceX via NASA\]](/lander.jpg)"),
            (String::new(), 0)
        );
        assert_eq!(
            seen(r"[Results \[PDF\]](/results.pdf)"),
            ("Results [PDF]".to_string(), 13)
        );
    }

    #[test]
    fn headings_emphasis_and_escapes_are_markup() {
        assert_eq!(seen("## Most **Popular**").0, "Most Popular");
        assert_eq!(seen(r"1\. Step \- one \_x\_").0, "1. Step - one _x_");
        assert_eq!(
            seen("The _Star Trek_ film, (_Deadline_). *Note*").0,
            "The Star Trek film, (Deadline). Note"
        );
        assert_eq!(
            seen("* item: 2 * 3 = snake_case_name").0,
            "* item: 2 * 3 = snake_case_name"
        );
        assert_eq!(seen("#hashtag and # alone").0, "#hashtag and # alone");
        assert_eq!(seen("####### seven").0, "####### seven");
    }

    #[test]
    fn links_broken_over_lines_show_their_text() {
        assert_eq!(
            seen("  **Storm closes the road***Waves hit.*](https://e.com/a \"t\")[![](/x.gif)"),
            ("  Storm closes the roadWaves hit.".to_string(), 31)
        );
        assert_eq!(
            seen("Facebook](https://facebook.com/share?u=1)0"),
            ("Facebook0".to_string(), 8)
        );
        assert_eq!(seen("Read [more"), ("Read more".to_string(), 4));
    }

    #[test]
    fn table_rows_show_their_cells_apart_by_tabs() {
        let row = |line: &str| {
            let mut out = String::new();
            let links = visible_row(line, &mut out);
            (out, links)
        };
        assert_eq!(
            row("| 1 | **Kyle** Busch | 5040 |"),
            ("1\tKyle Busch\t5040".into(), 0)
        );
        assert_eq!(
            row("2 | [Martin](/m) | | 5035"),
            ("2\tMartin\t5035".into(), 6)
        );
        assert_eq!(
            row("![](/flag.png) | Ryan \\| Blaney | 5"),
            ("Ryan | Blaney\t5".into(), 0)
        );
        assert!(is_table_delimiter("---|:---:|---"));
        assert!(is_table_delimiter(" | --- | --- | "));
        assert!(!is_table_delimiter("---"));
        assert!(!is_table_delimiter("a | --- | ---"));
    }

    #[test]
    fn a_text_may_end_inside_a_link_address() {
        assert!(in_link_target("see [the plan](https://example.com/roads-"));
        assert!(!in_link_target(
            "see [the plan](https://example.com/roads) and"
        ));
        assert!(!in_link_target("no links [here]"));
    }

    #[test]
    fn brackets_that_are_not_links_stay() {
        assert_eq!(
            seen("[Video] Storm hits (Reuters)").0,
            "[Video] Storm hits (Reuters)"
        );
        assert_eq!(seen("a [b](c d) e").0, "a [b](c d) e");
        assert!(!has_links("[Video] Storm hits (Reuters)\nsee [1]"));
        assert!(has_links("intro\n* [Home](/)\n"));
    }
}
