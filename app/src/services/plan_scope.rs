//! What every plan operation starts with: the family, the policy's answer, and the names of the
//! people and roles a plan mentions.

use super::{authorize, today};
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Decision};
use crate::domain::audit::AuditAction;
use crate::domain::goal::{Goal, StepWho};
use crate::domain::ids::AuthorityId;
use crate::domain::ids::{FamilyId, GoalId, MemberId, TeamId};
use crate::domain::plan::PlanMember;
use crate::domain::plan_input::Context;
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::store::audit::NewEntry;
use crate::store::families::{FamilyTeam, StoredFamily};
use crate::store::{self};
use chrono::NaiveDate;

pub struct PlanScope {
    pub family: StoredFamily,
    pub team: TeamId,
    pub authority: AuthorityId,
    pub members: Vec<PlanMember>,
    pub decision: Decision,
    pub today: NaiveDate,
}

impl PlanScope {
    /// Asks the policy for `action` on `family`, recording a refusal; `entry` is the audit entry
    /// the caller will complete.
    pub async fn open(
        caller: &Caller,
        family: FamilyId,
        action: Action,
        audit_action: AuditAction,
        record_kind: RecordKind,
    ) -> Result<(PlanScope, NewEntry), AppError> {
        let db = &caller.state.db;
        let place = store::families::team_of(db, family)
            .await?
            .ok_or(AppError::NotFound)?;
        let entry = caller
            .entry(audit_action, record_kind)
            .about_family(family, place.team);
        let decision = authorize(caller, action, place.target(family), entry.clone()).await?;
        let stored = store::families::one(db, family)
            .await?
            .ok_or(AppError::NotFound)?;
        let entry = if decision == Decision::AllowOutsideTeam {
            entry.flagged().detail("outside own team")
        } else {
            entry
        };
        Ok((Self::from_family(stored, place, decision), entry))
    }

    pub fn from_family(family: StoredFamily, place: FamilyTeam, decision: Decision) -> PlanScope {
        let members = family
            .members
            .iter()
            .map(|m| PlanMember {
                id: m.id,
                name: format!("{} {}", m.given_name, m.family_name),
                kind: m.kind,
            })
            .collect();
        PlanScope {
            family,
            team: place.team,
            authority: place.authority,
            members,
            decision,
            today: today(),
        }
    }

    pub fn context(&self) -> Context<'_> {
        Context {
            today: self.today,
            members: &self.members,
        }
    }

    pub fn name_of(&self, who: StepWho) -> String {
        match who {
            StepWho::Member(id) => self.member_name(id),
            StepWho::Worker(role) => role.label().to_string(),
        }
    }

    pub fn member_name(&self, id: MemberId) -> String {
        self.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| "Someone no longer in the family".into())
    }

    pub fn names(&self, ids: &[MemberId]) -> Vec<String> {
        ids.iter().map(|id| self.member_name(*id)).collect()
    }

    pub async fn goals(&self, caller: &Caller) -> Result<Vec<Goal>, AppError> {
        let name = |who| self.name_of(who);
        Ok(store::goals::for_family(&caller.state.db, self.family.id, &name).await?)
    }

    /// One goal of this family; a goal of another family is not found.
    pub async fn goal(&self, caller: &Caller, id: GoalId) -> Result<Goal, AppError> {
        self.goals(caller)
            .await?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(AppError::NotFound)
    }
}
