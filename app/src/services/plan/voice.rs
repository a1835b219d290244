//! The family's and the child's voice on the plan: a child's Three Houses, and a practitioner's
//! reply to a family member's words (the words themselves are never changed).

use super::edit_scope;
use crate::auth::caller::Caller;
use crate::domain::audit::AuditAction;
use crate::domain::ids::{CommentId, FamilyId, HousesId};
use crate::domain::plan_input::{parse_houses, parse_words, HousesForm};
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::services::new_id;
use crate::store::{self, audit, now_ms};

pub async fn record_houses(
    caller: &Caller,
    family: FamilyId,
    id: HousesId,
    form: &HousesForm,
) -> Result<(), AppError> {
    let (scope, entry) = edit_scope(
        caller,
        family,
        AuditAction::RecordThreeHouses,
        RecordKind::ThreeHouses,
    )
    .await?;
    let input = parse_houses(form, &scope.context())?;
    let Some(mut write) = new_id::write_new(caller, id, family.0, &entry).await? else {
        return Ok(());
    };
    if store::family_voice::insert_houses(
        &mut write,
        family,
        id,
        &input,
        caller.viewer()?.account_id,
        now_ms(),
    )
    .await?
    {
        audit::append(&mut write, &entry.record(id)).await?;
    }
    write.commit().await?;
    Ok(())
}

/// A practitioner's reply to a family member's words; the words themselves are never changed.
pub async fn reply(
    caller: &Caller,
    id: CommentId,
    reply_to: CommentId,
    body: &str,
) -> Result<FamilyId, AppError> {
    let db = &caller.state.db;
    let (family, member, goal) = store::family_voice::place_of_words(db, reply_to)
        .await?
        .ok_or(AppError::NotFound)?;
    let (_, entry) = edit_scope(
        caller,
        family,
        AuditAction::ReplyToFamily,
        RecordKind::FamilyWords,
    )
    .await?;
    let body = parse_words(body, "your reply").map_err(|mut errors| {
        // Several reply forms share a page: this says which one the answer belongs to.
        errors.keep("reply_to", &reply_to.to_string());
        AppError::Invalid(errors)
    })?;
    let Some(mut write) = new_id::write_new(caller, id, family.0, &entry).await? else {
        return Ok(family);
    };
    let added = store::family_voice::insert_words(
        &mut write,
        &store::family_voice::NewWords {
            id,
            family,
            goal,
            member,
            author: caller.viewer()?.account_id,
            reply_to: Some(reply_to),
            body: &body,
            now: now_ms(),
        },
    )
    .await?;
    if added {
        audit::append(&mut write, &entry.record(id)).await?;
    }
    write.commit().await?;
    Ok(family)
}
