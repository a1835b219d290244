//! Domestic abuse separation: two adults of a family marked as kept apart, and the end of it.
//! Marking withdraws, in the same transaction, every share the separation forbids; from then on
//! the versioned-record kernel refuses any new one.

use super::scope;
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::family::MemberKind;
use crate::domain::ids::{FamilyId, MemberId};
use crate::domain::kept_apart::{parse_pair, KeptApartForm, Pair};
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::services::plan_scope::PlanScope;
use crate::store::{audit, kept_apart, now_ms};

fn adults(scope: &PlanScope) -> Vec<MemberId> {
    scope
        .family
        .members
        .iter()
        .filter(|m| m.kind == MemberKind::Adult)
        .map(|m| m.id)
        .collect()
}

async fn pair_in(
    caller: &Caller,
    family: FamilyId,
    action: AuditAction,
    form: &KeptApartForm,
) -> Result<(Pair, crate::store::audit::NewEntry), AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ManageCase,
        action,
        RecordKind::Family,
    )
    .await?;
    let pair = parse_pair(form, &adults(&scope))?;
    Ok((pair, entry))
}

pub async fn keep_apart(
    caller: &Caller,
    family: FamilyId,
    form: &KeptApartForm,
) -> Result<(), AppError> {
    let (pair, entry) = pair_in(caller, family, AuditAction::KeepApart, form).await?;
    let by = caller.viewer()?.account_id;
    let mut write = caller.state.db.write().await?;
    if kept_apart::current_in(&mut write, family)
        .await?
        .contains(&pair)
    {
        return Ok(());
    }
    kept_apart::mark(&mut write, family, pair, by, now_ms()).await?;
    let withdrawn = kept_apart::withdraw_shares(&mut write, family, pair).await?;
    audit::append(
        &mut write,
        &entry.detail(format!(
            "two adults kept apart; {withdrawn} shares withdrawn"
        )),
    )
    .await?;
    write.commit().await.map_err(AppError::from)
}

pub async fn end(caller: &Caller, family: FamilyId, form: &KeptApartForm) -> Result<(), AppError> {
    let (pair, entry) = pair_in(caller, family, AuditAction::EndKeepApart, form).await?;
    let by = caller.viewer()?.account_id;
    let mut write = caller.state.db.write().await?;
    if !kept_apart::end(&mut write, family, pair, by, now_ms()).await? {
        return Ok(());
    }
    // Nothing withdrawn comes back by itself: the team shares again what it chooses.
    audit::append(&mut write, &entry.detail("two adults no longer kept apart")).await?;
    write.commit().await.map_err(AppError::from)
}
