//! Opening a family for a new referral: the household's name and who holds the case. Its people
//! are added next, one at a time.

use crate::api::case_record::{new_family_choices, OpenReferral};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::ids::FamilyId;
use crate::page_data::case_record::NewFamilyOptions;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn NewFamilyPage() -> impl IntoView {
    let options = Resource::new(|| (), |_| new_family_choices());
    view! {
        <Title text="Open a family"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match options.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(options) => view! { <NewFamilyForm options/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewFamilyForm(options: NewFamilyOptions) -> impl IntoView {
    let feedback = Feedback::of::<OpenReferral>();
    let allowed: Vec<_> = options.social_workers.iter().map(|(id, _)| *id).collect();
    let check = FormCheck::OpenReferral {
        social_workers: allowed,
    };
    let none = options.social_workers.is_empty();
    let choices: Vec<Choice> = options
        .social_workers
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    view! {
        <ErrorSummary feedback/>
        <p><a href=paths::CASELOAD>"Back to the caseload"</a></p>
        <p class="caption">{options.team.name.clone()}</p>
        <h1>"Open a family"</h1>
        <p>"For a new referral to the team. Next you add the people in the household, one at a time, and then each child's legal status and the trio."</p>
        {none.then(|| view! {
            <div class="inset">"The team has no social worker yet. Ask an administrator to add one: every family needs a social worker to hold the case."</div>
        })}
        <CheckedForm action=OpenReferral::url() check feedback>
            <input type="hidden" name="id" value=FamilyId::new().to_string()/>
            <TextField feedback name="name" label="Family name" hint="As the household is known, for example Ashworth. Pages call it “The Ashworth family”." autocomplete="off"/>
            <Select feedback name="social_worker" label="Social worker holding the case" options=choices value=options.chosen.map(|id| id.to_string())/>
            <SubmitButton label="Open the family" busy_label="Opening…"/>
        </CheckedForm>
    }
}
