//! The team's side of working on change for one goal: stages of change, the change talk
//! heard, notes beside a family member's change plan, and a decisional balance filled in with
//! them.

use super::plan::can_edit;
use super::plan_scope::PlanScope;
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::family::MemberKind;
use crate::domain::goal::Goal;
use crate::domain::ids::{
    BalanceItemId, ChangePlanWordsId, FamilyId, GoalId, MemberId, StageNoteId, TallyId,
};
use crate::domain::mi::balance::{parse_item, BalanceItemForm};
use crate::domain::mi::change_plan::parse_note;
use crate::domain::mi::change_talk::{describe_trend, parse_required_tally, TallyForm};
use crate::domain::mi::stage::{current, parse_stage, StageForm};
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::page_data::change_work::{ChangeWork, Conversation, GoalChange, MemberPlan};
use crate::services::new_id;
use crate::store::audit::NewEntry;
use crate::store::change_plans::{NewBalanceItem, NewPlanWords};
use crate::store::motivation::NewTally;
use crate::store::{self, audit, now_ms};

/// The adults who can see the goal: each may have a change plan and a balance of their own.
fn planners(scope: &PlanScope, goal: &Goal) -> Vec<(MemberId, String)> {
    scope
        .members
        .iter()
        .filter(|m| m.kind == MemberKind::Adult && goal.visible_to.contains(&m.id))
        .map(|m| (m.id, m.name.clone()))
        .collect()
}

pub async fn change_work(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
) -> Result<ChangeWork, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewChangeWork,
        RecordKind::Goal,
    )
    .await?;
    let db = &caller.state.db;
    let goal = scope.goal(caller, goal).await?;
    let stages = store::motivation::stages(db, goal.id).await?;
    let tallies = store::motivation::tallies(db, goal.id).await?;
    let mut plans = store::change_plans::plans(db, goal.id, None).await?;
    let mut balances = store::change_plans::balances(db, goal.id, None).await?;
    let prompts = super::prompts::offered_for(
        db,
        scope.team,
        &goal,
        current(&stages).map(|s| s.stage),
        scope.today,
    )
    .await?;
    audit::record(db, &entry.record(goal.id)).await?;
    Ok(ChangeWork {
        family_id: family,
        family_name: scope.family.name.clone(),
        plans: planners(&scope, &goal)
            .into_iter()
            .map(|(member, name)| MemberPlan {
                member,
                name,
                plan: plans.remove(&member).unwrap_or_default(),
                balance: balances.remove(&member).unwrap_or_default(),
            })
            .collect(),
        can_edit: can_edit(caller, &scope),
        today: scope.today,
        goal,
        stages,
        tallies,
        prompts,
    })
}

/// Opens the goal for a change by the team.
async fn edit(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    audit_action: AuditAction,
    kind: RecordKind,
) -> Result<(PlanScope, Goal, NewEntry), AppError> {
    let (scope, entry) =
        PlanScope::open(caller, family, Action::EditPlan, audit_action, kind).await?;
    let goal = scope.goal(caller, goal).await?;
    Ok((scope, goal, entry))
}

pub async fn record_stage(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    id: StageNoteId,
    form: &StageForm,
) -> Result<(), AppError> {
    let (scope, goal, entry) = edit(
        caller,
        family,
        goal,
        AuditAction::RecordStage,
        RecordKind::Stage,
    )
    .await?;
    let input = parse_stage(form, scope.today)?;
    let Some(mut write) = new_id::write_new(caller, id, goal.id.0, &entry).await? else {
        return Ok(());
    };
    let viewer = caller.viewer()?;
    if store::motivation::insert_stage(&mut write, id, goal.id, &input, viewer.account_id, now_ms())
        .await?
    {
        audit::append(&mut write, &entry.record(id)).await?;
    }
    write.commit().await?;
    Ok(())
}

/// The change talk heard in a session, noted on its own rather than with a visit.
pub async fn record_tally(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    id: TallyId,
    form: &TallyForm,
) -> Result<(), AppError> {
    let (scope, goal, entry) = edit(
        caller,
        family,
        goal,
        AuditAction::RecordChangeTalk,
        RecordKind::ChangeTalk,
    )
    .await?;
    let input = parse_required_tally(form, scope.today)?;
    let Some(mut write) = new_id::write_new(caller, id, goal.id.0, &entry).await? else {
        return Ok(());
    };
    let added = store::motivation::insert_tally(
        &mut write,
        &NewTally {
            id,
            goal: goal.id,
            entry: None,
            input: &input,
            by: caller.viewer()?.account_id,
            now: now_ms(),
        },
    )
    .await?;
    if added {
        audit::append(&mut write, &entry.record(id)).await?;
    }
    write.commit().await?;
    Ok(())
}

/// A member of the family who can see the goal, or not found.
fn planner(scope: &PlanScope, goal: &Goal, member: MemberId) -> Result<MemberId, AppError> {
    planners(scope, goal)
        .into_iter()
        .map(|(id, _)| id)
        .find(|id| *id == member)
        .ok_or(AppError::NotFound)
}

pub async fn note_on_plan(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    member: MemberId,
    id: ChangePlanWordsId,
    part: &str,
    body: &str,
) -> Result<(), AppError> {
    let (scope, goal, entry) = edit(
        caller,
        family,
        goal,
        AuditAction::NoteOnChangePlan,
        RecordKind::ChangePlan,
    )
    .await?;
    let member = planner(&scope, &goal, member)?;
    let (part, body) = parse_note(part, body).map_err(|mut e| {
        e.keep("member", &member.to_string());
        AppError::Invalid(e)
    })?;
    let Some(mut write) = new_id::write_new(caller, id, goal.id.0, &entry).await? else {
        return Ok(());
    };
    let added = store::change_plans::insert_words(
        &mut write,
        &NewPlanWords {
            goal: goal.id,
            member,
            author: caller.viewer()?.account_id,
            by_member: false,
            save: id,
            parts: &[(part, body)],
            now: now_ms(),
        },
    )
    .await?;
    if added {
        audit::append(&mut write, &entry.record(id).detail(part.label())).await?;
    }
    write.commit().await?;
    Ok(())
}

/// An item written by a worker with the family member, in a session.
pub async fn add_balance_item(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    member: MemberId,
    id: BalanceItemId,
    form: &BalanceItemForm,
) -> Result<(), AppError> {
    let (scope, goal, entry) = edit(
        caller,
        family,
        goal,
        AuditAction::AddBalanceItem,
        RecordKind::BalanceItem,
    )
    .await?;
    let member = planner(&scope, &goal, member)?;
    let (quadrant, body) = parse_item(form).map_err(|mut e| {
        e.keep("member", &member.to_string());
        AppError::Invalid(e)
    })?;
    let item = NewBalanceItem {
        id,
        goal: goal.id,
        member,
        quadrant,
        body: &body,
        author: caller.viewer()?.account_id,
        by_member: false,
        now: now_ms(),
    };
    super::balance::add(caller, entry, &item).await
}

/// Takes back an item the worker wrote; another person's item is not found.
pub async fn remove_balance_item(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    id: BalanceItemId,
) -> Result<(), AppError> {
    let (_, goal, entry) = edit(
        caller,
        family,
        goal,
        AuditAction::RemoveBalanceItem,
        RecordKind::BalanceItem,
    )
    .await?;
    super::balance::take_back(caller, entry, goal.id, id).await
}

/// Prompts for a visit or session about one of the family's open goals.
pub async fn conversation(
    caller: &Caller,
    family: FamilyId,
    goal: Option<GoalId>,
) -> Result<Conversation, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewChangeWork,
        RecordKind::Goal,
    )
    .await?;
    let db = &caller.state.db;
    let goals: Vec<Goal> = scope
        .goals(caller)
        .await?
        .into_iter()
        .filter(|g| !g.status.is_closed())
        .collect();
    let chosen = goal.and_then(|id| goals.iter().find(|g| g.id == id));
    let offered = match chosen {
        Some(goal) => {
            let stages = store::motivation::stages(db, goal.id).await?;
            audit::record(db, &entry.record(goal.id).detail("prompts for a visit")).await?;
            Some(
                super::prompts::offered_for(
                    db,
                    scope.team,
                    goal,
                    current(&stages).map(|s| s.stage),
                    scope.today,
                )
                .await?,
            )
        }
        None => None,
    };
    Ok(Conversation {
        chosen: chosen.map(|g| g.id.to_string()),
        goals: goals
            .iter()
            .map(|g| {
                (
                    g.id.to_string(),
                    format!("{}: {}", g.owner_name, g.professional_words),
                )
            })
            .collect(),
        offered,
    })
}

/// Each open goal's stage and change talk trend, for a page that already opened the family.
pub async fn goal_changes(caller: &Caller, scope: &PlanScope) -> Result<Vec<GoalChange>, AppError> {
    let db = &caller.state.db;
    let mut changes = Vec::new();
    for goal in scope.goals(caller).await? {
        if goal.status.is_closed() {
            continue;
        }
        let stages = store::motivation::stages(db, goal.id).await?;
        let tallies = store::motivation::tallies(db, goal.id).await?;
        changes.push(GoalChange {
            goal: goal.id,
            label: format!("{}: {}", goal.owner_name, goal.professional_words),
            stage: current(&stages).map(|s| s.stage),
            trend: describe_trend(&tallies),
        });
    }
    Ok(changes)
}
