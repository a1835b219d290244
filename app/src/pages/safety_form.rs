//! A danger statement and its safety goal: added, or changed from the version it was opened at.

use crate::api::plan::{family_plan, SaveSafety};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::Checkboxes;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton};
use crate::components::form_check::FormCheck;
use crate::components::member_choices::adult_choices;
use crate::components::plain_advice::PlainWordsArea;
use crate::components::problem::Problem;
use crate::domain::ids::{MemberId, SafetyId};
use crate::domain::plan::SafetyStatement;
use crate::error::AppError;
use crate::page_data::plan::Plan;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SafetyFormPage() -> impl IntoView {
    let params = use_params_map();
    let plan = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        family_plan,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let id = params.read_untracked().get("safety").and_then(|s| SafetyId::parse(&s));
                match (plan.await, id) {
                    (Ok(plan), _) if !plan.can_edit => view! { <Problem error=AppError::Forbidden/> }.into_any(),
                    (Ok(plan), Some(id)) => {
                        let existing = plan.safety.iter().find(|s| s.id == id).cloned();
                        view! { <SafetyFormView plan id existing/> }.into_any()
                    }
                    (Ok(_), None) => view! { <Problem error=AppError::NotFound/> }.into_any(),
                    (Err(error), _) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SafetyFormView(plan: Plan, id: SafetyId, existing: Option<SafetyStatement>) -> impl IntoView {
    let feedback = Feedback::of::<SaveSafety>();
    let members = plan.members.clone();
    let today = plan.today;
    let check = FormCheck::SaveSafety { today, members };
    let title = if existing.is_some() {
        "Change a danger statement"
    } else {
        "Add a danger statement"
    };
    let version = existing
        .as_ref()
        .map(|s| s.version.to_string())
        .unwrap_or_default();
    let checked = existing
        .as_ref()
        .map(|s| s.visible_to.iter().map(MemberId::to_string).collect())
        .unwrap_or_default();
    view! {
        <Title text=title/>
        <ErrorSummary feedback/>
        <p class="caption"><a href=crate::paths::family_plan(plan.family_id)>"Back to the family"</a></p>
        <h1>{title}</h1>
        <p class="lead">"Say plainly what the worry is and what safety will look like, so the family can understand both."</p>
        <CheckedForm action=SaveSafety::url() check feedback>
            <input type="hidden" name="family" value=plan.family_id.to_string()/>
            <input type="hidden" name="safety" value=id.to_string()/>
            <input type="hidden" name="version" id="version" value=move || feedback.value("version").unwrap_or_else(|| version.clone())/>
            <PlainWordsArea feedback name="danger" label="Danger statement: what we are worried about" hint="Who is worried, about what happening, to whom, and what could happen if nothing changes" value=existing.as_ref().map(|s| s.danger.clone()) rows=4/>
            <PlainWordsArea feedback name="safety_goal" label="Safety goal: what safe looks like" hint="What the family will be doing that shows the children are safe" value=existing.as_ref().map(|s| s.safety_goal.clone()) rows=4/>
            <Checkboxes feedback name="visible_to" legend="Who in the family can see it?" hint="Never share a victim's safety plan with the person they need to be safe from." options=adult_choices(&plan.members) checked/>
            <SubmitButton label="Save" busy_label="Saving…"/>
        </CheckedForm>
    }
}
