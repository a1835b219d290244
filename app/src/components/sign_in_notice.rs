//! Tells the owner of an account, after they sign in, about failed attempts to sign in to it
//! since they last did, until they say they have read it.

use crate::api::account::DismissSignInNotice;
use crate::api::session::whoami;
use crate::domain::plain_words::staff_time;
use crate::page_data::account::FailedSignIns;
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SignInNotice() -> impl IntoView {
    let location = use_location();
    let dismiss = ServerAction::<DismissSignInNotice>::new();
    let person = Resource::new(move || location.pathname.get(), |_| whoami());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                person
                    .await
                    .ok()
                    .flatten()
                    .and_then(|p| p.failed_sign_ins)
                    .map(|failed| view! { <Notice failed dismiss/> })
            })}
        </Suspense>
    }
}

fn told(failed: &FailedSignIns) -> String {
    let times = if failed.count == 1 {
        "Someone tried once to sign in to your account with a wrong password or code".to_string()
    } else {
        format!(
            "Someone tried {} times to sign in to your account with a wrong password or code",
            failed.count
        )
    };
    match failed.last_at {
        Some(at) => format!("{times}, most recently on {}.", staff_time(at)),
        None => format!("{times}."),
    }
}

#[component]
fn Notice(failed: FailedSignIns, dismiss: ServerAction<DismissSignInNotice>) -> impl IntoView {
    view! {
        <div class="banner banner--important" role="region" aria-labelledby="failed-title">
            <div class="banner__header"><h2 class="banner__title" id="failed-title">"Important"</h2></div>
            <div class="banner__content">
                <p class="banner__heading">{told(&failed)}</p>
                <p>"If it was not you, "<a href=paths::CHANGE_PASSWORD>"change your password"</a>" and tell your manager."</p>
                <ActionForm action=dismiss>
                    <button type="submit" class="button button--secondary">"I have read this"</button>
                </ActionForm>
            </div>
        </div>
    }
}
