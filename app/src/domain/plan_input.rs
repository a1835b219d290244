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

pub struct GoalForm<'a> {
    pub version: &'a str,
    pub owner: &'a str,
    pub area: &'a str,
    pub family_words: &'a str,
    pub professional_words: &'a str,
    pub target_date: &'a str,
    pub status: &'a str,
    pub visible_to: &'a [String],
    pub reason: &'a str,
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
    let version = check(&mut errors, "version", parse_version(form.version));
    let owner = check(
        &mut errors,
        "owner",
        ctx.member(form.owner)
            .map(|m| m.id)
            .ok_or_else(|| "Choose whose goal this is".to_string()),
    );
    let area = check(
        &mut errors,
        "area",
        GoalArea::from_code(form.area).ok_or_else(|| "Choose the area of family life".to_string()),
    );
    let family_words = check(
        &mut errors,
        "family_words",
        parse_text(
            form.family_words,
            "the goal in the family's words",
            MAX_GOAL_WORDS,
            true,
        ),
    );
    let professional_words = check(
        &mut errors,
        "professional_words",
        parse_text(
            form.professional_words,
            "the professional wording",
            MAX_PROFESSIONAL_WORDS,
            true,
        ),
    );
    let target_date = check(
        &mut errors,
        "target_date",
        plan_date(form.target_date, "the target date", ctx.today),
    );
    let status = check(
        &mut errors,
        "status",
        GoalStatus::from_code(form.status)
            .ok_or_else(|| "Choose how the goal is going".to_string()),
    );
    let visible_to = parse_visible_to(&mut errors, form.visible_to, ctx);
    let reason = check(
        &mut errors,
        "reason",
        parse_text(form.reason, "the reason", MAX_REASON, false),
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

/// What was typed in a form, to give back with its errors (checkbox choices comma-joined).
fn typed(fields: &[(&str, &str)], visible_to: &[String]) -> FieldErrors {
    let mut errors = FieldErrors::default();
    for (field, value) in fields {
        errors.keep(field, value);
    }
    errors.keep("visible_to", &visible_to.join(","));
    errors
}

impl GoalForm<'_> {
    pub fn typed(&self) -> FieldErrors {
        typed(
            &[
                ("version", self.version),
                ("owner", self.owner),
                ("area", self.area),
                ("family_words", self.family_words),
                ("professional_words", self.professional_words),
                ("target_date", self.target_date),
                ("status", self.status),
                ("reason", self.reason),
            ],
            self.visible_to,
        )
    }
}

impl StepForm<'_> {
    pub fn typed(&self) -> FieldErrors {
        typed(
            &[
                ("version", self.version),
                ("who", self.who),
                ("what", self.what),
                ("due_on", self.due_on),
            ],
            self.visible_to,
        )
    }
}

impl SafetyForm<'_> {
    pub fn typed(&self) -> FieldErrors {
        typed(
            &[
                ("version", self.version),
                ("danger", self.danger),
                ("safety_goal", self.safety_goal),
            ],
            self.visible_to,
        )
    }
}

pub struct StepForm<'a> {
    pub version: &'a str,
    pub who: &'a str,
    pub what: &'a str,
    pub due_on: &'a str,
    pub visible_to: &'a [String],
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
    let version = check(&mut errors, "version", parse_version(form.version));
    let who = check(
        &mut errors,
        "who",
        StepWho::from_code(form.who)
            .filter(|who| match who {
                StepWho::Member(id) => ctx.members.iter().any(|m| m.id == *id),
                StepWho::Worker(role) => StaffRole::ALLOCATED.contains(role),
            })
            .ok_or_else(|| "Choose who will do this step".to_string()),
    );
    let what = check(
        &mut errors,
        "what",
        parse_text(form.what, "what will be done", MAX_STEP, true),
    );
    let due_on = check(
        &mut errors,
        "due_on",
        plan_date(form.due_on, "the date it is due", ctx.today),
    );
    let visible_to = parse_visible_to(&mut errors, form.visible_to, ctx);
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

pub struct CheckInForm<'a> {
    pub scale: &'a str,
    pub score: &'a str,
    pub given_on: &'a str,
    pub comment: &'a str,
    /// A ruler's follow-ups, in the parent's words.
    pub not_lower: &'a str,
    pub one_up: &'a str,
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
        Scale::from_code(form.scale).ok_or_else(|| "Choose which scale this is".to_string()),
    );
    let score = check(&mut errors, "score", parse_score(form.score));
    let given_on = check(
        &mut errors,
        "given_on",
        past_date(form.given_on, "the date it was given", today),
    );
    let comment = check(
        &mut errors,
        "comment",
        parse_text(form.comment, "the comment", MAX_COMMENT, false),
    );
    let answers = match parse_answers(form.not_lower, form.one_up) {
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
    for (field, value) in [
        ("scale", form.scale),
        ("score", form.score),
        ("given_on", form.given_on),
        ("comment", form.comment),
        ("not_lower", form.not_lower),
        ("one_up", form.one_up),
    ] {
        errors.keep(field, value);
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

pub struct HousesForm<'a> {
    pub child: &'a str,
    pub recorded_on: &'a str,
    pub worries: &'a str,
    pub good_things: &'a str,
    pub dreams: &'a str,
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
        ctx.member(form.child)
            .filter(|m| m.kind == super::family::MemberKind::Child)
            .map(|m| m.id)
            .ok_or_else(|| "Choose the child".to_string()),
    );
    let recorded_on = check(
        &mut errors,
        "recorded_on",
        past_date(
            form.recorded_on,
            "the date you did the Three Houses",
            ctx.today,
        ),
    );
    let mut house = |field: &str, text: &str, what: &str| {
        check(&mut errors, field, parse_text(text, what, MAX_HOUSE, false))
    };
    let worries = house("worries", form.worries, "the house of worries");
    let good_things = house("good_things", form.good_things, "the house of good things");
    let dreams = house("dreams", form.dreams, "the house of dreams");
    if [form.worries, form.good_things, form.dreams]
        .iter()
        .all(|t| house_items(t).is_empty())
    {
        errors.add("worries", "Write what the child said in at least one house");
    }
    for (field, value) in [
        ("child", form.child),
        ("recorded_on", form.recorded_on),
        ("worries", form.worries),
        ("good_things", form.good_things),
        ("dreams", form.dreams),
    ] {
        errors.keep(field, value);
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

pub struct SafetyForm<'a> {
    pub version: &'a str,
    pub danger: &'a str,
    pub safety_goal: &'a str,
    pub visible_to: &'a [String],
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
    let version = check(&mut errors, "version", parse_version(form.version));
    let danger = check(
        &mut errors,
        "danger",
        parse_text(form.danger, "the danger statement", MAX_SAFETY, true),
    );
    let safety_goal = check(
        &mut errors,
        "safety_goal",
        parse_text(form.safety_goal, "the safety goal", MAX_SAFETY, true),
    );
    let visible_to = parse_visible_to(&mut errors, form.visible_to, ctx);
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

    fn goal_form<'a>(owner: &'a str, visible: &'a [String]) -> GoalForm<'a> {
        GoalForm {
            version: "",
            owner,
            area: "parenting",
            family_words: "Get Ruby to school on time",
            professional_words: "School attendance above 95%",
            target_date: "2027-03-01",
            status: "not_started",
            visible_to: visible,
            reason: "",
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
        form.family_words = &long;
        form.professional_words = "  ";
        form.target_date = "1900-01-01";
        form.status = "finished";
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
            scale: "worker",
            score: "4",
            given_on: "2026-11-24",
            comment: "",
            not_lower: "",
            one_up: "",
        };
        let errors = parse_check_in(&form, today()).err().unwrap_or_default();
        assert!(errors.for_field("given_on").is_some());
        let today_form = CheckInForm {
            given_on: "2026-11-23",
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
        fn form(who: &str) -> StepForm<'_> {
            StepForm {
                version: "",
                who,
                what: "Ring the school",
                due_on: "2026-12-01",
                visible_to: &[],
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
            child: &adult,
            recorded_on: "2026-11-20",
            worries: " \n ",
            good_things: "",
            dreams: "",
        };
        let errors = parse_houses(&form, &ctx).err().unwrap_or_default();
        assert!(errors.for_field("child").is_some());
        assert!(errors.for_field("worries").is_some());
    }
}
