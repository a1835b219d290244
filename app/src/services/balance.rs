//! Writing a decisional balance item and taking one back. The same for a worker writing with a
//! family member and for the member on their own page: only who may, and for whom, differ, and
//! the callers settle that before coming here.

use crate::auth::caller::Caller;
use crate::domain::ids::{BalanceItemId, GoalId};
use crate::error::AppError;
use crate::services::new_id;
use crate::store::audit::NewEntry;
use crate::store::change_plans::NewBalanceItem;
use crate::store::{self, audit, now_ms};

/// Writes the item with its audit entry; a retried save adds neither.
pub(super) async fn add(
    caller: &Caller,
    entry: NewEntry,
    item: &NewBalanceItem<'_>,
) -> Result<(), AppError> {
    let Some(mut write) = new_id::write_new(caller, item.id, item.goal.0, &entry).await? else {
        return Ok(());
    };
    if store::change_plans::insert_item(&mut write, item).await? {
        let record = entry.record(item.id).detail(item.quadrant.label());
        audit::append(&mut write, &record).await?;
    }
    write.commit().await?;
    Ok(())
}

/// Takes back an item the caller wrote, with its audit entry; anyone else's is not found.
pub(super) async fn take_back(
    caller: &Caller,
    entry: NewEntry,
    goal: GoalId,
    id: BalanceItemId,
) -> Result<(), AppError> {
    let mut write = caller.state.db.write().await?;
    let author = caller.viewer()?.account_id;
    if !store::change_plans::remove_item(&mut write, id, goal, author, now_ms()).await? {
        return Err(AppError::NotFound);
    }
    audit::append(&mut write, &entry.record(id)).await?;
    write.commit().await?;
    Ok(())
}
