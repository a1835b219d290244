//! Changing a step: who does what by when, and who in the family sees it.

use crate::api::plan::{load_goal, SaveStep};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Checkboxes, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::member_choices::{adult_choices, step_owner_choices};
use crate::components::problem::Problem;
use crate::domain::goal::Step;
use crate::domain::ids::{MemberId, StepId};
use crate::error::AppError;
use crate::page_data::plan::GoalPage;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StepFormPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("goal").unwrap_or_default(),
            )
        },
        |(family, goal)| load_goal(family, goal),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let step = params.read_untracked().get("step").and_then(|s| StepId::parse(&s));
                match page.await {
                    Ok(page) if !page.can_edit => view! { <Problem error=AppError::Forbidden/> }.into_any(),
                    Ok(page) => match step.and_then(|id| page.goal.steps.iter().find(|s| s.id == id).cloned()) {
                        Some(step) => view! { <StepFormView page step/> }.into_any(),
                        None => view! { <Problem error=AppError::NotFound/> }.into_any(),
                    },
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StepFormView(page: GoalPage, step: Step) -> impl IntoView {
    let feedback = Feedback::of::<SaveStep>();
    let members = page.members.clone();
    let today = page.today;
    let check = FormCheck::SaveStep { today, members };
    let back = crate::paths::goal(page.family_id, page.goal.id);
    let checked = step.visible_to.iter().map(MemberId::to_string).collect();
    let version = step.version.to_string();
    view! {
        <Title text="Change a step"/>
        <ErrorSummary feedback/>
        <p class="caption"><a href=back>{format!("Back to “{}”", page.goal.family_words)}</a></p>
        <h1>"Change a step"</h1>
        <CheckedForm action=SaveStep::url() check feedback>
            <input type="hidden" name="family" value=page.family_id.to_string()/>
            <input type="hidden" name="goal" value=page.goal.id.to_string()/>
            <input type="hidden" name="step" value=step.id.to_string()/>
            <input type="hidden" name="version" id="version" value=move || feedback.value("version").unwrap_or_else(|| version.clone())/>
            <Select feedback name="who" label="Who will do it" options=step_owner_choices(&page.members) value=step.who.code()/>
            <TextField feedback name="what" label="What they will do" value=step.what.clone()/>
            <TextField feedback name="due_on" label="By when" kind="date" width="width-10" value=step.due_on.format("%Y-%m-%d").to_string()/>
            <Checkboxes feedback name="visible_to" legend="Who in the family can see this step" options=adult_choices(&page.members) checked/>
            <SubmitButton label="Save changes" busy_label="Saving…"/>
        </CheckedForm>
    }
}
