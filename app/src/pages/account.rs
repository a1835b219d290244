use crate::api::account::{my_account, EndOtherSession};
use crate::api::session::SignOutEverywhere;
use crate::components::problem::Problem;
use crate::domain::plain_words::staff_time;
use crate::page_data::account::{AccountSecurity, SessionShown};
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The signed-in person's own account: how they sign in, and where they are signed in.
#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| my_account());
    let query = use_query_map();
    let changed = move || query.read().get("changed") == Some("password".to_string());
    view! {
        <Title text="Your account"/>
        <Suspense fallback=|| view! { <p>"Loading your account…"</p> }>
            {move || Suspend::new(async move {
                match account.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(account) => view! { <Account account changed=changed()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Account(account: AccountSecurity, changed: bool) -> impl IntoView {
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    let factor = if account.second_factor {
        format!(
            "Set up. {} recovery codes left",
            account.recovery_codes_left
        )
    } else if account.second_factor_required {
        "Not set up yet: you need one".to_string()
    } else {
        "Not set up".to_string()
    };
    let sessions = account
        .sessions
        .into_iter()
        .map(|s| view! { <SessionRow session=s/> })
        .collect_view();
    view! {
        {changed.then(|| view! {
            <div class="banner banner--success" role="alert" aria-labelledby="changed-title">
                <div class="banner__header"><h2 class="banner__title" id="changed-title">"Success"</h2></div>
                <div class="banner__content"><p class="banner__heading">"Your password has been changed. Your other devices have been signed out."</p></div>
            </div>
        })}
        <h1>"Your account"</h1>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">"Name"</dt>
                <dd class="summary-list__value">{account.display_name}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Sign in with"</dt>
                <dd class="summary-list__value">{account.login}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">"Password"</dt>
                <dd class="summary-list__value">"Only you know it"</dd>
                <dd class="summary-list__actions"><a href=paths::CHANGE_PASSWORD>"Change"<span class="visually-hidden">" your password"</span></a></dd>
            </div>
            {account.is_staff.then(|| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Second factor"</dt>
                    <dd class="summary-list__value">{factor}</dd>
                    <dd class="summary-list__actions">
                        <a href=paths::SECOND_FACTOR>
                            {if account.second_factor { "Replace" } else { "Set up" }}
                            <span class="visually-hidden">" your second factor"</span>
                        </a>
                    </dd>
                </div>
            })}
        </dl>
        <h2>"Where you are signed in"</h2>
        <p>"If you do not recognise one of these, sign it out and change your password."</p>
        <ul class="session-list">{sessions}</ul>
        <h2>"Lost a phone or left a computer signed in?"</h2>
        <p>"This signs you out of Hearth on every phone and computer, including this one."</p>
        <ActionForm action=everywhere>
            <button type="submit" class="button button--warning">"Sign out on every device"</button>
        </ActionForm>
    }
}

#[component]
fn SessionRow(session: SessionShown) -> impl IntoView {
    let label = format!("Sign out {}", session.device);
    view! {
        <li class="session-list__item">
            <p class="session-list__device">
                <strong>{session.device.clone()}</strong>
                {session.this_device.then(|| view! { " " <strong class="tag tag--grey">"This device"</strong> })}
            </p>
            <p class="body-s">
                "Signed in " {staff_time(session.signed_in_at)} " from " {session.origin}
                <br/>"Last used " {staff_time(session.last_used_at)}
            </p>
            {(!session.this_device).then(|| view! {
                // A plain post: the page comes back whole, without the session it ended.
                <form method="post" action=EndOtherSession::url()>
                    <input type="hidden" name="session" value=session.id.clone()/>
                    <button type="submit" class="button button--secondary" aria-label=label>"Sign out"</button>
                </form>
            })}
        </li>
    }
}
