//! Reading the plan: the whole plan, one goal's page and one goal's history.

use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{FamilyId, GoalId};
use crate::domain::mi::change_talk::describe_trend;
use crate::domain::mi::stage::current;
use crate::domain::plain_check::check_plain_words;
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::page_data::plan::{GoalHistory, GoalPage, Plan};
use crate::services::plan_scope::PlanScope;
use crate::store::{self, audit};

/// The whole plan, for the family page.
pub async fn plan(caller: &Caller, family: FamilyId) -> Result<Plan, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewPlan,
        RecordKind::Plan,
    )
    .await?;
    let db = &caller.state.db;
    let goals = scope.goals(caller).await?;
    let safety = store::goals::safety_for_family(db, family).await?;
    let child_name = |id| scope.member_name(id);
    let houses = store::family_voice::houses_for_family(db, family, &child_name).await?;
    let mut words: Vec<_> = store::family_voice::words_for_family(db, family)
        .await?
        .into_iter()
        .map(|w| w.words)
        .collect();
    words.reverse();
    audit::record(db, &entry).await?;
    let can_edit = can_edit(caller, &scope);
    Ok(Plan {
        family_id: family,
        members: scope.members,
        safety,
        goals,
        houses,
        family_words: words,
        can_edit,
        today: scope.today,
    })
}

pub(crate) fn can_edit(caller: &Caller, scope: &PlanScope) -> bool {
    caller.viewer().is_ok_and(|viewer| {
        decide(
            viewer,
            Action::EditPlan,
            Target::Family {
                family_id: scope.family.id,
                team_id: scope.team,
                authority_id: scope.authority,
            },
        )
        .is_allowed()
    })
}

pub async fn goal_page(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
) -> Result<GoalPage, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewGoal,
        RecordKind::Goal,
    )
    .await?;
    let db = &caller.state.db;
    let goal = scope.goal(caller, goal).await?;
    let mut words: Vec<_> = store::family_voice::words_for_family(db, family)
        .await?
        .into_iter()
        .map(|w| w.words)
        .filter(|w| w.goal_id == Some(goal.id))
        .collect();
    words.reverse();
    let stage = store::motivation::stages(db, goal.id).await?;
    let stage = current(&stage).cloned();
    let talk_trend = describe_trend(&store::motivation::tallies(db, goal.id).await?);
    let prompts = crate::services::prompts::offered_for(
        db,
        scope.team,
        &goal,
        stage.as_ref().map(|s| s.stage),
        scope.today,
    )
    .await?;
    audit::record(db, &entry.record(goal.id)).await?;
    Ok(GoalPage {
        stage,
        talk_trend,
        prompts,
        family_id: family,
        family_name: scope.family.name.clone(),
        advice: check_plain_words(&goal.family_words).messages(),
        can_edit: can_edit(caller, &scope),
        today: scope.today,
        members: scope.members,
        goal,
        family_words: words,
    })
}

pub async fn goal_history(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
) -> Result<GoalHistory, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewGoalHistory,
        RecordKind::Goal,
    )
    .await?;
    let goal = scope.goal(caller, goal).await?;
    let changes = store::plan_history::for_goal(&caller.state.db, goal.id)
        .await?
        .into_iter()
        .map(|c| c.change)
        .collect();
    audit::record(&caller.state.db, &entry.record(goal.id)).await?;
    Ok(GoalHistory {
        family_id: family,
        family_name: scope.family.name.clone(),
        goal_id: goal.id,
        goal_title: goal.family_words,
        changes,
    })
}
