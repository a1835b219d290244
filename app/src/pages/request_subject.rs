//! Finding whose data a new subject access request is for: part of a name, then the person
//! among those it matches, told apart by their date of birth and family.

use crate::api::information_requests::{request_subjects, FindRequestSubject};
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::legal_status::long_date;
use crate::page_data::information_requests::{Subject, SubjectSearch};
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RequestSubjectPage() -> impl IntoView {
    let query = use_query_map();
    let search = Resource::new(
        move || query.read().get("found").unwrap_or_default(),
        request_subjects,
    );
    view! {
        <Title text="Whose data is the request for?"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match search.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(search) => view! { <Search search/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Search(search: SubjectSearch) -> impl IntoView {
    let feedback = Feedback::of::<FindRequestSubject>();
    let searched = !search.words.is_empty();
    let value = searched.then(|| search.words.clone());
    view! {
        <p><a href=paths::INFORMATION_REQUESTS>"Back to the requests"</a></p>
        <h1>"Whose data is the request for?"</h1>
        <p>"A request is logged for one person. For a young child, log it for the child and say who asks on their behalf on the next page."</p>
        <ErrorSummary feedback/>
        <CheckedForm action=FindRequestSubject::url() check=FormCheck::FindRequestSubject feedback>
            <TextField feedback name="name" label="Their name" hint="All or part of it, for example Ashworth or Kelly Ash" autocomplete="off" value=value/>
            <SubmitButton label="Find them" busy_label="Finding…" class="button button--secondary"/>
        </CheckedForm>
        {searched.then(|| view! { <Found search/> })}
    }
}

#[component]
fn Found(search: SubjectSearch) -> impl IntoView {
    let heading = match search.subjects.len() {
        0 => "No one of that name".to_string(),
        1 => "1 person found".to_string(),
        n if search.more => format!("The first {n} people found"),
        n => format!("{n} people found"),
    };
    let items = search
        .subjects
        .into_iter()
        .map(|subject| view! { <Person subject/> })
        .collect_view();
    view! {
        <h2>{heading}</h2>
        {search.more.then(|| view! { <p>"More people match: add more of their name."</p> })}
        <ul class="card-list">{items}</ul>
    }
}

#[component]
fn Person(subject: Subject) -> impl IntoView {
    let born = subject
        .date_of_birth
        .map(|day| format!("Born {}", long_date(day)))
        .unwrap_or_else(|| "Date of birth not recorded".to_string());
    let which = format!(" for {}", subject.name);
    view! {
        <li class="card">
            <h3 class="card__title">{subject.name.clone()}</h3>
            <p>{born}</p>
            <p class="body-s">{format!("{}, {}", household_title(&subject.household), subject.team)}</p>
            <p><a href=paths::new_information_request(subject.member_id)>"Log a request"<span class="visually-hidden">{which}</span></a></p>
        </li>
    }
}
