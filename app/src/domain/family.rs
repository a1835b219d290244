//! A family and the people in it (DOMAIN.md §3), as the browser receives them.

use super::ids::{AccountId, MemberId};
use super::role::StaffRole;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(MemberKind {
    Adult => "adult", "Adult";
    Child => "child", "Child";
});

coded_enum!(
    /// The category of a child protection plan, stored as the DfE census codes it is reported as.
    ProtectionCategory {
        Neglect => "NEG", "Neglect";
        Physical => "PHY", "Physical abuse";
        Emotional => "EMO", "Emotional abuse";
        Sexual => "SAB", "Sexual abuse";
        Multiple => "MUL", "Multiple categories";
    }
);

coded_enum!(
    /// A child's legal status. A child protection plan also carries a category.
    LegalStatusKind {
        ChildInNeed => "child_in_need", "Child in need (section 17)";
        ChildProtectionPlan => "child_protection_plan", "Child protection plan";
        PreProceedings => "pre_proceedings", "Pre-proceedings (PLO)";
        CareProceedings => "care_proceedings", "Care proceedings";
    }
);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalStatus {
    pub kind: LegalStatusKind,
    /// Set for a child protection plan; pre-proceedings usually keep the plan's category too.
    pub category: Option<ProtectionCategory>,
}

impl LegalStatus {
    /// Worcestershire's cohort counts children on a plan "including those in or entering
    /// pre-proceedings".
    pub fn is_protection_plan_or_pre_proceedings(self) -> bool {
        matches!(
            self.kind,
            LegalStatusKind::ChildProtectionPlan | LegalStatusKind::PreProceedings
        )
    }

    pub fn label(self) -> String {
        match self.category {
            Some(category) => format!(
                "{} ({})",
                self.kind.label(),
                category.label().to_lowercase()
            ),
            None => self.kind.label().to_string(),
        }
    }
}

coded_enum!(
    /// The trio of vulnerabilities.
    Vulnerability {
        DomesticAbuse => "domestic_abuse", "Domestic abuse";
        SubstanceMisuse => "substance_misuse", "Drug or alcohol misuse";
        MentalHealth => "mental_health", "Parental mental ill-health";
    }
);

coded_enum!(
    /// Who found a vulnerability; the cohort check asks for the social work assessment.
    IdentifiedBy {
        SocialWorkAssessment => "social_work_assessment", "Social work assessment";
        AdultSpecialist => "adult_specialist", "Adult specialist in the team";
        Referral => "referral", "Referral or partner agency";
        Family => "family", "The family told us";
    }
);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrioFinding {
    pub vulnerability: Vulnerability,
    pub identified_by: IdentifiedBy,
    pub identified_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: MemberId,
    pub kind: MemberKind,
    pub given_name: String,
    pub family_name: String,
    /// How the person stands in the household: "Mother", "Stepfather", "Son".
    pub relationship: String,
    pub date_of_birth: Option<NaiveDate>,
    /// Whole years on the day the page was made (computed on the server).
    pub age: Option<u32>,
    /// Children only: the status open today, read from the child's legal status history.
    pub legal_status: Option<LegalStatus>,
    /// An unborn child: when the baby is expected (and no date of birth yet).
    pub expected_on: Option<NaiveDate>,
    /// The council's own case-system person ID.
    pub person_ref: Option<String>,
    /// The day they left the household; they stay in the record.
    pub left_on: Option<NaiveDate>,
    /// Adults only: whether they already have a Hearth account.
    pub has_account: bool,
}

impl Member {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub role: StaffRole,
    pub worker_id: AccountId,
    pub worker_name: String,
}

/// The phrase used for a household everywhere: "The Ashworth family".
pub fn household_title(name: &str) -> String {
    format!("The {name} family")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in LegalStatusKind::ALL {
            assert_eq!(LegalStatusKind::from_code(kind.code()), Some(*kind));
        }
        for v in Vulnerability::ALL {
            assert_eq!(Vulnerability::from_code(v.code()), Some(*v));
        }
        assert_eq!(IdentifiedBy::from_code("gossip"), None);
    }

    #[test]
    fn pre_proceedings_counts_as_a_plan_for_the_cohort() {
        let plo = LegalStatus {
            kind: LegalStatusKind::PreProceedings,
            category: None,
        };
        let cin = LegalStatus {
            kind: LegalStatusKind::ChildInNeed,
            category: None,
        };
        assert!(plo.is_protection_plan_or_pre_proceedings());
        assert!(!cin.is_protection_plan_or_pre_proceedings());
    }

    #[test]
    fn legal_status_label_names_the_category() {
        let cpp = LegalStatus {
            kind: LegalStatusKind::ChildProtectionPlan,
            category: Some(ProtectionCategory::Neglect),
        };
        assert_eq!(cpp.label(), "Child protection plan (neglect)");
    }
}
