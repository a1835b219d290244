use crate::api::teams::{team_staff, RenameTeam};
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::page_data::administration::TeamDetail;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// One team as an administrator sees it: its staff, how many families it holds, its name.
#[component]
pub fn TeamAdminPage() -> impl IntoView {
    let params = use_params_map();
    let detail = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        team_staff,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the team…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(team) => view! { <Team team/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Team(team: TeamDetail) -> impl IntoView {
    let feedback = Feedback::of::<RenameTeam>();
    let check = FormCheck::RenameTeam;
    let families = if team.families.is_empty() {
        view! { <p>"No families yet."</p> }.into_any()
    } else {
        let items = team
            .families
            .into_iter()
            .map(|family| {
                let label = format!("Who works with {}", household_title(&family.name));
                view! { <li><a href=paths::allocation(family.id)>{label}</a></li> }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let staff = if team.staff.is_empty() {
        view! {
            <p>"No one works in this team yet. "<a href=paths::NEW_STAFF>"Add a member of staff"</a>" and choose this team."</p>
        }
        .into_any()
    } else {
        let items = team
            .staff
            .into_iter()
            .map(|person| {
                view! {
                    <li>
                        <a href=paths::staff_account(person.id)>{person.display_name}</a>
                        ", " {person.role.label()}
                        {person.disabled.then(|| view! { " " <strong class="tag tag--grey">"Disabled"</strong> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        <Title text=team.name.clone()/>
        <p><a href=paths::TEAMS>"Back to teams"</a></p>
        <h1>{team.name.clone()}</h1>
        <h2>"Staff"</h2>
        {staff}
        <h2>"Families"</h2>
        {families}
        <h2>"Rename the team"</h2>
        <ErrorSummary feedback/>
        <CheckedForm action=RenameTeam::url() check feedback>
            <input type="hidden" name="team" value=team.id.to_string()/>
            <TextField feedback name="name" label="New name" value=team.name/>
            <SubmitButton label="Rename team" busy_label="Renaming…" class="button button--secondary"/>
        </CheckedForm>
    }
}
