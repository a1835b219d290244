//! Group supervision of a family: the record of each monthly meeting, and the form for the next.

use crate::api::workbook::{load_supervisions, RecordSupervision};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Checkboxes, ScaleRadios};
use crate::components::family_nav::FamilyNav;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::mark_action::MarkActionForm;
use crate::components::problem::Problem;
use crate::domain::ids::{FamilyId, SupervisionId};
use crate::domain::role::StaffRole;
use crate::domain::workbook::Supervision;
use crate::domain::workbook_input::ACTION_ROWS;
use crate::page_data::change_work::GoalChange;
use crate::page_data::workbook::Supervisions;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SupervisionPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        load_supervisions,
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <SupervisionsView page/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SupervisionsView(page: Supervisions) -> impl IntoView {
    let family = page.family_id;
    view! {
        <Title text=format!("The {} family: group supervision", page.family_name)/>
        <p class="caption">{format!("The {} family", page.family_name)}</p>
        <h1>"Group supervision"</h1>
        <FamilyNav family current="Group supervision"/>
        <GoalChanges family change=page.change.clone()/>
        {page.can_record.then(|| view! { <RecordForm page=page.clone()/> })}
        <h2>"Earlier supervisions"</h2>
        {if page.supervisions.is_empty() {
            view! { <p>"None recorded yet."</p> }.into_any()
        } else {
            page.supervisions.into_iter().map(|s| view! { <SupervisionRecord supervision=s/> }).collect_view().into_any()
        }}
    }
}

/// Each open goal's stage of change and change talk trend: something to reflect on together.
#[component]
fn GoalChanges(family: FamilyId, change: Vec<GoalChange>) -> impl IntoView {
    if change.is_empty() {
        return ().into_any();
    }
    let rows = change
        .into_iter()
        .map(|c| {
            let href = crate::paths::goal_change(family, c.goal);
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key"><a class="link" href=href>{c.label}</a></dt>
                    <dd class="summary-list__value">
                        <p>{match c.stage {
                            Some(stage) => view! { <strong class="tag tag--blue">{stage.label()}</strong> }.into_any(),
                            None => view! { <span class="hint">"Stage of change not recorded"</span> }.into_any(),
                        }}</p>
                        <p>{c.trend}</p>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="goal-change">
            <h2 id="goal-change">"Change on each goal"</h2>
            <p class="hint">"The stage of change last noted, and the change talk heard in sessions."</p>
            <dl class="summary-list">{rows}</dl>
        </section>
    }
    .into_any()
}

#[component]
fn SupervisionRecord(supervision: Supervision) -> impl IntoView {
    let attendees: Vec<&str> = supervision.attendees.iter().map(|r| r.label()).collect();
    let rows = [
        ("Who was there", attendees.join(", ")),
        ("Risk (0–10, 10 most worried)", supervision.risk.to_string()),
        ("Progress (0–10)", supervision.progress.to_string()),
        ("Hypotheses", supervision.hypotheses.clone()),
        ("Reflections", supervision.reflections.clone()),
        ("What is working well", supervision.working_well.clone()),
        (
            "What we are worried about",
            supervision.worried_about.clone(),
        ),
        ("What needs to happen", supervision.needs_to_happen.clone()),
        ("Decisions", supervision.decisions.clone()),
        (
            "Next supervision",
            supervision
                .next_on
                .map(|d| d.format("%-d %B %Y").to_string())
                .unwrap_or_default(),
        ),
    ];
    view! {
        <section class="card supervision" aria-label=format!("Supervision on {}", supervision.held_on.format("%-d %B %Y"))>
            <h3 class="card__title">{supervision.held_on.format("%A %-d %B %Y").to_string()}</h3>
            <p class="caption">{format!("Recorded by {}", supervision.recorded_by)}</p>
            <dl class="summary-list summary-list--compact">
                {rows.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! {
                    <div class="summary-list__row"><dt class="summary-list__key">{k}</dt><dd class="summary-list__value entry__summary">{v}</dd></div>
                }).collect_view()}
            </dl>
            <h4>"Actions"</h4>
            {if supervision.actions.is_empty() {
                view! { <p>"No actions."</p> }.into_any()
            } else {
                view! {
                    <ul class="step-list">
                        {supervision.actions.into_iter().map(|a| view! {
                            <li class="step">
                                <p class="step__what">{a.what.clone()}</p>
                                <p class="caption">{format!("{} · by {}", a.owner_name, a.due_on.format("%-d %B %Y"))}</p>
                                <MarkActionForm action=a.id.to_string() done=a.done what=a.what/>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn RecordForm(page: Supervisions) -> impl IntoView {
    let feedback = Feedback::of::<RecordSupervision>();
    let owners: Vec<_> = page.workers.iter().map(|(id, _, _)| *id).collect();
    let today = page.today;
    let check = FormCheck::RecordSupervision { owners, today };
    let roles: Vec<(String, String)> = StaffRole::ALL
        .iter()
        .filter(|r| r.reads_case_content())
        .map(|r| (r.code().to_string(), r.label().to_string()))
        .collect();
    let workers = page.workers.clone();
    let kept = move |field: String| feedback.value(&field).unwrap_or_default();
    view! {
        <h2>"Record a group supervision"</h2>
        <ErrorSummary feedback/>
        <CheckedForm action=RecordSupervision::url() check feedback>
            <input type="hidden" name="family" value=page.family_id.to_string()/>
            <input type="hidden" name="supervision" value=SupervisionId::new().to_string()/>
            <TextField feedback name="held_on" label="Date held" kind="date" width="width-10" value=today.format("%Y-%m-%d").to_string()/>
            <Checkboxes feedback name="attendees" legend="Who was there" options=roles/>
            <TextArea feedback name="hypotheses" label="Hypotheses" rows=3/>
            <TextArea feedback name="reflections" label="Reflections" rows=3/>
            <TextArea feedback name="working_well" label="What is working well" rows=3/>
            <TextArea feedback name="worried_about" label="What we are worried about" rows=3/>
            <TextArea feedback name="needs_to_happen" label="What needs to happen" rows=3/>
            <ScaleRadios feedback name="risk" legend="The team's scale of risk, 0 to 10" hint="10 means the team is most worried."/>
            <ScaleRadios feedback name="progress" legend="The team's scale of progress, 0 to 10" hint="10 means the family's goals are reached."/>
            <TextArea feedback name="decisions" label="Decisions" rows=3/>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Actions"</legend>
                <div class="hint">"Leave a row empty if you need fewer. Each action appears in its owner's week."</div>
                {(0..ACTION_ROWS).map(|i| {
                    let what = format!("action_what_{i}");
                    let owner = format!("action_owner_{i}");
                    let due = format!("action_due_{i}");
                    let chosen = kept(owner.clone());
                    view! {
                        <div class="action-row">
                            <div class="form-group">
                                <label class="label" for=what.clone()>{format!("Action {}", i + 1)}</label>
                                {move || feedback.field(&format!("action_what_{i}")).map(|m| view! { <p class="error-message" id=format!("action_what_{i}-error")><span class="visually-hidden">"Error:"</span>" "{m}</p> })}
                                <input class="input" id=what.clone() name="action_what[]" type="text" value=kept(what.clone())/>
                            </div>
                            <div class="form-group">
                                <label class="label" for=owner.clone()>"Who"</label>
                                {move || feedback.field(&format!("action_owner_{i}")).map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error:"</span>" "{m}</p> })}
                                <select class="select" id=owner.clone() name="action_owner[]">
                                    <option value="">"Choose…"</option>
                                    {workers.iter().map(|(id, name, role)| view! {
                                        <option value=id.to_string() selected=chosen == id.to_string()>{format!("{name} ({})", role.label().to_lowercase())}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="form-group">
                                <label class="label" for=due.clone()>"By when"</label>
                                {move || feedback.field(&format!("action_due_{i}")).map(|m| view! { <p class="error-message"><span class="visually-hidden">"Error:"</span>" "{m}</p> })}
                                <input class="input input--width-10" id=due.clone() name="action_due[]" type="date" value=kept(due.clone())/>
                            </div>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <TextField feedback name="next_on" label="Next supervision (optional)" kind="date" width="width-10"/>
            <SubmitButton label="Save supervision" busy_label="Saving…"/>
        </CheckedForm>
    }
}
