//! Goals: adding and editing one, closing and reopening it, and moving goals and steps.

use super::edit_scope;
use crate::auth::caller::Caller;
use crate::domain::audit::AuditAction;
use crate::domain::fields::parse_text;
use crate::domain::goal::GoalStatus;
use crate::domain::history::{field, FieldChange, GoalFields, InWords, Subject};
use crate::domain::ids::{FamilyId, GoalId, MemberId, StepId};
use crate::domain::plan_input::{parse_goal, GoalForm, GoalInput, MAX_REASON};
use crate::domain::record::{RecordKind, RecordRef};
use crate::error::AppError;
use crate::services::versioned::{self, changed_fields, keep_history, Save, Versioned};
use crate::store::goals::Ordered;
use crate::store::plan_history::NewChange;
use crate::store::{self, audit, now_ms, StoreError, WriteTx};
use uuid::Uuid;

pub struct GoalSave<'a> {
    pub family: FamilyId,
    pub id: GoalId,
    pub form: &'a GoalForm,
}

/// A goal as a form would save it.
pub(crate) struct GoalRecord<'a> {
    pub family: FamilyId,
    pub id: GoalId,
    pub input: &'a GoalInput,
}

impl Versioned for GoalRecord<'_> {
    const SUBJECT: Subject = Subject::Goal;

    fn record(&self) -> RecordRef {
        RecordRef::Goal(self.id)
    }

    fn goal(&self) -> Option<GoalId> {
        Some(self.id)
    }

    fn version(&self) -> i64 {
        self.input.version
    }

    fn shared_with(&self) -> Option<&[MemberId]> {
        Some(&self.input.visible_to)
    }

    fn for_member(&self) -> Option<MemberId> {
        Some(self.input.owner)
    }

    fn owner(&self) -> Uuid {
        self.family.0
    }

    async fn insert(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::goals::insert_goal(write, self.family, self.id, self.input, at).await
    }

    async fn update(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::goals::update_goal(write, self.id, self.input, at).await
    }

    fn audit_detail(&self, added: bool, changes: &[FieldChange]) -> String {
        // The area of concern says what the family struggles with: case content, kept out.
        if added {
            "added".into()
        } else {
            changed_fields(changes)
        }
    }
}

/// Adds a goal (version 0) or saves an edit made from the form's version.
pub async fn save_goal(caller: &Caller, save: GoalSave<'_>) -> Result<(), AppError> {
    let audit_action = if save.form.version.trim().is_empty() || save.form.version.trim() == "0" {
        AuditAction::CreateGoal
    } else {
        AuditAction::UpdateGoal
    };
    let (scope, entry) = edit_scope(caller, save.family, audit_action, RecordKind::Goal).await?;
    let input = parse_goal(save.form, &scope.context())?;
    let current = scope
        .goals(caller)
        .await?
        .into_iter()
        .find(|g| g.id == save.id);
    let visible_names = scope.names(&input.visible_to);
    let owner_name = scope.member_name(input.owner);
    let after = GoalFields::of_input(&input, &owner_name, &visible_names).in_words();
    let current = current.map(|goal| {
        let visible = scope.names(&goal.visible_to);
        let words = GoalFields::of_goal(&goal, &visible).in_words();
        (goal.version, words)
    });
    let record = GoalRecord {
        family: save.family,
        id: save.id,
        input: &input,
    };
    let save_it = Save {
        family: save.family,
        record,
        current,
        after,
        reason: &input.reason,
    };
    versioned::save(caller, save_it, entry, save.form.typed()).await
}

/// Closing (achieved or stopped) and reopening a goal.
pub async fn set_goal_status(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    status: &str,
    reason: &str,
) -> Result<(), AppError> {
    let (scope, entry) = edit_scope(
        caller,
        family,
        AuditAction::ChangeGoalStatus,
        RecordKind::Goal,
    )
    .await?;
    let status = GoalStatus::from_code(status).ok_or(AppError::BadRequest)?;
    let reason = parse_text(reason, "the reason", MAX_REASON, false)
        .map_err(|m| AppError::invalid("reason", m))?;
    let current = scope.goal(caller, goal).await?;
    if current.status == status {
        return Ok(());
    }
    let changes = vec![FieldChange {
        field: field::STATUS.into(),
        before: current.status.label().into(),
        after: status.label().into(),
    }];
    let mut write = caller.state.db.write().await?;
    let version = store::goals::set_goal_status(&mut write, goal, status, now_ms()).await?;
    keep_history(
        &mut write,
        &NewChange {
            family,
            goal: Some(goal),
            subject: Subject::Goal,
            subject_id: goal.to_string(),
            version,
            actor: caller.viewer()?.account_id,
            at: now_ms(),
            reason: &reason,
            changes: &changes,
        },
    )
    .await?;
    audit::append(&mut write, &entry.record(goal)).await?;
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
    let (scope, entry) =
        edit_scope(caller, family, AuditAction::ReorderPlan, RecordKind::Goal).await?;
    let current = scope.goal(caller, goal).await?;
    let (ordered, record) = match step {
        Some(step) if current.steps.iter().any(|s| s.id == step) => {
            (Ordered::Step(step), RecordRef::Step(step))
        }
        Some(_) => return Err(AppError::NotFound),
        None => (Ordered::Goal(goal), RecordRef::Goal(goal)),
    };
    let mut write = caller.state.db.write().await?;
    if store::goals::move_record(&mut write, ordered, up).await? {
        audit::append(
            &mut write,
            &entry.record(record).detail(if up { "up" } else { "down" }),
        )
        .await?;
    }
    write.commit().await?;
    Ok(())
}
