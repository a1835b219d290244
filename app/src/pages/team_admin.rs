use crate::api::teams::{team_staff, RenameTeam};
use crate::components::form::{submit_checked, ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::staff::team_name::validate_team_name;
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
    let rename = ServerAction::<RenameTeam>::new();
    let detail = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                rename.version().get(),
            )
        },
        |(team, _)| team_staff(team),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the team…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(team) => view! { <Team team rename/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Team(team: TeamDetail, rename: ServerAction<RenameTeam>) -> impl IntoView {
    let feedback = Feedback::new(rename);
    let on_submit = submit_checked(rename, feedback, |input: &RenameTeam| {
        validate_team_name(&input.name)
    });
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
        <form method="post" action=RenameTeam::url() novalidate on:submit=on_submit>
            <input type="hidden" name="team" value=team.id.to_string()/>
            <TextField feedback name="name" label="New name" value=team.name/>
            <SubmitButton label="Rename team" busy_label="Renaming…" pending=rename.pending().into() class="button button--secondary"/>
        </form>
    }
}
