//! A family opened from outside its team last week, not yet reviewed: so a manager trying the
//! demo sees the review list, and the dashboard's reminder, with something in them.

use crate::domain::ids::{AccountId, FamilyId};
use crate::error::AppError;
use crate::store::{self, WriteTx};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

pub async fn seed(
    write: &mut WriteTx,
    family: FamilyId,
    by: AccountId,
    now: i64,
) -> Result<(), AppError> {
    let reason = "Duty cover overnight: the police asked for the family's safety plan";
    // Six days ago: its eight hours of access are long over.
    store::break_glass::open(write, by, family, reason, now - 6 * DAY_MS).await?;
    Ok(())
}
