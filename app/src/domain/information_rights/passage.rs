//! What Hearth holds about one person, gathered for a subject access request: passages, each
//! from one record (or one part of one), under the section a disclosure lists it in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Where a passage sits in the disclosure, in the order the disclosure lists them.
    Section {
        Record => "record", "Your record";
        LegalStatus => "legal_status", "Your legal status";
        Goals => "goals", "Goals and steps";
        Ratings => "ratings", "Ratings";
        OwnWords => "own_words", "Your own words, and the replies";
        ChangePlans => "change_plans", "Your plans for change";
        Workbook => "workbook", "Visits and other work with you";
        Supervision => "supervision", "Group supervision of your family";
        Reads => "reads", "Who read your records";
    }
);

/// One passage: `key` names its record and part (`goal:<id>:family_words`), so a withholding
/// marked on it stays on it however often the request is gathered again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub key: String,
    pub section: Section,
    /// What the passage is: "Goal", "Visit by Sam Whitfield (Social worker)".
    pub heading: String,
    pub on: Option<NaiveDate>,
    pub text: String,
}

impl Passage {
    pub fn new(
        section: Section,
        key: impl Into<String>,
        heading: impl Into<String>,
        on: Option<NaiveDate>,
        text: impl Into<String>,
    ) -> Self {
        Passage {
            key: key.into(),
            section,
            heading: heading.into(),
            on,
            text: text.into(),
        }
    }
}

/// Passages in the disclosure's order: by section, then by day (undated first), then as given.
pub fn in_order(mut passages: Vec<Passage>) -> Vec<Passage> {
    let position = |section: Section| {
        Section::ALL
            .iter()
            .position(|s| *s == section)
            .unwrap_or(usize::MAX)
    };
    passages.sort_by_key(|p| (position(p.section), p.on));
    passages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_are_listed_by_section_then_day() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d);
        let passages = in_order(vec![
            Passage::new(
                Section::Workbook,
                "entry:b",
                "Visit",
                day(9),
                "second visit",
            ),
            Passage::new(Section::Record, "member:a", "Name", None, "Kelly Ashworth"),
            Passage::new(Section::Workbook, "entry:a", "Visit", day(2), "first visit"),
            Passage::new(Section::Goals, "goal:a", "Goal", day(5), "Walk to school"),
        ]);
        let keys: Vec<&str> = passages.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["member:a", "goal:a", "entry:a", "entry:b"]);
    }
}
