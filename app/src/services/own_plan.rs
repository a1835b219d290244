//! A family member's side of the plan: rating their goals, marking their steps done and
//! writing to their worker. They act only on what is shared with them.

use super::authorize;
use super::plan_scope::PlanScope;
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::family::MemberKind;
use crate::domain::family_view::goal_for_member;
use crate::domain::goal::Goal;
use crate::domain::ids::{CheckInId, CommentId, GoalId, MemberId};
use crate::domain::plain_words::family_date;
use crate::domain::plan_input::{parse_own_rating, parse_words};
use crate::domain::rating::Scale;
use crate::domain::record::RecordKind;
use crate::domain::viewer::ViewerKind;
use crate::error::AppError;
use crate::services::new_id;
use crate::store::audit::NewEntry;
use crate::store::families::FamilyTeam;
use crate::store::goals::NewCheckIn;
use crate::store::{self, audit, now_ms};

/// The signed-in family member's family, once the policy allows `action` on their own record and
/// while the family's work with the team goes on for them: a closed case, or a member who has
/// left the household, shows nothing more.
pub async fn own_scope(
    caller: &Caller,
    action: Action,
    audit_action: AuditAction,
) -> Result<(PlanScope, NewEntry, MemberId), AppError> {
    let (scope, entry, member) = own_scope_even_if_ended(caller, action, audit_action).await?;
    match ended_for(&scope, member) {
        Some(message) => Err(AppError::Conflict(message)),
        None => Ok((scope, entry, member)),
    }
}

/// Why the member's page no longer shows their family's plan, if it does not: kindly, since
/// they may read it on a bad day.
pub fn ended_for(scope: &PlanScope, member: MemberId) -> Option<String> {
    let help = "If you need help, or think this is wrong, please contact children's services.";
    if let Some(closed) = &scope.family.closed {
        return Some(format!(
            "Our work with your family finished on {}, so your plan is no longer shown here. Thank you for the work you did with us. {help}",
            family_date(closed.on)
        ));
    }
    let me = scope.family.members.iter().find(|m| m.id == member)?;
    (!me.in_household_on(scope.today)).then(|| {
        format!(
            "Our records say you left the household, so your family's plan is no longer shown here. {help}"
        )
    })
}

/// [`own_scope`], also for a family whose work has ended: their page says so.
pub async fn own_scope_even_if_ended(
    caller: &Caller,
    action: Action,
    audit_action: AuditAction,
) -> Result<(PlanScope, NewEntry, MemberId), AppError> {
    let viewer = caller.viewer()?;
    let ViewerKind::FamilyMember { member_id, .. } = viewer.kind else {
        let entry = caller.entry(audit_action, RecordKind::Member);
        return authorize(caller, action, Target::Own, entry)
            .await
            .and(Err(AppError::Forbidden));
    };
    let db = &caller.state.db;
    let place = store::families::place_of(db, member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let target = Target::Member {
        family_id: place.family_id,
        team_id: place.team_id,
        member_id,
        is_adult: place.kind == MemberKind::Adult,
    };
    let entry = caller
        .entry(audit_action, RecordKind::Member)
        .about_family(place.family_id, place.team_id)
        .record(member_id);
    let decision = authorize(caller, action, target, entry.clone()).await?;
    let family = store::families::one(db, place.family_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        PlanScope::from_family(
            family,
            FamilyTeam {
                team: place.team_id,
                authority: place.authority_id,
            },
            decision,
        ),
        entry,
        member_id,
    ))
}

/// A goal the member may see, as they may see it; anything else is not found.
pub async fn visible_goal(
    caller: &Caller,
    scope: &PlanScope,
    member: MemberId,
    goal: GoalId,
) -> Result<Goal, AppError> {
    scope
        .goals(caller)
        .await?
        .into_iter()
        .find(|g| g.id == goal)
        .and_then(|g| goal_for_member(g, member))
        .ok_or(AppError::NotFound)
}

/// The member's own 0–10 rating of a goal, with an optional comment, dated today.
pub async fn rate_goal(
    caller: &Caller,
    goal: GoalId,
    id: CheckInId,
    score: &str,
    comment: &str,
) -> Result<(), AppError> {
    let (scope, entry, member) =
        own_scope(caller, Action::UpdateOwnPlan, AuditAction::FamilyRating).await?;
    let goal = visible_goal(caller, &scope, member, goal).await?;
    // Each goal on the page has its own form: the kept goal id says which one this answers.
    let (score, comment) = parse_own_rating(score, comment).map_err(|mut errors| {
        errors.keep("goal", &goal.id.to_string());
        AppError::Invalid(errors)
    })?;
    let viewer = caller.viewer()?;
    let Some(mut write) = new_id::write_new(caller, id, goal.id.0, &entry).await? else {
        return Ok(());
    };
    let added = store::goals::insert_check_in(
        &mut write,
        &NewCheckIn {
            id,
            goal: goal.id,
            scale: Scale::Family,
            score,
            given_on: scope.today,
            given_by: viewer.account_id,
            comment: &comment,
            answers: &Default::default(),
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

/// "What I want my worker to know": about one of their goals, or in general.
pub async fn add_words(
    caller: &Caller,
    id: CommentId,
    goal: Option<GoalId>,
    body: &str,
) -> Result<(), AppError> {
    let (scope, entry, member) =
        own_scope(caller, Action::UpdateOwnPlan, AuditAction::FamilyWords).await?;
    if let Some(goal) = goal {
        visible_goal(caller, &scope, member, goal).await?;
    }
    let body = parse_words(body, "what you want your worker to know").map_err(|mut errors| {
        errors.keep("goal", &goal.map(|g| g.to_string()).unwrap_or_default());
        AppError::Invalid(errors)
    })?;
    let viewer = caller.viewer()?;
    let Some(mut write) = new_id::write_new(caller, id, scope.family.id.0, &entry).await? else {
        return Ok(());
    };
    let added = store::family_voice::insert_words(
        &mut write,
        &store::family_voice::NewWords {
            id,
            family: scope.family.id,
            goal,
            member,
            author: viewer.account_id,
            reply_to: None,
            body: &body,
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
