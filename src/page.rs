//! A page as the rule engine sees it: a list of blocks with their features.
//!
//! Both front-ends ([`crate::text`] for plain text, [`crate::html`] for HTML) produce a [`Page`],
//! so rules do not care where a block came from. Block texts are not copied one by one: a plain
//! text block is a range of the decoded input, an HTML block a range of one string (the arena)
//! holding the text of all blocks. A plain-text page written in Markdown keeps the text a reader
//! sees (link text, not link targets) in the arena, and its lines in the input. HTML blocks also point at their element in a compact element
//! table, which keeps what rules need of the DOM (tag, class/id tokens, ancestors) after the DOM
//! itself is gone.

use std::borrow::Cow;
use std::ops::Range;

use encoding_rs::Encoding;
use html5ever::LocalName;
use serde::Serialize;

use crate::features::Features;
use crate::lang::LangId;

/// What kind of input a page was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// An HTML document.
    Html,
    /// Plain text, one block per line.
    Text,
}

/// A page split into blocks.
#[derive(Debug)]
pub struct Page<'a> {
    /// The decoded input.
    pub(crate) source: Cow<'a, str>,
    /// The text of HTML blocks, or of the lines of a Markdown page as a reader sees them, one
    /// after the other.
    pub(crate) arena: String,
    /// Whether the blocks' texts are in the arena (HTML, Markdown) rather than the source.
    pub(crate) text_in_arena: bool,
    /// The blocks, in page order.
    pub blocks: Vec<Block>,
    /// HTML block-level elements, parents before children (empty for plain text).
    pub elements: Vec<Element>,
    /// Interned class, id, role and itemprop tokens of the elements (lower case).
    pub tokens: Vec<Box<str>>,
    /// Token ids of all elements; an element's tokens are a range of it.
    pub(crate) element_tokens: Vec<u32>,
    /// (element, rule) pairs: the elements that a dom rule's CSS selector matched.
    pub(crate) selector_hits: Vec<(u32, u32)>,
    /// Where the page came from.
    pub kind: InputKind,
    /// The encoding the bytes were read as.
    pub encoding: &'static Encoding,
    /// Whether some bytes could not be decoded.
    pub lossy: bool,
    /// The page's main language, when known.
    pub lang: Option<LangId>,
    /// Title, byline, date and the like.
    pub meta: Metadata,
    /// For each rule scoped to sites (see [`crate::site`]), whether the page is on one of its
    /// sites; empty when no rule is.
    pub(crate) in_site_scope: Vec<bool>,
}

/// Whether `c` shows nothing: white space, or an invisible format character (zero-width space
/// and joiners, word joiner, byte-order mark, soft hyphen). A line of nothing else is blank.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
}

/// Marks an absent element index.
pub const NO_ELEMENT: u32 = u32::MAX;

/// One unit of text: a line of a plain-text page, or the text of one block-level HTML element.
#[derive(Clone, Debug)]
pub struct Block {
    /// The block as it appeared, untrimmed: a range of the source for plain text (the whole
    /// line, or the lines of a wrapped paragraph), of the arena for HTML.
    pub(crate) raw: Range<u32>,
    /// The trimmed text: a range of the page's [`Page::buffer`].
    pub(crate) trimmed: Range<u32>,
    /// 1-based line number in the input of its (first) line (plain text), or block number (HTML).
    pub line: u32,
    /// HTML: the element the text belongs to ([`NO_ELEMENT`] for plain text).
    pub element: u32,
    /// Characters of the text that are inside links (HTML links, Markdown links).
    pub link_chars: u32,
    /// Plain text: the line is a Markdown heading (`## …`). HTML headings are known by their
    /// element's zones.
    pub heading: bool,
    /// Measurements of the text.
    pub features: Features,
}

/// A block-level HTML element, as far as rules need it.
#[derive(Clone, Debug)]
pub struct Element {
    /// The parent element ([`NO_ELEMENT`] for the outermost).
    pub parent: u32,
    /// Tag name.
    pub tag: LocalName,
    /// Its own class/id/role/itemprop tokens (a range of the page's element tokens).
    pub(crate) tokens: Range<u32>,
    /// Zones the element is in, its own tag included.
    pub zones: Zones,
    /// Depth in the element tree (0 for the outermost).
    pub depth: u16,
}

/// Page regions an element can sit in, from its own tag and its ancestors'.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Zones(pub u16);

impl Zones {
    /// Inside `<nav>` or `role=navigation`.
    pub const NAV: Zones = Zones(1);
    /// Inside `<header>` (of the page or of a section).
    pub const HEADER: Zones = Zones(1 << 1);
    /// Inside `<footer>`.
    pub const FOOTER: Zones = Zones(1 << 2);
    /// Inside `<aside>`.
    pub const ASIDE: Zones = Zones(1 << 3);
    /// Inside `<form>`.
    pub const FORM: Zones = Zones(1 << 4);
    /// Inside `<figure>`.
    pub const FIGURE: Zones = Zones(1 << 5);
    /// Inside `<article>`.
    pub const ARTICLE: Zones = Zones(1 << 6);
    /// Inside `<main>`.
    pub const MAIN: Zones = Zones(1 << 7);
    /// Inside a list item.
    pub const LIST_ITEM: Zones = Zones(1 << 8);
    /// Inside a table cell.
    pub const TABLE: Zones = Zones(1 << 9);
    /// Inside a heading `<h1>`…`<h6>`.
    pub const HEADING: Zones = Zones(1 << 10);
    /// Inside `<blockquote>`.
    pub const QUOTE: Zones = Zones(1 << 11);
    /// Inside a control: `<button>`, `<select>`, `<label>`, `<option>`.
    pub const CONTROL: Zones = Zones(1 << 12);
    /// Inside `<figcaption>` or `<caption>`.
    pub const CAPTION: Zones = Zones(1 << 13);
    /// Inside `<pre>`.
    pub const PRE: Zones = Zones(1 << 14);

    /// Every zone with its name in rule files.
    pub const NAMES: [(&'static str, Zones); 15] = [
        ("nav", Zones::NAV),
        ("header", Zones::HEADER),
        ("footer", Zones::FOOTER),
        ("aside", Zones::ASIDE),
        ("form", Zones::FORM),
        ("figure", Zones::FIGURE),
        ("article", Zones::ARTICLE),
        ("main", Zones::MAIN),
        ("li", Zones::LIST_ITEM),
        ("table", Zones::TABLE),
        ("heading", Zones::HEADING),
        ("blockquote", Zones::QUOTE),
        ("control", Zones::CONTROL),
        ("caption", Zones::CAPTION),
        ("pre", Zones::PRE),
    ];

    /// Whether any zone of `other` is in `self`.
    pub fn intersects(self, other: Zones) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sets together.
    pub fn union(self, other: Zones) -> Zones {
        Zones(self.0 | other.0)
    }

    /// The zone named `name` in rule files.
    pub fn named(name: &str) -> Option<Zones> {
        Zones::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, z)| *z)
    }
}

/// What a page says about itself, found apart from the body text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// The article's headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The author(s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Publication date, as the page gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The site's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// The page's URL: as its caller gave it, or as the page declares it (`og:url`, JSON-LD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article body as the page's structured data (JSON-LD `articleBody`) gives it.
    #[serde(skip)]
    pub structured_body: Option<String>,
}

impl<'a> Page<'a> {
    /// An empty page over `source`.
    pub(crate) fn new(
        source: Cow<'a, str>,
        kind: InputKind,
        encoding: &'static Encoding,
        lossy: bool,
    ) -> Self {
        Page {
            source,
            arena: String::new(),
            text_in_arena: kind == InputKind::Html,
            blocks: Vec::new(),
            elements: Vec::new(),
            tokens: Vec::new(),
            element_tokens: Vec::new(),
            selector_hits: Vec::new(),
            kind,
            encoding,
            lossy,
            lang: None,
            meta: Metadata::default(),
            in_site_scope: Vec::new(),
        }
    }

    /// The text that holds every block's trimmed text: the arena for HTML and Markdown, the
    /// source for other plain text.
    pub(crate) fn buffer(&self) -> &str {
        if self.text_in_arena {
            &self.arena
        } else {
            &self.source
        }
    }

    /// The trimmed text of `block`, as a reader sees it.
    pub fn text(&self, block: &Block) -> &str {
        &self.buffer()[block.trimmed.start as usize..block.trimmed.end as usize]
    }

    /// The text of `block` exactly as it appeared (for plain text, the whole line).
    pub fn raw(&self, block: &Block) -> &str {
        let text = match self.kind {
            InputKind::Html => &self.arena,
            InputKind::Text => &*self.source,
        };
        &text[block.raw.start as usize..block.raw.end as usize]
    }

    /// The decoded input.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The element of `block`, for HTML pages.
    pub fn element_of(&self, block: &Block) -> Option<&Element> {
        self.elements.get(block.element as usize)
    }

    /// The class/id/role/itemprop tokens of `element`.
    pub fn tokens_of(&self, element: &Element) -> impl Iterator<Item = &str> {
        self.element_tokens[element.tokens.start as usize..element.tokens.end as usize]
            .iter()
            .map(|&t| &*self.tokens[t as usize])
    }

    /// `element` and its ancestors, innermost first.
    pub fn ancestry(&self, element: u32) -> impl Iterator<Item = (u32, &Element)> {
        std::iter::successors(
            self.elements.get(element as usize).map(|e| (element, e)),
            |(_, e)| self.elements.get(e.parent as usize).map(|p| (e.parent, p)),
        )
    }

    /// Share of `block`'s characters inside links (0 for plain text without Markdown links).
    pub fn link_density(&self, block: &Block) -> f32 {
        if block.features.chars == 0 {
            0.0
        } else {
            (block.link_chars as f32 / block.features.chars as f32).min(1.0)
        }
    }
}
