//! Whether a family's case is open: closing it with the census reason, reopening it with a
//! reason, and every closure before.

use crate::api::case_record::{case_status, CloseCase, ReopenCase};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::closure::ClosureReason;
use crate::domain::family::household_title;
use crate::domain::legal_status::long_date;
use crate::domain::plain_words::staff_time;
use crate::page_data::case_record::{CaseHeading, CaseState, ClosureEvent};
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CaseStatusPage() -> impl IntoView {
    let params = use_params_map();
    let state = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        case_status,
    );
    view! {
        <Title text="Close or reopen the case"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match state.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(state) => view! { <Case state/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Case(state: CaseState) -> impl IntoView {
    let heading = state.heading;
    let title = household_title(&heading.family_name);
    let now = match &heading.closed {
        Some(c) => format!("Closed on {}: {}.", long_date(c.on), c.reason.label()),
        None => "Open.".to_string(),
    };
    let form = match (heading.can_manage, heading.closed.is_some()) {
        (false, _) => view! { <p>"Only the family's social workers and their manager close or reopen the case."</p> }.into_any(),
        (true, false) => view! { <CloseForm heading=heading.clone()/> }.into_any(),
        (true, true) => view! { <ReopenForm heading=heading.clone()/> }.into_any(),
    };
    view! {
        <p><a href=paths::family(heading.family_id)>{format!("Back to {title}")}</a></p>
        <p class="caption">{title.clone()}</p>
        <h1>"The family's case"</h1>
        <p class="lead">{now}</p>
        {form}
        <Closures closures=state.closures/>
    }
}

fn reasons() -> Vec<Choice> {
    ClosureReason::ALL
        .iter()
        .map(|r| {
            (
                r.code().to_string(),
                format!("{} ({})", r.label(), r.code()),
            )
        })
        .collect()
}

#[component]
fn CloseForm(heading: CaseHeading) -> impl IntoView {
    let feedback = Feedback::of::<CloseCase>();
    let today = heading.today;
    let check = FormCheck::CloseCase { today };
    view! {
        <h2>"Close the case"</h2>
        <p>"When the case closes, it leaves every caseload and due list, its workers' allocations end, the family's own accounts stop showing their plan (their page says the work has finished), and the record becomes read-only until it is reopened. The retention schedule counts from the day it closed."</p>
        <ErrorSummary feedback/>
        <CheckedForm action=CloseCase::url() check feedback>
            <input type="hidden" name="family" value=heading.family_id.to_string()/>
            <TextField feedback name="closed_on" label="Closed on" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
            <Select feedback name="reason" label="Reason for closure" hint="As the children in need census records it" options=reasons()/>
            <SubmitButton label="Close the case" busy_label="Closing…" class="button button--warning"/>
        </CheckedForm>
    }
}

#[component]
fn ReopenForm(heading: CaseHeading) -> impl IntoView {
    let feedback = Feedback::of::<ReopenCase>();
    let check = FormCheck::ReopenCase;
    view! {
        <h2>"Reopen the case"</h2>
        <p>"The record can be changed again, and the family's accounts show their plan again. Its manager then chooses who works with the family."</p>
        <ErrorSummary feedback/>
        <CheckedForm action=ReopenCase::url() check feedback>
            <input type="hidden" name="family" value=heading.family_id.to_string()/>
            <TextArea feedback name="reason" label="Why is it being reopened?" rows=3/>
            <SubmitButton label="Reopen the case" busy_label="Reopening…"/>
        </CheckedForm>
    }
}

#[component]
fn Closures(closures: Vec<ClosureEvent>) -> impl IntoView {
    if closures.is_empty() {
        return view! { <h2>"Earlier closures"</h2><p>"The case has not been closed before."</p> }
            .into_any();
    }
    view! {
        <h2>"Closures"</h2>
        <ul class="card-list">
            {closures.into_iter().map(|c| view! {
                <li class="card">
                    <p>{format!("Closed on {} by {}: {} ({}).", long_date(c.closed_on), c.closed_by, c.reason.label(), c.reason.code())}</p>
                    {c.reopened_at.map(|at| view! {
                        <p>{format!("Reopened {} by {}: {}", staff_time(at), c.reopened_by.clone().unwrap_or_default(), c.reopen_reason.clone().unwrap_or_default())}</p>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
