//! Error types.
//!
//! Two families: errors in rule files, which always point at the file and the line of the problem
//! (the program does not start with a broken rule set), and errors about one input page, which are
//! reported for that page only.

use std::path::PathBuf;

/// Everything that can go wrong in newsclean.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule or language file is broken: what is wrong, and where.
    #[error("{file}:{line}:{column}: {message}")]
    Rule {
        /// The rule file, as given (built-in files are named `rules/<name>.toml`).
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// `--disable` named no rule id, id prefix or category.
    #[error(
        "--disable {0}: no rule id, id prefix or category of that name (see `newsclean rules`)"
    )]
    UnknownRule(String),
    /// The input is not text (too many control bytes); it is refused rather than guessed at.
    #[error("input is not text: {0}")]
    Binary(String),
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned (`-` for standard input/output).
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// An error in a rule file at byte `offset` of `text`.
    pub(crate) fn rule_at(
        file: &str,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = line_column(text, offset);
        Error::Rule {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_errors_point_at_line_and_column() {
        let text = "a = 1\nbb = [\n  oops\n";
        let err = Error::rule_at(
            "rules/x.toml",
            text,
            text.find("oops").unwrap(),
            "bad value",
        );
        assert_eq!(err.to_string(), "rules/x.toml:3:3: bad value");
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        assert_eq!(line_column("ab\nc", 99), (2, 2));
        assert_eq!(line_column("", 0), (1, 1));
    }
}
