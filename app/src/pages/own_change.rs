//! A family member's own plan for one of their goals, made for a phone: how important the
//! change is to them and how sure they feel, their change plan in their own words, and the
//! good and less good things about changing. Their worker's notes sit beside their words.

use crate::api::own_change::{load_own_change_work, AddOwnBalanceItem, GiveRuler, SaveChangePlan};
use crate::components::balance_boxes::{BalanceBoxes, Remover};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Radios, ScaleRadios};
use crate::components::follow_ups::FollowUpFields;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::goal::Goal;
use crate::domain::ids::{BalanceItemId, ChangePlanWordsId, CheckInId, GoalId};
use crate::domain::mi::balance::Quadrant;
use crate::domain::mi::change_plan::{latest_answers, ChangePlan, PlanPart};
use crate::domain::rating::Scale;
use crate::page_data::change_work::OwnChangeWork;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OwnChangePage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("goal").unwrap_or_default(),
        load_own_change_work,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading your plan…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(work) => view! { <OwnChangeView work/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn OwnChangeView(work: OwnChangeWork) -> impl IntoView {
    let goal = work.goal.id;
    let mine = work.mine;
    // After a save the page shows it: with or without JavaScript, the parent sees it was kept.
    let last_saved = mine.plan.answers.last().map(|w| {
        format!(
            "You last saved your plan on {}.",
            w.written_on.format("%A %-d %B %Y")
        )
    });
    view! {
        <Title text="Your plan for this goal"/>
        <p><a class="link" href="/me">"Back to your page"</a></p>
        <h1>"Your plan for this goal"</h1>
        <p class="lead family-words">{work.goal.family_words.clone()}</p>
        <section aria-labelledby="rulers">
            <h2 id="rulers">"How you feel about it"</h2>
            <RulerForm goal=work.goal.clone() scale=Scale::Importance/>
            <RulerForm goal=work.goal.clone() scale=Scale::Confidence/>
        </section>
        <section aria-labelledby="my-plan">
            <h2 id="my-plan">"My change plan"</h2>
            <p>"Write it in your own words. Only you and your workers can see it. Your worker may add a note beside what you write. They will never change your words."</p>
            {last_saved.map(|l| view! { <p class="caption" id="plan-saved">{l}</p> })}
            <PlanForm goal plan=mine.plan/>
        </section>
        <section aria-labelledby="balance">
            <h2 id="balance">"Good and less good things"</h2>
            <p>"Thinking about both sides can help you decide. There are no wrong answers."</p>
            <BalanceBoxes items=mine.balance remover=Remover::Own(goal)/>
            <OwnItemForm goal/>
        </section>
    }
}

/// One ruler: the number, then the two follow-ups in their own words.
#[component]
fn RulerForm(goal: Goal, scale: Scale) -> impl IntoView {
    let feedback = Feedback::scoped::<GiveRuler>(
        format!("{}-", scale.code()),
        Some(("scale", scale.code().to_string())),
    );
    let check = FormCheck::GiveRuler;
    let (heading, legend) = match scale {
        Scale::Importance => (
            "How important is this to you?",
            "From 0 (not at all) to 10 (the most important thing)",
        ),
        _ => (
            "How sure are you that you can do it?",
            "From 0 (not at all sure) to 10 (completely sure)",
        ),
    };
    let last = goal.latest(scale).map(|c| {
        format!(
            "Last time you said {} on {}.",
            c.score,
            c.given_on.format("%A %-d %B")
        )
    });
    view! {
        <h3>{heading}</h3>
        {last.map(|l| view! { <p class="caption">{l}</p> })}
        <ErrorSummary feedback/>
        <CheckedForm action=GiveRuler::url() check feedback class="panel">
            <input type="hidden" name="goal" value=goal.id.to_string()/>
            <input type="hidden" name="check_in" value=CheckInId::new().to_string()/>
            <input type="hidden" name="scale" value=scale.code()/>
            <ScaleRadios feedback legend/>
            <FollowUpFields feedback/>
            <SubmitButton label="Save" busy_label="Saving…"/>
        </CheckedForm>
    }
}

#[component]
fn PlanForm(goal: GoalId, plan: ChangePlan) -> impl IntoView {
    let feedback = Feedback::scoped::<SaveChangePlan>("plan-".into(), None);
    let version = plan.version().to_string();
    let saved = plan.clone();
    let check = FormCheck::SaveChangePlan {
        latest: latest_answers(&saved),
    };
    let fields = PlanPart::ALL
        .iter()
        .map(|part| {
            let value = plan.answer(*part).map(|w| w.body.clone());
            let notes = plan
                .notes_on(*part)
                .map(|n| view! { <p class="plan-note"><span class="plan-note__by">{format!("Note from {}: ", n.written_by)}</span>{n.body.clone()}</p> })
                .collect_view();
            view! {
                <TextArea feedback name=part.code() label=part.label() hint=part.hint() value rows=3/>
                {notes}
            }
        })
        .collect_view();
    view! {
        <ErrorSummary feedback/>
        <CheckedForm action=SaveChangePlan::url() check feedback class="panel">
            <input type="hidden" name="goal" value=goal.to_string()/>
            <input type="hidden" name="save" value=ChangePlanWordsId::new().to_string()/>
            <input type="hidden" name="version" value=move || feedback.value("version").unwrap_or_else(|| version.clone())/>
            {fields}
            <SubmitButton label="Save my plan" busy_label="Saving…"/>
        </CheckedForm>
    }
}

#[component]
fn OwnItemForm(goal: GoalId) -> impl IntoView {
    let feedback = Feedback::scoped::<AddOwnBalanceItem>("item-".into(), None);
    let check = FormCheck::AddOwnBalanceItem;
    let quadrants = Quadrant::ALL
        .iter()
        .map(|q| (q.code().to_string(), q.label().to_string()))
        .collect();
    view! {
        <h3>"Add something"</h3>
        <ErrorSummary feedback/>
        <CheckedForm action=AddOwnBalanceItem::url() check feedback class="panel">
            <input type="hidden" name="goal" value=goal.to_string()/>
            <input type="hidden" name="item" value=BalanceItemId::new().to_string()/>
            <Radios feedback name="quadrant" legend="Which box does it go in?" options=quadrants/>
            <TextArea feedback name="body" label="What you want to add" rows=2/>
            <SubmitButton label="Add" busy_label="Adding…"/>
        </CheckedForm>
    }
}
