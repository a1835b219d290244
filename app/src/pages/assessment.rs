//! The integrated family assessment: every chapter's latest monthly summary, the team's mapping
//! from group supervision, the trio, and the scaling history, on one page.

use crate::api::workbook::load_assessment;
use crate::components::family_nav::FamilyNav;
use crate::components::problem::Problem;
use crate::components::progress_chart::ProgressChart;
use crate::page_data::workbook::Assessment;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AssessmentPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        load_assessment,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the assessment…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(assessment) => view! { <AssessmentView assessment/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AssessmentView(assessment: Assessment) -> impl IntoView {
    let family = assessment.family_id;
    let mapping = assessment.latest_supervision.clone().map(|s| {
        [
            ("What is working well", s.working_well),
            ("What we are worried about", s.worried_about),
            ("What needs to happen", s.needs_to_happen),
        ]
    });
    let held = assessment
        .latest_supervision
        .as_ref()
        .map(|s| s.held_on.format("%-d %B %Y").to_string());
    view! {
        <Title text=format!("The {} family: integrated assessment", assessment.family_name)/>
        <p class="caption">{format!("The {} family", assessment.family_name)}</p>
        <h1>"Integrated family assessment"</h1>
        <FamilyNav family current="Integrated assessment"/>
        {match (mapping, held) {
            (Some(mapping), Some(held)) => view! {
                <p class="hint">{format!("From the group supervision on {held}.")}</p>
                {mapping.into_iter().map(|(title, text)| view! {
                    <h2>{title}</h2>
                    <p class="entry__summary">{if text.is_empty() { "Not written.".to_string() } else { text }}</p>
                }).collect_view()}
            }.into_any(),
            _ => view! { <p>"No group supervision recorded yet: what is working well, what we are worried about and what needs to happen are mapped there."</p> }.into_any(),
        }}
        <h2>"Trio of vulnerabilities"</h2>
        {if assessment.trio.is_empty() {
            view! { <p>"None identified."</p> }.into_any()
        } else {
            view! { <ul class="tag-list">{assessment.trio.iter().map(|f| view! { <li><strong class="tag tag--purple">{f.vulnerability.label()}</strong></li> }).collect_view()}</ul> }.into_any()
        }}
        <h2>"Each chapter's latest monthly summary"</h2>
        {assessment.summaries.into_iter().map(|(role, worker, summary)| view! {
            <h3>{format!("{}: {}", role.label(), worker)}</h3>
            {match summary {
                Some(entry) => view! {
                    <p class="caption">{entry.occurred_on.format("%-d %B %Y").to_string()}</p>
                    <p class="entry__summary">{entry.summary}</p>
                }.into_any(),
                None => view! { <p class="hint">"No monthly summary yet."</p> }.into_any(),
            }}
        }).collect_view()}
        <h2>"Risk and progress at group supervision"</h2>
        {if assessment.scales.is_empty() {
            view! { <p>"No scores yet."</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="scales-caption">
                    <table class="table">
                        <caption class="table__caption visually-hidden" id="scales-caption">"The team's scales, oldest first"</caption>
                        <thead><tr>
                            <th scope="col" class="table__header">"Date"</th>
                            <th scope="col" class="table__header table__header--numeric">"Risk (0–10)"</th>
                            <th scope="col" class="table__header table__header--numeric">"Progress (0–10)"</th>
                        </tr></thead>
                        <tbody>{assessment.scales.into_iter().map(|(on, risk, progress)| view! {
                            <tr>
                                <td class="table__cell">{on.format("%-d %b %Y").to_string()}</td>
                                <td class="table__cell table__cell--numeric">{risk}</td>
                                <td class="table__cell table__cell--numeric">{progress}</td>
                            </tr>
                        }).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <h2>"Scaling history of the family's goals"</h2>
        {assessment.goals.into_iter().enumerate().map(|(i, goal)| view! {
            <h3>{goal.family_words.clone()}</h3>
            <ProgressChart id=format!("assessment-goal-{i}") check_ins=goal.check_ins family_name="Family's ratings" worker_name="Practitioner's ratings"/>
        }).collect_view()}
    }
}
