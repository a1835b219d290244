//! What one check or import of the case system's extract came to: counts per file, then the
//! lines themselves, refused ones first. After a check, the form to import the same files.

use crate::api::imports::extract_report;
use crate::components::extract_upload::ExtractUpload;
use crate::components::problem::Problem;
use crate::domain::plain_words::staff_time;
use crate::page_data::import::{ExtractReportView, FileReport, LineOutcome};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Lines listed per outcome and file; the command line prints them all.
const SHOWN: usize = 200;

#[component]
pub fn ExtractReportPage() -> impl IntoView {
    let params = use_params_map();
    let report = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        extract_report,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the report…"</p> }>
            {move || Suspend::new(async move {
                match report.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(report) => view! { <Report report/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Report(report: ExtractReportView) -> impl IntoView {
    let title = if report.applied {
        "Import of the case system's extract"
    } else {
        "Check of the case system's extract"
    };
    let refused = report.report.count(LineOutcome::Refused);
    let outcome = if report.applied {
        view! {
            <div class="panel" role="status">
                <h2>"Imported"</h2>
                <p>"Every line below was applied together, in one transaction."</p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="inset">
                <p>"This was a check: nothing in Hearth has changed."</p>
                {(refused > 0).then(|| view! { <p>{format!("{refused} lines are refused, for the reasons given. Importing leaves them out; correct them in the case system and they come with a later extract.")}</p> })}
            </div>
            <h2>"Import these files"</h2>
            <p>"Hearth does not keep the files. To import exactly what is below, choose the same files again within 24 hours. If Hearth has changed since this check, nothing is imported and you get a new check."</p>
            <ExtractUpload apply=true/>
        }
        .into_any()
    };
    let counts = report
        .report
        .files
        .iter()
        .map(|f| {
            let cells = LineOutcome::ALL
                .iter()
                .map(|o| view! { <td class="table__cell table__cell--numeric">{f.count(*o)}</td> })
                .collect_view();
            view! { <tr><th scope="row" class="table__header">{f.name.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let headers = LineOutcome::ALL
        .iter()
        .map(|o| view! { <th scope="col" class="table__header table__header--numeric">{o.label()}</th> })
        .collect_view();
    let files = report
        .report
        .files
        .clone()
        .into_iter()
        .map(|file| view! { <FileLines file/> })
        .collect_view();
    view! {
        <Title text=title/>
        <p><a href=paths::IMPORTS>"Back to the case system's extract"</a></p>
        <h1>{title}</h1>
        <p>{format!("By {} on {}.", report.made_by, staff_time(report.made_at))}</p>
        {outcome}
        <h2>"Lines by file"</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="counts-caption">
            <table class="table">
                <caption class="table__caption visually-hidden" id="counts-caption">"How many lines of each file came to what"</caption>
                <thead><tr><th scope="col" class="table__header">"File"</th>{headers}</tr></thead>
                <tbody>{counts}</tbody>
            </table>
        </div>
        {files}
    }
}

#[component]
fn FileLines(file: FileReport) -> impl IntoView {
    // Refused first: they are what someone has to act on.
    let order = [
        LineOutcome::Refused,
        LineOutcome::Added,
        LineOutcome::Changed,
        LineOutcome::Skipped,
        LineOutcome::Unchanged,
    ];
    let sections = order
        .into_iter()
        .filter(|o| file.count(*o) > 0)
        .map(|outcome| {
            let lines: Vec<_> = file.lines.iter().filter(|l| l.outcome == outcome).collect();
            let more = lines.len().saturating_sub(SHOWN);
            let items = lines
                .iter()
                .take(SHOWN)
                .map(|l| view! {
                    <li><strong>{format!("Line {}", l.line)}</strong>{format!(", {}: {}", l.id, l.words)}</li>
                })
                .collect_view();
            let count = match lines.len() {
                1 => "1 line".to_string(),
                n => format!("{n} lines"),
            };
            view! {
                <details class="details" open=outcome == LineOutcome::Refused>
                    <summary class="details__summary">{format!("{}: {count}", outcome.label())}</summary>
                    <ul class="list report-lines">{items}</ul>
                    {(more > 0).then(|| view! { <p>{format!("and {more} more, which `hearth import` prints in full")}</p> })}
                </details>
            }
        })
        .collect_view();
    view! {
        <h2>{file.name.clone()}</h2>
        {if file.lines.is_empty() { Some(view! { <p>"No lines."</p> }) } else { None }}
        {sections}
    }
}
