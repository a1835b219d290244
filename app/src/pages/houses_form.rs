//! Recording a child's Three Houses: their worries, good things and dreams, in their words.

use crate::api::plan::{family_plan, RecordHouses};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::Select;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::ids::HousesId;
use crate::error::AppError;
use crate::page_data::plan::Plan;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn HousesFormPage() -> impl IntoView {
    let params = use_params_map();
    let plan = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        family_plan,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let id = params.read_untracked().get("houses").and_then(|s| HousesId::parse(&s));
                match (plan.await, id) {
                    (Ok(plan), _) if !plan.can_edit => view! { <Problem error=AppError::Forbidden/> }.into_any(),
                    (Ok(plan), Some(id)) => view! { <HousesFormView plan id/> }.into_any(),
                    (Ok(_), None) => view! { <Problem error=AppError::NotFound/> }.into_any(),
                    (Err(error), _) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HousesFormView(plan: Plan, id: HousesId) -> impl IntoView {
    let feedback = Feedback::of::<RecordHouses>();
    let members = plan.members.clone();
    let today = plan.today;
    let check = FormCheck::RecordHouses { today, members };
    let children: Vec<(String, String)> = plan
        .children()
        .map(|c| (c.id.to_string(), c.name.clone()))
        .collect();
    let only_child = (children.len() == 1).then(|| children[0].0.clone());
    view! {
        <Title text="Record a child's Three Houses"/>
        <ErrorSummary feedback/>
        <p class="caption"><a href=crate::paths::childs_voice(plan.family_id)>"Back to the family"</a></p>
        <h1>"Record a child's Three Houses"</h1>
        <p class="lead">"Write what the child said, in their words. One thing per line."</p>
        <CheckedForm action=RecordHouses::url() check feedback>
            <input type="hidden" name="family" value=plan.family_id.to_string()/>
            <input type="hidden" name="houses" value=id.to_string()/>
            <Select feedback name="child" label="Child" options=children value=only_child/>
            <TextField feedback name="recorded_on" label="Date you did it with them" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
            <TextArea feedback name="worries" label="House of worries" hint="What worries them" rows=4/>
            <TextArea feedback name="good_things" label="House of good things" hint="What is good in their life" rows=4/>
            <TextArea feedback name="dreams" label="House of dreams" hint="What they wish for" rows=4/>
            <SubmitButton label="Save Three Houses" busy_label="Saving…"/>
        </CheckedForm>
    }
}
