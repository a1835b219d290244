//! A goal's history as readable differences: who changed what, when and why.

use crate::api::plan::load_goal_history;
use crate::components::change_timeline::ChangeTimeline;
use crate::components::problem::Problem;
use crate::page_data::plan::GoalHistory;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn GoalHistoryPage() -> impl IntoView {
    let params = use_params_map();
    let history = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("goal").unwrap_or_default(),
            )
        },
        |(family, goal)| load_goal_history(family, goal),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the history…"</p> }>
            {move || Suspend::new(async move {
                match history.await {
                    Ok(history) => view! { <HistoryView history/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HistoryView(history: GoalHistory) -> impl IntoView {
    let back = crate::paths::goal(history.family_id, history.goal_id);
    view! {
        <Title text="What changed"/>
        <p class="caption"><a href=back>{format!("Back to “{}”", history.goal_title)}</a></p>
        <h1>"What changed"</h1>
        <p class="lead">{format!("Every change to “{}” and its steps, newest first.", history.goal_title)}</p>
        <ChangeTimeline changes=history.changes/>
    }
}
