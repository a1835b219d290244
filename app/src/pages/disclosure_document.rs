//! The approved disclosure, to print or save as PDF: the cover letter, every passage with its
//! withheld words cut out, and the schedule of what was withheld and why. It is drawn from the
//! disclosure the server made, which holds no withheld word.

use crate::api::disclosure::disclosure_document;
use crate::components::problem::Problem;
use crate::domain::information_rights::disclosure::{DisclosedPassage, Disclosure, ScheduleEntry};
use crate::domain::information_rights::passage::Section;
use crate::domain::information_rights::redaction::Piece;
use crate::domain::legal_status::long_date;
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DisclosureDocumentPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let made = Resource::new(id, disclosure_document);
    view! {
        <Title text="Disclosure"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match made.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(made) => view! { <Document made back=id()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Document(made: Disclosure, back: String) -> impl IntoView {
    let to = &made.addressed;
    let back = crate::domain::ids::InformationRequestId::parse(&back).map(paths::disclosure_review);
    let sections = Section::ALL
        .iter()
        .filter_map(|section| {
            let passages: Vec<DisclosedPassage> = made
                .passages
                .iter()
                .filter(|p| p.section == *section)
                .cloned()
                .collect();
            (!passages.is_empty()).then(|| {
                view! {
                    <h2>{section.label()}</h2>
                    {passages.into_iter().map(|p| view! { <Disclosed p/> }).collect_view()}
                }
            })
        })
        .collect_view();
    let schedule = (!made.schedule.is_empty()).then(|| {
        view! {
            <h2>"What we held back, and why"</h2>
            <ol class="schedule">
                {made.schedule.iter().cloned().map(|entry| view! { <Entry entry/> }).collect_view()}
            </ol>
        }
    });
    view! {
        {back.map(|href| view! { <p class="no-print"><a href=href>"Back to the review"</a></p> })}
        <p class="caption">{to.council.clone()}</p>
        <h1>{format!("The information we hold about {}", to.subject)}</h1>
        <p>{format!("Made on {}.", long_date(to.made_on))}</p>
        <div class="letter">
            {made.letter.iter().cloned().map(|paragraph| view! { <p>{paragraph}</p> }).collect_view()}
        </div>
        {sections}
        {schedule}
    }
}

#[component]
fn Disclosed(p: DisclosedPassage) -> impl IntoView {
    let text = p
        .pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Shown(text) => view! { <span>{text}</span> }.into_any(),
            Piece::Withheld { entry } => {
                view! { <span class="withheld">{format!("[withheld: {entry}]")}</span> }.into_any()
            }
        })
        .collect_view();
    view! {
        <div class="disclosed">
            <h3>{p.heading}</h3>
            {p.on.map(|day| view! { <p class="body-s">{long_date(day)}</p> })}
            <p class="passage-text">{text}</p>
        </div>
    }
}

#[component]
fn Entry(entry: ScheduleEntry) -> impl IntoView {
    let basis = entry.basis.map(|b| format!(" ({b})")).unwrap_or_default();
    let note =
        (!entry.note.is_empty()).then(|| view! { <p class="body-s">{entry.note.clone()}</p> });
    view! {
        <li value=entry.number.to_string()>
            <p>{format!("{}, “{}”: {}.", entry.extent, entry.heading, entry.section.label())}</p>
            <p>{format!("{}{basis}.", entry.reason.label())}</p>
            {note}
        </li>
    }
}
