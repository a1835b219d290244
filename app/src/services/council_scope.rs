//! The council an administrator acts in, and the records they name checked to be of it: an id
//! of another council's team or account is refused and recorded, never acted on.

use super::authorize;
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::ids::AuthorityId;
use crate::error::AppError;
use crate::store::{self, audit::NewEntry};

/// The caller's own council, once the policy allows `action` in it.
pub(crate) async fn own_council(
    caller: &Caller,
    action: Action,
    entry: &NewEntry,
) -> Result<AuthorityId, AppError> {
    let viewer = caller.viewer()?;
    let authority = store::directory::authority_of(&caller.state.db, viewer.account_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    authorize(caller, action, Target::Authority(authority), entry.clone()).await?;
    Ok(authority)
}

/// A named record belongs to `theirs`: allowed only when the policy allows `action` there too.
pub(crate) async fn same_council(
    caller: &Caller,
    action: Action,
    theirs: AuthorityId,
    entry: &NewEntry,
) -> Result<(), AppError> {
    authorize(caller, action, Target::Authority(theirs), entry.clone())
        .await
        .map(|_| ())
}
