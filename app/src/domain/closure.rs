//! Closing a family's case, with the children in need census's reasons for closure, and
//! reopening it. A closed case leaves every caseload and due list, its family accounts lose
//! access, and its record is read-only until it is reopened; the closure date is what the
//! retention schedule counts from.

use super::fields::{parse_date, parse_text, years};
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_REOPEN_REASON_CHARS: usize = 500;

coded_enum!(
    /// The census's reason for closure (its codes RC1 to RC9).
    ClosureReason {
        Adopted => "RC1", "Adopted";
        Died => "RC2", "Died";
        ChildArrangements => "RC3", "Child arrangements order";
        SpecialGuardianship => "RC4", "Special guardianship order";
        TransferredToAnotherCouncil => "RC5", "Transferred to services of another local authority";
        TransferredToAdultServices => "RC6", "Transferred to adult social care services";
        ServicesCeased => "RC7", "Services ceased for any other reason, including the child no longer being in need";
        NoFurtherAction => "RC8", "Case closed after assessment, no further action";
        EarlyHelp => "RC9", "Case closed after assessment, referred to early help";
    }
);

/// Whether a family's case is open, or closed since a day and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closed {
    pub on: NaiveDate,
    pub reason: ClosureReason,
}

form! {
    /// Closing a case: the day and the census reason.
    CloseForm {
        closed_on,
        reason,
    }
    optional {}
    lists {}
}

pub fn parse_close(form: &CloseForm, today: NaiveDate) -> Result<Closed, FieldErrors> {
    let mut errors = form.typed();
    let on = check(
        &mut errors,
        "closed_on",
        parse_date(
            &form.closed_on,
            "the day the case closed",
            today - years(1),
            today,
        ),
    );
    let reason = check(
        &mut errors,
        "reason",
        ClosureReason::from_code(form.reason.trim())
            .ok_or_else(|| "Choose the reason for closing the case".into()),
    );
    match (on, reason) {
        (Some(on), Some(reason)) if errors.is_empty() => Ok(Closed { on, reason }),
        _ => Err(errors),
    }
}

form! {
    /// Reopening a closed case: why.
    ReopenForm {
        reason,
    }
    optional {}
    lists {}
}

pub fn parse_reopen(form: &ReopenForm) -> Result<String, FieldErrors> {
    let mut errors = form.typed();
    let reason = check(
        &mut errors,
        "reason",
        parse_text(
            &form.reason,
            "why the case is being reopened",
            MAX_REOPEN_REASON_CHARS,
            true,
        ),
    );
    match reason {
        Some(reason) if errors.is_empty() => Ok(reason),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_closes_on_a_past_day_for_a_census_reason() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
        let close = |on: &str, reason: &str| {
            parse_close(
                &CloseForm {
                    closed_on: on.into(),
                    reason: reason.into(),
                },
                today,
            )
        };
        assert_eq!(
            close("2/12/2026", "RC7").ok(),
            Some(Closed {
                on: today,
                reason: ClosureReason::ServicesCeased
            })
        );
        assert!(close("2026-12-03", "RC7").is_err());
        assert!(close("2026-12-01", "RC10").is_err());
        assert!(parse_reopen(&ReopenForm { reason: " ".into() }).is_err());
    }
}
