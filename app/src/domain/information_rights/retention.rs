//! A council's retention schedule: for each class of record, what starts its clock and how many
//! years it runs. Councils differ (35 years after closure for child protection records in one,
//! 75 years from a child's birth in another), so the schedule is the council's configuration
//! (`retention_file`), and this only works out when a family's records fall due for review.
//! Nothing is destroyed when it falls due: a person reviews it first, and a legal hold stops it.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The longest period a schedule may give: beyond any child's life.
pub const MOST_YEARS: u32 = 150;

coded_enum!(
    /// The classes of record the schedule covers, each destroyed as a whole.
    RecordClass {
        FamilyRecord => "family_record", "The family record and workbook";
        PlansAndGoals => "plans_and_goals", "Plans and goals";
        OwnWords => "own_words", "The family's own words";
        Supervision => "supervision", "Supervision records";
        AuditEntries => "audit_entries", "Audit entries";
    }
);

coded_enum!(
    /// What starts a period.
    Trigger {
        CaseClosure => "case_closure", "the day the case closed";
        ChildBirth => "youngest_child_birth", "the youngest child's date of birth";
    }
);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRule {
    pub class: RecordClass,
    pub trigger: Trigger,
    pub years: u32,
}

/// One rule for every class of record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionSchedule {
    rules: Vec<RetentionRule>,
}

/// The facts about one family that its periods count from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FamilyDates {
    pub closed_on: Option<NaiveDate>,
    /// The latest date of birth among the family's children.
    pub youngest_child_born: Option<NaiveDate>,
}

/// When a class of a family's records falls due for review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewDue {
    /// The case is open: nothing of an open case is ever due.
    CaseOpen,
    On(NaiveDate),
    /// The rule counts from a fact the record does not hold (no child's date of birth): listed
    /// for a person to decide, never destroyed by default.
    Unknown,
}

impl RetentionSchedule {
    /// A schedule with exactly one rule per class, each between 1 and [`MOST_YEARS`] years.
    pub fn new(rules: Vec<RetentionRule>) -> Result<Self, String> {
        for class in RecordClass::ALL {
            match rules.iter().filter(|rule| rule.class == *class).count() {
                0 => return Err(format!("the schedule has no rule for {}", class.code())),
                1 => {}
                _ => return Err(format!("the schedule has two rules for {}", class.code())),
            }
        }
        if let Some(rule) = rules
            .iter()
            .find(|rule| rule.years == 0 || rule.years > MOST_YEARS)
        {
            return Err(format!(
                "{} is kept for {} years: give 1 to {MOST_YEARS}",
                rule.class.code(),
                rule.years
            ));
        }
        Ok(RetentionSchedule { rules })
    }

    pub fn rules(&self) -> &[RetentionRule] {
        &self.rules
    }

    pub fn rule(&self, class: RecordClass) -> Option<RetentionRule> {
        self.rules.iter().copied().find(|rule| rule.class == class)
    }

    /// When `class` of a family's records falls due for review.
    pub fn review_due(&self, class: RecordClass, family: FamilyDates) -> ReviewDue {
        let Some(rule) = self.rule(class) else {
            return ReviewDue::Unknown;
        };
        let Some(closed_on) = family.closed_on else {
            return ReviewDue::CaseOpen;
        };
        let from = match rule.trigger {
            Trigger::CaseClosure => closed_on,
            Trigger::ChildBirth => match family.youngest_child_born {
                Some(born) => born,
                None => return ReviewDue::Unknown,
            },
        };
        // Whole years by the calendar: 29 February counts to 28 February in a common year.
        from.checked_add_months(Months::new(rule.years * 12))
            .map_or(ReviewDue::Unknown, ReviewDue::On)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    fn schedule(family_years: u32, trigger: Trigger) -> RetentionSchedule {
        RetentionSchedule::new(
            RecordClass::ALL
                .iter()
                .map(|&class| RetentionRule {
                    class,
                    trigger: if class == RecordClass::FamilyRecord {
                        trigger
                    } else {
                        Trigger::CaseClosure
                    },
                    years: if class == RecordClass::FamilyRecord {
                        family_years
                    } else {
                        6
                    },
                })
                .collect(),
        )
        .expect("a whole schedule")
    }

    #[test]
    fn periods_count_from_closure_or_from_the_youngest_childs_birth() {
        let closed = FamilyDates {
            closed_on: Some(day(2026, 3, 31)),
            youngest_child_born: Some(day(2020, 2, 29)),
        };
        assert_eq!(
            schedule(35, Trigger::CaseClosure).review_due(RecordClass::FamilyRecord, closed),
            ReviewDue::On(day(2061, 3, 31))
        );
        assert_eq!(
            schedule(75, Trigger::ChildBirth).review_due(RecordClass::FamilyRecord, closed),
            ReviewDue::On(day(2095, 2, 28))
        );
        assert_eq!(
            schedule(75, Trigger::ChildBirth).review_due(RecordClass::Supervision, closed),
            ReviewDue::On(day(2032, 3, 31))
        );
    }

    #[test]
    fn an_open_case_is_never_due_and_a_missing_birth_date_is_for_a_person() {
        let open = FamilyDates {
            closed_on: None,
            youngest_child_born: Some(day(2020, 1, 1)),
        };
        assert_eq!(
            schedule(75, Trigger::ChildBirth).review_due(RecordClass::FamilyRecord, open),
            ReviewDue::CaseOpen
        );
        let unborn = FamilyDates {
            closed_on: Some(day(2026, 1, 5)),
            youngest_child_born: None,
        };
        assert_eq!(
            schedule(75, Trigger::ChildBirth).review_due(RecordClass::FamilyRecord, unborn),
            ReviewDue::Unknown
        );
    }

    #[test]
    fn a_schedule_covers_every_class_once_with_a_sensible_period() {
        let mut rules = schedule(35, Trigger::CaseClosure).rules().to_vec();
        rules.pop();
        assert!(RetentionSchedule::new(rules.clone())
            .expect_err("one missing")
            .contains("no rule for audit_entries"));
        rules.push(rules[0]);
        assert!(RetentionSchedule::new(rules)
            .expect_err("one twice")
            .contains("two rules"));
        let mut zero = schedule(35, Trigger::CaseClosure).rules().to_vec();
        zero[0].years = 0;
        assert!(RetentionSchedule::new(zero)
            .expect_err("zero years")
            .contains("give 1 to 150"));
    }
}
