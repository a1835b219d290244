//! One subject access request: whose data, the days that set its due date, and the forms that
//! move it on (identity confirmed, extended, answered or withdrawn).

use crate::api::information_requests::{
    information_request, ExtendInformationRequest, FinishInformationRequest, RecordIdentityCheck,
};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Radios};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::information_rights::request::Ending;
use crate::domain::information_rights::request_due::due_on;
use crate::domain::legal_status::long_date;
use crate::page_data::information_requests::RequestPage;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InformationRequestPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        information_request,
    );
    view! {
        <Title text="Subject access request"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(page) => view! { <Request page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Request(page: RequestPage) -> impl IntoView {
    let subject = &page.subject;
    let state = match (page.finished_on, page.overdue()) {
        (Some(on), _) => format!("{} on {}.", page.status.label(), long_date(on)),
        (None, true) => format!("Overdue: it was due on {}.", long_date(page.due_on)),
        (None, false) => format!("Due on {}.", long_date(page.due_on)),
    };
    let row = |key: &'static str, value: String| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{key}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    };
    let dates = &page.dates;
    let extension = dates.extension.as_ref().map(|e| {
        format!(
            "By {} month{}, told on {}: {}",
            e.extra_months,
            if e.extra_months == 1 { "" } else { "s" },
            long_date(e.told_on),
            e.reason
        )
    });
    view! {
        <p><a href=paths::INFORMATION_REQUESTS>"Back to the requests"</a></p>
        <p class="caption">{format!("{}, {}", household_title(&subject.household), subject.team)}</p>
        <h1>{format!("Request for {}'s data", subject.name)}</h1>
        <p class="lead">
            {page.overdue().then(|| view! { <strong class="tag tag--red">"Overdue"</strong> " " })}
            {state}
        </p>
        <dl class="summary-list">
            {row("Asked for by", page.requester.clone().unwrap_or_else(|| "Themselves".into()))}
            {row("Arrived on", long_date(dates.received_on))}
            {row("Identity confirmed on", dates.identity_checked_on.map(long_date).unwrap_or_else(|| "Not yet".into()))}
            {row("The month runs from", long_date(dates.starts()))}
            {row("Extension", extension.unwrap_or_else(|| "None".into()))}
            {row("Due on", long_date(page.due_on))}
            {row("Logged by", page.logged_by.clone())}
        </dl>
        <h2>"The disclosure"</h2>
        <p>"Everything Hearth holds about them, gathered passage by passage, to review, withhold where the law allows, and have approved by a second person."</p>
        <p><a class="button button--secondary" href=paths::disclosure_review(page.id)>"Review the disclosure"</a></p>
        {page.is_open().then(|| view! { <Forms page=page.clone()/> })}
    }
}

#[component]
fn Forms(page: RequestPage) -> impl IntoView {
    let identity = page
        .dates
        .identity_checked_on
        .is_none()
        .then(|| view! { <IdentityForm page=page.clone()/> });
    let extend = page
        .dates
        .extension
        .is_none()
        .then(|| view! { <ExtendForm page=page.clone()/> });
    view! {
        {identity}
        {extend}
        <FinishForm page/>
    }
}

/// The fields every form about this request sends: which request, at which version.
#[component]
fn Which(page: RequestPage) -> impl IntoView {
    view! {
        <input type="hidden" name="request" value=page.id.to_string()/>
        <input type="hidden" name="version" value=page.version.to_string()/>
    }
}

#[component]
fn IdentityForm(page: RequestPage) -> impl IntoView {
    let feedback = Feedback::of::<RecordIdentityCheck>();
    let check = FormCheck::RecordIdentityCheck {
        received_on: page.dates.received_on,
        today: page.today,
    };
    let today = page.today.format("%Y-%m-%d").to_string();
    view! {
        <h2>"Identity confirmed"</h2>
        <p>"Once you are sure who is asking, record the day: the month runs from then."</p>
        <ErrorSummary feedback/>
        <CheckedForm action=RecordIdentityCheck::url() check feedback>
            <Which page/>
            <TextField feedback name="checked_on" label="The day their identity was confirmed" kind="date" width="width-10" value=today/>
            <SubmitButton label="Record it" busy_label="Recording…" class="button button--secondary"/>
        </CheckedForm>
    }
}

#[component]
fn ExtendForm(page: RequestPage) -> impl IntoView {
    let feedback = Feedback::of::<ExtendInformationRequest>();
    let starts = page.dates.starts();
    let first_due = due_on(starts, 0);
    let check = FormCheck::ExtendInformationRequest {
        starts,
        today: page.today,
    };
    let months: Vec<Choice> = vec![
        ("1".into(), "One month".into()),
        ("2".into(), "Two months".into()),
    ];
    view! {
        <h2>"Extend the time to answer"</h2>
        <p>{format!("Only for a complex request, by up to two months, and only if the requester is told why by {}.", long_date(first_due))}</p>
        <ErrorSummary feedback/>
        <CheckedForm action=ExtendInformationRequest::url() check feedback>
            <Which page/>
            <Radios feedback name="extra_months" legend="By how long?" options=months inline=true/>
            <TextArea feedback name="reason" label="Why the request needs longer" rows=3/>
            <TextField feedback name="told_on" label="The day the requester was told" kind="date" width="width-10"/>
            <SubmitButton label="Extend it" busy_label="Extending…" class="button button--secondary"/>
        </CheckedForm>
    }
}

#[component]
fn FinishForm(page: RequestPage) -> impl IntoView {
    let feedback = Feedback::of::<FinishInformationRequest>();
    let check = FormCheck::FinishInformationRequest {
        received_on: page.dates.received_on,
        today: page.today,
    };
    let endings: Vec<Choice> = Ending::ALL
        .iter()
        .map(|e| (e.code().to_string(), e.label().to_string()))
        .collect();
    let today = page.today.format("%Y-%m-%d").to_string();
    view! {
        <h2>"Close the request"</h2>
        <ErrorSummary feedback/>
        <CheckedForm action=FinishInformationRequest::url() check feedback>
            <Which page/>
            <Radios feedback name="ending" legend="How did it end?" options=endings/>
            <TextField feedback name="finished_on" label="On" kind="date" width="width-10" value=today/>
            <SubmitButton label="Close the request" busy_label="Closing…"/>
        </CheckedForm>
    }
}
