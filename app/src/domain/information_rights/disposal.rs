//! When a family's records may be destroyed, and the reviewer's forms: keep them longer, place or
//! lift a legal hold, confirm destruction. A family is destroyed whole, once every class's
//! period has passed (docs/decisions/0025-destroying-a-family.md): its goals, words and
//! supervision hang off its people, so no class can go before the others without leaving
//! fragments that still name them.

use super::retention::{FamilyDates, RecordClass, RetentionSchedule, ReviewDue};
use crate::domain::fields::{parse_date, parse_text};
use crate::error::{check, FieldErrors};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

pub const MAX_REASON_CHARS: usize = 1000;
/// The longest a reviewer may keep records beyond their period at one time: the next review
/// comes round again instead of the records being forgotten.
pub const MOST_YEARS_KEPT: u32 = 10;

/// Where a family stands in the disposal review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Disposal {
    /// The case is open: nothing of it is due.
    CaseOpen,
    /// A period counts from a date the record does not hold: a person decides.
    Unknown,
    /// Not due until this day.
    NotYet(NaiveDate),
    /// Every period has passed (on this day): listed for review.
    Due(NaiveDate),
    /// Due, but a legal hold stops destruction.
    Held(NaiveDate),
}

impl Disposal {
    /// Whether a reviewer may confirm destruction today.
    pub fn may_destroy(self) -> bool {
        matches!(self, Disposal::Due(_) | Disposal::Unknown)
    }

    /// Whether the family belongs in the review queue.
    pub fn is_listed(self) -> bool {
        matches!(
            self,
            Disposal::Due(_) | Disposal::Unknown | Disposal::Held(_)
        )
    }
}

/// The day the last of the family's classes falls due, or why there is none.
pub fn family_due(schedule: &RetentionSchedule, family: FamilyDates) -> ReviewDue {
    let mut latest: Option<NaiveDate> = None;
    for class in RecordClass::ALL {
        match schedule.review_due(*class, family) {
            ReviewDue::CaseOpen => return ReviewDue::CaseOpen,
            ReviewDue::Unknown => return ReviewDue::Unknown,
            ReviewDue::On(day) => latest = Some(latest.map_or(day, |l| l.max(day))),
        }
    }
    latest.map_or(ReviewDue::Unknown, ReviewDue::On)
}

/// Where a family stands today, once its periods, the latest day a reviewer kept it until, and
/// any legal hold are counted.
pub fn disposal(
    schedule: &RetentionSchedule,
    family: FamilyDates,
    kept_until: Option<NaiveDate>,
    on_hold: bool,
    today: NaiveDate,
) -> Disposal {
    let due = match family_due(schedule, family) {
        ReviewDue::CaseOpen => return Disposal::CaseOpen,
        // Kept until a day by a reviewer: a decision was made, it waits for that day.
        ReviewDue::Unknown => match kept_until {
            Some(until) if until > today => return Disposal::NotYet(until),
            Some(until) => until,
            None if on_hold => return Disposal::Held(today),
            None => return Disposal::Unknown,
        },
        ReviewDue::On(day) => kept_until.map_or(day, |until| until.max(day)),
    };
    match (due > today, on_hold) {
        (true, _) => Disposal::NotYet(due),
        (false, true) => Disposal::Held(due),
        (false, false) => Disposal::Due(due),
    }
}

/// The rules a family was destroyed under, as the trail and the tombstone keep them.
pub fn rules_text(schedule: &RetentionSchedule) -> String {
    schedule
        .rules()
        .iter()
        .map(|rule| {
            format!(
                "{}: {} years from {}",
                rule.class.code(),
                rule.years,
                rule.trigger.code()
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

form! {
    /// Keeping a family's records beyond their period, until a day, and why.
    KeepForm {
        until,
        reason,
    }
    optional {}
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    pub until: NaiveDate,
    pub reason: String,
}

pub fn parse_keep(form: &KeepForm, today: NaiveDate) -> Result<Kept, FieldErrors> {
    let mut errors = form.typed();
    let latest = today
        .checked_add_months(Months::new(MOST_YEARS_KEPT * 12))
        .unwrap_or(today);
    let until = check(
        &mut errors,
        "until",
        parse_date(
            &form.until,
            "the day to keep the records until",
            today.succ_opt().unwrap_or(today),
            latest,
        ),
    );
    let reason = check(
        &mut errors,
        "reason",
        parse_text(
            &form.reason,
            "why the records are kept longer",
            MAX_REASON_CHARS,
            true,
        ),
    );
    match (until, reason) {
        (Some(until), Some(reason)) if errors.is_empty() => Ok(Kept { until, reason }),
        _ => Err(errors),
    }
}

form! {
    /// Placing a legal hold on a family, or lifting one: the reason is required either way.
    HoldForm {
        reason,
    }
    optional {}
    lists {}
}

pub fn parse_hold(form: &HoldForm) -> Result<String, FieldErrors> {
    let mut errors = form.typed();
    let reason = check(
        &mut errors,
        "reason",
        parse_text(&form.reason, "the reason", MAX_REASON_CHARS, true),
    );
    match reason {
        Some(reason) if errors.is_empty() => Ok(reason),
        _ => Err(errors),
    }
}

form! {
    /// Confirming destruction: the reviewer ticks that they have checked the family's records.
    DestroyForm {}
    optional {}
    lists {
        confirm,
    }
}

pub fn parse_destroy(form: &DestroyForm) -> Result<(), FieldErrors> {
    let mut errors = form.typed();
    if !form.confirm.iter().any(|c| c == "yes") {
        errors.add(
            "confirm",
            "Confirm that the records may be destroyed: this cannot be undone",
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::super::retention::{RetentionRule, Trigger};
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    /// Every class 35 years from closure, except the audit entries: 40.
    fn schedule(audit_trigger: Trigger) -> RetentionSchedule {
        RetentionSchedule::new(
            RecordClass::ALL
                .iter()
                .map(|&class| RetentionRule {
                    class,
                    trigger: if class == RecordClass::AuditEntries {
                        audit_trigger
                    } else {
                        Trigger::CaseClosure
                    },
                    years: if class == RecordClass::AuditEntries {
                        40
                    } else {
                        35
                    },
                })
                .collect(),
        )
        .expect("a whole schedule")
    }

    const CLOSED: FamilyDates = FamilyDates {
        closed_on: NaiveDate::from_ymd_opt(1990, 3, 15),
        youngest_child_born: NaiveDate::from_ymd_opt(1985, 6, 1),
    };

    #[test]
    fn a_family_is_due_when_its_last_class_is() {
        let rules = schedule(Trigger::CaseClosure);
        assert_eq!(family_due(&rules, CLOSED), ReviewDue::On(day(2030, 3, 15)));
        let from_birth = schedule(Trigger::ChildBirth);
        assert_eq!(
            family_due(&from_birth, CLOSED),
            ReviewDue::On(day(2025, 6, 1))
        );
        assert_eq!(
            disposal(&from_birth, CLOSED, None, false, day(2026, 12, 3)),
            Disposal::Due(day(2025, 6, 1))
        );
        assert_eq!(
            disposal(&rules, CLOSED, None, false, day(2026, 12, 3)),
            Disposal::NotYet(day(2030, 3, 15))
        );
    }

    #[test]
    fn a_hold_stops_it_and_keeping_longer_moves_it() {
        let rules = schedule(Trigger::ChildBirth);
        let today = day(2026, 12, 3);
        assert_eq!(
            disposal(&rules, CLOSED, None, true, today),
            Disposal::Held(day(2025, 6, 1))
        );
        assert!(!disposal(&rules, CLOSED, None, true, today).may_destroy());
        assert_eq!(
            disposal(&rules, CLOSED, Some(day(2027, 1, 1)), false, today),
            Disposal::NotYet(day(2027, 1, 1))
        );
        // A day kept until that has passed: due again.
        assert_eq!(
            disposal(&rules, CLOSED, Some(day(2026, 1, 1)), false, today),
            Disposal::Due(day(2026, 1, 1))
        );
    }

    #[test]
    fn an_open_case_is_never_listed_and_an_unknown_one_is() {
        let open = FamilyDates {
            closed_on: None,
            ..CLOSED
        };
        let rules = schedule(Trigger::ChildBirth);
        let today = day(2026, 12, 3);
        assert_eq!(
            disposal(&rules, open, None, false, today),
            Disposal::CaseOpen
        );
        let no_children = FamilyDates {
            youngest_child_born: None,
            ..CLOSED
        };
        let unknown = disposal(&rules, no_children, None, false, today);
        assert_eq!(unknown, Disposal::Unknown);
        assert!(unknown.is_listed() && unknown.may_destroy());
        assert_eq!(
            disposal(&rules, no_children, Some(day(2030, 1, 1)), false, today),
            Disposal::NotYet(day(2030, 1, 1))
        );
    }

    #[test]
    fn the_forms_say_what_is_wrong() {
        let today = day(2026, 12, 3);
        let kept = parse_keep(
            &KeepForm {
                until: "1/6/2028".into(),
                reason: "Awaiting the outcome of a complaint".into(),
            },
            today,
        )
        .expect("a good decision");
        assert_eq!(kept.until, day(2028, 6, 1));
        let errors = parse_keep(
            &KeepForm {
                until: "2026-12-03".into(),
                reason: " ".into(),
            },
            today,
        )
        .expect_err("today and no reason");
        assert!(errors.for_field("until").is_some());
        assert_eq!(
            errors.for_field("reason"),
            Some("Enter why the records are kept longer")
        );
        let far = parse_keep(
            &KeepForm {
                until: "2040-01-01".into(),
                reason: "Just in case".into(),
            },
            today,
        )
        .expect_err("beyond ten years");
        assert!(far.for_field("until").is_some());
        assert!(parse_hold(&HoldForm { reason: "".into() }).is_err());
        assert!(parse_destroy(&DestroyForm { confirm: vec![] }).is_err());
        assert!(parse_destroy(&DestroyForm {
            confirm: vec!["yes".into()]
        })
        .is_ok());
        assert!(rules_text(&schedule(Trigger::ChildBirth))
            .contains("audit_entries: 40 years from youngest_child_birth"));
    }
}
