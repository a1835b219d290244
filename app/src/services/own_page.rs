//! A family member's own page: only what is shared with them.

use super::{authorize, today};
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::age::describe_age;
use crate::domain::audit::AuditAction;
use crate::domain::family::MemberKind;
use crate::domain::own_page::{ChildForFamily, OwnPage};
use crate::domain::plain_words::legal_status_for_families;
use crate::domain::role::StaffRole;
use crate::domain::viewer::ViewerKind;
use crate::error::AppError;
use crate::store::{self, audit};

pub async fn own_page(caller: &Caller) -> Result<OwnPage, AppError> {
    let viewer = caller.viewer()?;
    let ViewerKind::FamilyMember { member_id, .. } = viewer.kind else {
        let entry = caller.entry(AuditAction::ViewOwnPage, "member");
        return authorize(caller, Action::ViewOwnPage, Target::Own, entry)
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
        .entry(AuditAction::ViewOwnPage, "member")
        .about_family(place.family_id, place.team_id)
        .record(member_id);
    authorize(caller, Action::ViewOwnPage, target, entry.clone()).await?;
    let family = store::families::one(db, place.family_id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::record(db, &entry).await?;

    let today = today();
    let me = family
        .members
        .iter()
        .find(|m| m.id == member_id)
        .ok_or(AppError::NotFound)?;
    Ok(OwnPage {
        given_name: me.given_name.clone(),
        children: family
            .members
            .iter()
            .filter(|m| m.kind == MemberKind::Child)
            .map(|child| ChildForFamily {
                given_name: child.given_name.clone(),
                age: child.date_of_birth.map(|d| describe_age(d, today)),
                status: child
                    .legal_status
                    .map(|s| legal_status_for_families(s.kind).to_string()),
            })
            .collect(),
        social_worker: family
            .allocations
            .iter()
            .find(|a| a.role == StaffRole::SocialWorker)
            .map(|a| a.worker_name.clone()),
    })
}
