//! Why a passage of a disclosure is withheld. The record itself never changes: a withholding marks
//! a passage, or words within it, in one request's disclosure, with one of these reasons, and a
//! second person approves the whole before anything is sent.

use crate::domain::fields::parse_text;
use crate::error::{check, FieldErrors};
use serde::{Deserialize, Serialize};

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

pub const MAX_WORDS_CHARS: usize = 500;

form! {
    /// Withholding a passage of a disclosure, or some words wherever they occur in it.
    WithholdForm {
        reason,
    }
    optional {
        words,
        note,
    }
    lists {}
}

/// What a withholding holds back and why: `words` is `None` for the whole passage. The note is
/// required for `Other`, optional otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withholding {
    pub words: Option<String>,
    pub reason: WithholdReason,
    pub note: String,
}

pub fn parse_withholding(form: &WithholdForm) -> Result<Withholding, FieldErrors> {
    let mut errors = form.typed();
    let reason = check(
        &mut errors,
        "reason",
        WithholdReason::from_code(form.reason.trim())
            .ok_or_else(|| "Choose why this is withheld".to_string()),
    );
    let words = check(
        &mut errors,
        "words",
        parse_text(&form.words, "the words to withhold", MAX_WORDS_CHARS, false),
    );
    let note = reason.and_then(|reason| {
        check(
            &mut errors,
            "note",
            parse_text(
                &form.note,
                "a note saying why this is withheld",
                MAX_NOTE_CHARS,
                reason == WithholdReason::Other,
            ),
        )
    });
    match (reason, words, note) {
        (Some(reason), Some(words), Some(note)) if errors.is_empty() => Ok(Withholding {
            words: (!words.is_empty()).then_some(words),
            reason,
            note,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn withhold(reason: &str, words: &str, note: &str) -> Result<Withholding, FieldErrors> {
        parse_withholding(&WithholdForm {
            reason: reason.into(),
            words: words.into(),
            note: note.into(),
        })
    }

    #[test]
    fn a_reason_from_the_list_and_a_note_for_other() {
        assert_eq!(
            withhold("third_party", "", "").ok(),
            Some(Withholding {
                words: None,
                reason: WithholdReason::ThirdParty,
                note: String::new()
            })
        );
        let errors = withhold("other", " Dawn ", " ").expect_err("no note");
        assert_eq!(
            errors.for_field("note"),
            Some("Enter a note saying why this is withheld")
        );
        assert_eq!(errors.value("words"), Some(" Dawn "), "typed words kept");
        assert_eq!(
            withhold("other", "Dawn", "Police asked us to wait")
                .ok()
                .and_then(|w| w.words),
            Some("Dawn".to_string())
        );
        assert!(withhold("because", "", "")
            .expect_err("no such reason")
            .for_field("reason")
            .is_some());
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
