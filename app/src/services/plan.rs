//! A family's plan for the team: reading it, and every change to goals, steps, ratings, safety
//! statements and the child's voice. Each change is versioned, kept in the plan history and
//! recorded in the audit trail, in one transaction.

use super::plan_scope::PlanScope;
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::goal::{Goal, GoalStatus, StepWho};
use crate::domain::history::{
    goal_changes, safety_changes, step_changes, FieldChange, GoalFields, StepFields, Subject,
};
use crate::domain::ids::{CheckInId, CommentId, FamilyId, GoalId, HousesId, SafetyId, StepId};
use crate::domain::mi::change_talk::describe_trend;
use crate::domain::mi::stage::current;
use crate::domain::plain_check::check_plain_words;
use crate::domain::plain_words::staff_time;
use crate::domain::plan::{GoalHistory, GoalPage, Plan};
use crate::domain::plan_input::{
    parse_check_in, parse_goal, parse_houses, parse_safety, parse_step, parse_words, CheckInForm,
    GoalForm, HousesForm, SafetyForm, StepForm,
};
use crate::error::{AppError, FieldErrors};
use crate::store::goals::{NewCheckIn, Ordered};
use crate::store::plan_history::NewChange;
use crate::store::{self, audit, now_ms, WriteTx};

/// The whole plan, for the family page.
pub async fn plan(caller: &Caller, family: FamilyId) -> Result<Plan, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewPlan,
        "plan",
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
        crate::domain::access::decide(
            viewer,
            Action::EditPlan,
            crate::domain::access::Target::Family {
                family_id: scope.family.id,
                team_id: scope.team,
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
        "goal",
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
    let prompts = super::prompts::offered_for(
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
        "goal",
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

async fn edit_scope(
    caller: &Caller,
    family: FamilyId,
    audit_action: AuditAction,
    kind: &'static str,
) -> Result<(PlanScope, store::audit::NewEntry), AppError> {
    PlanScope::open(caller, family, Action::EditPlan, audit_action, kind).await
}

fn account(caller: &Caller) -> Result<crate::domain::ids::AccountId, AppError> {
    Ok(caller.viewer()?.account_id)
}

/// Someone saved `subject_id` after the form's `version`: say who changed what, and give the
/// form back with what was typed and the current version, so saving again is a choice.
pub(crate) async fn edit_conflict(
    caller: &Caller,
    subject_id: &str,
    from_version: i64,
    mut typed: FieldErrors,
) -> AppError {
    let changes = match store::plan_history::since_version(
        &caller.state.db,
        subject_id,
        from_version,
    )
    .await
    {
        Ok(changes) => changes,
        Err(error) => return error.into(),
    };
    let current = changes.last().map_or(from_version, |c| c.change.version);
    let described: Vec<String> = changes
        .iter()
        .map(|c| {
            let fields: Vec<String> = c
                .change
                .changes
                .iter()
                .map(|f| format!("{}: \"{}\" → \"{}\"", f.field, f.before, f.after))
                .collect();
            format!(
                "{} saved a change at {}: {}.",
                c.change.actor_name,
                staff_time(c.change.at),
                fields.join("; ")
            )
        })
        .collect();
    typed.errors.clear();
    typed.add(
        "version",
        format!(
            "Someone else saved this while you were editing, so your changes were not saved. {} What you typed is below: check it and save again.",
            described.join(" ")
        ),
    );
    typed.values.retain(|(field, _)| field != "version");
    typed.keep("version", &current.to_string());
    AppError::EditConflict(typed)
}

/// Keeps a change in the plan history (goals, steps, safety statements, workbook entries); an
/// empty change is not kept.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn record_change(
    write: &mut WriteTx,
    family: FamilyId,
    goal: Option<GoalId>,
    subject: Subject,
    subject_id: String,
    version: i64,
    caller: &Caller,
    reason: &str,
    changes: &[FieldChange],
) -> Result<(), AppError> {
    if changes.is_empty() {
        return Ok(());
    }
    store::plan_history::append(
        write,
        &NewChange {
            family,
            goal,
            subject,
            subject_id,
            version,
            actor: account(caller)?,
            at: now_ms(),
            reason,
            changes,
        },
    )
    .await?;
    Ok(())
}

pub struct GoalSave<'a> {
    pub family: FamilyId,
    pub id: GoalId,
    pub form: GoalForm<'a>,
}

/// Adds a goal (version 0) or saves an edit made from the form's version.
pub async fn save_goal(caller: &Caller, save: GoalSave<'_>) -> Result<(), AppError> {
    let audit_action = if save.form.version.trim().is_empty() || save.form.version.trim() == "0" {
        AuditAction::CreateGoal
    } else {
        AuditAction::UpdateGoal
    };
    let (scope, entry) = edit_scope(caller, save.family, audit_action, "goal").await?;
    let input = parse_goal(&save.form, &scope.context())?;
    let existing = scope
        .goals(caller)
        .await?
        .into_iter()
        .find(|g| g.id == save.id);
    let visible_names = scope.names(&input.visible_to);
    let owner_name = scope.member_name(input.owner);
    let after = GoalFields {
        owner_name: &owner_name,
        area: input.area,
        family_words: &input.family_words,
        professional_words: &input.professional_words,
        target_date: input.target_date,
        status: input.status,
        visible_to: &visible_names,
    };
    let now = now_ms();
    let db = &caller.state.db;
    if input.version == 0 {
        if existing.is_some() {
            // The same form sent twice: the goal is there already.
            return Ok(());
        }
        if store::goals::family_of_goal(db, save.id).await?.is_some() {
            return Err(AppError::NotFound);
        }
        let mut write = db.write().await?;
        if store::goals::insert_goal(&mut write, save.family, save.id, &input, now).await? {
            store::goals::set_shared(&mut write, save.id.into(), &input.visible_to).await?;
            let changes = goal_changes(None, &after);
            record_change(
                &mut write,
                save.family,
                Some(save.id),
                Subject::Goal,
                save.id.to_string(),
                1,
                caller,
                &input.reason,
                &changes,
            )
            .await?;
            audit::append(
                &mut write,
                &entry.record(save.id).detail(input.area.label()),
            )
            .await?;
        }
        write.commit().await?;
        return Ok(());
    }
    let current = existing.ok_or(AppError::NotFound)?;
    let typed = save.form.typed();
    if current.version != input.version {
        return Err(edit_conflict(caller, &save.id.to_string(), input.version, typed).await);
    }
    let before_visible = scope.names(&current.visible_to);
    let before = GoalFields {
        owner_name: &current.owner_name,
        area: current.area,
        family_words: &current.family_words,
        professional_words: &current.professional_words,
        target_date: current.target_date,
        status: current.status,
        visible_to: &before_visible,
    };
    let changes = goal_changes(Some(&before), &after);
    if changes.is_empty() {
        return Ok(());
    }
    let mut write = db.write().await?;
    if !store::goals::update_goal(&mut write, save.id, &input, now).await? {
        drop(write);
        return Err(edit_conflict(caller, &save.id.to_string(), input.version, typed).await);
    }
    store::goals::set_shared(&mut write, save.id.into(), &input.visible_to).await?;
    record_change(
        &mut write,
        save.family,
        Some(save.id),
        Subject::Goal,
        save.id.to_string(),
        input.version + 1,
        caller,
        &input.reason,
        &changes,
    )
    .await?;
    let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
    audit::append(&mut write, &entry.record(save.id).detail(fields.join(", "))).await?;
    write.commit().await?;
    Ok(())
}

/// Closing (achieved or stopped) and reopening a goal.
pub async fn set_goal_status(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    status: &str,
    reason: &str,
) -> Result<(), AppError> {
    let (scope, entry) = edit_scope(caller, family, AuditAction::ChangeGoalStatus, "goal").await?;
    let status = GoalStatus::from_code(status).ok_or(AppError::BadRequest)?;
    let reason = crate::domain::plan_input::parse_text(
        reason,
        "the reason",
        crate::domain::plan_input::MAX_REASON,
        false,
    )
    .map_err(|m| AppError::invalid("reason", m))?;
    let current = scope.goal(caller, goal).await?;
    if current.status == status {
        return Ok(());
    }
    let changes = vec![FieldChange {
        field: crate::domain::history::field::STATUS.into(),
        before: current.status.label().into(),
        after: status.label().into(),
    }];
    let mut write = caller.state.db.write().await?;
    let version = store::goals::set_goal_status(&mut write, goal, status, now_ms()).await?;
    record_change(
        &mut write,
        family,
        Some(goal),
        Subject::Goal,
        goal.to_string(),
        version,
        caller,
        &reason,
        &changes,
    )
    .await?;
    audit::append(&mut write, &entry.record(goal).detail(status.label())).await?;
    write.commit().await?;
    Ok(())
}

/// Moves a goal, or one of its steps, one place up or down.
pub async fn reorder(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    step: Option<StepId>,
    up: bool,
) -> Result<(), AppError> {
    let (scope, entry) = edit_scope(caller, family, AuditAction::ReorderPlan, "goal").await?;
    let current = scope.goal(caller, goal).await?;
    let (table, id) = match step {
        Some(step) if current.steps.iter().any(|s| s.id == step) => {
            (Ordered::Steps, step.to_string())
        }
        Some(_) => return Err(AppError::NotFound),
        None => (Ordered::Goals, goal.to_string()),
    };
    let mut write = caller.state.db.write().await?;
    if store::goals::move_record(&mut write, table, &id, up).await? {
        audit::append(
            &mut write,
            &entry.record(id).detail(if up { "up" } else { "down" }),
        )
        .await?;
    }
    write.commit().await?;
    Ok(())
}

pub struct StepSave<'a> {
    pub family: FamilyId,
    pub goal: GoalId,
    pub id: StepId,
    pub form: StepForm<'a>,
}

pub async fn save_step(caller: &Caller, save: StepSave<'_>) -> Result<(), AppError> {
    let (scope, entry) = edit_scope(caller, save.family, AuditAction::SaveStep, "step").await?;
    let input = parse_step(&save.form, &scope.context())?;
    let goal = scope.goal(caller, save.goal).await?;
    let existing = goal.steps.iter().find(|s| s.id == save.id);
    let visible_names = scope.names(&input.visible_to);
    let who_name = scope.name_of(input.who);
    let after = StepFields {
        who_name: &who_name,
        what: &input.what,
        due_on: input.due_on,
        done: existing.is_some_and(|s| s.done),
        visible_to: &visible_names,
    };
    let db = &caller.state.db;
    let now = now_ms();
    let step_id = save.id.to_string();
    if input.version == 0 {
        if existing.is_some() {
            return Ok(());
        }
        if store::goals::family_of_step(db, save.id).await?.is_some() {
            return Err(AppError::NotFound);
        }
        let mut write = db.write().await?;
        if store::goals::insert_step(&mut write, save.goal, save.id, &input, now).await? {
            store::goals::set_shared(&mut write, save.id.into(), &input.visible_to).await?;
            let changes = step_changes(None, &after);
            record_change(
                &mut write,
                save.family,
                Some(save.goal),
                Subject::Step,
                step_id.clone(),
                1,
                caller,
                "",
                &changes,
            )
            .await?;
            audit::append(&mut write, &entry.record(save.id).detail("added")).await?;
        }
        write.commit().await?;
        return Ok(());
    }
    let current = existing.ok_or(AppError::NotFound)?;
    let typed = save.form.typed();
    if current.version != input.version {
        return Err(edit_conflict(caller, &step_id, input.version, typed).await);
    }
    let before_visible = scope.names(&current.visible_to);
    let before = StepFields {
        who_name: &current.who_name,
        what: &current.what,
        due_on: current.due_on,
        done: current.done,
        visible_to: &before_visible,
    };
    let changes = step_changes(Some(&before), &after);
    if changes.is_empty() {
        return Ok(());
    }
    let mut write = db.write().await?;
    if !store::goals::update_step(&mut write, save.id, &input, now).await? {
        drop(write);
        return Err(edit_conflict(caller, &step_id, input.version, typed).await);
    }
    store::goals::set_shared(&mut write, save.id.into(), &input.visible_to).await?;
    record_change(
        &mut write,
        save.family,
        Some(save.goal),
        Subject::Step,
        step_id.clone(),
        input.version + 1,
        caller,
        "",
        &changes,
    )
    .await?;
    audit::append(&mut write, &entry.record(save.id).detail("changed")).await?;
    write.commit().await?;
    Ok(())
}

/// Marks a step done or not done. Staff may mark any step of their team's families; a family
/// member only their own steps that they can see.
pub async fn mark_step(
    caller: &Caller,
    step: StepId,
    done: bool,
) -> Result<(FamilyId, GoalId), AppError> {
    let db = &caller.state.db;
    let (family, goal_id) = store::goals::family_of_step(db, step)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = caller.viewer()?;
    let (scope, entry) = match &viewer.kind {
        crate::domain::viewer::ViewerKind::FamilyMember { member_id, .. } => {
            let member = *member_id;
            let (scope, entry, _) =
                super::own_plan::own_scope(caller, Action::UpdateOwnPlan, AuditAction::MarkStep)
                    .await?;
            if scope.family.id != family {
                return Err(AppError::NotFound);
            }
            let goal = scope.goal(caller, goal_id).await?;
            let mine = goal.visible_to.contains(&member)
                && goal.steps.iter().any(|s| {
                    s.id == step
                        && s.who == StepWho::Member(member)
                        && s.visible_to.contains(&member)
                });
            if !mine {
                return Err(AppError::NotFound);
            }
            (scope, entry)
        }
        crate::domain::viewer::ViewerKind::Staff { .. } => {
            edit_scope(caller, family, AuditAction::MarkStep, "step").await?
        }
    };
    let goal = scope.goal(caller, goal_id).await?;
    let current = goal
        .steps
        .iter()
        .find(|s| s.id == step)
        .ok_or(AppError::NotFound)?;
    let mut write = db.write().await?;
    if let Some(version) = store::goals::set_step_done(&mut write, step, done, now_ms()).await? {
        let changes = vec![FieldChange {
            field: crate::domain::history::field::DONE.into(),
            before: if current.done { "Yes" } else { "No" }.into(),
            after: if done { "Yes" } else { "No" }.into(),
        }];
        record_change(
            &mut write,
            family,
            Some(goal_id),
            Subject::Step,
            step.to_string(),
            version,
            caller,
            "",
            &changes,
        )
        .await?;
        audit::append(
            &mut write,
            &entry
                .record(step)
                .detail(if done { "done" } else { "not done" }),
        )
        .await?;
    }
    write.commit().await?;
    Ok((family, goal_id))
}

pub async fn add_check_in(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    id: CheckInId,
    form: CheckInForm<'_>,
) -> Result<(), AppError> {
    let (scope, entry) = edit_scope(caller, family, AuditAction::AddCheckIn, "check_in").await?;
    let input = parse_check_in(&form, scope.today)?;
    scope.goal(caller, goal).await?;
    let mut write = caller.state.db.write().await?;
    let added = store::goals::insert_check_in(
        &mut write,
        &NewCheckIn {
            id,
            goal,
            scale: input.scale,
            score: input.score,
            given_on: input.given_on,
            given_by: account(caller)?,
            comment: &input.comment,
            answers: &input.answers,
            now: now_ms(),
        },
    )
    .await?;
    if added {
        audit::append(
            &mut write,
            &entry
                .record(goal)
                .detail(format!("{}: {}", input.scale.label(), input.score)),
        )
        .await?;
    }
    write.commit().await?;
    Ok(())
}

pub async fn save_safety(
    caller: &Caller,
    family: FamilyId,
    id: SafetyId,
    form: SafetyForm<'_>,
) -> Result<(), AppError> {
    let (scope, entry) = edit_scope(caller, family, AuditAction::SaveSafety, "safety").await?;
    let input = parse_safety(&form, &scope.context())?;
    let db = &caller.state.db;
    let all = store::goals::safety_for_family(db, family).await?;
    let existing = all.iter().find(|s| s.id == id);
    let names = scope.names(&input.visible_to);
    let after = (
        input.danger.as_str(),
        input.safety_goal.as_str(),
        names.as_slice(),
    );
    let now = now_ms();
    let record = id.to_string();
    if input.version == 0 {
        if existing.is_some() {
            return Ok(());
        }
        if store::goals::family_of_safety(db, id).await?.is_some() {
            return Err(AppError::NotFound);
        }
        let mut write = db.write().await?;
        if store::goals::insert_safety(&mut write, family, id, &input, now).await? {
            store::goals::set_shared(&mut write, id.into(), &input.visible_to).await?;
            let changes = safety_changes(None, after);
            record_change(
                &mut write,
                family,
                None,
                Subject::Safety,
                record.clone(),
                1,
                caller,
                "",
                &changes,
            )
            .await?;
            audit::append(&mut write, &entry.record(id).detail("added")).await?;
        }
        write.commit().await?;
        return Ok(());
    }
    let current = existing.ok_or(AppError::NotFound)?;
    let typed = form.typed();
    if current.version != input.version {
        return Err(edit_conflict(caller, &record, input.version, typed).await);
    }
    let before_names = scope.names(&current.visible_to);
    let changes = safety_changes(
        Some((
            &current.danger,
            &current.safety_goal,
            before_names.as_slice(),
        )),
        after,
    );
    if changes.is_empty() {
        return Ok(());
    }
    let mut write = db.write().await?;
    if !store::goals::update_safety(&mut write, id, &input, now).await? {
        drop(write);
        return Err(edit_conflict(caller, &record, input.version, typed).await);
    }
    store::goals::set_shared(&mut write, id.into(), &input.visible_to).await?;
    record_change(
        &mut write,
        family,
        None,
        Subject::Safety,
        record.clone(),
        input.version + 1,
        caller,
        "",
        &changes,
    )
    .await?;
    audit::append(&mut write, &entry.record(id).detail("changed")).await?;
    write.commit().await?;
    Ok(())
}

pub async fn record_houses(
    caller: &Caller,
    family: FamilyId,
    id: HousesId,
    form: HousesForm<'_>,
) -> Result<(), AppError> {
    let (scope, entry) = edit_scope(
        caller,
        family,
        AuditAction::RecordThreeHouses,
        "three_houses",
    )
    .await?;
    let input = parse_houses(&form, &scope.context())?;
    let mut write = caller.state.db.write().await?;
    if store::family_voice::insert_houses(
        &mut write,
        family,
        id,
        &input,
        account(caller)?,
        now_ms(),
    )
    .await?
    {
        audit::append(
            &mut write,
            &entry.record(id).detail(scope.member_name(input.child)),
        )
        .await?;
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
    let (_, entry) = edit_scope(caller, family, AuditAction::ReplyToFamily, "family_words").await?;
    let body = parse_words(body, "your reply").map_err(|mut errors| {
        // Several reply forms share a page: this says which one the answer belongs to.
        errors.keep("reply_to", &reply_to.to_string());
        AppError::Invalid(errors)
    })?;
    let mut write = db.write().await?;
    let added = store::family_voice::insert_words(
        &mut write,
        &store::family_voice::NewWords {
            id,
            family,
            goal,
            member,
            author: account(caller)?,
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

/// The goal a page is about: for redirecting after a save.
pub fn goal_path(family: FamilyId, goal: GoalId) -> String {
    format!("/families/{family}/goals/{goal}")
}

/// Used by the family member's side: a goal visible to `member`, with only what they may see.
pub fn for_member(mut goal: Goal, member: crate::domain::ids::MemberId) -> Option<Goal> {
    if !goal.visible_to.contains(&member) {
        return None;
    }
    goal.steps.retain(|s| s.visible_to.contains(&member));
    for step in &mut goal.steps {
        step.visible_to.clear();
    }
    let owner = goal.owner;
    goal.check_ins.retain(|c| c.shown_to(member, owner));
    goal.visible_to.clear();
    Some(goal)
}
