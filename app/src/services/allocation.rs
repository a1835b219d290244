//! Choosing who works with a family (one worker per allocated role, from the family's team) and
//! moving a family to another team: its team's manager or the council's administrators. Every
//! change ends one period of the history and starts the next.

use super::authorize;
use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{AccountId, FamilyId, TeamId};
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::error::{AppError, FieldErrors};
use crate::page_data::administration::TeamChoice;
use crate::page_data::allocation::{AllocationView, Candidate, RoleAllocation, NO_ONE};
use crate::store::audit::NewEntry;
use crate::store::families::FamilyTeam;
use crate::store::{self, audit, now_ms};

/// The family's team, once the policy allows `caller` to allocate for it.
async fn allowed(
    caller: &Caller,
    family: FamilyId,
    entry: &NewEntry,
) -> Result<FamilyTeam, AppError> {
    let place = store::families::team_of(&caller.state.db, family)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(
        caller,
        Action::Allocate,
        place.target(family),
        entry.clone(),
    )
    .await?;
    Ok(place)
}

pub async fn view(caller: &Caller, family: FamilyId) -> Result<AllocationView, AppError> {
    let entry = caller.entry(AuditAction::ViewAllocation, RecordKind::Family);
    let place = allowed(caller, family, &entry).await?;
    let db = &caller.state.db;
    let stored = store::families::one(db, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let candidates = store::allocations::candidates(db, place.team).await?;
    let roles = StaffRole::ALLOCATED
        .into_iter()
        .map(|role| RoleAllocation {
            role,
            current: stored
                .allocations
                .iter()
                .find(|a| a.role == role)
                .map(|a| Candidate {
                    id: a.worker_id,
                    name: a.worker_name.clone(),
                    role,
                }),
            choices: candidates
                .iter()
                .filter(|c| c.role == role)
                .cloned()
                .collect(),
        })
        .collect();
    let view = AllocationView {
        family_id: family,
        family_name: stored.name,
        team: TeamChoice {
            id: place.team,
            name: stored.team_name,
        },
        roles,
        teams: store::teams::choices(db, place.authority).await?,
        history: store::allocations::history(db, family).await?,
        reads_family: decide(caller.viewer()?, Action::ViewFamily, place.target(family))
            .is_allowed(),
    };
    audit::record(db, &entry.about_family(family, place.team)).await?;
    Ok(view)
}

/// A refusal beside one role's choice: `role` says which of the page's forms it belongs to.
fn worker_error(role: StaffRole, message: impl Into<String>, worker: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("worker", message);
    errors.keep("worker", worker);
    errors.keep("role", role.code());
    errors
}

/// A worker's id, or no one ([`NO_ONE`], or empty).
fn parse_worker(text: &str) -> Result<Option<AccountId>, ()> {
    let text = text.trim();
    if text.is_empty() || text == NO_ONE {
        return Ok(None);
    }
    AccountId::parse(text).map(Some).ok_or(())
}

/// Allocates `worker` (or no one) to `role`. `was` is the worker the page showed: if someone
/// changed the allocation meanwhile, nothing is saved and the page says who it is now.
pub async fn allocate(
    caller: &Caller,
    family: FamilyId,
    role: &str,
    worker: &str,
    was: &str,
) -> Result<(), AppError> {
    let role = StaffRole::from_code(role.trim())
        .filter(|r| StaffRole::ALLOCATED.contains(r))
        .ok_or(AppError::NotFound)?;
    let entry = caller.entry(AuditAction::ChangeAllocation, RecordKind::Family);
    let place = allowed(caller, family, &entry).await?;
    let db = &caller.state.db;
    let chosen = parse_worker(worker).map_err(|()| AppError::NotFound)?;
    let shown = parse_worker(was).map_err(|()| AppError::NotFound)?;
    let candidates = store::allocations::candidates(db, place.team).await?;
    let name_of = |id: Option<AccountId>| -> String {
        id.and_then(|id| candidates.iter().find(|c| c.id == id))
            .map_or_else(|| "no one".to_string(), |c| c.name.clone())
    };
    let mut write = db.write().await?;
    let current = store::allocations::current_in(&mut write, family, role).await?;
    if current != shown {
        let now_is = match current {
            Some(id) => store::staff::name_in(&mut write, id).await?,
            None => "no one".to_string(),
        };
        let errors = worker_error(
            role,
            format!("Someone else changed this while you were choosing: the {} is now {now_is}. Nothing was saved; choose again.", role.label().to_lowercase()),
            worker,
        );
        return Err(AppError::EditConflict(errors));
    }
    // Unchanged is no change, even when the worker shown has since been disabled.
    if current == chosen {
        return Ok(());
    }
    if let Some(id) = chosen {
        if !candidates.iter().any(|c| c.id == id && c.role == role) {
            return Err(AppError::Invalid(worker_error(
                role,
                format!(
                    "Choose a {} from the family's team, or no one",
                    role.label().to_lowercase()
                ),
                worker,
            )));
        }
    }
    let viewer = caller.viewer()?;
    store::allocations::replace(
        &mut write,
        family,
        role,
        chosen,
        Some(viewer.account_id),
        now_ms(),
    )
    .await?;
    let before = match current {
        Some(id) => store::staff::name_in(&mut write, id).await?,
        None => "no one".to_string(),
    };
    let detail = format!("{}: {before} → {}", role.label(), name_of(chosen));
    audit::append(
        &mut write,
        &entry.about_family(family, place.team).detail(detail),
    )
    .await?;
    write.commit().await?;
    Ok(())
}

/// Moves the family to another of the council's teams. Its allocations end; the new team's
/// manager allocates its own workers.
pub async fn move_family(caller: &Caller, family: FamilyId, team: &str) -> Result<(), AppError> {
    let entry = caller.entry(AuditAction::MoveFamily, RecordKind::Family);
    let place = allowed(caller, family, &entry).await?;
    let db = &caller.state.db;
    let refuse = |message: &str| {
        let mut errors = FieldErrors::default();
        errors.add("team", message);
        errors.keep("team", team);
        AppError::Invalid(errors)
    };
    let target = TeamId::parse(team.trim())
        .ok_or_else(|| refuse("Choose the team to move the family to"))?;
    let (authority, new_name) = store::teams::find(db, target)
        .await?
        .ok_or_else(|| refuse("Choose the team to move the family to"))?;
    if authority != place.authority {
        // Only a tampered form names another council's team.
        audit::record(
            db,
            &entry.clone().about_family(family, place.team).refused(),
        )
        .await?;
        return Err(AppError::Forbidden);
    }
    if target == place.team {
        return Ok(());
    }
    let (_, old_name) = store::teams::find(db, place.team)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = caller.viewer()?;
    let mut write = db.write().await?;
    store::allocations::move_family(&mut write, family, target, viewer.account_id, now_ms())
        .await?;
    let detail = format!("from {old_name} to {new_name}; its allocations ended");
    audit::append(
        &mut write,
        &entry.about_family(family, place.team).detail(detail),
    )
    .await?;
    write.commit().await?;
    Ok(())
}
