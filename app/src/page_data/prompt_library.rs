//! What the prompt library page shows.

use crate::domain::mi::prompt::{Prompt, PromptFilter};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptLibrary {
    pub filter: PromptFilter,
    /// The prompts that match, in the order to show them.
    pub found: Vec<Prompt>,
    /// How many the team has in all.
    pub total: usize,
    /// The team's own prompts, newest first, for the manager to curate.
    pub team_prompts: Vec<Prompt>,
    pub can_retire: bool,
}
