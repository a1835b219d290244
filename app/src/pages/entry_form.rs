//! Recording a visit, session, contact or monthly summary, and changing one. A visit can be done
//! with one thumb: today's date is filled in, and only what happened must be written.

use crate::api::workbook::{load_entry, load_workbook, SaveEntry};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Checkboxes, Radios};
use crate::components::conversation_panel::ConversationPanel;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::ids::{EntryId, FamilyId, MemberId};
use crate::domain::workbook::{Entry, EntryKind, Person};
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// What the form needs, from a new entry's workbook or an existing entry's page.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Start {
    family: FamilyId,
    family_name: String,
    people: Vec<Person>,
    today: NaiveDate,
    entry: Option<Entry>,
    kind: EntryKind,
}

#[component]
pub fn EntryFormPage() -> impl IntoView {
    let params = use_params_map();
    let start = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("entry"),
                p.get("kind"),
            )
        },
        |(family, entry, kind)| async move {
            match entry {
                Some(entry) => {
                    let page = load_entry(family.clone(), entry).await?;
                    if !page.can_edit {
                        return Err(AppError::Forbidden);
                    }
                    Ok(Start {
                        family: page.family_id,
                        family_name: page.family_name,
                        people: page.people,
                        today: page.today,
                        kind: page.entry.kind,
                        entry: Some(page.entry),
                    })
                }
                None => {
                    let kind = kind
                        .as_deref()
                        .and_then(EntryKind::from_code)
                        .ok_or(AppError::NotFound)?;
                    let workbook = load_workbook(family.clone()).await?;
                    if workbook.writes.is_none() {
                        return Err(AppError::Forbidden);
                    }
                    Ok(Start {
                        family: workbook.family_id,
                        family_name: workbook.family_name,
                        people: workbook.people,
                        today: workbook.today,
                        entry: None,
                        kind,
                    })
                }
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match start.await {
                    Ok(start) => view! { <EntryFormView start/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EntryFormView(start: Start) -> impl IntoView {
    let feedback = Feedback::of::<SaveEntry>();
    let people = start.people.clone();
    let today = start.today;
    let check = FormCheck::SaveEntry { people, today };
    let kind = start.kind;
    let editing = start.entry.is_some();
    let title = match (editing, kind) {
        (true, k) => format!("Change a {}", k.label().to_lowercase()),
        (false, EntryKind::MonthlySummary) => "Write the monthly summary".to_string(),
        (false, k) => format!("Record a {}", k.label().to_lowercase()),
    };
    let entry = start.entry.clone();
    let id = entry.as_ref().map_or_else(EntryId::new, |e| e.id);
    let version = entry
        .as_ref()
        .map(|e| e.version.to_string())
        .unwrap_or_default();
    let value = {
        let entry = entry.clone();
        move |f: fn(&Entry) -> String| entry.as_ref().map(f)
    };
    let date = value(|e| e.occurred_on.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| today.format("%Y-%m-%d").to_string());
    let people_choices: Vec<(String, String)> = start
        .people
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    let chosen: Vec<String> = entry
        .as_ref()
        .map(|e| e.people.iter().map(MemberId::to_string).collect())
        .unwrap_or_default();
    let seen_alone = entry
        .as_ref()
        .and_then(|e| e.child_seen_alone)
        .map(|v| if v { "yes" } else { "no" }.to_string());
    let significant = feedback
        .value("significant")
        .map(|v| v == "true")
        .unwrap_or_else(|| entry.as_ref().is_some_and(|e| e.significant));
    let back = crate::paths::workbook(start.family);
    let who_legend = if kind == EntryKind::Visit {
        "Who was seen"
    } else {
        "Who was there"
    };
    let form = view! {
        <CheckedForm action=SaveEntry::url() check feedback class="thumb-form">
            <input type="hidden" name="family" value=start.family.to_string()/>
            <input type="hidden" name="entry" value=id.to_string()/>
            <input type="hidden" name="kind" id="kind" value=kind.code()/>
            <input type="hidden" name="version" id="version" value=move || feedback.value("version").unwrap_or_else(|| version.clone())/>
            <TextField feedback name="occurred_on" label="Date" kind="date" width="width-10" value=date/>
            {(kind == EntryKind::Visit).then(|| view! {
                <TextField feedback name="place" label="Where" value=value(|e| e.place.clone()).unwrap_or_else(|| "Family home".into())/>
            })}
            {(kind != EntryKind::MonthlySummary).then(|| view! {
                <Checkboxes feedback name="people" legend=who_legend options=people_choices.clone() checked=chosen.clone()/>
                <TextField feedback name="others" label="Anyone else there (optional)" hint="For example: health visitor, grandmother" value=value(|e| e.others.clone())/>
            })}
            {(kind == EntryKind::Visit).then(|| view! {
                <Radios feedback name="child_seen_alone" legend="Were the children seen on their own?" inline=true options=vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())] value=seen_alone.clone()/>
            })}
            <TextArea feedback name="summary" label=if kind == EntryKind::MonthlySummary { "Monthly summary" } else { "What happened" } rows=8 value=value(|e| e.summary.clone())/>
            <div class="form-group">
                <div class="checkboxes">
                    <div class="checkboxes__item">
                        <input class="checkboxes__input" type="checkbox" id="significant" name="significant" value="true" checked=significant/>
                        <label class="checkboxes__label" for="significant">"Significant: add it to the chronology"</label>
                    </div>
                </div>
            </div>
            <SubmitButton label=if editing { "Save changes" } else { "Save" } busy_label="Saving…"/>
        </CheckedForm>
    }
    .into_any();
    let with_prompts = matches!(kind, EntryKind::Visit | EntryKind::Session);
    view! {
        <Title text=title.clone()/>
        <ErrorSummary feedback/>
        <p class="caption"><a href=back>{format!("The {} family: workbook", start.family_name)}</a></p>
        <h1>{title}</h1>
        {if with_prompts {
            view! { <ConversationPanel family=start.family.to_string()>{form}</ConversationPanel> }.into_any()
        } else {
            form
        }}
    }
}
