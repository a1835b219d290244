use crate::api::staff_accounts::{
    staff_account, DisableAccount, EnableAccount, MoveStaff, NewSetUpCode, SetWorkerRef,
};
use crate::components::choice::{Choice, Select};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::problem::Problem;
use crate::domain::ids::SetUpCodeId;
use crate::domain::plain_words::staff_time;
use crate::page_data::administration::StaffAccountView;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// One member of staff's account: their role and team, whether they have set up, what can be
/// changed, and every change made to it. Never case content.
#[component]
pub fn StaffAccountPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let disable = ServerAction::<DisableAccount>::new();
    let enable = ServerAction::<EnableAccount>::new();
    let move_staff = ServerAction::<MoveStaff>::new();
    let worker_ref = ServerAction::<SetWorkerRef>::new();
    let account = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                query.read().get("shown").unwrap_or_default(),
            )
        },
        |(id, shown)| staff_account(id, shown),
    );
    let actions = Actions {
        disable,
        enable,
        move_staff,
        worker_ref,
    };
    view! {
        <Suspense fallback=|| view! { <p>"Loading the account…"</p> }>
            {move || Suspend::new(async move {
                match account.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(account) => view! { <Account account actions/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[derive(Clone, Copy)]
struct Actions {
    disable: ServerAction<DisableAccount>,
    enable: ServerAction<EnableAccount>,
    move_staff: ServerAction<MoveStaff>,
    worker_ref: ServerAction<SetWorkerRef>,
}

#[component]
fn Account(account: StaffAccountView, actions: Actions) -> impl IntoView {
    let id = account.id.to_string();
    let status = if account.disabled {
        "Disabled: they cannot sign in".to_string()
    } else if account.has_password {
        "Active".to_string()
    } else {
        match account.code_open_until {
            Some(until) => format!(
                "Not set up yet: their set-up code works until {}",
                staff_time(until)
            ),
            None => "Not set up yet, and no set-up code is working: make a new one".to_string(),
        }
    };
    let allocations = match account.allocations {
        0 => "Not allocated to any family.".to_string(),
        1 => "Allocated to 1 family.".to_string(),
        n => format!("Allocated to {n} families."),
    };
    view! {
        <Title text=account.display_name.clone()/>
        <p><a href=paths::ACCOUNTS>"Back to accounts"</a></p>
        <p class="caption">"Staff account"</p>
        <h1>{account.display_name.clone()}</h1>
        {account.code.clone().map(|code| view! { <ShownCode code name=account.display_name.clone()/> })}
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"Role"</dt><dd class="summary-list__value">{account.role.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Team"</dt><dd class="summary-list__value">{account.team.as_ref().map_or_else(|| "No team".to_string(), |t| t.name.clone())}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Signs in as"</dt><dd class="summary-list__value">{account.login.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Status"</dt><dd class="summary-list__value" data-testid="account-status">{status}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Case system worker ID"</dt><dd class="summary-list__value">{account.worker_ref.clone().unwrap_or_else(|| "None".to_string())}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"Families"</dt><dd class="summary-list__value">{allocations}</dd></div>
        </dl>
        {(!account.disabled).then(|| view! { <NewCode account=id.clone() has_password=account.has_password/> })}
        <MoveForm account=account.clone() actions/>
        <WorkerRefForm account=account.clone() actions/>
        <Enabling account=id.clone() disabled=account.disabled actions/>
        <History account/>
    }
}

#[component]
fn ShownCode(code: String, name: String) -> impl IntoView {
    view! {
        <div class="panel" role="status">
            <p>"Set-up code for " {name.clone()}</p>
            <p class="invitation-code" data-testid="set-up-code">{code}</p>
            <p>"Give it to " {name} " in person or by a trusted route. They go to "<strong>"Set up your staff account"</strong>" on the sign-in page. It works once, for 24 hours."</p>
            <p>"It is shown only now. If it is lost, make a new one: this one then stops working."</p>
        </div>
    }
}

#[component]
fn NewCode(account: String, has_password: bool) -> impl IntoView {
    let feedback = Feedback::of::<NewSetUpCode>();
    view! {
        <h2>{if has_password { "Forgotten password" } else { "Set-up code" }}</h2>
        <p>{if has_password {
            "A new set-up code lets them choose a new password. Their old password stops working when they use it, and they are signed out everywhere."
        } else {
            "Make a new code if theirs was lost or has expired. Any older code stops working."
        }}</p>
        <ErrorSummary feedback/>
        <form method="post" action=NewSetUpCode::url() novalidate>
            <input type="hidden" name="account" value=account/>
            <input type="hidden" name="code" value=SetUpCodeId::new().to_string()/>
            <SubmitButton label="Make a new set-up code" busy_label="Making a code…" class="button button--secondary"/>
        </form>
    }
}

#[component]
fn MoveForm(account: StaffAccountView, actions: Actions) -> impl IntoView {
    let feedback = Feedback::of::<MoveStaff>();
    let mut teams: Vec<Choice> = account
        .teams
        .iter()
        .map(|t| (t.id.to_string(), t.name.clone()))
        .collect();
    if !account.role.works_in_team() {
        teams.insert(0, (String::new(), "No team".to_string()));
    }
    let current = account.team.as_ref().map(|t| t.id.to_string());
    view! {
        <h2>"Team"</h2>
        <ErrorSummary feedback/>
        <ActionForm action=actions.move_staff>
            <input type="hidden" name="account" value=account.id.to_string()/>
            <Select feedback name="team" label="Move to team" options=teams value=current/>
            <SubmitButton label="Move" busy_label="Moving…" class="button button--secondary"/>
        </ActionForm>
    }
}

#[component]
fn WorkerRefForm(account: StaffAccountView, actions: Actions) -> impl IntoView {
    let feedback = Feedback::of::<SetWorkerRef>();
    view! {
        <h2>"Case system worker ID"</h2>
        <p>"The case system's extract names workers by this id, and Hearth allocates them to the families it says they work with. Leave it empty for someone the case system does not know."</p>
        <ErrorSummary feedback/>
        <ActionForm action=actions.worker_ref>
            <input type="hidden" name="account" value=account.id.to_string()/>
            <TextField feedback name="worker_ref" label="Case system worker ID" value=account.worker_ref.clone() verbatim=true autocomplete="off"/>
            <SubmitButton label="Save worker ID" busy_label="Saving…" class="button button--secondary"/>
        </ActionForm>
    }
}

#[component]
fn Enabling(account: String, disabled: bool, actions: Actions) -> impl IntoView {
    if disabled {
        let feedback = Feedback::of::<EnableAccount>();
        view! {
            <h2>"Re-enable"</h2>
            <p>"They can sign in again with their password. If they have forgotten it, make a new set-up code afterwards."</p>
            <ErrorSummary feedback/>
            <ActionForm action=actions.enable>
                <input type="hidden" name="account" value=account/>
                <SubmitButton label="Re-enable account" busy_label="Re-enabling…" class="button button--secondary"/>
            </ActionForm>
        }
        .into_any()
    } else {
        let feedback = Feedback::of::<DisableAccount>();
        view! {
            <h2>"Disable"</h2>
            <p>"When someone leaves or must stop using Hearth at once. They are signed out everywhere straight away. Their records and allocations stay."</p>
            <ErrorSummary feedback/>
            <ActionForm action=actions.disable>
                <input type="hidden" name="account" value=account/>
                <SubmitButton label="Disable account" busy_label="Disabling…" class="button button--warning"/>
            </ActionForm>
        }
        .into_any()
    }
}

#[component]
fn History(account: StaffAccountView) -> impl IntoView {
    let rows = account
        .history
        .into_iter()
        .map(|event| {
            view! {
                <tr>
                    <td class="table__cell">{staff_time(event.at)}</td>
                    <td class="table__cell">{event.action.label()}</td>
                    <td class="table__cell">{event.actor_name}</td>
                    <td class="table__cell">{event.detail}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>"Changes to this account"</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="history-caption">
            <table class="table">
                <caption class="table__caption visually-hidden" id="history-caption">"Changes to this account, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"When"</th>
                        <th scope="col" class="table__header">"What"</th>
                        <th scope="col" class="table__header">"By"</th>
                        <th scope="col" class="table__header">"Details"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
