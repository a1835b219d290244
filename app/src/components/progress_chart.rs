//! Both rating series of a goal over time: an SVG drawn on the server, its meaning in words,
//! and the numbers in a table for anyone who prefers them (or prints the page).

use crate::domain::chart::{self, chart, describe, polyline, y_of};
use crate::domain::rating::{CheckIn, Scale};
use leptos::prelude::*;

/// `family_name` and `worker_name` say whose series is whose, in the reader's words
/// ("Your ratings", "Kelly's ratings").
#[component]
pub fn ProgressChart(
    id: String,
    check_ins: Vec<CheckIn>,
    family_name: &'static str,
    worker_name: &'static str,
) -> impl IntoView {
    let family: Vec<&CheckIn> = check_ins
        .iter()
        .filter(|c| c.scale == Scale::Family)
        .collect();
    let worker: Vec<&CheckIn> = check_ins
        .iter()
        .filter(|c| c.scale == Scale::Worker)
        .collect();
    let summary = format!(
        "{} {}",
        describe(family_name, &family),
        describe(worker_name, &worker)
    );
    let Some(placed) = chart(&[family.clone(), worker.clone()]) else {
        return view! { <p class="hint">"No ratings yet."</p> }.into_any();
    };
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let grid = [0u8, 5, 10]
        .into_iter()
        .map(|score| {
            let y = y_of(score);
            view! {
                <line class="chart__grid" x1=chart::LEFT y1=y x2=chart::WIDTH - chart::RIGHT y2=y/>
                <text class="chart__label" x=chart::LEFT - 6 y=y + 4 text-anchor="end">{score}</text>
            }
        })
        .collect_view();
    let dates = view! {
        <text class="chart__label" x=chart::LEFT y=chart::HEIGHT - 6 text-anchor="start">{placed.first.format("%-d %b").to_string()}</text>
        <text class="chart__label" x=chart::WIDTH - chart::RIGHT y=chart::HEIGHT - 6 text-anchor="end">{placed.last.format("%-d %b").to_string()}</text>
    };
    // The family's series is solid with circles, the worker's dashed with squares: told apart
    // without colour.
    let lines = placed
        .series
        .iter()
        .enumerate()
        .map(|(i, points)| {
            let class = if i == 0 { "chart__line chart__line--family" } else { "chart__line chart__line--worker" };
            let marks = points
                .iter()
                .map(|p| {
                    if i == 0 {
                        view! { <circle class="chart__mark chart__mark--family" cx=p.x cy=p.y r="4"/> }.into_any()
                    } else {
                        view! { <rect class="chart__mark chart__mark--worker" x=p.x - 3 y=p.y - 3 width="7" height="7"/> }.into_any()
                    }
                })
                .collect_view();
            view! { <polyline class=class points=polyline(points)/> {marks} }
        })
        .collect_view();
    let rows =
        {
            let mut all: Vec<&CheckIn> = family.iter().chain(worker.iter()).copied().collect();
            all.sort_by_key(|c| c.given_on);
            all.into_iter()
            .map(|c| {
                let whose = if c.scale == Scale::Family { family_name } else { worker_name };
                view! {
                    <tr>
                        <td class="table__cell">{c.given_on.format("%-d %b %Y").to_string()}</td>
                        <td class="table__cell">{whose}</td>
                        <td class="table__cell table__cell--numeric">{c.score}</td>
                        <td class="table__cell">{c.comment.clone()}</td>
                    </tr>
                }
            })
            .collect_view()
        };
    view! {
        <figure class="chart">
            <svg class="chart__svg" viewBox=format!("0 0 {} {}", chart::WIDTH, chart::HEIGHT) role="img" aria-labelledby=format!("{title_id} {desc_id}")>
                <title id=title_id.clone()>"Ratings from 0 to 10 over time"</title>
                <desc id=desc_id.clone()>{summary.clone()}</desc>
                {grid}
                {dates}
                {lines}
            </svg>
            <figcaption class="chart__key">
                <span class="chart__key-item"><span class="chart__swatch chart__swatch--family" aria-hidden="true"></span>{family_name}" (solid line, circles)"</span>
                <span class="chart__key-item"><span class="chart__swatch chart__swatch--worker" aria-hidden="true"></span>{worker_name}" (dashed line, squares)"</span>
            </figcaption>
            <p class="chart__summary">{summary}</p>
            <details class="details chart__table">
                <summary class="details__summary">"Show the ratings as a table"</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby=format!("{id}-caption")>
                    <table class="table">
                        <caption class="visually-hidden" id=format!("{id}-caption")>"Every rating, oldest first"</caption>
                        <thead><tr>
                            <th scope="col" class="table__header">"Date"</th>
                            <th scope="col" class="table__header">"Whose"</th>
                            <th scope="col" class="table__header table__header--numeric">"Rating"</th>
                            <th scope="col" class="table__header">"Comment"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
    .into_any()
}
