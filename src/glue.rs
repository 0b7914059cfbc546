//! Texts a scraper ran together: headlines run into the text after them (`… Leave The Diner
//! Without PayingA party of six left …`), and texts written twice (`Shy owlShy owl`).
//!
//! A page flattened to text with nothing between its elements runs a teaser card's headline into
//! the summary below it. Such a block reads like prose, yet where the two meet a small letter is
//! followed at once by a capital, and the words before that point are a headline: most of them
//! capitalised, no full stop among them. Three such blocks in a row are a list of teasers (rule
//! `related.glued-teasers`); one alone may be a subheading run into its paragraph, and stays.
//! Only ASCII letters are looked at: the cased scripts of most teaser lists seen glued.
//!
//! A text written twice, run together or with a space between, is an image's alternative text
//! next to its title or caption, or a link's text next to its title: a dump that keeps every
//! attribute writes them both. Article text does not repeat itself within a line.

use crate::bytemask::ByteMasks;

/// The fewest words of a glued headline.
const HEADLINE_WORDS: usize = 3;

/// The longest glued headline, in bytes.
const HEADLINE_BYTES: usize = 200;

/// The most places a block is tried at: a headline holds few small letters run into capitals
/// (`YouTube`), and text made of them is no headline; this keeps the cost of a block bounded.
const MAX_TRIES: usize = 4;

/// Whether `text`, whose byte classes are `windows` (see [`ByteMasks::of_windows`]), opens with
/// a headline glued to the text after it.
pub(crate) fn glued_headline(text: &str, windows: &[ByteMasks]) -> bool {
    let bytes = text.as_bytes();
    // Whether the byte before the current window may end a headline (see `ends` below).
    let mut carry = 0;
    let mut tries = 0;
    for (k, masks) in windows.iter().enumerate() {
        if 64 * k > HEADLINE_BYTES {
            break;
        }
        // Where a headline may end: after a small letter, a digit, `?` or `!`.
        let ends = (masks.alnum & !masks.upper) | (masks.marks & !masks.space);
        let mut joins = masks.upper & ((ends << 1) | carry);
        carry = ends >> 63;
        while joins != 0 {
            let at = 64 * k + joins.trailing_zeros() as usize;
            joins &= joins - 1;
            if at > HEADLINE_BYTES || !ends_headline(bytes, at) {
                continue;
            }
            if reads_as_headline(&text[..at]) {
                return true;
            }
            tries += 1;
            if tries == MAX_TRIES {
                return false;
            }
        }
    }
    false
}

/// The fewest bytes of a text written twice (see [`doubled`]).
const MIN_DOUBLED: usize = 4;

/// The most bytes of a text written twice: alternative texts, titles and captions are shorter.
const MAX_DOUBLED: usize = 1_000;

/// Whether `text` (trimmed) is one text written twice, run together or with one white space
/// character between (`Shy owlShy owl`, `Donate Donate`), that text holding a letter or digit
/// (`=====` is a rule, not this) and [`MIN_DOUBLED`] to [`MAX_DOUBLED`] bytes.
pub(crate) fn doubled(text: &str) -> bool {
    let bytes = text.as_bytes();
    let half = bytes.len() / 2;
    if !(MIN_DOUBLED..=MAX_DOUBLED).contains(&half) {
        return false;
    }
    let (first, second) = if bytes.len().is_multiple_of(2) {
        (&bytes[..half], &bytes[half..])
    } else if bytes[half].is_ascii_whitespace() {
        (&bytes[..half], &bytes[half + 1..])
    } else {
        return false;
    };
    // The second half opens with the text's first byte, so both halves are whole characters.
    first == second && text[..half].chars().any(char::is_alphanumeric)
}

/// Whether the capital at `at` may open the text after a headline: the two bytes before it are
/// small letters or digits (`ShopsWondering`, `250,000The`, not `iPhone`, `McCain` or `3D`), or
/// a small letter and `?` or `!` (`On The Rise?Violence`).
fn ends_headline(bytes: &[u8], at: usize) -> bool {
    let [.., before, last] = bytes[..at] else {
        return false;
    };
    if before.is_ascii_lowercase() {
        last.is_ascii_lowercase() || last.is_ascii_digit() || matches!(last, b'?' | b'!')
    } else {
        before.is_ascii_digit() && last.is_ascii_digit()
    }
}

/// Whether `words` read as a headline: at least [`HEADLINE_WORDS`] words with letters, three in
/// four of them capitalised; or, with a full stop between them (`… Cider Mill. Here's A Look At
/// …`), twice as many words, every one capitalised, as prose never is.
fn reads_as_headline(words: &str) -> bool {
    let full_stop = words.contains(". ");
    let (mut all, mut capitalised) = (0, 0);
    for word in words.split_whitespace() {
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        if first.is_numeric() {
            continue;
        }
        all += 1;
        capitalised += usize::from(first.is_uppercase());
    }
    if full_stop {
        all >= 2 * HEADLINE_WORDS && capitalised == all
    } else {
        all >= HEADLINE_WORDS && 4 * capitalised >= 3 * all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glued(text: &str) -> bool {
        let mut windows = Vec::new();
        ByteMasks::of_windows(text.as_bytes(), &mut windows);
        glued_headline(text, &windows)
    }

    #[test]
    fn finds_a_headline_run_into_its_summary() {
        assert!(glued(
            "Six Diners Leave The Grill Without Paying A $500 BillA party of six left after a row."
        ));
        assert!(glued(
            "Sweet Tooth? The City's Top 5 Bakery CafesLooking for the best pastry in town?"
        ));
        assert!(glued(
            "County To Mail Ballot Applications To 120,000The county will mail them this week."
        ));
        assert!(glued(
            "Is The Old Bridge Safe?Engineers say it needs repairs before winter."
        ));
        assert!(glued(
            "There's No Place Like A Cider Mill. Here's A Look At Some FavoritesFall has arrived."
        ));
        assert!(glued(
            "Police: 2 In Custody After Death Of A Local Student-AthleteA 24-year-old woman was arrested."
        ));
    }

    #[test]
    fn leaves_prose_and_brand_names_alone() {
        assert!(!glued(
            "The company said its YouTube channel and PlayStation games would be shown at the fair."
        ));
        assert!(!glued("He said. The YouTube star left the stage early."));
        assert!(!glued(
            "The Council Met On Tuesday. It voted on the new budgetOfficials said it would pass."
        ));
        assert!(!glued(
            "Sales of the iPhone rose in the quarter, McDonald said."
        ));
        assert!(!glued(
            "The 3D printer and the 4K screen: Three Of The Best Products Of 2019 Are Here."
        ));
        assert!(!glued("Ordinary text with no capitals run into words."));
        assert!(!glued(""));
    }

    #[test]
    fn finds_texts_written_twice() {
        assert!(doubled("Shy owlShy owl"));
        assert!(doubled("Donate Donate"));
        assert!(doubled("mavic-mini.jpgmavic-mini.jpg"));
        assert!(doubled("[IMG_0513-3][IMG_0513-3]"));
        assert!(doubled("관련 기사관련 기사"));
        assert!(!doubled("=============================="));
        assert!(!doubled("New York, New York"));
        assert!(!doubled("Shy owl Shy owls"));
        assert!(!doubled("ab ab"));
        assert!(!doubled(""));
        assert!(!doubled(&"a.\"".repeat(1_000)));
    }

    #[test]
    fn gives_up_on_text_made_of_joins() {
        let camel = "abCdeFghIjkLmnOpqRstUvwXyzAbcDefGhiJklMnoPqrStuVwx Then A Headline Of Words HereThe text.";
        assert!(!glued(camel));
    }

    #[test]
    fn looks_past_the_first_window() {
        let headline = "Officials Open The New Bridge Over The River After Years Of Delay And Cost OverrunsThe bridge opened.";
        assert!(headline.len() > 64);
        assert!(glued(headline));
    }
}
