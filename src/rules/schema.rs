//! Reading rule files: TOML to validated [`Rule`]s, with errors that name the file and line.
//!
//! A file holds `[[rule]]` tables. Every field is checked: unknown fields, unknown categories,
//! kinds, languages, features, zones and signals, fields that do not belong to the rule's kind,
//! a weight whose sign contradicts the category, empty phrase lists. Regexes and selectors are
//! checked when the set is compiled ([`super::compiled`]), with the same kind of error.

use serde::Deserialize;
use toml::Spanned;

use super::{Category, Condition, Feature, Header, InputScope, PhraseMode, Rule, RuleKind, Signal};
use crate::error::{Error, Result};
use crate::lang::{LangSet, Languages};
use crate::page::Zones;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    category: Spanned<String>,
    kind: Spanned<String>,
    weight: Spanned<f32>,
    message: String,
    explanation: String,
    lang: Option<Spanned<Vec<String>>>,
    site: Option<Spanned<Vec<String>>>,
    input: Option<Spanned<String>>,
    when: Option<Spanned<toml::Table>>,
    #[serde(rename = "match")]
    mode: Option<Spanned<String>>,
    phrases: Option<Spanned<Vec<String>>>,
    pattern: Option<Spanned<String>>,
    tokens: Option<Spanned<Vec<String>>>,
    tags: Option<Spanned<Vec<String>>>,
    zones: Option<Spanned<Vec<String>>>,
    selector: Option<Spanned<String>>,
    max_share: Option<Spanned<f32>>,
    follow_weight: Option<Spanned<f32>>,
    resume_ratio: Option<Spanned<f32>>,
    end_after: Option<Spanned<f32>>,
    min_count: Option<Spanned<u16>>,
    within: Option<Spanned<u16>>,
    min_run: Option<Spanned<u16>>,
    signal: Option<Spanned<String>>,
}

/// Where errors in one file are reported.
struct Source<'a> {
    file: &'a str,
    text: &'a str,
}

impl Source<'_> {
    fn error<T>(&self, offset: usize, message: impl Into<String>) -> Result<T> {
        Err(Error::rule_at(self.file, self.text, offset, message))
    }
}

/// Parses and validates one rule file.
pub(super) fn parse_file(file: &str, text: &str, languages: &Languages) -> Result<Vec<Rule>> {
    let src = Source { file, text };
    let parsed: RuleFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        Error::rule_at(file, text, offset, e.message().trim())
    })?;
    let mut rules: Vec<Rule> = Vec::with_capacity(parsed.rule.len());
    for raw in parsed.rule {
        let start = raw.span().start;
        let raw = raw.into_inner();
        if let Some(earlier) = rules.iter().find(|r| r.id == *raw.id.get_ref()) {
            return src.error(
                raw.id.span().start,
                format!(
                    "rule id `{}` already defined at line {}",
                    earlier.id, earlier.line
                ),
            );
        }
        rules.push(convert(&src, start, raw, languages)?);
    }
    Ok(rules)
}

fn convert(src: &Source<'_>, start: usize, raw: RawRule, languages: &Languages) -> Result<Rule> {
    let id = raw.id.get_ref().trim().to_string();
    if id.is_empty() || id.contains(char::is_whitespace) {
        return src.error(
            raw.id.span().start,
            "rule id must be non-empty and without spaces",
        );
    }
    let Some(category) = Category::named(raw.category.get_ref()) else {
        let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
        return src.error(
            raw.category.span().start,
            format!(
                "unknown category `{}` (one of: {})",
                raw.category.get_ref(),
                names.join(", ")
            ),
        );
    };
    let weight = *raw.weight.get_ref();
    let kind_name = raw.kind.get_ref().as_str();
    let is_context = kind_name == "context";
    if !weight.is_finite() || weight == 0.0 {
        return src.error(raw.weight.span().start, "weight must be a non-zero number");
    }
    if !is_context && (category == Category::Content) != (weight > 0.0) {
        return src.error(
            raw.weight.span().start,
            "weight sign contradicts the category: content rules weigh > 0, chrome categories < 0",
        );
    }
    let (lang, langs) = match &raw.lang {
        None => (Vec::new(), LangSet::ALL),
        Some(list) => {
            let mut set = LangSet::default();
            for code in list.get_ref() {
                if code == "any" {
                    set = LangSet::ALL;
                    continue;
                }
                match languages.by_code(code) {
                    Some(id) => set.insert(id),
                    None => {
                        return src.error(list.span().start, format!("unknown language `{code}`"));
                    }
                }
            }
            (list.get_ref().clone(), set)
        }
    };
    let mut site = Vec::new();
    if let Some(list) = &raw.site {
        if list.get_ref().is_empty() {
            return src.error(list.span().start, "`site` must name at least one domain");
        }
        for pattern in list.get_ref() {
            let pattern = pattern.trim();
            if let Err(message) = crate::site::check_pattern(pattern) {
                return src.error(list.span().start, message);
            }
            site.push(pattern.to_lowercase());
        }
    }
    let input = match raw.input.as_ref().map(|s| s.get_ref().as_str()) {
        None | Some("any") => InputScope::Any,
        Some("html") => InputScope::Html,
        Some("text") => InputScope::Text,
        Some(other) => {
            return src.error(
                raw.input.as_ref().unwrap().span().start,
                format!("unknown input `{other}` (any, html or text)"),
            );
        }
    };
    let when = match &raw.when {
        None => Vec::new(),
        Some(table) => conditions(src, table)?,
    };
    let kind = kind(src, &raw, &when)?;
    Ok(Rule {
        id,
        category,
        weight,
        message: raw.message,
        explanation: raw.explanation,
        lang,
        site,
        input,
        bounds: when.iter().map(Condition::bound).collect(),
        when,
        kind,
        file: src.file.to_string(),
        line: crate::error::line_column(src.text, start).0,
        langs,
        site_scope: None,
    })
}

/// Which optional fields each kind accepts.
fn allowed_fields(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "phrase" => &["match", "phrases"],
        "regex" => &["pattern"],
        "dom" => &["tokens", "tags", "zones", "selector", "max_share"],
        "feature" => &[],
        "section" => &[
            "match",
            "phrases",
            "pattern",
            "follow_weight",
            "resume_ratio",
            "end_after",
        ],
        "repeated" => &["min_count", "within"],
        "run" => &["min_run"],
        "context" => &["signal"],
        _ => return None,
    })
}

fn kind(src: &Source<'_>, raw: &RawRule, when: &[Condition]) -> Result<RuleKind> {
    let name = raw.kind.get_ref().as_str();
    let Some(allowed) = allowed_fields(name) else {
        return src.error(
            raw.kind.span().start,
            format!("unknown kind `{name}` (phrase, regex, dom, feature, section, repeated, run or context)"),
        );
    };
    let present: [(&str, Option<usize>); 15] = [
        ("match", at(&raw.mode)),
        ("phrases", at(&raw.phrases)),
        ("pattern", at(&raw.pattern)),
        ("tokens", at(&raw.tokens)),
        ("tags", at(&raw.tags)),
        ("zones", at(&raw.zones)),
        ("selector", at(&raw.selector)),
        ("max_share", at(&raw.max_share)),
        ("follow_weight", at(&raw.follow_weight)),
        ("resume_ratio", at(&raw.resume_ratio)),
        ("end_after", at(&raw.end_after)),
        ("min_count", at(&raw.min_count)),
        ("within", at(&raw.within)),
        ("min_run", at(&raw.min_run)),
        ("signal", at(&raw.signal)),
    ];
    for (field, at) in present {
        if let Some(at) = at
            && !allowed.contains(&field)
        {
            return src.error(at, format!("`{field}` does not apply to kind = \"{name}\""));
        }
    }
    let phrases = |src: &Source<'_>| -> Result<(PhraseMode, Vec<String>)> {
        let mode = match raw.mode.as_ref().map(|m| m.get_ref().as_str()) {
            Some("line") => PhraseMode::Line,
            Some("prefix") => PhraseMode::Prefix,
            Some("contains") => PhraseMode::Contains,
            Some(other) => {
                return src.error(
                    raw.mode.as_ref().unwrap().span().start,
                    format!("unknown match `{other}` (line, prefix or contains)"),
                );
            }
            None => {
                return src.error(
                    raw.kind.span().start,
                    format!("kind = \"{name}\" needs `match` (line, prefix or contains)"),
                );
            }
        };
        let Some(list) = &raw.phrases else {
            return src.error(
                raw.kind.span().start,
                format!("kind = \"{name}\" needs `phrases`"),
            );
        };
        let list: Vec<String> = list
            .get_ref()
            .iter()
            .map(|p| p.trim().to_string())
            .collect();
        if list.is_empty() || list.iter().any(String::is_empty) {
            return src.error(
                raw.phrases.as_ref().unwrap().span().start,
                "`phrases` must be a list of non-empty phrases",
            );
        }
        Ok((mode, list))
    };
    Ok(match name {
        "phrase" => {
            let (mode, phrases) = phrases(src)?;
            RuleKind::Phrase { mode, phrases }
        }
        "regex" => match &raw.pattern {
            Some(p) => RuleKind::Regex {
                pattern: p.get_ref().clone(),
            },
            None => return src.error(raw.kind.span().start, "kind = \"regex\" needs `pattern`"),
        },
        "dom" => {
            let list = |field: &Option<Spanned<Vec<String>>>| {
                field
                    .as_ref()
                    .map(|l| l.get_ref().clone())
                    .unwrap_or_default()
            };
            let (tokens, tags, zones) = (list(&raw.tokens), list(&raw.tags), list(&raw.zones));
            if let Some(bad) = zones.iter().find(|z| Zones::named(z).is_none()) {
                let names: Vec<&str> = Zones::NAMES.iter().map(|(n, _)| *n).collect();
                return src.error(
                    raw.zones.as_ref().unwrap().span().start,
                    format!("unknown zone `{bad}` (one of: {})", names.join(", ")),
                );
            }
            if tokens.is_empty() && tags.is_empty() && zones.is_empty() && raw.selector.is_none() {
                return src.error(
                    raw.kind.span().start,
                    "kind = \"dom\" needs `tokens`, `tags`, `zones` or `selector`",
                );
            }
            let max_share = raw.max_share.as_ref().map_or(0.5, |s| *s.get_ref());
            if !(max_share > 0.0 && max_share <= 1.0) {
                return src.error(
                    raw.max_share.as_ref().unwrap().span().start,
                    "max_share must be in (0, 1]",
                );
            }
            RuleKind::Dom {
                tokens: tokens.iter().map(|t| t.to_ascii_lowercase()).collect(),
                tags: tags.iter().map(|t| t.to_ascii_lowercase()).collect(),
                zones,
                selector: raw.selector.as_ref().map(|s| s.get_ref().clone()),
                max_share,
            }
        }
        "feature" => {
            if when.is_empty() {
                return src.error(
                    raw.kind.span().start,
                    "kind = \"feature\" needs a `when` table",
                );
            }
            RuleKind::Feature
        }
        "section" => {
            let header = match &raw.pattern {
                Some(pattern) if raw.phrases.is_none() && raw.mode.is_none() => {
                    Header::Pattern(pattern.get_ref().clone())
                }
                Some(pattern) => {
                    return src.error(
                        pattern.span().start,
                        "a section header is either `pattern` or `match` + `phrases`, not both",
                    );
                }
                None => {
                    let (mode, phrases) = phrases(src)?;
                    Header::Phrases { mode, phrases }
                }
            };
            let follow_weight = raw
                .follow_weight
                .as_ref()
                .map_or(*raw.weight.get_ref(), |w| *w.get_ref());
            if follow_weight >= 0.0 {
                return src.error(
                    raw.follow_weight
                        .as_ref()
                        .map_or(raw.weight.span().start, |w| w.span().start),
                    "a section's weights must be negative",
                );
            }
            let resume_ratio = raw.resume_ratio.as_ref().map_or(0.5, |r| *r.get_ref());
            if resume_ratio.is_nan() || resume_ratio <= 0.0 {
                return src.error(
                    raw.resume_ratio.as_ref().unwrap().span().start,
                    "resume_ratio must be positive",
                );
            }
            let end_after = raw.end_after.as_ref().map(|e| *e.get_ref());
            if let Some(end_after) = &raw.end_after
                && (end_after.get_ref().is_nan() || *end_after.get_ref() <= 0.0)
            {
                return src.error(end_after.span().start, "end_after must be positive");
            }
            RuleKind::Section {
                header,
                follow_weight,
                resume_ratio,
                end_after,
            }
        }
        "repeated" => {
            if let Some(within) = &raw.within
                && *within.get_ref() == 0
            {
                return src.error(within.span().start, "within must be at least 1");
            }
            RuleKind::Repeated {
                min_count: raw.min_count.as_ref().map_or(2, |c| *c.get_ref()).max(2),
                within: raw.within.as_ref().map(|w| *w.get_ref()),
            }
        }
        "run" => {
            if when.is_empty() {
                return src.error(
                    raw.kind.span().start,
                    "kind = \"run\" needs a `when` table saying which blocks form the run",
                );
            }
            RuleKind::Run {
                min_run: raw.min_run.as_ref().map_or(3, |c| *c.get_ref()).max(2),
            }
        }
        "context" => {
            let Some(signal) = &raw.signal else {
                return src.error(raw.kind.span().start, "kind = \"context\" needs `signal`");
            };
            match Signal::ALL.iter().find(|(n, _)| n == signal.get_ref()) {
                Some((_, s)) => RuleKind::Context { signal: *s },
                None => {
                    let names: Vec<&str> = Signal::ALL.iter().map(|(n, _)| *n).collect();
                    return src.error(
                        signal.span().start,
                        format!(
                            "unknown signal `{}` (one of: {})",
                            signal.get_ref(),
                            names.join(", ")
                        ),
                    );
                }
            }
        }
        _ => unreachable!("kind names are checked by allowed_fields"),
    })
}

/// Where an optional field starts, if present.
fn at<T>(field: &Option<Spanned<T>>) -> Option<usize> {
    field.as_ref().map(|f| f.span().start)
}

/// Reads a `when` table: `feature = { min = …, max = … }` for numbers, `feature = true|false`
/// for flags.
fn conditions(src: &Source<'_>, table: &Spanned<toml::Table>) -> Result<Vec<Condition>> {
    let at = table.span().start;
    let mut out = Vec::new();
    for (key, value) in table.get_ref() {
        let Some((_, feature)) = Feature::ALL.iter().find(|(n, _)| n == key) else {
            let names: Vec<&str> = Feature::ALL.iter().map(|(n, _)| *n).collect();
            return src.error(
                at,
                format!(
                    "unknown feature `{key}` in `when` (one of: {})",
                    names.join(", ")
                ),
            );
        };
        let feature = *feature;
        match (feature.is_flag(), value) {
            (true, toml::Value::Boolean(b)) => out.push(Condition::Flag { feature, value: *b }),
            (true, _) => return src.error(at, format!("`when.{key}` must be true or false")),
            (false, toml::Value::Table(bounds)) => {
                let mut min = None;
                let mut max = None;
                for (bound, v) in bounds {
                    let number = match v {
                        toml::Value::Integer(i) => *i as f32,
                        toml::Value::Float(f) => *f as f32,
                        _ => {
                            return src.error(at, format!("`when.{key}.{bound}` must be a number"));
                        }
                    };
                    match bound.as_str() {
                        "min" => min = Some(number),
                        "max" => max = Some(number),
                        _ => {
                            return src.error(
                                at,
                                format!("`when.{key}` takes `min` and `max`, not `{bound}`"),
                            );
                        }
                    }
                }
                if min.is_none() && max.is_none() {
                    return src.error(at, format!("`when.{key}` needs `min` or `max`"));
                }
                out.push(Condition::Range { feature, min, max });
            }
            (false, _) => {
                return src.error(
                    at,
                    format!("`when.{key}` must be a table like {{ min = 1, max = 10 }}"),
                );
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Languages {
        Languages::load([(
            "ko.toml",
            "code='ko'\nname='Korean'\nscript='hangul'\nprose_density=0.5",
        )])
        .unwrap()
    }

    const GOOD: &str = r#"
[[rule]]
id = "share.buttons"
category = "share"
kind = "phrase"
match = "line"
phrases = ["Share", "공유하기"]
weight = -3.0
lang = ["ko", "any"]
message = "share button"
explanation = "Share buttons are chrome."
when = { units = { max = 40 }, ends_sentence = false }
"#;

    fn error(text: &str) -> String {
        parse_file("rules/x.toml", text, &langs())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn reads_a_valid_rule() {
        let rules = parse_file("rules/x.toml", GOOD, &langs()).unwrap();
        let rule = &rules[0];
        assert_eq!(rule.id, "share.buttons");
        assert_eq!(rule.line, 2);
        assert_eq!(rule.when.len(), 2);
        assert!(
            matches!(&rule.kind, RuleKind::Phrase { mode: PhraseMode::Line, phrases } if phrases.len() == 2)
        );
    }

    #[test]
    fn errors_name_file_line_and_problem() {
        assert!(
            error(&GOOD.replace("\"share\"\nkind", "\"sharing\"\nkind"))
                .starts_with("rules/x.toml:4:")
        );
        assert!(
            error(&GOOD.replace("\"share\"\nkind", "\"sharing\"\nkind"))
                .contains("unknown category `sharing`")
        );
        assert!(error(&GOOD.replace("-3.0", "3.0")).contains("weight sign"));
        assert!(error(&GOOD.replace("\"ko\",", "\"xx\",")).contains("unknown language `xx`"));
        assert!(error(&GOOD.replace("units", "length")).contains("unknown feature `length`"));
        assert!(
            error(&GOOD.replace("match = \"line\"", "match = \"line\"\npattern = \"x\""))
                .contains("`pattern` does not apply")
        );
        assert!(
            error(&GOOD.replace("kind = \"phrase\"", "kind = \"magic\""))
                .contains("unknown kind `magic`")
        );
        let repeated = GOOD.replace(
            "kind = \"phrase\"\nmatch = \"line\"\nphrases = [\"Share\", \"공유하기\"]",
            "kind = \"repeated\"",
        );
        assert!(
            parse_file(
                "rules/x.toml",
                &repeated.replace("-3.0", "-3.0\nwithin = 2"),
                &langs()
            )
            .is_ok()
        );
        assert!(
            error(&repeated.replace("-3.0", "-3.0\nwithin = 0"))
                .contains("within must be at least 1")
        );
        assert!(
            error(&GOOD.replace("-3.0", "-3.0\nwithin = 2")).contains("`within` does not apply")
        );
        assert!(error(&GOOD.replace("message", "mesage")).starts_with("rules/x.toml:"));
        assert!(error(&format!("{GOOD}{GOOD}")).contains("already defined at line 2"));
        assert!(
            error("[[rule]]\nid = \"a\"\ncategory = \"nav\"\nkind = \"phrase\"\n")
                .contains("missing field")
        );
    }

    #[test]
    fn site_patterns_are_read_in_lower_case_and_checked() {
        let scoped = GOOD.replace(
            "lang = [",
            "site = [\"News.Example.com\", \"*.example.kr\"]\nlang = [",
        );
        let rules = parse_file("rules/x.toml", &scoped, &langs()).unwrap();
        assert_eq!(rules[0].site, ["news.example.com", "*.example.kr"]);
        assert!(
            parse_file("rules/x.toml", GOOD, &langs()).unwrap()[0]
                .site
                .is_empty()
        );
        let err = error(&GOOD.replace("lang = [", "site = [\"https://example.com/\"]\nlang = ["));
        assert!(err.starts_with("rules/x.toml:9:"), "{err}");
        assert!(err.contains("site pattern `https://example.com/`"), "{err}");
        assert!(
            error(&GOOD.replace("lang = [", "site = []\nlang = [")).contains("at least one domain")
        );
    }

    #[test]
    fn broken_toml_points_at_the_line() {
        let err = error("[[rule]]\nid = \"a\nweight = 1\n");
        assert!(err.starts_with("rules/x.toml:2:"), "{err}");
    }
}
