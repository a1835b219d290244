use crate::api::teams::{teams, CreateTeam};
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::ids::TeamId;
use crate::page_data::administration::TeamsOverview;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// The council's teams, with their staff and families counted, and a form to add one.
#[component]
pub fn TeamsPage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| teams());
    view! {
        <Title text="Teams"/>
        <Suspense fallback=|| view! { <p>"Loading teams…"</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(overview) => view! { <Overview overview/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(overview: TeamsOverview) -> impl IntoView {
    let empty = overview.teams.is_empty();
    let rows = overview
        .teams
        .into_iter()
        .map(|team| {
            view! {
                <tr>
                    <th scope="row" class="table__header"><a href=paths::team_admin(team.id)>{team.name}</a></th>
                    <td class="table__cell table__cell--numeric">{team.staff}</td>
                    <td class="table__cell table__cell--numeric">{team.families}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="caption">{overview.authority_name}</p>
        <h1>"Teams"</h1>
        {if empty {
            view! {
                <p class="lead">"There are no teams yet. Add the first one below; then add its manager and social workers from "<a href=paths::NEW_STAFF>"Add a member of staff"</a>"."</p>
            }.into_any()
        } else {
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="teams-caption">
                    <table class="table">
                        <caption class="table__caption" id="teams-caption">"The council's teams"</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="table__header">"Team"</th>
                                <th scope="col" class="table__header table__header--numeric">"Staff"</th>
                                <th scope="col" class="table__header table__header--numeric">"Families"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <NewTeam/>
    }
}

#[component]
fn NewTeam() -> impl IntoView {
    let feedback = Feedback::of::<CreateTeam>();
    let check = FormCheck::CreateTeam;
    view! {
        <h2>"Add a team"</h2>
        <ErrorSummary feedback/>
        <CheckedForm action=CreateTeam::url() check feedback>
            <input type="hidden" name="team" value=TeamId::new().to_string()/>
            <TextField feedback name="name" label="Team name" hint="As staff will see it, for example Family Safeguarding North"/>
            <SubmitButton label="Add team" busy_label="Adding the team…"/>
        </CheckedForm>
    }
}
