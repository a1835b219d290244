//! Reading plan forms: the same rules in the browser, as the practitioner types, and on the
//! server, which trusts nothing. Each `parse_*` keeps what was typed so nothing is lost.

mod check_in;
mod goal;
mod houses;
mod safety;
mod step;
mod words;

pub use check_in::{parse_check_in, parse_own_rating, CheckInForm, CheckInInput};
pub use goal::{parse_goal, GoalForm, GoalInput};
pub use houses::{parse_houses, HousesForm, HousesInput};
pub use safety::{parse_safety, SafetyForm, SafetyInput};
pub use step::{parse_step, StepForm, StepInput};
pub use words::parse_words;

use super::ids::MemberId;
use super::plan::PlanMember;
use crate::error::FieldErrors;
use chrono::NaiveDate;

pub const MAX_GOAL_WORDS: usize = 500;
pub const MAX_PROFESSIONAL_WORDS: usize = 1000;
pub const MAX_STEP: usize = 300;
pub const MAX_COMMENT: usize = 2000;
pub const MAX_HOUSE: usize = 2000;
pub const MAX_SAFETY: usize = 1000;
pub const MAX_REASON: usize = 500;

/// What the rules need to know besides the form: today's date and who is in the family.
pub struct Context<'a> {
    pub today: NaiveDate,
    pub members: &'a [PlanMember],
}

impl Context<'_> {
    fn member(&self, text: &str) -> Option<&PlanMember> {
        let id = MemberId::parse(text)?;
        self.members.iter().find(|m| m.id == id)
    }
}

/// Who may see a record: adults in this family only (children have no accounts).
fn parse_visible_to(errors: &mut FieldErrors, chosen: &[String], ctx: &Context) -> Vec<MemberId> {
    let mut ids = Vec::new();
    for text in chosen {
        match ctx.member(text) {
            Some(m) if m.kind == super::family::MemberKind::Adult => {
                if !ids.contains(&m.id) {
                    ids.push(m.id);
                }
            }
            _ => {
                errors.add("visible_to", "Choose people in this family");
                return Vec::new();
            }
        }
    }
    ids
}

/// The errors of a parse, or none: what the browser shows before sending.
pub fn errors_of<T>(parsed: Result<T, FieldErrors>) -> FieldErrors {
    parsed.err().unwrap_or_default()
}

/// A small family for the form tests: an adult and a child.
#[cfg(test)]
mod test_family {
    use crate::domain::family::MemberKind;
    use crate::domain::ids::MemberId;
    use crate::domain::plan::PlanMember;
    use chrono::NaiveDate;

    pub fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    pub fn members() -> Vec<PlanMember> {
        vec![
            PlanMember {
                id: MemberId::new(),
                name: "Kelly".into(),
                kind: MemberKind::Adult,
            },
            PlanMember {
                id: MemberId::new(),
                name: "Ruby".into(),
                kind: MemberKind::Child,
            },
        ]
    }
}
