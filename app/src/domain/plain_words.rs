//! Words for families (DOMAIN.md §6): short sentences, everyday words, terms explained.

use super::family::{LegalStatusKind, Vulnerability};
use chrono::{Datelike, NaiveDate};

/// What a child's legal status means, for the child's parent.
pub fn legal_status_for_families(kind: LegalStatusKind) -> &'static str {
    match kind {
        LegalStatusKind::ChildInNeed => {
            "Child in need. This means we work with you to give your child extra help."
        }
        LegalStatusKind::ChildProtectionPlan => {
            "Child protection plan. This means you and the team agreed a plan to keep your child safe. A group of people who know your family (the core group) meets often to check how it is going."
        }
        LegalStatusKind::PreProceedings => {
            "Pre-proceedings (also called PLO). This means we are very worried. We want to work with you to stop things going to court. You can get free advice from a solicitor."
        }
        LegalStatusKind::CareProceedings => {
            "Care proceedings. This means a court is deciding what is best for your child. Your solicitor can explain each step."
        }
    }
}

/// The trio in everyday words.
pub fn vulnerability_for_families(vulnerability: Vulnerability) -> &'static str {
    match vulnerability {
        Vulnerability::DomesticAbuse => "feeling safe at home",
        Vulnerability::SubstanceMisuse => "drugs or alcohol",
        Vulnerability::MentalHealth => "how you are feeling",
    }
}

/// "Tuesday 3 March", as family pages write dates.
pub fn family_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.format("%A"), date.day(), date.format("%B"))
}

/// "23 Nov 2026, 7:32pm" (UTC), for staff pages such as the audit trail.
pub fn staff_time(unix_ms: i64) -> String {
    match chrono::DateTime::from_timestamp_millis(unix_ms) {
        Some(at) => at.format("%-d %b %Y, %-I:%M%P").to_string(),
        None => "unknown time".to_string(),
    }
}

/// "on Monday 23 November at 7:32pm", for family pages.
pub fn family_time(unix_ms: i64) -> String {
    match chrono::DateTime::from_timestamp_millis(unix_ms) {
        Some(at) => format!(
            "on {} at {}",
            family_date(at.date_naive()),
            at.format("%-I:%M%P")
        ),
        None => "some time ago".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_way_families_read_them() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 3).expect("valid date");
        assert_eq!(family_date(date), "Tuesday 3 March");
    }

    #[test]
    fn staff_times_use_the_twelve_hour_clock() {
        assert_eq!(staff_time(1_795_462_320_000), "23 Nov 2026, 7:32pm");
        assert_eq!(
            family_time(1_795_462_320_000),
            "on Monday 23 November at 7:32pm"
        );
    }

    #[test]
    fn explanations_use_short_sentences() {
        for kind in LegalStatusKind::ALL {
            for sentence in legal_status_for_families(*kind).split(". ") {
                assert!(
                    sentence.split_whitespace().count() <= 20,
                    "too long: {sentence}"
                );
            }
        }
    }
}
