//! Rules: what they are, how they are loaded, and the compiled [`RuleSet`].
//!
//! A rule is data (see `rules/README.md` for the file format): an id, a category, a weight
//! (negative: evidence of chrome; positive: evidence of content), a message, an explanation,
//! optional language and input scopes, optional feature conditions (`when`), and one of a small
//! fixed set of kinds. The built-in rules are embedded in the binary; users add rule files on
//! top (a rule with the id of a built-in one replaces it) and switch rules off by id, id prefix
//! or category. Loading validates everything up front, so a broken file stops the program with
//! the file, line and problem, never in the middle of a run.
//!
//! Submodules: `schema` reads and validates rule files, `compiled` builds the matchers of
//! each kind of rule, `gates` works out the cheap tests that say where a regex may match,
//! `builtin` embeds the shipped files.

mod builtin;
pub(crate) mod compiled;
mod edges;
mod gates;
mod rows;
mod schema;

use std::fmt;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::lang::{LangSet, Languages};
use crate::lexicon::Lexicon;
use crate::site::Sites;

pub(crate) use compiled::Compiled;

/// What a rule says a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Article content (positive evidence).
    Content,
    /// Menus, breadcrumbs, skip links, section lists.
    Nav,
    /// Share buttons and social links.
    Share,
    /// Comment widgets and user comments.
    Comments,
    /// Related, recommended, most-read and ranking lists.
    Related,
    /// Advertising.
    Ads,
    /// Login, subscription and newsletter prompts.
    Subscribe,
    /// Copyright, terms, privacy and cookie notices.
    Legal,
    /// Title, byline, date, view counts and the like: about the article, not of it.
    Meta,
    /// Photo captions and credits.
    Caption,
    /// Chrome of no more specific kind (short, link-heavy, out-of-place text).
    Chrome,
}

impl Category {
    /// Every category with its name in rule files.
    pub const ALL: [Category; 11] = [
        Category::Content,
        Category::Nav,
        Category::Share,
        Category::Comments,
        Category::Related,
        Category::Ads,
        Category::Subscribe,
        Category::Legal,
        Category::Meta,
        Category::Caption,
        Category::Chrome,
    ];

    /// The name used in rule files and output.
    pub fn name(self) -> &'static str {
        match self {
            Category::Content => "content",
            Category::Nav => "nav",
            Category::Share => "share",
            Category::Comments => "comments",
            Category::Related => "related",
            Category::Ads => "ads",
            Category::Subscribe => "subscribe",
            Category::Legal => "legal",
            Category::Meta => "meta",
            Category::Caption => "caption",
            Category::Chrome => "chrome",
        }
    }

    /// The category called `name`.
    pub fn named(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// How a phrase must sit in a block to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseMode {
    /// The phrase is the whole block, apart from a bullet, list number, trailing count or
    /// punctuation (`• Comments (3)` matches `comments`).
    Line,
    /// The block starts with the phrase.
    Prefix,
    /// The phrase occurs anywhere in the block.
    Contains,
}

/// How a section header is recognised.
#[derive(Clone, Debug, PartialEq)]
pub enum Header {
    /// By phrases, as a phrase rule.
    Phrases {
        /// Where the phrase must sit.
        mode: PhraseMode,
        /// The phrases.
        phrases: Vec<String>,
    },
    /// By a regular expression, as a regex rule.
    Pattern(String),
}

/// Which inputs a rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputScope {
    /// HTML and plain text.
    Any,
    /// HTML pages only.
    Html,
    /// Plain-text pages only.
    Text,
}

/// Page-level evidence that `context` rules weigh (computed by [`crate::context`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// The block lies in the page's main text: the run of blocks with the most content evidence.
    MainText,
    /// The block lies outside the main text.
    OutsideMainText,
    /// The block's text is part of the article body the page declares in its JSON-LD.
    StructuredBody,
    /// The block is the page's title.
    Title,
    /// The block opens a plain-text page's main text before its byline: its headline or
    /// standfirst.
    Headline,
    /// The block lies in a teaser card: one of several sibling elements that each hold a linked
    /// headline and a little text (HTML).
    TeaserCard,
    /// An undecided heading-like block right before content.
    HeadingBeforeContent,
    /// An item of a list that an article sentence ending with a colon introduces.
    IntroducedList,
    /// An undecided block with content on both sides.
    BetweenContent,
    /// An undecided block with chrome on both sides.
    BetweenChrome,
}

impl Signal {
    /// Every signal with its name in rule files.
    pub const ALL: [(&'static str, Signal); 10] = [
        ("main-text", Signal::MainText),
        ("outside-main-text", Signal::OutsideMainText),
        ("structured-body", Signal::StructuredBody),
        ("title", Signal::Title),
        ("headline", Signal::Headline),
        ("teaser-card", Signal::TeaserCard),
        ("heading-before-content", Signal::HeadingBeforeContent),
        ("introduced-list", Signal::IntroducedList),
        ("between-content", Signal::BetweenContent),
        ("between-chrome", Signal::BetweenChrome),
    ];

    /// The name used in rule files.
    pub fn name(self) -> &'static str {
        Signal::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("", |(n, _)| n)
    }
}

/// A block measurement a `when` condition can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// Characters.
    Chars,
    /// Length in Latin-equivalent characters (fair to CJK and Hangul).
    Units,
    /// Words (Han and kana characters count one each).
    Words,
    /// Digits.
    Digits,
    /// Sentence-final punctuation marks.
    SentenceEnds,
    /// Menu separators (`|`, `>`, `·` …).
    Separators,
    /// Blocks of the page with the same text.
    Repeats,
    /// Share of characters inside links (HTML).
    LinkDensity,
    /// Stop-word density relative to the language's prose (1.0 = ordinary prose).
    StopwordLevel,
    /// Share of letters and digits that are digits.
    DigitRatio,
    /// Share of letters that are upper case.
    UppercaseRatio,
    /// Position in the page, 0.0 (first block) to 1.0 (last).
    Position,
    /// Ends with sentence-final punctuation.
    EndsSentence,
    /// Ends with an ellipsis: an excerpt cut short.
    Truncated,
    /// Opens with a headline run into the text after it.
    GluedHeadline,
    /// Is one text written twice.
    Doubled,
    /// Starts with a bullet symbol.
    Bulleted,
    /// Starts with a list number.
    Numbered,
    /// Is an HTML heading (`h1`…`h6`, `role=heading`) or a Markdown one (`## …`).
    Heading,
    /// Is an HTML list item or starts with a bullet or number.
    ListItem,
}

impl Feature {
    /// Every feature with its name in rule files.
    pub const ALL: [(&'static str, Feature); 20] = [
        ("chars", Feature::Chars),
        ("units", Feature::Units),
        ("words", Feature::Words),
        ("digits", Feature::Digits),
        ("sentence_ends", Feature::SentenceEnds),
        ("separators", Feature::Separators),
        ("repeats", Feature::Repeats),
        ("link_density", Feature::LinkDensity),
        ("stopword_level", Feature::StopwordLevel),
        ("digit_ratio", Feature::DigitRatio),
        ("uppercase_ratio", Feature::UppercaseRatio),
        ("position", Feature::Position),
        ("ends_sentence", Feature::EndsSentence),
        ("truncated", Feature::Truncated),
        ("glued_headline", Feature::GluedHeadline),
        ("doubled", Feature::Doubled),
        ("bulleted", Feature::Bulleted),
        ("numbered", Feature::Numbered),
        ("heading", Feature::Heading),
        ("list_item", Feature::ListItem),
    ];

    /// Whether the feature is true/false rather than a number.
    pub fn is_flag(self) -> bool {
        matches!(
            self,
            Feature::EndsSentence
                | Feature::Truncated
                | Feature::GluedHeadline
                | Feature::Doubled
                | Feature::Bulleted
                | Feature::Numbered
                | Feature::Heading
                | Feature::ListItem
        )
    }

    /// The name used in rule files.
    pub fn name(self) -> &'static str {
        Feature::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("", |(n, _)| n)
    }
}

/// One test of a `when` table.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// A number feature lies in `[min, max]` (bounds optional).
    Range {
        /// The feature.
        feature: Feature,
        /// Lower bound, inclusive.
        min: Option<f32>,
        /// Upper bound, inclusive.
        max: Option<f32>,
    },
    /// A flag feature has this value.
    Flag {
        /// The feature.
        feature: Feature,
        /// The required value.
        value: bool,
    },
}

impl Condition {
    /// The condition as blocks are tested against it (see [`Bound`]).
    pub(crate) fn bound(&self) -> Bound {
        match *self {
            Condition::Range { feature, min, max } => Bound {
                feature: feature as u8,
                lo: min.unwrap_or(f32::NEG_INFINITY),
                hi: max.unwrap_or(f32::INFINITY),
            },
            // A flag's value is 0 or 1.
            Condition::Flag { feature, value } => Bound {
                feature: feature as u8,
                lo: if value { 0.5 } else { f32::NEG_INFINITY },
                hi: if value { f32::INFINITY } else { 0.5 },
            },
        }
    }
}

/// A `when` condition as blocks are tested against it: the feature's value lies in `[lo, hi]`.
/// A flag, 0 or 1, is a range that holds one of the two.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Bound {
    /// The feature, as its index in [`Feature::ALL`].
    pub feature: u8,
    pub lo: f32,
    pub hi: f32,
}

/// The kind of a rule and what it needs.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleKind {
    /// A list of phrases (Aho-Corasick, ASCII case-insensitive).
    Phrase {
        /// Where the phrase must sit.
        mode: PhraseMode,
        /// The phrases.
        phrases: Vec<String>,
    },
    /// A regular expression over the trimmed block text.
    Regex {
        /// The pattern (`regex` crate syntax).
        pattern: String,
    },
    /// HTML structure: class/id tokens, tags or zones of the block's element or its ancestors,
    /// or a CSS selector matching one of them.
    Dom {
        /// Class/id/role/itemprop tokens; `x` matches a token or a `-`/`_`-separated part of
        /// one, `x*` a part starting with `x`, `*x*` any token containing `x`.
        tokens: Vec<String>,
        /// Tag names.
        tags: Vec<String>,
        /// Zone names (`nav`, `footer`, `aside` …).
        zones: Vec<String>,
        /// A CSS selector.
        selector: Option<String>,
        /// Matches on an element holding more than this share of the page's text, or of its
        /// prose, are ignored.
        max_share: f32,
    },
    /// Feature conditions alone (the `when` table).
    Feature,
    /// A section header: the block and the blocks after it are chrome until article content
    /// resumes (a run of content at least `resume_ratio` times the main text's evidence). With
    /// `end_after`, a header that follows article content (a run of at least that much evidence)
    /// runs to the end of the page instead.
    Section {
        /// How the header is recognised.
        header: Header,
        /// Weight given to each block inside the section.
        follow_weight: f32,
        /// How substantial resumed content must be, relative to the main text.
        resume_ratio: f32,
        /// Evidence of article content before the header that makes the section run to the end.
        end_after: Option<f32>,
    },
    /// The same text occurs at least `min_count` times in the page (and, with `within`, again
    /// no more than that many blocks away).
    Repeated {
        /// Occurrences needed.
        min_count: u16,
        /// How near (in blocks) the closest other occurrence must be, when set.
        within: Option<u16>,
    },
    /// The block is one of a run of at least `min_run` consecutive blocks that all satisfy the
    /// rule's `when` conditions (a list of links to other stories).
    Run {
        /// Blocks in the run.
        min_run: u16,
    },
    /// Page-level evidence computed by the context pass.
    Context {
        /// Which evidence.
        signal: Signal,
    },
}

impl RuleKind {
    /// The kind's name in rule files.
    pub fn name(&self) -> &'static str {
        match self {
            RuleKind::Phrase { .. } => "phrase",
            RuleKind::Regex { .. } => "regex",
            RuleKind::Dom { .. } => "dom",
            RuleKind::Feature => "feature",
            RuleKind::Section { .. } => "section",
            RuleKind::Repeated { .. } => "repeated",
            RuleKind::Run { .. } => "run",
            RuleKind::Context { .. } => "context",
        }
    }
}

/// One rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Unique id, `category.name` by convention.
    pub id: String,
    /// What the rule says a block is.
    pub category: Category,
    /// Evidence weight: negative for chrome, positive for content.
    pub weight: f32,
    /// Short message shown when the rule fires.
    pub message: String,
    /// What the rule does and why.
    pub explanation: String,
    /// Language codes the rule is limited to, `any` standing for every language a file
    /// describes (empty: every block, whatever its language).
    pub lang: Vec<String>,
    /// Domain patterns of the sites the rule is limited to, in lower case (empty: any page; see
    /// [`crate::site`]).
    pub site: Vec<String>,
    /// Which inputs the rule applies to.
    pub input: InputScope,
    /// Feature conditions that must all hold.
    pub when: Vec<Condition>,
    /// The same, as blocks are tested against them.
    pub(crate) bounds: Box<[Bound]>,
    /// The kind and its parameters.
    pub kind: RuleKind,
    /// The file the rule comes from.
    pub file: String,
    /// Its line in that file.
    pub line: usize,
    /// The languages of `lang`, resolved.
    pub(crate) langs: LangSet,
    /// For a rule scoped to sites, its number among those rules (see [`crate::site::Sites`]).
    pub(crate) site_scope: Option<u32>,
}

impl Rule {
    /// The shortest block, in units, the rule can fire on: the greatest `units` minimum of its
    /// `when` conditions (minus infinity without one).
    pub(crate) fn min_units(&self) -> f32 {
        self.units_bounds()
            .map(|(min, _)| min)
            .fold(f32::NEG_INFINITY, f32::max)
    }

    /// The longest block, in units, the rule can fire on: the least `units` maximum of its
    /// `when` conditions (infinite without one).
    pub(crate) fn max_units(&self) -> f32 {
        self.units_bounds()
            .map(|(_, max)| max)
            .fold(f32::INFINITY, f32::min)
    }

    /// The bounds of each `units` condition, missing ones as infinities.
    fn units_bounds(&self) -> impl Iterator<Item = (f32, f32)> + '_ {
        self.when.iter().filter_map(|c| match c {
            Condition::Range {
                feature: Feature::Units,
                min,
                max,
            } => Some((
                min.unwrap_or(f32::NEG_INFINITY),
                max.unwrap_or(f32::INFINITY),
            )),
            _ => None,
        })
    }
}

/// A compiled, validated set of rules with the language resources. Build it once and share it:
/// it is `Send + Sync` and matching never mutates it.
#[derive(Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
    languages: Languages,
    pub(crate) compiled: Compiled,
    /// Stop words and phrases, for the one pass over each block's words.
    pub(crate) lexicon: Lexicon,
    /// The site patterns of the rules scoped to sites.
    pub(crate) sites: Sites,
}

impl RuleSet {
    /// The built-in rules and languages.
    pub fn builtin() -> Result<RuleSet> {
        RuleSet::builder().build()
    }

    /// A builder starting from the built-in rules.
    pub fn builder() -> RuleSetBuilder {
        RuleSetBuilder::default()
    }

    /// All enabled rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with id `id`.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The language resources.
    pub fn languages(&self) -> &Languages {
        &self.languages
    }

    pub(crate) fn rule(&self, index: u32) -> &Rule {
        &self.rules[index as usize]
    }
}

/// Assembles a [`RuleSet`]: built-in files, user files and directories, disabled rules.
#[derive(Debug, Default)]
pub struct RuleSetBuilder {
    user_files: Vec<(String, String)>,
    disabled: Vec<String>,
}

impl RuleSetBuilder {
    /// Adds a rule file given by name and contents. Its rules come after the built-in ones; a
    /// rule whose id is already defined replaces the earlier one.
    pub fn file(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.user_files.push((name.into(), text.into()));
        self
    }

    /// Adds every `*.toml` file of a directory (sorted by name).
    pub fn dir(mut self, dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            self.user_files.push((path.display().to_string(), text));
        }
        Ok(self)
    }

    /// Switches off rules by id, by id prefix (`share.` or `share`), or by category name.
    pub fn disable(mut self, id_or_category: impl Into<String>) -> Self {
        self.disabled.push(id_or_category.into());
        self
    }

    /// Validates and compiles the rules.
    pub fn build(self) -> Result<RuleSet> {
        let languages = Languages::load(builtin::LANGUAGES.iter().copied())?;
        let mut rules: Vec<Rule> = Vec::new();
        let sources = builtin::RULES
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string(), true))
            .chain(self.user_files.into_iter().map(|(n, t)| (n, t, false)));
        for (name, text, is_builtin) in sources {
            let file_rules = schema::parse_file(&name, &text, &languages)?;
            for rule in file_rules {
                match rules.iter().position(|r| r.id == rule.id) {
                    Some(_) if is_builtin => {
                        return Err(Error::Rule {
                            file: name.clone(),
                            line: rule.line,
                            column: 1,
                            message: format!("rule id `{}` is defined twice", rule.id),
                        });
                    }
                    Some(i) => rules[i] = rule,
                    None => rules.push(rule),
                }
            }
        }
        for key in &self.disabled {
            let before = rules.len();
            rules.retain(|r| !disables(key, r));
            if rules.len() == before {
                return Err(Error::UnknownRule(key.clone()));
            }
        }
        let sites = Sites::new(&mut rules)?;
        let compiled = Compiled::new(&rules)?;
        let lexicon = Lexicon::new(&languages, compiled.literals());
        Ok(RuleSet {
            rules,
            languages,
            compiled,
            lexicon,
            sites,
        })
    }
}

fn disables(key: &str, rule: &Rule) -> bool {
    let key = key.trim_end_matches('.');
    rule.id == key
        || rule.category.name() == key
        || rule
            .id
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_hold_where_their_conditions_do() {
        // The conditions' own reading: bounds optional; a flag is 0 or 1.
        let holds = |c: &Condition, v: f32| match *c {
            Condition::Range { min, max, .. } => {
                min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m)
            }
            Condition::Flag { value, .. } => (v != 0.0) == value,
        };
        let feature = Feature::Units;
        let conditions = [
            Condition::Range {
                feature,
                min: Some(2.0),
                max: None,
            },
            Condition::Range {
                feature,
                min: None,
                max: Some(40.0),
            },
            Condition::Range {
                feature,
                min: Some(0.25),
                max: Some(0.75),
            },
            Condition::Flag {
                feature,
                value: true,
            },
            Condition::Flag {
                feature,
                value: false,
            },
        ];
        for condition in &conditions {
            let bound = condition.bound();
            assert_eq!(bound.feature, feature as u8);
            for v in [0.0, 0.25, 0.5, 0.75, 1.0, 2.0, 39.0, 40.0, 41.0, f32::MAX] {
                let is_flag = matches!(condition, Condition::Flag { .. });
                if is_flag && v != 0.0 && v != 1.0 {
                    continue;
                }
                assert_eq!(
                    v >= bound.lo && v <= bound.hi,
                    holds(condition, v),
                    "{condition:?} at {v}"
                );
            }
        }
    }

    #[test]
    fn features_are_listed_in_declaration_order() {
        for (i, (_, feature)) in Feature::ALL.iter().enumerate() {
            assert_eq!(*feature as usize, i, "{feature:?}");
        }
    }

    #[test]
    fn builtin_rules_load() {
        let set = RuleSet::builtin().unwrap();
        assert!(set.rules().len() > 20);
        for category in Category::ALL {
            if category != Category::Chrome {
                assert!(
                    set.rules().iter().any(|r| r.category == category),
                    "no rule of category {category}"
                );
            }
        }
    }

    #[test]
    fn rules_can_be_disabled_by_id_prefix_or_category() {
        let all = RuleSet::builtin().unwrap();
        let id = all
            .rules()
            .iter()
            .find(|r| r.category == Category::Share)
            .unwrap()
            .id
            .clone();
        let without_one = RuleSet::builder().disable(&id).build().unwrap();
        assert_eq!(without_one.rules().len(), all.rules().len() - 1);
        assert!(without_one.get(&id).is_none());
        let without_share = RuleSet::builder().disable("share").build().unwrap();
        assert!(
            without_share
                .rules()
                .iter()
                .all(|r| r.category != Category::Share)
        );
        let err = RuleSet::builder()
            .disable("no-such-rule")
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("no-such-rule"));
    }

    #[test]
    fn user_rules_add_to_and_replace_builtin_ones() {
        let all = RuleSet::builtin().unwrap();
        let existing = all.rules()[0].clone();
        let user = format!(
            "[[rule]]\nid = \"{}\"\ncategory = \"ads\"\nkind = \"phrase\"\nmatch = \"line\"\nphrases = [\"zzz\"]\nweight = -9.0\nmessage = \"m\"\nexplanation = \"e\"\n\n[[rule]]\nid = \"ads.mine\"\ncategory = \"ads\"\nkind = \"phrase\"\nmatch = \"line\"\nphrases = [\"yyy\"]\nweight = -1.0\nmessage = \"m\"\nexplanation = \"e\"\n",
            existing.id
        );
        let set = RuleSet::builder().file("mine.toml", user).build().unwrap();
        assert_eq!(set.rules().len(), all.rules().len() + 1);
        assert_eq!(set.get(&existing.id).unwrap().weight, -9.0);
        assert_eq!(set.get("ads.mine").unwrap().file, "mine.toml");
    }
}
