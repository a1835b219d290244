use crate::api::staff_accounts::{staff_team_choices, CreateStaffAccount};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::ids::AccountId;
use crate::domain::role::StaffRole;
use crate::page_data::administration::TeamChoice;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// An administrator adds a member of staff; the next page shows their one-time set-up code.
#[component]
pub fn NewStaffPage() -> impl IntoView {
    let teams = Resource::new(|| (), |_| staff_team_choices());
    view! {
        <Title text="Add a member of staff"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match teams.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(teams) => view! { <NewStaffForm teams/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn role_choices() -> Vec<Choice> {
    StaffRole::ALL
        .into_iter()
        .map(|role| (role.code().to_string(), role.label().to_string()))
        .collect()
}

#[component]
fn NewStaffForm(teams: Vec<TeamChoice>) -> impl IntoView {
    let feedback = Feedback::of::<CreateStaffAccount>();
    let check = FormCheck::CreateStaffAccount;
    let no_teams = teams.is_empty();
    let team_choices: Vec<Choice> = teams
        .into_iter()
        .map(|team| (team.id.to_string(), team.name))
        .collect();
    view! {
        <ErrorSummary feedback/>
        <p><a href=paths::ACCOUNTS>"Back to accounts"</a></p>
        <h1>"Add a member of staff"</h1>
        <p>"They will get a one-time set-up code, shown on the next page, to choose their own password. Give it to them in person or by a trusted route."</p>
        {no_teams.then(|| view! {
            <div class="inset">"There are no teams yet. "<a href=paths::TEAMS>"Add a team"</a>" first, unless you are adding another administrator."</div>
        })}
        <CheckedForm action=CreateStaffAccount::url() check feedback>
            <input type="hidden" name="account" value=AccountId::new().to_string()/>
            <TextField feedback name="name" label="Full name" autocomplete="off"/>
            <TextField feedback name="email" label="Work email" hint="They sign in with it. Hearth sends no email" kind="email" verbatim=true autocomplete="off"/>
            <Select feedback name="role" label="Role" options=role_choices()/>
            <Select feedback name="team" label="Team" hint="Administrators may belong to no team" options=team_choices/>
            <TextField feedback name="worker_ref" label="Case system worker ID (optional)" hint="Their id in the council's case system, as its extract names them: it allocates them to their families" verbatim=true autocomplete="off"/>
            <SubmitButton label="Add and make a set-up code" busy_label="Adding…"/>
        </CheckedForm>
    }
}
