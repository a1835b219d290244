//! Importance and confidence rulers (0–10) and their two follow-ups. The follow-ups draw out
//! the person's own reasons: "why that number and not a lower one?" finds what is already
//! there, "what would move you one point up?" finds the next step. Asking why a score is not
//! higher would have them defend the low number, so Hearth never asks it.

use crate::domain::fields::parse_score;
use crate::domain::rating::{has_follow_ups, parse_answers, Answers, Scale};
use crate::error::{check, FieldErrors};

/// A ruler a family member gives themselves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnRuler {
    pub scale: Scale,
    pub score: u8,
    pub answers: Answers,
}

form! {
    /// A ruler a member gives themselves: which scale, the number, and the two follow-ups.
    OwnRulerForm {}
    optional {
        scale,
        score,
        not_lower,
        one_up,
    }
    lists {}
}

pub fn parse_own_ruler(form: &OwnRulerForm) -> Result<OwnRuler, FieldErrors> {
    let OwnRulerForm {
        scale,
        score,
        not_lower,
        one_up,
    } = form;
    let mut errors = form.typed();
    let answers = parse_answers(not_lower, one_up)
        .map_err(|refused| errors.errors.extend(refused.errors))
        .ok();
    let scale_ok = check(
        &mut errors,
        "scale",
        Scale::from_code(scale.trim())
            .filter(|s| has_follow_ups(*s))
            .ok_or_else(|| "Choose which question you are answering".to_string()),
    );
    let score_ok = check(&mut errors, "score", parse_score(score));
    match (scale_ok, score_ok, answers) {
        (Some(scale), Some(score), Some(answers)) if errors.is_empty() => Ok(OwnRuler {
            scale,
            score,
            answers,
        }),
        _ => Err(errors),
    }
}

/// Whether a question asks why a score is not higher ("why not a 10?"): the one ruler
/// follow-up MI warns against. Used on the library and on a team's own prompts.
pub fn asks_why_not_higher(text: &str) -> bool {
    let text = text.to_lowercase().replace(['\u{2019}', '\''], "");
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let high = |w: &str| matches!(w, "10" | "ten" | "higher");
    let not = |w: &str| matches!(w, "not" | "isnt" | "arent" | "wasnt" | "stops");
    if !words.iter().any(|w| matches!(*w, "why" | "what")) {
        return false;
    }
    // "why not a 10", "why isn't it higher", "what stops it being a 10", "why not more": a
    // negation followed closely by a high mark ("more" only right after it).
    words.iter().enumerate().any(|(at, w)| {
        not(w)
            && (words.get(at + 1) == Some(&"more")
                || words[at + 1..].iter().take(4).any(|x| high(x)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rating::{FollowUp, MAX_ANSWER};

    #[test]
    fn follow_ups_name_the_score_and_never_go_below_nought() {
        assert_eq!(
            FollowUp::NotLower.question(Some(6)).as_deref(),
            Some("Why 6 and not a lower number?")
        );
        assert_eq!(
            FollowUp::OneUp.question(Some(6)).as_deref(),
            Some("What would move you from 6 to 7?")
        );
        assert_eq!(FollowUp::NotLower.question(Some(0)), None);
        assert_eq!(
            FollowUp::OneUp.question(Some(0)).as_deref(),
            Some("What would move you from 0 to 1?")
        );
        assert_eq!(
            FollowUp::OneUp.question(Some(10)).as_deref(),
            Some("What helps you keep it at 10?")
        );
        for score in 0..=10 {
            for f in FollowUp::BOTH {
                if let Some(q) = f.question(Some(score)) {
                    assert!(!asks_why_not_higher(&q), "{q}");
                }
            }
        }
    }

    #[test]
    fn why_not_a_ten_is_recognised_in_its_usual_forms() {
        for bad in [
            "Why not a 10?",
            "Why aren't you at a ten yet?",
            "Why isn't it higher?",
            "What stops it being a 10?",
            "So why not more?",
        ] {
            assert!(asks_why_not_higher(bad), "{bad}");
        }
        for good in [
            "Why a 4 and not a 2?",
            "What would move you one point up?",
            "What makes it as high as a 6 and not lower?",
            "What would it take to get to 7?",
            "What is it that is not working, and what would help more?",
        ] {
            assert!(!asks_why_not_higher(good), "{good}");
        }
    }

    #[test]
    fn a_parent_gives_only_the_rulers_and_keeps_what_they_typed() {
        let form = |scale: &str, score: &str, not_lower: &str| OwnRulerForm {
            scale: scale.into(),
            score: score.into(),
            not_lower: not_lower.into(),
            one_up: String::new(),
        };
        let ruler = parse_own_ruler(&form("confidence", "6", "I did it before"));
        assert_eq!(
            ruler.map(|r| (r.scale, r.score, r.answers.not_lower)),
            Ok((Scale::Confidence, 6, "I did it before".to_string()))
        );
        let Err(errors) = parse_own_ruler(&form("worker", "11", "Because")) else {
            panic!("refused")
        };
        assert!(errors.for_field("scale").is_some());
        assert_eq!(
            errors.for_field("score"),
            Some("The number must be from 0 to 10")
        );
        assert_eq!(errors.value("not_lower"), Some("Because"));
    }

    #[test]
    fn answers_are_optional_but_not_endless() {
        assert_eq!(parse_answers(" ", ""), Ok(Answers::default()));
        let long = "a".repeat(MAX_ANSWER + 1);
        let Err(errors) = parse_answers(&long, "Going to the group") else {
            panic!("refused")
        };
        assert!(errors.for_field("not_lower").is_some());
        assert_eq!(errors.value("one_up"), Some("Going to the group"));
    }
}
