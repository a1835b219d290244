//! One goal for the team: its details, steps, both rating series and the rulers, what the
//! family said about it, and the forms that change it in place.

use crate::api::plan::{load_goal, AddCheckIn, MarkStep, SaveStep, SetGoalStatus};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Checkboxes, Radios, ScaleRadios, Select};
use crate::components::family_words::WordsCard;
use crate::components::follow_ups::FollowUpFields;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::member_choices::{adult_choices, step_owner_choices};
use crate::components::move_buttons::MoveButtons;
use crate::components::problem::Problem;
use crate::components::progress_chart::ProgressChart;
use crate::components::prompt_panel::PromptPanel;
use crate::components::ruler_answer::RulerAnswer;
use crate::components::status_tag::StatusTag;
use crate::domain::family::MemberKind;
use crate::domain::goal::{GoalStatus, Step};
use crate::domain::ids::{CheckInId, FamilyId, GoalId, StepId};
use crate::domain::rating::Scale;
use crate::page_data::plan::GoalPage;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn GoalPagePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("goal").unwrap_or_default(),
            )
        },
        |(family, goal)| load_goal(family, goal),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading the goal…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <GoalView page/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GoalView(page: GoalPage) -> impl IntoView {
    let family = page.family_id;
    let goal = page.goal.clone();
    let base = crate::paths::goal(family, goal.id);
    let shared: Vec<String> = goal
        .visible_to
        .iter()
        .map(|id| {
            page.members
                .iter()
                .find(|m| m.id == *id)
                .map(|m| m.name.clone())
                .unwrap_or_default()
        })
        .collect();
    let rows = [
        ("Whose goal", goal.owner_name.clone()),
        ("Area", goal.area.label().to_string()),
        ("In the family's words", goal.family_words.clone()),
        ("Professional wording", goal.professional_words.clone()),
        (
            "Target date",
            goal.target_date.format("%-d %B %Y").to_string(),
        ),
        (
            "Stage of change",
            match &page.stage {
                Some(s) => format!(
                    "{} (noted {} by {})",
                    s.stage.label(),
                    s.noted_on.format("%-d %B %Y"),
                    s.noted_by
                ),
                None => "Not recorded yet".into(),
            },
        ),
        ("Change talk", page.talk_trend.clone()),
        (
            "Family members who can see it",
            if shared.is_empty() {
                "Nobody in the family".into()
            } else {
                shared.join(", ")
            },
        ),
    ];
    let step_count = goal.steps.len();
    let rulers: Vec<_> = goal
        .check_ins
        .iter()
        .filter(|c| matches!(c.scale, Scale::Importance | Scale::Confidence))
        .cloned()
        .collect();
    let can_edit = page.can_edit;
    view! {
        <Title text=goal.family_words.clone()/>
        <p class="caption"><a href=crate::paths::family_plan(family)>{format!("{} family", page.family_name)}</a>" · Goal"</p>
        <h1>{goal.family_words.clone()}</h1>
        <p><StatusTag status=goal.status/></p>
        <dl class="summary-list">
            {rows.into_iter().map(|(key, value)| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{key}</dt>
                    <dd class="summary-list__value">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
        {(!page.advice.is_empty()).then(|| view! {
            <div class="inset">
                <p><strong>"Plain words check of the family's wording (advice only):"</strong></p>
                <ul class="list list--bullet">{page.advice.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
            </div>
        })}
        <div class="button-group">
            {can_edit.then(|| view! { <a class="button" href=format!("{base}/edit")>"Change this goal"</a> })}
            <a class="button button--secondary" href=format!("{base}/change")>"Working on change"</a>
            <a class="button button--secondary" href=format!("{base}/history")>"See what changed"</a>
        </div>
        {can_edit.then(|| view! { <CloseOrReopen family goal=goal.id.to_string() status=goal.status/> })}

        <h2 id="steps">"Steps"</h2>
        {if goal.steps.is_empty() {
            view! { <p>"No steps yet."</p> }.into_any()
        } else {
            view! {
                <ol class="step-list">
                    {goal.steps.iter().enumerate().map(|(i, step)| view! {
                        <StepItem family goal=goal.id step=step.clone() first=i == 0 last=i + 1 == step_count can_edit/>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {can_edit.then(|| view! { <AddStep page=page.clone()/> })}

        <h2 id="progress">"Progress"</h2>
        <ProgressChart id="goal-chart".to_string() check_ins=goal.check_ins.clone() family_name="Family's ratings" worker_name="Practitioner's ratings"/>
        {goal.rating_gap().map(|gap| view! { <p><strong>{crate::domain::goal::describe_gap(gap)}</strong></p> })}

        <h3>"Importance and confidence"</h3>
        {if rulers.is_empty() {
            view! { <p>"No rulers recorded yet."</p> }.into_any()
        } else {
            view! {
                <ul class="ruler-list">
                    {rulers.into_iter().rev().take(6).map(|check_in| view! { <RulerAnswer check_in/> }).collect_view()}
                </ul>
            }.into_any()
        }}
        {can_edit.then(|| view! {
            <div class="with-panel">
                <div class="with-panel__main"><AddCheckIn page=page.clone()/></div>
                <PromptPanel offered=page.prompts.clone()/>
            </div>
        })}

        <h2 id="family-words">"What the family said about this goal"</h2>
        {if page.family_words.is_empty() {
            view! { <p>"Nothing yet."</p> }.into_any()
        } else {
            view! {
                <ul class="card-list">
                    {page.family_words.into_iter().map(|words| view! { <WordsCard words can_reply=can_edit/> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn CloseOrReopen(family: FamilyId, goal: String, status: GoalStatus) -> impl IntoView {
    let action = ServerAction::<SetGoalStatus>::new();
    let button = move |code: &'static str, label: &'static str, class: &'static str| {
        let goal = goal.clone();
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="family" value=family.to_string()/>
                <input type="hidden" name="goal" value=goal/>
                <input type="hidden" name="status" value=code/>
                <button type="submit" class=class>{label}</button>
            </ActionForm>
        }
    };
    view! {
        <div class="button-group">
            {if status.is_closed() {
                button(GoalStatus::OnTrack.code(), "Reopen this goal", "button button--secondary").into_any()
            } else {
                view! {
                    {button(GoalStatus::Achieved.code(), "Close: achieved", "button button--secondary")}
                    {button(GoalStatus::Stopped.code(), "Close: stopped", "button button--secondary")}
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn StepItem(
    family: FamilyId,
    goal: GoalId,
    step: Step,
    first: bool,
    last: bool,
    can_edit: bool,
) -> impl IntoView {
    let mark = ServerAction::<MarkStep>::new();
    let edit = crate::paths::step(family, goal, step.id);
    let which = format!(": {}", step.what);
    let which_done = which.clone();
    view! {
        <li class="step">
            <p class="step__what">{step.what.clone()}</p>
            <p class="caption">{format!("{} · by {}", step.who_name, step.due_on.format("%-d %B %Y"))}</p>
            <p>{if step.done {
                view! { <strong class="tag tag--green">"Done"</strong> }.into_any()
            } else {
                view! { <strong class="tag tag--grey">"Not done yet"</strong> }.into_any()
            }}</p>
            {can_edit.then(|| view! {
                <div class="button-group">
                    <ActionForm action=mark attr:class="inline-form">
                        <input type="hidden" name="step" value=step.id.to_string()/>
                        <input type="hidden" name="done" value=if step.done { "false" } else { "true" }/>
                        <button type="submit" class="button button--secondary button--small">
                            {if step.done { "Mark not done" } else { "Mark done" }}
                            <span class="visually-hidden">{which_done}</span>
                        </button>
                    </ActionForm>
                    <a class="button button--secondary button--small" href=edit>"Change"<span class="visually-hidden">{which}</span></a>
                    <MoveButtons family goal=goal.to_string() step=step.id.to_string() first last what=step.what.clone()/>
                </div>
            })}
        </li>
    }
}

#[component]
fn AddStep(page: GoalPage) -> impl IntoView {
    let feedback = Feedback::scoped::<SaveStep>("step-".into(), None);
    let members = page.members.clone();
    let today = page.today;
    let check = FormCheck::SaveStep { today, members };
    let owner_is_adult = page
        .members
        .iter()
        .any(|m| m.id == page.goal.owner && m.kind == MemberKind::Adult);
    let checked = if owner_is_adult {
        vec![page.goal.owner.to_string()]
    } else {
        vec![]
    };
    view! {
        <section class="no-print" aria-labelledby="add-step">
        <h3 id="add-step">"Add a step"</h3>
        <ErrorSummary feedback/>
        <CheckedForm action=SaveStep::url() check feedback class="panel">
            <input type="hidden" name="family" value=page.family_id.to_string()/>
            <input type="hidden" name="goal" value=page.goal.id.to_string()/>
            <input type="hidden" name="step" value=StepId::new().to_string()/>
            <input type="hidden" name="version" value=""/>
            <Select feedback name="who" label="Who will do it" options=step_owner_choices(&page.members)/>
            <TextField feedback name="what" label="What they will do" hint="In words the family will understand"/>
            <TextField feedback name="due_on" label="By when" kind="date" width="width-10"/>
            <Checkboxes feedback name="visible_to" legend="Who in the family can see this step" hint="A family member sees a step only if they can also see the goal." options=adult_choices(&page.members) checked/>
            <SubmitButton label="Add step" busy_label="Adding…"/>
        </CheckedForm>
        </section>
    }
}

#[component]
fn AddCheckIn(page: GoalPage) -> impl IntoView {
    let feedback = Feedback::scoped::<AddCheckIn>("rating-".into(), None);
    let today = page.today;
    let check = FormCheck::AddCheckIn { today };
    let owner = page.goal.owner_name.clone();
    let scales = Scale::ALL
        .iter()
        .map(|s| {
            let label = match s {
                Scale::Family => format!("{owner}'s own rating of progress"),
                Scale::Worker => "My rating of progress".to_string(),
                Scale::Importance => format!("Importance ruler ({owner})"),
                Scale::Confidence => format!("Confidence ruler ({owner})"),
            };
            (s.code().to_string(), label)
        })
        .collect();
    view! {
        <section class="no-print" aria-labelledby="add-rating">
        <h3 id="add-rating">"Record a rating"</h3>
        <ErrorSummary feedback/>
        <CheckedForm action=AddCheckIn::url() check feedback class="panel">
            <input type="hidden" name="family" value=page.family_id.to_string()/>
            <input type="hidden" name="goal" value=page.goal.id.to_string()/>
            <input type="hidden" name="check_in" value=CheckInId::new().to_string()/>
            <Radios feedback name="scale" legend="Which scale" options=scales value=Scale::Worker.code().to_string()/>
            <ScaleRadios feedback legend="Rating from 0 to 10" hint="0 means nothing has changed yet; 10 means the goal is reached."/>
            <TextField feedback name="given_on" label="Date given" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
            <TextArea feedback name="comment" label="Comment (optional)" rows=3/>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"For the importance and confidence rulers: the follow-ups"</legend>
                <div class="hint">"Ask them, and write the answers in their words. Never ask why the number is not higher."</div>
                <FollowUpFields feedback/>
            </fieldset>
            <SubmitButton label="Save rating" busy_label="Saving…"/>
        </CheckedForm>
        </section>
    }
}
