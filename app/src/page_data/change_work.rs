//! What the pages about working on change show: the team's page for one goal, and a family
//! member's own plan for one of their goals.

use crate::domain::goal::Goal;
use crate::domain::ids::{FamilyId, GoalId, MemberId};
use crate::domain::mi::balance::BalanceItem;
use crate::domain::mi::change_plan::ChangePlan;
use crate::domain::mi::change_talk::Tally;
use crate::domain::mi::choice::Offered;
use crate::domain::mi::stage::{Stage, StageNote};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One family member's side of a goal: their change plan and decisional balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPlan {
    pub member: MemberId,
    pub name: String,
    pub plan: ChangePlan,
    pub balance: Vec<BalanceItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeWork {
    pub family_id: FamilyId,
    pub family_name: String,
    pub goal: Goal,
    /// Oldest first.
    pub stages: Vec<StageNote>,
    /// Oldest first.
    pub tallies: Vec<Tally>,
    /// Each adult who can see the goal.
    pub plans: Vec<MemberPlan>,
    pub prompts: Offered,
    pub can_edit: bool,
    pub today: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnChangeWork {
    /// The goal as this member may see it.
    pub goal: Goal,
    pub mine: MemberPlan,
    pub today: NaiveDate,
}

/// The prompts beside a visit or session being recorded: the family's open goals to choose
/// from, and the prompts for the one chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// Each open goal: its id and a label naming whose it is.
    pub goals: Vec<(String, String)>,
    pub chosen: Option<String>,
    pub offered: Option<Offered>,
}

/// Where one open goal stands, for group supervision to reflect on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalChange {
    pub goal: GoalId,
    /// Whose goal, and the goal in the team's words.
    pub label: String,
    pub stage: Option<Stage>,
    /// The change talk trend in words (`describe_trend`).
    pub trend: String,
}
