//! Logging a subject access request for one person: when it arrived, whether their identity is
//! confirmed yet, and who asks for them if not they themselves.

use crate::api::information_requests::{new_information_request, LogInformationRequest};
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::ids::InformationRequestId;
use crate::page_data::information_requests::NewRequestPage;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NewInformationRequestPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("member").unwrap_or_default(),
        new_information_request,
    );
    view! {
        <Title text="Log a subject access request"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(page) => view! { <LogForm page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LogForm(page: NewRequestPage) -> impl IntoView {
    let feedback = Feedback::of::<LogInformationRequest>();
    let today = page.today;
    let subject = page.subject;
    view! {
        <p><a href=paths::FIND_REQUEST_SUBJECT>"Back to finding the person"</a></p>
        <p class="caption">{format!("{}, {}", household_title(&subject.household), subject.team)}</p>
        <h1>{format!("Log a request for {}'s data", subject.name)}</h1>
        <ErrorSummary feedback/>
        <CheckedForm action=LogInformationRequest::url() check=FormCheck::LogInformationRequest { today } feedback>
            <input type="hidden" name="request" value=InformationRequestId::new().to_string()/>
            <input type="hidden" name="member" value=subject.member_id.to_string()/>
            <TextField feedback name="received_on" label="The day the request arrived" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
            <TextField feedback name="identity_checked_on" label="The day their identity was confirmed (optional)" hint="Leave it empty while you are still checking: the month then runs from the day you record it." kind="date" width="width-10"/>
            <TextField feedback name="requester" label="Who asks for them (optional)" hint="Only when someone asks on the person's behalf, for example “Kelly Ashworth, his mother” or a solicitor. Leave it empty when they ask for their own data." autocomplete="off"/>
            <SubmitButton label="Log the request" busy_label="Logging…"/>
        </CheckedForm>
    }
}
