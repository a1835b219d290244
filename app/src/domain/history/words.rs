//! Each versioned record's fields in words: what history shows and what the diff compares.

use super::diff::{history_date, Field, InWords};
use super::field;
use crate::domain::goal::{Goal, GoalArea, GoalStatus, Step};
use crate::domain::plan::SafetyStatement;
use crate::domain::plan_input::{GoalInput, SafetyInput, StepInput};
use crate::domain::workbook::Entry;
use crate::domain::workbook_input::EntryInput;
use chrono::NaiveDate;

/// A goal's fields as words, so two versions can be compared line by line.
pub struct GoalFields<'a> {
    pub owner_name: &'a str,
    pub area: GoalArea,
    pub family_words: &'a str,
    pub professional_words: &'a str,
    pub target_date: NaiveDate,
    pub status: GoalStatus,
    pub visible_to: &'a [String],
}

pub struct StepFields<'a> {
    pub who_name: &'a str,
    pub what: &'a str,
    pub due_on: NaiveDate,
    pub done: bool,
    pub visible_to: &'a [String],
}

pub struct SafetyFields<'a> {
    pub danger: &'a str,
    pub safety_goal: &'a str,
    pub visible_to: &'a [String],
}

/// A workbook entry's fields as words.
pub struct EntryFields<'a> {
    pub occurred_on: NaiveDate,
    pub people: &'a [String],
    pub others: &'a str,
    pub place: &'a str,
    pub child_seen_alone: Option<bool>,
    pub summary: &'a str,
    pub significant: bool,
}

impl<'a> GoalFields<'a> {
    /// A goal as a form would save it; `owner_name` and `visible_to` are the people's names.
    pub fn of_input(input: &'a GoalInput, owner_name: &'a str, visible_to: &'a [String]) -> Self {
        GoalFields {
            owner_name,
            area: input.area,
            family_words: &input.family_words,
            professional_words: &input.professional_words,
            target_date: input.target_date,
            status: input.status,
            visible_to,
        }
    }

    /// A goal as stored.
    pub fn of_goal(goal: &'a Goal, visible_to: &'a [String]) -> Self {
        GoalFields {
            owner_name: &goal.owner_name,
            area: goal.area,
            family_words: &goal.family_words,
            professional_words: &goal.professional_words,
            target_date: goal.target_date,
            status: goal.status,
            visible_to,
        }
    }
}

impl<'a> StepFields<'a> {
    /// A step as a form would save it; marking it done is not the form's.
    pub fn of_input(
        input: &'a StepInput,
        who_name: &'a str,
        done: bool,
        visible_to: &'a [String],
    ) -> Self {
        StepFields {
            who_name,
            what: &input.what,
            due_on: input.due_on,
            done,
            visible_to,
        }
    }

    pub fn of_step(step: &'a Step, visible_to: &'a [String]) -> Self {
        StepFields {
            who_name: &step.who_name,
            what: &step.what,
            due_on: step.due_on,
            done: step.done,
            visible_to,
        }
    }
}

impl<'a> SafetyFields<'a> {
    pub fn of_input(input: &'a SafetyInput, visible_to: &'a [String]) -> Self {
        SafetyFields {
            danger: &input.danger,
            safety_goal: &input.safety_goal,
            visible_to,
        }
    }

    pub fn of_statement(statement: &'a SafetyStatement, visible_to: &'a [String]) -> Self {
        SafetyFields {
            danger: &statement.danger,
            safety_goal: &statement.safety_goal,
            visible_to,
        }
    }
}

impl<'a> EntryFields<'a> {
    /// An entry as a form would save it; `people` are the family members' names.
    pub fn of_input(input: &'a EntryInput, people: &'a [String]) -> Self {
        EntryFields {
            occurred_on: input.occurred_on,
            people,
            others: &input.others,
            place: &input.place,
            child_seen_alone: input.child_seen_alone,
            summary: &input.summary,
            significant: input.significant,
        }
    }

    pub fn of_entry(entry: &'a Entry, people: &'a [String]) -> Self {
        EntryFields {
            occurred_on: entry.occurred_on,
            people,
            others: &entry.others,
            place: &entry.place,
            child_seen_alone: entry.child_seen_alone,
            summary: &entry.summary,
            significant: entry.significant,
        }
    }
}

impl InWords for GoalFields<'_> {
    fn in_words(&self) -> Vec<Field> {
        vec![
            Field::new(field::OWNER, self.owner_name),
            Field::new(field::AREA, self.area.label()),
            Field::new(field::FAMILY_WORDS, self.family_words),
            Field::new(field::PROFESSIONAL_WORDS, self.professional_words),
            Field::new(field::TARGET_DATE, history_date(self.target_date)),
            Field::new(field::STATUS, self.status.label()),
            Field::new(field::VISIBLE_TO, names(self.visible_to)),
        ]
    }
}

impl InWords for StepFields<'_> {
    fn in_words(&self) -> Vec<Field> {
        vec![
            Field::new(field::WHO, self.who_name),
            Field::new(field::WHAT, self.what),
            Field::new(field::DUE, history_date(self.due_on)),
            Field::new(field::DONE, yes_no(self.done)),
            Field::new(field::VISIBLE_TO, names(self.visible_to)),
        ]
    }
}

impl InWords for SafetyFields<'_> {
    fn in_words(&self) -> Vec<Field> {
        vec![
            Field::new(field::DANGER, self.danger),
            Field::new(field::SAFETY_GOAL, self.safety_goal),
            Field::new(field::VISIBLE_TO, names(self.visible_to)),
        ]
    }
}

impl InWords for EntryFields<'_> {
    fn in_words(&self) -> Vec<Field> {
        let alone = match self.child_seen_alone {
            Some(true) => "Yes",
            Some(false) => "No",
            None => "Not recorded",
        };
        vec![
            Field::new(field::DATE, history_date(self.occurred_on)),
            Field::new(field::PEOPLE, self.people.join(", ")),
            Field::new(field::OTHERS, self.others),
            Field::new(field::PLACE, self.place),
            Field::new(field::SEEN_ALONE, alone),
            Field::new(field::SUMMARY, self.summary),
            Field::new(field::SIGNIFICANT, yes_no(self.significant)),
        ]
    }
}

/// A flag in history's words.
pub fn yes_no(flag: bool) -> &'static str {
    if flag {
        "Yes"
    } else {
        "No"
    }
}

fn names(list: &[String]) -> String {
    if list.is_empty() {
        "Nobody in the family".into()
    } else {
        list.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::{diff, FieldChange};

    fn fields<'a>(status: GoalStatus, words: &'a str, visible: &'a [String]) -> GoalFields<'a> {
        GoalFields {
            owner_name: "Kelly Ashworth",
            area: GoalArea::Parenting,
            family_words: words,
            professional_words: "Attendance above 95%",
            target_date: NaiveDate::from_ymd_opt(2027, 3, 2).unwrap_or_default(),
            status,
            visible_to: visible,
        }
    }

    #[test]
    fn a_new_goal_lists_every_field_and_an_edit_only_what_changed() {
        let seen = vec!["Kelly Ashworth".to_string()];
        let first = fields(GoalStatus::NotStarted, "School on time", &seen);
        assert_eq!(diff(None, &first.in_words()).len(), 7);
        let next = fields(GoalStatus::AtRisk, "School on time", &seen);
        assert_eq!(
            diff(Some(&first.in_words()), &next.in_words()),
            [FieldChange {
                field: field::STATUS.into(),
                before: "Not started".into(),
                after: "At risk".into()
            }]
        );
        assert!(diff(Some(&first.in_words()), &first.in_words()).is_empty());
    }
}
