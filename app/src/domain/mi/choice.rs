//! Which prompts to offer beside a visit or check-in for a goal: chosen for the goal's area,
//! the parent's stage of change and their latest rulers. The server applies it and renders the
//! result, so it works without JavaScript.
//!
//! The rule: each stage has an order of techniques suited to it (evoking reasons before
//! commitment, planning once decided, affirming after a slip). A low importance ruler puts
//! building reasons first; low confidence with importance not low puts building confidence
//! first; any ruler on record adds a ruler follow-up. Within a technique, prompts written for
//! the area come before general ones, and the day picks among them so visits vary.

use super::prompt::Prompt;
use super::stage::Stage;
use super::technique::Technique;
use crate::domain::goal::GoalArea;

/// How many prompts the panel offers: a few, not a script.
pub const HOW_MANY: usize = 5;
/// A ruler at or below this is low.
pub const LOW: u8 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PromptContext {
    pub area: GoalArea,
    pub stage: Option<Stage>,
    pub importance: Option<u8>,
    pub confidence: Option<u8>,
    /// Varies the choice between visits: the day number serves.
    pub seed: u32,
}

/// One kind of prompt wanted, and why, in a few words for the panel.
struct Slot {
    techniques: &'static [Technique],
    because: &'static str,
}

const fn slot(techniques: &'static [Technique], because: &'static str) -> Slot {
    Slot {
        techniques,
        because,
    }
}

use Technique as T;

const WHY_CHANGE: &[T] = &[T::EvokeDesire, T::EvokeReasons, T::EvokeNeed];
const WHY_CHANGE_BECAUSE: &str = "Draws out their own reasons";

fn slots_for(stage: Option<Stage>) -> Vec<Slot> {
    match stage {
        Some(Stage::Precontemplation) => vec![
            slot(&[T::OpenQuestion], "Opens up without pressure"),
            slot(&[T::Reflection], "Shows you have understood"),
            slot(WHY_CHANGE, WHY_CHANGE_BECAUSE),
            slot(
                &[T::ElicitProvideElicit],
                "Offers information with permission",
            ),
            slot(&[T::SustainTalk], "Meets reluctance without a fight"),
        ],
        Some(Stage::Contemplation) => vec![
            slot(WHY_CHANGE, WHY_CHANGE_BECAUSE),
            slot(&[T::DecisionalBalance], "Weighs both sides openly"),
            slot(&[T::OpenQuestion], "Opens up the conversation"),
            slot(&[T::Reflection], "Reflects both sides back"),
            slot(&[T::Summary], "Gathers what they said for change"),
        ],
        Some(Stage::Preparation) => vec![
            slot(&[T::EvokeCommitment], "Turns intention into commitment"),
            slot(&[T::ChangePlan], "Helps them plan in their own words"),
            slot(&[T::EvokeAbility], "Builds confidence they can"),
            slot(&[T::Affirmation], "Recognises the decision made"),
            slot(&[T::OpenQuestion], "Opens up the conversation"),
        ],
        Some(Stage::Action) => vec![
            slot(
                &[T::EvokeTakingSteps, T::EvokeActivation],
                "Notices steps already taken",
            ),
            slot(&[T::Affirmation], "Recognises effort"),
            slot(&[T::ChangePlan], "Reviews and adjusts the plan"),
            slot(&[T::Reflection], "Shows you have understood"),
            slot(&[T::Summary], "Pulls the progress together"),
        ],
        Some(Stage::Maintenance) => vec![
            slot(&[T::Affirmation], "Recognises what they have kept up"),
            slot(
                &[T::EvokeTakingSteps, T::EvokeAbility],
                "Notices what keeps it going",
            ),
            slot(&[T::ChangePlan], "Plans for risky times"),
            slot(&[T::OpenQuestion], "Opens up the conversation"),
            slot(&[T::Summary], "Pulls the progress together"),
        ],
        Some(Stage::Relapse) => vec![
            slot(&[T::Affirmation], "Recognises what was achieved before"),
            slot(&[T::Reflection], "Meets the setback without blame"),
            slot(
                &[T::EvokeAbility, T::EvokeReasons],
                "Rebuilds belief and reasons",
            ),
            slot(&[T::OpenQuestion], "Looks at what was learned"),
            slot(&[T::ChangePlan], "Plans the restart"),
        ],
        None => vec![
            slot(&[T::OpenQuestion], "Opens up the conversation"),
            slot(&[T::Reflection], "Shows you have understood"),
            slot(&[T::Affirmation], "Recognises strengths"),
            slot(WHY_CHANGE, WHY_CHANGE_BECAUSE),
            slot(&[T::Summary], "Gathers what was said"),
        ],
    }
}

/// A prompt offered, and why it was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chosen<'a> {
    pub prompt: &'a Prompt,
    pub because: &'static str,
}

pub fn choose<'a>(prompts: &'a [Prompt], ctx: &PromptContext) -> Vec<Chosen<'a>> {
    let mut slots = slots_for(ctx.stage);
    let low = |r: Option<u8>| r.is_some_and(|r| r <= LOW);
    if ctx.importance.is_some() || ctx.confidence.is_some() {
        slots.insert(1, slot(&[T::RulerFollowUp], "Follows up the latest ruler"));
    }
    if low(ctx.importance) {
        slots.insert(
            0,
            slot(WHY_CHANGE, "Importance is low: build reasons first"),
        );
    } else if low(ctx.confidence) {
        slots.insert(
            0,
            slot(
                &[T::EvokeAbility, T::Affirmation],
                "Confidence is low: build belief they can",
            ),
        );
    }
    let fitting: Vec<&Prompt> = prompts
        .iter()
        .filter(|p| p.applies_to(ctx.area, ctx.stage))
        .collect();
    let mut chosen: Vec<Chosen> = Vec::new();
    for slot in slots {
        if chosen.len() == HOW_MANY {
            break;
        }
        let unused = |p: &&&Prompt| {
            slot.techniques.contains(&p.technique) && !chosen.iter().any(|c| c.prompt.id == p.id)
        };
        let own: Vec<&Prompt> = fitting
            .iter()
            .filter(unused)
            .filter(|p| p.areas.names(&ctx.area))
            .copied()
            .collect();
        let pool = if own.is_empty() {
            fitting.iter().filter(unused).copied().collect()
        } else {
            own
        };
        if pool.is_empty() {
            continue;
        }
        let at = usize::try_from(ctx.seed).unwrap_or(0) % pool.len();
        chosen.push(Chosen {
            prompt: pool[at],
            because: slot.because,
        });
    }
    chosen
}

/// The prompts offered beside a form, ready to show: what was chosen, for what.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Offered {
    /// What the choice was made for: "Drugs or alcohol · Contemplation · importance 4".
    pub context: String,
    pub prompts: Vec<OfferedPrompt>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OfferedPrompt {
    pub technique: Technique,
    pub text: String,
    pub why: String,
    pub because: String,
}

pub fn offer(prompts: &[Prompt], ctx: &PromptContext) -> Offered {
    let mut context = vec![ctx.area.label().to_string()];
    context.push(match ctx.stage {
        Some(stage) => stage.label().to_string(),
        None => "stage of change not recorded".to_string(),
    });
    if let Some(i) = ctx.importance {
        context.push(format!("importance {i}"));
    }
    if let Some(c) = ctx.confidence {
        context.push(format!("confidence {c}"));
    }
    Offered {
        context: context.join(" · "),
        prompts: choose(prompts, ctx)
            .into_iter()
            .map(|c| OfferedPrompt {
                technique: c.prompt.technique,
                text: c.prompt.text.clone(),
                why: c.prompt.why.clone(),
                because: c.because.to_string(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mi::prompt::tests::prompt;
    use crate::domain::mi::prompt::Tags;

    fn library() -> Vec<Prompt> {
        let mut all = Vec::new();
        for technique in Technique::ALL {
            all.push(prompt(
                &format!("any-{}", technique.code()),
                *technique,
                Tags::Any,
                Tags::Any,
            ));
            all.push(prompt(
                &format!("drink-{}", technique.code()),
                *technique,
                Tags::Only(vec![GoalArea::DrugsAlcohol]),
                Tags::Only(vec![Stage::Contemplation, Stage::Action]),
            ));
        }
        all
    }

    fn keys(chosen: &[Chosen]) -> Vec<String> {
        chosen.iter().filter_map(|c| c.prompt.key.clone()).collect()
    }

    fn ctx(area: GoalArea, stage: Option<Stage>) -> PromptContext {
        PromptContext {
            area,
            stage,
            importance: None,
            confidence: None,
            seed: 0,
        }
    }

    #[test]
    fn the_offer_says_what_it_was_chosen_for() {
        let prompts = library();
        let mut c = ctx(GoalArea::DrugsAlcohol, None);
        c.importance = Some(4);
        let offered = offer(&prompts, &c);
        assert_eq!(
            offered.context,
            "Drugs or alcohol · stage of change not recorded · importance 4"
        );
        assert_eq!(offered.prompts.len(), HOW_MANY);
        assert_eq!(
            offered.prompts[0].because,
            "Importance is low: build reasons first"
        );
    }

    #[test]
    fn the_stage_sets_the_techniques_and_the_area_comes_first() {
        let prompts = library();
        let chosen = choose(
            &prompts,
            &ctx(GoalArea::DrugsAlcohol, Some(Stage::Contemplation)),
        );
        assert_eq!(
            keys(&chosen),
            vec![
                "drink-evoke_desire",
                "drink-decisional_balance",
                "drink-open_question",
                "drink-reflection",
                "drink-summary"
            ]
        );
        // The area's own prompts are tagged for other stages: general ones fill in.
        let chosen = choose(
            &prompts,
            &ctx(GoalArea::DrugsAlcohol, Some(Stage::Preparation)),
        );
        assert_eq!(keys(&chosen)[0], "any-evoke_commitment");
        assert_eq!(chosen.len(), HOW_MANY);
    }

    #[test]
    fn low_importance_builds_reasons_and_low_confidence_builds_belief() {
        let prompts = library();
        let mut c = ctx(GoalArea::Parenting, Some(Stage::Action));
        c.importance = Some(3);
        c.confidence = Some(2);
        let chosen = choose(&prompts, &c);
        assert_eq!(chosen[0].because, "Importance is low: build reasons first");
        assert!(chosen[0].prompt.technique.evokes_change_talk());
        assert!(matches!(
            chosen[1].prompt.technique,
            Technique::EvokeTakingSteps | Technique::EvokeActivation
        ));
        assert_eq!(chosen[2].prompt.technique, Technique::RulerFollowUp);
        c.importance = Some(8);
        let chosen = choose(&prompts, &c);
        assert_eq!(
            chosen[0].because,
            "Confidence is low: build belief they can"
        );
        assert!(matches!(
            chosen[0].prompt.technique,
            Technique::EvokeAbility | Technique::Affirmation
        ));
    }

    #[test]
    fn no_prompt_twice_the_day_varies_the_choice_and_misfits_never_show() {
        let prompts = library();
        let mut c = ctx(GoalArea::DrugsAlcohol, None);
        let first = keys(&choose(&prompts, &c));
        c.seed = 1;
        let second = keys(&choose(&prompts, &c));
        assert_ne!(first, second);
        let mut unique = second.clone();
        unique.dedup();
        assert_eq!(unique.len(), second.len());
        // Nothing tagged for drink is offered for parenting.
        let chosen = choose(
            &prompts,
            &ctx(GoalArea::Parenting, Some(Stage::Contemplation)),
        );
        assert!(keys(&chosen).iter().all(|k| k.starts_with("any-")));
    }
}
