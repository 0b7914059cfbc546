//! Teaser cards: repeated sibling elements of an HTML page that each hold a headline and a little
//! text. However a site styles them, lists of other stories are built this way: three or more
//! siblings with the same tag and first class, each a headline link plus an excerpt, a byline or
//! a date. Sliders and widgets that link the whole card, or none of it, have a heading instead
//! of a headline link, and an excerpt cut short with an ellipsis. Article paragraphs are not
//! cards (no headline), nor are an article's sections under subheadings (their text is not cut
//! short), nor are menus (no text besides the links).

use html5ever::LocalName;
use rustc_hash::FxHashMap;

use crate::page::{Block, NO_ELEMENT, Page, Zones};

/// Siblings of one signature needed to make a list of cards.
const MIN_CARDS: u32 = 3;
/// Most blocks one card holds.
const MAX_CARD_BLOCKS: u32 = 4;
/// Most text one card holds, in Latin-equivalent characters.
const MAX_CARD_UNITS: f32 = 800.0;
/// Link density from which a block is a headline link.
const HEADLINE_LINKS: f32 = 0.6;
/// Link density below which a block is text, and the length it needs.
const TEXT_LINKS: f32 = 0.5;
const TEXT_UNITS: f32 = 30.0;

/// What the blocks inside an element add up to, as a card.
#[derive(Clone, Copy, Default)]
struct Card {
    blocks: u32,
    units: f32,
    headline: bool,
    heading: bool,
    text: bool,
    cut_short: bool,
}

impl Card {
    /// Counts one more block inside the element.
    fn add(&mut self, page: &Page<'_>, block: &Block) {
        let density = page.link_density(block);
        self.blocks += 1;
        self.units += block.features.units;
        self.headline |= density >= HEADLINE_LINKS;
        self.heading |= page
            .element_of(block)
            .is_some_and(|e| e.zones.intersects(Zones::HEADING));
        let text = density < TEXT_LINKS && block.features.units >= TEXT_UNITS;
        self.text |= text;
        self.cut_short |= text && block.features.truncated;
    }

    /// Whether the element is a card: a headline link and some text, or a heading and an
    /// excerpt cut short, and not much more.
    fn is_card(&self) -> bool {
        let headed = (self.headline && self.text) || (self.heading && self.cut_short);
        headed && self.blocks <= MAX_CARD_BLOCKS && self.units <= MAX_CARD_UNITS
    }
}

/// For each block of `page`, whether it lies in a teaser card. Empty for plain text.
pub fn teaser_blocks(page: &Page<'_>) -> Vec<bool> {
    if page.elements.is_empty() {
        return Vec::new();
    }
    let candidates = Candidates::of(page);
    let mut cards = vec![Card::default(); page.elements.len()];
    for block in &page.blocks {
        let mut at = candidates.nearest(block.element);
        while let Some(e) = at {
            cards[e].add(page, block);
            at = candidates.nearest(page.elements[e].parent);
        }
    }
    // Whether each element is a card or lies in one: parents come before their children.
    let mut in_card: Vec<bool> = Vec::with_capacity(page.elements.len());
    for (card, element) in cards.iter().zip(&page.elements) {
        let in_parent = in_card.get(element.parent as usize) == Some(&true);
        in_card.push(in_parent || card.is_card());
    }
    page.blocks
        .iter()
        .map(|block| in_card.get(block.element as usize) == Some(&true))
        .collect()
}

/// The elements that may be cards: [`MIN_CARDS`] siblings or more of one signature (tag and
/// first class or id token).
struct Candidates {
    /// For each element, the nearest candidate among it and its ancestors, or [`NO_ELEMENT`].
    nearest: Vec<u32>,
}

impl Candidates {
    fn of(page: &Page<'_>) -> Candidates {
        let candidate = siblings_alike(page);
        // Parents come before their children: a parent's nearest candidate is known first.
        let mut nearest: Vec<u32> = Vec::with_capacity(page.elements.len());
        for (e, element) in page.elements.iter().enumerate() {
            let above = nearest.get(element.parent as usize).copied();
            nearest.push(if candidate[e] {
                e as u32
            } else {
                above.unwrap_or(NO_ELEMENT)
            });
        }
        Candidates { nearest }
    }

    /// The nearest candidate among `element` and its ancestors, if any.
    fn nearest(&self, element: u32) -> Option<usize> {
        let e = *self.nearest.get(element as usize)?;
        (e != NO_ELEMENT).then_some(e as usize)
    }
}

/// For each element of `page`, whether it has [`MIN_CARDS`] siblings or more (itself included)
/// of its signature.
fn siblings_alike(page: &Page<'_>) -> Vec<bool> {
    // The signatures are numbered as they are first met, and their elements counted.
    let mut numbers: FxHashMap<(u32, &LocalName, u32), usize> =
        FxHashMap::with_capacity_and_hasher(page.elements.len(), Default::default());
    let mut counts: Vec<u32> = Vec::new();
    let signatures: Vec<Option<usize>> = page
        .elements
        .iter()
        .map(|element| {
            (element.parent != NO_ELEMENT).then(|| {
                let first_token = page.element_tokens
                    [element.tokens.start as usize..element.tokens.end as usize]
                    .first()
                    .copied()
                    .unwrap_or(u32::MAX);
                let next = counts.len();
                let number = *numbers
                    .entry((element.parent, &element.tag, first_token))
                    .or_insert(next);
                if number == next {
                    counts.push(0);
                }
                counts[number] += 1;
                number
            })
        })
        .collect();
    signatures
        .into_iter()
        .map(|s| s.is_some_and(|s| counts[s] >= MIN_CARDS))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn cards(html: &str) -> Vec<(String, bool)> {
        let mut page = crate::html::parse(Cow::Borrowed(html), encoding_rs::UTF_8, false, &[]);
        let rules = crate::RuleSet::builtin().unwrap();
        crate::features::measure(&mut page, &rules);
        let marks = teaser_blocks(&page);
        page.blocks
            .iter()
            .zip(marks)
            .map(|(b, m)| (page.text(b).to_string(), m))
            .collect()
    }

    const CARD: &str = r#"<li class="item"><h3><a href="/x">Headline of another story</a></h3>
        <p>An excerpt of the other story that runs for a sentence or two.</p></li>"#;

    /// Checks that every block of `list`, after an article paragraph, lies in a card, and the
    /// paragraph does not.
    fn assert_cards_after_a_paragraph(list: &str) {
        let marks = cards(&format!("<body><p>Article text.</p>{list}</body>"));
        assert!(!marks[0].1, "the article paragraph is not a card");
        assert!(marks[1..].iter().all(|(_, m)| *m), "{marks:?}");
    }

    #[test]
    fn repeated_headline_and_excerpt_siblings_are_cards() {
        assert_cards_after_a_paragraph(&format!("<ul>{CARD}{CARD}{CARD}</ul>"));
    }

    #[test]
    fn unlinked_headings_over_cut_short_excerpts_are_cards() {
        let card = r#"<div class="slide"><h3>Headline of another story</h3>
            <p>An excerpt of the other story that runs on and stops in the middle of a…</p>
            <div class="date">2019-09-09 21:38</div></div>"#;
        assert_cards_after_a_paragraph(&format!("<div>{card}{card}{card}</div>"));
    }

    #[test]
    fn article_sections_under_subheadings_are_not_cards() {
        let section = r#"<section class="step"><h3>A subheading</h3>
            <p>A paragraph of the article under its subheading, which ends like a sentence.</p></section>"#;
        let html = format!("<body>{section}{section}{section}</body>");
        assert!(cards(&html).iter().all(|(_, m)| !m));
    }

    #[test]
    fn paragraphs_menus_and_pairs_are_not_cards() {
        let para = r#"<div class="para"><p>Text with <a href="/y">a link</a> inside a long enough paragraph of prose.</p></div>"#;
        let menu = r#"<li class="menu"><a href="/z">Section</a></li>"#;
        let html = format!(
            "<body>{para}{para}{para}<ul>{menu}{menu}{menu}</ul><ul>{CARD}{CARD}</ul></body>"
        );
        assert!(cards(&html).iter().all(|(_, m)| !m));
    }
}
