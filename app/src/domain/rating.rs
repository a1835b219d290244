//! The 0–10 scales kept on a goal: the family's and the practitioner's ratings of progress, and
//! the owner's importance and confidence rulers with the two follow-ups a ruler is met with.

use super::fields::parse_text;
use super::ids::{CheckInId, MemberId};
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// The four 0–10 scales kept on a goal: two ratings of progress, and the owner's rulers.
    Scale {
        Family => "family", "Family's rating";
        Worker => "worker", "Practitioner's rating";
        Importance => "importance", "Importance ruler";
        Confidence => "confidence", "Confidence ruler";
    }
);

impl Scale {
    /// The question the number answers, as asked.
    pub fn question(self) -> &'static str {
        match self {
            Scale::Family | Scale::Worker => {
                "On a scale of 0 to 10, where 10 is the goal reached, where are things now?"
            }
            Scale::Importance => "How important is this change to you, from 0 to 10?",
            Scale::Confidence => {
                "How confident are you that you can make this change, from 0 to 10?"
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub id: CheckInId,
    pub scale: Scale,
    pub score: u8,
    pub given_on: NaiveDate,
    /// Who gave it, as recorded: "Kelly Ashworth", "Sam Whitfield".
    pub given_by: String,
    /// The family member who gave it themselves; `None` when a practitioner recorded it.
    pub by_member: Option<MemberId>,
    pub comment: String,
    /// A ruler's follow-ups, in the words of whoever gave the score.
    pub answers: Answers,
}

impl CheckIn {
    /// Whether `member` may see this on their page: the practitioner's ratings, and the family
    /// ratings and rulers that are theirs (given by them, or recorded by a worker for the
    /// goal's owner). Another adult's words stay with that adult.
    pub fn shown_to(&self, member: MemberId, goal_owner: MemberId) -> bool {
        match (self.scale, self.by_member) {
            (Scale::Worker, _) => true,
            (_, Some(by)) => by == member,
            (_, None) => goal_owner == member,
        }
    }
}

pub const MAX_ANSWER: usize = 1000;

/// The two follow-ups a ruler score is met with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FollowUp {
    NotLower,
    OneUp,
}

impl FollowUp {
    pub const BOTH: [FollowUp; 2] = [FollowUp::NotLower, FollowUp::OneUp];

    /// The form field holding the answer.
    pub fn field(self) -> &'static str {
        match self {
            FollowUp::NotLower => "not_lower",
            FollowUp::OneUp => "one_up",
        }
    }

    /// The question for a given score, in words a parent reads easily; `None` when it does not
    /// arise (nothing is lower than 0). Without a score yet, the general wording.
    pub fn question(self, score: Option<u8>) -> Option<String> {
        match (self, score) {
            (FollowUp::NotLower, None) => Some("Why that number and not a lower one?".into()),
            (FollowUp::NotLower, Some(0)) => None,
            (FollowUp::NotLower, Some(s)) => Some(format!("Why {s} and not a lower number?")),
            (FollowUp::OneUp, None) => Some("What would move you one point up?".into()),
            (FollowUp::OneUp, Some(10)) => Some("What helps you keep it at 10?".into()),
            (FollowUp::OneUp, Some(s)) => {
                Some(format!("What would move you from {s} to {}?", s + 1))
            }
        }
    }
}

/// Only the rulers have follow-ups; the progress ratings are answered by their comment.
pub fn has_follow_ups(scale: Scale) -> bool {
    matches!(scale, Scale::Importance | Scale::Confidence)
}

/// The answers, in the person's own words; both may be left empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Answers {
    pub not_lower: String,
    pub one_up: String,
}

impl Answers {
    pub fn get(&self, follow_up: FollowUp) -> &str {
        match follow_up {
            FollowUp::NotLower => &self.not_lower,
            FollowUp::OneUp => &self.one_up,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.not_lower.is_empty() && self.one_up.is_empty()
    }
}

pub fn parse_answers(not_lower: &str, one_up: &str) -> Result<Answers, FieldErrors> {
    let mut errors = FieldErrors::default();
    let lower = check(
        &mut errors,
        "not_lower",
        parse_text(not_lower, "why that number", MAX_ANSWER, false),
    );
    let up = check(
        &mut errors,
        "one_up",
        parse_text(one_up, "what would move it up", MAX_ANSWER, false),
    );
    errors.keep("not_lower", not_lower);
    errors.keep("one_up", one_up);
    match (lower, up) {
        (Some(not_lower), Some(one_up)) => Ok(Answers { not_lower, one_up }),
        _ => Err(errors),
    }
}
