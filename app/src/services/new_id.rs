//! A new record's id is made by the page that adds it, so a retried save adds it once. An id
//! that already names a record (of any kind, or of this kind but someone else's) is refused for
//! a new one: answered as not found, recorded in the audit trail and flagged, since only a
//! tampered form sends one.

use crate::auth::caller::Caller;
use crate::domain::record::RecordRef;
use crate::error::AppError;
use crate::store::audit::NewEntry;
use crate::store::locked::{self, Claim};
use crate::store::{audit, WriteTx};
use uuid::Uuid;

/// Takes the write lock to add `record`, a new record of `owner` (see [`locked::owner_of`]).
/// Gives the write when the id is free; `None` when the same record was already added, so
/// there is nothing more to do.
pub(crate) async fn write_new(
    caller: &Caller,
    record: impl Into<RecordRef>,
    owner: Uuid,
    entry: &NewEntry,
) -> Result<Option<WriteTx>, AppError> {
    let record = record.into();
    let mut write = caller.state.db.write().await?;
    match locked::claim(&mut write, record, owner).await? {
        Claim::Free => Ok(Some(write)),
        Claim::Retry => Ok(None),
        Claim::Taken => {
            drop(write);
            Err(refuse(caller, entry, record).await)
        }
    }
}

/// Records the refusal of an id already in use (after the write is given up) and gives the
/// error to answer with.
pub(crate) async fn refuse(caller: &Caller, entry: &NewEntry, record: RecordRef) -> AppError {
    let refusal = entry
        .clone()
        .record(record)
        .detail("its id is already in use")
        .refused();
    match audit::record(&caller.state.db, &refusal).await {
        Ok(()) => AppError::NotFound,
        Err(error) => error.into(),
    }
}
