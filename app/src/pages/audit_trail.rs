use crate::api::audit_trail::audit_trail;
use crate::components::problem::Problem;
use crate::domain::audit::{AuditEntryView, Outcome};
use crate::domain::audit_check::TrailState;
use crate::domain::plain_words::staff_time;
use crate::page_data::audit_trail::TrailPage;
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
    let trail = Resource::new(before, audit_trail);
    view! {
        <Title text="Audit trail"/>
        <Suspense fallback=|| view! { <p>"Loading the audit trail…"</p> }>
            {move || Suspend::new(async move {
                match trail.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(TrailPage { entries, state }) => view! { <Trail entries state/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// When the trail was last verified; a warning when it was found broken or not checked lately.
#[component]
fn Verified(state: TrailState) -> impl IntoView {
    let warning = |title: &'static str, text: String| {
        view! {
            <div class="error-summary" role="region" aria-labelledby="verified-title">
                <h2 class="error-summary__title" id="verified-title">{title}</h2>
                <p>{text}</p>
            </div>
        }
        .into_any()
    };
    match state {
        TrailState::Intact { at, through_seq } => view! {
            <p class="inset">{format!("Verified intact at {} (entries 1 to {through_seq}).", staff_time(at))}</p>
        }
        .into_any(),
        TrailState::Broken { at, problem } => warning(
            "The audit trail was changed outside Hearth",
            format!("A check at {} found that {problem}. Tell your information governance lead today.", staff_time(at)),
        ),
        TrailState::NotRecentlyVerified { last } => warning(
            "The audit trail has not been verified in the last 2 hours",
            match last {
                Some(at) => format!("It was last verified at {}. Tell your Hearth administrator.", staff_time(at)),
                None => "It has never been verified. Tell your Hearth administrator.".to_string(),
            },
        ),
    }
}

#[component]
fn Trail(entries: Vec<AuditEntryView>, state: TrailState) -> impl IntoView {
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
        <p class="hint">"The trail cannot be changed from Hearth. Each entry is sealed to the one before it with a key kept outside the database, so a change made outside Hearth is detected."</p>
        <Verified state/>
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
