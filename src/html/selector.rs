//! The CSS selectors of dom rules, matched against the elements of a page.
//!
//! A selector that is a plain list of class names (`.hide, .sr-only`), the common case, is
//! matched by looking each class of the element up in a set: one pass over its `class`
//! attribute instead of one per listed class, and no interning of the page's class names.
//! Any other selector goes through the general CSS matcher.

use rustc_hash::FxHashSet;
use scraper::{ElementRef, Selector};

/// A dom rule's selector, compiled.
#[derive(Debug)]
pub enum ElementSelector {
    /// A list of class selectors: the class names (matched case-sensitively, as CSS does).
    Classes(FxHashSet<Box<str>>),
    /// Any other selector.
    Css(Box<Selector>),
}

impl ElementSelector {
    /// Parses a CSS selector list; the error says what is wrong with it.
    pub fn parse(source: &str) -> Result<ElementSelector, String> {
        let css = Selector::parse(source).map_err(|e| e.to_string())?;
        let classes: Option<FxHashSet<Box<str>>> = source
            .split(',')
            .map(|part| {
                let name = part.trim().strip_prefix('.')?;
                let plain = !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                plain.then(|| name.into())
            })
            .collect();
        Ok(match classes {
            Some(names) => ElementSelector::Classes(names),
            None => ElementSelector::Css(Box::new(css)),
        })
    }

    /// Whether the selector matches `element`.
    pub fn matches(&self, element: ElementRef<'_>) -> bool {
        match self {
            ElementSelector::Classes(names) => element
                .value()
                .attr("class")
                .is_some_and(|value| value.split_ascii_whitespace().any(|c| names.contains(c))),
            ElementSelector::Css(selector) => selector.matches(&element),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn matching(selector: &str, html: &str) -> Vec<String> {
        let selector = ElementSelector::parse(selector).unwrap();
        let document = Html::parse_fragment(html);
        document
            .root_element()
            .descendent_elements()
            .filter(|e| selector.matches(*e))
            .map(|e| e.text().collect())
            .collect()
    }

    #[test]
    fn class_lists_match_whole_class_names() {
        let selector = ".hide, .sr-only";
        assert!(matches!(
            ElementSelector::parse(selector).unwrap(),
            ElementSelector::Classes(_)
        ));
        let html = r#"<p class="a hide">1</p><p class="hide-not">2</p><p class="x  sr-only">3</p>
            <p class="Hide">4</p><p>5</p>"#;
        assert_eq!(matching(selector, html), ["1", "3"]);
    }

    #[test]
    fn other_selectors_use_css_matching() {
        let selector = "p.hide, [aria-hidden=true]";
        assert!(matches!(
            ElementSelector::parse(selector).unwrap(),
            ElementSelector::Css(_)
        ));
        let html =
            r#"<p class="hide">1</p><div class="hide">2</div><span aria-hidden="true">3</span>"#;
        assert_eq!(matching(selector, html), ["1", "3"]);
    }

    #[test]
    fn broken_selectors_are_errors() {
        assert!(ElementSelector::parse("div[").is_err());
        assert!(ElementSelector::parse(".a, ").is_err());
    }
}
