//! The case record a family's social workers and manager keep: opening the family, its
//! household, each child's legal status, the trio, and closing and reopening the case. Every
//! change goes through the versioned-record kernel or one write transaction, and the audit
//! trail says what changed, never the words themselves (they stay in the record's history).

pub mod closure;
pub mod findings;
pub mod household;
pub mod legal_status;
pub mod referral;
pub mod separation;

use super::plan_scope::PlanScope;
use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action};
use crate::domain::audit::AuditAction;
use crate::domain::ids::FamilyId;
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::page_data::case_record::CaseHeading;
use crate::store::audit::NewEntry;

/// The family, once the policy allows `action` on it.
pub(crate) async fn scope(
    caller: &Caller,
    family: FamilyId,
    action: Action,
    audit_action: AuditAction,
    kind: RecordKind,
) -> Result<(PlanScope, NewEntry), AppError> {
    PlanScope::open(caller, family, action, audit_action, kind).await
}

/// The heading of a case-record page: the family, whether the viewer keeps its record, and
/// whether the case is closed.
pub(crate) fn heading(caller: &Caller, scope: &PlanScope) -> Result<CaseHeading, AppError> {
    let target = crate::store::families::FamilyTeam {
        team: scope.team,
        authority: scope.authority,
    }
    .target(scope.family.id);
    Ok(CaseHeading {
        family_id: scope.family.id,
        family_name: scope.family.name.clone(),
        can_manage: decide(caller.viewer()?, Action::ManageCase, target).is_allowed(),
        closed: scope.family.closed.clone(),
        today: scope.today,
    })
}

/// Whether a form's version says it adds a record.
pub(crate) fn is_new(version: &str) -> bool {
    matches!(version.trim(), "" | "0")
}

/// Names the record a refusal is about in its kept values (`field` = its id, and `new` for a
/// record being added), so a page holding a form per record shows it beside the right one.
pub(crate) fn name_form(error: AppError, field: &str, id: &str, new: bool) -> AppError {
    let name = |mut errors: crate::error::FieldErrors| {
        errors.keep(field, id);
        if new {
            errors.keep("new", "1");
        }
        errors
    };
    match error {
        AppError::Invalid(errors) => AppError::Invalid(name(errors)),
        AppError::EditConflict(errors) => AppError::EditConflict(name(errors)),
        other => other,
    }
}
