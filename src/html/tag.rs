//! Markup read exactly as the HTML tokenizer reads it: a tag's attributes, a comment's end.
//!
//! The pruner finds tags with a quicker scan that treats any quote as opening a quoted value. Before
//! it drops attributes from a tag, it makes sure that the tokenizer would read the same tag the
//! same way, ending at the same `>`; these functions follow the tokenizer's states (WHATWG HTML,
//! "13.2.5 Tokenization", from the before-attribute-name state on) to tell.

use std::ops::Range;

/// How a tag ends: where (after its `>`), and whether with `/>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct TagEnd {
    pub end: usize,
    pub self_closing: bool,
}

/// White space between attributes. (The tokenizer sees a carriage return as a line feed.)
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn skip_spaces(html: &[u8], mut at: usize) -> usize {
    while html.get(at).copied().is_some_and(is_space) {
        at += 1;
    }
    at
}

/// Reads the attributes of the tag whose name ends at `from`, calling `attribute(name, text)` for
/// each, with `text` its whole source (name, `=` and value, quotes included). Returns how the tag
/// ends, or `None` when the page ends inside it (the tokenizer then drops the tag).
pub(super) fn read_attributes(
    html: &[u8],
    from: usize,
    mut attribute: impl FnMut(&[u8], Range<usize>),
) -> Option<TagEnd> {
    let mut at = from;
    loop {
        at = skip_spaces(html, at);
        match *html.get(at)? {
            b'>' => {
                return Some(TagEnd {
                    end: at + 1,
                    self_closing: false,
                });
            }
            b'/' => {
                at += 1;
                if *html.get(at)? == b'>' {
                    return Some(TagEnd {
                        end: at + 1,
                        self_closing: true,
                    });
                }
                // A `/` not before `>` separates attributes, as white space does.
                continue;
            }
            _ => {}
        }
        let start = at;
        // The name's first character is taken whatever it is, even `=`.
        at += 1;
        while html
            .get(at)
            .is_some_and(|&b| !is_space(b) && !matches!(b, b'/' | b'>' | b'='))
        {
            at += 1;
        }
        let name = start..at;
        let after_name = skip_spaces(html, at);
        if *html.get(after_name)? == b'=' {
            at = value_end(html, skip_spaces(html, after_name + 1))?;
        }
        attribute(&html[name], start..at);
    }
}

/// Where the attribute value starting at `at` ends. A missing value (`name=>`) ends at once.
fn value_end(html: &[u8], at: usize) -> Option<usize> {
    match *html.get(at)? {
        quote @ (b'"' | b'\'') => {
            memchr::memchr(quote, &html[at + 1..]).map(|close| at + 1 + close + 1)
        }
        b'>' => Some(at),
        _ => {
            let end = at + html[at..].iter().position(|&b| is_space(b) || b == b'>')?;
            Some(end)
        }
    }
}

/// Where the comment whose `<!--` starts at `start` ends (after its `>`): at the first `-->` or
/// `--!>`, except that `<!-->` and `<!--->` are whole (empty) comments.
pub(super) fn comment_end(html: &[u8], start: usize) -> usize {
    let body = start + 4;
    let rest = &html[body.min(html.len())..];
    if rest.starts_with(b">") {
        return body + 1;
    }
    if rest.starts_with(b"->") {
        return body + 2;
    }
    let closing = memchr::memmem::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
    // A `--!>` counts only before the `-->`: looking no further keeps the search linear.
    match memchr::memmem::find(&rest[..closing], b"--!>") {
        Some(e) => body + e + 4,
        None => (body + closing).min(html.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attributes of `<x…` as (name, text), and how the tag ends.
    fn read(tag: &str) -> (Vec<(String, String)>, Option<TagEnd>) {
        let mut found = Vec::new();
        let end = read_attributes(tag.as_bytes(), 2, |name, text| {
            found.push((
                String::from_utf8_lossy(name).into_owned(),
                tag[text].to_string(),
            ))
        });
        (found, end)
    }

    fn names(tag: &str) -> Vec<String> {
        read(tag).0.into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn reads_quoted_unquoted_and_bare_attributes() {
        let (found, end) = read(r#"<x a="1 > 2" b='q"' c=d e f = "g">tail"#);
        assert_eq!(
            found,
            [
                ("a", r#"a="1 > 2""#),
                ("b", r#"b='q"'"#),
                ("c", "c=d"),
                ("e", "e"),
                ("f", r#"f = "g""#)
            ]
            .map(|(n, t)| (n.to_string(), t.to_string()))
        );
        assert_eq!(
            end,
            Some(TagEnd {
                end: 34,
                self_closing: false
            })
        );
    }

    #[test]
    fn slashes_and_odd_characters_are_read_as_the_tokenizer_does() {
        assert!(read("<x a=b/>").1.is_some_and(|e| !e.self_closing));
        assert!(read("<x a=\"b\"/>").1.is_some_and(|e| e.self_closing));
        assert!(read("<x/>").1.is_some_and(|e| e.self_closing));
        assert_eq!(names("<x a/b>"), ["a", "b"]);
        assert_eq!(names("<x =a b\"c=d>"), ["=a", "b\"c"]);
        assert_eq!(names("<x a=\"1\"b=2>"), ["a", "b"]);
        assert_eq!(names("<x a=it's>"), ["a"]);
        assert_eq!(read("<x a=>").1.map(|e| e.end), Some(6));
    }

    #[test]
    fn a_page_ending_inside_a_tag_has_no_tag() {
        for tag in ["<x a", "<x a=", "<x a=\"b", "<x a=b", "<x a /"] {
            assert_eq!(read(tag).1, None, "{tag}");
        }
    }

    #[test]
    fn comments_end_as_the_tokenizer_ends_them() {
        let end = |html: &str| comment_end(html.as_bytes(), 0);
        assert_eq!(end("<!-- a -->b"), 10);
        assert_eq!(end("<!-->b-->"), 5);
        assert_eq!(end("<!--->b-->"), 6);
        assert_eq!(end("<!---->b"), 7);
        assert_eq!(end("<!-- a --!> b -->"), 11);
        assert_eq!(end("<!-- a"), 6);
        assert_eq!(end("<!--"), 4);
    }
}
