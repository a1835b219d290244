//! A goal, added or edited: whose it is, its area, the family's words beside the professional's,
//! by when, its status and who in the family can see it.

use super::{parse_visible_to, Context, MAX_GOAL_WORDS, MAX_PROFESSIONAL_WORDS, MAX_REASON};
use crate::domain::fields::{parse_text, parse_version, plan_date};
use crate::domain::goal::{GoalArea, GoalStatus};
use crate::domain::ids::MemberId;
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;

form! {
    /// A goal, added or edited.
    GoalForm {
        version,
        owner,
        area,
        family_words,
        professional_words,
        target_date,
        status,
    }
    optional { reason, }
    lists { visible_to, }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalInput {
    /// 0 for a new goal, else the version the edit started from.
    pub version: i64,
    pub owner: MemberId,
    pub area: GoalArea,
    pub family_words: String,
    pub professional_words: String,
    pub target_date: NaiveDate,
    pub status: GoalStatus,
    pub visible_to: Vec<MemberId>,
    pub reason: String,
}

pub fn parse_goal(form: &GoalForm, ctx: &Context) -> Result<GoalInput, FieldErrors> {
    let mut errors = form.typed();
    let version = check(&mut errors, "version", parse_version(&form.version));
    let owner = check(
        &mut errors,
        "owner",
        ctx.member(&form.owner)
            .map(|m| m.id)
            .ok_or_else(|| "Choose whose goal this is".to_string()),
    );
    let area = check(
        &mut errors,
        "area",
        GoalArea::from_code(&form.area).ok_or_else(|| "Choose the area of family life".to_string()),
    );
    let family_words = check(
        &mut errors,
        "family_words",
        parse_text(
            &form.family_words,
            "the goal in the family's words",
            MAX_GOAL_WORDS,
            true,
        ),
    );
    let professional_words = check(
        &mut errors,
        "professional_words",
        parse_text(
            &form.professional_words,
            "the professional wording",
            MAX_PROFESSIONAL_WORDS,
            true,
        ),
    );
    let target_date = check(
        &mut errors,
        "target_date",
        plan_date(&form.target_date, "the target date", ctx.today),
    );
    let status = check(
        &mut errors,
        "status",
        GoalStatus::from_code(&form.status)
            .ok_or_else(|| "Choose how the goal is going".to_string()),
    );
    let visible_to = parse_visible_to(&mut errors, &form.visible_to, ctx);
    let reason = check(
        &mut errors,
        "reason",
        parse_text(&form.reason, "the reason", MAX_REASON, false),
    );
    match (
        version,
        owner,
        area,
        family_words,
        professional_words,
        target_date,
        status,
        reason,
    ) {
        (
            Some(version),
            Some(owner),
            Some(area),
            Some(family_words),
            Some(professional_words),
            Some(target_date),
            Some(status),
            Some(reason),
        ) if errors.is_empty() => Ok(GoalInput {
            version,
            owner,
            area,
            family_words,
            professional_words,
            target_date,
            status,
            visible_to,
            reason,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan_input::test_family::{members, today};

    fn goal_form(owner: &str, visible: &[String]) -> GoalForm {
        GoalForm {
            version: "".into(),
            owner: owner.into(),
            area: "parenting".into(),
            family_words: "Get Ruby to school on time".into(),
            professional_words: "School attendance above 95%".into(),
            target_date: "2027-03-01".into(),
            status: "not_started".into(),
            visible_to: visible.to_vec(),
            reason: "".into(),
        }
    }
    #[test]
    fn a_good_goal_is_read() {
        let members = members();
        let ctx = Context {
            today: today(),
            members: &members,
        };
        let owner = members[0].id.to_string();
        let visible = [owner.clone()];
        let goal = parse_goal(&goal_form(&owner, &visible), &ctx);
        assert_eq!(
            goal.map(|g| (g.version, g.visible_to)),
            Ok((0, vec![members[0].id]))
        );
    }

    #[test]
    fn every_bad_field_is_named_and_what_was_typed_is_kept() {
        let members = members();
        let ctx = Context {
            today: today(),
            members: &members,
        };
        let stranger = MemberId::new().to_string();
        let visible = [members[1].id.to_string()];
        let long = "x".repeat(MAX_GOAL_WORDS + 1);
        let mut form = goal_form(&stranger, &visible);
        form.family_words = long.clone();
        form.professional_words = "  ".into();
        form.target_date = "1900-01-01".into();
        form.status = "finished".into();
        let errors = parse_goal(&form, &ctx).err().unwrap_or_default();
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "owner",
                "family_words",
                "professional_words",
                "target_date",
                "status",
                "visible_to"
            ]
        );
        assert_eq!(
            errors.for_field("family_words"),
            Some("The goal in the family's words must be 500 characters or fewer (it has 501)")
        );
        assert_eq!(
            errors.for_field("target_date"),
            Some("The target date must be between 23 November 2025 and 22 November 2031")
        );
        assert_eq!(errors.value("family_words"), Some(long.as_str()));
    }
}
