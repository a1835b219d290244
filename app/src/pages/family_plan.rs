//! The plan on the family page, for the team: safety, goals in order, the child's voice and
//! what the family told us.

use crate::api::plan::family_plan;
use crate::components::family_words::WordsCard;
use crate::components::move_buttons::MoveButtons;
use crate::components::problem::Problem;
use crate::components::status_tag::StatusTag;
use crate::domain::goal::{describe_gap, Goal};
use crate::domain::ids::{FamilyId, HousesId, SafetyId};
use crate::domain::plan::ThreeHouses;
use crate::domain::rating::Scale;
use crate::page_data::plan::Plan;
use leptos::prelude::*;

#[component]
pub fn PlanSection(family: FamilyId) -> impl IntoView {
    let plan = Resource::new(|| (), move |_| family_plan(family.to_string()));
    view! {
        <Suspense fallback=|| view! { <p>"Loading the plan…"</p> }>
            {move || Suspend::new(async move {
                match plan.await {
                    Ok(plan) => view! { <PlanView plan/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlanView(plan: Plan) -> impl IntoView {
    let family = plan.family_id;
    let can_edit = plan.can_edit;
    let count = plan.goals.len();
    let names = plan.members.clone();
    let shared_names = move |ids: &[crate::domain::ids::MemberId]| -> String {
        let list: Vec<String> = ids
            .iter()
            .filter_map(|id| names.iter().find(|m| m.id == *id).map(|m| m.name.clone()))
            .collect();
        if list.is_empty() {
            "Nobody in the family".into()
        } else {
            list.join(", ")
        }
    };
    view! {
        <h2 id="plan">"Plan"</h2>
        <h3>"Danger statements and safety goals"</h3>
        {if plan.safety.is_empty() {
            view! { <p>"No danger statement written yet."</p> }.into_any()
        } else {
            plan.safety.iter().map(|s| {
                let edit = crate::paths::safety(family, s.id);
                view! {
                    <dl class="summary-list summary-list--card">
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"What we are worried about"</dt>
                            <dd class="summary-list__value">{s.danger.clone()}</dd>
                        </div>
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"What safe looks like"</dt>
                            <dd class="summary-list__value">{s.safety_goal.clone()}</dd>
                        </div>
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Family members who can see it"</dt>
                            <dd class="summary-list__value">{shared_names(&s.visible_to)}</dd>
                        </div>
                    </dl>
                    {can_edit.then(|| view! { <p class="no-print"><a href=edit>"Change this danger statement"</a></p> })}
                }
            }).collect_view().into_any()
        }}
        {can_edit.then(|| view! {
            <p><a class="button button--secondary" href=crate::paths::safety(family, SafetyId::new())>"Add a danger statement"</a></p>
        })}

        <h3>"Goals"</h3>
        {can_edit.then(|| view! {
            <p><a class="button" href=crate::paths::new_goal(family)>"Add a goal"</a></p>
        })}
        {if plan.goals.is_empty() {
            view! { <p>"No goals yet."</p> }.into_any()
        } else {
            view! {
                <ol class="card-list goal-list">
                    {plan.goals.iter().enumerate().map(|(i, goal)| view! {
                        <GoalCard family goal=goal.clone() first=i == 0 last=i + 1 == count can_edit/>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}

        <h2 id="childs-voice">"Child's voice"</h2>
        {can_edit.then(|| view! {
            <p><a class="button button--secondary" href=crate::paths::houses(family, HousesId::new())>"Record a child's Three Houses"</a></p>
        })}
        {if plan.houses.is_empty() {
            view! { <p>"No Three Houses recorded yet."</p> }.into_any()
        } else {
            plan.houses.into_iter().map(|houses| view! { <HousesCard houses/> }).collect_view().into_any()
        }}

        <h2 id="family-words">"What the family told us"</h2>
        <p class="hint">"Their words are kept exactly as written. You can reply; they see your reply on their page."</p>
        {if plan.family_words.is_empty() {
            view! { <p>"Nothing yet."</p> }.into_any()
        } else {
            view! {
                <ul class="card-list">
                    {plan.family_words.into_iter().map(|words| view! { <WordsCard words can_reply=can_edit/> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn GoalCard(
    family: FamilyId,
    goal: Goal,
    first: bool,
    last: bool,
    can_edit: bool,
) -> impl IntoView {
    let href = crate::paths::goal(family, goal.id);
    let latest = |scale| {
        goal.latest(scale)
            .map(|c| format!("{} on {}", c.score, c.given_on.format("%-d %b %Y")))
            .unwrap_or_else(|| "None yet".into())
    };
    let family_rating = latest(Scale::Family);
    let worker_rating = latest(Scale::Worker);
    let gap = goal.rating_gap().map(describe_gap);
    let next = goal.next_step().map(|s| {
        format!(
            "{} ({}), by {}",
            s.what,
            s.who_name,
            s.due_on.format("%-d %b %Y")
        )
    });
    view! {
        <li class="card goal-card">
            <p class="caption">{format!("{} · {}", goal.owner_name, goal.area.label())}</p>
            <h4 class="card__title"><a href=href>{goal.family_words.clone()}</a></h4>
            <p><StatusTag status=goal.status/>" Target date: "{goal.target_date.format("%-d %B %Y").to_string()}</p>
            <dl class="summary-list summary-list--compact">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Professional wording"</dt>
                    <dd class="summary-list__value">{goal.professional_words.clone()}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Next step"</dt>
                    <dd class="summary-list__value">{next.unwrap_or_else(|| "No open steps".into())}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Family's latest rating"</dt>
                    <dd class="summary-list__value">{family_rating}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Practitioner's latest rating"</dt>
                    <dd class="summary-list__value">{worker_rating}{gap.map(|g| view! { <br/><span class="hint">{g}</span> })}</dd>
                </div>
            </dl>
            {can_edit.then(|| view! { <MoveButtons family goal=goal.id.to_string() step=String::new() first last what=goal.family_words.clone()/> })}
        </li>
    }
}

#[component]
pub fn HousesCard(houses: ThreeHouses) -> impl IntoView {
    let house = |title: &'static str, class: &'static str, items: Vec<String>| {
        view! {
            <div class=format!("house {class}")>
                <h4 class="house__title">{title}</h4>
                {if items.is_empty() {
                    view! { <p class="hint">"Nothing said"</p> }.into_any()
                } else {
                    view! { <ul class="list list--bullet">{items.into_iter().map(|i| view! { <li>"“"{i}"”"</li> }).collect_view()}</ul> }.into_any()
                }}
            </div>
        }
    };
    view! {
        <section class="card houses" aria-label=format!("Three Houses for {}", houses.child_name)>
            <h3 class="card__title">{houses.child_name.clone()}</h3>
            <p class="caption">{format!("{}, recorded by {}", houses.recorded_on.format("%-d %B %Y"), houses.recorded_by)}</p>
            <div class="houses__grid">
                {house("House of worries", "house--worries", houses.worries)}
                {house("House of good things", "house--good", houses.good_things)}
                {house("House of dreams", "house--dreams", houses.dreams)}
            </div>
        </section>
    }
}
