//! HTML to a [`Page`]: the text of each block-level element is a block.
//!
//! What the cleaner ignores anyway (script and style contents) and absurdly deep nesting are cut
//! first (`prune`), so parsing spends its time on the text and stays linear in the page's size.
//!
//! The document is parsed with scraper (html5ever), then walked once, without recursion, so
//! any depth of nesting is safe. Entering or leaving a block-level element (`p`, `div`, `li`,
//! `h1`…, `td` …) or meeting a `<br>` ends the current block; inline elements add their text to
//! it, with white space collapsed. A table row whose cells hold only inline content (a row of a
//! table of figures) is one block, its cells separated by tabs. `script`, `style`, `noscript`,
//! `template`, embedded objects, form controls and hidden elements (`hidden`, `display:none`,
//! `visibility:hidden`) give no text. Each block-level element is recorded in the page's element
//! table with its tag, its class/id/role/itemprop tokens and the zones (nav, footer, article …)
//! it sits in; each block counts the characters it has inside links. The head's title, `<meta>` tags and JSON-LD
//! go to `meta`, which fills the page's metadata.

mod meta;
mod prune;
pub mod selector;
mod tag;

use std::borrow::Cow;
use std::ops::Range;

use ego_tree::Tree;
use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use html5ever::tendril::TendrilSink;
use html5ever::{LocalName, local_name};
use rustc_hash::FxHashMap;
use scraper::{ElementRef, Html, HtmlTreeSink, Node};

use selector::ElementSelector;

use crate::features::Features;
use crate::page::{Block, Element, InputKind, NO_ELEMENT, Page, Zones, is_blank};

/// Parses an HTML document into blocks.
/// `selectors` are the rule set's CSS selectors, as (rule, selector): the elements they match are
/// recorded in the page's selector hits.
pub fn parse<'a>(
    source: Cow<'a, str>,
    encoding: &'static Encoding,
    lossy: bool,
    selectors: &[(u32, ElementSelector)],
) -> Page<'a> {
    // General CSS selectors may test any attribute; class lists only need `class`.
    let slim = selectors
        .iter()
        .all(|(_, s)| matches!(s, ElementSelector::Classes(_)));
    let pruned = prune::prune(&source, slim);
    // A tag makes at most one element and one text node.
    let mut document = Html::new_document();
    document.tree = Tree::with_capacity(Node::Document, 2 * pruned.tags + 1);
    let document =
        html5ever::driver::parse_document(HtmlTreeSink::new(document), Default::default())
            .one(pruned.html);
    let mut page = Page::new(source, InputKind::Html, encoding, lossy);
    page.arena.reserve(pruned.text);
    let mut walker = Walker::new(&mut page, selectors);
    walker.walk(&document);
    let head = std::mem::take(&mut walker.head);
    drop(walker);
    page.meta = meta::extract(head, &page);
    page
}

/// How an element takes part in block building.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Starts and ends a block.
    Block,
    /// Ends the current line (`<br>`).
    Break,
    /// A link: its text counts towards link density.
    Link,
    /// Adds its text to the current block.
    Inline,
    /// Gives no text (script, style, hidden …).
    Skip,
}

fn role_of(tag: &LocalName) -> Role {
    match *tag {
        local_name!("address")
        | local_name!("article")
        | local_name!("aside")
        | local_name!("blockquote")
        | local_name!("body")
        | local_name!("button")
        | local_name!("caption")
        | local_name!("center")
        | local_name!("dd")
        | local_name!("details")
        | local_name!("dialog")
        | local_name!("dir")
        | local_name!("div")
        | local_name!("dl")
        | local_name!("dt")
        | local_name!("fieldset")
        | local_name!("figcaption")
        | local_name!("figure")
        | local_name!("footer")
        | local_name!("form")
        | local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6")
        | local_name!("header")
        | local_name!("hgroup")
        | local_name!("hr")
        | local_name!("html")
        | local_name!("label")
        | local_name!("legend")
        | local_name!("li")
        | local_name!("main")
        | local_name!("menu")
        | local_name!("nav")
        | local_name!("ol")
        | local_name!("p")
        | local_name!("pre")
        | local_name!("section")
        | local_name!("summary")
        | local_name!("table")
        | local_name!("tbody")
        | local_name!("td")
        | local_name!("tfoot")
        | local_name!("th")
        | local_name!("thead")
        | local_name!("tr")
        | local_name!("ul") => Role::Block,
        local_name!("br") => Role::Break,
        local_name!("a") => Role::Link,
        local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("svg")
        | local_name!("math")
        | local_name!("iframe")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("canvas")
        | local_name!("audio")
        | local_name!("video")
        | local_name!("select")
        | local_name!("textarea")
        | local_name!("datalist")
        | local_name!("head")
        | local_name!("title")
        | local_name!("meta")
        | local_name!("link")
        | local_name!("input") => Role::Skip,
        _ => Role::Inline,
    }
}

fn zones_of_tag(tag: &LocalName) -> Zones {
    match *tag {
        local_name!("nav") | local_name!("menu") => Zones::NAV,
        local_name!("header") => Zones::HEADER,
        local_name!("footer") => Zones::FOOTER,
        local_name!("aside") => Zones::ASIDE,
        local_name!("form") | local_name!("fieldset") => Zones::FORM,
        local_name!("figure") => Zones::FIGURE,
        local_name!("article") => Zones::ARTICLE,
        local_name!("main") => Zones::MAIN,
        local_name!("li") | local_name!("dt") | local_name!("dd") => Zones::LIST_ITEM,
        local_name!("table") | local_name!("td") | local_name!("th") => Zones::TABLE,
        local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6") => Zones::HEADING,
        local_name!("blockquote") => Zones::QUOTE,
        local_name!("button") | local_name!("label") | local_name!("legend") => Zones::CONTROL,
        local_name!("figcaption") | local_name!("caption") => Zones::CAPTION,
        local_name!("pre") => Zones::PRE,
        _ => Zones::default(),
    }
}

fn zones_of_aria_role(role: &str) -> Zones {
    match role {
        "navigation" | "menu" | "menubar" | "tablist" => Zones::NAV,
        "banner" => Zones::HEADER,
        "contentinfo" => Zones::FOOTER,
        "complementary" => Zones::ASIDE,
        "search" | "form" => Zones::FORM,
        "main" => Zones::MAIN,
        "article" => Zones::ARTICLE,
        "heading" => Zones::HEADING,
        "button" => Zones::CONTROL,
        _ => Zones::default(),
    }
}

/// What an open element pushed, undone when it closes.
enum Frame {
    Block { element: u32, zones: Zones },
    Link,
    Inline,
    Skip,
}

/// What the text being read is collected for, besides blocks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Title,
    JsonLd,
}

/// What the head (and structured data anywhere) says, gathered during the walk.
#[derive(Default)]
pub(crate) struct Head {
    pub title: String,
    /// `<meta>` name/property (lower case) and content.
    pub metas: Vec<(String, String)>,
    /// Texts of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
}

struct Walker<'p, 'a> {
    page: &'p mut Page<'a>,
    selectors: &'p [(u32, ElementSelector)],
    interned: FxHashMap<Box<str>, u32>,
    frames: Vec<Frame>,
    element: u32,
    zones: Zones,
    depth: u16,
    skip: u32,
    links: u32,
    start: usize,
    pending_space: bool,
    /// The frame index of the table row being read as one block (see [`is_text_row`]).
    row: Option<usize>,
    /// A cell of that row has begun: its first word follows a tab.
    cell_break: bool,
    link_chars: u32,
    capture: Option<(Capture, usize)>,
    head: Head,
    scratch: String,
}

impl<'p, 'a> Walker<'p, 'a> {
    fn new(page: &'p mut Page<'a>, selectors: &'p [(u32, ElementSelector)]) -> Self {
        Walker {
            page,
            selectors,
            interned: FxHashMap::default(),
            frames: Vec::new(),
            element: NO_ELEMENT,
            zones: Zones::default(),
            depth: 0,
            skip: 0,
            links: 0,
            start: 0,
            pending_space: false,
            row: None,
            cell_break: false,
            link_chars: 0,
            capture: None,
            head: Head::default(),
            scratch: String::new(),
        }
    }

    fn walk(&mut self, document: &Html) {
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(element) => self.open(element, node),
                    Node::Text(text) => self.text(text),
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        self.close();
                    }
                }
            }
        }
        self.flush();
    }

    fn open(&mut self, element: &scraper::node::Element, node: ego_tree::NodeRef<'_, Node>) {
        let tag = &element.name.local;
        let role = role_of(tag);
        if self.skip > 0 || role == Role::Skip || is_hidden(element) {
            self.begin_capture(tag, element);
            self.skip += 1;
            self.frames.push(Frame::Skip);
            return;
        }
        match role {
            Role::Block if self.row.is_some() && is_cell(tag) => {
                self.cell_break = true;
                self.frames.push(Frame::Inline);
            }
            Role::Block => {
                self.flush();
                let parent = self.element;
                let zones = self.zones;
                self.element = self.record_element(element, &element.name.local);
                if !self.selectors.is_empty()
                    && let Some(element_ref) = ElementRef::wrap(node)
                {
                    for (rule, selector) in self.selectors {
                        if selector.matches(element_ref) {
                            self.page.selector_hits.push((self.element, *rule));
                        }
                    }
                }
                self.frames.push(Frame::Block {
                    element: parent,
                    zones,
                });
                if *tag == local_name!("tr") && is_text_row(node) {
                    self.row = Some(self.frames.len() - 1);
                }
            }
            Role::Break => {
                self.flush();
                self.frames.push(Frame::Inline);
            }
            Role::Link => {
                self.links += 1;
                self.frames.push(Frame::Link);
            }
            Role::Inline | Role::Skip => self.frames.push(Frame::Inline),
        }
    }

    fn close(&mut self) {
        match self.frames.pop() {
            Some(Frame::Block { element, zones }) => {
                self.flush();
                if self.row == Some(self.frames.len()) {
                    self.row = None;
                }
                self.element = element;
                self.zones = zones;
                self.depth = self.depth.saturating_sub(1);
            }
            Some(Frame::Link) => self.links -= 1,
            Some(Frame::Skip) => {
                self.skip -= 1;
                if let Some((capture, depth)) = self.capture
                    && depth == self.frames.len()
                {
                    self.capture = None;
                    if capture == Capture::JsonLd {
                        self.head.json_ld.push(std::mem::take(&mut self.scratch));
                    }
                }
            }
            Some(Frame::Inline) | None => {}
        }
    }

    /// Starts collecting the text of a `<title>` or JSON-LD script, and reads `<meta>` tags.
    fn begin_capture(&mut self, tag: &LocalName, element: &scraper::node::Element) {
        if self.capture.is_some() {
            return;
        }
        match *tag {
            local_name!("title") if self.head.title.is_empty() => {
                self.capture = Some((Capture::Title, self.frames.len()))
            }
            local_name!("script")
                if element
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                self.scratch.clear();
                self.capture = Some((Capture::JsonLd, self.frames.len()));
            }
            local_name!("meta") => {
                let key = element
                    .attr("property")
                    .or_else(|| element.attr("name"))
                    .or_else(|| element.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, element.attr("content")) {
                    self.head
                        .metas
                        .push((key.to_ascii_lowercase(), content.to_string()));
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((capture, _)) = self.capture {
            match capture {
                Capture::Title => self.head.title.push_str(text),
                Capture::JsonLd => self.scratch.push_str(text),
            }
            return;
        }
        if self.skip > 0 {
            return;
        }
        if self.zones.intersects(Zones::PRE) && text.contains('\n') {
            let mut lines = text.split('\n').peekable();
            while let Some(line) = lines.next() {
                self.append(line);
                if lines.peek().is_some() {
                    self.flush();
                }
            }
        } else {
            self.append(text);
        }
    }

    /// Appends text to the current block, collapsing white space.
    fn append(&mut self, text: &str) {
        let arena = &mut self.page.arena;
        let mut space = self.pending_space;
        let mut last_end = None;
        for range in words(text) {
            if self.cell_break && arena.len() > self.start {
                arena.push('\t');
            } else if (space || range.start > 0) && arena.len() > self.start {
                arena.push(' ');
            }
            self.cell_break = false;
            last_end = Some(range.end);
            let word = &text[range];
            if self.links > 0 {
                // Characters: the bytes that do not continue a UTF-8 sequence.
                self.link_chars += word.bytes().filter(|&b| (b as i8) >= -0x40).count() as u32;
            }
            arena.push_str(word);
            space = true;
        }
        match last_end {
            Some(end) => self.pending_space = end < text.len(),
            None if !text.is_empty() => self.pending_space = true,
            None => {}
        }
    }

    /// Ends the current block.
    fn flush(&mut self) {
        let end = self.page.arena.len();
        if end > self.start {
            let range = self.start as u32..end as u32;
            self.page.blocks.push(Block {
                raw: range.clone(),
                trimmed: range,
                line: self.page.blocks.len() as u32 + 1,
                element: self.element,
                link_chars: self.link_chars,
                heading: false,
                features: Features::default(),
            });
        }
        self.start = end;
        self.pending_space = false;
        self.cell_break = false;
        self.link_chars = 0;
    }

    /// Adds a block-level element to the page's element table; returns its index.
    fn record_element(&mut self, element: &scraper::node::Element, tag: &LocalName) -> u32 {
        let first_token = self.page.element_tokens.len() as u32;
        let mut zones = self.zones.union(zones_of_tag(tag));
        for (name, value) in element.attrs.iter() {
            match name.local {
                local_name!("class") => value.split_ascii_whitespace().for_each(|t| self.intern(t)),
                local_name!("id") | local_name!("itemprop") => self.intern(value.trim()),
                local_name!("role") => {
                    zones = zones.union(zones_of_aria_role(value.trim()));
                    self.intern(value.trim());
                }
                _ => {}
            }
        }
        let index = self.page.elements.len() as u32;
        self.page.elements.push(Element {
            parent: self.element,
            tag: tag.clone(),
            tokens: first_token..self.page.element_tokens.len() as u32,
            zones,
            depth: self.depth,
        });
        self.zones = zones;
        self.depth = self.depth.saturating_add(1);
        index
    }

    fn intern(&mut self, token: &str) {
        if token.is_empty() {
            return;
        }
        let lower: Cow<str> = if token.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(token.to_ascii_lowercase())
        } else {
            Cow::Borrowed(token)
        };
        let id = match self.interned.get(&*lower) {
            Some(&id) => id,
            None => {
                let id = self.page.tokens.len() as u32;
                self.page.tokens.push(lower.clone().into());
                self.interned.insert(lower.into(), id);
                id
            }
        };
        self.page.element_tokens.push(id);
    }
}

/// Whether `tag` is a table cell's.
fn is_cell(tag: &LocalName) -> bool {
    matches!(*tag, local_name!("td") | local_name!("th"))
}

/// Whether a table row reads as one line: it holds two cells or more, and nothing but cells
/// whose content is inline (no block-level element, no line break). A layout table's row, whose
/// cells hold paragraphs, menus or a whole column of the page, does not.
fn is_text_row(row: ego_tree::NodeRef<'_, Node>) -> bool {
    let mut cells = 0;
    for child in row.children() {
        let Node::Element(element) = child.value() else {
            continue;
        };
        if !is_cell(&element.name.local) {
            return false;
        }
        cells += 1;
        let breaks_lines = child.descendants().skip(1).any(|node| {
            node.value()
                .as_element()
                .is_some_and(|e| matches!(role_of(&e.name.local), Role::Block | Role::Break))
        });
        if breaks_lines {
            return false;
        }
    }
    cells >= 2
}

/// The byte ranges of the words of `text`: its pieces between blanks (see [`is_blank`]).
fn words(text: &str) -> impl Iterator<Item = Range<usize>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && blank_at(text, at) {
            at += char_width(bytes[at]);
        }
        let start = at;
        while at < bytes.len() && !blank_at(text, at) {
            at += char_width(bytes[at]);
        }
        (at > start).then_some(start..at)
    })
}

/// Whether the character starting at byte `at` of `text` is blank. Only ASCII and the UTF-8 lead
/// bytes of U+0080–U+00BF, U+1000–U+3FFF and U+F000–U+FFFF can start a blank character; other
/// characters are not decoded.
fn blank_at(text: &str, at: usize) -> bool {
    match text.as_bytes()[at] {
        b @ 0..0x80 => b == b' ' || (b'\t'..=b'\r').contains(&b),
        0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef => text[at..].chars().next().is_some_and(is_blank),
        _ => false,
    }
}

/// The length of the UTF-8 sequence that `lead` starts.
fn char_width(lead: u8) -> usize {
    match lead {
        0..0xc0 => 1,
        0xc0..0xe0 => 2,
        0xe0..0xf0 => 3,
        _ => 4,
    }
}

/// Whether an element is hidden by its attributes.
fn is_hidden(element: &scraper::node::Element) -> bool {
    element.attrs.iter().any(|(name, value)| match name.local {
        local_name!("hidden") => true,
        local_name!("style") => {
            let style: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<String> {
        let page = parse(Cow::Borrowed(html), encoding_rs::UTF_8, false, &[]);
        page.blocks
            .iter()
            .map(|b| page.text(b).to_string())
            .collect()
    }

    #[test]
    fn block_elements_and_breaks_end_blocks() {
        let html = "<html><body><div>Intro <b>bold</b>\n text<p>First   para.</p>tail<br>after break<ul><li>One</li><li>Two</li></ul></div></body></html>";
        assert_eq!(
            blocks(html),
            [
                "Intro bold text",
                "First para.",
                "tail",
                "after break",
                "One",
                "Two"
            ]
        );
    }

    #[test]
    fn invisible_elements_give_no_text() {
        let html = r#"<body><script>var x = "no";</script><style>p{}</style><noscript>no</noscript>
            <template><p>no</p></template><p hidden>no</p><p style="display: none">no</p>
            <div style="VISIBILITY:hidden">no</div><p>yes</p></body>"#;
        assert_eq!(blocks(html), ["yes"]);
    }

    #[test]
    fn records_zones_tokens_and_link_characters() {
        let html = r#"<body><nav class="Main-Menu" id="gnb"><ul><li><a href="/">Home</a></li></ul></nav>
            <article><p>Read <a href="/x">this</a> now.</p></article></body>"#;
        let page = parse(Cow::Borrowed(html), encoding_rs::UTF_8, false, &[]);
        let home = &page.blocks[0];
        let element = page.element_of(home).unwrap();
        assert!(element.zones.intersects(Zones::NAV) && element.zones.intersects(Zones::LIST_ITEM));
        let nav = page
            .ancestry(home.element)
            .find(|(_, e)| &*e.tag == "nav")
            .unwrap()
            .1;
        assert_eq!(
            page.tokens_of(nav).collect::<Vec<_>>(),
            ["main-menu", "gnb"]
        );
        assert_eq!(home.link_chars, 4);
        let para = &page.blocks[1];
        assert_eq!(page.text(para), "Read this now.");
        assert_eq!(para.link_chars, 4);
        assert!(
            page.element_of(para)
                .unwrap()
                .zones
                .intersects(Zones::ARTICLE)
        );
    }

    #[test]
    fn words_are_split_at_every_blank() {
        let text =
            " a\u{a0}b\u{ad}c\u{200b}d\u{3000}e\u{feff}f\x0bg\u{2009}한국어\u{2060}かな💡\u{85}é\t";
        let words: Vec<&str> = words(text).map(|r| &text[r]).collect();
        let expected: Vec<&str> = text.split(is_blank).filter(|w| !w.is_empty()).collect();
        assert_eq!(words, expected);
        assert_eq!(words.len(), 10);
    }

    #[test]
    fn rows_of_figures_are_one_block_and_layout_rows_are_not() {
        let html = "<table><tr><th>Pos.</th><th>Driver</th><th></th><th>Points</th></tr>\
            <tr><td>1</td><td><a href=/kb>Kyle</a> <b>Busch</b></td><td></td><td>5040</td></tr>\
            <tr><td>Alone</td></tr>\
            <tr><td><p>Menu</p></td><td>Story<br>goes on</td></tr></table>";
        assert_eq!(
            blocks(html),
            [
                "Pos.\tDriver\tPoints",
                "1\tKyle Busch\t5040",
                "Alone",
                "Menu",
                "Story",
                "goes on"
            ]
        );
    }

    #[test]
    fn preformatted_lines_stay_lines() {
        assert_eq!(
            blocks("<pre>line one\nline two</pre>"),
            ["line one", "line two"]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 10_000;
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(blocks(&html), ["deep text"]);
    }
}
