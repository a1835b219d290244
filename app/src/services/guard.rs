//! Asking the access policy, and recording a refusal.

use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Decision, Target};
use crate::error::AppError;
use crate::store::audit::{self, NewEntry};

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
        return Ok(decision);
    }
    audit::record(&caller.state.db, &entry.refused()).await?;
    Err(match decision {
        Decision::ReasonRequired => AppError::ReasonRequired,
        _ => AppError::Forbidden,
    })
}
