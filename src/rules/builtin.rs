//! The built-in rule and language files, embedded in the binary.

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../", $path)))),*]
    };
}

/// Built-in rule files, as (name, contents).
pub(super) const RULES: &[(&str, &str)] = embed!(
    "rules/content.toml",
    "rules/chrome.toml",
    "rules/nav.toml",
    "rules/share.toml",
    "rules/comments.toml",
    "rules/related.toml",
    "rules/ads.toml",
    "rules/subscribe.toml",
    "rules/legal.toml",
    "rules/meta.toml",
    "rules/caption.toml",
    "rules/context.toml",
);

/// Built-in language files, as (name, contents).
pub(super) const LANGUAGES: &[(&str, &str)] = embed!(
    "rules/lang/ko.toml",
    "rules/lang/en.toml",
    "rules/lang/ja.toml",
    "rules/lang/zh.toml",
    "rules/lang/de.toml",
    "rules/lang/fr.toml",
    "rules/lang/es.toml",
    "rules/lang/pt.toml",
    "rules/lang/ru.toml",
    "rules/lang/it.toml",
    "rules/lang/ar.toml",
    "rules/lang/nl.toml",
    "rules/lang/pl.toml",
    "rules/lang/sv.toml",
    "rules/lang/id.toml",
    "rules/lang/tr.toml",
    "rules/lang/vi.toml",
    "rules/lang/cs.toml",
    "rules/lang/ro.toml",
    "rules/lang/hu.toml",
    "rules/lang/uk.toml",
    "rules/lang/el.toml",
    "rules/lang/he.toml",
    "rules/lang/hi.toml",
    "rules/lang/fa.toml",
    "rules/lang/da.toml",
    "rules/lang/fi.toml",
);
