//! When a subject access request must be answered (UK GDPR article 12(3), as the ICO reads it):
//! one calendar month from the day the clock starts, that is the same day of the next month or,
//! when the next month has no such day, its last day; moved to the next working day when it
//! falls on a weekend or a bank holiday. A complex request may be extended by up to two further
//! months, if the requester is told so, and why, within the first month.

use crate::domain::fields::{parse_date, parse_text};
use crate::domain::working_days::add_working_days;
use crate::error::{check, FieldErrors};
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The most an extension adds, in calendar months.
pub const MOST_EXTRA_MONTHS: u32 = 2;
pub const MAX_EXTENSION_REASON_CHARS: usize = 1000;

/// The clock starts when the request arrives or, when the council had to confirm who is asking,
/// on the day it did.
pub fn clock_starts(received_on: NaiveDate, identity_checked_on: Option<NaiveDate>) -> NaiveDate {
    identity_checked_on.map_or(received_on, |checked| checked.max(received_on))
}

/// The day the answer is due, `extra_months` (0 to 2) after the first month.
pub fn due_on(starts: NaiveDate, extra_months: u32) -> NaiveDate {
    let months = 1 + extra_months.min(MOST_EXTRA_MONTHS);
    // chrono clamps to the month's last day: 31 January + 1 month is the last day of February.
    let day = starts
        .checked_add_months(Months::new(months))
        .unwrap_or(starts);
    add_working_days(day, 0)
}

/// A request is overdue from the day after its due date until it is answered or withdrawn.
pub fn is_overdue(due: NaiveDate, today: NaiveDate, finished: bool) -> bool {
    !finished && today > due
}

/// An extension as recorded: how many months, why, and when the requester was told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub extra_months: u32,
    pub reason: String,
    pub told_on: NaiveDate,
}

form! {
    /// Extending a request: by one or two months, why, and the day the requester was told.
    ExtensionForm {
        extra_months,
        reason,
        told_on,
    }
    optional {}
    lists {}
}

/// Checks an extension of a request whose clock started on `starts`. The requester must have
/// been told within the first month, and not on a day still to come.
pub fn parse_extension(
    form: &ExtensionForm,
    starts: NaiveDate,
    today: NaiveDate,
) -> Result<Extension, FieldErrors> {
    let mut errors = form.typed();
    let extra_months = check(
        &mut errors,
        "extra_months",
        match form.extra_months.trim() {
            "1" => Ok(1),
            "2" => Ok(2),
            _ => Err("Choose one or two months".into()),
        },
    );
    let reason = check(
        &mut errors,
        "reason",
        parse_text(
            &form.reason,
            "why the request needs longer",
            MAX_EXTENSION_REASON_CHARS,
            true,
        ),
    );
    let first_due = due_on(starts, 0);
    let told_on = check(
        &mut errors,
        "told_on",
        parse_date(
            &form.told_on,
            "the day the requester was told",
            starts,
            today.min(first_due),
        )
        .map_err(|error| {
            if today > first_due {
                format!(
                    "{error}. The requester must be told within the first month, by {}",
                    first_due.format("%-d %B %Y")
                )
            } else {
                error
            }
        }),
    );
    match (extra_months, reason, told_on) {
        (Some(extra_months), Some(reason), Some(told_on)) if errors.is_empty() => Ok(Extension {
            extra_months,
            reason,
            told_on,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn one_calendar_month_to_a_working_day() {
        // Tuesday 3 March 2026 → Friday 3 April 2026 is Good Friday → Tuesday 7 April (Easter Monday too).
        assert_eq!(due_on(day(2026, 3, 3), 0), day(2026, 4, 7));
        // Thursday 15 October 2026 → Sunday 15 November → Monday 16 November.
        assert_eq!(due_on(day(2026, 10, 15), 0), day(2026, 11, 16));
        // 31 January has no 31 February: the last day of February (Saturday 28 February 2026),
        // then the next working day.
        assert_eq!(due_on(day(2026, 1, 31), 0), day(2026, 3, 2));
        // Over Christmas: 25 November 2026 → Friday 25 December → Tuesday 29 December (28th is the
        // substitute Boxing Day).
        assert_eq!(due_on(day(2026, 11, 25), 0), day(2026, 12, 29));
        // An ordinary day stays where it is: Monday 9 February → Monday 9 March 2026.
        assert_eq!(due_on(day(2026, 2, 9), 0), day(2026, 3, 9));
    }

    #[test]
    fn extensions_add_at_most_two_months() {
        assert_eq!(due_on(day(2026, 2, 9), 2), day(2026, 5, 11)); // Sat 9 May → Mon 11 May
        assert_eq!(due_on(day(2026, 2, 9), 5), due_on(day(2026, 2, 9), 2));
    }

    #[test]
    fn the_clock_starts_once_identity_is_confirmed() {
        assert_eq!(clock_starts(day(2026, 2, 9), None), day(2026, 2, 9));
        assert_eq!(
            clock_starts(day(2026, 2, 9), Some(day(2026, 2, 16))),
            day(2026, 2, 16)
        );
        // Checked before it arrived (an earlier request, say): the day it arrived counts.
        assert_eq!(
            clock_starts(day(2026, 2, 9), Some(day(2026, 1, 5))),
            day(2026, 2, 9)
        );
    }

    #[test]
    fn overdue_only_after_the_due_day_and_until_answered() {
        let due = day(2026, 3, 9);
        assert!(!is_overdue(due, due, false));
        assert!(is_overdue(due, day(2026, 3, 10), false));
        assert!(!is_overdue(due, day(2026, 3, 10), true));
    }

    fn extension(months: &str, reason: &str, told: &str) -> ExtensionForm {
        ExtensionForm {
            extra_months: months.into(),
            reason: reason.into(),
            told_on: told.into(),
        }
    }

    #[test]
    fn an_extension_needs_months_a_reason_and_a_day_within_the_first_month() {
        let starts = day(2026, 2, 9);
        let today = day(2026, 2, 20);
        let ok = parse_extension(
            &extension("2", "Records held in three teams", "2026-02-18"),
            starts,
            today,
        )
        .expect("a good extension");
        assert_eq!(ok.extra_months, 2);
        assert_eq!(ok.told_on, day(2026, 2, 18));

        let errors = parse_extension(&extension("3", "  ", "2026-02-21"), starts, today)
            .expect_err("three problems");
        assert!(errors.for_field("extra_months").is_some());
        assert_eq!(
            errors.for_field("reason"),
            Some("Enter why the request needs longer")
        );
        assert!(errors.for_field("told_on").is_some(), "a day still to come");

        // Told after the first month had passed: too late to extend.
        let late = parse_extension(
            &extension("1", "Complex", "2026-03-12"),
            starts,
            day(2026, 3, 20),
        )
        .expect_err("too late");
        let message = late.for_field("told_on").expect("a message");
        assert!(
            message.contains("within the first month, by 9 March 2026"),
            "{message}"
        );
    }
}
