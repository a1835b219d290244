use crate::api::accounts::accounts;
use crate::components::problem::Problem;
use crate::page_data::accounts::AccountsOverview;
use leptos::prelude::*;
use leptos_meta::Title;

/// The administrator's list of staff accounts. No case content.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| accounts());
    view! {
        <Title text="Accounts"/>
        <Suspense fallback=|| view! { <p>"Loading accounts…"</p> }>
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
fn Overview(overview: AccountsOverview) -> impl IntoView {
    let rows = overview
        .staff
        .into_iter()
        .map(|a| {
            view! {
                <tr>
                    <th scope="row" class="table__header"><a href=crate::paths::staff_account(a.id)>{a.display_name}</a></th>
                    <td class="table__cell">{a.role.label()}</td>
                    <td class="table__cell">{a.team_name.unwrap_or_else(|| "No team".into())}</td>
                    <td class="table__cell">{a.login}</td>
                    <td class="table__cell">{if a.disabled { "Disabled" } else { "Active" }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="caption">{overview.authority_name}</p>
        <h1>"Accounts"</h1>
        <p><a href=crate::paths::NEW_STAFF class="button">"Add a member of staff"</a></p>
        <p>"Teams and how many families each holds are on "<a href=crate::paths::TEAMS>"Teams"</a>"."</p>
        <p>{format!("{} family members have their own account. Their names are part of their family's record, so they are not listed here.", overview.family_accounts)}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="staff-caption">
            <table class="table">
                <caption class="table__caption" id="staff-caption">"Staff"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"Name"</th>
                        <th scope="col" class="table__header">"Role"</th>
                        <th scope="col" class="table__header">"Team"</th>
                        <th scope="col" class="table__header">"Sign-in email"</th>
                        <th scope="col" class="table__header">"Status"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
