//! What a family member sees on their own page: only what is shared with them (DOMAIN.md §5).

use crate::domain::goal::Goal;
use crate::domain::ids::MemberId;
use crate::domain::plan::FamilyWords;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnPage {
    pub member_id: MemberId,
    pub given_name: String,
    pub children: Vec<ChildForFamily>,
    /// "Sam Whitfield": the case-holding social worker.
    pub social_worker: Option<String>,
    /// Danger statements and safety goals shared with them: (what we are worried about, what safe looks like).
    pub safety: Vec<(String, String)>,
    /// Their goals, as they may see them: their steps, their ratings and the worker's.
    pub goals: Vec<Goal>,
    /// What changed since they last looked, in plain words; `None` on their first look.
    pub changes: Option<Vec<String>>,
    /// When they last looked (Unix ms).
    pub last_looked: Option<i64>,
    /// What they wrote to their worker, with replies. Newest first.
    pub words: Vec<FamilyWords>,
    pub today: NaiveDate,
    /// Set when the family's work with the team has ended for them (the case closed, or they
    /// left the household): the page says so, and shows nothing else.
    pub ended: Option<String>,
}

#[cfg(feature = "ssr")]
impl OwnPage {
    /// The page of someone whose family's work has ended: their name and the message only.
    pub fn ended(
        member_id: MemberId,
        members: &[crate::store::families::StoredMember],
        message: String,
        today: NaiveDate,
    ) -> OwnPage {
        let given_name = members
            .iter()
            .find(|m| m.id == member_id)
            .map(|m| m.given_name.clone())
            .unwrap_or_default();
        OwnPage {
            member_id,
            given_name,
            children: Vec::new(),
            social_worker: None,
            safety: Vec::new(),
            goals: Vec::new(),
            changes: None,
            last_looked: None,
            words: Vec::new(),
            today,
            ended: Some(message),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildForFamily {
    pub given_name: String,
    /// "4 years old".
    pub age: Option<String>,
    /// The legal status explained in everyday words.
    pub status: Option<String>,
}
