//! A goal in a family's plan (DOMAIN.md §3): whose it is, what it is in the family's words and
//! the professional's, by when, how it is going, the steps towards it and the 0–10 check-ins.

use super::ids::{GoalId, MemberId, StepId};
use super::rating::{CheckIn, Scale};
use super::role::StaffRole;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// What part of family life a goal is about.
    GoalArea {
        DomesticAbuse => "domestic_abuse", "Domestic abuse";
        DrugsAlcohol => "drugs_alcohol", "Drugs or alcohol";
        MentalHealth => "mental_health", "Mental health";
        Parenting => "parenting", "Parenting";
        ChildHealth => "child_health", "Child's health and development";
        Education => "education", "Education";
        HomeCare => "home_care", "Home and basic care";
        Relationships => "relationships", "Relationships and support";
        Other => "other", "Other";
    }
);

coded_enum!(
    /// How a goal is going.
    GoalStatus {
        NotStarted => "not_started", "Not started";
        OnTrack => "on_track", "On track";
        AtRisk => "at_risk", "At risk";
        Achieved => "achieved", "Achieved";
        Stopped => "stopped", "Stopped";
    }
);

impl GoalStatus {
    /// A closed goal is kept, with its history, but no longer worked on.
    pub fn is_closed(self) -> bool {
        matches!(self, GoalStatus::Achieved | GoalStatus::Stopped)
    }

    /// The tag's colour; the words always go with it, never the colour alone.
    pub fn tag_class(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "tag tag--grey",
            GoalStatus::OnTrack => "tag tag--green",
            GoalStatus::AtRisk => "tag tag--yellow",
            GoalStatus::Achieved => "tag tag--blue",
            GoalStatus::Stopped => "tag tag--grey",
        }
    }

    /// The status in a family's words.
    pub fn for_families(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "Not started yet",
            GoalStatus::OnTrack => "Going well",
            GoalStatus::AtRisk => "Needs more work",
            GoalStatus::Achieved => "Done",
            GoalStatus::Stopped => "Stopped",
        }
    }
}

/// Who does a step: someone in the family, or a worker by role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepWho {
    Member(MemberId),
    Worker(StaffRole),
}

impl StepWho {
    /// `member:<id>` or `role:<code>`: how forms and the database carry it.
    pub fn code(self) -> String {
        match self {
            StepWho::Member(id) => format!("member:{id}"),
            StepWho::Worker(role) => format!("role:{}", role.code()),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let (kind, value) = code.split_once(':')?;
        match kind {
            "member" => MemberId::parse(value).map(StepWho::Member),
            "role" => StaffRole::from_code(value).map(StepWho::Worker),
            _ => None,
        }
    }

    pub fn member(self) -> Option<MemberId> {
        match self {
            StepWho::Member(id) => Some(id),
            StepWho::Worker(_) => None,
        }
    }
}

stored_as_code!(StepWho);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: StepId,
    pub who: StepWho,
    /// "Kelly", "Social worker".
    pub who_name: String,
    pub what: String,
    pub due_on: NaiveDate,
    pub done: bool,
    pub version: i64,
    /// The family members who may see this step (DOMAIN.md §5).
    pub visible_to: Vec<MemberId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    /// The adult whose goal it is, or the child whose outcome it is.
    pub owner: MemberId,
    pub owner_name: String,
    pub area: GoalArea,
    pub family_words: String,
    pub professional_words: String,
    pub target_date: NaiveDate,
    pub status: GoalStatus,
    /// Counts every saved change; a save must name the version it started from.
    pub version: i64,
    pub visible_to: Vec<MemberId>,
    pub steps: Vec<Step>,
    /// Oldest first.
    pub check_ins: Vec<CheckIn>,
}

impl Goal {
    /// The first step not yet done, by date.
    pub fn next_step(&self) -> Option<&Step> {
        self.steps
            .iter()
            .filter(|s| !s.done)
            .min_by_key(|s| s.due_on)
    }

    pub fn series(&self, scale: Scale) -> impl Iterator<Item = &CheckIn> {
        self.check_ins.iter().filter(move |c| c.scale == scale)
    }

    pub fn latest(&self, scale: Scale) -> Option<&CheckIn> {
        self.series(scale).last()
    }

    /// The family's latest rating minus the practitioner's: the gap is worth talking about.
    pub fn rating_gap(&self) -> Option<i16> {
        Some(
            i16::from(self.latest(Scale::Family)?.score)
                - i16::from(self.latest(Scale::Worker)?.score),
        )
    }
}

/// Describes the gap between the two ratings for the team.
pub fn describe_gap(gap: i16) -> String {
    match gap {
        0 => "The family and the practitioner agree.".into(),
        g if g > 0 => format!("The family rates this {g} higher than the practitioner."),
        g => format!("The family rates this {} lower than the practitioner.", -g),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::CheckInId;

    fn check_in(scale: Scale, score: u8, day: u32) -> CheckIn {
        CheckIn {
            id: CheckInId::new(),
            scale,
            score,
            given_on: NaiveDate::from_ymd_opt(2026, 1, day).unwrap_or_default(),
            given_by: "Someone".into(),
            by_member: None,
            comment: String::new(),
            answers: Default::default(),
        }
    }

    fn goal(check_ins: Vec<CheckIn>, steps: Vec<Step>) -> Goal {
        Goal {
            id: GoalId::new(),
            owner: MemberId::new(),
            owner_name: "Kelly".into(),
            area: GoalArea::Parenting,
            family_words: "Get the children to school on time".into(),
            professional_words: "Improve school attendance to above 95%".into(),
            target_date: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default(),
            status: GoalStatus::OnTrack,
            version: 1,
            visible_to: vec![],
            steps,
            check_ins,
        }
    }

    #[test]
    fn the_gap_compares_the_latest_of_each_series() {
        let g = goal(
            vec![
                check_in(Scale::Family, 3, 1),
                check_in(Scale::Worker, 2, 1),
                check_in(Scale::Family, 7, 8),
                check_in(Scale::Worker, 4, 8),
            ],
            vec![],
        );
        assert_eq!(g.rating_gap(), Some(3));
        assert_eq!(
            describe_gap(3),
            "The family rates this 3 higher than the practitioner."
        );
        assert_eq!(
            describe_gap(-2),
            "The family rates this 2 lower than the practitioner."
        );
        assert_eq!(
            goal(vec![check_in(Scale::Family, 3, 1)], vec![]).rating_gap(),
            None
        );
    }

    #[test]
    fn the_next_step_is_the_earliest_not_done() {
        let step = |what: &str, day: u32, done: bool| Step {
            id: StepId::new(),
            who: StepWho::Worker(StaffRole::SocialWorker),
            who_name: "Social worker".into(),
            what: what.into(),
            due_on: NaiveDate::from_ymd_opt(2026, 2, day).unwrap_or_default(),
            done,
            version: 1,
            visible_to: vec![],
        };
        let g = goal(
            vec![],
            vec![
                step("late", 20, false),
                step("done", 1, true),
                step("soon", 5, false),
            ],
        );
        assert_eq!(g.next_step().map(|s| s.what.as_str()), Some("soon"));
    }

    #[test]
    fn step_owners_round_trip_through_their_codes() {
        let member = StepWho::Member(MemberId::new());
        assert_eq!(StepWho::from_code(&member.code()), Some(member));
        let worker = StepWho::Worker(StaffRole::DomesticAbusePractitioner);
        assert_eq!(StepWho::from_code(&worker.code()), Some(worker));
        assert_eq!(StepWho::from_code("role:nobody"), None);
        assert_eq!(StepWho::from_code("member:not-a-uuid"), None);
        assert_eq!(StepWho::from_code("nonsense"), None);
    }

    #[test]
    fn closed_goals_are_achieved_or_stopped() {
        let closed: Vec<_> = GoalStatus::ALL.iter().filter(|s| s.is_closed()).collect();
        assert_eq!(closed, [&GoalStatus::Achieved, &GoalStatus::Stopped]);
    }
}
