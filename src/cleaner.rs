//! The [`Cleaner`]: rules compiled once, then any number of pages, from any number of threads.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use crate::dom::DomHits;
use crate::error::Result;
use crate::outcome::Outcome;
use crate::page::{InputKind, Page};
use crate::rules::{Category, RuleSet};
use crate::verdict::Verdict;
use crate::{classify, context, decode, features, html, text};

/// Which front-end reads the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputMode {
    /// Sniff: HTML if it looks like HTML, plain text otherwise.
    #[default]
    Auto,
    /// Always HTML.
    Html,
    /// Always plain text, one block per line.
    Text,
}

/// Options of a [`Cleaner`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// How `clean_bytes` and `clean_str` tell HTML from plain text.
    pub input: InputMode,
    /// Put the page's title first in the cleaned text.
    pub keep_title: bool,
    /// Give the kept lines of a Markdown page as they are, links and all, rather than the text a
    /// reader sees (see [`crate::markdown`]).
    pub keep_markdown: bool,
}

/// Cleans pages. Build it once (compiling the rules is the expensive part) and share it:
/// every method takes `&self`, and a `Cleaner` is `Send + Sync`.
#[derive(Debug)]
pub struct Cleaner {
    rules: RuleSet,
    options: Options,
}

/// The largest input handled; longer inputs are cut (block offsets are 32-bit).
const MAX_INPUT: usize = u32::MAX as usize - 1;

impl Cleaner {
    /// A cleaner with the built-in rules and default options.
    pub fn new() -> Result<Cleaner> {
        Ok(Cleaner::with_rules(RuleSet::builtin()?, Options::default()))
    }

    /// A cleaner with the given rules and options.
    pub fn with_rules(rules: RuleSet, options: Options) -> Cleaner {
        Cleaner { rules, options }
    }

    /// The rules in use.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Cleans a plain-text page: one block per line.
    pub fn clean_text<'a>(&'a self, page: &'a str) -> Outcome<'a> {
        self.clean_as(page, InputMode::Text, None)
    }

    /// Cleans an HTML page.
    pub fn clean_html<'a>(&'a self, page: &'a str) -> Outcome<'a> {
        self.clean_as(page, InputMode::Html, None)
    }

    /// Cleans a page given as text, HTML or plain text as the options say (sniffed by default).
    pub fn clean_str<'a>(&'a self, page: &'a str) -> Outcome<'a> {
        self.clean_as(page, self.options.input, None)
    }

    /// Cleans a page given as text, read as `input` says, from `url` when known: rules scoped to
    /// sites fire on it when its host is theirs (see [`crate::site`]). Without a URL, an HTML
    /// page's own (`og:url`, JSON-LD) is used.
    pub fn clean_as<'a>(
        &'a self,
        page: &'a str,
        input: InputMode,
        url: Option<&str>,
    ) -> Outcome<'a> {
        self.clean_decoded(Cow::Borrowed(cap(page)), UTF_8, false, input, url)
    }

    /// Cleans a page given as bytes in any encoding (see [`crate::decode`]). Fails only for
    /// input that is not text at all.
    pub fn clean_bytes<'a>(&'a self, page: &'a [u8]) -> Result<Outcome<'a>> {
        self.clean_bytes_from(page, None)
    }

    /// Cleans a page given as bytes, fetched from `url`: as [`Cleaner::clean_bytes`], and rules
    /// scoped to sites fire on it when its host is theirs (see [`crate::site`]).
    pub fn clean_bytes_at<'a>(&'a self, page: &'a [u8], url: &str) -> Result<Outcome<'a>> {
        self.clean_bytes_from(page, Some(url))
    }

    fn clean_bytes_from<'a>(&'a self, page: &'a [u8], url: Option<&str>) -> Result<Outcome<'a>> {
        let decoded = decode::decode(page)?;
        let text = match decoded.text {
            Cow::Borrowed(s) => Cow::Borrowed(cap(s)),
            Cow::Owned(mut s) => {
                s.truncate(cap(&s).len());
                Cow::Owned(s)
            }
        };
        Ok(self.clean_decoded(
            text,
            decoded.encoding,
            decoded.lossy,
            self.options.input,
            url,
        ))
    }

    fn clean_decoded<'a>(
        &'a self,
        text: Cow<'a, str>,
        encoding: &'static Encoding,
        lossy: bool,
        input: InputMode,
        url: Option<&str>,
    ) -> Outcome<'a> {
        let kind = match input {
            InputMode::Html => InputKind::Html,
            InputMode::Text => InputKind::Text,
            InputMode::Auto => sniff(&text),
        };
        let mut page = match kind {
            InputKind::Html => html::parse(text, encoding, lossy, &self.rules.compiled.selectors),
            InputKind::Text => text::parse(text, encoding, lossy),
        };
        if let Some(url) = url {
            page.meta.url = Some(url.trim().to_string());
        }
        page.in_site_scope = self.rules.sites.matching(page.meta.url.as_deref());
        self.clean_page(page)
    }

    fn clean_page<'a>(&'a self, mut page: Page<'a>) -> Outcome<'a> {
        let mut literals = features::measure(&mut page, &self.rules);
        let dom = DomHits::new(&page, &self.rules);
        let values = classify::values(&page);
        let mut reasons = classify::first_pass(&page, &self.rules, &dom, &values, &mut literals);
        let tallies = context::second_pass(&page, &self.rules, &dom, &values, &mut reasons);
        let mut verdicts: Vec<Verdict> = Vec::with_capacity(reasons.len());
        for (block_reasons, tally) in reasons.into_iter().zip(tallies) {
            let fallback = verdicts
                .last()
                .map(|v| v.category)
                .filter(|c| *c != Category::Content)
                .unwrap_or(Category::Chrome);
            verdicts.push(Verdict::new(block_reasons, tally, fallback));
        }
        Outcome::new(page, verdicts, &self.rules, self.options)
    }
}

/// Cuts `text` to at most [`MAX_INPUT`] bytes, at a character boundary.
fn cap(text: &str) -> &str {
    &text[..text.floor_char_boundary(MAX_INPUT)]
}

/// Whether text looks like HTML: it has a document tag (`<html`, `<body>` …), or it is a
/// fragment whose markup runs through it: tags on at least a third of its first lines. Plain
/// text that quotes a few tags, or kept a stray `<img …>` from its scraper, stays text.
pub fn sniff(text: &str) -> InputKind {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let window = &head.as_bytes()[..head.len().min(4096)];
    // Without a `<` there is neither a document tag nor markup: most plain text stops here.
    if memchr::memchr(b'<', window).is_none() {
        return InputKind::Text;
    }
    let lower = window.to_ascii_lowercase();
    let has = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
    if has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body") {
        return InputKind::Html;
    }
    let tags_in = |line: &[u8]| {
        line.windows(2)
            .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
            .count()
    };
    let (mut tags, mut lines, mut tagged) = (0, 0, 0);
    for line in lower.split(|&b| b == b'\n') {
        if line.trim_ascii().is_empty() {
            continue;
        }
        let n = tags_in(line);
        tags += n;
        lines += 1;
        tagged += usize::from(n > 0);
    }
    if tags >= 3 && 3 * tagged >= lines {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaner_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Cleaner>();
    }

    #[test]
    fn sniffs_html_and_text() {
        assert_eq!(sniff("<!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(sniff("  <div><p>a</p><p>b</p></div>"), InputKind::Html);
        assert_eq!(sniff("Just a line\nAnother <b> line"), InputKind::Text);
        assert_eq!(
            sniff("<div>\n  <p>One</p>\n  <p>Two</p>\n</div>"),
            InputKind::Html
        );
        let stray_image = format!(
            "<img src=\"/pixel.gif\" alt=\"\">\n{}Quoting <b> and </b> and <i>.\n",
            "A line of the article.\n".repeat(20)
        );
        assert_eq!(sniff(&stray_image), InputKind::Text);
        assert_eq!(sniff(""), InputKind::Text);
    }
}
