//! Before parsing, the page loses what the cleaner would ignore anyway, and absurd nesting.
//!
//! * Scripts (other than JSON-LD), styles, `noscript`, iframes and text areas give no text, yet
//!   often make half of a news page's bytes, which the tokenizer would go through character by
//!   character. Their contents are cut (the tags stay, so the page's structure does not change).
//! * The tree builder checks its stack of open elements at every start tag, so a page that opens
//!   tens of thousands of elements without closing them costs time in the square of its depth
//!   (100,000 nested `<div>`s: 40 s). Real pages stay far below [`MAX_DEPTH`]; start tags beyond
//!   it (and their end tags) are cut, and their text stays.
//! * Attributes that neither the walk nor the tree builder reads (see [`is_read`]: links, image
//!   sources, event handlers, `data-*`, SVG paths) make most of what is left, and the tokenizer
//!   reads attribute names one character at a time. They are dropped from start tags, but only
//!   while the scan is sure to read the page as the tokenizer does (see [`super::tag`]): from
//!   markup it might read otherwise (a comment closed by `--!>`, CDATA, `</` not before a tag
//!   name, `<plaintext>` …) on, attributes stay.
//! * The tokenizer hands each line break of the text to the tree builder as a token of its own,
//!   and the walk collapses white space anyway. While the scan reads the page as the tokenizer
//!   does, and until a `<pre>` (or `<listing>`), where line breaks count, each run of white space
//!   with a line break in the text becomes one space.
//!
//! One linear scan of the tags finds all this and copies the page without it into the buffer the
//! parser reads.

use html5ever::tendril::StrTendril;

use super::tag::{self, TagEnd};

/// Deepest nesting of elements passed to the tree builder.
pub(super) const MAX_DEPTH: usize = 1024;

/// Whether elements named `name` (in lower case) nest: not those that never have content, nor
/// those the parser closes by itself when a sibling starts.
fn nests(name: &[u8]) -> bool {
    !matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"option"
            | b"optgroup"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"rb"
            | b"rt"
            | b"rp"
    )
}

/// Whether the content of a `name` element is raw text up to its end tag.
fn is_raw_text(name: &[u8]) -> bool {
    name == b"title" || is_ignored(name)
}

/// Whether the content of a `name` element is raw text the cleaner never reads (a `script` is
/// kept when it holds JSON-LD).
fn is_ignored(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"textarea"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"noscript"
    )
}

/// Whether an attribute named `name` (in lower case) is read, and kept. The walk reads the
/// class, id, role and itemprop tokens of elements, `hidden` and `style` (hidden elements), a
/// script's `type` (JSON-LD), and a `<meta>`'s `property`, `name`, `itemprop` and `content`; the
/// tree builder reads an input's `type`, a `<font>`'s `color`, `face` and `size` (they end SVG and
/// MathML content), a `<meta>`'s `charset`, `http-equiv` and `content`, a MathML `encoding` and a
/// template's `shadowrootmode`.
fn is_read(name: &[u8]) -> bool {
    matches!(
        name,
        b"class"
            | b"id"
            | b"role"
            | b"itemprop"
            | b"hidden"
            | b"style"
            | b"type"
            | b"property"
            | b"name"
            | b"content"
            | b"color"
            | b"face"
            | b"size"
            | b"charset"
            | b"http-equiv"
            | b"encoding"
            | b"shadowrootmode"
    )
}

/// A name in lower case, as far as the lists above need it: a longer name is none of theirs.
struct Lower {
    bytes: [u8; 16],
    len: usize,
}

impl Lower {
    fn of(name: &[u8]) -> Lower {
        let mut lower = Lower {
            bytes: [0; 16],
            len: 0,
        };
        if name.len() <= lower.bytes.len() {
            lower.len = name.len();
            for (to, from) in lower.bytes.iter_mut().zip(name) {
                *to = from.to_ascii_lowercase();
            }
        }
        lower
    }

    fn get(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// A pruned page, and what the scan counted of it: enough to size the parser's tree and the
/// page's text buffer up front, rather than growing them copy by copy.
pub(super) struct Pruned {
    pub html: StrTendril,
    /// Tags and comments.
    pub tags: usize,
    /// Bytes outside tags, comments and raw text: at most the length of the page's text.
    pub text: usize,
}

/// `html` without the contents of ignored elements and without the start tags nested deeper
/// than [`MAX_DEPTH`] (and their end tags); with `slim`, also without the attributes nothing
/// reads.
pub(super) fn prune(html: &str, slim: bool) -> Pruned {
    let mut pruner = Pruner {
        html,
        out: String::with_capacity(html.len()),
        copied: 0,
        depth: 0,
        dropped: 0,
        slim,
        preformatted: false,
        maybe_foreign: false,
        kept: Vec::new(),
        tags: 0,
        text: 0,
    };
    pruner.run();
    Pruned {
        // One copy into the parser's buffer: pushing piece by piece onto it costs far more.
        html: StrTendril::from_slice(&pruner.out),
        tags: pruner.tags,
        text: pruner.text,
    }
}

/// The state of the scan.
struct Pruner<'h> {
    html: &'h str,
    /// The pruned page: `html` up to `copied`, less what was cut.
    out: String,
    copied: usize,
    /// Nesting depth, and how many start tags beyond [`MAX_DEPTH`] were cut and wait for their
    /// end tags.
    depth: usize,
    dropped: usize,
    /// Whether attributes are dropped: asked for, and the scan still reads the page as the
    /// tokenizer does.
    slim: bool,
    /// Whether a `<pre>` or `<listing>` was seen: white space counts from there on.
    preformatted: bool,
    /// Whether an `<svg>`, `<math>` or `<frameset>` was seen: from there on, the tree builder may
    /// ignore a raw-text element's tag, and the tokenizer read its content as markup.
    maybe_foreign: bool,
    /// The kept attributes of the tag being read (a buffer reused from tag to tag).
    kept: Vec<std::ops::Range<usize>>,
    /// See [`Pruned`].
    tags: usize,
    text: usize,
}

impl Pruner<'_> {
    fn run(&mut self) {
        let bytes = self.html.as_bytes();
        let mut at = 0;
        let mut text_from = 0;
        while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
            let start = at + offset;
            let Some(tag) = Tag::read(self.html, start) else {
                // `</` before anything but a letter or `>` opens a bogus comment, unseen here.
                self.slim &= !matches!(&bytes[start + 1..], [b'/', next, ..] if *next != b'>');
                at = start + 1;
                continue;
            };
            self.tags += 1;
            self.text += start - text_from;
            self.collapse_breaks(text_from, start);
            let cut = self.nest(&tag);
            if cut {
                self.cut(start, tag.end);
            } else if self.slim {
                self.slim_tag(start, &tag);
            }
            at = tag.end;
            if tag.kind == Kind::Start && is_raw_text(tag.lower.get()) {
                at = self.raw_text(start, &tag, cut);
            }
            text_from = at;
        }
        self.text += bytes.len() - text_from;
        self.collapse_breaks(text_from, bytes.len());
        self.copy_to(self.html.len());
    }

    /// Follows the nesting of elements; returns whether `tag` is to be cut for being too deep.
    fn nest(&mut self, tag: &Tag<'_>) -> bool {
        let counted = nests(tag.lower.get());
        match tag.kind {
            Kind::Start if counted && !tag.self_closed => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    self.dropped += 1;
                    return true;
                }
            }
            Kind::End if counted => {
                self.depth = self.depth.saturating_sub(1);
                if self.dropped > 0 {
                    self.dropped -= 1;
                    return true;
                }
            }
            _ => {}
        }
        false
    }

    /// Copies the page up to `to` (from where the last copy or cut ended).
    fn copy_to(&mut self, to: usize) {
        if to > self.copied {
            self.out.push_str(&self.html[self.copied..to]);
        }
        self.copied = to;
    }

    /// Leaves `from..to` out of the copy.
    fn cut(&mut self, from: usize, to: usize) {
        self.copy_to(from);
        self.copied = to;
    }

    /// Turns each run of white space with a line break in the text `from..to` into one space,
    /// while the scan is in step with the tokenizer and before any preformatted element.
    fn collapse_breaks(&mut self, from: usize, to: usize) {
        if !self.slim || self.preformatted {
            return;
        }
        let bytes = self.html.as_bytes();
        let mut at = from;
        while let Some(offset) = memchr::memchr2(b'\n', b'\r', &bytes[at..to]) {
            let line_break = at + offset;
            let start = bytes[at..line_break]
                .iter()
                .rposition(|&b| !tag::is_space(b))
                .map_or(at, |p| at + p + 1);
            let end = bytes[line_break..to]
                .iter()
                .position(|&b| !tag::is_space(b))
                .map_or(to, |p| line_break + p);
            self.cut(start, end);
            self.out.push(' ');
            at = end;
        }
    }

    /// Drops the attributes nobody reads from a start tag, when the tokenizer reads the tag as
    /// the scan did; markup that it reads otherwise ends slimming.
    fn slim_tag(&mut self, start: usize, tag: &Tag<'_>) {
        let bytes = self.html.as_bytes();
        if tag.kind == Kind::Other {
            self.slim = if bytes[start..].starts_with(b"<!--") {
                tag::comment_end(bytes, start) == tag.end
            } else {
                !bytes[start..].starts_with(b"<![CDATA[")
            };
            return;
        }
        if tag.kind == Kind::Start && tag.lower.get() == b"plaintext" {
            self.slim = false;
            return;
        }
        if tag.kind == Kind::Start {
            self.maybe_foreign |= matches!(tag.lower.get(), b"svg" | b"math" | b"frameset");
            self.preformatted |= matches!(tag.lower.get(), b"pre" | b"listing");
        }
        self.kept.clear();
        let mut dropped_any = false;
        let kept = &mut self.kept;
        let read = tag::read_attributes(bytes, tag.name_end, |name, text| {
            if is_read(Lower::of(name).get()) {
                kept.push(text);
            } else {
                dropped_any = true;
            }
        });
        match read {
            Some(end) if end.end == tag.end => {
                if tag.kind == Kind::Start && dropped_any {
                    self.write_slim(tag, end);
                }
            }
            _ => self.slim = false,
        }
    }

    /// Writes `tag` with its kept attributes only.
    fn write_slim(&mut self, tag: &Tag<'_>, end: TagEnd) {
        self.copy_to(tag.name_end);
        for i in 0..self.kept.len() {
            let text = self.kept[i].clone();
            self.out.push(' ');
            self.out.push_str(&self.html[text]);
        }
        // After an unquoted value, a `/` would be read as part of the value.
        self.out
            .push_str(if end.self_closing { " />" } else { ">" });
        self.copied = tag.end;
    }

    /// Skips the content of the raw-text element whose start tag is `tag` (itself cut for being
    /// too deep with `tag_cut`), cutting it if it is ignored; returns where the content ends.
    fn raw_text(&mut self, start: usize, tag: &Tag<'_>, tag_cut: bool) -> usize {
        let html = self.html;
        let from = tag.end;
        let content_end = raw_text_end(html, from, tag.name);
        let json_ld = || contains_ignoring_case(&html.as_bytes()[start..tag.end], b"ld+json");
        if content_end > from && is_ignored(tag.lower.get()) && !json_ld() {
            self.cut(from, content_end);
        } else {
            let content = &html[from..content_end];
            // Markup in kept content is text only where the tokenizer reads raw text too: not
            // after a cut start tag, not where the tree builder may ignore the tag (SVG, MathML
            // and framesets), not in a script's escaped text (after `<!--`).
            self.slim &= !content.contains('<')
                || !(tag_cut || self.maybe_foreign || content.contains("<!--"));
        }
        // `</script` ends a script for the tokenizer only if white space, `/` or `>` follows.
        let after = content_end + 2 + tag.name.len();
        self.slim &= html
            .as_bytes()
            .get(after)
            .is_none_or(|&b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'));
        content_end
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Start,
    End,
    Other,
}

/// A tag: its kind, its name as written, in lower case and where it ends, whether the tag ends
/// with `/>`, and where it ends.
struct Tag<'h> {
    kind: Kind,
    name: &'h str,
    lower: Lower,
    name_end: usize,
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
                lower: Lower::of(b""),
                name_end: start,
                self_closed: false,
                end,
            });
        }
        if rest.starts_with(['!', '?']) {
            let end = rest.find('>').map_or(html.len(), |e| start + 1 + e + 1);
            return Some(Tag {
                kind: Kind::Other,
                name: "",
                lower: Lower::of(b""),
                name_end: start,
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
            .bytes()
            .position(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .unwrap_or(name_start.len());
        let name = &name_start[..name_len];
        let name_end = html.len() - name_start.len() + name_len;
        let (end, self_closed) = tag_end(html, name_end);
        Some(Tag {
            kind,
            name,
            lower: Lower::of(name.as_bytes()),
            name_end,
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

/// Whether `haystack` contains `needle`, ignoring ASCII case.
fn contains_ignoring_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
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

    fn pruned(html: &str) -> String {
        prune(html, true).html.to_string()
    }

    #[test]
    fn pages_with_nothing_to_cut_are_copied_whole() {
        let html = "<html><body><div class='a>b'><p>one<p>two<br><img></div><script></script></body></html>";
        assert_eq!(pruned(html), html);
    }

    #[test]
    fn line_breaks_in_text_become_spaces_until_a_pre() {
        let html =
            "<div>\n\t<p>one\r\n two \n</p>\n</div><a title='x\ny'>\n</a><pre>\na\n  b</pre>\n";
        assert_eq!(
            pruned(html),
            "<div> <p>one two </p> </div><a> </a><pre>\na\n  b</pre>\n"
        );
    }

    #[test]
    fn tags_and_text_are_counted() {
        let pruned = prune("<p>one<!-- x -->two</p> a<3 <title>T</title>", true);
        assert_eq!((pruned.tags, pruned.text), (5, 11));
    }

    #[test]
    fn ignored_contents_are_cut_and_json_ld_kept() {
        let html = r#"<head><title>T <b></title><style>p { x: "</p>" }</style>
            <script type="application/ld+json">{"headline": "H"}</script></head>
            <body><SCRIPT>if (a<b) { document.write("<div>") }</SCRIPT><p>text</p><noscript><img></noscript></body>"#;
        let pruned = pruned(html);
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
        let limited = pruned(&html);
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        assert!(limited.contains("deep") && limited.ends_with("<p>after</p>"));
    }

    #[test]
    fn comments_and_raw_text_hide_their_tags() {
        let inner = "<div>".repeat(MAX_DEPTH + 5);
        let html = format!("<!--{inner}--><script>{inner}</script><textarea>{inner}</TEXTAREA>");
        // The comment's tags stay, untouched: they do not nest. The raw text is cut.
        assert_eq!(pruned(&html).matches("<div>").count(), MAX_DEPTH + 5);
    }

    #[test]
    fn unread_attributes_are_dropped() {
        let html = r#"<div CLASS="a b" data-x='1>2' id=main><a href="/x?a=1&amp;b=2" title=t>link</a>
            <meta property="og:title" content="T"><br/><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>"#;
        assert_eq!(
            pruned(html),
            r#"<div CLASS="a b" id=main><a>link</a> <meta property="og:title" content="T"><br/><svg><path /></svg>"#
        );
        assert_eq!(prune(html, false).html.to_string(), html);
    }

    #[test]
    fn markup_in_raw_text_is_text() {
        let html = r#"<title>a <b> c</title><script type="application/ld+json">{"body": "<p>x</p>"}</script><a href=x>"#;
        assert!(pruned(html).ends_with("</script><a>"));
    }

    #[test]
    fn markup_the_tokenizer_may_read_otherwise_ends_slimming() {
        let after = r#"<a href="x">"#;
        for odd in [
            "<!--> <!-- -->",
            "<!-- a --!> b -->",
            "</ x>",
            "<![CDATA[ x ]]>",
            "<plaintext>",
            "<a title=it's>",
            "<svg></svg><title>a <b> c</title>",
            "<script type=application/ld+json><!-- <script> --></script>",
            "<script>x</scripts>",
        ] {
            let html = format!("{after}{odd}{after}");
            let pruned = pruned(&html);
            assert!(pruned.starts_with("<a>"), "{odd}: {pruned}");
            assert!(pruned.ends_with(after), "{odd}: {pruned}");
        }
    }
}
