//! One workbook entry with its history: earlier text stays visible, with who changed it and when.

use crate::api::workbook::load_entry;
use crate::components::change_timeline::ChangeTimeline;
use crate::components::family_nav::FamilyNav;
use crate::components::problem::Problem;
use crate::page_data::workbook::EntryPage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EntryPagePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("entry").unwrap_or_default(),
            )
        },
        |(family, entry)| load_entry(family, entry),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <EntryView page/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EntryView(page: EntryPage) -> impl IntoView {
    let entry = page.entry.clone();
    let family = page.family_id;
    let title = format!(
        "{} on {}",
        entry.kind.label(),
        entry.occurred_on.format("%A %-d %B %Y")
    );
    let people: Vec<String> = entry
        .people
        .iter()
        .filter_map(|id| {
            page.people
                .iter()
                .find(|p| p.id == *id)
                .map(|p| p.name.clone())
        })
        .collect();
    let mut rows = vec![
        ("Chapter", entry.chapter.label().to_string()),
        ("Recorded by", entry.author_name.clone()),
        ("Period", entry.period.to_string()),
    ];
    if !people.is_empty() {
        rows.push(("Family members there", people.join(", ")));
    }
    if !entry.others.is_empty() {
        rows.push(("Also there", entry.others.clone()));
    }
    if !entry.place.is_empty() {
        rows.push(("Where", entry.place.clone()));
    }
    if let Some(alone) = entry.child_seen_alone {
        rows.push((
            "Children seen on their own",
            if alone { "Yes" } else { "No" }.into(),
        ));
    }
    rows.push((
        "Significant",
        if entry.significant {
            "Yes: in the chronology"
        } else {
            "No"
        }
        .into(),
    ));
    view! {
        <Title text=title.clone()/>
        <p class="caption">{format!("The {} family", page.family_name)}</p>
        <h1>{title}</h1>
        <FamilyNav family current="Workbook"/>
        <dl class="summary-list">
            {rows.into_iter().map(|(k, v)| view! {
                <div class="summary-list__row"><dt class="summary-list__key">{k}</dt><dd class="summary-list__value">{v}</dd></div>
            }).collect_view()}
        </dl>
        <h2>{if entry.kind == crate::domain::workbook::EntryKind::MonthlySummary { "Summary" } else { "What happened" }}</h2>
        <p class="entry__summary">{entry.summary.clone()}</p>
        {page.can_edit.then(|| view! {
            <p><a class="button" href=crate::paths::edit_entry(family, entry.id)>"Change this entry"</a></p>
        })}
        <h2>"History"</h2>
        <ChangeTimeline changes=page.history nested=true/>
    }
}
