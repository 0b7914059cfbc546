//! Regression fixtures: one small page for each mistake the cleaner once made, with the verdicts
//! it must now give. Each test is named after the mistake. The pages are written for the test,
//! in the shape of the real pages that showed the problem.

mod common;

use std::sync::OnceLock;

use common::{assert_labels, label_of};
use newsclean::{Category, Cleaner, Label, Outcome};

/// One cleaner for every test: the rules are compiled once.
fn cleaner() -> &'static Cleaner {
    static CLEANER: OnceLock<Cleaner> = OnceLock::new();
    CLEANER.get_or_init(|| Cleaner::new().expect("the built-in rules compile"))
}

/// A paragraph of article prose about `topic`.
fn para(topic: &str) -> String {
    format!(
        "{topic} drew crowds to the council chamber on Tuesday, where members argued for hours over the \
         budget before approving it late at night. Supporters said the plan would repair roads and schools."
    )
}

/// Cleans the plain-text page of `lines` and checks that the blocks beginning with `content`
/// are kept and those beginning with `chrome` dropped.
fn check_text(lines: &[String], content: &[&str], chrome: &[&str]) {
    let page = lines.join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(&outcome, content, Label::Content);
    assert_labels(&outcome, chrome, Label::Chrome);
}

/// An HTML page whose element of class `class` holds three paragraphs of article prose (`One`,
/// `Two`, `Three`) and then the markup `after`.
fn three_paragraphs_then(class: &str, after: &str) -> String {
    format!(
        r#"<html><body><div class="{class}"><p>{}</p><p>{}</p><p>{}</p>{after}</div></body></html>"#,
        para("One"),
        para("Two"),
        para("Three")
    )
}

/// Checks that cleaning `html` keeps the three paragraphs of [`three_paragraphs_then`] and
/// nothing else.
fn assert_only_the_three_paragraphs_kept(html: &str) {
    let outcome = cleaner().clean_html(html);
    assert_eq!(kept(&outcome), [para("One"), para("Two"), para("Three")]);
}

fn kept(outcome: &Outcome<'_>) -> Vec<String> {
    outcome.kept().map(|l| l.trim().to_string()).collect()
}

/// Checks that each of `lines` is kept, whole.
fn assert_kept_lines(outcome: &Outcome<'_>, lines: &[&str]) {
    let kept = kept(outcome);
    for line in lines {
        assert!(kept.iter().any(|k| k == line), "{line:?} not in {kept:?}");
    }
}

#[test]
fn a_comment_button_under_the_lead_does_not_drop_the_article() {
    let page = [
        "Home".to_string(),
        "Council approves the budget".into(),
        para("The lead"),
        "Share".into(),
        "Comment".into(),
        para("First"),
        para("Second"),
        para("Third"),
        para("Fourth"),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(
        &outcome,
        &["The lead", "First", "Second", "Third", "Fourth"],
        Label::Content,
    );
}

#[test]
fn a_comment_section_after_a_short_article_takes_the_long_comments() {
    let page = [
        para("Opening"),
        para("Closing"),
        "3 Comments".to_string(),
        "Jane Doe says:".into(),
        "November 19, 2019 at 7:02 am".into(),
        para("Jane's reply"),
        para("More of Jane's reply"),
        "John Roe says:".into(),
        para("John's reply"),
        para("More of John's reply"),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_eq!(kept(&outcome), [para("Opening"), para("Closing")]);
}

#[test]
fn advertisement_labels_between_paragraphs_do_not_split_the_article() {
    let mut lines = vec!["Menu".to_string(), "Sections".into()];
    for topic in ["One", "Two", "Three", "Four", "Five", "Six"] {
        lines.push(para(topic));
        lines.push("Advertisement".into());
        lines.push("Advertisement".into());
    }
    let page = lines.join("\n");
    let outcome = cleaner().clean_text(&page);
    let kept = kept(&outcome);
    assert_eq!(kept.len(), 6, "{kept:?}");
    assert!(kept.iter().all(|l| !l.contains("Advertisement")));
}

#[test]
fn a_numbered_list_item_is_not_a_share_button() {
    let page = [
        para("Intro"),
        "Companies to watch:".to_string(),
        "1. Facebook".into(),
        para("Facebook"),
        "2. NVIDIA".into(),
        para("NVIDIA"),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_eq!(label_of(&outcome, "1. Facebook"), Label::Content);
    assert_eq!(label_of(&outcome, "2. NVIDIA"), Label::Content);
}

#[test]
fn a_bullet_list_inside_a_korean_article_stays() {
    let sentence = |s: &str| {
        format!(
            "{s} 중소기업연구원은 18일 발표한 보고서에서 제조업체들이 인공지능 도입을 미루는 이유를 분석했다고 밝혔다."
        )
    };
    let page = [
        sentence("첫째,"),
        "기업들은 도입하지 않는 이유로 다음을 꼽았다.".to_string(),
        "  • 초기 투자 비용 부담 (58.3%)".into(),
        "  • 관련 전문 인력 부족 (47.9%)".into(),
        "  • 도입 효과에 대한 확신 부족 (33.1%)".into(),
        sentence("둘째,"),
        sentence("셋째,"),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(&outcome, &["• 초기", "• 관련", "• 도입"], Label::Content);
}

#[test]
fn zero_width_spaces_make_no_blocks() {
    let page = format!(
        "{}\n\u{200b}\n{}\n\u{feff}\u{200b}\n{}",
        para("A"),
        para("B"),
        para("C")
    );
    let outcome = cleaner().clean_text(&page);
    assert_eq!(outcome.blocks().count(), 3);
}

#[test]
fn long_cookie_notices_and_agency_captions_are_dropped() {
    let cookie = "This website uses cookies to improve your experience while you navigate through the website. \
        Out of these cookies, the cookies that are categorized as necessary are stored on your browser as they are \
        essential for the working of basic functionalities of the website.";
    let caption = "A man rides on a donkey in the village opposite the settlement on November 19, 2019. The \
        government hailed the announcement, but the opposition pledged new measures. Jane DOE / AFP";
    let page = [
        para("One"),
        caption.to_string(),
        para("Two"),
        para("Three"),
        cookie.into(),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_eq!(label_of(&outcome, "A man rides"), Label::Chrome);
    assert_eq!(
        label_of(&outcome, "This website uses cookies"),
        Label::Chrome
    );
    assert_eq!(kept(&outcome).len(), 3);
}

#[test]
fn excerpts_cut_short_in_a_list_after_the_article_are_teasers() {
    let teaser = |n: u32| {
        format!(
            "Story {n}: Officials said on Wednesday that the new rules would take effect next year, and that businesses…"
        )
    };
    let page = [
        para("One"),
        para("Two"),
        para("Three"),
        "More stories".into(),
        teaser(1),
        teaser(2),
        teaser(3),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_eq!(kept(&outcome).len(), 3);
}

#[test]
fn teaser_cards_after_an_html_article_are_dropped() {
    let card = |n: u32| {
        format!(
            r#"<li class="card"><h3><a href="/story-{n}">Headline of story {n} from elsewhere on the site</a></h3>
               <div class="card-author"><a href="/author">Kim Ross</a></div>
               <p>An excerpt of story {n}, which says a little about what the other story covers.</p></li>"#
        )
    };
    let html = format!(
        "<html><body><article><p>{}</p><p>{}</p><p>{}</p></article><ul>{}{}{}</ul></body></html>",
        para("One"),
        para("Two"),
        para("Three"),
        card(1),
        card(2),
        card(3)
    );
    let outcome = cleaner().clean_html(&html);
    assert_eq!(kept(&outcome), [para("One"), para("Two"), para("Three")]);
    let excerpt = outcome
        .blocks()
        .find(|b| b.text.starts_with("An excerpt of story 2"))
        .unwrap();
    assert_eq!(excerpt.verdict.category, Category::Related);
}

#[test]
fn gallery_captions_inside_article_body_markup_are_dropped() {
    let caption = "U.S. officials shake hands in Hanoi, Vietnam, on Wednesday, Nov. 20, 2019, during a visit meant \
        to strengthen military relations with the Southeast Asian nation.";
    let html = format!(
        r#"<html><body><div class="article-body">
            <div class="gallery"><ul><li><div class="caption">{caption}</div></li></ul></div>
            <p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
        para("One"),
        para("Two"),
        para("Three")
    );
    let outcome = cleaner().clean_html(&html);
    assert_eq!(label_of(&outcome, "U.S. officials"), Label::Chrome);
    assert_eq!(kept(&outcome).len(), 3);
}

#[test]
fn list_items_in_the_article_body_stay_where_the_main_run_stops() {
    let items: String = (1..=8)
        .map(|n| format!(r#"<p>{n}) Product number {n} on sale<br><a href="https://shop.example/{n}">https://shop.example/{n}</a></p>"#))
        .collect();
    let html = format!(
        r#"<html><body><div class="entry-content"><p>{}</p><p>{}</p><p>{}</p>{items}</div>
           <div class="footer"><p>Contact us</p></div></body></html>"#,
        para("One"),
        para("Two"),
        para("Three")
    );
    let outcome = cleaner().clean_html(&html);
    for n in 1..=8 {
        assert_eq!(
            label_of(&outcome, &format!("{n}) Product")),
            Label::Content,
            "item {n}"
        );
    }
}

#[test]
fn a_headline_repeated_in_each_teaser_card_is_not_article_text() {
    // Text dumps show a teaser card as its headline, a kicker, the headline again (the image's
    // link) and a one-sentence summary; a run of them after the article read as article text.
    let mut lines = vec![para("One"), para("Two"), para("Three")];
    for topic in [
        "reindeer herders",
        "koala rescuers",
        "Berlin renters",
        "baby food makers",
    ] {
        let headline = format!("Why are {topic} in the news again this week?");
        lines.extend([
            headline.clone(),
            "KICKER".into(),
            headline,
            format!(
                "The {topic} were in the news again this week. Here is a longer summary of that \
                 other story, which runs to two sentences."
            ),
        ]);
    }
    let page = lines.join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_eq!(
        kept(&outcome).len(),
        3,
        "only the article: {:?}",
        kept(&outcome)
    );
}

#[test]
fn a_related_box_inside_a_text_article_does_not_end_it() {
    // A "Related" header after the first paragraphs, two bulleted headlines, and the article
    // going on: the section used to run to the end of the page.
    let page = [
        "Rail strike called off".to_string(),
        para("Opening"),
        para("Second"),
        "Related".into(),
        "• Passengers face weeks of disruption".into(),
        "• Analysis: why pay talks keep failing".into(),
        para("Third"),
        "Advertisement".into(),
        para("Fourth"),
        "Sign up to our morning briefing. Get the day's top stories delivered to your inbox."
            .into(),
        para("Fifth"),
        "Comments (12)".into(),
        "Good news for once, I was dreading the commute tomorrow morning.".into(),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(
        &outcome,
        &["Opening", "Second", "Third", "Fourth", "Fifth"],
        Label::Content,
    );
    assert_eq!(label_of(&outcome, "• Passengers"), Label::Chrome);
    assert_eq!(label_of(&outcome, "Sign up"), Label::Chrome);
    assert_eq!(label_of(&outcome, "Good news"), Label::Chrome);
}

#[test]
fn text_hidden_by_a_class_is_not_article_text() {
    let html = format!(
        r#"<html><body><div class="article"><span class="blind">본문 요약 건너뛰기</span>
           <div class="sr-only">Skip to the end of the story</div><p>{}</p><p>{}</p></div></body></html>"#,
        para("One"),
        para("Two")
    );
    let outcome = cleaner().clean_html(&html);
    assert_eq!(kept(&outcome).len(), 2);
}

#[test]
fn a_paywall_prompt_in_japanese_is_not_article_text() {
    let html = format!(
        r#"<html><body><article><p>{}</p><p>{}</p>
           <div class="premium-cta"><p>この記事は有料会員限定です。続きを読むには会員登録が必要です。</p></div>
           </article></body></html>"#,
        para("One"),
        para("Two")
    );
    let outcome = cleaner().clean_html(&html);
    assert_eq!(label_of(&outcome, "この記事は"), Label::Chrome);
}

#[test]
fn a_french_cookie_notice_with_a_curly_apostrophe_is_chrome() {
    let page = [
        "Nous utilisons des cookies pour améliorer votre expérience. Accepter".to_string(),
        "S’abonner".into(),
        para("One"),
        para("Two"),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_eq!(label_of(&outcome, "Nous utilisons"), Label::Chrome);
    assert_eq!(label_of(&outcome, "S’abonner"), Label::Chrome);
}

#[test]
fn a_photo_gallery_below_the_lead_does_not_cut_the_lead_off() {
    let mut lines: Vec<String> = [
        "Home",
        "News",
        "Sports",
        "Weather",
        "Council approves the budget",
    ]
    .map(String::from)
    .into();
    for topic in ["The lead", "The second paragraph", "The third paragraph"] {
        lines.push(para(topic));
    }
    for n in 1..=8 {
        lines.push(format!("Image {n} of 8"));
        lines.push("Photo: Staff photographer".into());
        lines.push("Close".into());
    }
    for n in 1..=9 {
        lines.push(para(&format!("Body paragraph {n}")));
    }
    let page = lines.join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(
        &outcome,
        &[
            "The lead",
            "The second paragraph",
            "The third paragraph",
            "Body paragraph 1",
        ],
        Label::Content,
    );
    assert_labels(
        &outcome,
        &["Image 3 of 8", "Photo: Staff", "Home"],
        Label::Chrome,
    );
}

#[test]
fn caption_labels_between_paragraphs_are_dropped_without_splitting_the_article() {
    let page = [
        "Council approves the budget".to_string(),
        "FILE PHOTO: Council members listen to residents at a public hearing in the city hall, in March."
            .into(),
        para("The lead"),
        para("Second"),
        "Pictured: The mayor speaks to reporters outside the council chamber on Tuesday evening."
            .into(),
        para("Third"),
        para("Fourth"),
    ];
    check_text(
        &page,
        &["The lead", "Second", "Third", "Fourth"],
        &["FILE PHOTO:", "Pictured:"],
    );
}

#[test]
fn content_management_state_classes_on_the_article_wrapper_are_not_chrome() {
    // Drupal marks a front-page article `node-promoted` and `node-published`; the article
    // wrapper holds under half of the page's text here, as the menus and link lists around it
    // are long, but all of its paragraphs.
    let menu: String = (1..=30)
        .map(|n| format!("<li><a href=\"/s/{n}\">Section number {n}</a></li>"))
        .collect();
    let headlines: String = (1..=30)
        .map(|n| format!("<li><a href=\"/n/{n}\">Another story of the day, number {n}</a></li>"))
        .collect();
    let html = format!(
        "<html><body><ul class=\"menu\">{menu}</ul>\
         <div class=\"node node-article node-promoted node-published\">\
         <p>{}</p><p>{}</p><p>{}</p></div>\
         <ul class=\"latest\">{headlines}</ul></body></html>",
        para("The lead"),
        para("The second paragraph"),
        para("The third paragraph")
    );
    let outcome = cleaner().clean_html(&html);
    assert_labels(
        &outcome,
        &["The lead", "The second paragraph", "The third paragraph"],
        Label::Content,
    );
    assert_eq!(label_of(&outcome, "Section number 7"), Label::Chrome);
}

#[test]
fn a_box_of_story_cards_inside_a_text_article_does_not_end_it() {
    // A "Recommended" box after the opening paragraphs: for each story an image placeholder,
    // its headline, its author and its date; then the article goes on. The dates used to run
    // the section to the end of the page, losing most of the article.
    let mut page = vec![
        "Why neon lit up the century".to_string(),
        para("Opening"),
        para("Second"),
        para("Third"),
        para("Fourth"),
        "Recommended".into(),
    ];
    for (headline, author, date) in [
        (
            "Remembering the city's brightest sign",
            "1. Mark Byrnes",
            "Jul 17, 2014",
        ),
        (
            "An ode to the dead shopping mall",
            "1. Tanvi Misra",
            "Mar 9, 2018",
        ),
        ("The making of a neon sign", "1. Linda Poon", "Aug 23, 2017"),
    ] {
        page.extend([
            "• [photo]".into(),
            headline.into(),
            author.into(),
            date.into(),
        ]);
    }
    page.extend([para("Fifth"), para("Sixth"), para("Seventh")]);
    let page = page.join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(
        &outcome,
        &[
            "Opening", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh",
        ],
        Label::Content,
    );
    assert_labels(
        &outcome,
        &[
            "Recommended",
            "Remembering",
            "1. Tanvi Misra",
            "Aug 23, 2017",
        ],
        Label::Chrome,
    );
}

#[test]
fn story_cards_with_excerpts_after_a_text_article_stay_chrome() {
    // The same box at the end of the article, but each card has a teaser excerpt: the box is
    // a list of other stories, however much prose it holds.
    let mut page = vec![
        "Why neon lit up the century".to_string(),
        para("Opening"),
        para("Second"),
        "You may also like".into(),
    ];
    for (headline, excerpt) in [
        ("Remembering the city's brightest sign", "Excerpt one"),
        ("An ode to the dead shopping mall", "Excerpt two"),
        ("The making of a neon sign", "Excerpt three"),
    ] {
        page.extend([
            "[photo]".into(),
            headline.into(),
            "Mar 9, 2018".into(),
            para(excerpt),
        ]);
    }
    let page = page.join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(&outcome, &["Opening", "Second"], Label::Content);
    assert_labels(
        &outcome,
        &["Excerpt one", "Excerpt two", "Excerpt three", "An ode"],
        Label::Chrome,
    );
}

#[test]
fn a_box_of_story_cards_before_repeated_article_text_stays_chrome() {
    // Some pages repeat their article from their data after the last box: the repeat is no
    // article going on after the cards.
    let mut page = vec![
        "Why neon lit up the century".to_string(),
        para("Opening"),
        para("Second"),
        para("Third"),
        "Recommended".into(),
    ];
    for headline in [
        "Remembering the city's brightest sign",
        "An ode to the dead mall",
    ] {
        page.extend(["• [photo]".into(), headline.into(), "Mar 9, 2018".into()]);
    }
    page.extend([para("Opening"), para("Second"), para("Third")]);
    let page = page.join("\n");
    let outcome = cleaner().clean_text(&page);
    let kept = kept(&outcome);
    assert_eq!(kept.len(), 4, "{kept:#?}");
    assert!(kept[1].starts_with("Opening") && kept[3].starts_with("Third"));
}

#[test]
fn html_markup_left_in_a_text_dump_is_chrome() {
    let page = [
        "Council approves the budget".to_string(),
        para("The lead"),
        "<img height=\"1\" width=\"1\" style=\"display:none\" src=\"https://pixel.example.com/p?id=1&ev=PageView&noscript=1\" />".into(),
        para("Second"),
        "* * <div style=\"position:absolute;\"><img width=1 height=1 alt=\"\" src=\"https://ads.example.com/b?c1=2&c2=15743189\"></div>".into(),
        para("Third"),
    ];
    check_text(
        &page,
        &["The lead", "Second", "Third"],
        &["<img", "* * <div"],
    );
}

#[test]
fn a_list_the_article_introduces_with_a_colon_stays() {
    // Ten one-word items used to split the article: the paragraphs after them were lost.
    let mut page = vec![
        "Where the poor can get ahead".to_string(),
        para("The report"),
        para("Its authors"),
        "The overall rankings of the countries were as follows:".into(),
    ];
    let countries = [
        "Finland",
        "Norway",
        "Australia",
        "Canada",
        "Germany",
        "France",
        "Britain",
        "Italy",
        "Spain",
        "America",
    ];
    page.extend((1..).zip(countries).map(|(n, c)| format!("{n}. {c}")));
    page.extend([para("The low ranking"), para("The conclusion")]);
    page.extend(["Follow us:".into(), "• Facebook".into(), "• Twitter".into()]);
    let page = page.join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(
        &outcome,
        &[
            "The report",
            "The overall",
            "1. Finland",
            "10. America",
            "The low ranking",
        ],
        Label::Content,
    );
    assert_eq!(label_of(&outcome, "The conclusion"), Label::Content);
    assert_labels(&outcome, &["• Facebook", "• Twitter"], Label::Chrome);
}

#[test]
fn image_file_names_between_paragraphs_are_captions() {
    let page = [
        "Autumn at the campsite".to_string(),
        para("The lead"),
        "18-P1610141.jpg".into(),
        para("Second"),
        "IMG_3933.JPG".into(),
        para("Third"),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(&outcome, &["The lead", "Second", "Third"], Label::Content);
    for name in ["18-P1610141.jpg", "IMG_3933.JPG"] {
        let block = outcome.blocks().find(|b| b.text == name).unwrap();
        assert_eq!(
            (block.verdict.label, block.verdict.category),
            (Label::Chrome, Category::Caption),
            "{name}"
        );
    }
}

#[test]
fn a_long_rule_of_line_drawing_characters_between_paragraphs_is_chrome() {
    let rule = "━".repeat(200);
    let page = [
        "Council approves the budget".to_string(),
        para("The lead"),
        para("Second"),
        rule.clone(),
        para("Third"),
        para("Fourth"),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_labels(
        &outcome,
        &["The lead", "Second", "Third", "Fourth"],
        Label::Content,
    );
    assert_eq!(label_of(&outcome, &rule), Label::Chrome);
}

#[test]
fn an_unbulleted_list_of_dates_ending_a_text_article_stays() {
    // A tour's dates after the last paragraph, dumped without bullets: every line opens the same
    // way. Dated headlines under a "More news" header are still other stories.
    let page = [
        "Band announces reunion tour".to_string(),
        para("Opening"),
        para("Closing"),
        "The 2020 tour dates".into(),
        "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre".into(),
        "June 10 – Tampa, FL @ Credit Union Amphitheatre".into(),
        "July 2 – Uncasville, CT @ Mohegan Sun Arena".into(),
        "August 30 – Denver, CO @ Pepsi Center".into(),
        "More news".into(),
        "June 8 – Festival lineup revealed for the summer".into(),
        "June 7 – Singer cancels shows after illness".into(),
        "June 6 – Record label sold to investors".into(),
    ];
    check_text(
        &page,
        &[
            "Opening",
            "Closing",
            "The 2020",
            "June 9",
            "June 10",
            "July 2",
            "August 30",
        ],
        &["June 8", "June 7", "June 6"],
    );
}

#[test]
fn a_bulleted_list_of_dates_after_a_colon_counts_once_as_introduced() {
    let page = [
        para("Opening"),
        "The band said on Monday that the tour would visit these cities in the order below, with more dates to come:".to_string(),
        "• June 9 – Tampa".into(),
        "• June 10 – Miami".into(),
        "• June 12 – Orlando".into(),
        para("Closing"),
    ]
    .join("\n");
    let outcome = cleaner().clean_text(&page);
    let item = outcome
        .blocks()
        .find(|b| b.text.starts_with("• June 10"))
        .expect("the item is a block");
    let introduced = item
        .verdict
        .reasons
        .iter()
        .filter(|r| outcome.rule(r).id == "context.introduced-list")
        .count();
    assert_eq!(introduced, 1);
    assert_eq!(item.verdict.label, Label::Content);
}

#[test]
fn a_table_of_figures_ending_a_text_article_stays() {
    // A standings table after the last paragraph, dumped as columns padded with spaces.
    let page = [
        para("Opening"),
        para("Closing"),
        "Final standings".to_string(),
        "Pos.  Driver            Points  Wins  Poles".into(),
        "1     Kyle Busch        5040    5     1".into(),
        "2     Martin Truex Jr.  5035    7     0".into(),
        "3     Kevin Harvick     5033    4     6".into(),
        "Home    News    Sport    Weather".into(),
        "Contact us    Careers    Advertise".into(),
    ];
    check_text(
        &page,
        &["Final standings", "Pos.", "1  ", "2  ", "3  "],
        &["Home", "Contact us"],
    );
}

#[test]
fn a_more_stories_header_with_a_name_inside_opens_a_related_list() {
    let page = [
        para("Opening"),
        para("Middle"),
        "More Great Example Stories".to_string(),
        "  • The strange life and mysterious death of a famous coder".into(),
        "  • How the city council gets the First Amendment backward".into(),
        "  • The enduring power of a local myth, even as a rumour".into(),
        para("After the list"),
        para("Last"),
    ];
    check_text(
        &page,
        &["Opening", "Middle", "After the list", "Last"],
        &[
            "More Great",
            "• The strange",
            "• How the city",
            "• The enduring",
        ],
    );
}

#[test]
fn a_credit_line_of_photographer_and_agency_is_a_caption() {
    let page = [
        para("Opening"),
        "Teachers wearing red carry signs as they rally at the Statehouse".to_string(),
        "Michael Doe, AP".into(),
        para("Middle"),
        "Jane Roe / Associated Press".into(),
        para("Closing"),
    ];
    check_text(
        &page,
        &["Opening", "Middle", "Closing"],
        &["Michael Doe", "Jane Roe"],
    );
}

#[test]
fn see_more_and_video_links_inside_an_article_are_related_links() {
    let page = [
        para("Opening"),
        "SEE MORE: Protests: 800 students under siege in university".to_string(),
        para("Middle"),
        "Video: Moscow wins the six-man championship".into(),
        para("Closing"),
    ];
    check_text(
        &page,
        &["Opening", "Middle", "Closing"],
        &["SEE MORE", "Video:"],
    );
}

#[test]
fn follow_prompts_and_newsletter_calls_after_an_article_are_chrome() {
    let page = [
        para("Opening"),
        para("Closing"),
        "Please follow Money Matters on Twitter and Facebook.".to_string(),
        "Follow Jane Doe on Twitter.".into(),
        "Suivez Le Quotidien sur Instagram".into(),
        "Subscribe to the Money Matters newsletter!".into(),
        "Choose an available username to complete sign up.".into(),
    ];
    check_text(
        &page,
        &["Opening", "Closing"],
        &[
            "Please follow",
            "Follow Jane",
            "Suivez",
            "Subscribe",
            "Choose",
        ],
    );
}

#[test]
fn browser_notices_are_chrome_in_any_language() {
    let page = [
        para("Opening"),
        "To view this content, JavaScript must be enabled and the latest player installed.".to_string(),
        para("Middle"),
        "如欲取得最佳浏览效果，请使用最新的浏览器。虽然你可以使用目前的浏览器浏览网站，但是你不能获得最佳视觉享受。".into(),
        para("Closing"),
    ];
    check_text(
        &page,
        &["Opening", "Middle", "Closing"],
        &["To view", "如欲取得"],
    );
}

#[test]
fn illustration_courtesy_and_slashed_agency_credits_are_captions() {
    let page = [
        "Illustration by Mike Doe".to_string(),
        para("Opening"),
        "Courtesy G4".into(),
        para("Middle"),
        "- The mayor in 2008. REUTERS/Benoit Roe -".into(),
        para("Closing"),
        "A lire aussi : Notre récit du discours de la maire".into(),
        para("Last"),
        "Screenshot by Jane Roe/Example Esports".into(),
        para("Final"),
    ];
    check_text(
        &page,
        &["Opening", "Middle", "Closing", "Last", "Final"],
        &[
            "Illustration",
            "Courtesy",
            "- The mayor",
            "A lire aussi",
            "Screenshot by",
        ],
    );
}

#[test]
fn news_tip_and_contact_prompts_closing_an_article_are_chrome() {
    let page = [
        para("Opening"),
        para("Closing"),
        "Got a news tip? Email us at tips@example.com.".to_string(),
        "제보는 카카오톡 okjebo".into(),
    ];
    check_text(
        &page,
        &["Opening", "Closing"],
        &["Got a news tip", "제보는"],
    );
}

#[test]
fn commenting_policies_are_chrome_however_long() {
    let policies = [
        "Comments are moderated. Please be respectful of other commenters, stay on topic and keep your comments civil; we \
         reserve the right to remove any comment that breaks these rules, and repeat offenders may be blocked.",
        "Kommentare werden moderiert. Bitte beachten Sie unsere Netiquette, bevor Sie einen Beitrag verfassen.",
        "ترحب الشبكة بالنقاش الحيوي والمفيد، ونرجو الالتزام بسياسة التعليقات قبل النشر.",
    ];
    let mut page = vec![para("One"), para("Two"), para("Three")];
    page.extend(policies.iter().map(|p| p.to_string()));
    check_text(
        &page,
        &["One", "Two", "Three"],
        &["Comments are", "Kommentare", "ترحب"],
    );
}

#[test]
fn typo_report_prompts_are_chrome_but_a_shortcut_in_prose_is_not() {
    let page = [
        para("One"),
        "To send the draft, the reporters were told to select the text and press Ctrl+Enter, which most of them did on \
         the first day of the trial."
            .to_string(),
        para("Two"),
        "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter.".into(),
        "Found a typo? Highlight it and press Ctrl + Enter to let us know.".into(),
    ];
    check_text(
        &page,
        &["One", "To send the draft", "Two"],
        &["Нашли ошибку", "Found a typo"],
    );
}

#[test]
fn a_long_caption_closed_by_a_photo_credit_is_dropped() {
    let caption = "Justices of the court pose for their official photo in the capital on October 7, 2022. Seated \
        from left are the senior justices, and standing behind them are the four newest members of the bench, who \
        joined over the past decade. (Photo by Jane DOE / AFP)";
    let page = [para("One"), caption.to_string(), para("Two"), para("Three")];
    check_text(&page, &["One", "Two", "Three"], &["Justices of the court"]);
}

#[test]
fn click_here_calls_to_action_are_chrome_in_any_language() {
    let page = [
        para("One"),
        "GET THE NEWS APP ON THE GO BY CLICKING HERE".to_string(),
        para("Two"),
        "Click here to subscribe to our daily newsletter.".into(),
        para("Three"),
        "Pour recevoir nos alertes, cliquez ici.".into(),
    ];
    check_text(
        &page,
        &["One", "Two", "Three"],
        &["GET THE NEWS APP", "Click here", "Pour recevoir"],
    );
}

#[test]
fn teaser_headlines_run_into_their_summaries_are_dropped() {
    let teasers = [
        "Six Diners Leave The Grill Without Paying A $500 BillA party of six left the restaurant after a row over the music.",
        "Council To Mail Panel Applications To 250,000 VotersThe city will mail applications encouraging voters to serve on a new commission.",
        "Is The Old Bridge Safe?Engineers say the bridge over the river needs repairs before winter, and the council agreed to pay for them.",
    ];
    let mut page = vec![para("One"), para("Two"), para("Three")];
    page.extend(teasers.iter().map(|t| t.to_string()));
    check_text(
        &page,
        &["One", "Two", "Three"],
        &["Six Diners", "Council To Mail", "Is The Old Bridge"],
    );
    // A subheading run into its paragraph, alone, stays.
    let page = [
        para("One"),
        "What Comes NextThe council will vote on the plan again in the spring, when the budget for the year is known."
            .to_string(),
        para("Two"),
    ];
    check_text(&page, &["One", "What Comes Next", "Two"], &[]);
}

#[test]
fn headlines_and_categories_with_counts_are_a_list_not_the_article() {
    let page = [
        "Most commented".to_string(),
        "Star quarterback should expect a long suspension (148)".into(),
        "Reports: Rookie linebacker will be fined (145)".into(),
        "Vikings come back to beat the Broncos (145)".into(),
        "Coach says his team made a mistake and lost its cool (142)".into(),
        para("One"),
        para("Two"),
        para("Three"),
    ];
    check_text(
        &page,
        &["One", "Two", "Three"],
        &["Star quarterback", "Reports:", "Vikings", "Coach says"],
    );
}

#[test]
fn labelled_publication_times_are_metadata() {
    let page = [
        "By Jane Doe".to_string(),
        "PUBLISHED: 08:15, Wed, Mar 4, 2020 | UPDATED: 09:02, Wed, Mar 4, 2020".into(),
        para("One"),
        "Aktualisiert: Dienstag, 19. November, 10:43 Uhr".into(),
        para("Two"),
        "Updated Mar 4, 9:02 AM; Posted Mar 4, 8:51 AM".into(),
        para("Three"),
    ];
    check_text(
        &page,
        &["One", "Two", "Three"],
        &["PUBLISHED", "Aktualisiert", "Updated Mar 4"],
    );
}

#[test]
fn headlines_under_capitalised_kickers_are_links_but_labelled_sentences_stay() {
    let page = [
        para("One"),
        "IN TEXAS: Family of patient quarantined after hospital visit".to_string(),
        para("Two"),
        "UPDATE: The governor's office said on Wednesday that it would not comment.".into(),
        para("Three"),
        "BREAKING: Senate moves to adjourn over the deaths of two members".into(),
    ];
    check_text(
        &page,
        &["One", "Two", "UPDATE:", "Three"],
        &["IN TEXAS:", "BREAKING:"],
    );
}

#[test]
fn contributor_credits_closing_a_story_are_bylines() {
    let page = [
        para("One"),
        para("Two"),
        "Associated Press writers Jane Doe and John Roe contributed to this report.".to_string(),
        "Con información de agencias.".into(),
    ];
    check_text(
        &page,
        &["One", "Two"],
        &["Associated Press", "Con información"],
    );
}

#[test]
fn a_writers_biography_under_the_article_is_dropped() {
    let page = [
        para("One"),
        para("Two"),
        para("Three"),
        "Jane Doe is an award-winning writer based in Virginia who has covered football from Europe's top clubs \
         to the lower leagues of South America. She lives with her two dogs."
            .to_string(),
        "John Roe is a reporter for Example News.".into(),
        "Kim Lee (@kimlee)\u{a0}is an Ideas contributor at Example and the host of a daily radio show.".into(),
    ];
    check_text(
        &page,
        &["One", "Two", "Three"],
        &["Jane Doe", "John Roe", "Kim Lee"],
    );
}

#[test]
fn newsletter_form_states_and_moderation_notes_are_chrome() {
    let page = [
        para("One"),
        para("Two"),
        "Thanks! Keep an eye on your inbox for our morning briefing.".to_string(),
        "Sorry, there was an error processing your subscription request.".into(),
        "Please note that we are moderating all comments on this story until further notice."
            .into(),
    ];
    check_text(
        &page,
        &["One", "Two"],
        &["Thanks! Keep", "Sorry, there was", "Please note"],
    );
}

#[test]
fn long_headlines_in_capitals_inside_an_article_are_links_but_short_subheads_stay() {
    let page = [
        para("One"),
        "STAR CLEARED TO PERFORM AT THE AWARDS AMID FEUD WITH FORMER LABEL".to_string(),
        para("Two"),
        "WHAT TO PACK FOR THE TRIP NORTH".into(),
        para("Three"),
    ];
    check_text(
        &page,
        &["One", "Two", "WHAT TO PACK", "Three"],
        &["STAR CLEARED"],
    );
}

#[test]
fn related_post_links_archive_credits_and_calls_to_subscribe_are_chrome() {
    let page = [
        para("One"),
        "Фото: личный архив Анны Петровой".to_string(),
        para("Two"),
        "Related post: Our Favourite Winter Soup Recipe".into(),
        para("Three"),
        "[Related: Keynote Day Two: Integration And Protests]".into(),
        para("Four"),
        "Subscribe to the Magazine and stay smart with more of your favorite writers.".into(),
        para("Five"),
        "Also: See our holiday gift guide at Example".into(),
    ];
    check_text(
        &page,
        &["One", "Two", "Three", "Four", "Five"],
        &["Фото:", "Related post", "[Related", "Subscribe to", "Also:"],
    );
}

#[test]
fn glued_credits_and_escaped_markup_are_chrome() {
    let page = [
        para("One"),
        "The senator speaks at the Capitol on March 3, 2021.Jane Doe / AP file".to_string(),
        para("Two"),
        "The president asked voters for a big win.Credit...John Roe/The Daily Example".into(),
        para("Three"),
        "&lt;span data-mce-type=\"bookmark\" style=\"display: inline-block;\"&gt;&lt;/span&gt;"
            .into(),
        para("Four"),
        "Soldiers patrol the border crossing at dawn during the first week of the truce [File: Reuters]"
            .into(),
    ];
    check_text(
        &page,
        &["One", "Two", "Three", "Four"],
        &[
            "The senator",
            "The president",
            "&lt;span",
            "Soldiers patrol",
        ],
    );
}

#[test]
fn portal_subscription_prompts_under_a_korean_article_are_chrome() {
    let sentence = |s: &str| {
        format!(
            "{s} 삼성전자가 올해 3분기 영업이익이 10조원을 넘어섰다고 8일 밝혔다. 반도체 업황 회복이 실적을 끌어올렸다."
        )
    };
    let page = [
        sentence("첫째,"),
        sentence("둘째,"),
        "네이버 메인에서 ○○일보를 구독하세요!".to_string(),
        "카카오톡 채널 추가하고 최신 뉴스 받아보기".into(),
    ];
    check_text(
        &page,
        &["첫째", "둘째"],
        &["네이버 메인에서", "카카오톡 채널"],
    );
}

#[test]
fn paragraphs_ended_by_a_danda_are_prose() {
    // Hindi ends its sentences with the danda (।), not a full stop: without it counted, the
    // short paragraphs of a text page weigh no more than its menu, and the page comes out empty.
    let lines = [
        "होम",
        "देश",
        "विदेश",
        "नगर परिषद ने बजट पास किया",
        "महापौर ने बैठक में नए बजट पर चर्चा की। सदस्यों ने धन की माँग की।",
        "विपक्ष ने सड़कों की मरम्मत पर सवाल उठाए। बहस देर रात तक चली।",
        "आयुक्त ने कहा कि काम अगले महीने शुरू होगा। ठेके जल्द दिए जाएँगे।",
        "परिषद ने स्कूलों के लिए भी धन रखा। शिक्षकों ने इसका स्वागत किया।",
        "संबंधित खबरें",
        "राज्य सरकार ने नई बस सेवा शुरू की",
        "शहर में बारिश से यातायात प्रभावित",
    ]
    .map(String::from);
    check_text(
        &lines,
        &["महापौर", "विपक्ष", "आयुक्त", "परिषद ने स्कूलों"],
        &["होम", "विदेश", "संबंधित", "राज्य सरकार", "शहर में"],
    );
}

#[test]
fn a_numbered_list_whose_items_hold_a_link_line_is_the_article() {
    // A round-up that a text dump wrote as an item line, its link and at times an image
    // placeholder: the items are the list the last paragraph announces, not a run of links.
    let mut lines = vec![
        "Gift guide".to_string(),
        "Home".into(),
        "Deals".into(),
        para("The holiday season"),
        para("Shoppers"),
        "Here are the deals on retro toys and films worth a look this week:".into(),
    ];
    let items = [
        "Lego Star Wars 75188 Resistance Bomber",
        "Polistil 960574 Electric Race Track",
        "Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)",
        "Ghostbusters Collection 1-2 (Steelbook)",
        "Indiana Jones Collection 1-4 (5 Blu-Ray)",
    ];
    for (n, item) in items.iter().enumerate() {
        lines.push(format!("{}) {item}", n + 1));
        lines.push(format!("http://amzn.to/2x{n}Fh"));
        if n % 2 == 0 {
            lines.push(format!("[{}-300x300]", n + 1));
        }
    }
    lines.extend(["Leave a comment".to_string(), "Cookie settings".into()]);
    check_text(
        &lines,
        &[
            "1) Lego",
            "http://amzn.to/2x0Fh",
            "3) Blade",
            "5) Indiana",
            "http://amzn.to/2x4Fh",
        ],
        &["Home", "[1-300x300]", "[3-300x300]", "Leave a comment"],
    );
}

#[test]
fn captions_closed_by_a_date_and_a_place_are_captions() {
    let lines = [
        "Floods close schools".to_string(),
        para("The city"),
        "Commuters wait at a flooded bus stop after heavy rain, on March 3, 2021 in Jakarta, Indonesia."
            .into(),
        para("The mayor"),
        "Rescue workers carry a resident through the water on Wednesday, Mar. 3, 2021 in Bekasi, West Java."
            .into(),
        para("Forecasters"),
        "The storm reached the coast on March 2, 2021, a day earlier than forecast, and the rivers rose overnight."
            .into(),
    ];
    check_text(
        &lines,
        &["The city", "The mayor", "Forecasters", "The storm reached"],
        &["Commuters wait", "Rescue workers"],
    );
}

#[test]
fn share_to_buttons_alone_or_run_together_are_share_chrome() {
    let lines = [
        "Markets rally on rate hopes".to_string(),
        "Share to TwitterTwitterShare to FacebookFacebookShare to EmailEmailShare to MoreMore"
            .into(),
        para("Investors"),
        para("Analysts"),
        "Share to Facebook".into(),
        para("Traders"),
        "The bank raised its share to 30 percent last year, filings show.".into(),
    ];
    check_text(
        &lines,
        &["Investors", "Analysts", "Traders", "The bank raised"],
        &["Share to Twitter", "Share to Facebook"],
    );
}

#[test]
fn newsletter_pitches_after_an_article_are_subscription_chrome() {
    let lines = [
        "Council approves the budget".to_string(),
        para("The council"),
        para("Residents"),
        "Want more stories like this?".into(),
        "Every day we send an email with the top stories from the city desk.".into(),
        para("Earlier"),
    ];
    check_text(
        &lines,
        &["The council", "Residents"],
        &["Want more stories", "Every day we send"],
    );
}

#[test]
fn links_that_name_a_site_by_its_address_are_related_links() {
    let lines = [
        "Car dealers brace for a slow winter".to_string(),
        para("Dealers"),
        "On ExampleChronicle.com: Car sales plunge nearly 17 percent in August".into(),
        para("Buyers"),
        "Also on example.news Journalists threatened with arrest as the dispute widens".into(),
        para("Analysts"),
        "On Monday the ministry said sales would recover in spring.".into(),
    ];
    check_text(
        &lines,
        &["Dealers", "Buyers", "Analysts", "On Monday"],
        &["On ExampleChronicle.com", "Also on example.news"],
    );
}

#[test]
fn lines_telling_how_to_reach_the_author_are_meta() {
    let lines = [
        "Council approves the budget".to_string(),
        para("The council"),
        para("Residents"),
        "Write to Jane Roe at jane.roe@example.com".into(),
        "Email John Doe at jdoe@example.com or follow him @jdoe.".into(),
    ];
    check_text(
        &lines,
        &["The council", "Residents"],
        &["Write to Jane Roe", "Email John Doe"],
    );
}

#[test]
fn date_lines_with_ordinal_days_are_meta() {
    let lines = [
        "Council approves the budget".to_string(),
        "Published Monday, November 18th, 2019".into(),
        para("The council"),
        para("Residents"),
        "Updated 3rd March 2021".into(),
        para("Earlier"),
    ];
    check_text(
        &lines,
        &["The council", "Residents", "Earlier"],
        &["Published Monday", "Updated 3rd March"],
    );
}

#[test]
fn texts_written_twice_are_chrome() {
    let caption =
        "A pedestrian walks through snow showers along the avenue in the city center on Tuesday.";
    let lines = [
        "Council approves the budget".to_string(),
        para("The council"),
        format!("{caption}{caption}"),
        para("Residents"),
        "Shy owlShy owl".into(),
        para("Earlier"),
        "Donate Donate".into(),
    ];
    check_text(
        &lines,
        &["The council", "Residents", "Earlier"],
        &["A pedestrian walks", "Shy owl", "Donate"],
    );
}

#[test]
fn date_lines_with_the_time_of_day_first_are_meta() {
    let lines = [
        "Council approves the budget".to_string(),
        "Published 11:11 PM EST Nov 19, 2019".into(),
        para("The council"),
        para("Residents"),
        "Updated 3:45 p.m. ET Nov. 19, 2019".into(),
        para("Earlier"),
    ];
    check_text(
        &lines,
        &["The council", "Residents", "Earlier"],
        &["Published 11:11", "Updated 3:45"],
    );
}

/// Inside article body markup a short sentence scores high, so the credit and contact lines that
/// close a story must outweigh it.
#[test]
fn contributor_credits_and_author_contacts_in_article_body_markup_are_meta() {
    let html = format!(
        r#"<html><body><div class="article-body">
            <p>{}</p><p>{}</p><p>{}</p>
            <p>Jane Roe contributed reporting from Hong Kong.</p>
            <p>Email John Doe at jdoe@example.com or follow him @jdoe. Follow us on Twitter.</p>
            <p>Have a tip? Ann Poe may be reached at apoe@example.com. Follow her on Facebook.</p>
            <p>Reach the reporters on Twitter at <a href="http://twitter.com/ex">twitter.com/ex</a></p>
            </div></body></html>"#,
        para("One"),
        para("Two"),
        para("Three")
    );
    let outcome = cleaner().clean_html(&html);
    assert_eq!(label_of(&outcome, "Jane Roe"), Label::Chrome);
    assert_eq!(label_of(&outcome, "Email John Doe"), Label::Chrome);
    assert_eq!(label_of(&outcome, "Have a tip"), Label::Chrome);
    assert_eq!(label_of(&outcome, "Reach the reporters"), Label::Chrome);
    assert_eq!(kept(&outcome).len(), 3);
}

#[test]
fn captions_with_a_credit_run_into_them_are_captions() {
    let lines = [
        "Council approves the budget".to_string(),
        para("The council"),
        "The city hall is seen from the square on a rainy morning.Jane Doe/Getty".into(),
        para("Residents"),
        "The budget papers are stacked on a desk in the council chamber.Reuters".into(),
        para("Earlier"),
    ];
    check_text(
        &lines,
        &["The council", "Residents", "Earlier"],
        &["The city hall", "The budget papers"],
    );
}

#[test]
fn short_paragraphs_after_a_box_of_headlines_resume_the_article() {
    // A "Don't miss" box of headlines without bullets inside a text article, then a picture
    // and the article going on in short paragraphs, none of them paragraph-long: three
    // sentences in a row are the article resuming, where headlines end no sentence.
    let lines = [
        "Rail strike called off".to_string(),
        para("Opening"),
        para("Second"),
        para("Third"),
        "DON'T MISS".into(),
        "Passengers face weeks of disruption [VIDEO]".into(),
        "Analysis: why the pay talks keep failing [INSIGHT]".into(),
        "Union leaders meet ministers again [LATEST]".into(),
        "Rail workers".into(),
        "Rail workers on a picket line (Image: GETTY)".into(),
        "Union members had voted for the strike by a wide margin in October, after two years of talks.".into(),
        "They said the offer on the table did not keep up with the rising cost of living in the cities.".into(),
        "The company said it would put a new offer to them on Monday, along with a promise on hours.".into(),
        "Related articles".into(),
        "• Commuters brace for a week of cancellations".into(),
        "• Ministers urge both sides back to the table".into(),
    ];
    check_text(
        &lines,
        &["Opening", "Union members", "They said", "The company"],
        &[
            "Passengers face",
            "Analysis:",
            "Union leaders",
            "• Commuters",
        ],
    );
}

#[test]
fn wire_credits_are_meta_and_prose_about_reporting_stays() {
    let html = format!(
        r#"<html><body><div class="article-body">
            <p>{}</p><p>{}</p>
            <p>Reporting by the Times showed that the agency had ignored the warnings for years.</p>
            <p>{}</p>
            <p>(Reporting by Jane Roe; Editing by John Doe)</p>
            </div></body></html>"#,
        para("One"),
        para("Two"),
        para("Three")
    );
    let outcome = cleaner().clean_html(&html);
    assert_eq!(label_of(&outcome, "(Reporting by"), Label::Chrome);
    assert_eq!(label_of(&outcome, "Reporting by the Times"), Label::Content);
    assert_eq!(kept(&outcome).len(), 4);
}

#[test]
fn captions_opening_with_an_image_copyright_are_captions() {
    let lines = [
        "Council approves the budget".to_string(),
        para("The council"),
        "Image copyright Getty Images Image caption The mayor has led the council since 2015"
            .into(),
        para("Residents"),
        para("Earlier"),
    ];
    check_text(
        &lines,
        &["The council", "Residents", "Earlier"],
        &["Image copyright"],
    );
}

#[test]
fn newsletter_calls_after_a_short_question_are_subscription_chrome() {
    let lines = [
        "Council approves the budget".to_string(),
        para("The council"),
        "Want more deals? Join the Daily Deals Newsletter.".into(),
        para("Residents"),
        para("Earlier"),
    ];
    check_text(
        &lines,
        &["The council", "Residents", "Earlier"],
        &["Want more deals"],
    );
}

/// Rows of a standings table, as `cells` joins each row's cells.
fn standings(cells: impl Fn(&[&str]) -> String) -> Vec<String> {
    let mut rows = vec![cells(&["Pos.", "Driver", "Points", "Wins", "Poles"])];
    let drivers = [
        "Kyle Busch",
        "Martin Truex Jr.",
        "Kevin Harvick",
        "Denny Hamlin",
    ];
    for (i, driver) in drivers.iter().cycle().take(12).enumerate() {
        let (pos, points, wins) = (i + 1, 5040 - 37 * i, 12 - i);
        rows.push(cells(&[
            &pos.to_string(),
            driver,
            &points.to_string(),
            &wins.to_string(),
            "1",
        ]));
    }
    rows
}

#[test]
fn a_table_announced_by_a_sentence_ending_with_a_colon_is_content() {
    let mut lines: Vec<String> = ["Home", "Standings", "Calendar", "Drivers"]
        .map(String::from)
        .into();
    lines.extend([
        para("The standings"),
        "[cup-photo]".into(),
        "Kyle Busch".into(),
        "Final Monster Energy NASCAR Cup Series standings 2019, 36 races:".into(),
    ]);
    lines.extend(standings(|cells| cells.join("     ")));
    lines.extend([
        "* Only the top 12 fight for the title in the last 10 races.".to_string(),
        "Contact us | Privacy | Terms".into(),
        "Click here and see how the drivers rank in the championship this season.".into(),
        "Click here for the TV times of the Grand Prix, the 20th of the season.".into(),
    ]);
    check_text(
        &lines,
        &["The standings", "Pos.", "1     Kyle", "12     Denny"],
        &["Home", "Contact us"],
    );
}

#[test]
fn a_row_of_figures_is_one_block() {
    let rows: String =
        standings(|cells| format!("<tr><td>{}</td></tr>", cells.join("</td><td>"))).concat();
    let html = format!(
        "<body><article><h1>Final standings</h1><p>{}</p><table>{rows}</table><p>{}</p></article></body>",
        para("The drivers"),
        para("The champion")
    );
    let outcome = cleaner().clean_html(&html);
    assert_kept_lines(
        &outcome,
        &[
            "1\tKyle Busch\t5040\t12\t1",
            "Pos.\tDriver\tPoints\tWins\tPoles",
        ],
    );
}

#[test]
fn an_html_list_announced_by_a_short_line_ending_with_a_colon_is_content() {
    let html = format!(
        "<body><nav><ul><li><a href=/>Home</a></li><li><a href=/diet>Diets</a></li></ul></nav>\
         <article><h1>A diet in two weeks</h1><p>{}</p><p>Banned food list:</p><ul>\
         <li>alcohol of any kind</li><li>artificial fats</li><li>sugar in any form</li>\
         <li>starchy vegetables</li></ul><p>{}</p></article>\
         <footer><a href=/about>About us</a></footer></body>",
        para("The dieters"),
        para("The doctors")
    );
    let outcome = cleaner().clean_html(&html);
    assert_kept_lines(
        &outcome,
        &[
            "alcohol of any kind",
            "artificial fats",
            "starchy vegetables",
        ],
    );
    assert!(!kept(&outcome).contains(&"Home".to_string()));
}

#[test]
fn a_bulleted_list_announced_by_a_short_line_ending_with_a_colon_is_content() {
    let lines = [
        "Home".to_string(),
        "Games".into(),
        para("The game"),
        "Dare to Play:".into(),
        "• Hundreds of cool tasks that will make your evenings fun".into(),
        "• Dozens of tricky questions that will help you know each other".into(),
        "• Challenges that need to be performed within a week".into(),
        "Dare to Play".into(),
        "About".into(),
    ];
    check_text(
        &lines,
        &["The game", "• Hundreds", "• Dozens", "• Challenges"],
        &["Home", "About"],
    );
}

#[test]
fn a_dated_list_whose_lines_change_shape_goes_on() {
    let mut lines = vec!["Tour".to_string(), para("The band"), "Tour dates:".into()];
    lines.extend(
        [
            "July 19 -- Budweiser Stage, Toronto, ON",
            "July 22 -- Blossom Music Center, Cuyahoga Falls, OH",
            "July 30 -- Ruoff Music Center, Noblesville, IN",
            "Aug. 2 -- DTE Energy Music Theatre, Clarkston, MI",
            "Aug. 4 -- Riverbend Music Center, Cincinnati, OH",
            "Aug. 8 -- Hollywood Casino Amphitheatre, Tinley Park, IL",
        ]
        .map(String::from),
    );
    lines.extend(["Share".to_string(), "Most Popular".into()]);
    check_text(
        &lines,
        &["The band", "July 19", "July 30", "Aug. 2", "Aug. 8"],
        &["Share", "Most Popular"],
    );
}

#[test]
fn a_markdown_table_reads_as_rows_of_cells() {
    let mut table = standings(|cells| cells.join(" | "));
    table.insert(1, "---|---|---|---|---".into());
    let page = [
        "* [Home](/)\n* [Standings](/standings)".to_string(),
        para("The standings"),
        "Final standings after 36 races:".into(),
        table.join("\n"),
        "[About us](/about) | [Contact](/contact) | [Privacy](/privacy)".into(),
    ]
    .join("\n\n");
    let outcome = cleaner().clean_text(&page);
    assert_kept_lines(
        &outcome,
        &["1\tKyle Busch\t5040\t12\t1", "12\tDenny Hamlin\t4633\t1\t1"],
    );
    assert!(!kept(&outcome).iter().any(|l| l.contains("About us")));
}

#[test]
fn the_attribution_of_an_embedded_post_stays_with_it() {
    let html = format!(
        "<body><article><h1>Council approves the budget</h1><p>{}</p>\
         <div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>Yes this is real and the council spent the whole night on it.</p>\
         &mdash; Jane Doe (@janedoe) <a href=\"https://twitter.com/janedoe/status/1\">November 18, 2019</a>\
         </blockquote></div><p>{}</p><p>{}</p></article></body>",
        para("The council"),
        para("Residents"),
        para("Earlier")
    );
    let outcome = cleaner().clean_html(&html);
    assert_eq!(label_of(&outcome, "— Jane Doe (@janedoe)"), Label::Content);
    assert_eq!(label_of(&outcome, "Yes this is real"), Label::Content);
}

#[test]
fn table_rows_with_negative_figures_stay_rows() {
    let lines = [
        "홈",
        "정치",
        "경제",
        "코스피가 외국인 매수세에 힘입어 이틀째 상승 마감했다. 19일 한국거래소에 따르면 코스피는 전 거래일보다 0.8% 오른 2,160.69에 장을 마쳤다. 외국인은 1,200억원어치를 순매수했다.",
        "이날 주요 종목 시세는 다음과 같다:",
        "종목명        현재가     전일대비   등락률",
        "삼성전자      52,300      +500     +0.97%",
        "SK하이닉스    81,200    +1,200     +1.50%",
        "현대차       121,000      -500     -0.41%",
        "LG화학       318,500    +3,500     +1.11%",
        "NAVER        168,000    +2,000     +1.20%",
        "전문가들은 연말까지 변동성이 이어질 것으로 내다봤다.",
        "ⓒ 예시경제 무단전재 및 재배포 금지",
        "많이 본 뉴스",
    ]
    .map(String::from);
    check_text(
        &lines,
        &["코스피가", "종목명", "현대차", "NAVER", "전문가들은"],
        &["홈", "ⓒ 예시경제", "많이 본 뉴스"],
    );
}

#[test]
fn teasers_of_story_cards_after_the_article_are_chrome() {
    let mut lines = vec![
        "Council approves the budget".to_string(),
        para("The council"),
        para("Residents"),
        para("Earlier"),
        "Share".into(),
    ];
    for (title, teaser) in [
        (
            "Mayor defends road plan",
            "The mayor said on Monday that the road plan would be finished before winter, whatever the cost to the city and its residents, and that critics had not read it.",
        ),
        (
            "Schools brace for cuts",
            "Teachers in three districts warned that the cuts would mean larger classes and fewer buses, and that parents had not been told what the council had decided.",
        ),
        (
            "Library reopens its doors",
            "After two years of repairs the central library opened again on Saturday, and hundreds of readers queued in the rain to see the new reading rooms and the restored dome.",
        ),
    ] {
        lines.extend([
            format!("□ {title}"),
            title.to_string(),
            "Jane Doe".into(),
            "November 19, 2019 12:00 AM".into(),
            format!("{teaser} {} {}", para(title), para("Officials")),
        ]);
    }
    check_text(
        &lines,
        &["The council", "Residents", "Earlier"],
        &["The mayor said", "Teachers in three", "After two years"],
    );
}

#[test]
fn a_dateline_lead_cut_off_by_a_photo_and_a_player_stays() {
    let lines = [
        "Home".to_string(),
        "Envoy faces questions about the budget".into(),
        "By JANE DOE and JOHN ROE".into(),
        "FILE - In this Monday, Oct. 28, 2019, file photo, the envoy arrives at the council chamber for a closed-door hearing.".into(),
        "Jane Roe, ASSOCIATED PRESS".into(),
        format!("WASHINGTON (AP) — {}", para("The envoy")),
        "[audio-play]".into(),
        "[audio-play]".into(),
        "[audio-play]".into(),
        "View all (23)".into(),
        para("Lawmakers"),
        para("The hearing"),
        para("Officials"),
        para("Critics"),
    ];
    check_text(
        &lines,
        &[
            "WASHINGTON (AP)",
            "Lawmakers",
            "The hearing",
            "Officials",
            "Critics",
        ],
        &["Home", "[audio-play]", "View all"],
    );
    let korean = [
        "홈".to_string(),
        "정치".into(),
        "예산안, 국회 본회의 통과".into(),
        "19일 국회 본회의장에서 예산안이 통과되고 있다. /사진=연합뉴스".into(),
        "[사진]".into(),
        "[사진]".into(),
        "[광고]".into(),
        "(서울=연합뉴스) 홍길동 기자 = 내년도 예산안이 19일 국회 본회의를 통과했다. 여야는 밤늦게까지 협상을 벌인 끝에 수정안에 합의했다.".into(),
        "[사진]".into(),
        "[사진]".into(),
        "[광고]".into(),
        "[광고]".into(),
        "정부는 이번 예산이 도로와 학교를 고치는 데 쓰일 것이라고 설명했다. 야당은 재정 건전성을 우려하며 일부 항목에 반대했다.".into(),
        "국회는 이날 예산 부수 법안 20여 건도 함께 처리했다. 정부는 다음 달부터 예산 집행 계획을 마련할 예정이다.".into(),
        "전문가들은 경기 둔화에 대응하려면 신속한 집행이 중요하다고 지적했다. 시민단체는 예산 심사 과정이 불투명했다고 비판했다.".into(),
        "ⓒ 예시일보 무단전재 및 재배포 금지".into(),
    ];
    check_text(
        &korean,
        &["(서울=연합뉴스)", "정부는", "국회는"],
        &["홈", "ⓒ 예시일보"],
    );
}

/// `text` wrapped at `width` columns, as a text browser writes a paragraph.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("a line");
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

#[test]
fn paragraphs_wrapped_at_a_fixed_width_are_kept_whole() {
    let mut page = vec![
        "Home | News | Sport | Weather".to_string(),
        String::new(),
        "Council approves the budget".into(),
        String::new(),
    ];
    let paragraphs: Vec<String> = ["The council", "Residents", "Earlier", "Critics"]
        .iter()
        .map(|topic| format!("{} {}", para(topic), para("Officials")))
        .collect();
    for p in &paragraphs {
        page.extend(wrapped(p, 72));
        page.push(String::new());
    }
    page.extend([
        "Share this article".to_string(),
        "© 2019 The Gazette".into(),
    ]);
    let page = page.join("\n");
    let outcome = cleaner().clean_text(&page);
    let text = outcome.text();
    for p in &paragraphs {
        for line in wrapped(p, 72) {
            assert!(text.contains(&line), "{line:?} not kept:\n{text}");
        }
    }
    assert!(!text.contains("Home | News"), "{text}");
    assert!(!text.contains("© 2019"), "{text}");
    // The diff drops whole lines and keeps every line of the paragraphs.
    let diff = outcome.diff("a", "b");
    assert!(
        diff.contains("\n-Home | News | Sport | Weather\n"),
        "{diff}"
    );
    assert!(!diff.contains("\n-The council"), "{diff}");
}

#[test]
fn a_slider_of_unlinked_teasers_and_a_follow_us_promo_inside_the_article_are_dropped() {
    // A Chinese news page: inside the article's markup, after the story, a slider of other
    // stories (heading, excerpt cut short, date; no links) and a prompt to follow the site's
    // WeChat account used to be kept as article text.
    let story = "新京报快讯（记者 裴剑飞）今日有网友爆料，有60万个账号和410万条联系人数据在暗网低价出售。\
                 今晚，中国铁路总公司通过官方微博发布辟谣消息称：网传信息不实，网站未发生用户信息泄漏。";
    let slide = |n: u32| {
        format!(
            r#"<div class="slider-item"><h3>另一篇报道的标题，第{n}条新闻标题在这里</h3>
               <p>这是另一篇报道的摘要，介绍了那篇文章的主要内容，市场却传来消息，大佬二季度减持了股票，事情的真相是...</p>
               <div class="date">2019-09-09 21:38:04</div></div>"#
        )
    };
    let html = format!(
        r#"<html><body><div class="article"><p>{story}</p><p>{story}</p><p>{story}</p>
           <div class="slider">{}{}{}</div>
           <p>扫描二维码关注新浪财经公众号，24小时滚动播报最新的财经资讯和视频</p></div></body></html>"#,
        slide(1),
        slide(2),
        slide(3)
    );
    let outcome = cleaner().clean_html(&html);
    assert_eq!(kept(&outcome), [story, story, story]);
}

#[test]
fn links_to_the_previous_article_are_dropped() {
    let page = [
        "据财政部消息，财政部预算司近日发布了地方政府债券发行情况。数据显示，今年1—8月份，\
         全国发行地方政府债券28951亿元，其中一般债券9780亿元，专项债券19171亿元。"
            .to_string(),
        "按用途划分，发行新增债券20000亿元，发行置换债券和再融资债券8951亿元。\
         新增债券的发行进度明显快于去年同期，为稳投资、扩内需提供了有力支撑。"
            .into(),
        "专家表示，下一步地方政府将继续加快专项债券发行使用进度，\
         推动更多重大项目尽快开工建设，形成实物工作量。"
            .into(),
        "【上一篇】 财政部又发大消息！银行不准藏利润 银行股".into(),
    ];
    check_text(
        &page,
        &["据财政部消息", "按用途划分", "专家表示"],
        &["【上一篇】"],
    );
}

#[test]
fn font_size_buttons_and_the_next_article_teaser_are_dropped() {
    let page = [
        "T + -".to_string(),
        "新京报讯（记者 陆一夫）11月25日，新京报记者登录电商平台发现，平台已上线多个海外品牌旗舰店，\
         涵盖美妆、母婴和食品等品类，部分商品价格低于其他渠道。"
            .into(),
        "平台方面表示，此次上线的品牌均经过严格审核，消费者可放心购买，平台还将继续引入更多国际品牌，\
         满足消费者多样化的购物需求。"
            .into(),
        "业内人士认为，跨境电商竞争日趋激烈，各平台纷纷加码进口商品，以吸引更多追求品质的消费者。".into(),
        "阅读下一篇".into(),
        "香港区议会选举结束".into(),
        "新华社香港11月25日电 香港特别行政区第六届区议会选举24日举行，25日中午完成计票，\
         选举产生了452名民选议员，投票人数超过294万，投票率为71.2%。"
            .into(),
        "看都看完了，点个在看再走吧".into(),
    ];
    check_text(
        &page,
        &["新京报讯", "平台方面", "业内人士"],
        &["T + -", "阅读下一篇", "新华社香港", "看都看完了"],
    );
}

#[test]
fn a_hidden_keyword_list_in_a_chinese_text_dump_does_not_take_the_article() {
    // A page hid a long list of search keywords; its text dump shows them as long lines of
    // words with no punctuation. There were more of them than article paragraphs, and they were
    // taken for the main text.
    let keywords = [
        "邓朴方潜逃第92号红通自首",
        "活力影院",
        "灰姑娘钓鱼岛屿事件",
        "公主小凡博客",
        "财会方舟网",
        "窗帘动力网",
        "新浪高考志愿填报系统",
        "明星合成艺术联盟",
        "金币头像",
        "海滩之旅",
        "装饰中国联通彩信相册",
        "家庭装修设计图",
        "室内装修设计效果图",
        "装潢设计效果图",
        "百强家具曝光",
        "北京宜家停车费",
        "苏宁易购买东西可靠吗",
        "笔记本电脑报价",
    ];
    let mut page = vec![
        "首页 | 新闻 | 社会".to_string(),
        "近日，广东江门警方接到一名72岁事主报警，称其接到一通陌生来电后，被层层套路，最终被诈骗上百万元。\
         接到报案后第二天江门警方即立案侦查，并于8月15日抓获犯罪嫌疑人。"
            .into(),
        "“我们警方在办案中根本不会要求事主向我们提供银行卡账号、密码、手机验证码等信息。”冯警官表示，\
         这类诈骗多挑女性、老年人等群体下手。"
            .into(),
        "江门警方提示，接到自称是公安、检察院、法院、银行等单位人员的来电切勿轻易相信，\
         尤其牵涉要求提供银行信息的，更要提高警惕。"
            .into(),
    ];
    // Eight different lines of the keywords, each starting further along the list.
    page.extend((0..8).map(|n| {
        let mut line = keywords[n..].to_vec();
        line.extend(&keywords[..n]);
        line.join(" ")
    }));
    check_text(&page, &["近日", "“我们警方", "江门警方提示"], &["邓朴方"]);
}

#[test]
fn a_line_saying_what_the_writer_covers_for_the_paper_is_a_biography() {
    let page = [
        "Council approves the budget".to_string(),
        para("The lead"),
        para("Second"),
        para("Third"),
        "Dana Whitfield covers business and rural affairs for the Riverbend Post.".into(),
    ];
    check_text(
        &page,
        &["The lead", "Second", "Third"],
        &["Dana Whitfield covers"],
    );
}

#[test]
fn the_line_of_tags_under_a_tags_header_is_dropped() {
    let tags = (1..=8)
        .map(|n| format!(r#"<a href="/tag/{n}">stock car corrida {n}</a>"#))
        .collect::<Vec<_>>()
        .join(", ");
    let html = three_paragraphs_then("entry-content", &format!("<p>Tags</p><p>{tags}</p>"));
    assert_only_the_three_paragraphs_kept(&html);
}

#[test]
fn gallery_counters_are_captions() {
    let page = [
        para("The lead"),
        "Image 1 of 5".to_string(),
        para("Second"),
        "사진 2/7".into(),
        para("Third"),
    ];
    check_text(
        &page,
        &["The lead", "Second", "Third"],
        &["Image 1 of 5", "사진 2/7"],
    );
    let text = page.join("\n");
    let outcome = cleaner().clean_text(&text);
    let counter = outcome
        .blocks()
        .find(|b| b.text.starts_with("Image 1"))
        .unwrap();
    assert_eq!(counter.verdict.category, Category::Caption);
}

#[test]
fn tool_labels_alone_in_article_body_markup_are_dropped() {
    // A block that is exactly a tool's label (print, bookmark, back to top) is chrome even in a
    // paragraph of the article body, where the markup speaks for content.
    for label in [
        "この記事を印刷する",
        "保存した記事",
        "トップへ戻る",
        "Print this article",
        "Back to top",
    ] {
        let html = format!(
            r#"<html><body><div class="article-body"><p>{}</p><p>{}</p><p>{label}</p><p>{}</p><p>{}</p></div></body></html>"#,
            para("One"),
            para("Two"),
            para("Three"),
            para("Four")
        );
        let outcome = cleaner().clean_html(&html);
        assert_eq!(
            kept(&outcome),
            [para("One"), para("Two"), para("Three"), para("Four")],
            "{label}"
        );
    }
}

#[test]
fn a_tip_line_with_the_reporters_address_inside_the_article_body_is_dropped() {
    let tip = "Have a news tip? Email us at tips@example.com.";
    let html = three_paragraphs_then("article-body", &format!("<p>{tip}</p>"));
    assert_only_the_three_paragraphs_kept(&html);
}

#[test]
fn a_call_to_get_the_sites_app_is_dropped() {
    let lines = [
        para("One"),
        para("Two"),
        "Get the Example News app".to_string(),
        para("Three"),
        "Download our free app for breaking news alerts".to_string(),
        para("Four"),
    ];
    check_text(
        &lines,
        &["One", "Two", "Three", "Four"],
        &["Get the Example", "Download our free app"],
    );
}

#[test]
fn page_number_rows_are_navigation() {
    let lines = [
        para("One"),
        "« Prev 1 2 3 Next »".to_string(),
        para("Two"),
        "1 2 下一页余下全文".to_string(),
        para("Three"),
        "이전 1 2 3 다음".to_string(),
        para("Four"),
    ];
    check_text(
        &lines,
        &["One", "Two", "Three", "Four"],
        &["« Prev", "1 2 下一页", "이전 1 2"],
    );
    let page = lines.join("\n");
    let outcome = cleaner().clean_text(&page);
    for row in ["« Prev", "1 2 下一页", "이전 1 2"] {
        let block = outcome.blocks().find(|b| b.text.starts_with(row)).unwrap();
        assert_eq!(block.verdict.category, Category::Nav, "{row}");
    }
}

#[test]
fn a_korean_portal_page_keeps_the_article_and_drops_the_portal_widgets() {
    let article = [
        "시는 내년 한 해 동안 공공자전거 이용 요금을 올리지 않기로 했다고 14일 밝혔다. 물가 상승으로 운영비 부담이 커졌지만 시민들의 교통비 부담을 덜기 위해 요금을 그대로 유지하기로 했다는 설명이다.",
        "현재 공공자전거 정기권은 한 달에 5천 원, 일 년에 3만 원이다. 시는 대신 고장 난 자전거를 빨리 고칠 수 있도록 정비 인력을 늘리고 대여소도 40곳 더 설치할 계획이다.",
        "이용자들은 대체로 반기는 분위기다. 출퇴근길에 자전거를 탄다는 한 회사원은 요금이 오르지 않는 것도 좋지만 대여소에 자전거가 없는 경우가 많아 그 문제부터 해결됐으면 좋겠다고 말했다.",
    ];
    let portal_head = [
        "본문 바로가기",
        "한빛일보",
        "구독",
        "한빛일보PICK 안내",
        "공공자전거 요금 내년에도 동결",
        "입력2024.11.14. 오후 6:30 기사원문",
        "본문 요약봇",
        "텍스트 음성 변환 서비스 사용하기",
        "글자 크기 변경하기",
        "SNS 보내기",
        "인쇄하기",
        "photo 게티이미지",
    ];
    let portal_tail = [
        "Copyright ⓒ 한빛일보. All rights reserved. 무단 전재 및 재배포 금지.",
        "이 기사는 언론사에서 사회 섹션으로 분류했습니다.",
        "메인에서 바로 보는 언론사 편집 뉴스 지금 바로 구독해보세요!",
        "해당 언론사에서 선정하며 언론사 페이지(아웃링크)로 이동해 볼 수 있습니다.",
        "이 기사를 추천합니다",
        "쏠쏠정보 0 흥미진진 0 공감백배 0 분석탁월 0 후속강추 0",
        "한빛일보가 이 기사의 댓글 정책을 결정합니다.",
        "클린봇이 악성댓글을 감지합니다.",
    ];
    let lines: Vec<String> = (portal_head.iter().chain(&article).chain(&portal_tail))
        .map(|l| l.to_string())
        .collect();
    let page = lines.join("\n");
    let outcome = cleaner().clean_text(&page);
    assert_eq!(kept(&outcome), article);
}

#[test]
fn a_text_dump_kept_the_headline_and_standfirst_above_the_byline() {
    let lines = [
        "Council approves budget after late-night session".to_string(),
        "Members argued for hours over road repairs and school funding before the vote."
            .to_string(),
        "By Jane Doe".to_string(),
        para("One"),
        para("Two"),
        para("Three"),
    ];
    check_text(
        &lines,
        &["One", "Two", "Three"],
        &["Council approves", "Members argued", "By Jane Doe"],
    );
}

#[test]
fn a_text_dump_without_a_byline_near_its_start_keeps_its_first_paragraphs() {
    let lines = [
        para("One"),
        para("Two"),
        para("Three"),
        "By Jane Doe".to_string(),
    ];
    check_text(&lines, &["One", "Two", "Three"], &["By Jane Doe"]);
}
