//! Teaser cards: repeated sibling elements of an HTML page that each hold a linked headline and
//! a little text. However a site styles them, lists of other stories are built this way: three
//! or more siblings with the same tag and first class, each a headline link plus an excerpt, a
//! byline or a date. Article paragraphs are not (no linked headline), nor are menus (no text
//! besides the links).

use rustc_hash::FxHashMap;

use crate::page::{NO_ELEMENT, Page};

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

#[derive(Clone, Copy, Default)]
struct Card {
    blocks: u32,
    units: f32,
    headline: bool,
    text: bool,
}

/// For each block of `page`, whether it lies in a teaser card. Empty for plain text.
pub fn teaser_blocks(page: &Page<'_>) -> Vec<bool> {
    if page.elements.is_empty() {
        return Vec::new();
    }
    let signature = |e: usize| {
        let element = &page.elements[e];
        let first_token = page.element_tokens
            [element.tokens.start as usize..element.tokens.end as usize]
            .first()
            .copied()
            .unwrap_or(u32::MAX);
        (element.parent, element.tag.clone(), first_token)
    };
    let mut siblings: FxHashMap<_, u32> = FxHashMap::default();
    for (e, element) in page.elements.iter().enumerate() {
        if element.parent != NO_ELEMENT {
            *siblings.entry(signature(e)).or_default() += 1;
        }
    }
    let candidate: Vec<bool> = (0..page.elements.len())
        .map(|e| {
            page.elements[e].parent != NO_ELEMENT
                && siblings.get(&signature(e)).is_some_and(|&n| n >= MIN_CARDS)
        })
        .collect();
    let mut cards = vec![Card::default(); page.elements.len()];
    for block in &page.blocks {
        let density = page.link_density(block);
        for (e, _) in page.ancestry(block.element) {
            if candidate[e as usize] {
                let card = &mut cards[e as usize];
                card.blocks += 1;
                card.units += block.features.units;
                card.headline |= density >= HEADLINE_LINKS;
                card.text |= density < TEXT_LINKS && block.features.units >= TEXT_UNITS;
            }
        }
    }
    let is_card = |e: u32| {
        let card = &cards[e as usize];
        candidate[e as usize]
            && card.headline
            && card.text
            && card.blocks <= MAX_CARD_BLOCKS
            && card.units <= MAX_CARD_UNITS
    };
    page.blocks
        .iter()
        .map(|block| page.ancestry(block.element).any(|(e, _)| is_card(e)))
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

    #[test]
    fn repeated_headline_and_excerpt_siblings_are_cards() {
        let html = format!("<body><p>Article text.</p><ul>{CARD}{CARD}{CARD}</ul></body>");
        let marks = cards(&html);
        assert!(!marks[0].1, "the article paragraph is not a card");
        assert!(marks[1..].iter().all(|(_, m)| *m), "{marks:?}");
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
