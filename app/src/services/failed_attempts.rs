//! Failed sign-ins and wrong invitation codes, written into the audit trail in batches: one
//! entry per login (or address) per batch, with how many and when, flagged for review. A batch
//! takes the write lock once, however many attempts a flood made. An entry names the account
//! when the login was one; a login that names no account is never written into the trail.

use crate::domain::audit::{AuditAction, Outcome};
use crate::domain::credentials::AttemptKind;
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::services::sign_in::FAILURE_WINDOW_MS;
use crate::store::audit::NewEntry;
use crate::store::login_failures::Failures;
use crate::store::{self, audit, Db};
use chrono::{DateTime, Utc};

/// An attempt is folded once it is this old: long enough for its password check to have ended,
/// so one that succeeded has taken its row back.
pub const SETTLE_MS: i64 = 60 * 1000;

/// How often the server folds attempts into the audit trail.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Writes the audit entries for attempts made up to `now - SETTLE_MS`; returns how many.
pub async fn audit_failures(db: &Db, now: i64) -> Result<usize, AppError> {
    let mut write = db.write().await?;
    let groups =
        store::login_failures::take_for_audit(&mut write, now - SETTLE_MS, now - FAILURE_WINDOW_MS)
            .await?;
    for group in &groups {
        audit::append(&mut write, &entry(group)).await?;
        if let (Some(account), true) = (group.account, group.unreported > 0) {
            store::accounts::add_failed_sign_ins(&mut write, account, group.unreported, group.last)
                .await?;
        }
    }
    write.commit().await?;
    Ok(groups.len())
}

fn entry(group: &Failures) -> NewEntry {
    let account = group.account;
    let when = |ms: i64| {
        DateTime::<Utc>::from_timestamp_millis(ms)
            .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
            .unwrap_or_default()
    };
    let span = if group.first == group.last {
        format!("at {}", when(group.first))
    } else {
        format!("from {} to {}", when(group.first), when(group.last))
    };
    let (action, kind, what) = match (group.kind, account) {
        (AttemptKind::InvitationCode, _) => (
            AuditAction::ClaimInvitation,
            RecordKind::Invitation,
            "wrong invitation codes",
        ),
        (AttemptKind::SetUpCode, _) => (
            AuditAction::UseSetUpCode,
            RecordKind::SetUpCode,
            "wrong set-up codes",
        ),
        (AttemptKind::SignIn, Some(_)) => (
            AuditAction::SignInRefused,
            RecordKind::Account,
            "failed sign-ins",
        ),
        (AttemptKind::SignIn, None) => (
            AuditAction::SignInRefused,
            RecordKind::Account,
            "failed sign-ins to a login that is no account",
        ),
    };
    let entry = NewEntry {
        actor_id: None,
        actor_name: "Not signed in".into(),
        action,
        record_kind: kind,
        record: None,
        family_id: None,
        // A manager sees refusals concerning their team's people.
        team_id: group.team,
        outcome: Outcome::Denied,
        detail: format!("{} {what} {span}", group.count),
        origin: group.origin.clone(),
        flagged: true,
    };
    match account {
        Some(account) => entry.record(account),
        None => entry,
    }
}
