//! One fixture per rule kind: a small page cleaned through the public API, with a table of which
//! rules fired on which block and the resulting labels.
//!
//! Most fixtures use a rule file of their own with every built-in rule switched off, so a test
//! shows exactly one kind at work and no tuning of the shipped rules can change its outcome. Where
//! a built-in rule is the clearest example of its kind, the fixture runs with all built-in rules
//! and the table lists only the rule under test. The tables read:
//!
//! ```text
//! line keep/drop category  block text (cut)           | rules fired[what they matched]
//! ```
//!
//! with the rules in alphabetical order (the order in which they fire is not the point here).
//!
//! The file also checks the documentation: every ```toml example in `rules/README.md` must load,
//! and every built-in rule must carry a message and an explanation.

use newsclean::page::Zones;
use newsclean::rules::{Feature, Signal};
use newsclean::{Category, Cleaner, Label, Options, Outcome, RuleSet};

/// A rule set holding only `rules` (a rule file): every built-in rule is switched off.
fn only(rules: &str) -> RuleSet {
    let mut builder = RuleSet::builder().file("kinds.toml", rules);
    for rule in RuleSet::builtin().expect("built-in rules load").rules() {
        builder = builder.disable(&rule.id);
    }
    builder
        .build()
        .unwrap_or_else(|e| panic!("test rules load: {e}"))
}

fn cleaner(rules: RuleSet) -> Cleaner {
    Cleaner::with_rules(rules, Options::default())
}

/// The verdict table of `outcome`, listing the rules for which `show(id)` holds.
fn table(outcome: &Outcome<'_>, show: impl Fn(&str) -> bool) -> String {
    let mut lines = Vec::new();
    for block in outcome.blocks() {
        let mut fired: Vec<String> = block
            .verdict
            .reasons
            .iter()
            .filter(|r| show(&outcome.rule(r).id))
            .map(|r| {
                let id = &outcome.rule(r).id;
                match outcome.matched(block.block, r) {
                    Some(m) => format!("{id}[{m}]"),
                    None => id.clone(),
                }
            })
            .collect();
        fired.sort();
        let label = match block.verdict.label {
            Label::Content => "keep",
            Label::Chrome => "drop",
        };
        let text: String = block.text.chars().take(26).collect();
        let line = format!(
            "{:>2} {label} {:<9} {text:<26} | {}",
            block.line,
            block.verdict.category.name(),
            fired.join(" ")
        );
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}

/// The table with every rule that fired.
fn all(outcome: &Outcome<'_>) -> String {
    table(outcome, |_| true)
}

/// Compares tables line by line, so a failure shows the whole table.
#[track_caller]
fn assert_table(actual: String, expected: &str) {
    let expected: Vec<&str> = expected
        .trim_matches('\n')
        .lines()
        .map(str::trim_end)
        .collect();
    let expected = expected.join("\n");
    assert!(
        actual == expected,
        "\n--- expected\n{expected}\n--- actual\n{actual}\n"
    );
}

/// Adds +1 to every block, so a block is kept unless a rule under test fires on it.
const BASELINE: &str = r#"
[[rule]]
id = "t.baseline"
category = "content"
kind = "feature"
when = { chars = { min = 1 } }
weight = 1.0
message = "any block"
explanation = "Every block starts slightly positive in these fixtures."
"#;

/// Prose (+3), for the section and context fixtures.
const PROSE: &str = r#"
[[rule]]
id = "t.prose"
category = "content"
kind = "feature"
when = { units = { min = 80 } }
weight = 3.0
message = "prose-length block"
explanation = "Long blocks are article text in these fixtures."
"#;

/// Short lines (-1), for the section and context fixtures.
const SHORT: &str = r#"
[[rule]]
id = "t.short"
category = "chrome"
kind = "feature"
when = { units = { max = 30 } }
weight = -1.0
message = "short block"
explanation = "Short blocks lean towards chrome in these fixtures."
"#;

/// A rule set of `PROSE`, `SHORT` and `rules`.
fn shapes(rules: &str) -> RuleSet {
    only(&format!("{PROSE}{SHORT}{rules}"))
}

fn prose(topic: &str) -> String {
    format!(
        "{topic}: the council approved the plan on Tuesday after a debate that lasted for most of the night."
    )
}

// ---------------------------------------------------------------------------------------------
// phrase

#[test]
fn phrase_line_matches_the_whole_line_without_bullets_and_counts() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.share"
category = "share"
kind = "phrase"
match = "line"
phrases = ["Share", "댓글"]
weight = -3.0
message = "share button"
explanation = "A block that is only the word Share is a button."
"#
    ));
    let cleaner = cleaner(rules);
    let page =
        "Share\n• Share (12)\nSHARE:\nShare this story\nPlease share your views.\n댓글 3\n1. Share";
    assert_table(
        all(&cleaner.clean_text(page)),
        "
 1 drop share     Share                      | t.baseline t.share[Share]
 2 drop share     • Share (12)               | t.baseline t.share[Share]
 3 drop share     SHARE:                     | t.baseline t.share[SHARE]
 4 keep content   Share this story           | t.baseline
 5 keep content   Please share your views.   | t.baseline
 6 drop share     댓글 3                       | t.baseline t.share[댓글]
 7 keep content   1. Share                   | t.baseline",
    );
}

#[test]
fn phrase_prefix_matches_at_the_start_and_respects_word_edges() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.sponsor"
category = "ads"
kind = "phrase"
match = "prefix"
phrases = ["Sponsored by", "광고"]
weight = -3.0
message = "sponsor line"
explanation = "Lines starting with a sponsor notice are advertising."
"#
    ));
    let cleaner = cleaner(rules);
    let page = "Sponsored by Acme Corp\n• sponsored by Acme Corp\nThis story was sponsored by Acme\nSponsored byline missing\n광고문의 02-123-4567";
    assert_table(
        all(&cleaner.clean_text(page)),
        "
 1 drop ads       Sponsored by Acme Corp     | t.baseline t.sponsor[Sponsored by]
 2 drop ads       • sponsored by Acme Corp   | t.baseline t.sponsor[sponsored by]
 3 keep content   This story was sponsored b | t.baseline
 4 keep content   Sponsored byline missing   | t.baseline
 5 drop ads       광고문의 02-123-4567           | t.baseline t.sponsor[광고]",
    );
}

#[test]
fn phrase_contains_matches_anywhere_at_word_edges_for_ascii_only() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.ad"
category = "ads"
kind = "phrase"
match = "contains"
phrases = ["ad", "구독"]
weight = -3.0
message = "mentions ads or subscriptions"
explanation = "Lines mentioning ads are advertising."
"#
    ));
    let cleaner = cleaner(rules);
    let page = "An ad here\nRead our AD policy\nad-free reading\nA shadow and a header\nAdding numbers\n뉴스레터구독하기";
    assert_table(
        all(&cleaner.clean_text(page)),
        "
 1 drop ads       An ad here                 | t.ad[ad] t.baseline
 2 drop ads       Read our AD policy         | t.ad[AD] t.baseline
 3 drop ads       ad-free reading            | t.ad[ad] t.baseline
 4 keep content   A shadow and a header      | t.baseline
 5 keep content   Adding numbers             | t.baseline
 6 drop ads       뉴스레터구독하기                   | t.ad[구독] t.baseline",
    );
}

#[test]
fn builtin_share_words_fire_on_buttons_not_on_prose() {
    let cleaner = Cleaner::new().unwrap();
    let page = format!(
        "{}\nShare on Facebook\n{}\n• Tweet\n{}",
        prose("Budget"),
        prose("Schools"),
        prose("Bridge")
    );
    let outcome = cleaner.clean_text(&page);
    assert_table(
        table(&outcome, |id| id == "share.words"),
        "
 1 keep content   Budget: the council approv |
 2 drop share     Share on Facebook          | share.words[Share on Facebook]
 3 keep content   Schools: the council appro |
 4 drop share     • Tweet                    | share.words[Tweet]
 5 keep content   Bridge: the council approv |",
    );
}

// ---------------------------------------------------------------------------------------------
// regex

#[test]
fn regex_runs_on_the_text_without_bullets_and_list_numbers() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.photo"
category = "caption"
kind = "regex"
pattern = '^(?i:photo|image)\s*:\s*\S+'
weight = -3.0
message = "photo credit"
explanation = "Lines starting with Photo: are credits."
"#
    ));
    let cleaner = cleaner(rules);
    let page = "Photo: Reuters\n• photo: AP\n2. IMAGE : Getty\nA photo: not at the start\nPhotographs of the day";
    assert_table(
        all(&cleaner.clean_text(page)),
        "
 1 drop caption   Photo: Reuters             | t.baseline t.photo[Photo: Reuters]
 2 drop caption   • photo: AP                | t.baseline t.photo[photo: AP]
 3 drop caption   2. IMAGE : Getty           | t.baseline t.photo[IMAGE : Getty]
 4 keep content   A photo: not at the start  | t.baseline
 5 keep content   Photographs of the day     | t.baseline",
    );
}

// ---------------------------------------------------------------------------------------------
// dom

#[test]
fn dom_tokens_match_parts_prefixes_and_infixes_of_class_and_id() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.promo"
category = "ads"
kind = "dom"
tokens = ["promo", "widget*", "*teaser*"]
weight = -3.0
message = "promo markup"
explanation = "Promotional boxes."
"#
    ));
    let cleaner = cleaner(rules);
    let html = format!(
        r#"<html><body>
<div class="box article-promo"><p>Part of a token</p></div>
<div class="promotion"><p>Promotion is another word</p></div>
<div id="Widget_Area"><p>Prefix of a part</p></div>
<div class="mywidget"><p>Not a prefix</p></div>
<div class="bigteaserbox"><div><p>Inside a token, inherited</p></div></div>
<section itemprop="promo"><p>Itemprop token</p></section>
<p>{}</p>
</body></html>"#,
        prose("Budget")
    );
    assert_table(
        all(&cleaner.clean_html(&html)),
        r#"
 1 drop ads       Part of a token            | t.baseline t.promo[class/id "article-promo"]
 2 keep content   Promotion is another word  | t.baseline
 3 drop ads       Prefix of a part           | t.baseline t.promo[class/id "widget_area"]
 4 keep content   Not a prefix               | t.baseline
 5 drop ads       Inside a token, inherited  | t.baseline t.promo[class/id "bigteaserbox"]
 6 drop ads       Itemprop token             | t.baseline t.promo[class/id "promo"]
 7 keep content   Budget: the council approv | t.baseline"#,
    );
}

#[test]
fn dom_matches_on_elements_holding_most_of_the_page_are_ignored_below_max_share() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.comments"
category = "comments"
kind = "dom"
tokens = ["comments"]
weight = -3.0
message = "comment markup"
explanation = "Default max_share: 0.5."

[[rule]]
id = "t.comments-anywhere"
category = "comments"
kind = "dom"
tokens = ["comments"]
max_share = 1.0
weight = -3.0
message = "comment markup, however large"
explanation = "max_share = 1.0 keeps matches on the page wrapper."
"#
    ));
    let cleaner = cleaner(rules);
    let html = format!(
        r#"<html><body><div class="page has-comments"><p>{}</p><p>{}</p></div></body></html>"#,
        prose("Budget"),
        prose("Schools")
    );
    assert_table(
        all(&cleaner.clean_html(&html)),
        r#"
 1 drop comments  Budget: the council approv | t.baseline t.comments-anywhere[class/id "has-comments"]
 2 drop comments  Schools: the council appro | t.baseline t.comments-anywhere[class/id "has-comments"]"#,
    );
}

#[test]
fn dom_innermost_markup_decides_between_content_and_chrome() {
    let rules = only(
        r#"
[[rule]]
id = "t.body"
category = "content"
kind = "dom"
tokens = ["story-body"]
max_share = 1.0
weight = 2.0
message = "article body markup"
explanation = "The article body."

[[rule]]
id = "t.share"
category = "share"
kind = "dom"
tokens = ["share*"]
weight = -3.0
message = "share markup"
explanation = "Share tools."
"#,
    );
    let cleaner = cleaner(rules);
    let html = format!(
        r#"<body><div class="story-body"><p>{}</p><div class="share-box"><p>Facebook</p></div><p>{}</p></div></body>"#,
        prose("Budget"),
        prose("Schools")
    );
    assert_table(
        all(&cleaner.clean_html(&html)),
        r#"
 1 keep content   Budget: the council approv | t.body[class/id "story-body"]
 2 drop share     Facebook                   | t.share[class/id "share-box"]
 3 keep content   Schools: the council appro | t.body[class/id "story-body"]"#,
    );
}

#[test]
fn dom_tags_match_block_elements_and_what_is_inside_them() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.table"
category = "chrome"
kind = "dom"
tags = ["table", "h2"]
weight = -3.0
message = "table or subheading"
explanation = "Tables and subheadings, for this fixture."

[[rule]]
id = "t.span"
category = "chrome"
kind = "dom"
tags = ["span", "a"]
weight = -3.0
message = "inline elements"
explanation = "Inline elements are not blocks: this never fires."
"#
    ));
    let cleaner = cleaner(rules);
    let html = format!(
        r#"<body><h2>Results</h2><table><tr><td>Team A</td><td>3</td></tr></table>
<p><span>{}</span> <a href="/x">link</a></p></body>"#,
        prose("Budget")
    );
    assert_table(
        all(&cleaner.clean_html(&html)),
        "
 1 drop chrome    Results                    | t.baseline t.table[<h2>]
 2 drop chrome    Team A\t3                   | t.baseline t.table[<table>]
 3 keep content   Budget: the council approv | t.baseline",
    );
}

#[test]
fn dom_zones_come_from_tags_and_aria_roles() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.footer"
category = "legal"
kind = "dom"
zones = ["footer"]
weight = -3.0
message = "footer zone"
explanation = "Footers."

[[rule]]
id = "t.nav"
category = "nav"
kind = "dom"
zones = ["nav"]
weight = -3.0
message = "nav zone"
explanation = "Navigation."
"#
    ));
    let cleaner = cleaner(rules);
    let html = format!(
        r#"<body><div role="navigation"><ul><li>Home</li></ul></div><menu><li>Tools</li></menu>
<p>{}</p><footer><p>Footer text</p></footer><div role="contentinfo"><p>Contact info</p></div></body>"#,
        prose("Budget")
    );
    assert_table(
        all(&cleaner.clean_html(&html)),
        "
 1 drop nav       Home                       | t.baseline t.nav[<li>]
 2 drop nav       Tools                      | t.baseline t.nav[<li>]
 3 keep content   Budget: the council approv | t.baseline
 4 drop legal     Footer text                | t.baseline t.footer[<p>]
 5 drop legal     Contact info               | t.baseline t.footer[<p>]",
    );
}

#[test]
fn dom_selector_matches_attributes_and_structure() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.slot"
category = "ads"
kind = "dom"
selector = "[data-ad-slot]"
weight = -3.0
message = "ad slot"
explanation = "Elements with a data-ad-slot attribute are ad slots."

[[rule]]
id = "t.tags"
category = "meta"
kind = "dom"
selector = "ul.tags > li"
weight = -3.0
message = "tag list item"
explanation = "Items of a tag list."
"#
    ));
    let cleaner = cleaner(rules);
    let html = format!(
        r#"<body><div data-ad-slot="top"><p>Buy now</p></div><p>{}</p>
<ul class="tags"><li>budget</li><li>council</li></ul><ul><li>An ordinary list item</li></ul></body>"#,
        prose("Budget")
    );
    assert_table(
        all(&cleaner.clean_html(&html)),
        "
 1 drop ads       Buy now                    | t.baseline t.slot[<div>]
 2 keep content   Budget: the council approv | t.baseline
 3 drop meta      budget                     | t.baseline t.tags[<li>]
 4 drop meta      council                    | t.baseline t.tags[<li>]
 5 keep content   An ordinary list item      | t.baseline",
    );
}

// ---------------------------------------------------------------------------------------------
// feature

#[test]
fn feature_rules_measure_length_in_latin_equivalent_units() {
    // units: Latin letters, digits and spaces count 1, Hangul syllables 2, Han characters 3.
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.tiny"
category = "chrome"
kind = "feature"
when = {{ units = {{ max = 12 }} }}
weight = -3.0
message = "at most 12 units"
explanation = "About twelve Latin letters, six Hangul syllables or four Han characters."
"#
    ));
    let cleaner = cleaner(rules);
    // 7, 12 (6 Hangul syllables), 14 (7 syllables), 12 (4 Han) and 15 (5 Han) units.
    let page = "Weather\n서울특별시청\n서울특별시청사\n人民日报\n人民日报社";
    assert_table(
        all(&cleaner.clean_text(page)),
        "
 1 drop chrome    Weather                    | t.baseline t.tiny
 2 drop chrome    서울특별시청                     | t.baseline t.tiny
 3 keep content   서울특별시청사                    | t.baseline
 4 drop chrome    人民日报                       | t.baseline t.tiny
 5 keep content   人民日报社                      | t.baseline",
    );
}

#[test]
fn feature_rules_combine_numbers_and_flags() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.list"
category = "related"
kind = "feature"
when = {{ list_item = true, ends_sentence = false }}
weight = -3.0
message = "list item, not a sentence"
explanation = "Bulleted or numbered lines that are not sentences."

[[rule]]
id = "t.last"
category = "legal"
kind = "feature"
when = {{ position = {{ min = 1.0 }} }}
weight = -3.0
message = "last block"
explanation = "The last block of the page."
"#
    ));
    let cleaner = cleaner(rules);
    let page = "• Storm hits coast\n• The storm hit the coast.\n3) Markets rally\nMarkets rally\nEnd of page";
    assert_table(
        all(&cleaner.clean_text(page)),
        "
 1 drop related   • Storm hits coast         | t.baseline t.list
 2 keep content   • The storm hit the coast. | t.baseline
 3 drop related   3) Markets rally           | t.baseline t.list
 4 keep content   Markets rally              | t.baseline
 5 drop legal     End of page                | t.baseline t.last",
    );
}

#[test]
fn builtin_function_words_tell_prose_from_lists_of_names() {
    // Menus of section names in three languages, then prose in the same three.
    let cleaner = Cleaner::new().unwrap();
    let page = "Home News Sport Weather Business Culture Travel Science\n\
        Politik Wirtschaft Sport Kultur Wissen Reisen Gesundheit\n\
        정치 경제 사회 국제 문화 스포츠 연예 오피니언\n\
        The minister said that the plan would be ready by the end of the year.\n\
        Der Minister sagte, dass der Plan bis zum Ende des Jahres fertig sein werde.\n\
        장관은 이 계획이 올해 말까지 준비될 것이라고 말했다.";
    let outcome = cleaner.clean_text(page);
    let fired: Vec<bool> = outcome
        .blocks()
        .map(|b| {
            b.verdict
                .reasons
                .iter()
                .any(|r| outcome.rule(r).id == "content.function-words")
        })
        .collect();
    assert_eq!(fired, [false, false, false, true, true, true]);
    let kept: Vec<bool> = outcome
        .blocks()
        .map(|b| b.verdict.label == Label::Content)
        .collect();
    assert_eq!(kept, [false, false, false, true, true, true]);
}

// ---------------------------------------------------------------------------------------------
// section

const MORE_STORIES: &str = r#"
[[rule]]
id = "t.more"
category = "related"
kind = "section"
match = "line"
phrases = ["More stories"]
weight = -3.0
follow_weight = -4.0
message = "related-stories header"
explanation = "A list of other stories follows."
"#;

#[test]
fn section_runs_until_substantial_content_resumes() {
    let cleaner = cleaner(shapes(MORE_STORIES));
    let page = [
        prose("Budget"),
        prose("Schools"),
        prose("Bridge"),
        "More stories".into(),
        "Storm hits coast".into(),
        "Markets rally".into(),
        prose("Library"),
        prose("Parks"),
    ]
    .join("\n");
    // The main text is worth 9 (three paragraphs); content resumes where a run worth at least
    // resume_ratio (0.5) × 9 starts: the two paragraphs at lines 7-8.
    assert_table(
        all(&cleaner.clean_text(&page)),
        "
 1 keep content   Budget: the council approv | t.prose
 2 keep content   Schools: the council appro | t.prose
 3 keep content   Bridge: the council approv | t.prose
 4 drop related   More stories               | t.more[More stories] t.short
 5 drop related   Storm hits coast           | t.more[section opened at line 4] t.short
 6 drop related   Markets rally              | t.more[section opened at line 4] t.short
 7 keep content   Library: the council appro | t.prose
 8 keep content   Parks: the council approve | t.prose",
    );
}

#[test]
fn section_is_not_closed_by_a_lone_paragraph_unless_resume_ratio_allows() {
    let page = [
        prose("Budget"),
        prose("Schools"),
        prose("Bridge"),
        "More stories".into(),
        "Storm hits coast".into(),
        prose("Teaser"),
    ]
    .join("\n");
    // One paragraph (3) is less than 0.5 × 9: still part of the list of other stories.
    let cleaner = cleaner(shapes(MORE_STORIES));
    assert_table(
        all(&cleaner.clean_text(&page)),
        "
 1 keep content   Budget: the council approv | t.prose
 2 keep content   Schools: the council appro | t.prose
 3 keep content   Bridge: the council approv | t.prose
 4 drop related   More stories               | t.more[More stories] t.short
 5 drop related   Storm hits coast           | t.more[section opened at line 4] t.short
 6 drop related   Teaser: the council approv | t.more[section opened at line 4] t.prose",
    );
    // With resume_ratio = 0.3 it is enough (3 ≥ 0.3 × 9).
    let lenient = MORE_STORIES.replace("follow_weight", "resume_ratio = 0.3\nfollow_weight");
    let cleaner = self::cleaner(shapes(&lenient));
    let outcome = cleaner.clean_text(&page);
    let last = outcome.blocks().last().unwrap();
    assert_eq!(last.verdict.label, Label::Content);
    assert_eq!(
        table(&outcome, |id| id == "t.more")
            .lines()
            .map(|l| l.ends_with("t.more[section opened at line 4]"))
            .collect::<Vec<_>>(),
        [false, false, false, false, true, false]
    );
}

const COMMENTS: &str = r#"
[[rule]]
id = "t.comments"
category = "comments"
kind = "section"
match = "line"
phrases = ["Comments"]
weight = -3.0
follow_weight = -8.0
end_after = 6.0
message = "comment section header"
explanation = "User comments follow."
"#;

/// A commenter line ("Jane wrote:"), a rule of the section's category.
const COMMENTER: &str = r#"
[[rule]]
id = "t.commenter"
category = "comments"
kind = "regex"
pattern = ' wrote:$'
weight = -2.0
message = "commenter line"
explanation = "A name and 'wrote:' heads a comment."
"#;

#[test]
fn section_with_end_after_runs_to_the_end_after_the_article() {
    // Article content worth 6 or more (two paragraphs) comes before the header, and it
    // outweighs what follows: the section takes the rest of the page.
    let short_thread = [
        prose("Budget"),
        prose("Schools"),
        "Comments".into(),
        prose("Reader one"),
    ]
    .join("\n");
    let cleaner = cleaner(shapes(COMMENTS));
    assert_table(
        all(&cleaner.clean_text(&short_thread)),
        "
 1 keep content   Budget: the council approv | t.prose
 2 keep content   Schools: the council appro | t.prose
 3 drop comments  Comments                   | t.comments[Comments] t.short
 4 drop comments  Reader one: the council ap | t.comments[section opened at line 3] t.prose",
    );
    // A longer thread outweighs the article: the section runs to the end only when more
    // comment evidence follows the header (a commenter line), however long the comments.
    let long_thread = |commenter: &str| {
        [
            prose("Budget"),
            prose("Schools"),
            "Comments".into(),
            commenter.into(),
            prose("Reader one"),
            prose("Reader two"),
            prose("Reader three"),
        ]
        .join("\n")
    };
    let cleaner = self::cleaner(shapes(&format!("{COMMENTS}{COMMENTER}")));
    assert_table(
        all(&cleaner.clean_text(&long_thread("Jane wrote:"))),
        "
 1 keep content   Budget: the council approv | t.prose
 2 keep content   Schools: the council appro | t.prose
 3 drop comments  Comments                   | t.comments[Comments] t.short
 4 drop comments  Jane wrote:                | t.commenter[ wrote:] t.comments[section opened at line 3] t.short
 5 drop comments  Reader one: the council ap | t.comments[section opened at line 3] t.prose
 6 drop comments  Reader two: the council ap | t.comments[section opened at line 3] t.prose
 7 drop comments  Reader three: the council  | t.comments[section opened at line 3] t.prose",
    );
    // Without that evidence the paragraphs after the header may be the article itself (the
    // header was a "comment" button under the lead): content resumes.
    assert_table(
        all(&cleaner.clean_text(&long_thread("Three readers"))),
        "
 1 keep content   Budget: the council approv | t.prose
 2 keep content   Schools: the council appro | t.prose
 3 drop comments  Comments                   | t.comments[Comments] t.short
 4 drop comments  Three readers              | t.comments[section opened at line 3] t.short
 5 keep content   Reader one: the council ap | t.prose
 6 keep content   Reader two: the council ap | t.prose
 7 keep content   Reader three: the council  | t.prose",
    );
    // Without end_after, comments long enough look like resumed article content.
    let cleaner = self::cleaner(shapes(&COMMENTS.replace("end_after = 6.0\n", "")));
    assert_table(
        all(&cleaner.clean_text(&long_thread("Jane wrote:"))),
        "
 1 keep content   Budget: the council approv | t.prose
 2 keep content   Schools: the council appro | t.prose
 3 drop comments  Comments                   | t.comments[Comments] t.short
 4 drop comments  Jane wrote:                | t.comments[section opened at line 3] t.short
 5 keep content   Reader one: the council ap | t.prose
 6 keep content   Reader two: the council ap | t.prose
 7 keep content   Reader three: the council  | t.prose",
    );
}

#[test]
fn section_with_end_after_ends_with_the_list_it_heads_when_the_article_goes_on() {
    // A box of two headlines inside the article: the section ends with the list, where the
    // article resumes, though it would otherwise run to the end (the header follows the
    // article's first paragraphs and outweighs the one paragraph after the list).
    let page = [
        prose("Budget"),
        prose("Schools"),
        "Comments".into(),
        "• Council votes on parking".into(),
        "• Library hours extended".into(),
        prose("Roads"),
    ]
    .join("\n");
    let cleaner = cleaner(shapes(COMMENTS));
    assert_table(
        all(&cleaner.clean_text(&page)),
        "
 1 keep content   Budget: the council approv | t.prose
 2 keep content   Schools: the council appro | t.prose
 3 drop comments  Comments                   | t.comments[Comments] t.short
 4 drop comments  • Council votes on parking | t.comments[section opened at line 3] t.short
 5 drop comments  • Library hours extended   | t.comments[section opened at line 3] t.short
 6 keep content   Roads: the council approve | t.prose",
    );
    // One item is no list: the section runs to the end.
    let page = [
        prose("Budget"),
        prose("Schools"),
        "Comments".into(),
        "• Council votes on parking".into(),
        prose("Roads"),
    ]
    .join("\n");
    assert_table(
        all(&cleaner.clean_text(&page)),
        "
 1 keep content   Budget: the council approv | t.prose
 2 keep content   Schools: the council appro | t.prose
 3 drop comments  Comments                   | t.comments[Comments] t.short
 4 drop comments  • Council votes on parking | t.comments[section opened at line 3] t.short
 5 drop comments  Roads: the council approve | t.comments[section opened at line 3] t.prose",
    );
}

#[test]
fn section_with_end_after_above_the_article_is_closed_by_it() {
    // A comment count above the article: no article content before it, so the article closes it.
    let page = [
        "Comments".into(),
        "Sign in".into(),
        prose("Budget"),
        prose("Schools"),
    ]
    .join("\n");
    let cleaner = cleaner(shapes(COMMENTS));
    assert_table(
        all(&cleaner.clean_text(&page)),
        "
 1 drop comments  Comments                   | t.comments[Comments] t.short
 2 drop comments  Sign in                    | t.comments[section opened at line 1] t.short
 3 keep content   Budget: the council approv | t.prose
 4 keep content   Schools: the council appro | t.prose",
    );
}

#[test]
fn builtin_comment_section_takes_the_comments_below_the_article() {
    let cleaner = Cleaner::new().unwrap();
    let page = [
        prose("Budget"),
        prose("Schools"),
        prose("Bridge"),
        "Comments".into(),
        "I think the council made the right call here, and the bridge has needed work for years."
            .into(),
        "Nonsense. The money should have gone to the hospital instead of yet another study.".into(),
    ]
    .join("\n");
    let outcome = cleaner.clean_text(&page);
    assert_table(
        table(&outcome, |id| id == "comments.section"),
        "
 1 keep content   Budget: the council approv |
 2 keep content   Schools: the council appro |
 3 keep content   Bridge: the council approv |
 4 drop comments  Comments                   | comments.section[Comments]
 5 drop comments  I think the council made t | comments.section[section opened at line 4]
 6 drop comments  Nonsense. The money should | comments.section[section opened at line 4]",
    );
}

// ---------------------------------------------------------------------------------------------
// repeated

#[test]
fn repeated_counts_blocks_with_the_same_line_key() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.repeated"
category = "chrome"
kind = "repeated"
min_count = 3
weight = -3.0
message = "three times or more"
explanation = "Text shown three times in a page is chrome."
"#
    ));
    let cleaner = cleaner(rules);
    let page =
        "Comments (3)\nBudget talks resume\nComments (5)\nBudget talks resume\n• Comments\nWeather";
    assert_table(
        all(&cleaner.clean_text(page)),
        "
 1 drop chrome    Comments (3)               | t.baseline t.repeated[3 times in the page]
 2 keep content   Budget talks resume        | t.baseline
 3 drop chrome    Comments (5)               | t.baseline t.repeated[3 times in the page]
 4 keep content   Budget talks resume        | t.baseline
 5 drop chrome    • Comments                 | t.baseline t.repeated[3 times in the page]
 6 keep content   Weather                    | t.baseline",
    );
}

#[test]
fn repeated_within_fires_only_on_near_repeats() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.nearby"
category = "related"
kind = "repeated"
within = 2
weight = -3.0
message = "repeated close by"
explanation = "A headline shown twice in a card is a teaser."
"#
    ));
    let cleaner = cleaner(rules);
    let page = "Mayor opens bridge\nMAYOR\nMayor opens bridge\nThe bridge opened today.\n\
                Council meets\nA second story.\nA third story.\nCouncil meets";
    assert_table(
        all(&cleaner.clean_text(page)),
        "
 1 drop related   Mayor opens bridge         | t.baseline t.nearby[again 2 blocks away]
 2 keep content   MAYOR                      | t.baseline
 3 drop related   Mayor opens bridge         | t.baseline t.nearby[again 2 blocks away]
 4 keep content   The bridge opened today.   | t.baseline
 5 keep content   Council meets              | t.baseline
 6 keep content   A second story.            | t.baseline
 7 keep content   A third story.             | t.baseline
 8 keep content   Council meets              | t.baseline",
    );
}

// ---------------------------------------------------------------------------------------------
// run

#[test]
fn run_fires_on_every_block_of_a_long_enough_run() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.headlines"
category = "related"
kind = "run"
min_run = 3
when = {{ units = {{ max = 40 }}, ends_sentence = false }}
weight = -3.0
message = "in a list of headlines"
explanation = "Three or more short non-sentences in a row are a list of other stories."
"#
    ));
    let cleaner = cleaner(rules);
    let page = [
        prose("Budget"),
        "Storm hits coast".into(),
        "Markets rally".into(),
        "New stadium opens".into(),
        prose("Schools"),
        "Budget vote delayed".into(),
        "Schools reopen".into(),
        prose("Bridge"),
    ]
    .join("\n");
    assert_table(
        all(&cleaner.clean_text(&page)),
        "
 1 keep content   Budget: the council approv | t.baseline
 2 drop related   Storm hits coast           | t.baseline t.headlines[run of 3 blocks]
 3 drop related   Markets rally              | t.baseline t.headlines[run of 3 blocks]
 4 drop related   New stadium opens          | t.baseline t.headlines[run of 3 blocks]
 5 keep content   Schools: the council appro | t.baseline
 6 keep content   Budget vote delayed        | t.baseline
 7 keep content   Schools reopen             | t.baseline
 8 keep content   Bridge: the council approv | t.baseline",
    );
}

// ---------------------------------------------------------------------------------------------
// context

const MENU: &str = r#"
[[rule]]
id = "t.menu"
category = "nav"
kind = "phrase"
match = "line"
phrases = ["Home", "Sport", "News", "Weather"]
weight = -3.0
message = "menu item"
explanation = "Menu words."
"#;

#[test]
fn context_main_text_and_outside_main_text() {
    let rules = shapes(&format!(
        r#"{MENU}
[[rule]]
id = "t.main"
category = "content"
kind = "context"
signal = "main-text"
weight = 1.5
message = "inside the main text"
explanation = "Short lines of the article lean towards content."

[[rule]]
id = "t.outside"
category = "chrome"
kind = "context"
signal = "outside-main-text"
weight = -5.0
message = "outside the main text"
explanation = "Teasers and footers around the article."
"#
    ));
    let cleaner = cleaner(rules);
    let page = [
        "Home".into(),
        "Sport".into(),
        prose("Budget"),
        "The vote was close.".into(),
        prose("Schools"),
        "Weather".into(),
        "News".into(),
        prose("Teaser"),
    ]
    .join("\n");
    // The main text is lines 3-5 (worth 3 - 1 + 3 = 5); the teaser after two menu lines is not
    // part of it (5 - 4 - 4 + 3 < 5).
    assert_table(
        all(&cleaner.clean_text(&page)),
        "
 1 drop nav       Home                       | t.menu[Home] t.outside t.short
 2 drop nav       Sport                      | t.menu[Sport] t.outside t.short
 3 keep content   Budget: the council approv | t.main t.prose
 4 keep content   The vote was close.        | t.main t.short
 5 keep content   Schools: the council appro | t.main t.prose
 6 drop nav       Weather                    | t.menu[Weather] t.outside t.short
 7 drop nav       News                       | t.menu[News] t.outside t.short
 8 drop nav       Teaser: the council approv | t.outside t.prose",
    );
}

#[test]
fn context_structured_body_recognises_the_declared_article_text() {
    let rules = only(
        r#"
[[rule]]
id = "t.body"
category = "content"
kind = "context"
signal = "structured-body"
weight = 3.0
message = "in the JSON-LD articleBody"
explanation = "The page declares this text as its article body."
"#,
    );
    let cleaner = cleaner(rules);
    let (a, b) = (prose("Budget"), prose("Schools"));
    let html = format!(
        r#"<html><head><script type="application/ld+json">
{{"@type": "NewsArticle", "headline": "Budget", "articleBody": "{a} {b} Vote count"}}
</script></head><body><p>{a}</p><p>Vote count</p><p>{b}</p><p>{}</p></body></html>"#,
        "Read next: why the city's oldest bakery is closing its doors after ninety years of trade."
    );
    // Blocks of fewer than three words are never matched ("Vote count").
    assert_table(
        all(&cleaner.clean_html(&html)),
        "
 1 keep content   Budget: the council approv | t.body
 2 drop chrome    Vote count                 |
 3 keep content   Schools: the council appro | t.body
 4 drop chrome    Read next: why the city's  |",
    );
}

#[test]
fn context_title_marks_the_headline_block() {
    let rules = only(&format!(
        r#"{BASELINE}
[[rule]]
id = "t.title"
category = "meta"
kind = "context"
signal = "title"
weight = -4.0
message = "the page title"
explanation = "The headline is metadata."
"#
    ));
    let cleaner = cleaner(rules);
    let html = format!(
        "<html><head><title>Council  passes the BUDGET</title></head><body>\
         <h1>Council passes the budget</h1><p>{}</p><h2>Council passes</h2></body></html>",
        prose("Budget")
    );
    let outcome = cleaner.clean_html(&html);
    assert_eq!(outcome.title(), Some("Council passes the BUDGET"));
    assert_table(
        table(&outcome, |id| id == "t.title"),
        "
 1 drop meta      Council passes the budget  | t.title
 2 keep content   Budget: the council approv |
 3 keep content   Council passes             |",
    );
}

#[test]
fn builtin_context_title_drops_the_headline() {
    let cleaner = Cleaner::new().unwrap();
    let html = format!(
        "<html><head><meta property=\"og:title\" content=\"Council passes the budget\"></head><body>\
         <h1>Council passes the budget</h1><p>{}</p><p>{}</p></body></html>",
        prose("Budget"),
        prose("Schools")
    );
    let outcome = cleaner.clean_html(&html);
    let rows: Vec<(Label, Category, bool)> = outcome
        .blocks()
        .map(|b| {
            let title = b
                .verdict
                .reasons
                .iter()
                .any(|r| outcome.rule(r).id == "context.title");
            (b.verdict.label, b.verdict.category, title)
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Label::Chrome, Category::Meta, true),
            (Label::Content, Category::Content, false),
            (Label::Content, Category::Content, false)
        ]
    );
}

/// A page for the neighbour signals: a heading, a short sentence between paragraphs, and an
/// unknown word between menu items.
fn neighbours_page() -> String {
    [
        "Home".into(),
        "Council passes budget".into(),
        prose("Budget"),
        "He paused.".into(),
        prose("Schools"),
        "Sport".into(),
        "Most read".into(),
        "News".into(),
    ]
    .join("\n")
}

const BETWEEN_CONTENT: &str = r#"
[[rule]]
id = "t.between-content"
category = "content"
kind = "context"
signal = "between-content"
weight = 2.0
message = "between content"
explanation = "An undecided block between content blocks is content."
"#;

const BETWEEN_CHROME: &str = r#"
[[rule]]
id = "t.between-chrome"
category = "chrome"
kind = "context"
signal = "between-chrome"
weight = -2.0
message = "between chrome"
explanation = "An undecided block between chrome blocks is chrome."
"#;

const HEADING: &str = r#"
[[rule]]
id = "t.heading"
category = "content"
kind = "context"
signal = "heading-before-content"
when = { units = { max = 60 }, ends_sentence = false }
weight = 2.5
message = "heading before content"
explanation = "An undecided short block right before content is its heading."
"#;

/// `MENU` and prose (+3), without the short-block rule: short lines stay undecided (score 0).
fn neighbour_rules(extra: &str) -> RuleSet {
    only(&format!("{MENU}{PROSE}{extra}"))
}

#[test]
fn context_heading_before_content() {
    let cleaner = cleaner(neighbour_rules(&format!("{BETWEEN_CONTENT}{HEADING}")));
    assert_table(
        all(&cleaner.clean_text(&neighbours_page())),
        "
 1 drop nav       Home                       | t.menu[Home]
 2 keep content   Council passes budget      | t.heading
 3 keep content   Budget: the council approv | t.prose
 4 keep content   He paused.                 | t.between-content
 5 keep content   Schools: the council appro | t.prose
 6 drop nav       Sport                      | t.menu[Sport]
 7 drop nav       Most read                  |
 8 drop nav       News                       | t.menu[News]",
    );
}

#[test]
fn context_between_content() {
    // Without a heading rule, the heading is undecided between chrome and content: no signal.
    let cleaner = cleaner(neighbour_rules(BETWEEN_CONTENT));
    assert_table(
        all(&cleaner.clean_text(&neighbours_page())),
        "
 1 drop nav       Home                       | t.menu[Home]
 2 drop nav       Council passes budget      |
 3 keep content   Budget: the council approv | t.prose
 4 keep content   He paused.                 | t.between-content
 5 keep content   Schools: the council appro | t.prose
 6 drop nav       Sport                      | t.menu[Sport]
 7 drop nav       Most read                  |
 8 drop nav       News                       | t.menu[News]",
    );
}

#[test]
fn context_between_chrome() {
    let cleaner = cleaner(neighbour_rules(BETWEEN_CHROME));
    assert_table(
        all(&cleaner.clean_text(&neighbours_page())),
        "
 1 drop nav       Home                       | t.menu[Home]
 2 drop nav       Council passes budget      |
 3 keep content   Budget: the council approv | t.prose
 4 drop chrome    He paused.                 |
 5 keep content   Schools: the council appro | t.prose
 6 drop nav       Sport                      | t.menu[Sport]
 7 drop nav       Most read                  | t.between-chrome
 8 drop nav       News                       | t.menu[News]",
    );
}

// ---------------------------------------------------------------------------------------------
// scopes and labels

#[test]
fn lang_and_input_scopes_limit_where_a_rule_fires() {
    let rules = RuleSet::builder()
        .file(
            "scopes.toml",
            r#"
[[rule]]
id = "t.ko-only"
category = "chrome"
kind = "feature"
lang = ["ko"]
when = { chars = { min = 1 } }
weight = -0.5
message = "Korean block"
explanation = "Fires on Korean blocks only."

[[rule]]
id = "t.known-lang"
category = "chrome"
kind = "feature"
lang = ["any"]
when = { chars = { min = 1 } }
weight = -0.5
message = "block of a known language"
explanation = "Fires on blocks of every language a file describes, never on one of unknown language."

[[rule]]
id = "t.html-only"
category = "chrome"
kind = "feature"
input = "html"
when = { chars = { min = 1 } }
weight = -0.5
message = "HTML block"
explanation = "Fires on HTML pages only."
"#,
        )
        .build()
        .unwrap();
    let cleaner = cleaner(rules);
    // Korean, English, and Georgian, a script no language file describes.
    let page = "대통령은 회의에서 새 예산안에 대해 발언했다.\nThe president spoke about the new budget at the meeting.\nპრეზიდენტმა შეხვედრაზე ახალ ბიუჯეტზე ისაუბრა.";
    let ids = |outcome: &Outcome<'_>| table(outcome, |id| id.starts_with("t."));
    let text = cleaner.clean_text(page);
    let lines: Vec<String> = ids(&text).lines().map(String::from).collect();
    assert!(
        lines[0].ends_with("| t.known-lang t.ko-only"),
        "{}",
        lines[0]
    );
    assert!(lines[1].ends_with("| t.known-lang"), "{}", lines[1]);
    assert!(lines[2].ends_with('|'), "{}", lines[2]);
    let html = cleaner.clean_html("<p>대통령은 회의에서 새 예산안에 대해 발언했다.</p><p>The president spoke about the new budget at the meeting.</p>");
    assert!(
        ids(&html)
            .lines()
            .next()
            .unwrap()
            .ends_with("| t.html-only t.known-lang t.ko-only")
    );
    assert!(
        ids(&html)
            .lines()
            .nth(1)
            .unwrap()
            .ends_with("| t.html-only t.known-lang")
    );
}

#[test]
fn both_labels_are_kept() {
    // The first label comes from the block's own rules, the final one after the context pass.
    let cleaner = cleaner(neighbour_rules(&format!("{BETWEEN_CONTENT}{HEADING}")));
    let page = neighbours_page();
    let outcome = cleaner.clean_text(&page);
    let labels: Vec<(Label, Label)> = outcome
        .blocks()
        .map(|b| (b.verdict.first_label, b.verdict.label))
        .collect();
    use Label::{Chrome, Content};
    assert_eq!(labels[1], (Chrome, Content), "the heading is rescued");
    assert_eq!(labels[2], (Content, Content));
    assert_eq!(labels[0], (Chrome, Chrome));
}

// ---------------------------------------------------------------------------------------------
// documentation

/// The fenced code blocks of a Markdown text whose info string is `info`, with the line where
/// each one's text starts.
fn fenced_blocks(markdown: &str, info: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    // The open block: its info string, first line and text.
    let mut open: Option<(String, usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (&mut open, fence) {
            (None, Some(rest)) => open = Some((rest.trim().to_string(), i + 2, String::new())),
            (Some(_), Some(_)) => {
                let (kind, at, text) = open.take().unwrap();
                if kind == info {
                    blocks.push((at, text));
                }
            }
            (Some((_, _, text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "unclosed code block");
    blocks
}

const README: &str = include_str!("../rules/README.md");

#[test]
fn readme_examples_load() {
    let blocks = fenced_blocks(README, "toml");
    assert!(
        blocks.len() >= 8,
        "the README shows an example of each kind"
    );
    let mut kinds = Vec::new();
    for (line, text) in &blocks {
        let name = format!("rules/README.md:{line}");
        if text.contains("[[rule]]") {
            let set = RuleSet::builder()
                .file(name.clone(), text.clone())
                .build()
                .unwrap_or_else(|e| panic!("example at {name} does not load: {e}"));
            for rule in set.rules().iter().filter(|r| r.file == name) {
                kinds.push(rule.kind.name());
            }
        } else {
            newsclean::lang::Languages::load([(name.as_str(), text.as_str())])
                .unwrap_or_else(|e| panic!("language example at {name} does not load: {e}"));
        }
    }
    for kind in [
        "phrase", "regex", "dom", "feature", "section", "repeated", "run", "context",
    ] {
        assert!(kinds.contains(&kind), "no example of kind = \"{kind}\"");
    }
}

#[test]
fn readme_names_every_category_feature_zone_and_signal() {
    let named = |name: &str| README.contains(&format!("`{name}`"));
    for category in Category::ALL {
        assert!(named(category.name()), "category {category} undocumented");
    }
    for (name, _) in Feature::ALL {
        assert!(named(name), "feature {name} undocumented");
    }
    for (name, _) in Zones::NAMES {
        assert!(named(name), "zone {name} undocumented");
    }
    for (name, _) in Signal::ALL {
        assert!(named(name), "signal {name} undocumented");
    }
}

#[test]
fn every_builtin_rule_is_explained() {
    let set = RuleSet::builtin().unwrap();
    let mut ids = std::collections::HashSet::new();
    for rule in set.rules() {
        assert!(ids.insert(&rule.id), "duplicate id {}", rule.id);
        let at = format!("{} ({}:{})", rule.id, rule.file, rule.line);
        assert!(!rule.message.trim().is_empty(), "{at}: empty message");
        assert!(
            !rule.explanation.trim().is_empty(),
            "{at}: empty explanation"
        );
        assert!(
            rule.explanation.trim().len() > rule.message.trim().len(),
            "{at}: the explanation should say more than the message"
        );
        assert!(
            rule.id.contains('.') && !rule.id.starts_with('.') && !rule.id.ends_with('.'),
            "{at}: ids are `group.name`"
        );
    }
}
