//! A family member's own work on one of their goals: their rulers with the follow-ups, their
//! change plan, and their decisional balance. They act only on goals shared with them.

use super::own_plan::{own_scope, visible_goal};
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::fields::parse_version;
use crate::domain::ids::{BalanceItemId, ChangePlanWordsId, CheckInId, GoalId};
use crate::domain::mi::balance::{parse_item, BalanceItemForm};
use crate::domain::mi::change_plan::{parse_plan, ChangePlanForm, PlanPart};
use crate::domain::mi::ruler::{parse_own_ruler, OwnRulerForm};
use crate::error::AppError;
use crate::page_data::change_work::{MemberPlan, OwnChangeWork};
use crate::services::new_id;
use crate::store::change_plans::{NewBalanceItem, NewPlanWords};
use crate::store::goals::NewCheckIn;
use crate::store::{self, audit, now_ms};

pub async fn own_change_work(caller: &Caller, goal: GoalId) -> Result<OwnChangeWork, AppError> {
    let (scope, entry, member) =
        own_scope(caller, Action::ViewOwnPage, AuditAction::ViewOwnChangePlan).await?;
    let goal = visible_goal(caller, &scope, member, goal).await?;
    let db = &caller.state.db;
    let plan = store::change_plans::plans(db, goal.id, Some(member))
        .await?
        .remove(&member)
        .unwrap_or_default();
    let balance = store::change_plans::balances(db, goal.id, Some(member))
        .await?
        .remove(&member)
        .unwrap_or_default();
    audit::record(db, &entry.record(goal.id)).await?;
    Ok(OwnChangeWork {
        mine: MemberPlan {
            member,
            name: scope.member_name(member),
            plan,
            balance,
        },
        today: scope.today,
        goal,
    })
}

/// Saves the parts of the plan that changed. `version` is how many answers the plan had when
/// the form was opened: if another device saved since, nothing is overwritten.
pub async fn save_plan(
    caller: &Caller,
    goal: GoalId,
    save: ChangePlanWordsId,
    form: &ChangePlanForm,
) -> Result<(), AppError> {
    let answers = form.answers();
    let (scope, entry, member) = own_scope(
        caller,
        Action::UpdateOwnPlan,
        AuditAction::SaveOwnChangePlan,
    )
    .await?;
    let goal = visible_goal(caller, &scope, member, goal).await?;
    let db = &caller.state.db;
    let plan = store::change_plans::plans(db, goal.id, Some(member))
        .await?
        .remove(&member)
        .unwrap_or_default();
    // A retried save is already there: nothing more to do.
    if plan.answers.iter().any(|w| w.id == save) {
        return Ok(());
    }
    let keep_typed = |mut errors: crate::error::FieldErrors| {
        for (part, text) in &answers {
            if errors.value(part.code()).is_none() {
                errors.keep(part.code(), text);
            }
        }
        errors
    };
    let from = parse_version(&form.version).map_err(|message| {
        let mut errors = crate::error::FieldErrors::default();
        errors.add("version", message);
        AppError::Invalid(keep_typed(errors))
    })?;
    let conflict = |saved: i64| {
        let mut errors = crate::error::FieldErrors::default();
        errors.add(
            PlanPart::Changes.code(),
            "Your plan was saved from another phone or computer since you opened this page. \
             What you typed is below: check it against your plan, then save again.",
        );
        errors.keep("version", &saved.to_string());
        AppError::EditConflict(keep_typed(errors))
    };
    if from != plan.version() {
        return Err(conflict(plan.version()));
    }
    let changed = parse_plan(&plan, &answers)?;
    let Some(mut write) = new_id::write_new(caller, save, goal.id.0, &entry).await? else {
        return Ok(());
    };
    // Checked again under the write lock: another save may have landed since the read above.
    let saved = store::change_plans::answers_saved(&mut write, goal.id, member).await?;
    if saved != from {
        return Err(conflict(saved));
    }
    let added = store::change_plans::insert_words(
        &mut write,
        &NewPlanWords {
            goal: goal.id,
            member,
            author: caller.viewer()?.account_id,
            by_member: true,
            save,
            parts: &changed,
            now: now_ms(),
        },
    )
    .await?;
    if added {
        let parts: Vec<&str> = changed.iter().map(|(p, _)| p.label()).collect();
        audit::append(&mut write, &entry.record(save).detail(parts.join("; "))).await?;
    }
    write.commit().await?;
    Ok(())
}

/// The member's own importance or confidence ruler, dated today, with the follow-ups.
pub async fn give_ruler(
    caller: &Caller,
    goal: GoalId,
    id: CheckInId,
    form: &OwnRulerForm,
) -> Result<(), AppError> {
    let (scope, entry, member) =
        own_scope(caller, Action::UpdateOwnPlan, AuditAction::FamilyRuler).await?;
    let goal = visible_goal(caller, &scope, member, goal).await?;
    let ruler = parse_own_ruler(form)?;
    let Some(mut write) = new_id::write_new(caller, id, goal.id.0, &entry).await? else {
        return Ok(());
    };
    let added = store::goals::insert_check_in(
        &mut write,
        &NewCheckIn {
            id,
            goal: goal.id,
            scale: ruler.scale,
            score: ruler.score,
            given_on: scope.today,
            given_by: caller.viewer()?.account_id,
            comment: "",
            answers: &ruler.answers,
            now: now_ms(),
        },
    )
    .await?;
    if added {
        audit::append(
            &mut write,
            &entry
                .record(id)
                // Which scale, never the score: the trail holds no case content.
                .detail(ruler.scale.label()),
        )
        .await?;
    }
    write.commit().await?;
    Ok(())
}

pub async fn add_balance_item(
    caller: &Caller,
    goal: GoalId,
    id: BalanceItemId,
    form: &BalanceItemForm,
) -> Result<(), AppError> {
    let (scope, entry, member) =
        own_scope(caller, Action::UpdateOwnPlan, AuditAction::AddBalanceItem).await?;
    let goal = visible_goal(caller, &scope, member, goal).await?;
    let (quadrant, body) = parse_item(form)?;
    let item = NewBalanceItem {
        id,
        goal: goal.id,
        member,
        quadrant,
        body: &body,
        author: caller.viewer()?.account_id,
        by_member: true,
        now: now_ms(),
    };
    super::balance::add(caller, entry, &item).await
}

pub async fn remove_balance_item(
    caller: &Caller,
    goal: GoalId,
    id: BalanceItemId,
) -> Result<(), AppError> {
    let (scope, entry, member) = own_scope(
        caller,
        Action::UpdateOwnPlan,
        AuditAction::RemoveBalanceItem,
    )
    .await?;
    let goal = visible_goal(caller, &scope, member, goal).await?;
    super::balance::take_back(caller, entry, goal.id, id).await
}
