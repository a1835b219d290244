//! A step towards a goal: who does what by when.

use super::{parse_visible_to, Context, MAX_STEP};
use crate::domain::fields::{parse_text, parse_version, plan_date};
use crate::domain::goal::StepWho;
use crate::domain::ids::MemberId;
use crate::domain::role::StaffRole;
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;

form! {
    /// A step towards a goal.
    StepForm {
        version,
        who,
        what,
        due_on,
    }
    optional {}
    lists { visible_to, }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepInput {
    pub version: i64,
    pub who: StepWho,
    pub what: String,
    pub due_on: NaiveDate,
    pub visible_to: Vec<MemberId>,
}

pub fn parse_step(form: &StepForm, ctx: &Context) -> Result<StepInput, FieldErrors> {
    let mut errors = form.typed();
    let version = check(&mut errors, "version", parse_version(&form.version));
    let who = check(
        &mut errors,
        "who",
        StepWho::from_code(&form.who)
            .filter(|who| match who {
                StepWho::Member(id) => ctx.members.iter().any(|m| m.id == *id),
                StepWho::Worker(role) => StaffRole::ALLOCATED.contains(role),
            })
            .ok_or_else(|| "Choose who will do this step".to_string()),
    );
    let what = check(
        &mut errors,
        "what",
        parse_text(&form.what, "what will be done", MAX_STEP, true),
    );
    let due_on = check(
        &mut errors,
        "due_on",
        plan_date(&form.due_on, "the date it is due", ctx.today),
    );
    let visible_to = parse_visible_to(&mut errors, &form.visible_to, ctx);
    match (version, who, what, due_on) {
        (Some(version), Some(who), Some(what), Some(due_on)) if errors.is_empty() => {
            Ok(StepInput {
                version,
                who,
                what,
                due_on,
                visible_to,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan_input::test_family::{members, today};

    #[test]
    fn steps_go_to_family_members_or_allocated_roles() {
        let members = members();
        let ctx = Context {
            today: today(),
            members: &members,
        };
        fn form(who: &str) -> StepForm {
            StepForm {
                version: "".into(),
                who: who.into(),
                what: "Ring the school".into(),
                due_on: "2026-12-01".into(),
                visible_to: Vec::new(),
            }
        }
        assert!(parse_step(&form("role:social_worker"), &ctx).is_ok());
        assert!(parse_step(&form("role:administrator"), &ctx).is_err());
        let kelly = format!("member:{}", members[0].id);
        assert!(parse_step(&form(&kelly), &ctx).is_ok());
        let stranger = format!("member:{}", MemberId::new());
        assert!(parse_step(&form(&stranger), &ctx).is_err());
    }
}
