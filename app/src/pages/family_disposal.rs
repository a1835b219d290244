//! One family's retention: when each class of its records falls due, its legal holds and
//! decisions to keep it longer, and the forms that hold it, keep it, or destroy it.

use crate::api::disposals::{
    family_disposal, DestroyFamily, KeepRecordsLonger, LiftLegalHold, PlaceLegalHold,
};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::Checkboxes;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::information_rights::disposal::Disposal;
use crate::domain::legal_status::long_date;
use crate::domain::plain_words::staff_time;
use crate::page_data::disposals::{FamilyDisposalPage as PageData, Hold};
use crate::pages::disposals::standing;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn FamilyDisposalPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("family").unwrap_or_default(),
        family_disposal,
    );
    view! {
        <Title text="A family's retention"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(page) => view! { <Retention page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Retention(page: PageData) -> impl IntoView {
    let family = &page.family;
    let classes = page
        .classes
        .iter()
        .map(|class| {
            let due = class
                .due_on
                .map(|on| format!("; ends {}", long_date(on)))
                .unwrap_or_default();
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{class.class.clone()}</dt>
                    <dd class="summary-list__value">{format!("{}{due}", class.rule)}</dd>
                </div>
            }
        })
        .collect_view();
    let holds = page
        .holds
        .iter()
        .map(|hold| view! { <HoldItem hold=hold.clone()/> })
        .collect_view();
    let active = page.holds.iter().find(|h| h.lifted.is_none()).cloned();
    let kept = page
        .kept
        .iter()
        .map(|k| {
            view! {
                <li class="card">
                    <p><strong>{format!("Kept until {}", long_date(k.until))}</strong></p>
                    <p>{k.reason.clone()}</p>
                    <p class="body-s">{format!("Decided by {}, {}", k.decided_by, staff_time(k.decided_at))}</p>
                </li>
            }
        })
        .collect_view();
    let closed = family.closed_on.is_some();
    let status = if page.scheduled {
        standing(family.disposal)
    } else {
        "No retention schedule is set: nothing is due.".to_string()
    };
    let destroy = (page.scheduled && family.disposal.may_destroy())
        .then(|| view! { <DestroyForm page=page.clone()/> });
    view! {
        <p><a href=paths::DISPOSALS>"Back to retention and disposal"</a></p>
        <p class="caption">{family.team.clone()}{family.case_ref.clone().map(|r| format!(", case {r}"))}</p>
        <h1>{format!("{}: retention", household_title(&family.name))}</h1>
        <p class="lead">{status}</p>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">"Closed on"</dt>
                <dd class="summary-list__value">{family.closed_on.map(long_date).unwrap_or_else(|| "Open".into())}</dd>
            </div>
            {classes}
        </dl>
        {destroy}
        <h2>"Legal holds"</h2>
        {if page.holds.is_empty() {
            view! { <p>"None."</p> }.into_any()
        } else {
            view! { <ul class="card-list">{holds}</ul> }.into_any()
        }}
        {match active {
            Some(hold) => view! { <LiftForm page=page.clone() hold/> }.into_any(),
            None => view! { <HoldForm page=page.clone()/> }.into_any(),
        }}
        {closed.then(|| view! {
            <h2>"Kept beyond their period"</h2>
            {if page.kept.is_empty() {
                view! { <p>"Not so far."</p> }.into_any()
            } else {
                view! { <ul class="card-list">{kept}</ul> }.into_any()
            }}
            <KeepForm page=page.clone()/>
        })}
    }
}

#[component]
fn HoldItem(hold: Hold) -> impl IntoView {
    let lifted = hold.lifted.map(|(by, at, reason)| {
        view! {
            <p class="body-s">{format!("Lifted by {by}, {}: {reason}", staff_time(at))}</p>
        }
    });
    let tag = if lifted.is_none() {
        view! { <strong class="tag tag--red">"In place"</strong> }.into_any()
    } else {
        view! { <strong class="tag tag--grey">"Lifted"</strong> }.into_any()
    };
    view! {
        <li class="card">
            <p>{tag}" "{hold.reason}</p>
            <p class="body-s">{format!("Placed by {}, {}", hold.placed_by, staff_time(hold.placed_at))}</p>
            {lifted}
        </li>
    }
}

#[component]
fn HoldForm(page: PageData) -> impl IntoView {
    let feedback = Feedback::of::<PlaceLegalHold>();
    view! {
        <h3>"Place a legal hold"</h3>
        <p>"For an inquiry, a claim or anything else that needs these records kept: nothing of the family is destroyed until the hold is lifted."</p>
        <ErrorSummary feedback/>
        <CheckedForm action=PlaceLegalHold::url() check=FormCheck::PlaceLegalHold feedback>
            <input type="hidden" name="family" value=page.family.id.to_string()/>
            <input type="hidden" name="hold" value=page.new_hold.to_string()/>
            <TextArea feedback name="reason" label="Why the records must be kept" rows=3/>
            <SubmitButton label="Place the hold" busy_label="Placing…" class="button button--secondary"/>
        </CheckedForm>
    }
}

#[component]
fn LiftForm(page: PageData, hold: Hold) -> impl IntoView {
    let feedback = Feedback::of::<LiftLegalHold>();
    view! {
        <h3>"Lift the hold"</h3>
        <ErrorSummary feedback/>
        <CheckedForm action=LiftLegalHold::url() check=FormCheck::LiftLegalHold feedback>
            <input type="hidden" name="family" value=page.family.id.to_string()/>
            <input type="hidden" name="hold" value=hold.id.to_string()/>
            <TextArea feedback name="reason" label="Why the hold is no longer needed" rows=3/>
            <SubmitButton label="Lift the hold" busy_label="Lifting…" class="button button--secondary"/>
        </CheckedForm>
    }
}

#[component]
fn KeepForm(page: PageData) -> impl IntoView {
    let feedback = Feedback::of::<KeepRecordsLonger>();
    let check = FormCheck::KeepRecordsLonger { today: page.today };
    view! {
        <h3>"Keep the records longer"</h3>
        <p>"When they are still needed, say until when and why: they come back for review on that day."</p>
        <ErrorSummary feedback/>
        <CheckedForm action=KeepRecordsLonger::url() check feedback>
            <input type="hidden" name="family" value=page.family.id.to_string()/>
            <input type="hidden" name="extension" value=page.new_extension.to_string()/>
            <TextField feedback name="until" label="Keep them until" kind="date" width="width-10"/>
            <TextArea feedback name="reason" label="Why they are still needed" rows=3/>
            <SubmitButton label="Keep them" busy_label="Saving…" class="button button--secondary"/>
        </CheckedForm>
    }
}

#[component]
fn DestroyForm(page: PageData) -> impl IntoView {
    let feedback = Feedback::of::<DestroyFamily>();
    let why = match page.family.disposal {
        Disposal::Unknown => "The schedule counts a period from a child's date of birth, which the record does not hold. Destroy only if you are sure the period has passed.",
        _ => "Every period of the council's schedule has passed and no legal hold is in place.",
    };
    let confirm = vec![(
        "yes".to_string(),
        "I have reviewed this family's records, and they may be destroyed".to_string(),
    )];
    view! {
        <h2>"Destroy the records"</h2>
        <p>{why}</p>
        <div class="warning-text">
            <strong>"Destruction erases the family, its people, goals, words, workbook and supervision for good, and the words of the audit entries about them. It cannot be undone. The audit trail keeps that the records existed, who destroyed them, when and under which rules."</strong>
        </div>
        <ErrorSummary feedback/>
        <CheckedForm action=DestroyFamily::url() check=FormCheck::DestroyFamily feedback>
            <input type="hidden" name="family" value=page.family.id.to_string()/>
            <Checkboxes feedback name="confirm" legend="Confirm" options=confirm/>
            <SubmitButton label="Destroy the records" busy_label="Destroying…" class="button button--warning"/>
        </CheckedForm>
    }
}
