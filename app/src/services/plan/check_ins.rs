//! The 0–10 ratings and rulers on a goal, added one at a time and never edited.

use super::edit_scope;
use crate::auth::caller::Caller;
use crate::domain::audit::AuditAction;
use crate::domain::ids::{CheckInId, FamilyId, GoalId};
use crate::domain::plan_input::{parse_check_in, CheckInForm};
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::services::new_id;
use crate::store::goals::NewCheckIn;
use crate::store::{self, audit, now_ms};

pub async fn add_check_in(
    caller: &Caller,
    family: FamilyId,
    goal: GoalId,
    id: CheckInId,
    form: &CheckInForm,
) -> Result<(), AppError> {
    let (scope, entry) =
        edit_scope(caller, family, AuditAction::AddCheckIn, RecordKind::CheckIn).await?;
    let input = parse_check_in(form, scope.today)?;
    scope.goal(caller, goal).await?;
    let Some(mut write) = new_id::write_new(caller, id, goal.0, &entry).await? else {
        return Ok(());
    };
    let added = store::goals::insert_check_in(
        &mut write,
        &NewCheckIn {
            id,
            goal,
            scale: input.scale,
            score: input.score,
            given_on: input.given_on,
            given_by: caller.viewer()?.account_id,
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
                .record(id)
                // Which scale, never the score: the trail holds no case content.
                .detail(input.scale.label()),
        )
        .await?;
    }
    write.commit().await?;
    Ok(())
}
