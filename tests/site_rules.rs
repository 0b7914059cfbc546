//! Rules scoped to sites (`site = [...]`): they fire on pages whose URL, given by the caller or
//! declared by the page, has a host of theirs, and on no other page.

use newsclean::batch::jsonl::{StreamOptions, stream};
use newsclean::{Cleaner, InputMode, Options, Outcome, RuleSet};

/// A promotion line that no built-in rule drops, between two paragraphs of an article.
const PROMO: &str = "Today's pick: the best restaurants in the city, ranked by our readers \
                     and critics alike, with maps and prices for you.";

const SITE_RULE: &str = r#"
[[rule]]
id = "site.promo"
category = "ads"
kind = "phrase"
match = "prefix"
phrases = ["Today's pick"]
site = ["example.com", "news.*.co.kr"]
weight = -6.0
message = "promotion line"
explanation = "Two sites put a promotion line in the middle of their articles."
"#;

fn cleaner() -> Cleaner {
    let rules = RuleSet::builder()
        .file("site.toml", SITE_RULE)
        .build()
        .expect("rules load");
    Cleaner::with_rules(rules, Options::default())
}

fn text_page() -> String {
    format!(
        "The council approved the new budget on Tuesday after a debate that lasted for most of \
         the night, members said.\n{PROMO}\nMembers said the plan would fund two new schools and \
         repair the old bridge over the river before winter.\n"
    )
}

fn html_page(og_url: &str) -> String {
    format!(
        "<html><head><meta property=\"og:url\" content=\"{og_url}\"></head><body><article>\
         <p>The council approved the new budget on Tuesday after a debate that lasted for most \
         of the night, members said.</p><p>{PROMO}</p><p>Members said the plan would fund two \
         new schools and repair the old bridge over the river before winter.</p></article>\
         </body></html>"
    )
}

fn fired(outcome: &Outcome<'_>) -> bool {
    outcome.blocks().any(|b| {
        b.verdict
            .reasons
            .iter()
            .any(|r| outcome.rule(r).id == "site.promo")
    })
}

#[test]
fn a_site_rule_fires_on_its_hosts_only() {
    let cleaner = cleaner();
    let page = text_page();
    for (url, expected) in [
        (Some("https://example.com/news/1"), true),
        (Some("https://www.example.com/news/1"), true),
        (Some("http://NEWS.daily.co.kr:8080/a?b=c"), true),
        (Some("example.com/news/1"), true),
        (Some("https://badexample.com/news/1"), false),
        (Some("https://sports.daily.co.kr/a"), false),
        (Some("/news/1"), false),
        (None, false),
    ] {
        let outcome = cleaner.clean_as(&page, InputMode::Text, url);
        assert_eq!(fired(&outcome), expected, "{url:?}");
        assert_eq!(
            outcome.text().contains("Today's pick"),
            !expected,
            "{url:?}"
        );
    }
    let outcome = cleaner
        .clean_bytes_at(page.as_bytes(), "https://example.com/a")
        .unwrap();
    assert!(fired(&outcome));
    assert_eq!(
        outcome.metadata().url.as_deref(),
        Some("https://example.com/a")
    );
}

#[test]
fn an_html_page_declares_its_url_and_the_caller_overrides_it() {
    let cleaner = cleaner();
    let page = html_page("https://www.example.com/2024/05/budget");
    let outcome = cleaner.clean_html(&page);
    assert_eq!(
        outcome.metadata().url.as_deref(),
        Some("https://www.example.com/2024/05/budget")
    );
    assert!(fired(&outcome));
    assert!(!outcome.text().contains("Today's pick"));
    let elsewhere = cleaner.clean_as(&page, InputMode::Html, Some("https://mirror.example.org/x"));
    assert!(!fired(&elsewhere));
    let other_site = html_page("https://example.org/2024/05/budget");
    assert!(!fired(&cleaner.clean_html(&other_site)));
}

#[test]
fn rules_without_sites_fire_everywhere_and_listing_shows_sites() {
    let cleaner = cleaner();
    let rule = cleaner.rules().get("site.promo").unwrap();
    assert_eq!(rule.site, ["example.com", "news.*.co.kr"]);
    // A built-in rule still fires with or without a URL.
    let page = format!("{}Share on Facebook\n", text_page());
    for url in [None, Some("https://example.org/")] {
        let outcome = cleaner.clean_as(&page, InputMode::Text, url);
        assert!(!outcome.text().contains("Share on Facebook"), "{url:?}");
    }
}

#[test]
fn jsonl_records_give_the_url_in_a_field() {
    let cleaner = cleaner();
    let text = serde_json::to_string(&text_page()).unwrap();
    let input = format!(
        "{{\"url\":\"https://example.com/1\",\"text\":{text}}}\n\
         {{\"url\":\"https://example.org/1\",\"text\":{text}}}\n\
         {{\"text\":{text}}}\n\
         {{\"url\":42,\"text\":{text}}}\n\
         {{\"link\":\"https://example.com/2\",\"text\":{text}}}\n"
    );
    let run = |options: &StreamOptions| {
        let mut out = Vec::new();
        stream(&cleaner, input.as_bytes(), &mut out, options, |e| {
            panic!("no record fails: {e:?}")
        })
        .unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                let record: serde_json::Value = serde_json::from_str(l).unwrap();
                !record["cleaned"].as_str().unwrap().contains("Today's pick")
            })
            .collect::<Vec<bool>>()
    };
    assert_eq!(
        run(&StreamOptions::default()),
        [true, false, false, false, false]
    );
    let by_link = StreamOptions {
        url_field: "link".into(),
        ..StreamOptions::default()
    };
    assert_eq!(run(&by_link), [false, false, false, false, true]);
}
