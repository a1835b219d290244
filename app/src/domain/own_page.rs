//! What a family member sees on their own page: only what is shared with them (DOMAIN.md §5).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnPage {
    pub given_name: String,
    pub children: Vec<ChildForFamily>,
    /// "Sam Whitfield": the case-holding social worker.
    pub social_worker: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildForFamily {
    pub given_name: String,
    /// "4 years old".
    pub age: Option<String>,
    /// The legal status explained in everyday words.
    pub status: Option<String>,
}
