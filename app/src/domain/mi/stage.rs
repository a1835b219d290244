//! Stages of change, recorded per goal over time: where a parent is with this change now, as
//! the practitioner judges it. Staff-only: the names are professional shorthand.

use crate::domain::fields::{parse_date, parse_text};
use crate::domain::ids::StageNoteId;
use crate::error::{check, FieldErrors};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

coded_enum!(
    Stage {
        Precontemplation => "precontemplation", "Precontemplation";
        Contemplation => "contemplation", "Contemplation";
        Preparation => "preparation", "Preparation";
        Action => "action", "Action";
        Maintenance => "maintenance", "Maintenance";
        Relapse => "relapse", "Relapse";
    }
);

impl Stage {
    /// What the stage looks like, for the form and the page.
    pub fn meaning(self) -> &'static str {
        match self {
            Stage::Precontemplation => "Not yet seeing this as something to change",
            Stage::Contemplation => "In two minds: sees reasons to change and reasons not to",
            Stage::Preparation => "Decided, and getting ready to start",
            Stage::Action => "Making the change now",
            Stage::Maintenance => "Keeping the change going",
            Stage::Relapse => "Slipped back, and can start again",
        }
    }
}

pub const MAX_STAGE_NOTE: usize = 1000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageNote {
    pub id: StageNoteId,
    pub stage: Stage,
    pub noted_on: NaiveDate,
    pub noted_by: String,
    /// What the judgement rests on.
    pub note: String,
}

/// The stage as last recorded; `notes` are oldest first.
pub fn current(notes: &[StageNote]) -> Option<&StageNote> {
    notes.iter().max_by_key(|n| n.noted_on)
}

form! {
    /// A stage of change for one goal, as judged now.
    StageForm {}
    optional {
        stage,
        noted_on,
        note,
    }
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageInput {
    pub stage: Stage,
    pub noted_on: NaiveDate,
    pub note: String,
}

pub fn parse_stage(form: &StageForm, today: NaiveDate) -> Result<StageInput, FieldErrors> {
    let mut errors = form.typed();
    let stage = check(
        &mut errors,
        "stage",
        Stage::from_code(form.stage.trim()).ok_or_else(|| "Choose a stage of change".to_string()),
    );
    let noted_on = check(
        &mut errors,
        "noted_on",
        parse_date(
            &form.noted_on,
            "the date",
            today - Duration::days(365),
            today,
        ),
    );
    let note = check(
        &mut errors,
        "note",
        parse_text(&form.note, "what this is based on", MAX_STAGE_NOTE, false),
    );
    match (stage, noted_on, note) {
        (Some(stage), Some(noted_on), Some(note)) => Ok(StageInput {
            stage,
            noted_on,
            note,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    #[test]
    fn the_current_stage_is_the_latest_by_date_not_by_order_of_entry() {
        let note = |stage, d| StageNote {
            id: StageNoteId::new(),
            stage,
            noted_on: day(d),
            noted_by: "Sam".into(),
            note: String::new(),
        };
        let notes = [
            note(Stage::Contemplation, 3),
            note(Stage::Action, 20),
            note(Stage::Preparation, 10),
        ];
        assert_eq!(current(&notes).map(|n| n.stage), Some(Stage::Action));
        assert_eq!(current(&[]), None);
    }

    #[test]
    fn a_stage_needs_a_known_code_and_a_date_not_in_the_future() {
        let form = StageForm {
            stage: "thinking".into(),
            noted_on: "2026-11-24".into(),
            note: "Said she is done with it".into(),
        };
        let Err(errors) = parse_stage(&form, day(23)) else {
            panic!("refused")
        };
        assert_eq!(errors.for_field("stage"), Some("Choose a stage of change"));
        assert!(errors.for_field("noted_on").is_some());
        assert_eq!(errors.value("note"), Some("Said she is done with it"));
        let ok = StageForm {
            stage: "action".into(),
            noted_on: "2026-11-23".into(),
            note: String::new(),
        };
        assert_eq!(
            parse_stage(&ok, day(23)).map(|s| s.stage),
            Ok(Stage::Action)
        );
    }
}
