//! newsclean strips boilerplate from scraped news pages: menus, share buttons, comment widgets,
//! ranking and related-news lists, login and subscribe prompts, copyright footers, ads. What is
//! left is the article, ready for tokenizers, training corpora, search indexes and summarisers.
//!
//! # Tutorial
//!
//! Build a [`Cleaner`] once; it compiles the built-in rules. Then clean pages, from as many
//! threads as you like:
//!
//! ```
//! let cleaner = newsclean::Cleaner::new()?;
//! let page = "Home\nSport\nWeather\n\
//!     The council approved the new budget on Tuesday after a debate that lasted for most of the night.\n\
//!     Members said the plan would fund two new schools and repair the old bridge over the river.\n\
//!     Share on Facebook\n\
//!     © 2024 Example News. All rights reserved.";
//! let outcome = cleaner.clean_text(page);
//! assert!(outcome.text().starts_with("The council approved"));
//! assert!(!outcome.text().contains("Share on Facebook"));
//! # Ok::<(), newsclean::Error>(())
//! ```
//!
//! Every block has a verdict that says why it was kept or dropped:
//!
//! ```
//! # let cleaner = newsclean::Cleaner::new()?;
//! # let outcome = cleaner.clean_text("Share on Facebook\nA long enough sentence of article text that reads like prose, as articles do.");
//! for block in outcome.blocks() {
//!     let rules: Vec<&str> = block.verdict.reasons.iter().map(|r| outcome.rule(r).id.as_str()).collect();
//!     println!("{:?} {} {:+.1} {:?}: {}", block.verdict.label, block.verdict.category, block.verdict.score, rules, block.text);
//! }
//! # Ok::<(), newsclean::Error>(())
//! ```
//!
//! HTML works the same way with [`Cleaner::clean_html`]; [`Cleaner::clean_bytes`] takes raw bytes
//! in any encoding (EUC-KR, GBK, Shift_JIS …) and tells HTML from plain text by itself. Plain
//! text written in Markdown is judged as a reader sees it ([`markdown`]). An
//! [`Outcome`] renders as text ([`Outcome::text`]), a unified diff ([`Outcome::diff`]), JSON with
//! every verdict ([`Outcome::to_json`]) or a table ([`Outcome::explain`]).
//!
//! Many pages at once, directories or JSONL streams, on every core: see [`batch`].
//!
//! Rules are data: see `rules/README.md`. To add your own or switch some off:
//!
//! ```
//! use newsclean::{Cleaner, Options, RuleSet};
//! let rules = RuleSet::builder()
//!     .file("mine.toml", r#"
//!         [[rule]]
//!         id = "ads.sponsor-line"
//!         category = "ads"
//!         kind = "phrase"
//!         match = "prefix"
//!         phrases = ["Sponsored by"]
//!         weight = -5.0
//!         message = "sponsor line"
//!         explanation = "Lines naming a sponsor are advertising."
//!     "#)
//!     .disable("share")
//!     .build()?;
//! let cleaner = Cleaner::with_rules(rules, Options::default());
//! # Ok::<(), newsclean::Error>(())
//! ```
//!
//! # How it works
//!
//! Bytes are decoded ([`decode`]), split into blocks by a front-end ([`text`] or [`html`]),
//! measured ([`features`], with list markers read by [`marker`]), judged block by block by the
//! rules ([`classify`]), then in context ([`context`]); each block ends with a [`Verdict`].

pub mod batch;
mod bytemask;
pub mod cards;
pub mod classify;
pub mod cleaner;
pub mod context;
pub mod decode;
pub mod dom;
pub mod error;
pub mod eval;
pub mod features;
mod glue;
pub mod html;
pub mod lang;
mod lexicon;
pub mod lists;
pub mod markdown;
pub mod marker;
pub mod outcome;
pub mod page;
mod render;
pub mod rules;
pub mod site;
pub mod text;
pub mod verdict;
mod wrap;

pub use cleaner::{Cleaner, InputMode, Options};
pub use error::{Error, Result};
pub use outcome::{BlockVerdict, Outcome, Stats};
pub use page::{InputKind, Metadata};
pub use rules::{Category, Rule, RuleSet};
pub use verdict::{Label, Reason, Verdict};
