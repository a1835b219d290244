//! What the workbook pages receive: a family's workbook, one entry, the assessment, group
//! supervision, the chronology, a person's week and the team dashboard.

use crate::domain::due::{Due, Urgency};
use crate::domain::family::TrioFinding;
use crate::domain::goal::Goal;
use crate::domain::history::PlanChange;
use crate::domain::ids::{AccountId, ActionId, FamilyId};
use crate::domain::role::StaffRole;
use crate::domain::workbook::{
    ChronologyFilter, ChronologyRow, Entry, Person, Schedule, Supervision,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub role: StaffRole,
    pub worker_name: String,
    /// Newest first.
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workbook {
    pub family_id: FamilyId,
    pub family_name: String,
    pub current_period: u32,
    /// Since when the current period runs (the last supervision), if any.
    pub period_started: Option<NaiveDate>,
    pub chapters: Vec<Chapter>,
    pub people: Vec<Person>,
    /// The chapter the viewer may write, if any.
    pub writes: Option<StaffRole>,
    pub schedule: Schedule,
    pub due: Vec<Due>,
    pub today: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chronology {
    pub family_id: FamilyId,
    pub family_name: String,
    pub filter: ChronologyFilter,
    pub children: Vec<Person>,
    pub chapters: Vec<StaffRole>,
    pub rows: Vec<ChronologyRow>,
}

/// One entry with its history, for reading and changing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryPage {
    pub family_id: FamilyId,
    pub family_name: String,
    pub entry: Entry,
    pub people: Vec<Person>,
    /// Newest first.
    pub history: Vec<PlanChange>,
    pub can_edit: bool,
    pub today: NaiveDate,
}

/// The integrated family assessment: the whole family on one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub family_id: FamilyId,
    pub family_name: String,
    /// The latest monthly summary of each allocated chapter (`None`: not written yet).
    pub summaries: Vec<(StaffRole, String, Option<Entry>)>,
    pub latest_supervision: Option<Supervision>,
    /// (held on, risk, progress), oldest first.
    pub scales: Vec<(NaiveDate, u8, u8)>,
    pub trio: Vec<TrioFinding>,
    pub goals: Vec<Goal>,
}

/// Group supervisions of a family, and what the form needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervisions {
    pub family_id: FamilyId,
    pub family_name: String,
    /// Newest first.
    pub supervisions: Vec<Supervision>,
    /// Who actions may be given to: the allocated workers.
    pub workers: Vec<(AccountId, String, StaffRole)>,
    /// Each open goal's stage of change and change talk trend.
    pub change: Vec<crate::page_data::change_work::GoalChange>,
    pub can_record: bool,
    pub today: NaiveDate,
}

/// Something due, for a person's week or a family's workbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    pub family_id: FamilyId,
    pub family_name: String,
    pub due: Due,
    pub urgency: Urgency,
    /// "3 working days overdue", "due today".
    pub when: String,
    /// A supervision action the viewer can mark done.
    pub action: Option<ActionId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Week {
    /// Soonest first; overdue at the top.
    pub items: Vec<DueItem>,
    pub today: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardRow {
    pub family_id: FamilyId,
    pub family_name: String,
    pub social_worker: Option<String>,
    pub last_visit: Option<NaiveDate>,
    pub last_supervision: Option<NaiveDate>,
    pub overdue: usize,
    pub cohort_met: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerLoad {
    pub name: String,
    pub role: StaffRole,
    pub families: usize,
    pub overdue: usize,
}

/// Each worker of a team with their families and what is overdue in them: the whole team at
/// once, so it has its own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamWorkers {
    pub team_name: String,
    /// Most overdue first.
    pub workers: Vec<WorkerLoad>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub team_name: String,
    /// A page of the team's families, in name order.
    pub rows: Vec<DashboardRow>,
    pub paging: crate::domain::paging::Paging,
    /// Families opened from outside the team, waiting for review more than 3 working days.
    pub openings_overdue: usize,
    pub today: NaiveDate,
}
