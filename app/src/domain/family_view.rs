//! What a family member may see of their plan (DOMAIN.md §5): the rule is applied here, beside
//! the access policy, so every page that shows a parent their goals shows the same.

use super::goal::Goal;
use super::ids::MemberId;

/// A goal as `member` sees it on their own page, or `None` when it is not shared with them: only
/// the steps shared with them and the check-ins that are theirs to see, and never who else in
/// the family can see what.
pub fn goal_for_member(mut goal: Goal, member: MemberId) -> Option<Goal> {
    if !goal.visible_to.contains(&member) {
        return None;
    }
    goal.steps.retain(|s| s.visible_to.contains(&member));
    for step in &mut goal.steps {
        step.visible_to.clear();
    }
    let owner = goal.owner;
    goal.check_ins.retain(|c| c.shown_to(member, owner));
    goal.visible_to.clear();
    Some(goal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goal::{GoalArea, GoalStatus, Step, StepWho};
    use crate::domain::ids::{CheckInId, GoalId, StepId};
    use crate::domain::rating::{CheckIn, Scale};
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 2).unwrap_or_default()
    }

    fn step(visible_to: Vec<MemberId>) -> Step {
        Step {
            id: StepId::new(),
            who: StepWho::Member(MemberId::new()),
            who_name: "Kelly".into(),
            what: "Book the dentist".into(),
            due_on: day(),
            done: false,
            version: 1,
            visible_to,
        }
    }

    fn check_in(scale: Scale, by_member: Option<MemberId>) -> CheckIn {
        CheckIn {
            id: CheckInId::new(),
            scale,
            score: 5,
            given_on: day(),
            given_by: "Someone".into(),
            by_member,
            comment: String::new(),
            answers: Default::default(),
        }
    }

    #[test]
    fn a_member_sees_only_what_is_shared_with_them_and_never_who_else_sees_it() {
        let (kelly, darren) = (MemberId::new(), MemberId::new());
        let goal = Goal {
            id: GoalId::new(),
            owner: kelly,
            owner_name: "Kelly Ashworth".into(),
            area: GoalArea::Parenting,
            family_words: "Stay calm".into(),
            professional_words: "Calm boundaries".into(),
            target_date: day(),
            status: GoalStatus::OnTrack,
            version: 1,
            visible_to: vec![kelly, darren],
            steps: vec![step(vec![kelly]), step(vec![darren])],
            check_ins: vec![
                check_in(Scale::Worker, None),
                check_in(Scale::Family, Some(kelly)),
                check_in(Scale::Family, Some(darren)),
            ],
        };
        let seen = goal_for_member(goal.clone(), darren);
        let Some(seen) = seen else {
            panic!("the goal is shared with Darren");
        };
        assert_eq!(seen.steps.len(), 1);
        assert!(seen.steps[0].visible_to.is_empty());
        assert!(seen.visible_to.is_empty());
        assert_eq!(
            seen.check_ins
                .iter()
                .map(|c| c.by_member)
                .collect::<Vec<_>>(),
            [None, Some(darren)]
        );
        assert!(goal_for_member(goal, MemberId::new()).is_none());
    }
}
