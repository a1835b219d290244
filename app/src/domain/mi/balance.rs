//! Decisional balance: the good and the less good things about changing, and about things
//! staying as they are. Filled in by a family member, or by a worker with them in a session.

use crate::domain::fields::parse_text;
use crate::domain::ids::BalanceItemId;
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// The four boxes, headed in plain words.
    Quadrant {
        ChangeGood => "change_good", "Good things about changing";
        ChangeHard => "change_hard", "Less good things about changing";
        StayGood => "stay_good", "Good things about things staying the same";
        StayHard => "stay_hard", "Less good things about things staying the same";
    }
);

pub const MAX_ITEM: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceItem {
    pub id: BalanceItemId,
    pub quadrant: Quadrant,
    pub body: String,
    pub written_by: String,
    /// Written by the family member themselves, not by a worker with them.
    pub by_member: bool,
    pub written_on: NaiveDate,
}

pub fn in_quadrant(
    items: &[BalanceItem],
    quadrant: Quadrant,
) -> impl Iterator<Item = &BalanceItem> {
    items.iter().filter(move |i| i.quadrant == quadrant)
}

form! {
    /// One item in a decisional balance, from the member or from a worker on their behalf.
    BalanceItemForm {}
    optional {
        quadrant,
        body,
    }
    lists {}
}

pub fn parse_item(form: &BalanceItemForm) -> Result<(Quadrant, String), FieldErrors> {
    let BalanceItemForm { quadrant, body } = form;
    let mut errors = form.typed();
    let quadrant_ok = check(
        &mut errors,
        "quadrant",
        Quadrant::from_code(quadrant.trim()).ok_or_else(|| "Choose which box this goes in".into()),
    );
    let body_ok = check(
        &mut errors,
        "body",
        parse_text(body, "what to add", MAX_ITEM, true),
    );
    match (quadrant_ok, body_ok) {
        (Some(q), Some(b)) => Ok((q, b)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plain_check::check_plain_words;

    #[test]
    fn an_item_needs_a_box_and_words() {
        let item = |quadrant: &str, body: &str| BalanceItemForm {
            quadrant: quadrant.into(),
            body: body.into(),
        };
        assert_eq!(
            parse_item(&item("stay_good", " I can relax ")),
            Ok((Quadrant::StayGood, "I can relax".to_string()))
        );
        let Err(errors) = parse_item(&item("somewhere", "")) else {
            panic!("refused")
        };
        assert_eq!(
            errors.for_field("quadrant"),
            Some("Choose which box this goes in")
        );
        assert_eq!(errors.for_field("body"), Some("Enter what to add"));
    }

    #[test]
    fn the_headings_a_parent_reads_are_plain() {
        for q in Quadrant::ALL {
            let advice = check_plain_words(q.label());
            assert!(advice.jargon.is_empty(), "{}", q.label());
        }
    }
}
