//! What a page shows when it cannot show what was asked for.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

#[component]
pub fn Problem(error: AppError) -> impl IntoView {
    crate::response::set_status(error.status());
    match error {
        AppError::SignInRequired => view! { <Redirect path="/login"/> }.into_any(),
        AppError::NotFound => view! { <NotFound/> }.into_any(),
        AppError::SecondFactorRequired => view! { <Redirect path=crate::paths::SECOND_FACTOR/> }.into_any(),
        AppError::ConfirmIdentity => view! { <ConfirmFirst/> }.into_any(),
        AppError::Forbidden | AppError::ReasonRequired => view! {
            <Title text="You cannot see this page"/>
            <h1>"You cannot see this page"</h1>
            <p class="lead">"Your account does not give you access to this page."</p>
            <p>"If you think you need it, ask your team manager. Attempts to open pages are recorded."</p>
            <p><a href="/">"Go to your start page"</a></p>
        }
        .into_any(),
        other => view! {
            <Title text="Sorry, there is a problem"/>
            <h1>"Sorry, there is a problem"</h1>
            <p class="lead">{other.to_string()}</p>
        }
        .into_any(),
    }
}

/// A sensitive page asked for the password again: go and give it, then come back here.
#[component]
fn ConfirmFirst() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let href = move || {
        let path = location.pathname.get();
        let query = location.search.get();
        let here = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        crate::paths::confirm_identity(&here)
    };
    view! {
        <Title text="Confirm it is you"/>
        <h1>"Confirm it is you"</h1>
        <p class="lead">"This needs your password again, because it is sensitive."</p>
        <p><a class="button" href=href>"Enter your password"</a></p>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found"/>
        <h1>"Page not found"</h1>
        <p class="lead">"If you typed the web address, check it is correct."</p>
        <p>"If you followed a link, the record may have been moved or the link may be wrong."</p>
        <p><a href="/">"Go to your start page"</a></p>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    crate::response::set_status(404);
    view! { <NotFound/> }
}
