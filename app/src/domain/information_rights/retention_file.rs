//! Reading a council's retention schedule from its configuration file: one table per class of
//! record, each with what starts the period and its length in years
//! (`data/retention-example.toml` is the demo's, documented).

use super::retention::{RecordClass, RetentionRule, RetentionSchedule, Trigger};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleInFile {
    from: String,
    years: u32,
}

/// The demo council's schedule, an example for a council to start from.
pub const EXAMPLE: &str = include_str!("../../../data/retention-example.toml");

/// Reads a schedule; the error names the line's table and what is wrong with it.
pub fn parse(text: &str) -> Result<RetentionSchedule, String> {
    let tables: BTreeMap<String, RuleInFile> =
        toml::from_str(text).map_err(|error| format!("the retention schedule: {error}"))?;
    let mut rules = Vec::with_capacity(tables.len());
    for (name, rule) in tables {
        let class = RecordClass::from_code(&name).ok_or_else(|| {
            format!(
                "the retention schedule has [{name}], which is not a class of record (use {})",
                codes(RecordClass::ALL.iter().map(|c| c.code()))
            )
        })?;
        let trigger = Trigger::from_code(&rule.from).ok_or_else(|| {
            format!(
                "[{name}] counts from \"{}\": use {}",
                rule.from,
                codes(Trigger::ALL.iter().map(|t| t.code()))
            )
        })?;
        rules.push(RetentionRule {
            class,
            trigger,
            years: rule.years,
        });
    }
    RetentionSchedule::new(rules).map_err(|error| format!("the retention schedule: {error}"))
}

fn codes<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    codes
        .map(|code| format!("\"{code}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_reads() {
        let schedule = parse(EXAMPLE).expect("the example schedule reads");
        let family = schedule.rule(RecordClass::FamilyRecord).expect("a rule");
        assert_eq!(family.trigger, Trigger::CaseClosure);
        assert_eq!(family.years, 35);
    }

    #[test]
    fn mistakes_are_named() {
        let unknown =
            parse("[families]\nfrom = \"case_closure\"\nyears = 35\n").expect_err("no such class");
        assert!(
            unknown.contains("[families], which is not a class of record"),
            "{unknown}"
        );
        let trigger = EXAMPLE.replacen("from = \"case_closure\"", "from = \"closure\"", 1);
        let wrong = parse(&trigger).expect_err("no such trigger");
        assert!(wrong.contains("counts from \"closure\""), "{wrong}");
        let typo = EXAMPLE.replacen("years = ", "yeers = ", 1);
        assert!(parse(&typo).is_err());
    }
}
