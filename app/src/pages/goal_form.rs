//! Adding a goal, and changing one. An edit names the version it started from, so a save made
//! after someone else's is refused with what they changed, never silently overwritten.

use crate::api::plan::{family_plan, SaveGoal};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Checkboxes, Radios, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::member_choices::adult_choices;
use crate::components::plain_advice::PlainWordsArea;
use crate::components::problem::Problem;
use crate::domain::family::MemberKind;
use crate::domain::goal::{Goal, GoalArea, GoalStatus};
use crate::domain::ids::{GoalId, MemberId};
use crate::error::AppError;
use crate::page_data::plan::Plan;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn GoalFormPage() -> impl IntoView {
    let params = use_params_map();
    let plan = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        family_plan,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let goal_param = params.read_untracked().get("goal");
                match plan.await {
                    Ok(plan) if !plan.can_edit => view! { <Problem error=AppError::Forbidden/> }.into_any(),
                    Ok(plan) => match goal_param {
                        None => view! { <GoalFormView plan goal=None/> }.into_any(),
                        Some(id) => match GoalId::parse(&id).and_then(|id| plan.goals.iter().find(|g| g.id == id).cloned()) {
                            Some(goal) => view! { <GoalFormView plan goal=Some(goal)/> }.into_any(),
                            None => view! { <Problem error=AppError::NotFound/> }.into_any(),
                        },
                    },
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GoalFormView(plan: Plan, goal: Option<Goal>) -> impl IntoView {
    let feedback = Feedback::of::<SaveGoal>();
    let members = plan.members.clone();
    let today = plan.today;
    let check = FormCheck::SaveGoal { today, members };
    let editing = goal.is_some();
    let title = if editing {
        "Change a goal"
    } else {
        "Add a goal"
    };
    let id = goal.as_ref().map_or_else(GoalId::new, |g| g.id);
    let family = plan.family_id;
    let back = match &goal {
        Some(g) => crate::paths::goal(family, g.id),
        None => crate::paths::family_plan(family),
    };
    let owners = plan
        .members
        .iter()
        .map(|m| {
            let label = match m.kind {
                MemberKind::Adult => m.name.clone(),
                MemberKind::Child => format!("{} (an outcome for the child)", m.name),
            };
            (m.id.to_string(), label)
        })
        .collect::<Vec<_>>();
    let areas = GoalArea::ALL
        .iter()
        .map(|a| (a.code().to_string(), a.label().to_string()))
        .collect();
    let statuses = GoalStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label().to_string()))
        .collect();
    let value = {
        let goal = goal.clone();
        move |f: fn(&Goal) -> String| goal.as_ref().map(f)
    };
    // A new goal is shared with no one until an owner is chosen: the form ticks nobody, and
    // the hint says the owner is the usual choice.
    let checked: Vec<String> = goal
        .as_ref()
        .map(|g| g.visible_to.iter().map(MemberId::to_string).collect())
        .unwrap_or_default();
    let version = goal
        .as_ref()
        .map(|g| g.version.to_string())
        .unwrap_or_default();
    view! {
        <Title text=title/>
        <ErrorSummary feedback/>
        <p class="caption"><a href=back.clone()>"Back"</a></p>
        <h1>{title}</h1>
        <CheckedForm action=SaveGoal::url() check feedback>
            <input type="hidden" name="family" value=family.to_string()/>
            <input type="hidden" name="goal" value=id.to_string()/>
            <input type="hidden" name="version" id="version" value=move || feedback.value("version").unwrap_or_else(|| version.clone())/>
            <Select feedback name="owner" label="Whose goal is it?" hint="One adult, or a child's outcome" options=owners value=value(|g| g.owner.to_string())/>
            <Select feedback name="area" label="Area of family life" options=areas value=value(|g| g.area.code().to_string())/>
            <PlainWordsArea feedback name="family_words" label="The goal in the family's own words" hint="Write it as they said it. The family sees this on their page." value=value(|g| g.family_words.clone())/>
            <TextArea feedback name="professional_words" label="Professional wording" hint="What needs to change, by how much" rows=3 value=value(|g| g.professional_words.clone())/>
            <TextField feedback name="target_date" label="Target date" kind="date" width="width-10" value=value(|g| g.target_date.format("%Y-%m-%d").to_string())/>
            <Radios feedback name="status" legend="How is it going?" options=statuses value=value(|g| g.status.code().to_string()).unwrap_or_else(|| GoalStatus::NotStarted.code().to_string())/>
            <Checkboxes feedback name="visible_to" legend="Who in the family can see this goal?" hint="Usually the adult whose goal it is. Where there is domestic abuse, never share a victim's safety goals with the other parent." options=adult_choices(&plan.members) checked/>
            {editing.then(|| view! { <TextField feedback name="reason" label="Why are you changing it? (optional)" hint="Kept in the goal's history"/> })}
            <SubmitButton label=if editing { "Save changes" } else { "Add goal" } busy_label="Saving…"/>
        </CheckedForm>
    }
}
