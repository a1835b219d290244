//! Second factors: a sealed TOTP secret per account, and single-use recovery codes (hashes
//! only). Accepting a code is one conditional update, so two requests with the same code
//! cannot both succeed.

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::AccountId;

/// An account's secret, still sealed, and the last step a code was accepted for.
pub struct Stored {
    pub sealed: String,
    pub last_step: i64,
}

pub async fn find(db: &Db, account: AccountId) -> Result<Option<Stored>, StoreError> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT secret_sealed, last_step FROM second_factors WHERE account_id = $1")
            .bind(account)
            .fetch_optional(db.pool())
            .await?;
    Ok(row.map(|(sealed, last_step)| Stored { sealed, last_step }))
}

pub async fn has(db: &Db, account: AccountId) -> Result<bool, StoreError> {
    Ok(find(db, account).await?.is_some())
}

/// Saves a confirmed secret (replacing an older one) and its new recovery codes, inside the
/// write that audits it. `step` is the step of the code that confirmed it.
pub async fn save(
    write: &mut WriteTx,
    account: AccountId,
    sealed: &str,
    step: i64,
    code_hashes: &[String],
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM second_factors WHERE account_id = $1")
        .bind(account)
        .execute(&mut *write.tx)
        .await?;
    sqlx::query(
        "INSERT INTO second_factors (account_id, secret_sealed, confirmed_at, last_step) VALUES ($1, $2, $3, $4)",
    )
    .bind(account)
    .bind(sealed)
    .bind(now)
    .bind(step)
    .execute(&mut *write.tx)
    .await?;
    sqlx::query("DELETE FROM recovery_codes WHERE account_id = $1")
        .bind(account)
        .execute(&mut *write.tx)
        .await?;
    for hash in code_hashes {
        sqlx::query(
            "INSERT INTO recovery_codes (code_hash, account_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(hash)
        .bind(account)
        .bind(now)
        .execute(&mut *write.tx)
        .await?;
    }
    Ok(())
}

/// Takes a step as used; false if it (or a later one) was used already.
pub async fn accept_step(db: &Db, account: AccountId, step: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE second_factors SET last_step = $2 WHERE account_id = $1 AND last_step < $2",
    )
    .bind(account)
    .bind(step)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Uses up a recovery code; false if it is not one of the account's unused codes.
pub async fn use_recovery_code(
    db: &Db,
    account: AccountId,
    code_hash: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL",
    )
    .bind(account)
    .bind(code_hash)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn unused_recovery_codes(db: &Db, account: AccountId) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) AS n FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL",
    )
    .bind(account)
    .fetch_one(db.pool())
    .await?)
}
