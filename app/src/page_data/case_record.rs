//! What the case record's pages receive: opening a family, one person of the household with
//! their legal status history, the trio's findings, and whether the case is open.

use crate::domain::closure::{Closed, ClosureReason};
use crate::domain::family::Member;
use crate::domain::findings::Finding;
use crate::domain::history::PlanChange;
use crate::domain::ids::{AccountId, FamilyId, MemberId};
use crate::domain::legal_status::StatusPeriod;
use crate::page_data::administration::TeamChoice;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The form for opening a family: the team it opens in, and its social workers to choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFamilyOptions {
    pub team: TeamChoice,
    /// (account, name) of the team's social workers.
    pub social_workers: Vec<(AccountId, String)>,
    /// The one chosen unless someone else is: the viewer, if they are one of them.
    pub chosen: Option<AccountId>,
}

/// The family a case-record page is about, and what the viewer may do there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseHeading {
    pub family_id: FamilyId,
    pub family_name: String,
    pub can_manage: bool,
    pub closed: Option<Closed>,
    pub today: NaiveDate,
}

impl CaseHeading {
    /// Changes are offered while the viewer keeps the record and the case is open.
    pub fn can_change(&self) -> bool {
        self.can_manage && self.closed.is_none()
    }
}

/// One person of the household, with a child's legal status history and every change to both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDetail {
    pub heading: CaseHeading,
    pub member: Member,
    pub version: i64,
    /// A child's periods, oldest first; empty for an adult.
    pub statuses: Vec<StatusPeriod>,
    /// Changes to the person and their statuses, newest first.
    pub history: Vec<PlanChange>,
}

/// The trio as findings about the household's adults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingsView {
    pub heading: CaseHeading,
    /// (member, full name) of the adults in the household now.
    pub adults: Vec<(MemberId, String)>,
    /// Every finding, open first, then ended; each with the name of whom it is about.
    pub findings: Vec<(Finding, String)>,
}

/// One closure of the case and the reopening that ended it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureEvent {
    pub closed_on: NaiveDate,
    pub reason: ClosureReason,
    pub closed_by: String,
    /// Unix ms.
    pub reopened_at: Option<i64>,
    pub reopened_by: Option<String>,
    pub reopen_reason: Option<String>,
}

/// Whether the case is open, and every time it closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseState {
    pub heading: CaseHeading,
    pub closures: Vec<ClosureEvent>,
}
