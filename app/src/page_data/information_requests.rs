//! Subject access requests as the information rights team and a team manager see them.

use crate::domain::ids::{InformationRequestId, MemberId};
use crate::domain::information_rights::request::{RequestDates, RequestStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whose data a request is for, told apart from others of the same name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    pub member_id: MemberId,
    pub name: String,
    pub date_of_birth: Option<NaiveDate>,
    /// The family's name, as "the Ashworth family" is made from it.
    pub household: String,
    pub team: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub id: InformationRequestId,
    pub subject: Subject,
    pub requester: Option<String>,
    pub received_on: NaiveDate,
    pub due_on: NaiveDate,
    pub status: RequestStatus,
    pub finished_on: Option<NaiveDate>,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestList {
    pub today: NaiveDate,
    /// Whose requests these are: "Brookford Council" or a team's name.
    pub reach: String,
    /// Soonest due first, so the overdue ones lead.
    pub open: Vec<RequestSummary>,
    /// The latest answered or withdrawn, newest first.
    pub finished: Vec<RequestSummary>,
}

/// The people whose names matched a search, shown once after the search was sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectSearch {
    /// What was searched for, given back to the person who typed it (never in the URL).
    pub words: String,
    pub subjects: Vec<Subject>,
    /// More people matched than are shown: the search should be narrower.
    pub more: bool,
}

/// The page for logging a request about one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRequestPage {
    pub subject: Subject,
    pub today: NaiveDate,
}

/// One request with everything its page shows and its forms need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestPage {
    pub id: InformationRequestId,
    pub subject: Subject,
    pub requester: Option<String>,
    pub dates: RequestDates,
    pub due_on: NaiveDate,
    pub status: RequestStatus,
    pub finished_on: Option<NaiveDate>,
    pub logged_by: String,
    pub version: i64,
    pub today: NaiveDate,
}

impl RequestPage {
    pub fn is_open(&self) -> bool {
        self.status == RequestStatus::Open
    }

    pub fn overdue(&self) -> bool {
        crate::domain::information_rights::request_due::is_overdue(
            self.due_on,
            self.today,
            !self.is_open(),
        )
    }
}
