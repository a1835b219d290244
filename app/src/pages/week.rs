//! "My week": what is due and overdue across a practitioner's families, soonest first.

use crate::api::workbook::load_week;
use crate::components::mark_action::MarkActionForm;
use crate::components::problem::Problem;
use crate::domain::due::Urgency;
use crate::page_data::workbook::Week;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn WeekPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| load_week());
    view! {
        <Suspense fallback=|| view! { <p>"Loading your week…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(week) => view! { <WeekView week/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn WeekView(week: Week) -> impl IntoView {
    let overdue = week
        .items
        .iter()
        .filter(|i| i.urgency == Urgency::Overdue)
        .count();
    view! {
        <Title text="My week"/>
        <h1>"My week"</h1>
        <p class="lead">{format!("{} things due, {overdue} overdue.", week.items.len())}</p>
        {if week.items.is_empty() {
            view! { <p>"Nothing is due."</p> }.into_any()
        } else {
            view! {
                <ul class="card-list">
                    {week.items.into_iter().map(|item| {
                        let class = match item.urgency {
                            Urgency::Overdue => "tag tag--red",
                            Urgency::DueToday | Urgency::DueSoon => "tag tag--yellow",
                            Urgency::Later => "tag tag--grey",
                        };
                        view! {
                            <li class="card due-card">
                                <p><strong class=class>{item.when.clone()}</strong></p>
                                <h2 class="card__title">{item.due.what.clone()}</h2>
                                <p><a href=crate::paths::workbook(item.family_id)>{format!("The {} family", item.family_name)}</a></p>
                                {item.action.map(|id| view! { <MarkActionForm action=id.to_string() done=false what=item.due.what.clone()/> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
