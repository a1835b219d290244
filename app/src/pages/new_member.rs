//! Adding someone to a household: a parent or a child at the start, later a newborn or a new
//! partner. The page makes the person's id, so sending the form twice adds them once.

use crate::api::case_record::{case_status, AddMember};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Radios};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::household::PersonKind;
use crate::domain::ids::MemberId;
use crate::page_data::case_record::CaseState;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewMemberPage() -> impl IntoView {
    let params = use_params_map();
    let state = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        case_status,
    );
    view! {
        <Title text="Add someone to the household"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match state.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(state) => view! { <NewMemberForm state/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

pub(crate) fn person_kinds() -> Vec<Choice> {
    PersonKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label().to_string()))
        .collect()
}

#[component]
fn NewMemberForm(state: CaseState) -> impl IntoView {
    let heading = state.heading;
    let family = heading.family_id;
    let title = household_title(&heading.family_name);
    if !heading.can_change() {
        return view! {
            <p><a href=paths::family(family)>{format!("Back to {title}")}</a></p>
            <h1>"Add someone to the household"</h1>
            <p>{if heading.closed.is_some() {
                "This family's case is closed. Reopen it to change the household."
            } else {
                "Only the family's social workers and their manager change the household."
            }}</p>
        }
        .into_any();
    }
    let feedback = Feedback::of::<AddMember>();
    let today = heading.today;
    let check = FormCheck::AddMember { today };
    view! {
        <ErrorSummary feedback/>
        <p><a href=paths::household(family)>{format!("Back to {title}")}</a></p>
        <p class="caption">{title.clone()}</p>
        <h1>"Add someone to the household"</h1>
        <p>"One person at a time. Add the adults and the children who live here, and a baby on the way."</p>
        <CheckedForm action=AddMember::url() check feedback>
            <input type="hidden" name="family" value=family.to_string()/>
            <input type="hidden" name="member" value=MemberId::new().to_string()/>
            <input type="hidden" name="version" value="0"/>
            <Radios feedback name="kind" legend="Who are you adding?" options=person_kinds()/>
            <TextField feedback name="given_name" label="First name" autocomplete="off"/>
            <TextField feedback name="family_name" label="Last name" autocomplete="off" value=heading.family_name.clone()/>
            <TextField feedback name="relationship" label="How they stand in the household" hint="For example mother, stepfather, son, or baby" autocomplete="off"/>
            <TextField feedback name="date_of_birth" label="Date of birth" hint="Leave empty for a baby not yet born. For an adult, if it is not known yet." kind="date" width="width-10"/>
            <TextField feedback name="expected_on" label="When the baby is due" hint="Only for a baby not yet born" kind="date" width="width-10"/>
            <TextField feedback name="person_ref" label="Person ID in the case system (optional)" hint="As it appears in the council's case system, so the two records match" verbatim=true width="width-10" autocomplete="off"/>
            <SubmitButton label="Add to the household" busy_label="Adding…"/>
        </CheckedForm>
    }
    .into_any()
}
