//! Cleans a directory of pages and scores the outputs, against gold article texts ([`gold`]) or
//! against line labels ([`labels`]), optionally writing each output to a directory (where the
//! Python scorers can read them). Pages are cleaned in parallel; the results do not depend on the
//! number of threads.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::lines::{self, LineCounts};
use super::shingle::{self, DocScore, Run, Summary};
use super::{EvalError, report};
use crate::{Cleaner, Error, decode};

/// Examples kept per page of what was lost and what leaked.
const EXAMPLES: usize = 3;

/// A directory of pages scored against gold texts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldReport {
    /// The figures over all documents.
    pub summary: Summary,
    /// Each document, in file-name order.
    pub docs: Vec<GoldDoc>,
    /// Documents with a gold text but no page, scored as an empty output.
    pub missing: Vec<String>,
}

/// One document scored against its gold text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldDoc {
    /// The document id (file name without extension).
    pub id: String,
    /// Its figures.
    pub score: DocScore,
    /// The longest runs of gold text the output lacks.
    pub lost: Vec<Snippet>,
    /// The longest runs of output text the gold lacks.
    pub leaked: Vec<Snippet>,
}

/// A piece of text that was lost or leaked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The text, on one line, shortened.
    pub text: String,
    /// How many shingles it holds.
    pub shingles: usize,
}

/// A directory of plain-text pages scored against their line labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelReport {
    /// The counts pooled over all pages.
    pub counts: LineCounts,
    /// Each page, in file-name order.
    pub pages: Vec<LabelPage>,
}

/// One page scored against its line labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabelPage {
    /// The page id (file name without extension).
    pub id: String,
    /// Its counts.
    pub counts: LineCounts,
    /// The first content lines the output lacks: line number and text.
    pub lost: Vec<(usize, String)>,
    /// The first boilerplate lines the output kept: line number and text.
    pub leaked: Vec<(usize, String)>,
}

/// Cleans the pages of `pages` (`ID.html` or `ID.txt`) and scores each against `gold/ID.txt`, or
/// `gold/ID.gold.txt` when the gold directory has such files, as `score.py` does: gold texts that
/// are blank are skipped, and a missing page counts as an empty output. With `out`, writes each
/// output to `out/ID.txt`.
pub fn gold(
    cleaner: &Cleaner,
    pages: &Path,
    gold: &Path,
    out: Option<&Path>,
) -> Result<GoldReport, EvalError> {
    let names = file_names(gold)?;
    let suffix = if names.iter().any(|n| n.ends_with(".gold.txt")) {
        ".gold.txt"
    } else {
        ".txt"
    };
    let ids: Vec<&str> = names
        .iter()
        .filter_map(|n| n.strip_suffix(suffix))
        .collect();
    prepare(out)?;
    let docs: Vec<Option<(GoldDoc, bool)>> = in_order(ids.par_iter().map(|&id| {
        let gold_text = read_text(&gold.join(format!("{id}{suffix}")))?;
        if super::pytext::strip(&gold_text).is_empty() {
            return Ok(None);
        }
        let page = find_page(pages, id)?;
        let output = match &page {
            Some(path) => clean_file(cleaner, path, id, out)?.0,
            None => String::new(),
        };
        let comparison = shingle::compare(&gold_text, &output);
        let doc = GoldDoc {
            id: id.to_string(),
            score: comparison.score,
            lost: snippets(&gold_text, &comparison.lost),
            leaked: snippets(&output, &comparison.leaked),
        };
        Ok(Some((doc, page.is_none())))
    }))?;
    let (docs, missing): (Vec<GoldDoc>, Vec<bool>) = docs.into_iter().flatten().unzip();
    if docs.is_empty() {
        return Err(EvalError::Empty {
            what: "gold texts",
            dir: gold.to_path_buf(),
        });
    }
    Ok(GoldReport {
        summary: shingle::summarise(docs.iter().map(|d| &d.score)),
        missing: docs
            .iter()
            .zip(missing)
            .filter(|(_, missing)| *missing)
            .map(|(d, _)| d.id.clone())
            .collect(),
        docs,
    })
}

/// Cleans the plain-text pages `ID.txt` of `pages` that have an `ID.labels` beside them and
/// scores them as `score_lines.py` does. With `out`, writes each output to `out/ID.txt`.
pub fn labels(
    cleaner: &Cleaner,
    pages: &Path,
    out: Option<&Path>,
) -> Result<LabelReport, EvalError> {
    let names = file_names(pages)?;
    let ids: Vec<&str> = names
        .iter()
        .filter_map(|n| n.strip_suffix(".labels"))
        .collect();
    if ids.is_empty() {
        return Err(EvalError::Empty {
            what: "ID.labels files",
            dir: pages.to_path_buf(),
        });
    }
    prepare(out)?;
    let pages: Vec<LabelPage> = in_order(ids.par_iter().map(|&id| {
        let labels_path = pages.join(format!("{id}.labels"));
        let labels = read_text(&labels_path)?;
        let (output, bytes) = clean_file(cleaner, &pages.join(format!("{id}.txt")), id, out)?;
        // The page as score_lines.py reads it: UTF-8 as is (a byte-order mark included); other
        // encodings, which it cannot read, as the cleaner decodes them.
        let source = match std::str::from_utf8(&bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => decode::decode(&bytes)?.text,
        };
        let score =
            lines::score_page(&source, &labels, &output).map_err(|source| EvalError::Labels {
                path: labels_path.clone(),
                source,
            })?;
        let examples = |lines: &[lines::Line<'_>]| {
            lines
                .iter()
                .take(EXAMPLES)
                .map(|l| (l.number, report::excerpt(l.text)))
                .collect()
        };
        Ok(LabelPage {
            id: id.to_string(),
            counts: score.counts,
            lost: examples(&score.lost),
            leaked: examples(&score.leaked),
        })
    }))?;
    let mut counts = LineCounts::default();
    for page in &pages {
        counts += page.counts;
    }
    Ok(LabelReport { counts, pages })
}

/// Collects results in order; the first error in order wins, whatever the threads did.
fn in_order<T: Send>(
    results: impl IndexedParallelIterator<Item = Result<T, EvalError>>,
) -> Result<Vec<T>, EvalError> {
    let results: Vec<Result<T, EvalError>> = results.collect();
    results.into_iter().collect()
}

/// The names of the files of `dir`, sorted.
fn file_names(dir: &Path) -> Result<Vec<String>, EvalError> {
    let io = |e| Error::io(dir, e);
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if let Ok(name) = entry.file_name().into_string() {
            names.push(name);
        }
    }
    names.sort_unstable();
    Ok(names)
}

/// Creates the output directory, if any.
fn prepare(out: Option<&Path>) -> Result<(), EvalError> {
    if let Some(dir) = out {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    Ok(())
}

/// A text file, invalid UTF-8 replaced (as Python's `errors='replace'`).
fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// The page of document `id`: `ID.html` or `ID.txt`, if there is one.
fn find_page(pages: &Path, id: &str) -> Result<Option<PathBuf>, EvalError> {
    let html = pages.join(format!("{id}.html"));
    let text = pages.join(format!("{id}.txt"));
    match (html.is_file(), text.is_file()) {
        (true, true) => Err(EvalError::TwoPages {
            id: id.to_string(),
            dir: pages.to_path_buf(),
        }),
        (true, false) => Ok(Some(html)),
        (false, true) => Ok(Some(text)),
        (false, false) => Ok(None),
    }
}

/// Cleans the page at `path`, writing the output to `out/ID.txt` if asked; returns the output
/// and the page's bytes.
fn clean_file(
    cleaner: &Cleaner,
    path: &Path,
    id: &str,
    out: Option<&Path>,
) -> Result<(String, Vec<u8>), EvalError> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    let output = cleaner
        .clean_bytes(&bytes)
        .map_err(|source| EvalError::Page {
            path: path.to_path_buf(),
            source,
        })?
        .text();
    if let Some(dir) = out {
        let target = dir.join(format!("{id}.txt"));
        fs::write(&target, &output).map_err(|e| Error::io(&target, e))?;
    }
    Ok((output, bytes))
}

/// The first runs of `text`, as snippets.
fn snippets(text: &str, runs: &[Run]) -> Vec<Snippet> {
    runs.iter()
        .take(EXAMPLES)
        .map(|run| Snippet {
            text: report::excerpt(&text[run.bytes.clone()]),
            shingles: run.shingles,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "The council approved the new budget on Tuesday after a debate that lasted for most of the night.\nMembers said the plan would fund two new schools and repair the old bridge over the river.\n";

    fn write(dir: &Path, name: &str, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join(name), text).unwrap();
    }

    fn cleaner() -> Cleaner {
        Cleaner::new().unwrap()
    }

    #[test]
    fn gold_mode_scores_every_gold_text_as_score_py() {
        let tmp = tempfile::tempdir().unwrap();
        let (pages, golds, out) = (
            tmp.path().join("p"),
            tmp.path().join("g"),
            tmp.path().join("o"),
        );
        write(
            &pages,
            "a.txt",
            &format!("Home\nSport\n{ARTICLE}Share on Facebook\n"),
        );
        write(
            &pages,
            "b.html",
            &format!("<html><body><nav>Home</nav><p>{ARTICLE}</p></body></html>"),
        );
        write(&pages, "orphan.txt", ARTICLE);
        write(&golds, "a.gold.txt", ARTICLE);
        write(&golds, "b.gold.txt", ARTICLE);
        write(&golds, "c.gold.txt", ARTICLE);
        write(&golds, "d.gold.txt", " \n");
        write(&golds, "e.txt", ARTICLE);
        let report = gold(&cleaner(), &pages, &golds, Some(&out)).unwrap();

        let ids: Vec<&str> = report.docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            ["a", "b", "c"],
            "blank gold skipped, .txt ignored beside .gold.txt"
        );
        assert_eq!(report.missing, ["c"]);
        for doc in &report.docs[..2] {
            let output = fs::read_to_string(out.join(format!("{}.txt", doc.id))).unwrap();
            assert_eq!(doc.score, shingle::compare(ARTICLE, &output).score);
        }
        assert!(!out.join("c.txt").exists() && !out.join("orphan.txt").exists());
        let missing = report.docs[2].score.shingles;
        assert_eq!((missing.precision(), missing.recall()), (None, Some(0.0)));
        assert_eq!(
            report.summary,
            shingle::summarise(report.docs.iter().map(|d| &d.score))
        );
        assert_eq!(report.summary.docs, 3);
    }

    #[test]
    fn a_page_given_twice_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "a.html", ARTICLE);
        write(tmp.path(), "a.txt", ARTICLE);
        write(&tmp.path().join("g"), "a.txt", ARTICLE);
        let err = gold(&cleaner(), tmp.path(), &tmp.path().join("g"), None).unwrap_err();
        assert!(
            matches!(err, EvalError::TwoPages { ref id, .. } if id == "a"),
            "{err}"
        );
    }

    #[test]
    fn labels_mode_reports_missing_pages_labels_and_empty_directories() {
        let tmp = tempfile::tempdir().unwrap();
        let err = labels(&cleaner(), tmp.path(), None).unwrap_err();
        assert!(matches!(err, EvalError::Empty { .. }), "{err}");

        write(tmp.path(), "a.labels", "C");
        let err = labels(&cleaner(), tmp.path(), None).unwrap_err();
        assert!(matches!(err, EvalError::Input(Error::Io { .. })), "{err}");

        write(tmp.path(), "a.txt", "Home\nA line of text\n");
        let err = labels(&cleaner(), tmp.path(), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: line 2 has no label (labels end at line 1)",
                tmp.path().join("a.labels").display()
            )
        );
    }

    #[test]
    fn results_do_not_depend_on_the_number_of_threads() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lang");
        let cleaner = cleaner();
        let run = |threads| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| labels(&cleaner, &fixtures, None).unwrap())
        };
        let labelled = std::fs::read_dir(&fixtures)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension() == Some("labels".as_ref()))
            .count();
        let one = run(1);
        assert_eq!(one.pages.len(), labelled);
        assert!(labelled > 1);
        assert_eq!(one, run(3));
    }
}
