//! A danger statement with its safety goal.

use super::{parse_visible_to, Context, MAX_SAFETY};
use crate::domain::fields::{parse_text, parse_version};
use crate::domain::ids::MemberId;
use crate::error::{check, FieldErrors};

form! {
    /// A danger statement with its safety goal.
    SafetyForm {
        version,
        danger,
        safety_goal,
    }
    optional {}
    lists { visible_to, }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyInput {
    pub version: i64,
    pub danger: String,
    pub safety_goal: String,
    pub visible_to: Vec<MemberId>,
}

pub fn parse_safety(form: &SafetyForm, ctx: &Context) -> Result<SafetyInput, FieldErrors> {
    let mut errors = form.typed();
    let version = check(&mut errors, "version", parse_version(&form.version));
    let danger = check(
        &mut errors,
        "danger",
        parse_text(&form.danger, "the danger statement", MAX_SAFETY, true),
    );
    let safety_goal = check(
        &mut errors,
        "safety_goal",
        parse_text(&form.safety_goal, "the safety goal", MAX_SAFETY, true),
    );
    let visible_to = parse_visible_to(&mut errors, &form.visible_to, ctx);
    match (version, danger, safety_goal) {
        (Some(version), Some(danger), Some(safety_goal)) if errors.is_empty() => Ok(SafetyInput {
            version,
            danger,
            safety_goal,
            visible_to,
        }),
        _ => Err(errors),
    }
}
