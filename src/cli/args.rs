//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

/// Strips boilerplate (menus, share buttons, comments, related-news lists, ads, legal footers)
/// from scraped news pages, HTML or plain text, and explains every decision.
#[derive(Debug, Parser)]
#[command(name = "newsclean", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  an input could not be read or is not text
  2  bad usage, or a broken rule file
  3  batch: some inputs failed, the others were cleaned";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean one page (a file, or standard input with `-`).
    #[command(after_help = CLEAN_EXAMPLES)]
    Clean(CleanArgs),
    /// List the rules, or explain one.
    #[command(after_help = RULES_EXAMPLES)]
    Rules(RulesArgs),
    /// Score the cleaner on a directory of pages, against gold article texts or line labels.
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(EvalArgs),
    /// Clean many pages in parallel: directories into a directory, or a JSONL stream.
    #[command(after_help = BATCH_EXAMPLES)]
    Batch(BatchArgs),
}

const CLEAN_EXAMPLES: &str = "\
Examples:
  newsclean clean page.html                  # cleaned text on stdout
  newsclean clean page.txt --output diff     # what was removed, as a unified diff
  newsclean clean page.html --output explain # every block: keep/drop, category, score, rules
  curl -s https://example.com/news/1 | newsclean clean - --output json
  newsclean clean page.txt --rules my-rules/ --disable related.section
  newsclean clean page.txt --rules site-rules/ --url https://news.example.com/a/1";

const RULES_EXAMPLES: &str = "\
Examples:
  newsclean rules                      # every rule: id, category, kind, weight, message
  newsclean rules comments.section     # one rule in full, with its explanation";

const EVAL_EXAMPLES: &str = "\
Examples:
  newsclean eval pages/ --gold gold/         # pages/ID.html|txt against gold/ID.txt: ScrapingHub F1
  newsclean eval pages/ --labels             # pages/ID.txt against pages/ID.labels: line F1
  newsclean eval pages/ --gold gold/ --json  # figures and per-page scores as JSON
  newsclean eval pages/ --labels --disable related --rules my-rules/   # try a rule change
  newsclean eval pages/ --gold gold/ --out cleaned/   # also write each cleaned page

See docs/eval.md.";
const BATCH_EXAMPLES: &str = "\
Examples:
  newsclean batch pages/ --out cleaned/         # cleaned/a/b.txt, cleaned/a/b.diff, cleaned/report.jsonl
  newsclean batch pages/ more.html --out cleaned/ --jobs 2 --no-diff
  newsclean batch pages/ --out cleaned/ --resume  # after an interruption: only what is not done
  newsclean batch dumps/ --ext md --format json --out cleaned/
  newsclean batch --jsonl crawl.jsonl.gz > cleaned.jsonl
  zcat crawl.jsonl.gz | newsclean batch --jsonl - --text-field body --verdicts | jq .cleaned

Outputs, the report and streams: docs/batch.md. Exit code 3 when some inputs failed.";

/// Rule selection, shared by the subcommands.
#[derive(Debug, Args, Clone, Default)]
pub struct RuleArgs {
    /// Add the rule files (*.toml) of DIR on top of the built-in rules; a rule with a built-in
    /// id replaces it. Repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Switch off rules by id, id prefix or category (nav, share, comments, related, ads,
    /// subscribe, legal, meta, caption, chrome, content). Repeatable.
    #[arg(long, value_name = "ID|CATEGORY")]
    pub disable: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputArg {
    /// HTML if it looks like HTML, plain text otherwise.
    Auto,
    /// HTML.
    Html,
    /// Plain text, one block per line.
    Text,
}

impl From<InputArg> for newsclean::InputMode {
    fn from(input: InputArg) -> Self {
        match input {
            InputArg::Auto => newsclean::InputMode::Auto,
            InputArg::Html => newsclean::InputMode::Html,
            InputArg::Text => newsclean::InputMode::Text,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputArg {
    /// The kept blocks, one per line, in page order.
    Text,
    /// Every block with label, category, score and reasons, plus title and metadata.
    Json,
    /// Unified diff of the input lines against the kept lines.
    Diff,
    /// A table: line, keep/drop, category, score, rules fired.
    Explain,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum KeepArg {
    /// Put the page's title first in the text output.
    Title,
    /// Give kept lines of Markdown text as they are, with link targets and images, instead of
    /// the text a reader sees.
    Markdown,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// The page to clean; `-` or nothing reads standard input. Gzip is undone.
    #[arg(value_name = "FILE|-", default_value = "-")]
    pub file: PathBuf,
    /// How to read the input.
    #[arg(long, short, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,
    /// What to print.
    #[arg(long, short, value_enum, default_value_t = OutputArg::Text)]
    pub output: OutputArg,
    /// Keep parts that are dropped by default.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub keep: Vec<KeepArg>,
    /// The page's URL: rules scoped to sites (`site = [...]`) fire when its host is theirs.
    /// Without it, an HTML page's own (`og:url`) is used.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FormatArg {
    /// The cleaned text (`.txt`).
    Text,
    /// Every block with its verdict, the metadata and the text, as one line of JSON (`.json`).
    Json,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Files and directories to clean; directories are walked (*.html, *.htm, *.txt, and the
    /// same gzipped).
    #[arg(value_name = "INPUT", required_unless_present = "jsonl")]
    pub inputs: Vec<PathBuf>,
    /// The output directory.
    #[arg(long, value_name = "DIR", required_unless_present = "jsonl")]
    pub out: Option<PathBuf>,
    /// Threads (default: one per core). Outputs do not depend on it.
    #[arg(
        long,
        short,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    pub jobs: usize,
    /// Also take files with this extension under directories. Repeatable.
    #[arg(long, value_name = "EXT")]
    pub ext: Vec<String>,
    /// What to write for each page.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Do not write the diff of each page.
    #[arg(long)]
    pub no_diff: bool,
    /// Skip the inputs that an earlier run over DIR completed.
    #[arg(long)]
    pub resume: bool,
    /// Clean a stream of JSON records, one per line (`-`: standard input; gzip is undone), and
    /// write them to standard output with the cleaned text added.
    #[arg(
        long,
        value_name = "FILE|-",
        conflicts_with_all = ["inputs", "out", "ext", "format", "no_diff", "resume"]
    )]
    pub jsonl: Option<PathBuf>,
    /// JSONL: the field holding an HTML page.
    #[arg(long, value_name = "NAME", default_value = "html", conflicts_with_all = ["inputs", "out"])]
    pub html_field: String,
    /// JSONL: the field holding a plain-text page.
    #[arg(long, value_name = "NAME", default_value = "text", conflicts_with_all = ["inputs", "out"])]
    pub text_field: String,
    /// JSONL: the field holding the page's URL, for rules scoped to sites.
    #[arg(long, value_name = "NAME", default_value = "url", conflicts_with_all = ["inputs", "out"])]
    pub url_field: String,
    /// JSONL: the field added with the cleaned text.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "cleaned",
        requires = "jsonl"
    )]
    pub out_field: String,
    /// JSONL: also add every block's verdict, in field `verdicts`.
    #[arg(long, conflicts_with_all = ["inputs", "out"])]
    pub verdicts: bool,
    /// How to read the inputs (JSONL records say it by their field).
    #[arg(long, short, value_enum, default_value_t = InputArg::Auto, conflicts_with = "jsonl")]
    pub input: InputArg,
    /// Keep parts that are dropped by default.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub keep: Vec<KeepArg>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Explain this rule in full.
    pub id: Option<String>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("reference").required(true).args(["gold", "labels"])))]
pub struct EvalArgs {
    /// The pages: ID.html or ID.txt files (plain-text ID.txt with ID.labels beside them for
    /// --labels).
    #[arg(value_name = "PAGES")]
    pub pages: PathBuf,
    /// Score against the gold article texts of DIR (ID.txt or ID.gold.txt), with the ScrapingHub
    /// metric and bag of words.
    #[arg(long, value_name = "DIR")]
    pub gold: Option<PathBuf>,
    /// Score against the line labels ID.labels beside the pages (C content, B boilerplate,
    /// N neutral, - blank).
    #[arg(long)]
    pub labels: bool,
    /// How to read the pages [default: text with --labels, auto otherwise].
    #[arg(long, short, value_enum)]
    pub input: Option<InputArg>,
    /// Print the figures and every page's own as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also write each cleaned page to DIR/ID.txt.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// How many of the worst pages to show (text output).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub worst: usize,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}
