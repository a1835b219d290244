//! The trio and the cohort check, as tags and sentences.

use crate::domain::cohort::CohortCheck;
use crate::domain::family::Vulnerability;
use leptos::prelude::*;

#[component]
pub fn TrioTags(trio: Vec<Vulnerability>) -> impl IntoView {
    if trio.is_empty() {
        return view! { <p class="body-s">"None of the trio recorded"</p> }.into_any();
    }
    let tags = trio
        .into_iter()
        .map(|v| {
            let colour = match v {
                Vulnerability::DomesticAbuse => "tag tag--red",
                Vulnerability::SubstanceMisuse => "tag tag--purple",
                Vulnerability::MentalHealth => "tag tag--blue",
            };
            view! { <li><strong class=colour>{v.label()}</strong></li> }
        })
        .collect_view();
    view! { <ul class="tag-list" aria-label="Trio of vulnerabilities">{tags}</ul> }.into_any()
}

/// Whether the family meets the cohort criteria, with the reasons. Advice, never a gate.
#[component]
pub fn CohortStatus(cohort: CohortCheck, #[prop(optional)] brief: bool) -> impl IntoView {
    let (class, tag_class, tag) = if cohort.meets {
        ("cohort--met", "tag tag--green", "Meets the cohort criteria")
    } else {
        (
            "cohort--not-met",
            "tag tag--grey",
            "Does not meet the cohort criteria",
        )
    };
    let reasons = cohort
        .reasons
        .into_iter()
        .map(|r| view! { <li>{r}</li> })
        .collect_view();
    view! {
        <div class=class>
            <p><strong class=tag_class>{tag}</strong></p>
            {(!brief || !cohort.meets).then(|| view! { <ul class="body-s">{reasons}</ul> })}
        </div>
    }
}
