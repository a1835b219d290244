//! A family member's own page: only what is shared with them.

use super::own_plan::{ended_for, own_scope_even_if_ended};
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::age::describe_age;
use crate::domain::audit::AuditAction;
use crate::domain::family::MemberKind;
use crate::domain::family_view::goal_for_member;
use crate::domain::goal::Goal;
use crate::domain::history::{for_family, Subject};
use crate::domain::ids::MemberId;
use crate::domain::plain_words::legal_status_for_families;
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::page_data::own_page::{ChildForFamily, OwnPage};
use crate::store::plan_history::StoredChange;
use crate::store::{self, audit, now_ms};

pub async fn own_page(caller: &Caller) -> Result<OwnPage, AppError> {
    let (scope, entry, member_id) =
        own_scope_even_if_ended(caller, Action::ViewOwnPage, AuditAction::ViewOwnPage).await?;
    let db = &caller.state.db;
    let family = &scope.family;
    if let Some(message) = ended_for(&scope, member_id) {
        audit::record(db, &entry.detail("the family's work has ended")).await?;
        return Ok(OwnPage::ended(
            member_id,
            &family.members,
            message,
            scope.today,
        ));
    }
    let all_goals = scope.goals(caller).await?;
    let goals: Vec<Goal> = all_goals
        .iter()
        .cloned()
        .filter_map(|g| goal_for_member(g, member_id))
        .collect();
    let safety = store::goals::safety_for_family(db, family.id)
        .await?
        .into_iter()
        .filter(|s| s.visible_to.contains(&member_id))
        .map(|s| (s.danger, s.safety_goal))
        .collect();
    let mut words: Vec<_> = store::family_voice::words_for_family(db, family.id)
        .await?
        .into_iter()
        .filter(|w| w.member == member_id)
        .map(|w| w.words)
        .collect();
    words.reverse();
    let viewer = caller.viewer()?;
    let (changes, last_looked) = match &caller.session {
        Some(session) => {
            let since = store::plan_history::look(db, viewer.account_id, session, now_ms()).await?;
            match since {
                Some(since) => {
                    let stored =
                        store::plan_history::for_family_since(db, family.id, since).await?;
                    (
                        Some(changes_for(
                            &stored,
                            &all_goals,
                            member_id,
                            &viewer.account_id.to_string(),
                        )),
                        Some(since),
                    )
                }
                None => (None, None),
            }
        }
        None => (None, None),
    };
    audit::record(db, &entry).await?;

    let today = scope.today;
    let me = family
        .members
        .iter()
        .find(|m| m.id == member_id)
        .ok_or(AppError::NotFound)?;
    Ok(OwnPage {
        member_id,
        given_name: me.given_name.clone(),
        children: family
            .members
            .iter()
            .filter(|m| m.kind == MemberKind::Child && m.in_household_on(today))
            .map(|child| ChildForFamily {
                given_name: child.given_name.clone(),
                age: child
                    .date_of_birth
                    .map(|d| describe_age(d, today))
                    .or_else(|| child.expected_on.map(|_| "not born yet".to_string())),
                status: child
                    .legal_status(today)
                    .map(|s| legal_status_for_families(s.kind).to_string()),
            })
            .collect(),
        social_worker: family
            .allocations
            .iter()
            .find(|a| a.role == StaffRole::SocialWorker)
            .map(|a| a.worker_name.clone()),
        safety,
        goals,
        changes,
        last_looked,
        words,
        today,
        ended: None,
    })
}

/// The changes a member may see, in their words: only to goals and steps shared with them now,
/// and not the ones they made themselves.
fn changes_for(
    stored: &[StoredChange],
    goals: &[Goal],
    member: MemberId,
    own_account: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    for change in stored {
        if change.actor == own_account {
            continue;
        }
        let Some(goal) = change
            .goal
            .and_then(|id| goals.iter().find(|g| g.id == id))
            .filter(|g| g.visible_to.contains(&member))
        else {
            continue;
        };
        if change.change.subject == Subject::Step
            && !goal
                .steps
                .iter()
                .any(|s| s.id.to_string() == change.subject_id && s.visible_to.contains(&member))
        {
            continue;
        }
        let is_new = change.change.version == 1;
        for field in &change.change.changes {
            if let Some(text) = for_family(change.change.subject, field, &goal.family_words, is_new)
            {
                if !out.contains(&text) {
                    out.push(text);
                }
            }
        }
    }
    out
}
