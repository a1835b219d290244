//! Reading plan forms: the same rules in the browser, as the practitioner types, and on the
//! server, which trusts nothing. Each `parse_*` keeps what was typed so nothing is lost.

use super::fields::{parse_score, parse_text, parse_version, past_date, plan_date};
use super::goal::{GoalArea, GoalStatus, StepWho};
use super::ids::MemberId;
use super::plan::{house_items, PlanMember};
use super::rating::{has_follow_ups, parse_answers, Answers, Scale};
use super::role::StaffRole;
use crate::error::{check, FieldErrors};
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

form! {
    /// A 0–10 rating or ruler on a goal.
    CheckInForm {
        scale,
        score,
        given_on,
    }
    optional {
        comment,
        /// A ruler's follow-ups, in the parent's words.
        not_lower,
        one_up,
    }
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckInInput {
    pub scale: Scale,
    pub score: u8,
    pub given_on: NaiveDate,
    pub comment: String,
    pub answers: Answers,
}

pub fn parse_check_in(form: &CheckInForm, today: NaiveDate) -> Result<CheckInInput, FieldErrors> {
    let mut errors = FieldErrors::default();
    let scale = check(
        &mut errors,
        "scale",
        Scale::from_code(&form.scale).ok_or_else(|| "Choose which scale this is".to_string()),
    );
    let score = check(&mut errors, "score", parse_score(&form.score));
    let given_on = check(
        &mut errors,
        "given_on",
        past_date(&form.given_on, "the date it was given", today),
    );
    let comment = check(
        &mut errors,
        "comment",
        parse_text(&form.comment, "the comment", MAX_COMMENT, false),
    );
    let answers = match parse_answers(&form.not_lower, &form.one_up) {
        Ok(answers) if !answers.is_empty() && scale.is_some_and(|s| !has_follow_ups(s)) => {
            errors.add(
                "not_lower",
                "The follow-up questions go with the importance or confidence ruler",
            );
            None
        }
        Ok(answers) => Some(answers),
        Err(answer_errors) => {
            errors.errors.extend(answer_errors.errors);
            None
        }
    };
    for (field, value) in form.typed().values {
        errors.keep(&field, &value);
    }
    match (scale, score, given_on, comment, answers) {
        (Some(scale), Some(score), Some(given_on), Some(comment), Some(answers)) => {
            Ok(CheckInInput {
                scale,
                score,
                given_on,
                comment,
                answers,
            })
        }
        _ => Err(errors),
    }
}

/// A family member's own rating: always their series, always today.
pub fn parse_own_rating(score: &str, comment: &str) -> Result<(u8, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let parsed = check(&mut errors, "score", parse_score(score));
    let comment_text = check(
        &mut errors,
        "comment",
        parse_text(comment, "your comment", MAX_COMMENT, false),
    );
    errors.keep("score", score);
    errors.keep("comment", comment);
    match (parsed, comment_text) {
        (Some(score), Some(comment)) => Ok((score, comment)),
        _ => Err(errors),
    }
}

/// Words from the family, or a reply to them.
pub fn parse_words(body: &str, what: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::default();
    let parsed = check(
        &mut errors,
        "body",
        parse_text(body, what, MAX_COMMENT, true),
    );
    errors.keep("body", body);
    parsed.ok_or(errors)
}

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
            .filter(|m| m.kind == super::family::MemberKind::Child)
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

/// The errors of a parse, or none: what the browser shows before sending.
pub fn errors_of<T>(parsed: Result<T, FieldErrors>) -> FieldErrors {
    parsed.err().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::family::MemberKind;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn members() -> Vec<PlanMember> {
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

    #[test]
    fn ratings_cannot_be_given_in_the_future() {
        let form = CheckInForm {
            scale: "worker".into(),
            score: "4".into(),
            given_on: "2026-11-24".into(),
            comment: "".into(),
            not_lower: "".into(),
            one_up: "".into(),
        };
        let errors = parse_check_in(&form, today()).err().unwrap_or_default();
        assert!(errors.for_field("given_on").is_some());
        let today_form = CheckInForm {
            given_on: "2026-11-23".into(),
            ..form
        };
        assert!(parse_check_in(&today_form, today()).is_ok());
    }

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
