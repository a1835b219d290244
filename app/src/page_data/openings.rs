//! A manager's review of their families opened from outside the team.

use crate::domain::ids::{FamilyId, OpeningId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningShown {
    pub id: OpeningId,
    pub worker: String,
    /// The team of the person who opened the family, if they have one.
    pub worker_team: Option<String>,
    pub family_id: FamilyId,
    pub family_name: String,
    /// The reason they gave: read by the manager here, kept out of the audit trail.
    pub reason: String,
    /// Unix milliseconds.
    pub opened_at: i64,
    pub reviewed_at: Option<i64>,
    pub reviewer: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Openings {
    /// Those waiting for review first, then the newest.
    pub openings: Vec<OpeningShown>,
}
