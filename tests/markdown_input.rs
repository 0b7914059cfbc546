//! Plain-text pages written in Markdown, as scrapers that convert HTML to Markdown leave them:
//! rules judge the text a reader sees, link text counts as links, and the cleaned text is that
//! text unless the markup is asked for.

mod common;

use std::sync::OnceLock;

use common::assert_labels;
use newsclean::{Cleaner, Label, Options, RuleSet};

/// A news page as an HTML-to-Markdown converter writes it: menus and story lists of links with
/// long targets (one list between two paragraphs of the article), an image, headings, and an
/// article whose paragraphs link a few words.
const PAGE: &str = "\
[![The Daily Ledger](https://cdn.example.com/assets/img/logo-main-2023.png)](https://www.example.com/)

  * [World news and analysis](https://www.example.com/world/?utm_source=nav&utm_medium=menu)
  * [Business and markets today](https://www.example.com/business/?utm_source=nav&utm_medium=menu)
  * [Opinion and editorials](https://www.example.com/opinion/?utm_source=nav&utm_medium=menu)

# Council approves the city budget after a long night

![Council members vote](https://cdn.example.com/photos/2024/03/council-vote-large.jpg)

The council approved the budget on Tuesday after a debate that ran past midnight, \
[according to the minutes](https://www.example.com/docs/minutes-2024-03.pdf \"Minutes\"). \
Members argued for hours over road repairs and school funding before the final vote.

  * [Storm closes the coastal road for a second day as waves flood the harbour](https://www.example.com/local/2024/03/storm-closes-coastal-road/)
  * [School board names a new superintendent after a year-long search](https://www.example.com/local/2024/03/school-board-superintendent/)

Supporters said the plan would fix roads and schools within two years, while critics \
warned that the _spending_ would strain the city's reserves if tax revenue fell short.

The mayor is expected to sign the budget next week, and the first contracts for road \
repairs will be tendered in the spring, officials said.

## Most read

  * [Storm closes the coastal road for a second day](https://www.example.com/local/2024/03/storm-closes-coastal-road-second-day/)
  * [School board names a new superintendent](https://www.example.com/local/2024/03/school-board-names-new-superintendent/)
  * [Bakery on Main Street wins a national prize](https://www.example.com/local/2024/03/bakery-main-street-national-prize/)
";

/// A cleaner with default options, or one that keeps the Markdown of kept lines.
fn cleaner(keep_markdown: bool) -> &'static Cleaner {
    static CLEANERS: [OnceLock<Cleaner>; 2] = [OnceLock::new(), OnceLock::new()];
    CLEANERS[usize::from(keep_markdown)].get_or_init(|| {
        let options = Options {
            keep_markdown,
            ..Options::default()
        };
        Cleaner::with_rules(
            RuleSet::builtin().expect("the built-in rules compile"),
            options,
        )
    })
}

#[test]
fn menus_and_story_lists_of_links_are_chrome_even_inside_the_article() {
    let outcome = cleaner(false).clean_text(PAGE);
    let menus = [
        "* World news",
        "* Business",
        "* Storm closes",
        "* School board",
        "* Bakery",
    ];
    assert_labels(&outcome, &menus, Label::Chrome);
    let article = [
        "The council approved",
        "Supporters said",
        "The mayor is expected",
    ];
    assert_labels(&outcome, &article, Label::Content);
    let link_line = outcome
        .blocks()
        .find(|b| b.text.starts_with("* World news"))
        .expect("the menu line is a block");
    assert!(
        outcome.page().link_density(link_line.block) > 0.8,
        "a menu line is link text"
    );
}

#[test]
fn the_cleaned_text_is_what_a_reader_sees_unless_the_markup_is_kept() {
    let outcome = cleaner(false).clean_text(PAGE);
    let text = outcome.text();
    assert!(
        text.contains("past midnight, according to the minutes. Members argued"),
        "{text}"
    );
    assert!(text.contains("warned that the spending would"), "{text}");
    assert!(!text.contains("](") && !text.contains("https://"), "{text}");

    let outcome = cleaner(true).clean_text(PAGE);
    let lines: Vec<&str> = outcome.kept().collect();
    assert!(
        lines.iter().any(|l| l.contains(
            "[according to the minutes](https://www.example.com/docs/minutes-2024-03.pdf \"Minutes\")"
        )),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| PAGE.lines().any(|p| p == *l)));
}

#[test]
fn image_lines_make_no_block_and_line_numbers_stay_those_of_the_input() {
    let outcome = cleaner(false).clean_text(PAGE);
    assert!(outcome.blocks().all(|b| !b.raw.starts_with("![")));
    for b in outcome.blocks() {
        let line = PAGE
            .lines()
            .nth(b.line as usize - 1)
            .expect("a line of the page");
        assert_eq!(b.raw, line);
    }
    let diff = outcome.diff("page.md", "clean.md");
    assert!(
        diff.contains("-  * [World news and analysis](https://www.example.com/world/"),
        "{diff}"
    );
}

#[test]
fn plain_text_with_brackets_is_not_read_as_markdown() {
    let page = "[Video] Storm hits the coast (Reuters)\n\
                Waves flooded the harbour on Monday and the coastal road stayed closed [1].\n";
    let outcome = cleaner(false).clean_text(page);
    let texts: Vec<&str> = outcome.blocks().map(|b| b.text).collect();
    assert_eq!(
        texts,
        [
            "[Video] Storm hits the coast (Reuters)",
            "Waves flooded the harbour on Monday and the coastal road stayed closed [1]."
        ]
    );
}

#[test]
fn markdown_headings_are_headings_to_rules() {
    // A user rule on the `heading` feature fires on `# …` and `## …` lines, as on `<h1>`…`<h6>`.
    let rule = r#"
[[rule]]
id = "mine.heading"
category = "content"
kind = "feature"
when = { heading = true }
weight = 0.5
message = "a heading"
explanation = "Headings."
"#;
    let rules = RuleSet::builder()
        .file("mine.toml", rule)
        .build()
        .expect("the rule compiles");
    let cleaner = Cleaner::with_rules(rules, Options::default());
    let outcome = cleaner.clean_text(PAGE);
    let fired = |start: &str| {
        let block = outcome
            .blocks()
            .find(|b| b.text.starts_with(start))
            .unwrap_or_else(|| panic!("no block starts with {start:?}"));
        block
            .verdict
            .reasons
            .iter()
            .any(|r| outcome.rule(r).id == "mine.heading")
    };
    assert!(fired("Council approves"));
    assert!(fired("Most read"));
    assert!(!fired("The council approved"));
    assert!(!fired("* World news"));
    let plain = cleaner.clean_text("# not a heading in plain text\nA line of text.");
    assert!(plain.blocks().all(|b| {
        b.verdict
            .reasons
            .iter()
            .all(|r| plain.rule(r).id != "mine.heading")
    }));
}
