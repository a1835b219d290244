//! The chronology: every significant entry across chapters and periods, newest first, filtered
//! by child, chapter and date, and downloadable as CSV. A plain GET form, so it works anywhere.

use crate::api::workbook::load_chronology;
use crate::components::family_nav::FamilyNav;
use crate::components::problem::Problem;
use crate::page_data::workbook::Chronology;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ChronologyPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new(
        move || {
            let q = query.read();
            let get = |k: &str| q.get(k).unwrap_or_default();
            (
                params.read().get("id").unwrap_or_default(),
                get("child"),
                get("chapter"),
                get("from"),
                get("to"),
            )
        },
        |(family, child, chapter, from, to)| load_chronology(family, child, chapter, from, to),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the chronology…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(chronology) => view! { <ChronologyView chronology/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChronologyView(chronology: Chronology) -> impl IntoView {
    let family = chronology.family_id;
    let filter = chronology.filter.clone();
    let query = filter.query();
    let csv = crate::paths::chronology_csv(chronology.family_id, &query);
    let date_value = |d: Option<chrono::NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let count = chronology.rows.len();
    view! {
        <Title text=format!("The {} family: chronology", chronology.family_name)/>
        <p class="caption">{format!("The {} family", chronology.family_name)}</p>
        <h1>"Chronology"</h1>
        <FamilyNav family current="Chronology"/>
        <p class="lead">"Every entry flagged significant, newest first."</p>
        <form method="get" class="panel filter-form">
            <div class="form-group">
                <label class="label" for="child">"Child"</label>
                <select class="select" id="child" name="child">
                    <option value="">"All children"</option>
                    {chronology.children.iter().map(|c| view! {
                        <option value=c.id.to_string() selected=filter.child == Some(c.id)>{c.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="chapter">"Area (chapter)"</label>
                <select class="select" id="chapter" name="chapter">
                    <option value="">"All chapters"</option>
                    {chronology.chapters.iter().map(|r| view! {
                        <option value=r.code() selected=filter.chapter == Some(*r)>{r.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="form-group">
                <label class="label" for="from">"From"</label>
                <input class="input input--width-10" type="date" id="from" name="from" value=date_value(filter.from)/>
            </div>
            <div class="form-group">
                <label class="label" for="to">"To"</label>
                <input class="input input--width-10" type="date" id="to" name="to" value=date_value(filter.to)/>
            </div>
            <button type="submit" class="button button--secondary">"Filter"</button>
        </form>
        <p><a class="button" href=csv download>"Download as CSV"</a></p>
        <p>{format!("{count} significant entries")}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="chronology-caption">
            <table class="table">
                <caption class="table__caption visually-hidden" id="chronology-caption">"Significant entries, newest first"</caption>
                <thead><tr>
                    <th scope="col" class="table__header">"Date"</th>
                    <th scope="col" class="table__header">"Chapter"</th>
                    <th scope="col" class="table__header">"What happened"</th>
                </tr></thead>
                <tbody>
                    {chronology.rows.into_iter().map(|row| view! {
                        <tr>
                            <td class="table__cell">{row.occurred_on.format("%-d %b %Y").to_string()}</td>
                            <td class="table__cell">{format!("{} ({})", row.chapter.label(), row.kind.label().to_lowercase())}</td>
                            <td class="table__cell">
                                <a href=crate::paths::entry(family, row.entry_id)>{row.summary.chars().take(160).collect::<String>()}</a>
                                {(!row.people.is_empty()).then(|| view! { <br/><span class="hint">{row.people.join(", ")}</span> })}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
