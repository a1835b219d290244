//! One MI prompt and how the library is searched. The library's prompts come from
//! `app/data/mi-prompts.toml`; a team can add its own, seen by that team only.

use super::stage::Stage;
use super::technique::Technique;
use crate::domain::goal::GoalArea;
use crate::domain::ids::{PromptId, TeamId};
use serde::{Deserialize, Serialize};

/// Which areas or stages a prompt suits: all of them, or the ones named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tags<T> {
    Any,
    Only(Vec<T>),
}

impl<T: PartialEq> Tags<T> {
    pub fn includes(&self, item: &T) -> bool {
        match self {
            Tags::Any => true,
            Tags::Only(items) => items.contains(item),
        }
    }

    /// Named explicitly, not merely covered by "any".
    pub fn names(&self, item: &T) -> bool {
        matches!(self, Tags::Only(items) if items.contains(item))
    }
}

macro_rules! tag_codes {
    ($kind:ty) => {
        impl Tags<$kind> {
            /// `any`, or codes joined by commas: how the database keeps them.
            pub fn codes(&self) -> String {
                match self {
                    Tags::Any => "any".into(),
                    Tags::Only(items) => {
                        items.iter().map(|i| i.code()).collect::<Vec<_>>().join(",")
                    }
                }
            }

            /// `None` when a code is unknown or the list is empty.
            pub fn from_codes<S: AsRef<str>>(codes: &[S]) -> Option<Self> {
                match codes {
                    [only] if only.as_ref().trim() == "any" => Some(Tags::Any),
                    [] => None,
                    _ => {
                        let mut items = Vec::new();
                        for code in codes {
                            let item = <$kind>::from_code(code.as_ref().trim())?;
                            if !items.contains(&item) {
                                items.push(item);
                            }
                        }
                        Some(Tags::Only(items))
                    }
                }
            }

            pub fn labels(&self, all: &str) -> String {
                match self {
                    Tags::Any => all.into(),
                    Tags::Only(items) => items
                        .iter()
                        .map(|i| i.label())
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            }
        }
    };
}

tag_codes!(GoalArea);
tag_codes!(Stage);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prompt {
    pub id: PromptId,
    /// The library file's stable key; `None` for a team's own prompt.
    pub key: Option<String>,
    /// The team that added it; `None` for the library's.
    pub team: Option<TeamId>,
    pub technique: Technique,
    pub areas: Tags<GoalArea>,
    pub stages: Tags<Stage>,
    /// What the worker might say.
    pub text: String,
    /// One line on why this helps.
    pub why: String,
    /// Who added a team prompt.
    pub added_by: Option<String>,
}

impl Prompt {
    pub fn applies_to(&self, area: GoalArea, stage: Option<Stage>) -> bool {
        self.areas.includes(&area) && stage.is_none_or(|s| self.stages.includes(&s))
    }
}

/// What someone is looking for in the library; empty parts match everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptFilter {
    pub words: String,
    pub technique: Option<Technique>,
    pub area: Option<GoalArea>,
    pub stage: Option<Stage>,
}

impl PromptFilter {
    /// From the page's query string; unknown codes are ignored rather than refused.
    pub fn from_query(words: &str, technique: &str, area: &str, stage: &str) -> Self {
        PromptFilter {
            words: words.trim().chars().take(100).collect(),
            technique: Technique::from_code(technique),
            area: GoalArea::from_code(area),
            stage: Stage::from_code(stage),
        }
    }

    /// Every word typed appears in the prompt, its reason or its technique's name (any case).
    pub fn matches(&self, prompt: &Prompt) -> bool {
        let haystack = format!(
            "{} {} {}",
            prompt.text,
            prompt.why,
            prompt.technique.label()
        )
        .to_lowercase();
        self.technique.is_none_or(|t| prompt.technique == t)
            && self.area.is_none_or(|a| prompt.areas.includes(&a))
            && self.stage.is_none_or(|s| prompt.stages.includes(&s))
            && self
                .words
                .to_lowercase()
                .split_whitespace()
                .all(|word| haystack.contains(word))
    }

    pub fn is_empty(&self) -> bool {
        *self == PromptFilter::default()
    }
}

/// The prompts that match, area-specific ones before general ones when an area is chosen.
pub fn search<'a>(prompts: &'a [Prompt], filter: &PromptFilter) -> Vec<&'a Prompt> {
    let mut found: Vec<&Prompt> = prompts.iter().filter(|p| filter.matches(p)).collect();
    if let Some(area) = filter.area {
        found.sort_by_key(|p| !p.areas.names(&area));
    }
    found
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn prompt(
        key: &str,
        technique: Technique,
        areas: Tags<GoalArea>,
        stages: Tags<Stage>,
    ) -> Prompt {
        Prompt {
            id: PromptId::new(),
            key: Some(key.into()),
            team: None,
            technique,
            areas,
            stages,
            text: format!("Prompt {key}?"),
            why: "Because it helps.".into(),
            added_by: None,
        }
    }

    #[test]
    fn tags_round_trip_through_their_codes() {
        let areas = Tags::<GoalArea>::from_codes(&["parenting", "education", "parenting"]);
        assert_eq!(
            areas,
            Some(Tags::Only(vec![GoalArea::Parenting, GoalArea::Education]))
        );
        assert_eq!(
            areas.map(|a| a.codes()),
            Some("parenting,education".to_string())
        );
        assert_eq!(Tags::<Stage>::from_codes(&["any"]), Some(Tags::Any));
        assert_eq!(Tags::<Stage>::from_codes(&["any", "action"]), None);
        assert_eq!(Tags::<Stage>::from_codes::<&str>(&[]), None);
        assert_eq!(Tags::<Stage>::from_codes(&["thinking"]), None);
    }

    #[test]
    fn the_filter_needs_every_word_and_every_chosen_tag() {
        let mut a = prompt(
            "a",
            Technique::OpenQuestion,
            Tags::Only(vec![GoalArea::DrugsAlcohol]),
            Tags::Only(vec![Stage::Contemplation]),
        );
        a.text = "What does a good weekend with the children look like?".into();
        let b = prompt("b", Technique::Affirmation, Tags::Any, Tags::Any);
        let prompts = [a, b];
        let filter = PromptFilter::from_query("WEEKEND children", "", "", "");
        assert_eq!(search(&prompts, &filter).len(), 1);
        let filter = PromptFilter::from_query("", "", "drugs_alcohol", "action");
        assert_eq!(
            search(&prompts, &filter)
                .iter()
                .map(|p| p.key.clone())
                .collect::<Vec<_>>(),
            vec![Some("b".to_string())]
        );
        let filter = PromptFilter::from_query("", "", "drugs_alcohol", "");
        let keys: Vec<_> = search(&prompts, &filter)
            .iter()
            .filter_map(|p| p.key.clone())
            .collect();
        assert_eq!(keys, vec!["a", "b"], "area-specific first");
        let filter = PromptFilter::from_query("", "affirmation", "nonsense", "");
        assert_eq!(search(&prompts, &filter).len(), 1);
    }
}
