//! Before parsing, the page loses what the cleaner would ignore anyway, and absurd nesting.
//!
//! * Scripts (other than JSON-LD), styles, `noscript`, iframes and text areas give no text, yet
//!   often make half of a news page's bytes, which the tokenizer would go through character by
//!   character. Their contents are cut (the tags stay, so the page's structure does not change).
//! * The tree builder checks its stack of open elements at every start tag, so a page that opens
//!   tens of thousands of elements without closing them costs time in the square of its depth
//!   (100,000 nested `<div>`s: 40 s). Real pages stay far below [`MAX_DEPTH`]; start tags beyond
//!   it (and their end tags) are cut, and their text stays.
//!
//! One linear scan of the tags finds both and copies the page without them.

use std::borrow::Cow;

/// Deepest nesting of elements passed to the tree builder.
pub(super) const MAX_DEPTH: usize = 1024;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements the parser closes by itself when a sibling starts: they do not nest.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rp",
];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];
/// Raw-text elements whose content the cleaner never reads (a `script` is kept when it holds
/// JSON-LD).
const IGNORED: &[&str] = &[
    "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// What one scan of a page found.
struct Scan {
    /// The deepest nesting of elements.
    deepest: usize,
    /// Bytes of ignored raw-text content.
    ignored: usize,
}

/// `html` without the contents of ignored elements and without the start tags nested deeper
/// than [`MAX_DEPTH`] (and their end tags); the page itself, not copied, when it has neither.
pub(super) fn prune(html: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(html.len());
    let scan = walk(html, Some(&mut out));
    if scan.deepest <= MAX_DEPTH && scan.ignored == 0 {
        Cow::Borrowed(html)
    } else {
        Cow::Owned(out)
    }
}

/// Walks the tags of `html`. With `out`, copies the page to it, leaving out the contents of
/// ignored elements and the tags beyond [`MAX_DEPTH`].
fn walk(html: &str, mut out: Option<&mut String>) -> Scan {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut dropped, mut ignored) = (0usize, 0usize, 0usize, 0usize);
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let Some(tag) = Tag::read(html, start) else {
            at = start + 1;
            continue;
        };
        let counted = !is_one_of(tag.name, VOID) && !is_one_of(tag.name, SELF_CLOSING);
        let mut drop = false;
        match tag.kind {
            Kind::Start if counted && !tag.self_closed => {
                depth += 1;
                deepest = deepest.max(depth);
                if depth > MAX_DEPTH {
                    dropped += 1;
                    drop = true;
                }
            }
            Kind::End if counted => {
                if dropped > 0 {
                    dropped -= 1;
                    drop = true;
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        if let Some(out) = out.as_deref_mut()
            && drop
        {
            out.push_str(&html[copied..start]);
            copied = tag.end;
        }
        at = tag.end;
        if tag.kind == Kind::Start && is_one_of(tag.name, RAW_TEXT) {
            let content_end = raw_text_end(html, at, tag.name);
            let json_ld = || {
                html[start..tag.end]
                    .to_ascii_lowercase()
                    .contains("ld+json")
            };
            if content_end > at && is_one_of(tag.name, IGNORED) && !json_ld() {
                ignored += content_end - at;
                if let Some(out) = out.as_deref_mut() {
                    out.push_str(&html[copied..at]);
                    copied = content_end;
                }
            }
            at = content_end;
        }
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    Scan { deepest, ignored }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    End,
    Other,
}

/// Whether `name` is one of `names`, ignoring ASCII case.
fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// A tag: its kind, its name as written, whether it ends with `/>`, and where it ends.
struct Tag<'h> {
    kind: Kind,
    name: &'h str,
    self_closed: bool,
    end: usize,
}

impl<'h> Tag<'h> {
    /// Reads the tag starting with the `<` at `start`, or `None` when that `<` is text.
    fn read(html: &'h str, start: usize) -> Option<Tag<'h>> {
        let rest = &html[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            let end = comment
                .find("-->")
                .map_or(html.len(), |e| start + 4 + e + 3);
            return Some(Tag {
                kind: Kind::Other,
                name: "",
                self_closed: false,
                end,
            });
        }
        if rest.starts_with(['!', '?']) {
            let end = rest.find('>').map_or(html.len(), |e| start + 1 + e + 1);
            return Some(Tag {
                kind: Kind::Other,
                name: "",
                self_closed: false,
                end,
            });
        }
        let (kind, name_start) = match rest.strip_prefix('/') {
            Some(after) => (Kind::End, after),
            None => (Kind::Start, rest),
        };
        if !name_start.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name_len = name_start
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(name_start.len());
        let name = &name_start[..name_len];
        let attributes_at = html.len() - name_start.len() + name_len;
        let (end, self_closed) = tag_end(html, attributes_at);
        Some(Tag {
            kind,
            name,
            self_closed,
            end,
        })
    }
}

/// Where the tag whose attributes start at `from` ends (after its `>`), honouring quoted
/// attribute values, and whether it ends with `/>`.
fn tag_end(html: &str, from: usize) -> (usize, bool) {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr::memchr3(b'>', b'"', b'\'', &bytes[at..]) {
        let i = at + offset;
        match bytes[i] {
            b'>' => return (i + 1, i > from && bytes[i - 1] == b'/'),
            quote => match memchr::memchr(quote, &bytes[i + 1..]) {
                Some(close) => at = i + 1 + close + 1,
                None => break,
            },
        }
    }
    (html.len(), false)
}

/// Where the raw text of a `name` element that starts at `from` ends: at its end tag.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    memchr::memmem::find_iter(&bytes[from..], b"</")
        .map(|e| from + e)
        .find(|&e| {
            bytes
                .get(e + 2..e + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        })
        .unwrap_or(html.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_with_nothing_to_cut_are_not_copied() {
        let html = "<html><body><div class='a>b'><p>one<p>two<br><img src=x></div><script></script></body></html>";
        assert!(matches!(prune(html), Cow::Borrowed(_)));
        assert_eq!(walk(html, None).deepest, 3);
    }

    #[test]
    fn ignored_contents_are_cut_and_json_ld_kept() {
        let html = r#"<head><title>T <b></title><style>p { x: "</p>" }</style>
            <script type="application/ld+json">{"headline": "H"}</script></head>
            <body><SCRIPT>if (a<b) { document.write("<div>") }</SCRIPT><p>text</p><noscript><img></noscript></body>"#;
        let pruned = prune(html);
        assert!(pruned.contains("<title>T <b></title>"), "{pruned}");
        assert!(
            pruned.contains("<style></style>")
                && pruned.contains("<SCRIPT></SCRIPT>")
                && pruned.contains("<noscript></noscript>")
        );
        assert!(pruned.contains(r#"{"headline": "H"}"#) && pruned.contains("<p>text</p>"));
    }

    #[test]
    fn tags_beyond_the_limit_are_dropped_and_text_kept() {
        let n = MAX_DEPTH + 10;
        let html = format!(
            "{}deep{}<p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let limited = prune(&html);
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        assert!(limited.contains("deep") && limited.ends_with("<p>after</p>"));
    }

    #[test]
    fn comments_and_raw_text_hide_their_tags() {
        let inner = "<div>".repeat(MAX_DEPTH + 5);
        let html = format!("<!--{inner}--><script>{inner}</script><textarea>{inner}</TEXTAREA>");
        // The comment's tags stay, untouched: they do not nest. The raw text is cut.
        assert_eq!(prune(&html).matches("<div>").count(), MAX_DEPTH + 5);
    }
}
