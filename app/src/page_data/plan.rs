//! What the plan pages receive: the whole plan, one goal's page and one goal's history.

use crate::domain::family::MemberKind;
use crate::domain::goal::Goal;
use crate::domain::history::PlanChange;
use crate::domain::ids::{FamilyId, GoalId, MemberId};
use crate::domain::mi::choice::Offered;
use crate::domain::mi::stage::StageNote;
use crate::domain::plan::{FamilyWords, PlanMember, SafetyStatement, ThreeHouses};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub family_id: FamilyId,
    pub members: Vec<PlanMember>,
    pub safety: Vec<SafetyStatement>,
    /// In the order the team set.
    pub goals: Vec<Goal>,
    pub houses: Vec<ThreeHouses>,
    /// Newest first.
    pub family_words: Vec<FamilyWords>,
    /// Whether the viewer may change the plan (not, for example, when reading outside the team).
    pub can_edit: bool,
    /// The server's date, so the browser checks dates as the server will.
    pub today: NaiveDate,
}

impl Plan {
    pub fn member_name(&self, id: MemberId) -> String {
        self.members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| "Someone no longer in the family".into())
    }

    pub fn adults(&self) -> impl Iterator<Item = &PlanMember> {
        self.members.iter().filter(|m| m.kind == MemberKind::Adult)
    }

    pub fn children(&self) -> impl Iterator<Item = &PlanMember> {
        self.members.iter().filter(|m| m.kind == MemberKind::Child)
    }
}

/// One goal's page for the team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalPage {
    pub family_id: FamilyId,
    pub family_name: String,
    pub members: Vec<PlanMember>,
    pub goal: Goal,
    /// What the family said about this goal, with replies. Newest first.
    pub family_words: Vec<FamilyWords>,
    /// The plain-words check of the goal's family-facing text, run on the server.
    pub advice: Vec<String>,
    pub can_edit: bool,
    pub today: NaiveDate,
    /// The stage of change as last recorded.
    pub stage: Option<StageNote>,
    /// The change talk trend in words (`describe_trend`).
    pub talk_trend: String,
    /// MI prompts for a conversation about this goal.
    pub prompts: Offered,
}

/// A goal's history: every version, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalHistory {
    pub family_id: FamilyId,
    pub family_name: String,
    pub goal_id: GoalId,
    pub goal_title: String,
    pub changes: Vec<PlanChange>,
}
