//! Reads made inside a write transaction, for rules that must hold under the write lock: whether
//! a new record's id is free, and what a chapter already has for a period. Read before the lock,
//! two saves could both pass the check.

use super::db::WriteTx;
use super::row::{Day, StoreError};
use crate::domain::ids::FamilyId;
use crate::domain::record::{RecordKind, RecordRef};
use crate::domain::role::StaffRole;
use crate::domain::workbook::EntryKind;
use chrono::NaiveDate;
use uuid::Uuid;

/// Whether a new record may take its id: the page made it, so it is either free, the same
/// record sent again, or already some other record's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    Free,
    /// A record of this kind with this id already belongs to `owner`: a retried save.
    Retry,
    /// The id names a record of another kind, or of this kind but someone else's.
    Taken,
}

/// Claims `record`'s id for a new record belonging to `owner` (its family, goal or team; see
/// [`owner_of`]). Read under the write lock, so no other save can take the id in between.
pub async fn claim(
    write: &mut WriteTx,
    record: RecordRef,
    owner: Uuid,
) -> Result<Claim, StoreError> {
    let kind: Option<RecordKind> = sqlx::query_scalar("SELECT kind FROM record_ids WHERE id = $1")
        .bind(record)
        .fetch_optional(&mut *write.tx)
        .await?;
    Ok(match kind {
        None => Claim::Free,
        Some(kind) if kind != record.kind() => Claim::Taken,
        Some(_) if owner_of(write, record).await? == Some(owner.to_string()) => Claim::Retry,
        Some(_) => Claim::Taken,
    })
}

/// The id of what a record belongs to: its family, its goal (steps and the work on a goal), its
/// team (a team's own prompt, a family), its council (a team, an account) or its account (a
/// set-up code);
/// `None` while its id is free.
pub async fn owner_of(
    write: &mut WriteTx,
    record: RecordRef,
) -> Result<Option<String>, StoreError> {
    let sql = match record {
        RecordRef::Goal(_) => "SELECT family_id FROM goals WHERE id = $1",
        RecordRef::Step(_) => "SELECT goal_id FROM steps WHERE id = $1",
        RecordRef::Safety(_) => "SELECT family_id FROM safety_statements WHERE id = $1",
        RecordRef::Entry(_) => "SELECT family_id FROM workbook_entries WHERE id = $1",
        RecordRef::CheckIn(_) => "SELECT goal_id FROM check_ins WHERE id = $1",
        RecordRef::FamilyWords(_) => "SELECT family_id FROM family_words WHERE id = $1",
        RecordRef::ThreeHouses(_) => "SELECT family_id FROM three_houses WHERE id = $1",
        RecordRef::Stage(_) => "SELECT goal_id FROM goal_stages WHERE id = $1",
        RecordRef::ChangeTalk(_) => "SELECT goal_id FROM change_talk WHERE id = $1",
        RecordRef::ChangePlan(_) => "SELECT goal_id FROM change_plan_words WHERE id = $1",
        RecordRef::BalanceItem(_) => "SELECT goal_id FROM balance_items WHERE id = $1",
        RecordRef::Supervision(_) => "SELECT family_id FROM supervisions WHERE id = $1",
        RecordRef::Prompt(_) => "SELECT team_id FROM mi_prompts WHERE id = $1",
        RecordRef::Invitation(_) => "SELECT member_id FROM invitations WHERE id = $1",
        RecordRef::Team(_) => "SELECT authority_id FROM teams WHERE id = $1",
        RecordRef::Account(_) => "SELECT authority_id FROM accounts WHERE id = $1",
        RecordRef::SetUpCode(_) => "SELECT account_id FROM set_up_codes WHERE id = $1",
        RecordRef::Family(_) => "SELECT team_id FROM families WHERE id = $1",
        RecordRef::Member(_) => "SELECT family_id FROM members WHERE id = $1",
        RecordRef::LegalStatus(_) => "SELECT family_id FROM legal_statuses WHERE id = $1",
        RecordRef::Finding(_) => "SELECT family_id FROM findings WHERE id = $1",
        RecordRef::Withholding(_) => "SELECT request_id FROM withholdings WHERE id = $1",
        RecordRef::LegalHold(_) => "SELECT family_id FROM legal_holds WHERE id = $1",
        RecordRef::RetentionExtension(_) => {
            "SELECT family_id FROM retention_extensions WHERE id = $1"
        }
        RecordRef::InformationRequest(_) => {
            "SELECT family_id FROM information_requests WHERE id = $1"
        }
        other => return Err(StoreError::NotClaimable(other.kind())),
    };
    Ok(sqlx::query_scalar::<_, String>(sql)
        .bind(record)
        .fetch_optional(&mut *write.tx)
        .await?)
}

/// The days of a chapter's monthly summaries and of the family's group supervisions, which
/// together say which period each summary covers.
pub async fn summaries_and_supervisions(
    write: &mut WriteTx,
    family: FamilyId,
    chapter: StaffRole,
) -> Result<(Vec<NaiveDate>, Vec<NaiveDate>), StoreError> {
    let summaries: Vec<Day> = sqlx::query_scalar(
        "SELECT occurred_on FROM workbook_entries WHERE family_id = $1 AND chapter = $2 AND kind = $3",
    )
    .bind(family)
    .bind(chapter)
    .bind(EntryKind::MonthlySummary)
    .fetch_all(&mut *write.tx)
    .await?;
    let held: Vec<Day> =
        sqlx::query_scalar("SELECT held_on FROM supervisions WHERE family_id = $1")
            .bind(family)
            .fetch_all(&mut *write.tx)
            .await?;
    Ok((
        summaries.into_iter().map(NaiveDate::from).collect(),
        held.into_iter().map(NaiveDate::from).collect(),
    ))
}
