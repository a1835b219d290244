use crate::api::own_page::load_own_page;
use crate::components::problem::Problem;
use crate::domain::own_page::{ChildForFamily, OwnPage};
use leptos::prelude::*;
use leptos_meta::Title;

/// A family member's own page, in plain words (DOMAIN.md §6).
#[component]
pub fn OwnPagePage() -> impl IntoView {
    let page = Resource::new(|| (), |_| load_own_page());
    view! {
        <Suspense fallback=|| view! { <p>"Loading your page…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <OwnPageView page/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OwnPageView(page: OwnPage) -> impl IntoView {
    let greeting = format!("Hello, {}", page.given_name);
    view! {
        <Title text="Your page"/>
        <h1>{greeting}</h1>
        <p class="lead">"This is your page in Hearth. Only you and the team working with your family can see it."</p>

        <h2>"Who is helping you"</h2>
        {match page.social_worker {
            Some(name) => view! { <p>"Your social worker is " <strong>{name}</strong> "."</p> }.into_any(),
            None => view! { <p>"You do not have a social worker named yet."</p> }.into_any(),
        }}
        <p>"You can talk to them about anything on this page."</p>

        <h2>"Your goals"</h2>
        <p>"You and your worker will write your goals together, in your own words. You will see them here, with your next steps."</p>

        {(!page.children.is_empty()).then(|| view! {
            <h2>"Your children"</h2>
            <ul class="card-list">
                {page.children.into_iter().map(|child| view! { <ChildCard child/> }).collect_view()}
            </ul>
        })}
    }
}

#[component]
fn ChildCard(child: ChildForFamily) -> impl IntoView {
    view! {
        <li class="card">
            <h3 class="card__title">{child.given_name}</h3>
            {child.age.map(|age| view! { <p>{age}</p> })}
            {child.status.map(|status| view! { <p>{status}</p> })}
        </li>
    }
}
