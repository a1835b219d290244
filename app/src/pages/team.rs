//! The team dashboard for managers: each family's last visit and supervision, overdue items and
//! cohort status, a page of families at a time; and each worker's load on a page of its own.

use crate::api::workbook::{load_team_dashboard, load_team_workers};
use crate::components::pagination::{page_asked, Pagination};
use crate::components::problem::Problem;
use crate::page_data::workbook::{Dashboard, TeamWorkers};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TeamPage() -> impl IntoView {
    let page = Resource::new(page_asked(), load_team_dashboard);
    view! {
        <Suspense fallback=|| view! { <p>"Loading the team…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(dashboard) => view! { <DashboardView dashboard/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_else(|| "None".into())
}

#[component]
fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    view! {
        <Title text="Team"/>
        <p class="caption">{dashboard.team_name.clone()}</p>
        <h1>"Team"</h1>
        {(dashboard.openings_overdue > 0).then(|| view! {
            <div class="banner banner--important" role="region" aria-labelledby="openings-title">
                <div class="banner__header"><h2 class="banner__title" id="openings-title">"Important"</h2></div>
                <div class="banner__content">
                    <p class="banner__heading">{match dashboard.openings_overdue {
                        1 => "1 opening of a family from outside the team has waited more than 3 working days for review.".to_string(),
                        n => format!("{n} openings of families from outside the team have waited more than 3 working days for review."),
                    }}</p>
                </div>
            </div>
        })}
        <ul class="list">
            <li><a href=paths::TEAM_WORKERS>"Each worker's families and what is overdue"</a></li>
            <li><a href="/team/openings">"Families opened outside the team"</a></li>
        </ul>
        <h2>"Families"</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="families-caption">
            <table class="table">
                <caption class="table__caption visually-hidden" id="families-caption">"Each family of the team"</caption>
                <thead><tr>
                    <th scope="col" class="table__header">"Family"</th>
                    <th scope="col" class="table__header">"Last visit"</th>
                    <th scope="col" class="table__header">"Last supervision"</th>
                    <th scope="col" class="table__header table__header--numeric">"Overdue"</th>
                    <th scope="col" class="table__header">"Cohort"</th>
                </tr></thead>
                <tbody>{dashboard.rows.into_iter().map(|row| view! {
                    <tr>
                        <th scope="row" class="table__header">
                            <a href=crate::paths::workbook(row.family_id)>{format!("The {} family", row.family_name)}</a>
                            <br/><span class="hint">{row.social_worker.unwrap_or_default()}</span>
                        </th>
                        <td class="table__cell">{date(row.last_visit)}</td>
                        <td class="table__cell">{date(row.last_supervision)}</td>
                        <td class="table__cell table__cell--numeric">
                            {if row.overdue > 0 {
                                view! { <strong class="tag tag--red">{row.overdue}</strong> }.into_any()
                            } else {
                                view! { <span>"0"</span> }.into_any()
                            }}
                        </td>
                        <td class="table__cell">{if row.cohort_met { "Meets criteria" } else { "Does not meet" }}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </div>
        <Pagination paging=dashboard.paging base=paths::TEAM noun="families"/>
    }
}

#[component]
pub fn TeamWorkersPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| load_team_workers());
    view! {
        <Title text="Workers"/>
        <Suspense fallback=|| view! { <p>"Loading the team's workers…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(workers) => view! { <WorkersView workers/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn WorkersView(workers: TeamWorkers) -> impl IntoView {
    view! {
        <p class="caption">{workers.team_name}</p>
        <h1>"Workers"</h1>
        <p>"Each worker's open families in the team and the items overdue in them, most overdue first."</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="workers-caption">
            <table class="table">
                <caption class="table__caption visually-hidden" id="workers-caption">"Families and overdue items per worker"</caption>
                <thead><tr>
                    <th scope="col" class="table__header">"Worker"</th>
                    <th scope="col" class="table__header table__header--numeric">"Families"</th>
                    <th scope="col" class="table__header table__header--numeric">"Overdue"</th>
                </tr></thead>
                <tbody>{workers.workers.into_iter().map(|w| view! {
                    <tr>
                        <th scope="row" class="table__header">{w.name}<br/><span class="hint">{w.role.label()}</span></th>
                        <td class="table__cell table__cell--numeric">{w.families}</td>
                        <td class="table__cell table__cell--numeric">{w.overdue}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        </div>
        <p><a href=paths::TEAM>"Back to the team dashboard"</a></p>
    }
}
