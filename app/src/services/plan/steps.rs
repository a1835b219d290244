//! Steps towards a goal: adding and editing one, and marking it done.

use super::edit_scope;
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::goal::StepWho;
use crate::domain::history::{field, yes_no, FieldChange, InWords, StepFields, Subject};
use crate::domain::ids::{FamilyId, GoalId, MemberId, StepId};
use crate::domain::plan_input::{parse_step, StepForm, StepInput};
use crate::domain::record::RecordKind;
use crate::domain::record::RecordRef;
use crate::domain::viewer::ViewerKind;
use crate::error::AppError;
use crate::services::versioned::{self, keep_history, Save, Versioned};
use crate::store::plan_history::NewChange;
use crate::store::{self, audit, now_ms, StoreError, WriteTx};
use uuid::Uuid;

pub struct StepSave<'a> {
    pub family: FamilyId,
    pub goal: GoalId,
    pub id: StepId,
    pub form: &'a StepForm,
}

/// A step as a form would save it.
pub(crate) struct StepRecord<'a> {
    pub goal: GoalId,
    pub id: StepId,
    pub input: &'a StepInput,
}

impl Versioned for StepRecord<'_> {
    const SUBJECT: Subject = Subject::Step;

    fn record(&self) -> RecordRef {
        RecordRef::Step(self.id)
    }

    fn goal(&self) -> Option<GoalId> {
        Some(self.goal)
    }

    fn version(&self) -> i64 {
        self.input.version
    }

    fn shared_with(&self) -> Option<&[MemberId]> {
        Some(&self.input.visible_to)
    }

    fn for_member(&self) -> Option<MemberId> {
        self.input.who.member()
    }

    fn owner(&self) -> Uuid {
        self.goal.0
    }

    async fn insert(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::goals::insert_step(write, self.goal, self.id, self.input, at).await
    }

    async fn update(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::goals::update_step(write, self.id, self.input, at).await
    }
}

pub async fn save_step(caller: &Caller, save: StepSave<'_>) -> Result<(), AppError> {
    let (scope, entry) =
        edit_scope(caller, save.family, AuditAction::SaveStep, RecordKind::Step).await?;
    let input = parse_step(save.form, &scope.context())?;
    let goal = scope.goal(caller, save.goal).await?;
    let current = goal.steps.iter().find(|s| s.id == save.id);
    let visible_names = scope.names(&input.visible_to);
    let who_name = scope.name_of(input.who);
    let after = StepFields::of_input(
        &input,
        &who_name,
        current.is_some_and(|s| s.done),
        &visible_names,
    )
    .in_words();
    let current = current.map(|step| {
        let visible = scope.names(&step.visible_to);
        let words = StepFields::of_step(step, &visible).in_words();
        (step.version, words)
    });
    let record = StepRecord {
        goal: save.goal,
        id: save.id,
        input: &input,
    };
    let save_it = Save {
        family: save.family,
        record,
        current,
        after,
        reason: "",
    };
    versioned::save(caller, save_it, entry, save.form.typed()).await
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
        ViewerKind::FamilyMember { member_id, .. } => {
            let member = *member_id;
            let (scope, entry, _) = crate::services::own_plan::own_scope(
                caller,
                Action::UpdateOwnPlan,
                AuditAction::MarkStep,
            )
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
        ViewerKind::Staff { .. } => {
            edit_scope(caller, family, AuditAction::MarkStep, RecordKind::Step).await?
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
            field: field::DONE.into(),
            before: yes_no(current.done).into(),
            after: yes_no(done).into(),
        }];
        keep_history(
            &mut write,
            &NewChange {
                family,
                goal: Some(goal_id),
                subject: Subject::Step,
                subject_id: step.to_string(),
                version,
                actor: viewer.account_id,
                at: now_ms(),
                reason: "",
                changes: &changes,
            },
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
