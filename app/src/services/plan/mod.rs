//! A family's plan for the team: reading it, and every change to goals, steps, ratings, safety
//! statements and the child's voice. Versioned records are saved through `services::versioned`;
//! each file here holds one kind of record.

mod check_ins;
mod goals;
mod read;
mod safety;
mod steps;
mod voice;

pub use check_ins::add_check_in;
pub(crate) use goals::GoalRecord;
pub use goals::{reorder, save_goal, set_goal_status, GoalSave};
pub(crate) use read::can_edit;
pub use read::{goal_history, goal_page, plan};
pub use safety::save_safety;
pub(crate) use safety::SafetyRecord;
pub(crate) use steps::StepRecord;
pub use steps::{mark_step, save_step, StepSave};
pub use voice::{record_houses, reply};

use super::plan_scope::PlanScope;
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::ids::FamilyId;
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::store::audit::NewEntry;

/// Every change to a plan starts here: the policy must allow editing this family's plan.
async fn edit_scope(
    caller: &Caller,
    family: FamilyId,
    audit_action: AuditAction,
    kind: RecordKind,
) -> Result<(PlanScope, NewEntry), AppError> {
    PlanScope::open(caller, family, Action::EditPlan, audit_action, kind).await
}
