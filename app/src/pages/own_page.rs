use crate::api::own_page::load_own_page;
use crate::api::own_plan::{RateGoal, TellWorker};
use crate::api::plan::MarkStep;
use crate::components::checked_form::CheckedForm;
use crate::components::choice::ScaleRadios;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::components::progress_chart::ProgressChart;
use crate::domain::goal::{Goal, StepWho};
use crate::domain::ids::{CheckInId, CommentId, GoalId, MemberId};
use crate::domain::plain_words::{family_date, family_time};
use crate::domain::plan::FamilyWords;
use crate::page_data::own_page::{ChildForFamily, OwnPage};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// A family member's own page, in plain words (DOMAIN.md §6).
#[component]
pub fn OwnPagePage() -> impl IntoView {
    let page = Resource::new(|| (), |_| load_own_page());
    view! {
        <Suspense fallback=|| view! { <p>"Loading your page…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <OwnPageView page/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OwnPageView(page: OwnPage) -> impl IntoView {
    let greeting = format!("Hello, {}", page.given_name);
    if let Some(message) = page.ended {
        return view! {
            <Title text="Your page"/>
            <h1>{greeting}</h1>
            <div class="panel"><p>{message}</p></div>
        }
        .into_any();
    }
    let me = page.member_id;
    view! {
        <Title text="Your page"/>
        <h1>{greeting}</h1>
        <p class="lead">"This is your page in Hearth. Only you and the team working with your family can see it."</p>
        <WhatChanged changes=page.changes.clone() last_looked=page.last_looked/>

        <h2>"Who is helping you"</h2>
        {match page.social_worker {
            Some(name) => view! { <p>"Your social worker is " <strong>{name}</strong> "."</p> }.into_any(),
            None => view! { <p>"You do not have a social worker named yet."</p> }.into_any(),
        }}
        <p>"You can talk to them about anything on this page."</p>

        <h2 id="goals">"Your goals"</h2>
        {if page.goals.is_empty() {
            view! { <p>"You and your worker will write your goals together, in your own words. You will see them here, with your next steps."</p> }.into_any()
        } else {
            view! {
                <ul class="card-list">
                    {page.goals.into_iter().map(|goal| view! { <OwnGoal goal me/> }).collect_view()}
                </ul>
            }.into_any()
        }}

        {(!page.safety.is_empty()).then(|| view! {
            <h2>"Keeping everyone safe"</h2>
            {page.safety.into_iter().map(|(danger, safe)| view! {
                <dl class="summary-list summary-list--card">
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"What safe looks like"</dt>
                        <dd class="summary-list__value">{safe}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"What we are worried about"</dt>
                        <dd class="summary-list__value">{danger}</dd>
                    </div>
                </dl>
            }).collect_view()}
        })}

        <h2 id="words">"What I want my worker to know"</h2>
        <TellWorkerForm goal=None/>
        {(!page.words.is_empty()).then(|| view! {
            <h3>"What you have told us"</h3>
            <ul class="card-list">
                {page.words.into_iter().map(|words| view! { <OwnWords words/> }).collect_view()}
            </ul>
        })}

        {(!page.children.is_empty()).then(|| view! {
            <h2>"Your children"</h2>
            <ul class="card-list">
                {page.children.into_iter().map(|child| view! { <ChildCard child/> }).collect_view()}
            </ul>
        })}
        <p class="no-print hint">"To keep a paper copy, use your browser's Print option. The printout leaves out the forms."</p>
    }
    .into_any()
}

/// "What changed since you last looked", in plain words.
#[component]
fn WhatChanged(changes: Option<Vec<String>>, last_looked: Option<i64>) -> impl IntoView {
    let changes = changes?;
    let when = last_looked.map(family_time).unwrap_or_default();
    Some(if changes.is_empty() {
        view! { <p class="hint">{format!("Nothing has changed in your plan since you last looked ({when}).")}</p> }.into_any()
    } else {
        view! {
            <div class="banner" role="region" aria-labelledby="changed-title">
                <div class="banner__header"><h2 class="banner__title" id="changed-title">"What changed since you last looked"</h2></div>
                <div class="banner__content">
                    <p class="caption">{format!("You last looked {when}.")}</p>
                    <ul class="list list--bullet">{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                </div>
            </div>
        }
        .into_any()
    })
}

#[component]
fn OwnGoal(goal: Goal, me: MemberId) -> impl IntoView {
    let next = goal
        .next_step()
        .map(|s| format!("{} (by {})", s.what, family_date(s.due_on)));
    let anchor = format!("goal-{}", goal.id);
    let title_id = format!("{anchor}-title");
    view! {
        <li class="card own-goal" id=anchor.clone()>
            <p class="caption">{goal.area.label()}</p>
            <h3 class="card__title" id=title_id>{goal.family_words.clone()}</h3>
            <p><strong class=goal.status.tag_class()>{goal.status.for_families()}</strong></p>
            <dl class="summary-list summary-list--compact">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Next step"</dt>
                    <dd class="summary-list__value">{next.unwrap_or_else(|| "No steps left to do".into())}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"When we hope to get there"</dt>
                    <dd class="summary-list__value">{family_date(goal.target_date)}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"How your worker describes it"</dt>
                    <dd class="summary-list__value">{goal.professional_words.clone()}</dd>
                </div>
            </dl>
            {(!goal.steps.is_empty()).then(|| view! {
                <h4>"Steps"</h4>
                <ul class="step-list">
                    {goal.steps.iter().map(|step| {
                        let mine = step.who == StepWho::Member(me);
                        let who = if mine { "You".to_string() } else { step.who_name.clone() };
                        view! {
                            <li class="step">
                                <p class="step__what">{step.what.clone()}</p>
                                <p class="caption">{format!("{who}, by {}", family_date(step.due_on))}</p>
                                <p>{if step.done {
                                    view! { <strong class="tag tag--green">"Done"</strong> }.into_any()
                                } else {
                                    view! { <strong class="tag tag--grey">"Not done yet"</strong> }.into_any()
                                }}</p>
                                {mine.then(|| view! { <MarkOwnStep step=step.id.to_string() done=step.done what=step.what.clone()/> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <h4>"How it is going"</h4>
            <ProgressChart id=format!("{anchor}-chart") check_ins=goal.check_ins.clone() family_name="Your ratings" worker_name="Your worker's ratings"/>
            <RateGoalForm goal=goal.id/>
            <p><a class="button button--secondary" href=crate::paths::own_goal(goal.id)>"Make your own plan for this goal"</a></p>
            <TellWorkerForm goal=Some(goal.id)/>
        </li>
    }
}

#[component]
fn MarkOwnStep(step: String, done: bool, what: String) -> impl IntoView {
    let action = ServerAction::<MarkStep>::new();
    view! {
        <ActionForm action attr:class="inline-form no-print">
            <input type="hidden" name="step" value=step/>
            <input type="hidden" name="done" value=if done { "false" } else { "true" }/>
            <button type="submit" class="button button--secondary button--small">
                {if done { "I have not done this yet" } else { "I have done this" }}
                <span class="visually-hidden">{format!(": {what}")}</span>
            </button>
        </ActionForm>
    }
}

#[component]
fn RateGoalForm(goal: GoalId) -> impl IntoView {
    let feedback =
        Feedback::scoped::<RateGoal>(format!("rate-{goal}-"), Some(("goal", goal.to_string())));
    let check = FormCheck::RateGoal;
    view! {
        <details class="details no-print" open=move || feedback.error.with(Option::is_some)>
            <summary class="details__summary">"Give your own rating"</summary>
            <ErrorSummary feedback/>
            <CheckedForm action=RateGoal::url() check feedback>
                <input type="hidden" name="goal" value=goal.to_string()/>
                <input type="hidden" name="check_in" value=CheckInId::new().to_string()/>
                <ScaleRadios feedback legend="Where are things now, from 0 to 10?" hint="0 means nothing has changed yet. 10 means you have reached your goal."/>
                <TextArea feedback name="comment" label="Anything you want to say about it? (you can leave this empty)" rows=3/>
                <SubmitButton label="Save my rating" busy_label="Saving…"/>
            </CheckedForm>
        </details>
    }
}

#[component]
fn TellWorkerForm(goal: Option<GoalId>) -> impl IntoView {
    let key = goal.map(|g| g.to_string()).unwrap_or_default();
    let prefix = match goal {
        Some(g) => format!("tell-{g}-"),
        None => "tell-".to_string(),
    };
    let feedback = Feedback::scoped::<TellWorker>(prefix, Some(("goal", key.clone())));
    let check = FormCheck::TellWorker;
    let form = view! {
        <ErrorSummary feedback/>
        <CheckedForm action=TellWorker::url() check feedback>
            <input type="hidden" name="words" value=CommentId::new().to_string()/>
            <input type="hidden" name="goal" value=key/>
            <TextArea feedback name="body" label=if goal.is_some() { "What do you want your worker to know about this goal?" } else { "What do you want your worker to know?" } hint="Your worker and their team will read it. They will not change your words." rows=3/>
            <SubmitButton label="Send to my worker" busy_label="Sending…"/>
        </CheckedForm>
    };
    match goal {
        Some(_) => view! {
            <details class="details no-print" open=move || feedback.error.with(Option::is_some)>
                <summary class="details__summary">"Tell your worker something about this goal"</summary>
                {form}
            </details>
        }
        .into_any(),
        None => view! { <div class="no-print">{form}</div> }.into_any(),
    }
}

#[component]
fn OwnWords(words: FamilyWords) -> impl IntoView {
    view! {
        <li class="card words">
            <p class="caption">
                {format!("You wrote, {}", family_time(words.at))}
                {words.goal_title.map(|t| format!(" · about “{t}”"))}
            </p>
            <blockquote class="words__body">{words.body}</blockquote>
            {words.replies.into_iter().map(|r| view! {
                <div class="words__reply">
                    <p class="caption">{format!("{} replied, {}", r.author_name, family_time(r.at))}</p>
                    <p>{r.body}</p>
                </div>
            }).collect_view()}
        </li>
    }
}

#[component]
fn ChildCard(child: ChildForFamily) -> impl IntoView {
    view! {
        <li class="card">
            <h3 class="card__title">{child.given_name}</h3>
            {child.age.map(|age| view! { <p>{age}</p> })}
            {child.status.map(|status| view! { <p>{status}</p> })}
        </li>
    }
}
