//! A request's disclosure as its reviewer and approver see it, and the document itself.

use crate::domain::ids::{InformationRequestId, WithholdingId};
use crate::domain::information_rights::passage::Passage;
use crate::domain::information_rights::withholding::WithholdReason;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithheldShown {
    pub id: WithholdingId,
    /// `None`: the whole passage.
    pub words: Option<String>,
    pub reason: WithholdReason,
    pub note: String,
    pub marked_by: String,
}

/// One gathered passage, in full, with what is withheld of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPassage {
    pub passage: Passage,
    pub withheld: Vec<WithheldShown>,
}

/// A review or an approval: who, and when (Unix milliseconds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signed {
    pub by: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPage {
    pub request: InformationRequestId,
    pub subject: String,
    pub household: String,
    pub version: i64,
    pub open: bool,
    pub passages: Vec<ReviewPassage>,
    pub reviewed: Option<Signed>,
    pub approved: Option<Signed>,
    /// The records read differently now than when they were reviewed: review again.
    pub changed_since_review: bool,
    /// The viewer reviewed it, so someone else must approve.
    pub viewer_reviewed: bool,
}

impl ReviewPage {
    pub fn withheld_count(&self) -> usize {
        self.passages.iter().map(|p| p.withheld.len()).sum()
    }
}
