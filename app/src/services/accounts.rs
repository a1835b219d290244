//! The administrator's accounts page.

use super::authorize;
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::page_data::accounts::AccountsOverview;
use crate::store::{self, audit};

pub async fn overview(caller: &Caller) -> Result<AccountsOverview, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(AuditAction::ViewAccounts, RecordKind::Accounts);
    let db = &caller.state.db;
    let authority = store::directory::authority_of(db, viewer.account_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    authorize(
        caller,
        Action::ManageAccounts,
        Target::Authority(authority),
        entry.clone(),
    )
    .await?;
    let overview = store::directory::overview(db, authority).await?;
    audit::record(db, &entry).await?;
    Ok(overview)
}
