//! Whether a family's case is open: closing it with the census reason, reopening it with a
//! reason, and every closure before.

use crate::api::case_record::{case_status, CloseCase, ReopenCase};
use crate::components::choice::{Choice, Select};
use crate::components::form::{
    submit_checked, ErrorSummary, Feedback, SubmitButton, TextArea, TextField,
};
use crate::components::problem::Problem;
use crate::domain::closure::{parse_close, parse_reopen, ClosureReason};
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
    let close = ServerAction::<CloseCase>::new();
    let reopen = ServerAction::<ReopenCase>::new();
    let state = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                close.version().get() + reopen.version().get(),
            )
        },
        |(family, _)| case_status(family),
    );
    view! {
        <Title text="Close or reopen the case"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match state.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(state) => view! { <Case state close reopen/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Case(
    state: CaseState,
    close: ServerAction<CloseCase>,
    reopen: ServerAction<ReopenCase>,
) -> impl IntoView {
    let heading = state.heading;
    let title = household_title(&heading.family_name);
    let now = match &heading.closed {
        Some(c) => format!("Closed on {}: {}.", long_date(c.on), c.reason.label()),
        None => "Open.".to_string(),
    };
    let form = match (heading.can_manage, heading.closed.is_some()) {
        (false, _) => view! { <p>"Only the family's social workers and their manager close or reopen the case."</p> }.into_any(),
        (true, false) => view! { <CloseForm heading=heading.clone() action=close/> }.into_any(),
        (true, true) => view! { <ReopenForm heading=heading.clone() action=reopen/> }.into_any(),
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
fn CloseForm(heading: CaseHeading, action: ServerAction<CloseCase>) -> impl IntoView {
    let feedback = Feedback::new(action);
    let today = heading.today;
    let on_submit = submit_checked(action, feedback, move |input: &CloseCase| {
        parse_close(&input.form, today).err().unwrap_or_default()
    });
    view! {
        <h2>"Close the case"</h2>
        <p>"When the case closes, it leaves every caseload and due list, its workers' allocations end, the family's own accounts stop showing their plan (their page says the work has finished), and the record becomes read-only until it is reopened. The retention schedule counts from the day it closed."</p>
        <ErrorSummary feedback/>
        <form method="post" action=CloseCase::url() novalidate on:submit=on_submit>
            <input type="hidden" name="family" value=heading.family_id.to_string()/>
            <TextField feedback name="closed_on" label="Closed on" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
            <Select feedback name="reason" label="Reason for closure" hint="As the children in need census records it" options=reasons()/>
            <SubmitButton label="Close the case" busy_label="Closing…" pending=action.pending().into() class="button button--warning"/>
        </form>
    }
}

#[component]
fn ReopenForm(heading: CaseHeading, action: ServerAction<ReopenCase>) -> impl IntoView {
    let feedback = Feedback::new(action);
    let on_submit = submit_checked(action, feedback, move |input: &ReopenCase| {
        parse_reopen(&input.form).err().unwrap_or_default()
    });
    view! {
        <h2>"Reopen the case"</h2>
        <p>"The record can be changed again, and the family's accounts show their plan again. Its manager then chooses who works with the family."</p>
        <ErrorSummary feedback/>
        <form method="post" action=ReopenCase::url() novalidate on:submit=on_submit>
            <input type="hidden" name="family" value=heading.family_id.to_string()/>
            <TextArea feedback name="reason" label="Why is it being reopened?" rows=3/>
            <SubmitButton label="Reopen the case" busy_label="Reopening…" pending=action.pending().into()/>
        </form>
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
