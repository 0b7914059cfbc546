//! Page metadata from the head and from structured data: title, byline, date, site name, the
//! page's URL, and the JSON-LD `articleBody`.
//!
//! Sources, best first: JSON-LD (`NewsArticle`, `Article`, `BlogPosting` … anywhere in the
//! document, `@graph` included), then Open Graph and other `<meta>` tags, then `<title>` and the
//! first `<h1>`.

use serde_json::Value;

use super::Head;
use crate::page::{Metadata, Page};

/// How deep JSON-LD is searched for article objects.
const MAX_JSON_DEPTH: usize = 8;

/// Builds the metadata of a page from what the walk gathered.
pub(super) fn extract(head: Head, page: &Page<'_>) -> Metadata {
    let mut found = Metadata::default();
    for text in &head.json_ld {
        if let Some(value) = parse_json(text) {
            visit(&value, 0, &mut found);
        }
    }
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            head.metas
                .iter()
                .find(|(name, content)| name == k && !content.trim().is_empty())
                .map(|(_, content)| clean(content))
        })
    };
    let first_h1 = || {
        page.blocks
            .iter()
            .find(|b| page.element_of(b).is_some_and(|e| &*e.tag == "h1"))
            .map(|b| page.text(b).to_string())
    };
    let title = found
        .title
        .take()
        .or_else(|| meta(&["og:title", "twitter:title", "title", "headline"]))
        .or_else(|| Some(without_site_name(&clean(&head.title))).filter(|t| !t.is_empty()))
        .or_else(first_h1);
    Metadata {
        title,
        byline: found
            .byline
            .or_else(|| {
                meta(&[
                    "author",
                    "article:author",
                    "byl",
                    "dc.creator",
                    "sailthru.author",
                    "parsely-author",
                ])
            })
            .filter(|b| !b.starts_with("http")),
        date: found.date.or_else(|| {
            meta(&[
                "article:published_time",
                "datepublished",
                "og:published_time",
                "pubdate",
                "publishdate",
                "date",
                "dc.date",
                "sailthru.date",
                "parsely-pub-date",
            ])
        }),
        site_name: found
            .site_name
            .or_else(|| meta(&["og:site_name", "application-name", "twitter:site"])),
        url: meta(&["og:url", "twitter:url"])
            .filter(|u| u.contains("://"))
            .or(found.url),
        structured_body: found.structured_body,
    }
}

/// Parses JSON-LD, forgiving the raw line breaks inside strings that many sites emit.
fn parse_json(text: &str) -> Option<Value> {
    serde_json::from_str(text.trim()).ok().or_else(|| {
        let flat: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(flat.trim()).ok()
    })
}

fn is_article(object: &serde_json::Map<String, Value>) -> bool {
    let article_type = |t: &str| t.contains("Article") || t.contains("Posting") || t == "Report";
    match object.get("@type") {
        Some(Value::String(t)) => article_type(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(article_type),
        _ => object.contains_key("articleBody"),
    }
}

/// Fills what is still missing from the first article objects found.
fn visit(value: &Value, depth: usize, found: &mut Metadata) {
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| visit(v, depth + 1, found)),
        Value::Object(object) => {
            if is_article(object) {
                let text = |key: &str| {
                    object
                        .get(key)
                        .and_then(Value::as_str)
                        .map(clean)
                        .filter(|s| !s.is_empty())
                };
                if found.title.is_none() {
                    found.title = text("headline").or_else(|| text("name"));
                }
                if found.date.is_none() {
                    found.date = text("datePublished").or_else(|| text("dateCreated"));
                }
                if found.byline.is_none() {
                    found.byline = object.get("author").and_then(names);
                }
                if found.site_name.is_none() {
                    found.site_name = object.get("publisher").and_then(names);
                }
                if found.url.is_none() {
                    found.url = text("url").filter(|u| u.contains("://"));
                }
                if let Some(body) = text("articleBody")
                    && found
                        .structured_body
                        .as_ref()
                        .is_none_or(|b| b.len() < body.len())
                {
                    found.structured_body = Some(body);
                }
            }
            for (key, child) in object {
                if key == "@graph"
                    || key == "mainEntity"
                    || key == "mainEntityOfPage"
                    || key == "itemListElement"
                {
                    visit(child, depth + 1, found);
                }
            }
        }
        _ => {}
    }
}

/// The name(s) of a person or organisation given as a string, an object or a list of them.
fn names(value: &Value) -> Option<String> {
    let list: Vec<String> = match value {
        Value::String(s) => vec![clean(s)],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(clean)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().filter_map(names).collect(),
        _ => Vec::new(),
    };
    let list: Vec<String> = list.into_iter().filter(|s| !s.is_empty()).collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// Collapses white space.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `<title>` without the site name sites put before or after the headline ("Headline - Site",
/// "Site | Headline", "見出し｜サイト", "标题_网站"): its longest part between such separators.
fn without_site_name(title: &str) -> String {
    const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", "｜", "_"];
    let mut parts = vec![title];
    for separator in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .rev()
        .max_by_key(|part| part.chars().count())
        .unwrap_or(title)
        .to_string()
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    fn meta(html: &str) -> crate::page::Metadata {
        crate::html::parse(Cow::Borrowed(html), encoding_rs::UTF_8, false, &[]).meta
    }

    #[test]
    fn json_ld_comes_first() {
        let html = r#"<html><head><title>Page title | Site</title>
            <meta property="og:title" content="OG title"><meta property="og:site_name" content="The Site">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
              {"@type":"NewsArticle","headline":"LD headline","datePublished":"2024-05-21T10:00:00Z",
               "author":[{"@type":"Person","name":"Kim Minji"},{"name":"Lee Ho"}],
               "articleBody":"First paragraph.
Second paragraph."}]}</script></head><body><h1>H1</h1></body></html>"#;
        let m = meta(html);
        assert_eq!(m.title.as_deref(), Some("LD headline"));
        assert_eq!(m.byline.as_deref(), Some("Kim Minji, Lee Ho"));
        assert_eq!(m.date.as_deref(), Some("2024-05-21T10:00:00Z"));
        assert_eq!(m.site_name.as_deref(), Some("The Site"));
        assert_eq!(
            m.structured_body.as_deref(),
            Some("First paragraph. Second paragraph.")
        );
    }

    #[test]
    fn the_page_url_comes_from_open_graph_then_json_ld() {
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","url":"https://ld.example.com/a"}</script>"#;
        let og = r#"<meta property="og:url" content="https://og.example.com/a">"#;
        let url = |head: &str| meta(&format!("<html><head>{head}</head></html>")).url;
        assert_eq!(
            url(&format!("{ld}{og}")).as_deref(),
            Some("https://og.example.com/a")
        );
        assert_eq!(url(ld).as_deref(), Some("https://ld.example.com/a"));
        let relative = r#"<meta property="og:url" content="/a">"#;
        assert_eq!(
            url(&format!("{relative}{ld}")).as_deref(),
            Some("https://ld.example.com/a")
        );
        assert_eq!(url(relative), None);
    }

    #[test]
    fn title_tags_lose_the_site_name() {
        let title = |t: &str| {
            meta(&format!("<head><title>{t}</title></head>"))
                .title
                .unwrap_or_default()
        };
        assert_eq!(
            title("Bread prices rise 5% in a year - The Daily"),
            "Bread prices rise 5% in a year"
        );
        assert_eq!(title("The Daily | Bread prices rise"), "Bread prices rise");
        assert_eq!(
            title("大雪で新幹線に遅れ｜あおば新聞"),
            "大雪で新幹線に遅れ"
        );
        assert_eq!(
            title("新能源汽车产销量位居全球第一_新华财经"),
            "新能源汽车产销量位居全球第一"
        );
        assert_eq!(title("Plain headline"), "Plain headline");
    }

    #[test]
    fn falls_back_to_meta_title_and_h1() {
        assert_eq!(
            meta(
                r#"<head><meta property="og:title" content=" OG  title "><title>T</title></head>"#
            )
            .title
            .as_deref(),
            Some("OG title")
        );
        assert_eq!(
            meta("<head><title>Plain</title></head><body><h1>H</h1></body>")
                .title
                .as_deref(),
            Some("Plain")
        );
        assert_eq!(
            meta("<body><h1>Only H1</h1><p>x</p></body>")
                .title
                .as_deref(),
            Some("Only H1")
        );
        assert_eq!(meta("<body><p>x</p></body>").title, None);
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(
            r#"<head><script type="application/ld+json">{"headline": </script><title>T</title></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("T"));
    }
}
