//! Worcestershire's cohort check (DOMAIN.md §3): at least one child aged 10 or under on a
//! child protection plan (including pre-proceedings) AND the social work assessment found the
//! trio. It is advice to the team, never a gate, so it always says why.

use super::age::age_in_years;
use super::family::{IdentifiedBy, LegalStatus, TrioFinding, Vulnerability};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const COHORT_MAX_AGE: u32 = 10;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortCheck {
    pub meets: bool,
    /// Sentences for the team: what was found, or what is missing.
    pub reasons: Vec<String>,
}

/// What the check needs to know about a child.
pub struct CohortChild<'a> {
    pub given_name: &'a str,
    pub date_of_birth: Option<NaiveDate>,
    /// Every status open today (a child can be on a plan and in pre-proceedings at once).
    pub statuses: Vec<LegalStatus>,
}

impl CohortChild<'_> {
    fn on_plan_or_pre_proceedings(&self) -> bool {
        self.statuses
            .iter()
            .any(|s| s.is_protection_plan_or_pre_proceedings())
    }
}

pub fn check_cohort(
    children: &[CohortChild<'_>],
    trio: &[TrioFinding],
    today: NaiveDate,
) -> CohortCheck {
    let mut reasons = Vec::new();

    let qualifying: Vec<String> = children
        .iter()
        .filter(|child| child.on_plan_or_pre_proceedings())
        .filter_map(|child| {
            let age = age_in_years(child.date_of_birth?, today)?;
            (age <= COHORT_MAX_AGE).then(|| format!("{} ({age})", child.given_name))
        })
        .collect();
    let child_test = !qualifying.is_empty();
    if child_test {
        reasons.push(format!(
            "On a child protection plan or in pre-proceedings and aged {COHORT_MAX_AGE} or under: {}.",
            qualifying.join(", ")
        ));
    } else if children.iter().any(CohortChild::on_plan_or_pre_proceedings) {
        reasons.push(format!(
            "The children on a plan or in pre-proceedings are all older than {COHORT_MAX_AGE}, or their date of birth is not recorded."
        ));
    } else {
        reasons.push(format!(
            "No child aged {COHORT_MAX_AGE} or under is on a child protection plan or in pre-proceedings."
        ));
    }

    let mut trio_test = true;
    for vulnerability in Vulnerability::ALL {
        match trio.iter().find(|f| f.vulnerability == *vulnerability) {
            None => {
                trio_test = false;
                reasons.push(format!(
                    "{} has not been identified.",
                    vulnerability.label()
                ));
            }
            Some(found) if found.identified_by != IdentifiedBy::SocialWorkAssessment => {
                trio_test = false;
                reasons.push(format!(
                    "{} was identified by: {}; the social work assessment has not confirmed it yet.",
                    vulnerability.label(),
                    found.identified_by.label().to_lowercase()
                ));
            }
            Some(_) => {}
        }
    }
    if trio_test {
        reasons.push(
            "The social work assessment found all three of the trio of vulnerabilities.".into(),
        );
    }

    CohortCheck {
        meets: child_test && trio_test,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::family::{LegalStatusKind, ProtectionCategory};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }
    const TODAY: (i32, u32, u32) = (2026, 11, 23);
    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }
    fn plan() -> Option<LegalStatus> {
        Some(LegalStatus {
            kind: LegalStatusKind::ChildProtectionPlan,
            category: Some(ProtectionCategory::Neglect),
        })
    }
    fn full_trio(by: IdentifiedBy) -> Vec<TrioFinding> {
        Vulnerability::ALL
            .iter()
            .map(|v| TrioFinding {
                vulnerability: *v,
                identified_by: by,
                identified_on: d(2026, 6, 1),
            })
            .collect()
    }

    #[test]
    fn young_child_on_plan_with_assessed_trio_meets_it() {
        let kids = [CohortChild {
            given_name: "Kai",
            date_of_birth: Some(d(2020, 3, 1)),
            statuses: plan().into_iter().collect(),
        }];
        let check = check_cohort(
            &kids,
            &full_trio(IdentifiedBy::SocialWorkAssessment),
            today(),
        );
        assert!(check.meets, "{:?}", check.reasons);
        assert!(check.reasons[0].contains("Kai (6)"));
    }

    #[test]
    fn a_child_who_turned_eleven_yesterday_does_not_count() {
        let kids = [CohortChild {
            given_name: "Mia",
            date_of_birth: Some(d(2015, 11, 22)),
            statuses: plan().into_iter().collect(),
        }];
        let check = check_cohort(
            &kids,
            &full_trio(IdentifiedBy::SocialWorkAssessment),
            today(),
        );
        assert!(!check.meets);
        assert!(check.reasons[0].contains("all older than 10"));
    }

    #[test]
    fn a_child_who_is_ten_today_counts() {
        let kids = [CohortChild {
            given_name: "Mia",
            date_of_birth: Some(d(2016, 11, 23)),
            statuses: plan().into_iter().collect(),
        }];
        assert!(
            check_cohort(
                &kids,
                &full_trio(IdentifiedBy::SocialWorkAssessment),
                today()
            )
            .meets
        );
    }

    #[test]
    fn pre_proceedings_count_but_child_in_need_does_not() {
        let plo = Some(LegalStatus {
            kind: LegalStatusKind::PreProceedings,
            category: None,
        });
        let cin = Some(LegalStatus {
            kind: LegalStatusKind::ChildInNeed,
            category: None,
        });
        let trio = full_trio(IdentifiedBy::SocialWorkAssessment);
        let with_plo = [CohortChild {
            given_name: "A",
            date_of_birth: Some(d(2022, 1, 1)),
            statuses: plo.into_iter().collect(),
        }];
        let with_cin = [CohortChild {
            given_name: "B",
            date_of_birth: Some(d(2022, 1, 1)),
            statuses: cin.into_iter().collect(),
        }];
        assert!(check_cohort(&with_plo, &trio, today()).meets);
        let check = check_cohort(&with_cin, &trio, today());
        assert!(!check.meets);
        assert!(check.reasons[0].starts_with("No child aged 10 or under"));
    }

    #[test]
    fn says_which_part_of_the_trio_is_missing_or_unconfirmed() {
        let kids = [CohortChild {
            given_name: "Kai",
            date_of_birth: Some(d(2020, 3, 1)),
            statuses: plan().into_iter().collect(),
        }];
        let mut trio = full_trio(IdentifiedBy::SocialWorkAssessment);
        trio.retain(|f| f.vulnerability != Vulnerability::MentalHealth);
        trio[0].identified_by = IdentifiedBy::Referral;
        let check = check_cohort(&kids, &trio, today());
        assert!(!check.meets);
        let text = check.reasons.join(" ");
        assert!(
            text.contains("Parental mental ill-health has not been identified."),
            "{text}"
        );
        assert!(
            text.contains("Domestic abuse was identified by: referral or partner agency"),
            "{text}"
        );
    }

    #[test]
    fn missing_date_of_birth_cannot_count() {
        let kids = [CohortChild {
            given_name: "Kai",
            date_of_birth: None,
            statuses: plan().into_iter().collect(),
        }];
        assert!(
            !check_cohort(
                &kids,
                &full_trio(IdentifiedBy::SocialWorkAssessment),
                today()
            )
            .meets
        );
    }
}
