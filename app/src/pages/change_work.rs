//! Working on change for one goal, for the team: the stage of change over time, the rulers
//! with what the parent said, the change talk heard, and each family member's change plan and
//! decisional balance, with prompts for the next conversation beside it all.

use crate::api::change_work::{
    load_change_work, AddBalanceItem, NoteOnChangePlan, RecordChangeTalk, RecordStage,
};
use crate::components::balance_boxes::{BalanceBoxes, Remover};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Radios, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::components::prompt_panel::PromptPanel;
use crate::components::ruler_answer::RulerAnswer;
use crate::components::talk_chart::TalkChart;
use crate::domain::ids::{
    BalanceItemId, ChangePlanWordsId, FamilyId, GoalId, StageNoteId, TallyId,
};
use crate::domain::mi::balance::Quadrant;
use crate::domain::mi::change_plan::PlanPart;
use crate::domain::mi::change_talk::{field, Talk, MAX_COUNT};
use crate::domain::mi::stage::{current, Stage};
use crate::domain::rating::{CheckIn, Scale};
use crate::page_data::change_work::{ChangeWork, MemberPlan};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ChangeWorkPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("goal").unwrap_or_default(),
            )
        },
        |(family, goal)| load_change_work(family, goal),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(work) => view! { <ChangeWorkView work/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChangeWorkView(work: ChangeWork) -> impl IntoView {
    let family = work.family_id;
    let goal = work.goal.id;
    let goal_href = crate::paths::goal(family, goal);
    let stage = current(&work.stages).cloned();
    let rulers: Vec<CheckIn> = work
        .goal
        .check_ins
        .iter()
        .rev()
        .filter(|c| matches!(c.scale, Scale::Importance | Scale::Confidence))
        .take(6)
        .cloned()
        .collect();
    let can_edit = work.can_edit;
    let today = work.today;
    let plans = work
        .plans
        .into_iter()
        .map(|plan| view! { <MemberSide plan family goal can_edit/> })
        .collect_view();
    view! {
        <Title text=format!("Working on change: {}", work.goal.professional_words)/>
        <p class="caption">{format!("The {} family · {}", work.family_name, work.goal.owner_name)}</p>
        <h1>"Working on change"</h1>
        <p class="lead">{work.goal.family_words.clone()}</p>
        <p><a class="link" href=goal_href>"Back to the goal"</a></p>
        <div class="with-panel">
            <div class="with-panel__main">
                <section aria-labelledby="stage">
                    <h2 id="stage">"Stage of change"</h2>
                    {match stage {
                        Some(s) => view! {
                            <p><strong class="tag tag--blue">{s.stage.label()}</strong>" "{s.stage.meaning()}</p>
                            <p class="caption">{format!("Noted by {} on {}", s.noted_by, s.noted_on.format("%-d %B %Y"))}</p>
                        }.into_any(),
                        None => view! { <p>"No stage of change recorded yet."</p> }.into_any(),
                    }}
                    {(work.stages.len() > 1).then(|| view! {
                        <details class="details">
                            <summary class="details__summary">"Stages over time"</summary>
                            <ol class="timeline">
                                {work.stages.iter().rev().map(|s| view! {
                                    <li>
                                        <strong>{s.stage.label()}</strong>
                                        {format!(" · {} · {}", s.noted_on.format("%-d %B %Y"), s.noted_by)}
                                        {(!s.note.is_empty()).then(|| view! { <p>{s.note.clone()}</p> })}
                                    </li>
                                }).collect_view()}
                            </ol>
                        </details>
                    })}
                    {can_edit.then(|| view! { <StageFormView family goal today/> })}
                </section>
                <section aria-labelledby="rulers">
                    <h2 id="rulers">"Importance and confidence"</h2>
                    {if rulers.is_empty() {
                        view! { <p>"No rulers given yet."</p> }.into_any()
                    } else {
                        view! { <ul class="ruler-list">{rulers.into_iter().map(|c| view! { <RulerAnswer check_in=c/> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                <section aria-labelledby="talk">
                    <h2 id="talk">"Change talk heard"</h2>
                    <TalkChart tallies=work.tallies.clone()/>
                    {can_edit.then(|| view! { <TallyFormView family goal today/> })}
                </section>
                {plans}
            </div>
            <PromptPanel offered=work.prompts/>
        </div>
    }
}

#[component]
fn StageFormView(family: FamilyId, goal: GoalId, today: chrono::NaiveDate) -> impl IntoView {
    let feedback = Feedback::scoped::<RecordStage>("stage-".into(), None);
    let check = FormCheck::RecordStage { today };
    let stages = Stage::ALL
        .iter()
        .map(|s| {
            (
                s.code().to_string(),
                format!("{}: {}", s.label(), s.meaning().to_lowercase()),
            )
        })
        .collect();
    view! {
        <details class="details no-print" open=move || feedback.error.with(Option::is_some)>
            <summary class="details__summary">"Record the stage of change"</summary>
            <ErrorSummary feedback/>
            <CheckedForm action=RecordStage::url() check feedback class="panel">
                <input type="hidden" name="family" value=family.to_string()/>
                <input type="hidden" name="goal" value=goal.to_string()/>
                <input type="hidden" name="stage_note" value=StageNoteId::new().to_string()/>
                <Radios feedback name="stage" legend="Where are they with this change now?" options=stages/>
                <TextField feedback name="noted_on" label="Date" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
                <TextArea feedback name="note" label="What this is based on (optional)" rows=3/>
                <SubmitButton label="Save stage" busy_label="Saving…"/>
            </CheckedForm>
        </details>
    }
}

/// The counts of each kind of talk: number fields a phone opens with its number pad.
#[component]
pub fn TalkFields(feedback: Feedback) -> impl IntoView {
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">"How many times did you hear each?"</legend>
            <div class="hint">"Leave a kind empty if you did not hear it."</div>
            <div class="talk-fields">
                {Talk::ALL.iter().map(|talk| {
                    let name = field(*talk);
                    let id = feedback.id(&name);
                    let error_name = name.clone();
                    let value_name = name.clone();
                    view! {
                        <div class=move || if feedback.field(&error_name).is_some() { "form-group form-group--error talk-field" } else { "form-group talk-field" }>
                            <label class="label" for=id.clone()>{talk.label()}<span class="hint talk-field__hint">{talk.sounds_like()}</span></label>
                            {let n = name.clone(); move || feedback.field(&n).map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error:"</span>" "{m}</p> })}
                            <input class="input input--width-3" id=id type="number" inputmode="numeric" min="0" max=MAX_COUNT name=name.clone()
                                value=move || feedback.value(&value_name)/>
                        </div>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn TallyFormView(family: FamilyId, goal: GoalId, today: chrono::NaiveDate) -> impl IntoView {
    let feedback = Feedback::scoped::<RecordChangeTalk>("talk-".into(), None);
    let check = FormCheck::RecordChangeTalk { today };
    view! {
        <details class="details no-print" open=move || feedback.error.with(Option::is_some)>
            <summary class="details__summary">"Note the change talk from a session"</summary>
            <ErrorSummary feedback/>
            <CheckedForm action=RecordChangeTalk::url() check feedback class="panel">
                <input type="hidden" name="family" value=family.to_string()/>
                <input type="hidden" name="goal" value=goal.to_string()/>
                <input type="hidden" name="tally" value=TallyId::new().to_string()/>
                <TextField feedback name="heard_on" label="Date of the session" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
                <TalkFields feedback/>
                <SubmitButton label="Save" busy_label="Saving…"/>
            </CheckedForm>
        </details>
    }
}

/// One family member's change plan and balance, with the team's notes and forms.
#[component]
fn MemberSide(plan: MemberPlan, family: FamilyId, goal: GoalId, can_edit: bool) -> impl IntoView {
    let member = plan.member;
    let heading = format!("plan-{member}");
    let plan_labelled = heading.clone();
    let balance_heading = format!("balance-{member}");
    let balance_labelled = balance_heading.clone();
    let parts = PlanPart::ALL
        .iter()
        .map(|part| {
            let answer = plan.plan.answer(*part).map(|w| w.body.clone()).filter(|b| !b.is_empty());
            let notes = plan
                .plan
                .notes_on(*part)
                .map(|n| view! { <p class="plan-note"><span class="plan-note__by">{format!("{}, {}: ", n.written_by, n.written_on.format("%-d %b"))}</span>{n.body.clone()}</p> })
                .collect_view();
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{part.label()}</dt>
                    <dd class="summary-list__value">
                        {match answer {
                            Some(a) => view! { <p class="family-words">{a}</p> }.into_any(),
                            None => view! { <p class="hint">"Not written yet"</p> }.into_any(),
                        }}
                        {notes}
                    </dd>
                </div>
            }
        })
        .collect_view();
    let written = plan.plan.answers.last().map(|w| {
        format!(
            "Last changed by {} on {}",
            w.written_by,
            w.written_on.format("%-d %B %Y")
        )
    });
    view! {
        <section aria-labelledby=plan_labelled>
            <h2 id=heading>{format!("{}'s change plan", plan.name)}</h2>
            <p class="caption">{written.unwrap_or_else(|| "They have not started their plan yet. They can write it on their own page.".into())}</p>
            <dl class="summary-list">{parts}</dl>
            {can_edit.then(|| view! { <PlanNoteForm family goal member=member.to_string()/> })}
        </section>
        <section aria-labelledby=balance_labelled>
            <h2 id=balance_heading>{format!("{}'s good and less good things", plan.name)}</h2>
            <BalanceBoxes items=plan.balance.clone() remover=if can_edit { Remover::Team(family, goal) } else { Remover::Nobody }/>
            {can_edit.then(|| view! { <BalanceItemForm family goal member=member.to_string()/> })}
        </section>
    }
}

#[component]
fn PlanNoteForm(family: FamilyId, goal: GoalId, member: String) -> impl IntoView {
    let feedback = Feedback::scoped::<NoteOnChangePlan>(
        format!("note-{member}-"),
        Some(("member", member.clone())),
    );
    let check = FormCheck::NoteOnChangePlan;
    let parts = PlanPart::ALL
        .iter()
        .map(|p| (p.code().to_string(), p.label().to_string()))
        .collect();
    view! {
        <details class="details no-print" open=move || feedback.error.with(Option::is_some)>
            <summary class="details__summary">"Add a note beside their plan"</summary>
            <ErrorSummary feedback/>
            <CheckedForm action=NoteOnChangePlan::url() check feedback class="panel">
                <input type="hidden" name="family" value=family.to_string()/>
                <input type="hidden" name="goal" value=goal.to_string()/>
                <input type="hidden" name="member" value=member/>
                <input type="hidden" name="note" value=ChangePlanWordsId::new().to_string()/>
                <Select feedback name="part" label="Beside which part" options=parts/>
                <TextArea feedback name="body" label="Your note" hint="It shows beside their words, never instead of them. They can read it." rows=3/>
                <SubmitButton label="Add note" busy_label="Adding…"/>
            </CheckedForm>
        </details>
    }
}

#[component]
fn BalanceItemForm(family: FamilyId, goal: GoalId, member: String) -> impl IntoView {
    let feedback = Feedback::scoped::<AddBalanceItem>(
        format!("item-{member}-"),
        Some(("member", member.clone())),
    );
    let check = FormCheck::AddBalanceItem;
    let quadrants = Quadrant::ALL
        .iter()
        .map(|q| (q.code().to_string(), q.label().to_string()))
        .collect();
    view! {
        <details class="details no-print" open=move || feedback.error.with(Option::is_some)>
            <summary class="details__summary">"Add what they said, together"</summary>
            <ErrorSummary feedback/>
            <CheckedForm action=AddBalanceItem::url() check feedback class="panel">
                <input type="hidden" name="family" value=family.to_string()/>
                <input type="hidden" name="goal" value=goal.to_string()/>
                <input type="hidden" name="member" value=member/>
                <input type="hidden" name="item" value=BalanceItemId::new().to_string()/>
                <Radios feedback name="quadrant" legend="Which box" options=quadrants/>
                <TextArea feedback name="body" label="In their words" rows=2/>
                <SubmitButton label="Add" busy_label="Adding…"/>
            </CheckedForm>
        </details>
    }
}
