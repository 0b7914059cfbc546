//! Renderings of an [`Outcome`]: unified diff, JSON, and the explanation table.
//!
//! The diff compares the input's lines (for HTML, its blocks) with the kept ones. Since the kept
//! lines are a subsequence of the input, the edit script is known exactly: it is built directly
//! (linear time, however large the page) and handed to similar for grouping into hunks and for
//! the hunk headers.

use std::fmt::Write as _;

use serde_json::{Value, json};
use similar::{DiffOp, group_diff_ops, udiff::UnifiedHunkHeader};

use crate::outcome::Outcome;
use crate::page::InputKind;
use crate::verdict::Label;

/// Lines of context around each change in diffs.
const DIFF_CONTEXT: usize = 3;
/// Characters of block text shown in the explanation table.
const EXPLAIN_TEXT_CHARS: usize = 60;

impl Outcome<'_> {
    /// The input lines and, for each, whether it is kept.
    fn lines_with_fate(&self) -> Vec<(&str, bool)> {
        match self.input_kind() {
            InputKind::Html => self
                .blocks()
                .map(|b| (b.text, b.verdict.label == Label::Content))
                .collect(),
            InputKind::Text => {
                let source = self.page().source();
                // A final line break ends the last line; it does not start another one.
                let source = source.strip_suffix('\n').unwrap_or(source);
                let mut kept = vec![false; source.split('\n').count()];
                for b in self.blocks() {
                    if b.verdict.label == Label::Content {
                        // A block of wrapped lines keeps them all.
                        let first = b.line as usize - 1;
                        let lines = 1 + memchr::memchr_iter(b'\n', b.raw.as_bytes()).count();
                        kept[first..first + lines].fill(true);
                    }
                }
                source
                    .split('\n')
                    .map(|l| l.strip_suffix('\r').unwrap_or(l))
                    .zip(kept)
                    .collect()
            }
        }
    }

    /// A unified diff of the input lines against the kept lines, with `old` and `new` as the
    /// file names in the header. Empty when nothing was dropped.
    pub fn diff(&self, old: &str, new: &str) -> String {
        let lines = self.lines_with_fate();
        let mut ops: Vec<DiffOp> = Vec::new();
        let mut new_index = 0;
        for (old_index, &(_, kept)) in lines.iter().enumerate() {
            match (ops.last_mut(), kept) {
                (Some(DiffOp::Equal { len, .. }), true)
                | (Some(DiffOp::Delete { old_len: len, .. }), false) => *len += 1,
                (_, true) => ops.push(DiffOp::Equal {
                    old_index,
                    new_index,
                    len: 1,
                }),
                (_, false) => ops.push(DiffOp::Delete {
                    old_index,
                    old_len: 1,
                    new_index,
                }),
            }
            if kept {
                new_index += 1;
            }
        }
        let mut out = String::new();
        let groups = group_diff_ops(ops, DIFF_CONTEXT);
        if groups.is_empty() {
            return out;
        }
        let _ = writeln!(out, "--- {old}\n+++ {new}");
        for group in groups {
            let _ = writeln!(out, "{}", UnifiedHunkHeader::new(&group));
            for op in &group {
                let (sign, range) = match *op {
                    DiffOp::Equal { old_index, len, .. } => (' ', old_index..old_index + len),
                    DiffOp::Delete {
                        old_index, old_len, ..
                    } => ('-', old_index..old_index + old_len),
                    _ => continue,
                };
                for (line, _) in &lines[range] {
                    let _ = writeln!(out, "{sign}{line}");
                }
            }
        }
        out
    }

    /// Every block with its verdict and reasons, plus the page's metadata, as JSON.
    pub fn to_json(&self) -> Value {
        let blocks: Vec<Value> = self
            .blocks()
            .map(|b| {
                let reasons: Vec<Value> = b
                    .verdict
                    .reasons
                    .iter()
                    .map(|r| {
                        let rule = self.rule(r);
                        let mut reason = json!({
                            "rule": rule.id,
                            "category": rule.category,
                            "weight": round(r.weight),
                            "message": rule.message,
                        });
                        if let Some(matched) = self.matched(b.block, r) {
                            reason["matched"] = Value::String(matched);
                        }
                        reason
                    })
                    .collect();
                json!({
                    "line": b.line,
                    "text": b.text,
                    "label": b.verdict.label,
                    "first_label": b.verdict.first_label,
                    "category": b.verdict.category,
                    "score": round(b.verdict.score),
                    "reasons": reasons,
                })
            })
            .collect();
        let meta = self.metadata();
        json!({
            "input": self.input_kind(),
            "encoding": self.encoding(),
            "language": self.language(),
            "title": meta.title,
            "byline": meta.byline,
            "date": meta.date,
            "site_name": meta.site_name,
            "url": meta.url,
            "stats": self.stats(),
            "text": self.text(),
            "blocks": blocks,
        })
    }

    /// A readable table: line, keep/drop, category, score, rules fired, text.
    pub fn explain(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:>5}  {:<4}  {:<9}  {:>6}  {:<48}  text",
            "line", "", "category", "score", "rules fired"
        );
        for b in self.blocks() {
            let fired: Vec<String> = b
                .verdict
                .reasons
                .iter()
                .map(|r| format!("{}({:+})", self.rule(r).id, round(r.weight)))
                .collect();
            let keep = if b.verdict.label == Label::Content {
                "keep"
            } else {
                "drop"
            };
            let mut text: String = b.text.chars().take(EXPLAIN_TEXT_CHARS).collect();
            if b.text.chars().nth(EXPLAIN_TEXT_CHARS).is_some() {
                text.push('…');
            }
            let _ = writeln!(
                out,
                "{:>5}  {keep}  {:<9}  {:>6.1}  {:<48}  {text}",
                b.line,
                b.verdict.category.name(),
                b.verdict.score,
                fired.join(" "),
            );
        }
        let stats = self.stats();
        let _ = writeln!(
            out,
            "\n{} blocks: {} kept, {} dropped",
            stats.blocks, stats.kept, stats.dropped
        );
        out
    }
}

/// Rounds to two decimals for display.
fn round(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}
