//! The roles of DOMAIN.md §2 for people who work in the council.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StaffRole {
    /// The children's social worker who holds the case.
    SocialWorker,
    DomesticAbusePractitioner,
    DomesticAbuseOfficer,
    /// Drugs and alcohol.
    RecoveryWorker,
    MentalHealthPractitioner,
    Psychologist,
    FamilySupportWorker,
    /// Practice or team manager.
    TeamManager,
    /// Business support: accounts and allocation, no case content by default.
    Administrator,
    /// The council's information rights team: answers subject access requests and runs the
    /// retention schedule. No case work; sees only what a request needs.
    InformationGovernance,
}

impl StaffRole {
    pub const ALL: [StaffRole; 10] = [
        StaffRole::SocialWorker,
        StaffRole::DomesticAbusePractitioner,
        StaffRole::DomesticAbuseOfficer,
        StaffRole::RecoveryWorker,
        StaffRole::MentalHealthPractitioner,
        StaffRole::Psychologist,
        StaffRole::FamilySupportWorker,
        StaffRole::TeamManager,
        StaffRole::Administrator,
        StaffRole::InformationGovernance,
    ];

    /// The roles that are allocated to a family, one worker each.
    pub const ALLOCATED: [StaffRole; 7] = [
        StaffRole::SocialWorker,
        StaffRole::DomesticAbusePractitioner,
        StaffRole::DomesticAbuseOfficer,
        StaffRole::RecoveryWorker,
        StaffRole::MentalHealthPractitioner,
        StaffRole::Psychologist,
        StaffRole::FamilySupportWorker,
    ];

    /// Stable name for storage; never shown to people.
    pub fn code(self) -> &'static str {
        match self {
            StaffRole::SocialWorker => "social_worker",
            StaffRole::DomesticAbusePractitioner => "domestic_abuse_practitioner",
            StaffRole::DomesticAbuseOfficer => "domestic_abuse_officer",
            StaffRole::RecoveryWorker => "recovery_worker",
            StaffRole::MentalHealthPractitioner => "mental_health_practitioner",
            StaffRole::Psychologist => "psychologist",
            StaffRole::FamilySupportWorker => "family_support_worker",
            StaffRole::TeamManager => "team_manager",
            StaffRole::Administrator => "administrator",
            StaffRole::InformationGovernance => "information_governance",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.code() == code)
    }

    /// How colleagues name the role.
    pub fn label(self) -> &'static str {
        match self {
            StaffRole::SocialWorker => "Social worker",
            StaffRole::DomesticAbusePractitioner => "Domestic abuse practitioner",
            StaffRole::DomesticAbuseOfficer => "Domestic abuse officer",
            StaffRole::RecoveryWorker => "Recovery worker (drugs and alcohol)",
            StaffRole::MentalHealthPractitioner => "Mental health practitioner",
            StaffRole::Psychologist => "Psychologist",
            StaffRole::FamilySupportWorker => "Family support worker",
            StaffRole::TeamManager => "Team manager",
            StaffRole::Administrator => "Administrator",
            StaffRole::InformationGovernance => "Information governance officer",
        }
    }

    /// How a parent would name the worker, in everyday words (DOMAIN.md §6).
    pub fn plain_label(self) -> &'static str {
        match self {
            StaffRole::SocialWorker => "your social worker",
            StaffRole::DomesticAbusePractitioner | StaffRole::DomesticAbuseOfficer => {
                "a worker who helps with relationships and safety at home"
            }
            StaffRole::RecoveryWorker => "a worker who helps with drugs or alcohol",
            StaffRole::MentalHealthPractitioner => "a worker who helps with how you feel",
            StaffRole::Psychologist => "a psychologist who helps with parenting",
            StaffRole::FamilySupportWorker => "a family support worker",
            StaffRole::TeamManager => "the team manager",
            StaffRole::Administrator => "the office team",
            StaffRole::InformationGovernance => "the council's information rights team",
        }
    }

    /// Roles that work on cases, as opposed to business support and information rights.
    pub fn reads_case_content(self) -> bool {
        self.works_in_team()
    }

    /// Every role but the council-wide ones (administrators, information governance) belongs
    /// to a team.
    pub fn works_in_team(self) -> bool {
        !matches!(
            self,
            StaffRole::Administrator | StaffRole::InformationGovernance
        )
    }
}

stored_as_code!(StaffRole);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for role in StaffRole::ALL {
            assert_eq!(StaffRole::from_code(role.code()), Some(role));
        }
        let mut codes: Vec<_> = StaffRole::ALL.iter().map(|r| r.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), StaffRole::ALL.len());
        assert_eq!(StaffRole::from_code("nurse"), None);
    }
}
