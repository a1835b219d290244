//! Asking the access policy, and recording a refusal.

use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Decision, Target};
use crate::domain::legal_status::long_date;
use crate::error::AppError;
use crate::store::audit::{self, NewEntry};
use crate::store::case_closures;

/// Returns the decision when it allows; otherwise records the refusal (flagged for review) and
/// returns the error to show.
pub async fn authorize(
    caller: &Caller,
    action: Action,
    target: Target,
    entry: NewEntry,
) -> Result<Decision, AppError> {
    let viewer = caller.viewer()?;
    let decision = decide(viewer, action, target);
    if decision.is_allowed() {
        closed_case_is_read_only(caller, action, target).await?;
        return Ok(decision);
    }
    audit::record(&caller.state.db, &entry.refused()).await?;
    Err(match decision {
        Decision::ReasonRequired => AppError::ReasonRequired,
        _ => AppError::Forbidden,
    })
}

/// A closed case's record takes no change until it is reopened, whoever asks and however the
/// request was made: the one place every change to a family passes.
async fn closed_case_is_read_only(
    caller: &Caller,
    action: Action,
    target: Target,
) -> Result<(), AppError> {
    let Some(family) = target.family_id().filter(|_| action.changes_case()) else {
        return Ok(());
    };
    match case_closures::closed_on(&caller.state.db, family).await? {
        None => Ok(()),
        Some(day) => Err(AppError::Conflict(format!(
            "This family's case closed on {}. Its record is read-only until it is reopened.",
            long_date(day)
        ))),
    }
}
