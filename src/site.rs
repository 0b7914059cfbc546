//! Rules scoped to sites: the host a page comes from, and the domain patterns rules name.
//!
//! A rule's `site` list holds domain patterns, compared with the host in lower case:
//! * `example.com` stands for that host and every host under it (`www.example.com`,
//!   `news.example.com`), as a cookie's domain does;
//! * `*` stands for any run of characters: `*.example.com` is every host under `example.com`
//!   but not `example.com` itself, `news.*.co.kr` any `news.` host of a `co.kr` domain.
//!
//! A page's URL is the one its caller gives (`newsclean clean --url`, the `url` field of a JSONL
//! record, [`crate::Cleaner::clean_bytes_at`]) or else the one it declares (`og:url`,
//! `twitter:url`, the JSON-LD `url` of the article). A page whose host is unknown fires no rule
//! scoped to sites; rules without `site` fire on every page.
//!
//! All patterns of a rule set are matched at once, by one [`GlobSet`], once per page.

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

use crate::error::{Error, Result};
use crate::rules::Rule;

/// The site patterns of a rule set, ready to match a page's host.
#[derive(Debug, Default)]
pub(crate) struct Sites {
    /// Every pattern, as one or two globs.
    set: GlobSet,
    /// For each glob of `set`, the scope (see [`Rule::site_scope`]) it belongs to.
    scope_of: Vec<u32>,
    /// How many rules are scoped to sites.
    scopes: usize,
}

impl Sites {
    /// Gives every rule scoped to sites its [`Rule::site_scope`] and compiles the patterns,
    /// which were checked when the rules were read (see [`check_pattern`]).
    pub(crate) fn new(rules: &mut [Rule]) -> Result<Sites> {
        let mut builder = GlobSetBuilder::new();
        let mut scope_of = Vec::new();
        let mut scopes = 0;
        for rule in rules.iter_mut().filter(|r| !r.site.is_empty()) {
            let scope = scopes as u32;
            rule.site_scope = Some(scope);
            scopes += 1;
            for pattern in &rule.site {
                for glob in globs(pattern).map_err(|e| rule_error(rule, &e))? {
                    builder.add(glob);
                    scope_of.push(scope);
                }
            }
        }
        let Some(first) = rules.iter().find(|r| !r.site.is_empty()) else {
            return Ok(Sites::default());
        };
        // Each glob compiled, so only their number can fail the set: said at the first rule.
        let set = builder.build().map_err(|e| rule_error(first, &e))?;
        Ok(Sites {
            set,
            scope_of,
            scopes,
        })
    }

    /// For each scope, whether a page at `url` is in it; empty when no rule is scoped to sites.
    pub(crate) fn matching(&self, url: Option<&str>) -> Vec<bool> {
        if self.scopes == 0 {
            return Vec::new();
        }
        let mut in_scope = vec![false; self.scopes];
        if let Some(host) = url.and_then(host_of) {
            for glob in self.set.matches(host.as_str()) {
                in_scope[self.scope_of[glob] as usize] = true;
            }
        }
        in_scope
    }
}

/// The globs of a pattern that [`check_pattern`] accepted: a pattern with no `*` stands for its
/// host and the hosts under it.
fn globs(pattern: &str) -> std::result::Result<Vec<Glob>, globset::Error> {
    // Globs compare without case, so the pattern is taken as written.
    let mut forms = vec![pattern.to_string()];
    if !pattern.contains('*') {
        forms.push(format!("*.{pattern}"));
    }
    forms
        .iter()
        .map(|form| {
            GlobBuilder::new(form)
                .case_insensitive(true)
                .literal_separator(false)
                .build()
        })
        .collect()
}

/// An error in the site patterns of `rule`.
fn rule_error(rule: &Rule, error: &globset::Error) -> Error {
    Error::Rule {
        file: rule.file.clone(),
        line: rule.line,
        column: 1,
        message: format!("bad site pattern: {error}"),
    }
}

/// Why `pattern` is no domain pattern, if it is not: it must hold letters, digits, `-`, `.` and
/// `*` alone, with no empty label.
pub(crate) fn check_pattern(pattern: &str) -> std::result::Result<(), String> {
    if pattern.is_empty() {
        return Err("a site pattern must not be empty".into());
    }
    if let Some(c) = pattern
        .chars()
        .find(|&c| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '*')))
    {
        return Err(format!(
            "site pattern `{pattern}` holds `{c}`: a domain such as `example.com` or \
             `*.example.com` is expected (letters, digits, `-`, `.` and `*`), with no scheme, \
             port or path"
        ));
    }
    if pattern.split('.').any(str::is_empty) {
        return Err(format!("site pattern `{pattern}` has an empty label"));
    }
    Ok(())
}

/// The host of `url`, in lower case: `https://News.Example.com:8080/a?b` gives
/// `news.example.com`; a URL without a scheme is read as a host and path (`example.com/a`).
/// `None` for a URL with no host (a relative one such as `/news/1`).
pub fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = match url.find("://") {
        Some(i)
            if url[..i]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) =>
        {
            &url[i + 3..]
        }
        _ => url.strip_prefix("//").unwrap_or(url),
    };
    let authority = &rest[..rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len())];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        // An IPv6 address keeps its brackets off, and its colons.
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.split(':').next().unwrap_or_default(),
    };
    let host = host.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_come_out_of_urls_in_lower_case() {
        for (url, host) in [
            (
                "https://News.Example.com:8080/a/b?c=d#e",
                Some("news.example.com"),
            ),
            ("http://user:pw@example.co.kr/", Some("example.co.kr")),
            ("//cdn.example.com/x", Some("cdn.example.com")),
            ("example.com/news/1", Some("example.com")),
            ("  www.example.com.  ", Some("www.example.com")),
            ("https://[::1]:80/", Some("::1")),
            ("/news/1", None),
            ("", None),
            ("https://", None),
            ("https://뉴스.한국/기사", Some("뉴스.한국")),
        ] {
            assert_eq!(host_of(url).as_deref(), host, "{url}");
        }
    }

    #[test]
    fn patterns_are_domains_with_stars() {
        for good in [
            "example.com",
            "*.example.com",
            "news.*.co.kr",
            "뉴스.한국",
            "a-b.c",
        ] {
            assert_eq!(check_pattern(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "https://example.com",
            "example.com/news",
            "example.com:80",
            "exa mple.com",
            "example..com",
            ".example.com",
            "[a-z].com",
        ] {
            assert!(check_pattern(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_domain_covers_its_subdomains_and_a_star_any_run() {
        let matches = |pattern: &str, host: &str| {
            let set = {
                let mut b = GlobSetBuilder::new();
                for g in globs(pattern).unwrap() {
                    b.add(g);
                }
                b.build().unwrap()
            };
            set.is_match(host)
        };
        assert!(matches("example.com", "example.com"));
        assert!(matches("example.com", "www.example.com"));
        assert!(matches("Example.COM", "news.example.com"));
        assert!(!matches("example.com", "badexample.com"));
        assert!(!matches("example.com", "example.com.evil.net"));
        assert!(matches("*.example.com", "www.example.com"));
        assert!(!matches("*.example.com", "example.com"));
        assert!(matches("news.*.co.kr", "news.daily.co.kr"));
        assert!(!matches("news.*.co.kr", "sports.daily.co.kr"));
    }
}
