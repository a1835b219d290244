//! A child's Three Houses: worries, good things and dreams, in the child's words.

use super::{Context, MAX_HOUSE};
use crate::domain::fields::{parse_text, past_date};
use crate::domain::ids::MemberId;
use crate::domain::plan::house_items;
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;

form! {
    /// A child's Three Houses.
    HousesForm {
        child,
        recorded_on,
    }
    optional {
        worries,
        good_things,
        dreams,
    }
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HousesInput {
    pub child: MemberId,
    pub recorded_on: NaiveDate,
    pub worries: String,
    pub good_things: String,
    pub dreams: String,
}

pub fn parse_houses(form: &HousesForm, ctx: &Context) -> Result<HousesInput, FieldErrors> {
    let mut errors = FieldErrors::default();
    let child = check(
        &mut errors,
        "child",
        ctx.member(&form.child)
            .filter(|m| m.kind == crate::domain::family::MemberKind::Child)
            .map(|m| m.id)
            .ok_or_else(|| "Choose the child".to_string()),
    );
    let recorded_on = check(
        &mut errors,
        "recorded_on",
        past_date(
            &form.recorded_on,
            "the date you did the Three Houses",
            ctx.today,
        ),
    );
    let mut house = |field: &str, text: &str, what: &str| {
        check(&mut errors, field, parse_text(text, what, MAX_HOUSE, false))
    };
    let worries = house("worries", &form.worries, "the house of worries");
    let good_things = house("good_things", &form.good_things, "the house of good things");
    let dreams = house("dreams", &form.dreams, "the house of dreams");
    if [&form.worries, &form.good_things, &form.dreams]
        .iter()
        .all(|t| house_items(t).is_empty())
    {
        errors.add("worries", "Write what the child said in at least one house");
    }
    for (field, value) in form.typed().values {
        errors.keep(&field, &value);
    }
    match (child, recorded_on, worries, good_things, dreams) {
        (Some(child), Some(recorded_on), Some(worries), Some(good_things), Some(dreams))
            if errors.is_empty() =>
        {
            Ok(HousesInput {
                child,
                recorded_on,
                worries,
                good_things,
                dreams,
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
    fn three_houses_need_the_child_and_something_said() {
        let members = members();
        let ctx = Context {
            today: today(),
            members: &members,
        };
        let adult = members[0].id.to_string();
        let form = HousesForm {
            child: adult.clone(),
            recorded_on: "2026-11-20".into(),
            worries: " \n ".into(),
            good_things: "".into(),
            dreams: "".into(),
        };
        let errors = parse_houses(&form, &ctx).err().unwrap_or_default();
        assert!(errors.for_field("child").is_some());
        assert!(errors.for_field("worries").is_some());
    }
}
