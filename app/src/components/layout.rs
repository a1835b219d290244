//! The frame around every page.

use crate::api::session::{whoami, SignOut};
use crate::domain::role::StaffRole;
use crate::domain::viewer::SignedIn;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">"Skip to main content"</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let location = use_location();
    // Asked again on every navigation, so signing in or out shows at once.
    let person = Resource::new(move || location.pathname.get(), |_| whoami());
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__brand" href="/">"Hearth"</a>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        person.await.ok().flatten().map(|person| view! { <SignedInParts person/> })
                    })}
                </Suspense>
            </div>
        </header>
    }
}

fn links_for(role: Option<StaffRole>) -> Vec<(&'static str, &'static str)> {
    match role {
        None => vec![("/me", "Your page")],
        Some(StaffRole::Administrator) => vec![
            ("/accounts", "Accounts"),
            ("/teams", "Teams"),
            ("/imports", "Case system"),
        ],
        Some(StaffRole::InformationGovernance) => {
            vec![
                (crate::paths::INFORMATION_REQUESTS, "Requests"),
                (crate::paths::DISPOSALS, "Retention"),
            ]
        }
        Some(StaffRole::TeamManager) => {
            vec![
                ("/families", "My families"),
                ("/team", "Team"),
                ("/prompts", "Prompts"),
                ("/audit", "Audit trail"),
                (crate::paths::INFORMATION_REQUESTS, "Requests"),
                (crate::paths::DISPOSALS, "Retention"),
            ]
        }
        Some(_) => vec![
            ("/families", "My families"),
            ("/week", "My week"),
            ("/prompts", "Prompts"),
        ],
    }
}

#[component]
fn SignedInParts(person: SignedIn) -> impl IntoView {
    let location = use_location();
    let sign_out = ServerAction::<SignOut>::new();
    let links = links_for(person.role)
        .into_iter()
        .map(|(href, label)| {
            let current = move || (location.pathname.get() == href).then_some("page");
            view! { <li><a href=href aria-current=current>{label}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="site-nav" aria-label="Main">
            <ul>{links}</ul>
        </nav>
        <div class="site-header__user">
            <a href="/account" class="site-header__name">{person.display_name}</a>
            <ActionForm action=sign_out attr:class="site-header__signout">
                <button type="submit" class="link-button">"Sign out"</button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="body-s">"Hearth, the Family Safeguarding workbook. Every read and change of a family's record is logged."</p>
        </footer>
    }
}
