//! A family's plan as the team sees it (DOMAIN.md §3): danger statements and safety goals,
//! goals, the child's voice and the family's own words.

use super::family::MemberKind;
use super::ids::{CommentId, GoalId, HousesId, MemberId, SafetyId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A family member as plan forms offer them: for owners, step owners and who may see what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMember {
    pub id: MemberId,
    pub name: String,
    pub kind: MemberKind,
}

/// A worry written plainly, with what safety looks like.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyStatement {
    pub id: SafetyId,
    pub danger: String,
    pub safety_goal: String,
    pub version: i64,
    pub visible_to: Vec<MemberId>,
}

/// A family member's words ("what I want my worker to know"), kept exactly as written, with
/// the team's replies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyWords {
    pub id: CommentId,
    pub goal_id: Option<GoalId>,
    /// The goal in the family's words, when the comment is about one.
    pub goal_title: Option<String>,
    pub author_name: String,
    /// Unix milliseconds.
    pub at: i64,
    pub body: String,
    pub replies: Vec<Reply>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub author_name: String,
    pub at: i64,
    pub body: String,
}

/// The Three Houses: a child's worries, good things and dreams, in the child's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreeHouses {
    pub id: HousesId,
    pub child_id: MemberId,
    pub child_name: String,
    pub recorded_on: NaiveDate,
    pub recorded_by: String,
    pub worries: Vec<String>,
    pub good_things: Vec<String>,
    pub dreams: Vec<String>,
}

/// One line per item: how a house's text area is split into what the child said.
pub fn house_items(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.trim().trim_start_matches(['-', '*', '•']).trim())
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn house_items_are_lines_without_bullets() {
        assert_eq!(
            house_items("- Mum shouting\n\n  * dad not coming\n• the dark  \n"),
            ["Mum shouting", "dad not coming", "the dark"]
        );
        assert!(house_items("  \n - \n").is_empty());
    }
}
