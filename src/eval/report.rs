//! Renderings of evaluation reports: text (the figures, then the worst pages with what they lost
//! and what leaked) and JSON (the figures under the names `score.py` and `score_lines.py` print,
//! rounded to 4 decimals as they do, then every page's own).

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::Prf;
use super::pytext::round4;
use super::runner::{GoldReport, LabelReport, Snippet};

/// How many characters of a lost or leaked text are shown.
const EXCERPT_CHARS: usize = 100;

/// `text` on one line (whitespace runs made single spaces), cut to `EXCERPT_CHARS` with `…`.
pub fn excerpt(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= EXCERPT_CHARS {
        return line;
    }
    let cut: String = line.chars().take(EXCERPT_CHARS - 1).collect();
    format!("{cut}…")
}

/// `0.912`, or `-` for a figure that does not exist.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn prf_line(name: &str, prf: &Prf) -> String {
    format!(
        "{name:<14} F1 {:.3}  P {:.3}  R {:.3}\n",
        prf.f1, prf.precision, prf.recall
    )
}

impl GoldReport {
    /// The figures, then the `worst` documents with the lowest ScrapingHub F1.
    pub fn render(&self, worst: usize) -> String {
        let mut out = format!("{} documents\n", self.summary.docs);
        out += &prf_line("ScrapingHub", &self.summary.shingles);
        out += &prf_line("bag of words", &self.summary.bag);
        if !self.missing.is_empty() {
            let _ = writeln!(
                out,
                "no page for {} documents, scored as empty output: {}",
                self.missing.len(),
                self.missing.join(", ")
            );
        }
        let mut docs: Vec<_> = self.docs.iter().collect();
        docs.sort_by(|a, b| a.score.shingles.f1().total_cmp(&b.score.shingles.f1()));
        if worst > 0 {
            let _ = writeln!(out, "\nworst documents (ScrapingHub F1, P, R):");
        }
        for doc in docs.into_iter().take(worst) {
            let s = &doc.score.shingles;
            let _ = writeln!(
                out,
                "  {:.3}  P {}  R {}  {}",
                s.f1(),
                figure(s.precision()),
                figure(s.recall()),
                doc.id
            );
            write_snippets(&mut out, "lost", &doc.lost);
            write_snippets(&mut out, "leaked", &doc.leaked);
        }
        out
    }

    /// The figures as JSON: `docs`, `sh_f1`, `sh_p`, `sh_r`, `bag_f1`, `bag_p`, `bag_r` as
    /// `score.py --json` has them, `missing_pages`, and `per_doc`.
    pub fn to_json(&self) -> Value {
        let per_doc: Map<String, Value> = self
            .docs
            .iter()
            .map(|doc| {
                let s = &doc.score.shingles;
                let value = json!({
                    "sh_f1": round4(s.f1()),
                    "sh_p": s.precision().map(round4),
                    "sh_r": s.recall().map(round4),
                    "bag_f1": round4(doc.score.bag.f1),
                    "bag_p": round4(doc.score.bag.precision),
                    "bag_r": round4(doc.score.bag.recall),
                    "lost": snippets_json(&doc.lost),
                    "leaked": snippets_json(&doc.leaked),
                });
                (doc.id.clone(), value)
            })
            .collect();
        let summary = &self.summary;
        json!({
            "docs": summary.docs,
            "sh_f1": round4(summary.shingles.f1),
            "sh_p": round4(summary.shingles.precision),
            "sh_r": round4(summary.shingles.recall),
            "bag_f1": round4(summary.bag.f1),
            "bag_p": round4(summary.bag.precision),
            "bag_r": round4(summary.bag.recall),
            "missing_pages": self.missing,
            "per_doc": per_doc,
        })
    }
}

fn write_snippets(out: &mut String, what: &str, snippets: &[Snippet]) {
    for s in snippets {
        let _ = writeln!(out, "      {what:<6} ({} shingles) {}", s.shingles, s.text);
    }
}

fn snippets_json(snippets: &[Snippet]) -> Value {
    snippets
        .iter()
        .map(|s| json!({"shingles": s.shingles, "text": s.text}))
        .collect()
}

impl LabelReport {
    /// The pooled figures, then the `worst` pages with the lowest F1.
    pub fn render(&self, worst: usize) -> String {
        let c = &self.counts;
        let mut out = format!("{} pages, content lines pooled\n", self.pages.len());
        out += &prf_line("lines", &c.prf());
        let _ = writeln!(
            out,
            "{} content lines kept, {} boilerplate lines kept, {} content lines lost",
            c.tp, c.fp, c.fn_
        );
        let mut pages: Vec<_> = self.pages.iter().collect();
        pages.sort_by(|a, b| a.counts.prf().f1.total_cmp(&b.counts.prf().f1));
        if worst > 0 {
            let _ = writeln!(out, "\nworst pages (F1, P, R):");
        }
        for page in pages.into_iter().take(worst) {
            let prf = page.counts.prf();
            let _ = writeln!(
                out,
                "  {:.3}  P {:.3}  R {:.3}  {} ({} boilerplate kept, {} content lost)",
                prf.f1, prf.precision, prf.recall, page.id, page.counts.fp, page.counts.fn_
            );
            for (what, lines) in [("lost", &page.lost), ("leaked", &page.leaked)] {
                for (number, text) in lines {
                    let _ = writeln!(out, "      {what:<6} line {number}: {text}");
                }
            }
        }
        out
    }

    /// The figures as JSON: `pages`, `precision`, `recall`, `f1`, `tp`, `fp`, `fn` and
    /// `per_page` as `score_lines.py --json` has them, each page with its `lost` and `leaked`
    /// lines.
    pub fn to_json(&self) -> Value {
        let per_page: Map<String, Value> = self
            .pages
            .iter()
            .map(|page| {
                let mut value = counts_json(&page.counts);
                value["lost"] = lines_json(&page.lost);
                value["leaked"] = lines_json(&page.leaked);
                (page.id.clone(), value)
            })
            .collect();
        let mut value = counts_json(&self.counts);
        value["pages"] = json!(self.pages.len());
        value["per_page"] = Value::Object(per_page);
        value
    }
}

fn counts_json(counts: &super::lines::LineCounts) -> Value {
    let prf = counts.prf();
    json!({
        "precision": round4(prf.precision),
        "recall": round4(prf.recall),
        "f1": round4(prf.f1),
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn_,
    })
}

fn lines_json(lines: &[(usize, String)]) -> Value {
    lines
        .iter()
        .map(|(line, text)| json!({"line": line, "text": text}))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_one_short_line() {
        assert_eq!(excerpt("  Share\n\ton  Facebook "), "Share on Facebook");
        let long = "é".repeat(150);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS);
        assert!(cut.ends_with("é…"));
        assert_eq!(
            excerpt(&"x".repeat(EXCERPT_CHARS)),
            "x".repeat(EXCERPT_CHARS)
        );
    }
}
