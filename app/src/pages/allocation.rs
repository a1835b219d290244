use crate::api::allocation::{allocation, Allocate, MoveFamily};
use crate::components::choice::{Choice, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton};
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::plain_words::staff_time;
use crate::page_data::allocation::{AllocationPeriod, AllocationView, RoleAllocation, NO_ONE};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Who works with a family, chosen from its team one role at a time; moving it to another team;
/// and everyone who has worked with it, from when to when.
#[component]
pub fn AllocationPage() -> impl IntoView {
    let params = use_params_map();
    let allocate = ServerAction::<Allocate>::new();
    let move_family = ServerAction::<MoveFamily>::new();
    let view_data = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        allocation,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match view_data.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(page) => view! { <Allocation page allocate move_family/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Allocation(
    page: AllocationView,
    allocate: ServerAction<Allocate>,
    move_family: ServerAction<MoveFamily>,
) -> impl IntoView {
    let title = format!("Who works with {}", household_title(&page.family_name));
    let family = page.family_id.to_string();
    let back = if page.reads_family {
        view! { <p><a href=paths::family(page.family_id)>"Back to the family"</a></p> }.into_any()
    } else {
        view! { <p><a href=paths::team_admin(page.team.id)>"Back to the team"</a></p> }.into_any()
    };
    let roles = page
        .roles
        .into_iter()
        .map(|role| view! { <RoleForm family=family.clone() role allocate/> })
        .collect_view();
    view! {
        <Title text=title.clone()/>
        {back}
        <p class="caption">{page.team.name.clone()}</p>
        <h1>{title}</h1>
        <p>"One worker for each role, from the family's team. A change is saved on its own, and kept in the history below."</p>
        {roles}
        <MoveForm family=family.clone() teams=page.teams current=page.team.id.to_string() move_family/>
        <History periods=page.history/>
    }
}

#[component]
fn RoleForm(
    family: String,
    role: RoleAllocation,
    allocate: ServerAction<Allocate>,
) -> impl IntoView {
    let code = role.role.code();
    let mut options: Vec<Choice> = vec![(NO_ONE.to_string(), "No one".to_string())];
    options.extend(
        role.choices
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone())),
    );
    let current = role
        .current
        .as_ref()
        .map_or_else(|| NO_ONE.to_string(), |c| c.id.to_string());
    // Every role has a form of its own: a refusal is shown beside the role it was about.
    let feedback =
        Feedback::scoped::<Allocate>(format!("{code}-"), Some(("role", code.to_string())));
    let label = role.role.label();
    let none_in_team = role.choices.is_empty().then(|| {
        view! { <p class="hint">"No one in the team has this role yet."</p> }
    });
    view! {
        <ErrorSummary feedback/>
        <ActionForm action=allocate>
            <input type="hidden" name="family" value=family/>
            <input type="hidden" name="role" value=code/>
            <input type="hidden" name="was" value=current.clone()/>
            <Select feedback name="worker" label=label options value=current/>
            {none_in_team}
            <SubmitButton label="Save" busy_label="Saving…" class="button button--secondary"/>
        </ActionForm>
    }
}

#[component]
fn MoveForm(
    family: String,
    teams: Vec<crate::page_data::administration::TeamChoice>,
    current: String,
    move_family: ServerAction<MoveFamily>,
) -> impl IntoView {
    let feedback = Feedback::of::<MoveFamily>();
    let options: Vec<Choice> = teams
        .into_iter()
        .map(|t| (t.id.to_string(), t.name))
        .collect();
    view! {
        <h2>"Move to another team"</h2>
        <p>"When a family moves to another team, every allocation above ends. The new team's manager then chooses its workers."</p>
        <ErrorSummary feedback/>
        <ActionForm action=move_family>
            <input type="hidden" name="family" value=family/>
            <Select feedback name="team" label="Team" options value=current/>
            <SubmitButton label="Move the family" busy_label="Moving…" class="button button--secondary"/>
        </ActionForm>
    }
}

#[component]
fn History(periods: Vec<AllocationPeriod>) -> impl IntoView {
    if periods.is_empty() {
        return view! { <h2>"History"</h2><p>"No one has been allocated yet."</p> }.into_any();
    }
    let rows = periods
        .into_iter()
        .map(|p| {
            let until = match (p.until_at, p.ended_by) {
                (None, _) => "Now".to_string(),
                (Some(at), Some(by)) => format!("{} (by {by})", staff_time(at)),
                (Some(at), None) => staff_time(at),
            };
            let from = match p.allocated_by {
                Some(by) => format!("{} (by {by})", staff_time(p.from_at)),
                None => staff_time(p.from_at),
            };
            view! {
                <tr>
                    <td class="table__cell">{p.role.label()}</td>
                    <td class="table__cell">{p.worker}</td>
                    <td class="table__cell">{from}</td>
                    <td class="table__cell">{until}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>"History"</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="allocation-history">
            <table class="table">
                <caption class="table__caption visually-hidden" id="allocation-history">"Everyone who has worked with the family, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"Role"</th>
                        <th scope="col" class="table__header">"Worker"</th>
                        <th scope="col" class="table__header">"From"</th>
                        <th scope="col" class="table__header">"Until"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
