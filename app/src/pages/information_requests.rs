//! The subject access requests a person follows: the open ones soonest due first, so the
//! overdue lead, then the latest answered or withdrawn.

use crate::api::information_requests::information_requests;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::legal_status::long_date;
use crate::page_data::information_requests::{RequestList, RequestSummary};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn InformationRequestsPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| information_requests());
    view! {
        <Title text="Subject access requests"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(list) => view! { <Requests list/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Requests(list: RequestList) -> impl IntoView {
    let overdue = list.open.iter().filter(|r| r.overdue).count();
    let count = match (list.open.len(), overdue) {
        (0, _) => "No request is open.".to_string(),
        (1, 0) => "1 request is open.".to_string(),
        (1, _) => "1 request is open, and it is overdue.".to_string(),
        (n, 0) => format!("{n} requests are open."),
        (n, o) => format!("{n} requests are open; {o} overdue."),
    };
    let open = list
        .open
        .into_iter()
        .map(|request| view! { <Item request/> })
        .collect_view();
    let finished = (!list.finished.is_empty()).then(|| {
        let items = list
            .finished
            .into_iter()
            .map(|request| view! { <Item request/> })
            .collect_view();
        view! {
            <h2>"Answered or withdrawn"</h2>
            <ul class="card-list">{items}</ul>
        }
    });
    view! {
        <p class="caption">{list.reach}</p>
        <h1>"Subject access requests"</h1>
        <p class="lead">"A person's request for a copy of the data Hearth holds about them must be answered within one calendar month of its arrival, or of the day their identity was confirmed."</p>
        <p><a href=paths::FIND_REQUEST_SUBJECT class="button">"Log a request"</a></p>
        <h2>"Open requests"</h2>
        <p>{count}</p>
        <ul class="card-list">{open}</ul>
        {finished}
    }
}

#[component]
fn Item(request: RequestSummary) -> impl IntoView {
    let who = request.subject.name.clone();
    let household = household_title(&request.subject.household);
    let state = match (request.finished_on, request.overdue) {
        (Some(on), _) => view! {
            <p><strong class="tag tag--grey">{request.status.label()}</strong> " on " {long_date(on)}</p>
        }
        .into_any(),
        (None, true) => view! {
            <p><strong class="tag tag--red">"Overdue"</strong> " Due on " {long_date(request.due_on)}</p>
        }
        .into_any(),
        (None, false) => view! { <p>"Due on " <strong>{long_date(request.due_on)}</strong></p> }.into_any(),
    };
    view! {
        <li class="card">
            <h3 class="card__title"><a href=paths::information_request(request.id)>{who}</a></h3>
            <p class="body-s">{format!("{household}, {}", request.subject.team)}</p>
            {request.requester.map(|by| view! { <p>"Asked for by " {by}</p> })}
            <p class="body-s">"Arrived on " {long_date(request.received_on)}</p>
            {state}
        </li>
    }
}
