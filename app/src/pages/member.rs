//! One person of a household: who they are (corrected with a reason, every version kept), the
//! day they left, and for a child their legal status as a dated history.

use crate::api::case_record::{member_record, CorrectMember, MemberLeft, RecordLegalStatus};
use crate::components::change_timeline::ChangeTimeline;
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Radios, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::{household_title, LegalStatusKind, MemberKind, ProtectionCategory};
use crate::domain::household::PersonKind;
use crate::domain::ids::LegalStatusId;
use crate::domain::legal_status::{long_date, StatusPeriod};
use crate::page_data::case_record::{CaseHeading, MemberDetail};
use crate::pages::new_member::person_kinds;
use crate::paths;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MemberPage() -> impl IntoView {
    let params = use_params_map();
    let record = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("member").unwrap_or_default(),
            )
        },
        |(family, member)| member_record(family, member),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(record) => view! { <Member record/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn date_input(day: Option<NaiveDate>) -> Option<String> {
    day.map(|d| d.format("%Y-%m-%d").to_string())
}

fn row(key: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{value}</dd>
        </div>
    }
}

#[component]
fn Member(record: MemberDetail) -> impl IntoView {
    let heading = record.heading.clone();
    let m = record.member.clone();
    let name = m.full_name();
    let family_title = household_title(&heading.family_name);
    let born = match (m.date_of_birth, m.expected_on) {
        (Some(born), _) => long_date(born),
        (None, Some(due)) => format!("Not born yet: due {}", long_date(due)),
        (None, None) => "Not recorded".to_string(),
    };
    let closed = heading.closed.clone().map(|c| {
        view! {
            <div class="inset">{format!("This family's case closed on {}. The record is read-only until it is reopened.", long_date(c.on))}</div>
        }
    });
    let is_child = m.kind == MemberKind::Child;
    let can_change = heading.can_change();
    view! {
        <Title text=name.clone()/>
        <p><a href=paths::household(heading.family_id)>{format!("Back to {family_title}")}</a></p>
        <p class="caption">{family_title.clone()}</p>
        <h1>{name.clone()}</h1>
        {closed}
        <dl class="summary-list">
            {row("Relationship", m.relationship.clone())}
            {row("Date of birth", born)}
            {row("Person ID in the case system", m.person_ref.clone().unwrap_or_else(|| "Not recorded".into()))}
            {m.left_on.map(|day| row("Left the household", long_date(day)))}
            {is_child.then(|| row("Legal status today", m.legal_status.map(|s| s.label()).unwrap_or_else(|| "None recorded".into())))}
        </dl>
        {is_child.then(|| view! { <StatusHistory record=record.clone()/> })}
        {can_change.then(|| view! { <CorrectForm record=record.clone()/> })}
        {(can_change && m.left_on.is_none()).then(|| view! { <LeftForm record=record.clone()/> })}
        <h2 id="history">"What changed"</h2>
        {if record.history.is_empty() {
            view! { <p>"Nothing has changed since they were added."</p> }.into_any()
        } else {
            view! { <ChangeTimeline changes=record.history nested=true/> }.into_any()
        }}
    }
}

fn category_choices() -> Vec<Choice> {
    ProtectionCategory::ALL
        .iter()
        .map(|c| (c.code().to_string(), c.label().to_string()))
        .collect()
}

fn status_choices() -> Vec<Choice> {
    LegalStatusKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label().to_string()))
        .collect()
}

fn period_title(p: &StatusPeriod) -> String {
    match (p.initial_category, p.latest_category) {
        (Some(first), Some(latest)) if first != latest => format!(
            "{}: {} at first, {} now",
            p.kind.label(),
            first.label().to_lowercase(),
            latest.label().to_lowercase()
        ),
        (_, Some(latest)) => format!("{} ({})", p.kind.label(), latest.label().to_lowercase()),
        _ => p.kind.label().to_string(),
    }
}

#[component]
fn StatusHistory(record: MemberDetail) -> impl IntoView {
    let heading = record.heading.clone();
    let can_change = heading.can_change();
    let periods = record.statuses.clone();
    let list = if periods.is_empty() {
        view! { <p>"No legal status recorded yet."</p> }.into_any()
    } else {
        view! {
            <ul class="card-list">
                {periods.into_iter().rev().map(|p| {
                    let title = period_title(&p);
                    let dates = p.dates_in_words();
                    let form = can_change.then(|| view! {
                        <PeriodForm heading=heading.clone() member=record.member.id.to_string() period=Some(p.clone())/>
                    });
                    view! {
                        <li class="card">
                            <h3 class="card__title">{title}</h3>
                            <p>{dates}</p>
                            {form}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h2 id="legal-status">"Legal status"</h2>
        <p class="hint">"Each period with its dates, newest first. The census rules apply: nothing ends on the day it starts, one open child protection plan at a time, and no child in need plan alongside a protection plan."</p>
        {list}
        {can_change.then(|| view! {
            <h3>"Record a legal status"</h3>
            <PeriodForm heading=heading.clone() member=record.member.id.to_string() period=None/>
        })}
    }
}

/// A new period (`period` is `None`) or a change to one: its end, its latest category, a
/// corrected start. A period's kind stays what it was.
#[component]
fn PeriodForm(heading: CaseHeading, member: String, period: Option<StatusPeriod>) -> impl IntoView {
    let id = period.as_ref().map_or_else(LegalStatusId::new, |p| p.id);
    // The new period's form is known by `new` in a refusal (its id is made again with the page).
    let only_if = match &period {
        Some(_) => ("status", id.to_string()),
        None => ("new", "1".to_string()),
    };
    let feedback =
        Feedback::scoped::<RecordLegalStatus>(format!("s{}-", id.0.simple()), Some(only_if));
    let today = heading.today;
    let check = FormCheck::RecordLegalStatus { today };
    let version = period.as_ref().map_or(0, |p| p.version).to_string();
    let fields = match &period {
        None => view! {
            <Radios feedback name="kind" legend="Status" options=status_choices()/>
            <Select feedback name="initial_category" label="Category of the plan" hint="Child protection plans only" options=category_choices()/>
            <TextField feedback name="started_on" label="Started on" hint="For a plan, the day of the initial conference" kind="date" width="width-10"/>
            <TextField feedback name="ended_on" label="Ended on (optional)" kind="date" width="width-10"/>
        }
        .into_any(),
        Some(p) => {
            let is_plan = p.kind == LegalStatusKind::ChildProtectionPlan;
            view! {
                <input type="hidden" name="kind" value=p.kind.code()/>
                {is_plan.then(|| view! {
                    <input type="hidden" name="initial_category" value=p.initial_category.map(|c| c.code()).unwrap_or_default()/>
                    <Select feedback name="latest_category" label="Latest category" hint="If a review conference changed it" options=category_choices() value=p.latest_category.map(|c| c.code().to_string())/>
                })}
                <TextField feedback name="started_on" label="Started on" kind="date" width="width-10" value=date_input(Some(p.started_on))/>
                <TextField feedback name="ended_on" label="Ended on" hint="Leave empty while it goes on" kind="date" width="width-10" value=date_input(p.ended_on)/>
            }
            .into_any()
        }
    };
    let button = if period.is_some() {
        "Save the change"
    } else {
        "Record it"
    };
    let form = view! {
        <ErrorSummary feedback/>
        <CheckedForm action=RecordLegalStatus::url() check feedback>
            <input type="hidden" name="family" value=heading.family_id.to_string()/>
            <input type="hidden" name="member" value=member/>
            <input type="hidden" name="status" value=id.to_string()/>
            <input type="hidden" name="version" value=version/>
            {fields}
            <SubmitButton label=button busy_label="Saving…" class="button button--secondary"/>
        </CheckedForm>
    };
    if period.is_some() {
        view! {
            <details class="details" open=move || feedback.error.with(Option::is_some)>
                <summary class="details__summary">"End it or change it"</summary>
                {form}
            </details>
        }
        .into_any()
    } else {
        form.into_any()
    }
}

#[component]
fn CorrectForm(record: MemberDetail) -> impl IntoView {
    let feedback = Feedback::of::<CorrectMember>();
    let today = record.heading.today;
    let check = FormCheck::CorrectMember { today };
    let m = record.member;
    let kind = match (m.kind, m.date_of_birth, m.expected_on) {
        (MemberKind::Adult, ..) => PersonKind::Adult,
        (MemberKind::Child, None, Some(_)) => PersonKind::Unborn,
        (MemberKind::Child, ..) => PersonKind::Child,
    };
    view! {
        <h2 id="correct">"Correct their details"</h2>
        <details class="details" open=move || feedback.error.with(Option::is_some)>
            <summary class="details__summary">"Correct a name, a date of birth or a person ID"</summary>
            <ErrorSummary feedback/>
            <CheckedForm action=CorrectMember::url() check feedback>
                <input type="hidden" name="family" value=record.heading.family_id.to_string()/>
                <input type="hidden" name="member" value=m.id.to_string()/>
                <input type="hidden" name="version" value=record.version.to_string()/>
                <Radios feedback name="kind" legend="They are" options=person_kinds() value=kind.code().to_string()/>
                <TextField feedback name="given_name" label="First name" autocomplete="off" value=m.given_name.clone()/>
                <TextField feedback name="family_name" label="Last name" autocomplete="off" value=m.family_name.clone()/>
                <TextField feedback name="relationship" label="How they stand in the household" autocomplete="off" value=m.relationship.clone()/>
                <TextField feedback name="date_of_birth" label="Date of birth" kind="date" width="width-10" value=date_input(m.date_of_birth)/>
                <TextField feedback name="expected_on" label="When the baby is due" hint="Only for a baby not yet born" kind="date" width="width-10" value=date_input(m.expected_on)/>
                <TextField feedback name="person_ref" label="Person ID in the case system" verbatim=true width="width-10" autocomplete="off" value=m.person_ref.clone().unwrap_or_default()/>
                <TextArea feedback name="reason" label="Why are you correcting it?" hint="Kept with the change, for anyone who reads the record later" rows=3/>
                <SubmitButton label="Save the correction" busy_label="Saving…" class="button button--secondary"/>
            </CheckedForm>
        </details>
    }
}

#[component]
fn LeftForm(record: MemberDetail) -> impl IntoView {
    let feedback = Feedback::of::<MemberLeft>();
    let today = record.heading.today;
    let check = FormCheck::MemberLeft { today };
    let account_note = record
        .member
        .has_account
        .then_some(" Their Hearth account stops showing the family's plan from that day.");
    view! {
        <h2 id="left">"They left the household"</h2>
        <details class="details" open=move || feedback.error.with(Option::is_some)>
            <summary class="details__summary">"Record the day they left"</summary>
            <p>"Their records stay in the family's record."{account_note}</p>
            <ErrorSummary feedback/>
            <CheckedForm action=MemberLeft::url() check feedback>
                <input type="hidden" name="family" value=record.heading.family_id.to_string()/>
                <input type="hidden" name="member" value=record.member.id.to_string()/>
                <input type="hidden" name="version" value=record.version.to_string()/>
                <TextField feedback name="left_on" label="The day they left" kind="date" width="width-10"/>
                <SubmitButton label="Record that they left" busy_label="Saving…" class="button button--secondary"/>
            </CheckedForm>
        </details>
    }
}
