use crate::api::openings::{break_glass_reviews, ReviewBreakGlass};
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::plain_words::staff_time;
use crate::page_data::openings::{OpeningShown, Openings};
use leptos::prelude::*;
use leptos_meta::Title;

/// A manager's review of their families opened by people outside the team, with the reasons.
#[component]
pub fn OpeningsPage() -> impl IntoView {
    let review = ServerAction::<ReviewBreakGlass>::new();
    let openings = Resource::new(|| (), |_| break_glass_reviews());
    view! {
        <Title text="Families opened outside the team"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match openings.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(openings) => view! { <List openings review/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn List(openings: Openings, review: ServerAction<ReviewBreakGlass>) -> impl IntoView {
    let waiting = openings
        .openings
        .iter()
        .filter(|o| o.reviewed_at.is_none())
        .count();
    let items = openings
        .openings
        .into_iter()
        .map(|opening| view! { <Item opening review/> })
        .collect_view();
    view! {
        <p><a href="/team">"Back to the team dashboard"</a></p>
        <h1>"Families opened outside the team"</h1>
        <p class="lead">"People outside your team who opened one of your families, and the reason they gave. Review each one: ask the person if the reason does not explain the need."</p>
        <p>{match waiting {
            0 => "Every opening has been reviewed.".to_string(),
            1 => "1 opening is waiting for review.".to_string(),
            n => format!("{n} openings are waiting for review."),
        }}</p>
        <ul class="session-list">{items}</ul>
    }
}

#[component]
fn Item(opening: OpeningShown, review: ServerAction<ReviewBreakGlass>) -> impl IntoView {
    let who = match &opening.worker_team {
        Some(team) => format!("{} ({team})", opening.worker),
        None => opening.worker.clone(),
    };
    let family = household_title(&opening.family_name);
    let which = format!(": {}'s opening of {family}", opening.worker);
    let id = opening.id.to_string();
    view! {
        <li class="session-list__item">
            <p class="session-list__device">
                <a href=crate::paths::family(opening.family_id)>{family}</a>
                " opened by " <strong>{who}</strong>
            </p>
            <p class="body-s">{staff_time(opening.opened_at)}</p>
            <p>"Reason: " {opening.reason.clone()}</p>
            {match (opening.reviewed_at, opening.reviewer.clone()) {
                (Some(at), reviewer) => view! {
                    <p><strong class="tag tag--grey">"Reviewed"</strong> " " {reviewer.unwrap_or_default()} ", " {staff_time(at)}</p>
                }.into_any(),
                (None, _) => view! {
                    <ActionForm action=review>
                        <input type="hidden" name="opening" value=id/>
                        <button type="submit" class="button button--secondary">"Mark as reviewed"<span class="visually-hidden">{which.clone()}</span></button>
                    </ActionForm>
                }.into_any(),
            }}
        </li>
    }
}
