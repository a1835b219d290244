use crate::api::audit_trail::audit_trail;
use crate::components::problem::Problem;
use crate::domain::audit::{AuditEntryView, Outcome};
use crate::domain::plain_words::staff_time;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// A manager's view of who read and changed what in their team, newest first.
#[component]
pub fn AuditTrailPage() -> impl IntoView {
    let query = use_query_map();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok())
    };
    let entries = Resource::new(before, audit_trail);
    view! {
        <Title text="Audit trail"/>
        <Suspense fallback=|| view! { <p>"Loading the audit trail…"</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(entries) => view! { <Trail entries/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Trail(entries: Vec<AuditEntryView>) -> impl IntoView {
    let older = entries
        .last()
        .filter(|_| entries.len() as i64 >= 50)
        .map(|e| format!("/audit?before={}", e.seq));
    let rows = entries
        .into_iter()
        .map(|e| {
            let outcome_class = if e.outcome == Outcome::Denied { "tag tag--red" } else { "tag tag--grey" };
            view! {
                <tr>
                    <td class="table__cell">{staff_time(e.at)}</td>
                    <td class="table__cell">{e.actor_name}</td>
                    <td class="table__cell">
                        {e.action.label()}
                        {e.flagged.then(|| view! { " " <strong class="tag tag--yellow">"Review"</strong> })}
                        {(!e.detail.is_empty()).then(|| view! { <br/><span class="body-s">{e.detail}</span> })}
                    </td>
                    <td class="table__cell"><strong class=outcome_class>{e.outcome.label()}</strong></td>
                    <td class="table__cell body-s">{e.record}</td>
                    <td class="table__cell body-s">{e.origin}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1>"Audit trail"</h1>
        <p class="lead">"Every read and change of your team's families, and every refusal. Entries marked Review need a manager to look at them."</p>
        <p class="hint">"The trail cannot be changed from Hearth. Each entry is sealed to the one before it, so a change made outside Hearth is detected."</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="audit-caption">
            <table class="table">
                <caption class="table__caption" id="audit-caption">"Newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"When"</th>
                        <th scope="col" class="table__header">"Who"</th>
                        <th scope="col" class="table__header">"What"</th>
                        <th scope="col" class="table__header">"Outcome"</th>
                        <th scope="col" class="table__header">"Record"</th>
                        <th scope="col" class="table__header">"From where"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {older.map(|href| view! { <p><a href=href>"Older entries"</a></p> })}
    }
}
