//! A 0–10 rating or ruler on a goal, given by a practitioner or by the family member themselves.

use super::MAX_COMMENT;
use crate::domain::fields::{parse_score, parse_text, past_date};
use crate::domain::rating::{has_follow_ups, parse_answers, Answers, Scale};
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan_input::test_family::today;

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
}
