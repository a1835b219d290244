//! Why a passage of a disclosure is withheld. The record itself never changes: a withholding marks
//! a passage, or words within it, in one request's disclosure, with one of these reasons, and a
//! second person approves the whole before anything is sent.

use crate::domain::fields::parse_text;

pub const MAX_NOTE_CHARS: usize = 500;

coded_enum!(
    /// The fixed list a reviewer chooses from.
    WithholdReason {
        ThirdParty => "third_party", "Identifies someone else, who has not agreed and whom it is not reasonable to name";
        SeriousHarm => "serious_harm", "Likely to cause serious harm to someone's physical or mental health";
        LegalPrivilege => "legal_privilege", "Legal advice, which is privileged";
        CourtReport => "court_report", "Part of a report for court proceedings";
        Other => "other", "Another reason, given in a note";
    }
);

impl WithholdReason {
    /// The exemption the schedule of withheld information names, where it is a single provision
    /// of the Data Protection Act 2018; the council's own officer words the rest.
    pub fn basis(self) -> Option<&'static str> {
        match self {
            WithholdReason::ThirdParty => {
                Some("Data Protection Act 2018, Schedule 2, Part 3, paragraph 16")
            }
            WithholdReason::SeriousHarm => Some("Data Protection Act 2018, Schedule 3, Part 3"),
            WithholdReason::LegalPrivilege
            | WithholdReason::CourtReport
            | WithholdReason::Other => None,
        }
    }
}

/// A reason with its note: required for `Other`, optional otherwise.
pub fn parse_withholding(
    reason: &str,
    note: &str,
) -> Result<(WithholdReason, String), (&'static str, String)> {
    let reason = WithholdReason::from_code(reason.trim())
        .ok_or(("reason", "Choose why this is withheld".to_string()))?;
    let note = parse_text(
        note,
        "a note saying why this is withheld",
        MAX_NOTE_CHARS,
        reason == WithholdReason::Other,
    )
    .map_err(|message| ("note", message))?;
    Ok((reason, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_from_the_list_and_a_note_for_other() {
        assert_eq!(
            parse_withholding("third_party", ""),
            Ok((WithholdReason::ThirdParty, String::new()))
        );
        assert_eq!(
            parse_withholding("other", " "),
            Err((
                "note",
                "Enter a note saying why this is withheld".to_string()
            ))
        );
        assert_eq!(
            parse_withholding("other", "Police asked us to wait"),
            Ok((WithholdReason::Other, "Police asked us to wait".to_string()))
        );
        assert!(matches!(
            parse_withholding("because", ""),
            Err(("reason", _))
        ));
    }

    #[test]
    fn codes_are_stable_and_distinct() {
        let codes: std::collections::HashSet<_> =
            WithholdReason::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), WithholdReason::ALL.len());
        assert_eq!(
            WithholdReason::from_code("serious_harm"),
            Some(WithholdReason::SeriousHarm)
        );
    }
}
