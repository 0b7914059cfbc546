//! `newsclean rules`: the rule list, or one rule explained.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::args::RulesArgs;
use super::{Failure, write_stdout};

pub fn run(args: RulesArgs) -> Result<ExitCode, Failure> {
    let set = super::rule_set(&args.rule_args)?;
    let mut out = String::new();
    match args.id {
        None => {
            for rule in set.rules() {
                let _ = writeln!(
                    out,
                    "{:<34} {:<9} {:<8} {:>+5.1}  {}",
                    rule.id,
                    rule.category.name(),
                    rule.kind.name(),
                    rule.weight,
                    rule.message
                );
            }
        }
        Some(id) => {
            let rule = set
                .get(&id)
                .ok_or_else(|| Failure::usage(format!("no rule `{id}` (see `newsclean rules`)")))?;
            let _ = writeln!(out, "{} ({}:{})", rule.id, rule.file, rule.line);
            let _ = writeln!(
                out,
                "  category: {}\n  kind:     {}\n  weight:   {:+}",
                rule.category,
                rule.kind.name(),
                rule.weight
            );
            if !rule.lang.is_empty() {
                let _ = writeln!(out, "  lang:     {}", rule.lang.join(", "));
            }
            if !rule.site.is_empty() {
                let _ = writeln!(out, "  site:     {}", rule.site.join(", "));
            }
            let _ = writeln!(
                out,
                "  message:  {}\n\n{}",
                rule.message,
                rule.explanation.trim()
            );
        }
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}
