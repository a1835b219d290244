//! A family's workbook for the team: what is due, the chapters of the current period (earlier
//! periods folded away), and the family's dates.

use crate::api::workbook::{load_workbook, RecordMeeting, SaveSchedule};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::Radios;
use crate::components::family_nav::FamilyNav;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::due::Due;
use crate::domain::ids::FamilyId;
use crate::domain::workbook::{Entry, EntryKind};
use crate::page_data::workbook::Workbook;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn WorkbookPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        load_workbook,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the workbook…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(workbook) => view! { <WorkbookView workbook/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn DueList(due: Vec<Due>, today: chrono::NaiveDate) -> impl IntoView {
    if due.is_empty() {
        return view! { <p>"Nothing is due."</p> }.into_any();
    }
    view! {
        <ul class="due-list">
            {due.into_iter().map(|d| {
                let urgency = crate::domain::due::urgency(d.due_on, today);
                let class = match urgency {
                    crate::domain::due::Urgency::Overdue => "tag tag--red",
                    crate::domain::due::Urgency::DueToday | crate::domain::due::Urgency::DueSoon => "tag tag--yellow",
                    crate::domain::due::Urgency::Later => "tag tag--grey",
                };
                view! {
                    <li class="due-list__item">
                        <strong class=class>{crate::domain::due::describe(d.due_on, today)}</strong>
                        " "{d.what}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn WorkbookView(workbook: Workbook) -> impl IntoView {
    let family = workbook.family_id;
    let title = format!("The {} family: workbook", workbook.family_name);
    let period = match workbook.period_started {
        Some(since) => format!(
            "Period {}, since the group supervision on {}",
            workbook.current_period,
            since.format("%-d %B %Y")
        ),
        None => format!(
            "Period {}: no group supervision recorded yet",
            workbook.current_period
        ),
    };
    let new_entry = |kind: &str| crate::paths::new_entry(workbook.family_id, kind);
    let current = workbook.current_period;
    view! {
        <Title text=title.clone()/>
        <p class="caption">{format!("The {} family", workbook.family_name)}</p>
        <h1>"Workbook"</h1>
        <FamilyNav family current="Workbook"/>
        <p class="lead">{period}</p>
        {workbook.writes.map(|role| view! {
            <p class="hint">{format!("You write in the {} chapter.", role.label().to_lowercase())}</p>
            <div class="button-group">
                <a class="button" href=new_entry("visit")>"Record a visit"</a>
                <a class="button button--secondary" href=new_entry("session")>"Record a session"</a>
                <a class="button button--secondary" href=new_entry("contact")>"Record a contact"</a>
                <a class="button button--secondary" href=new_entry("monthly_summary")>"Write the monthly summary"</a>
            </div>
        })}

        <h2 id="due">"What is due"</h2>
        <DueList due=workbook.due.clone() today=workbook.today/>

        {workbook.chapters.into_iter().map(|chapter| {
            let (now, earlier): (Vec<Entry>, Vec<Entry>) = chapter.entries.into_iter().partition(|e| e.period == current);
            let heading = format!("{}: {}", chapter.role.label(), chapter.worker_name);
            let earlier_count = earlier.len();
            let label = heading.clone();
            view! {
                <section class="chapter" aria-label=label>
                    <h2>{heading}</h2>
                    {if now.is_empty() {
                        view! { <p>"Nothing recorded in this period yet."</p> }.into_any()
                    } else {
                        view! { <ul class="card-list">{now.into_iter().map(|entry| view! { <EntryCard family entry/> }).collect_view()}</ul> }.into_any()
                    }}
                    {(earlier_count > 0).then(|| view! {
                        <details class="details">
                            <summary class="details__summary">{format!("Earlier periods ({earlier_count} entries)")}</summary>
                            <ul class="card-list">{earlier.into_iter().map(|entry| view! { <EntryCard family entry/> }).collect_view()}</ul>
                        </details>
                    })}
                </section>
            }
        }).collect_view()}

        <h2 id="dates">"The family's dates"</h2>
        <ScheduleForm workbook_family=family.to_string() schedule=workbook.schedule.clone() today=workbook.today/>
    }
}

#[component]
pub fn EntryCard(family: FamilyId, entry: Entry) -> impl IntoView {
    let href = crate::paths::entry(family, entry.id);
    let title = format!(
        "{} on {}",
        entry.kind.label(),
        entry.occurred_on.format("%A %-d %B %Y")
    );
    let anchor = format!("entry-{}", entry.id);
    view! {
        <li class="card entry" id=anchor>
            <h3 class="card__title"><a href=href>{title}</a></h3>
            <p class="caption">
                {format!("Recorded by {}", entry.author_name)}
                {entry.significant.then(|| view! { " " <strong class="tag tag--purple">"Significant"</strong> })}
            </p>
            {(entry.kind == EntryKind::Visit).then(|| {
                let alone = match entry.child_seen_alone {
                    Some(true) => "Child seen alone",
                    Some(false) => "Child not seen alone",
                    None => "Child seen alone: not recorded",
                };
                view! { <p class="hint">{format!("{} · {alone}", entry.place)}</p> }
            })}
            <p class="entry__summary">{entry.summary.clone()}</p>
        </li>
    }
}

#[component]
fn ScheduleForm(
    workbook_family: String,
    schedule: crate::domain::workbook::Schedule,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let feedback = Feedback::scoped::<SaveSchedule>("dates-".into(), None);
    let check = FormCheck::SaveSchedule { today };
    let meeting_feedback = Feedback::scoped::<RecordMeeting>("meeting-".into(), None);
    let last = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%-d %B %Y").to_string())
            .unwrap_or_else(|| "None recorded".into())
    };
    let family_for_dates = workbook_family.clone();
    view! {
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"Plan started"</dt><dd class="summary-list__value">{schedule.plan_started_on.format("%-d %B %Y").to_string()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Last core group"</dt><dd class="summary-list__value">{last(schedule.last_core_group_on)}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Last review conference"</dt><dd class="summary-list__value">{last(schedule.last_review_on)}</dd></div>
        </dl>
        <ErrorSummary feedback/>
        <CheckedForm action=SaveSchedule::url() check feedback class="panel">
            <input type="hidden" name="family" value=family_for_dates/>
            <TextField feedback name="initial_conference_on" label="Initial child protection conference" kind="date" width="width-10" value=schedule.initial_conference_on.map(|d| d.format("%Y-%m-%d").to_string())/>
            <TextField feedback name="visit_every" label="Visit every (working days)" hint="A common local standard is every 10 working days" kind="number" width="width-10" value=schedule.visit_every_working_days.to_string()/>
            <SubmitButton label="Save dates" busy_label="Saving…"/>
        </CheckedForm>
        <h3>"Record a meeting held"</h3>
        <ErrorSummary feedback=meeting_feedback/>
        <form method="post" action=RecordMeeting::url() class="panel">
            <input type="hidden" name="family" value=workbook_family/>
            <Radios feedback=meeting_feedback name="meeting_kind" legend="Which meeting" options=vec![("core_group".into(), "Core group".into()), ("review_conference".into(), "Review child protection conference".into())]/>
            <TextField feedback=meeting_feedback name="held_on" label="Date held" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
            <SubmitButton label="Record meeting" busy_label="Saving…"/>
        </form>
    }
}
