//! The disposal review queue: closed families whose every retention period has passed, those
//! held by a legal hold, the next to fall due, and what is left of those destroyed.

use crate::api::disposals::disposals;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::information_rights::disposal::Disposal;
use crate::domain::legal_status::long_date;
use crate::domain::plain_words::staff_time;
use crate::page_data::disposals::{DestroyedFamily, DisposalQueue, ReviewedFamily};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn DisposalsPage() -> impl IntoView {
    let queue = Resource::new(|| (), |_| disposals());
    view! {
        <Title text="Retention and disposal"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(queue) => view! { <Queue queue/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Queue(queue: DisposalQueue) -> impl IntoView {
    if !queue.scheduled {
        return view! {
            <h1>"Retention and disposal"</h1>
            <p class="lead">"No retention schedule is set, so no family is ever listed for destruction."</p>
            <p>"Your council's records manager sets the schedule in the file named by HEARTH_RETENTION_FILE; Hearth reads it when it starts."</p>
        }
        .into_any();
    }
    let rules = queue
        .rules
        .into_iter()
        .map(|rule| {
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{rule.class}</dt>
                    <dd class="summary-list__value">{rule.rule}</dd>
                </div>
            }
        })
        .collect_view();
    let count = match queue.due.len() {
        0 => "No family is due for review.".to_string(),
        1 => "1 family is due for review.".to_string(),
        n => format!("{n} families are due for review."),
    };
    let list = |families: Vec<ReviewedFamily>| {
        let items = families
            .into_iter()
            .map(|family| view! { <Item family/> })
            .collect_view();
        view! { <ul class="card-list">{items}</ul> }
    };
    let held = (!queue.held.is_empty()).then(|| {
        view! {
            <h2>"Held"</h2>
            <p>"Due, but a legal hold stops their destruction until it is lifted."</p>
            {list(queue.held)}
        }
    });
    let upcoming = (!queue.upcoming.is_empty()).then(|| {
        let more = (queue.more_upcoming > 0)
            .then(|| view! { <p>{format!("And {} more.", queue.more_upcoming)}</p> });
        view! {
            <h2>"Next to fall due"</h2>
            {list(queue.upcoming)}
            {more}
        }
    });
    let destroyed = (!queue.destroyed.is_empty()).then(|| {
        let items = queue
            .destroyed
            .into_iter()
            .map(|family| view! { <Destroyed family/> })
            .collect_view();
        view! {
            <h2>"Destroyed"</h2>
            <p>"What is left of a destroyed family: no name, no people, no words."</p>
            <ul class="card-list">{items}</ul>
        }
    });
    view! {
        <h1>"Retention and disposal"</h1>
        <p class="lead">"A closed family's records are listed here once every period of the council's schedule has passed. Nothing is destroyed until you confirm it, and never while a legal hold is in place."</p>
        <h2>"The council's schedule"</h2>
        <dl class="summary-list">{rules}</dl>
        <h2>"Due for review"</h2>
        <p>{count}</p>
        {list(queue.due)}
        {held}
        {upcoming}
        {destroyed}
    }
    .into_any()
}

/// What a family's standing says in a list.
pub fn standing(disposal: Disposal) -> String {
    match disposal {
        Disposal::CaseOpen => "The case is open: nothing is due.".into(),
        Disposal::Unknown => {
            "A period counts from a child's date of birth, which is not recorded: decide.".into()
        }
        Disposal::NotYet(on) => format!("Due on {}.", long_date(on)),
        Disposal::Due(on) => format!("Due since {}.", long_date(on)),
        Disposal::Held(on) => format!("Due since {}, and held.", long_date(on)),
    }
}

#[component]
fn Item(family: ReviewedFamily) -> impl IntoView {
    let tag = match family.disposal {
        Disposal::Due(_) | Disposal::Unknown => {
            Some(view! { <strong class="tag tag--red">"Due"</strong> " " })
        }
        _ => None,
    };
    let reference = family
        .case_ref
        .map(|r| format!(", case {r}"))
        .unwrap_or_default();
    view! {
        <li class="card">
            <h3 class="card__title"><a href=paths::family_disposal(family.id)>{household_title(&family.name)}</a></h3>
            <p class="body-s">{format!("{}{reference}", family.team)}</p>
            {family.closed_on.map(|on| view! { <p class="body-s">"Closed on " {long_date(on)}</p> })}
            <p>{tag}{standing(family.disposal)}</p>
        </li>
    }
}

#[component]
fn Destroyed(family: DestroyedFamily) -> impl IntoView {
    view! {
        <li class="card">
            <h3 class="card__title">{format!("Family {}", family.family_id)}</h3>
            <p class="body-s">{family.team}</p>
            <p class="body-s">{format!("Closed on {}; due on {}", long_date(family.closed_on), long_date(family.due_on))}</p>
            <p>{format!("Destroyed by {} on {}; {} audit entries erased.", family.destroyed_by, staff_time(family.destroyed_at), family.erased_entries)}</p>
        </li>
    }
}
