//! The disclosure itself: every passage with its withheld words cut out, the schedule of what
//! was withheld and why, and the cover letter. Built here from the passages and the reviewer's
//! withholdings, so the HTML document and its JSON copy carry the same content, and no
//! withheld word is in either.

use super::passage::{Passage, Section};
use super::redaction::{find_words, pieces, whole, Piece};
use super::withholding::WithholdReason;
use crate::domain::legal_status::long_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A withholding as the reviewer marked it: a passage, or some words wherever they occur in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withheld {
    pub passage: String,
    pub words: Option<String>,
    pub reason: WithholdReason,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosedPassage {
    pub section: Section,
    pub heading: String,
    pub on: Option<NaiveDate>,
    pub pieces: Vec<Piece>,
}

/// One line of the schedule of withheld information, numbered as the gaps are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleEntry {
    pub number: usize,
    pub section: Section,
    pub heading: String,
    /// "The whole passage" or "Some words".
    pub extent: String,
    pub reason: WithholdReason,
    pub basis: Option<String>,
    pub note: String,
}

/// The passages as disclosed and the schedule. Words that are no longer in their passage
/// withhold the whole passage: what a reviewer meant to hold back is never shown by mistake.
pub fn disclose(
    passages: &[Passage],
    withheld: &[Withheld],
) -> (Vec<DisclosedPassage>, Vec<ScheduleEntry>) {
    let mut schedule = Vec::new();
    let disclosed = passages
        .iter()
        .map(|passage| {
            let mut stretches = Vec::new();
            for w in withheld.iter().filter(|w| w.passage == passage.key) {
                let number = schedule.len() + 1;
                let found = match w.words.as_deref() {
                    Some(words) => find_words(&passage.text, words),
                    None => vec![],
                };
                let extent = if found.is_empty() {
                    stretches.push((whole(&passage.text), number));
                    "The whole passage"
                } else {
                    stretches.extend(found.into_iter().map(|s| (s, number)));
                    "Some words"
                };
                schedule.push(ScheduleEntry {
                    number,
                    section: passage.section,
                    heading: passage.heading.clone(),
                    extent: extent.to_string(),
                    reason: w.reason,
                    basis: w.reason.basis().map(str::to_string),
                    note: w.note.clone(),
                });
            }
            DisclosedPassage {
                section: passage.section,
                heading: passage.heading.clone(),
                on: passage.on,
                pieces: pieces(&passage.text, &stretches),
            }
        })
        .collect();
    (disclosed, schedule)
}

/// Who the disclosure is about and for, and the days it names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressed {
    pub subject: String,
    /// Someone asking on the person's behalf; `None` when they asked themselves.
    pub requester: Option<String>,
    pub council: String,
    pub received_on: NaiveDate,
    pub made_on: NaiveDate,
}

/// The cover letter, a paragraph at a time, in plain words.
pub fn cover_letter(to: &Addressed, withheld: usize) -> Vec<String> {
    let whose = match &to.requester {
        Some(requester) => format!(
            "{requester} asked us on {} for a copy of the information we hold about {}.",
            long_date(to.received_on),
            to.subject
        ),
        None => format!(
            "You asked us on {} for a copy of the information we hold about you.",
            long_date(to.received_on)
        ),
    };
    let gaps = match withheld {
        0 => "We have not held anything back.".to_string(),
        1 => "We have held back one part. Where it was, you will see “[withheld: 1]”. The list at the end says why.".to_string(),
        n => format!("We have held back {n} parts. Where each was, you will see “[withheld:” and its number. The list at the end says why each was held back."),
    };
    vec![
        whose,
        format!(
            "This is everything {} keeps about this in Hearth, the workbook the family safeguarding team shares. It is in sections: the record of who is in the family, goals and plans, your own words, the team's notes of visits and meetings, and who has read these records.",
            to.council
        ),
        gaps,
        "Some information can be held back by law: for example where it is about someone else who has not agreed to it being shared, or where sharing it would be likely to cause serious harm to someone.".to_string(),
        "If something is wrong, tell us and we will look at it. If you are unhappy with how we have answered, you can ask us to look at it again, and you can complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113).".to_string(),
    ]
}

/// The whole disclosure, as the HTML document shows it and its JSON copy holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    pub addressed: Addressed,
    pub letter: Vec<String>,
    pub passages: Vec<DisclosedPassage>,
    pub schedule: Vec<ScheduleEntry>,
}

pub fn disclosure(addressed: Addressed, passages: &[Passage], withheld: &[Withheld]) -> Disclosure {
    let (passages, schedule) = disclose(passages, withheld);
    Disclosure {
        letter: cover_letter(&addressed, schedule.len()),
        addressed,
        passages,
        schedule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::information_rights::redaction::shown_text;

    fn passages() -> Vec<Passage> {
        vec![
            Passage::new(
                Section::OwnWords,
                "w:1",
                "You wrote",
                None,
                "My sister Dawn helps on Fridays.",
            ),
            Passage::new(
                Section::Workbook,
                "e:1",
                "Visit",
                None,
                "Dawn's partner was there; he shouted.",
            ),
            Passage::new(
                Section::Goals,
                "g:1",
                "A goal",
                None,
                "Walk to school together",
            ),
        ]
    }

    fn withheld(passage: &str, words: Option<&str>) -> Withheld {
        Withheld {
            passage: passage.into(),
            words: words.map(str::to_string),
            reason: WithholdReason::ThirdParty,
            note: String::new(),
        }
    }

    #[test]
    fn withheld_words_and_passages_are_cut_and_scheduled() {
        let marks = [withheld("w:1", Some("Dawn")), withheld("e:1", None)];
        let (shown, schedule) = disclose(&passages(), &marks);
        let all: String = shown.iter().map(|p| shown_text(&p.pieces)).collect();
        assert!(!all.contains("Dawn") && !all.contains("shouted"), "{all}");
        assert!(all.contains("Walk to school together"));
        assert_eq!(
            shown_text(&shown[0].pieces),
            "My sister [withheld: 1] helps on Fridays."
        );
        assert_eq!(shown_text(&shown[1].pieces), "[withheld: 2]");
        assert_eq!(schedule.len(), 2);
        assert_eq!(schedule[0].extent, "Some words");
        assert_eq!(schedule[1].extent, "The whole passage");
        assert_eq!(
            schedule[1].basis.as_deref(),
            Some("Data Protection Act 2018, Schedule 2, Part 3, paragraph 16")
        );
        let json = serde_json::to_string(&shown).expect("json");
        assert!(
            !json.contains("Dawn") && !json.contains("shouted"),
            "{json}"
        );
    }

    #[test]
    fn words_no_longer_there_hold_back_the_whole_passage() {
        let (shown, schedule) = disclose(&passages(), &[withheld("g:1", Some("Swim"))]);
        assert_eq!(shown_text(&shown[2].pieces), "[withheld: 1]");
        assert_eq!(schedule[0].extent, "The whole passage");
    }

    #[test]
    fn the_letter_says_who_asked_and_how_much_was_held_back() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).expect("day");
        let to = Addressed {
            subject: "Lily Ashworth".into(),
            requester: Some("Kelly Ashworth, her mother".into()),
            council: "Brookford Council".into(),
            received_on: day,
            made_on: day,
        };
        let letter = cover_letter(&to, 2);
        assert!(letter[0].starts_with("Kelly Ashworth, her mother asked us on 20 November 2026"));
        assert!(letter[2].contains("held back 2 parts"));
        assert!(cover_letter(&to, 0)[2].contains("not held anything back"));
    }
}
