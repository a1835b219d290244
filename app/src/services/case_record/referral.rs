//! Opening a family for a new referral: the household's name and its case-holding social
//! worker, in the viewer's team. Its people are then added one at a time. The page made the
//! family's id, so a retried form opens one family.

use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::household::{parse_new_family, NewFamilyForm};
use crate::domain::ids::{FamilyId, TeamId};
use crate::domain::record::{RecordKind, RecordRef};
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::page_data::administration::TeamChoice;
use crate::page_data::case_record::NewFamilyOptions;
use crate::services::{authorize, new_id};
use crate::store::audit::NewEntry;
use crate::store::{self, audit, now_ms};

/// The viewer's team, once the policy lets them open families in it.
async fn own_team(caller: &Caller, entry: &NewEntry) -> Result<TeamId, AppError> {
    let viewer = caller.viewer()?;
    let target = viewer.team_id().map_or(Target::Own, Target::Team);
    authorize(caller, Action::OpenFamily, target, entry.clone()).await?;
    viewer.team_id().ok_or(AppError::Forbidden)
}

/// The team's social workers, by name.
async fn social_workers(
    caller: &Caller,
    team: TeamId,
) -> Result<Vec<(crate::domain::ids::AccountId, String)>, AppError> {
    Ok(store::allocations::candidates(&caller.state.db, team)
        .await?
        .into_iter()
        .filter(|c| c.role == StaffRole::SocialWorker)
        .map(|c| (c.id, c.name))
        .collect())
}

pub async fn choices(caller: &Caller) -> Result<NewFamilyOptions, AppError> {
    let entry = caller.entry(AuditAction::OpenFamily, RecordKind::Team);
    let team = own_team(caller, &entry).await?;
    let (_, name) = store::teams::find(&caller.state.db, team)
        .await?
        .ok_or(AppError::NotFound)?;
    let social_workers = social_workers(caller, team).await?;
    let me = caller.viewer()?.account_id;
    Ok(NewFamilyOptions {
        team: TeamChoice { id: team, name },
        chosen: social_workers.iter().any(|(id, _)| *id == me).then_some(me),
        social_workers,
    })
}

/// Opens the family; its id, for the page to go on to adding its people.
pub async fn open(caller: &Caller, form: &NewFamilyForm) -> Result<FamilyId, AppError> {
    let entry = caller.entry(AuditAction::OpenFamily, RecordKind::Family);
    let team = own_team(caller, &entry).await?;
    let social_workers = social_workers(caller, team).await?;
    let ids: Vec<_> = social_workers.iter().map(|(id, _)| *id).collect();
    let input = parse_new_family(form, &ids)?;
    let entry = entry.about_family(input.id, team);
    let Some(mut write) =
        new_id::write_new(caller, RecordRef::Family(input.id), team.0, &entry).await?
    else {
        return Ok(input.id);
    };
    let now = now_ms();
    let by = caller.viewer()?.account_id;
    store::families::insert_family(&mut write, input.id, team, &input.name, now).await?;
    store::allocations::replace(
        &mut write,
        input.id,
        StaffRole::SocialWorker,
        Some(input.social_worker),
        Some(by),
        now,
    )
    .await?;
    audit::append(
        &mut write,
        &entry.detail("opened, with its social worker allocated"),
    )
    .await?;
    write.commit().await?;
    Ok(input.id)
}
