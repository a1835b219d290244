use crate::api::caseload::{load_caseload, load_closed_families};
use crate::components::family_tags::{CohortStatus, TrioTags};
use crate::components::pagination::{page_asked, Pagination};
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::legal_status::long_date;
use crate::page_data::caseload::{ClosedFamily, FamilySummary};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let caseload = Resource::new(page_asked(), load_caseload);
    view! {
        <Suspense fallback=|| view! { <p>"Loading your families…"</p> }>
            {move || Suspend::new(async move {
                match caseload.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(caseload) => {
                        let heading = if caseload.whole_team { "Team families" } else { "My families" };
                        let empty = match (caseload.whole_team, caseload.can_open) {
                            (true, _) => "Your team has no open families yet. Open one for a new referral with the button above; then you choose who works with it from its page.",
                            (false, true) => "No families are allocated to you yet. Open one for a new referral with the button above, or your team manager allocates one to you.",
                            (false, false) => "No families are allocated to you yet. When your team manager allocates one to you, it appears here.",
                        };
                        view! {
                            <Title text=heading/>
                            <p class="caption">{caseload.team_name}</p>
                            <h1>{heading}</h1>
                            {caseload.can_open.then(|| view! {
                                <p><a class="button" href=paths::NEW_FAMILY>"Open a family"</a></p>
                            })}
                            <FamilyCards families=caseload.mine empty nested=false/>
                            {caseload.whole_team.then(|| view! {
                                <Pagination paging=caseload.paging base=paths::CASELOAD noun="families"/>
                            })}
                            {(!caseload.whole_team).then(|| view! {
                                <h2 id="others">"Other families in your team"</h2>
                                <FamilyCards families=caseload.others empty="There are no other families in your team." nested=true/>
                                <Pagination paging=caseload.paging base=paths::CASELOAD noun="other families"/>
                            })}
                            {(caseload.closed > 0).then(|| view! {
                                <h2>"Closed cases"</h2>
                                <p><a href=paths::CLOSED_FAMILIES>{match caseload.closed {
                                    1 => "1 closed case".to_string(),
                                    n => format!("{n} closed cases"),
                                }}</a></p>
                            })}
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn FamilyCards(
    families: Vec<FamilySummary>,
    empty: &'static str,
    /// Under a second-level heading, so the card titles are one level lower.
    nested: bool,
) -> impl IntoView {
    if families.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let cards = families
        .into_iter()
        .map(|family| {
            let children = if family.children.is_empty() {
                "No children recorded".to_string()
            } else {
                family
                    .children
                    .iter()
                    .map(|(name, age)| match age {
                        Some(age) => format!("{name} ({age})"),
                        None => name.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            view! {
                <li class="card">
                    {
                        let link = view! { <a href=crate::paths::family(family.id)>{household_title(&family.name)}</a> };
                        if nested {
                            view! { <h3 class="card__title">{link}</h3> }.into_any()
                        } else {
                            view! { <h2 class="card__title">{link}</h2> }.into_any()
                        }
                    }
                    <dl class="summary-list">
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Children"</dt>
                            <dd class="summary-list__value">{children}</dd>
                        </div>
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Social worker"</dt>
                            <dd class="summary-list__value">{family.case_holder.unwrap_or_else(|| "Not allocated".into())}</dd>
                        </div>
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Trio"</dt>
                            <dd class="summary-list__value"><TrioTags trio=family.trio/></dd>
                        </div>
                    </dl>
                    <CohortStatus cohort=family.cohort brief=true/>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="card-list">{cards}</ul> }.into_any()
}

/// The team's closed cases, newest closure first: names and dates only, each linking to its
/// read-only record.
#[component]
pub fn ClosedCasesPage() -> impl IntoView {
    let closed = Resource::new(page_asked(), load_closed_families);
    view! {
        <Title text="Closed cases"/>
        <Suspense fallback=|| view! { <p>"Loading the closed cases…"</p> }>
            {move || Suspend::new(async move {
                match closed.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(closed) => view! {
                        <p class="caption">{closed.team_name}</p>
                        <h1>"Closed cases"</h1>
                        <ClosedList closed=closed.families/>
                        <Pagination paging=closed.paging base=paths::CLOSED_FAMILIES noun="closed cases"/>
                        <p><a href=paths::CASELOAD>"Back to the team's families"</a></p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ClosedList(closed: Vec<ClosedFamily>) -> impl IntoView {
    if closed.is_empty() {
        return view! { <p>"Your team has no closed cases."</p> }.into_any();
    }
    view! {
        <ul class="list">
            {closed.into_iter().map(|family| view! {
                <li>
                    <a href=paths::family(family.id)>{household_title(&family.name)}</a>
                    {format!(", closed {}", long_date(family.closed_on))}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
