//! The choices a plan form offers: who a step is for, and which adults a record is shared with.

use crate::domain::family::MemberKind;
use crate::domain::plan::PlanMember;
use crate::domain::role::StaffRole;

/// Who a step can be for: the family's adults and children, and the allocated roles.
pub fn step_owner_choices(members: &[PlanMember]) -> Vec<(String, String)> {
    members
        .iter()
        .map(|m| (format!("member:{}", m.id), m.name.clone()))
        .chain(
            StaffRole::ALLOCATED
                .iter()
                .map(|r| (format!("role:{}", r.code()), r.label().to_string())),
        )
        .collect()
}

/// The adults a record can be shared with.
pub fn adult_choices(members: &[PlanMember]) -> Vec<(String, String)> {
    members
        .iter()
        .filter(|m| m.kind == MemberKind::Adult)
        .map(|m| (m.id.to_string(), m.name.clone()))
        .collect()
}
