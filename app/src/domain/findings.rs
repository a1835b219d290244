//! The trio as findings about people (DOMAIN.md §3): each says what was found, about whom, when
//! and by whom, and is stored with the children in need census's assessment-factor code. A
//! finding can be ended; the trio a family shows is made from the findings still open.

use super::family::{IdentifiedBy, TrioFinding, Vulnerability};
use super::fields::{parse_date, parse_version, years};
use super::ids::{FindingId, MemberId};
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// What was found, as the census's assessment factors code a concern about a parent or
    /// carer.
    Concern {
        DomesticAbuse => "3B", "Domestic abuse";
        DrugMisuse => "2B", "Drug misuse";
        AlcoholMisuse => "1B", "Alcohol misuse";
        MentalHealth => "4B", "Parental mental ill-health";
    }
);

impl Concern {
    /// Which of the trio it is: drugs and alcohol are one of the three.
    pub fn vulnerability(self) -> Vulnerability {
        match self {
            Concern::DomesticAbuse => Vulnerability::DomesticAbuse,
            Concern::DrugMisuse | Concern::AlcoholMisuse => Vulnerability::SubstanceMisuse,
            Concern::MentalHealth => Vulnerability::MentalHealth,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: FindingId,
    /// The adult it is about.
    pub member_id: MemberId,
    pub concern: Concern,
    pub identified_by: IdentifiedBy,
    pub identified_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub version: i64,
}

impl Finding {
    pub fn is_open(&self) -> bool {
        self.ended_on.is_none()
    }
}

/// The family's trio from its open findings: for each vulnerability the finding that counts most
/// (the social work assessment's over others, then the earliest).
pub fn summarise(findings: &[Finding]) -> Vec<TrioFinding> {
    Vulnerability::ALL
        .iter()
        .filter_map(|vulnerability| {
            findings
                .iter()
                .filter(|f| f.is_open() && f.concern.vulnerability() == *vulnerability)
                .min_by_key(|f| {
                    (
                        f.identified_by != IdentifiedBy::SocialWorkAssessment,
                        f.identified_on,
                    )
                })
                .map(|f| TrioFinding {
                    vulnerability: *vulnerability,
                    identified_by: f.identified_by,
                    identified_on: f.identified_on,
                })
        })
        .collect()
}

form! {
    /// A finding, as recorded or changed (ended, or its date corrected).
    FindingForm {
        version,
        member,
        concern,
        identified_on,
    }
    optional {
        /// Radios: absent until one is chosen.
        identified_by,
        ended_on,
    }
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingInput {
    pub version: i64,
    pub member: MemberId,
    pub concern: Concern,
    pub identified_by: IdentifiedBy,
    pub identified_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
}

/// A finding as the form sends it; `adults` are the household's adults it may be about.
pub fn parse_finding(
    form: &FindingForm,
    adults: &[MemberId],
    today: NaiveDate,
) -> Result<FindingInput, FieldErrors> {
    let mut errors = form.typed();
    let version = check(&mut errors, "version", parse_version(&form.version));
    let member = check(
        &mut errors,
        "member",
        MemberId::parse(&form.member)
            .filter(|id| adults.contains(id))
            .ok_or_else(|| "Choose the adult in the household it is about".to_string()),
    );
    let concern = check(
        &mut errors,
        "concern",
        Concern::from_code(form.concern.trim()).ok_or_else(|| "Choose what was found".into()),
    );
    let identified_by = check(
        &mut errors,
        "identified_by",
        IdentifiedBy::from_code(form.identified_by.trim())
            .ok_or_else(|| "Choose who identified it".into()),
    );
    let earliest = today - years(20);
    let identified_on = check(
        &mut errors,
        "identified_on",
        parse_date(
            &form.identified_on,
            "the day it was identified",
            earliest,
            today,
        ),
    );
    let ended_on = match form.ended_on.trim() {
        "" => Some(None),
        text => check(
            &mut errors,
            "ended_on",
            parse_date(text, "the day it ended", earliest, today).map(Some),
        ),
    };
    if let (Some(found), Some(Some(end))) = (identified_on, ended_on) {
        if end < found {
            errors.add(
                "ended_on",
                "A finding cannot end before the day it was identified",
            );
        }
    }
    match (
        version,
        member,
        concern,
        identified_by,
        identified_on,
        ended_on,
    ) {
        (
            Some(version),
            Some(member),
            Some(concern),
            Some(identified_by),
            Some(identified_on),
            Some(ended_on),
        ) if errors.is_empty() => Ok(FindingInput {
            version,
            member,
            concern,
            identified_by,
            identified_on,
            ended_on,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(concern: Concern, by: IdentifiedBy, on: u32, ended: bool) -> Finding {
        Finding {
            id: FindingId::new(),
            member_id: MemberId::new(),
            concern,
            identified_by: by,
            identified_on: NaiveDate::from_ymd_opt(2026, 5, on).expect("date"),
            ended_on: ended.then(|| NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")),
            version: 1,
        }
    }

    #[test]
    fn drugs_and_alcohol_are_one_of_the_trio_and_ended_findings_do_not_count() {
        use IdentifiedBy::{Referral, SocialWorkAssessment};
        let trio = summarise(&[
            finding(Concern::AlcoholMisuse, Referral, 1, false),
            finding(Concern::DrugMisuse, SocialWorkAssessment, 9, false),
            finding(Concern::DomesticAbuse, SocialWorkAssessment, 2, true),
        ]);
        assert_eq!(trio.len(), 1);
        assert_eq!(trio[0].vulnerability, Vulnerability::SubstanceMisuse);
        // The assessment's finding counts over an earlier referral's.
        assert_eq!(trio[0].identified_by, SocialWorkAssessment);
    }

    #[test]
    fn a_finding_is_about_an_adult_of_the_household() {
        let adult = MemberId::new();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
        let mut form = FindingForm {
            version: "0".into(),
            member: MemberId::new().to_string(),
            concern: "3B".into(),
            identified_by: "social_work_assessment".into(),
            identified_on: "4/5/2026".into(),
            ended_on: String::new(),
        };
        let errors = parse_finding(&form, &[adult], today).expect_err("not an adult here");
        assert!(errors.for_field("member").is_some());
        form.member = adult.to_string();
        let input = parse_finding(&form, &[adult], today).expect("valid");
        assert_eq!(input.concern, Concern::DomesticAbuse);
        form.ended_on = "2026-05-01".into();
        assert!(parse_finding(&form, &[adult], today).is_err());
    }
}
