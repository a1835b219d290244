//! The trio as findings about the household's adults: what was found, about whom, when and by
//! whom, with the census's code; a finding can be ended.

use crate::api::case_record::{findings, RecordFinding};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Radios, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::{household_title, IdentifiedBy};
use crate::domain::findings::{Concern, Finding};
use crate::domain::ids::{FindingId, MemberId};
use crate::domain::legal_status::long_date;
use crate::page_data::case_record::{CaseHeading, FindingsView};
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn FindingsPage() -> impl IntoView {
    let params = use_params_map();
    let view_data = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        findings,
    );
    view! {
        <Title text="The trio"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match view_data.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(page) => view! { <Findings page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn concern_choices() -> Vec<Choice> {
    Concern::ALL
        .iter()
        .map(|c| {
            (
                c.code().to_string(),
                format!("{} ({})", c.label(), c.code()),
            )
        })
        .collect()
}

fn identified_by_choices() -> Vec<Choice> {
    IdentifiedBy::ALL
        .iter()
        .map(|b| (b.code().to_string(), b.label().to_string()))
        .collect()
}

#[component]
fn Findings(page: FindingsView) -> impl IntoView {
    let heading = page.heading.clone();
    let title = household_title(&heading.family_name);
    let can_change = heading.can_change();
    let adults = page.adults.clone();
    let list = if page.findings.is_empty() {
        view! { <p>"No finding recorded yet. The social work assessment records what it finds about each adult: domestic abuse, drug or alcohol misuse, parental mental ill-health."</p> }.into_any()
    } else {
        view! {
            <ul class="card-list">
                {page.findings.into_iter().map(|(finding, about)| {
                    let ended = finding.ended_on.map(|d| format!("Ended {}", long_date(d)));
                    let form = can_change.then(|| view! {
                        <FindingForm heading=heading.clone() adults=adults.clone() finding=Some(finding.clone())/>
                    });
                    view! {
                        <li class="card">
                            <h2 class="card__title">{format!("{} ({}): {about}", finding.concern.label(), finding.concern.code())}</h2>
                            <p>{format!("Identified {} by {}", long_date(finding.identified_on), finding.identified_by.label().to_lowercase())}</p>
                            {ended.map(|e| view! { <p><strong class="tag tag--grey">{e}</strong></p> })}
                            {form}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let new_form = if !can_change {
        None
    } else if adults.is_empty() {
        Some(view! {
            <p>"Add the household's adults first: a finding is about one of them. "<a href=paths::new_member(heading.family_id)>"Add someone to the household"</a></p>
        }.into_any())
    } else {
        Some(
            view! {
                <h2>"Record a finding"</h2>
                <FindingForm heading=heading.clone() adults=adults.clone() finding=None/>
            }
            .into_any(),
        )
    };
    view! {
        <p><a href=paths::family(heading.family_id)>{format!("Back to {title}")}</a></p>
        <p class="caption">{title.clone()}</p>
        <h1>"The trio"</h1>
        <p class="lead">"What the team has found about each adult, with the children in need census code. The cohort check counts what the social work assessment found and has not ended."</p>
        {list}
        {new_form}
    }
}

#[component]
fn FindingForm(
    heading: CaseHeading,
    adults: Vec<(MemberId, String)>,
    finding: Option<Finding>,
) -> impl IntoView {
    let id = finding.as_ref().map_or_else(FindingId::new, |f| f.id);
    let only_if = match &finding {
        Some(_) => ("finding", id.to_string()),
        None => ("new", "1".to_string()),
    };
    let feedback = Feedback::scoped::<RecordFinding>(format!("f{}-", id.0.simple()), Some(only_if));
    let today = heading.today;
    let allowed: Vec<MemberId> = adults
        .iter()
        .map(|(id, _)| *id)
        .chain(finding.as_ref().map(|f| f.member_id))
        .collect();
    let check = FormCheck::RecordFinding {
        adults: allowed,
        today,
    };
    let people: Vec<Choice> = adults
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    let value = {
        let finding = finding.clone();
        move |f: fn(&Finding) -> String| finding.as_ref().map(f)
    };
    let editing = finding.is_some();
    let version = finding.as_ref().map_or(0, |f| f.version).to_string();
    let form = view! {
        <ErrorSummary feedback/>
        <CheckedForm action=RecordFinding::url() check feedback>
            <input type="hidden" name="family" value=heading.family_id.to_string()/>
            <input type="hidden" name="finding" value=id.to_string()/>
            <input type="hidden" name="version" value=version/>
            <Select feedback name="concern" label="What was found" options=concern_choices() value=value(|f| f.concern.code().to_string())/>
            <Select feedback name="member" label="About" options=people value=value(|f| f.member_id.to_string())/>
            <Radios feedback name="identified_by" legend="Who identified it" options=identified_by_choices() value=value(|f| f.identified_by.code().to_string())/>
            <TextField feedback name="identified_on" label="Identified on" kind="date" width="width-10" value=value(|f| f.identified_on.format("%Y-%m-%d").to_string())/>
            <TextField feedback name="ended_on" label="Ended on (optional)" hint="When it is no longer a concern" kind="date" width="width-10" value=value(|f| f.ended_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default())/>
            <SubmitButton label=if editing { "Save the change" } else { "Record it" } busy_label="Saving…" class="button button--secondary"/>
        </CheckedForm>
    };
    if editing {
        view! {
            <details class="details" open=move || feedback.error.with(Option::is_some)>
                <summary class="details__summary">"End it or correct it"</summary>
                {form}
            </details>
        }
        .into_any()
    } else {
        form.into_any()
    }
}
