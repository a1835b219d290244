//! The case system's extract for administrators: what it is, the form to check it, and the
//! latest checks and imports.

use crate::api::imports::import_page;
use crate::components::extract_upload::ExtractUpload;
use crate::components::problem::Problem;
use crate::domain::plain_words::staff_time;
use crate::page_data::import::ImportsOverview;
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ImportsPage() -> impl IntoView {
    let page = Resource::new(|| (), |()| import_page());
    view! {
        <Title text="The case system's extract"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(page) => view! { <Imports page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Imports(page: ImportsOverview) -> impl IntoView {
    view! {
        <h1>"The case system's extract"</h1>
        <p>"Hearth takes from the council's case system its families and their people, the children's protection plans, closed episodes and who works with each family, from CSV files shaped like the Standard Safeguarding Dataset. It matches them by the case system's own ids, so the same files twice change nothing, and it never changes what practitioners wrote in Hearth."</p>
        <p>"Workers are matched by the "<strong>"case system worker ID"</strong>" on their "<a href=paths::ACCOUNTS>"staff account"</a>". Families held by no one with a Hearth account are left out."</p>
        <h2>"Check the files"</h2>
        <p>"A check reads every line and says what it would come to, and why any is refused. It changes nothing. You can then import the same files, all or nothing."</p>
        <ExtractUpload/>
        <Recent page/>
    }
}

#[component]
fn Recent(page: ImportsOverview) -> impl IntoView {
    if page.recent.is_empty() {
        return view! {
            <h2>"Checks and imports"</h2>
            <p>"No extract has been checked yet. Check the files above to start."</p>
        }
        .into_any();
    }
    let rows = page
        .recent
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td class="table__cell">{staff_time(r.made_at)}</td>
                    <td class="table__cell"><a href=paths::extract_report(r.id)>{if r.applied { "Import" } else { "Check" }}</a></td>
                    <td class="table__cell">{r.made_by}</td>
                    <td class="table__cell">{r.summary}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>"Checks and imports"</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="recent-caption">
            <table class="table">
                <caption class="table__caption visually-hidden" id="recent-caption">"Checks and imports, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"When"</th>
                        <th scope="col" class="table__header">"What"</th>
                        <th scope="col" class="table__header">"By"</th>
                        <th scope="col" class="table__header">"Lines"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
