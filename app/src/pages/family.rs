use crate::api::case_record::{EndKeepApart, KeepApart as KeepApartAction};
use crate::api::family::{family, OpenFamily};
use crate::api::invitations::CreateInvitation;
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Select};
use crate::components::family_nav::FamilyNav;
use crate::components::family_tags::CohortStatus;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::{household_title, Member, MemberKind, TrioFinding, Vulnerability};
use crate::domain::ids::{FamilyId, InvitationId};
use crate::domain::legal_status::long_date;
use crate::domain::plain_words::staff_time;
use crate::error::AppError;
use crate::page_data::family::FamilyDetail;
use crate::page_data::family::KeptApart;
use crate::pages::family_plan::PlanSection;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn FamilyPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let detail = Resource::new(id, family);
    view! {
        <Suspense fallback=|| view! { <p>"Loading the family…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <FamilyDetailView detail/> }.into_any(),
                    Err(AppError::ReasonRequired) => view! { <OpenOutsideTeam id=id()/> }.into_any(),
                    Err(error) => view! { <Problem error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Break glass": the family is another team's; a worker may open it by saying why.
#[component]
fn OpenOutsideTeam(id: String) -> impl IntoView {
    crate::response::set_status(403);
    let feedback = Feedback::of::<OpenFamily>();
    let person = Resource::new(|| (), |_| crate::api::session::whoami());
    let check = FormCheck::OpenFamily;
    view! {
        <Title text="This family is not in your team"/>
        <ErrorSummary feedback/>
        <h1>"This family is not in your team"</h1>
        <p class="lead">"You can open it if you need to, for example when you are covering duty."</p>
        <div class="inset">
            "Your reason is recorded with your name and the time, and your team manager and the family's team manager will review it. You will have access for 8 hours."
        </div>
        <CheckedForm action=OpenFamily::url() check feedback>
            <input type="hidden" name="id" value=id/>
            <TextArea feedback name="reason" label="Why do you need to open this family?" hint="For example: duty cover, police call-out overnight to the family's address"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let recent = person.await.ok().flatten().is_some_and(|p| p.recently_confirmed);
                    (!recent).then(|| view! {
                        <TextField feedback name="password" label="Your password" hint="Opening a family outside your team needs your password again" kind="password" autocomplete="current-password"/>
                        <TextField feedback name="code" label="Code from your authenticator app, if you use one" verbatim=true width="width-10" autocomplete="one-time-code"/>
                    })
                })}
            </Suspense>
            <SubmitButton label="Open this family and record my reason" busy_label="Opening…" class="button button--warning"/>
        </CheckedForm>
        <p><a href="/families">"Back to my families"</a></p>
    }
}

#[component]
fn FamilyDetailView(detail: FamilyDetail) -> impl IntoView {
    let title = household_title(&detail.name);
    let adults: Vec<Member> = detail
        .members
        .iter()
        .filter(|m| m.kind == MemberKind::Adult && m.left_on.is_none())
        .cloned()
        .collect();
    let family = detail.id;
    let can_change = detail.can_manage && detail.closed.is_none();
    view! {
        <Title text=title.clone()/>
        {detail.opened_outside_team.then(|| view! {
            <div class="banner banner--important" role="region" aria-labelledby="outside-title">
                <div class="banner__header"><h2 class="banner__title" id="outside-title">"Important"</h2></div>
                <div class="banner__content">
                    <p>"You opened this family outside your team. Everything you look at is recorded and will be reviewed."</p>
                </div>
            </div>
        })}
        {detail.closed.clone().map(|closed| view! {
            <div class="banner" role="region" aria-labelledby="closed-title">
                <div class="banner__header"><h2 class="banner__title" id="closed-title">"Case closed"</h2></div>
                <div class="banner__content">
                    <p>{format!("This family's case closed on {}: {}. The record is read-only until it is reopened.", long_date(closed.on), closed.reason.label())}</p>
                    <p><a href=paths::case_status(family)>"See the closure, or reopen the case"</a></p>
                </div>
            </div>
        })}
        <p class="caption">{detail.team_name.clone()}</p>
        <h1>{title}</h1>
        <FamilyNav family=detail.id current="Family and plan"/>
        <nav class="contents" aria-label="On this page">
            <ul class="contents__list">
                <li><a href="#plan">"Plan and goals"</a></li>
                <li><a href="#childs-voice">"Child's voice"</a></li>
                <li><a href="#family-words">"What the family told us"</a></li>
                <li><a href="#members">"Who is in the family"</a></li>
            </ul>
        </nav>

        <PlanSection family=detail.id/>

        <h2 id="members">"Who is in the family"</h2>
        {if detail.members.is_empty() {
            view! { <p>"No one is recorded in this household yet."</p> }.into_any()
        } else {
            view! { <Members family members=detail.members.clone()/> }.into_any()
        }}
        {can_change.then(|| view! {
            <p><a class="button button--secondary" href=paths::new_member(family)>"Add someone to the household"</a></p>
        })}

        <KeptApartSection family adults=adults.clone() pairs=detail.kept_apart.clone() can_change/>

        <h2>"Cohort check"</h2>
        <p class="hint">"Worcestershire's criteria: a child aged 10 or under on a child protection plan (or in pre-proceedings), and the trio found by the social work assessment. This is advice for the team."</p>
        <CohortStatus cohort=detail.cohort.clone()/>

        <h2>"Trio of vulnerabilities"</h2>
        <Trio findings=detail.trio.clone()/>
        <p><a href=paths::findings(family)>{if can_change { "Record, end or correct a finding" } else { "Every finding, with whom it is about" }}</a></p>

        <h2>"Who is working with the family"</h2>
        {detail.allocations.is_empty().then(|| view! { <p>"No one is allocated yet."</p> })}
        <dl class="summary-list">
            {detail.allocations.iter().map(|a| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{a.role.label()}</dt>
                    <dd class="summary-list__value">{a.worker_name.clone()}</dd>
                </div>
            }).collect_view()}
        </dl>
        {detail.can_allocate.then(|| view! {
            <p><a href=crate::paths::allocation(detail.id)>"Change who works with the family"</a></p>
        })}

        <h2>"Family accounts"</h2>
        <FamilyAccounts adults can_invite=detail.can_invite/>

        {(detail.can_manage && detail.closed.is_none()).then(|| view! {
            <h2>"Closing the case"</h2>
            <p><a href=paths::case_status(family)>"Close the case"</a>", with the day and the reason, when the team's work with the family ends."</p>
        })}
    }
}

#[component]
fn Members(family: FamilyId, members: Vec<Member>) -> impl IntoView {
    let rows = members
        .into_iter()
        .map(|m| {
            let age = match (m.kind, m.age) {
                (MemberKind::Child, Some(age)) => format!("{age}"),
                (MemberKind::Child, None) => "Not recorded".into(),
                (MemberKind::Adult, Some(age)) => format!("{age}"),
                (MemberKind::Adult, None) => String::new(),
            };
            let born = match (m.date_of_birth, m.expected_on) {
                (Some(d), _) => d.format("%-d %b %Y").to_string(),
                (None, Some(due)) => format!("Due {}", due.format("%-d %b %Y")),
                (None, None) => String::new(),
            };
            let status = m.legal_status.map(|s| s.label()).unwrap_or_default();
            let relationship = match m.left_on {
                Some(left) => format!("{} (left {})", m.relationship, left.format("%-d %b %Y")),
                None => m.relationship.clone(),
            };
            view! {
                <tr>
                    <th scope="row" class="table__header"><a href=paths::member(family, m.id)>{m.full_name()}</a></th>
                    <td class="table__cell">{relationship}</td>
                    <td class="table__cell">{age}</td>
                    <td class="table__cell">{born}</td>
                    <td class="table__cell">{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="members-caption">
            <table class="table">
                <caption class="table__caption visually-hidden" id="members-caption">"Members of the family"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="table__header">"Name"</th>
                        <th scope="col" class="table__header">"In the family"</th>
                        <th scope="col" class="table__header">"Age"</th>
                        <th scope="col" class="table__header">"Born"</th>
                        <th scope="col" class="table__header">"Legal status"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Trio(findings: Vec<TrioFinding>) -> impl IntoView {
    let rows = Vulnerability::ALL
        .iter()
        .map(|v| {
            let text = match findings.iter().find(|f| f.vulnerability == *v) {
                Some(f) => format!(
                    "Yes. Identified by: {} on {}",
                    f.identified_by.label().to_lowercase(),
                    f.identified_on.format("%-d %B %Y")
                ),
                None => "Not identified".to_string(),
            };
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{v.label()}</dt>
                    <dd class="summary-list__value">{text}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{rows}</dl> }
}

/// Domestic abuse separation: who is kept apart, marking two adults, and ending it.
#[component]
fn KeptApartSection(
    family: FamilyId,
    adults: Vec<Member>,
    pairs: Vec<KeptApart>,
    can_change: bool,
) -> impl IntoView {
    let feedback = Feedback::of::<KeepApartAction>();
    let end_feedback = Feedback::of::<EndKeepApart>();
    let end = ServerAction::<EndKeepApart>::new();
    let ids: Vec<_> = adults.iter().map(|m| m.id).collect();
    let check = FormCheck::KeepApart { adults: ids };
    let choices: Vec<Choice> = adults
        .iter()
        .map(|m| (m.id.to_string(), m.full_name()))
        .collect();
    let list = if pairs.is_empty() {
        view! { <p>"No one in this family is kept apart."</p> }.into_any()
    } else {
        view! {
            <ul class="list">
                {pairs.into_iter().map(|pair| {
                    let names = format!("{} and {}", pair.first_name, pair.second_name);
                    let label = format!("Stop keeping {names} apart");
                    let form = can_change.then(|| view! {
                        <ActionForm action=end>
                            <input type="hidden" name="family" value=family.to_string()/>
                            <input type="hidden" name="first" value=pair.first.to_string()/>
                            <input type="hidden" name="second" value=pair.second.to_string()/>
                            <button type="submit" class="button button--secondary">{label}</button>
                        </ActionForm>
                    });
                    view! {
                        <li>
                            <p><strong>{names}</strong>{format!(", since {}", staff_time(pair.since))}</p>
                            {form}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let form = (can_change && choices.len() > 1).then(|| view! {
        <ErrorSummary feedback/>
        <CheckedForm action=KeepApartAction::url() check feedback>
            <input type="hidden" name="family" value=family.to_string()/>
            <Select feedback name="first" label="Keep apart" options=choices.clone()/>
            <Select feedback name="second" label="From" options=choices/>
            <SubmitButton label="Keep them apart" busy_label="Saving…" class="button button--secondary"/>
        </CheckedForm>
    });
    view! {
        <h2 id="kept-apart">"Kept apart"</h2>
        <p class="hint">"After domestic abuse, the team can keep two adults apart: nothing written for one of them (goals, steps, danger statements) can then be shared with the other. Marking them withdraws what is already shared that way."</p>
        <ErrorSummary feedback=end_feedback/>
        {list}
        {form}
    }
}

/// Adults with accounts, and codes for those without.
#[component]
fn FamilyAccounts(adults: Vec<Member>, can_invite: bool) -> impl IntoView {
    let invite = ServerAction::<CreateInvitation>::new();
    let feedback = Feedback::of::<CreateInvitation>();
    let rows = adults
        .into_iter()
        .map(|adult| {
            let name = adult.full_name();
            let action = if adult.has_account {
                view! { <strong class="tag tag--green">"Has an account"</strong> }.into_any()
            } else if can_invite {
                view! {
                    <ActionForm action=invite>
                        <input type="hidden" name="member" value=adult.id.to_string()/>
                        <input type="hidden" name="invitation" value=InvitationId::new().to_string()/>
                        <button type="submit" class="button button--secondary">{format!("Create an invitation code for {}", adult.full_name())}</button>
                    </ActionForm>
                }
                .into_any()
            } else {
                view! { <span>"No account"</span> }.into_any()
            };
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{name.clone()}</dt>
                    <dd class="summary-list__value">{action}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <ErrorSummary feedback/>
        <p>"A family member with an account can see their own goals and progress, and nothing else. Hand them the code in person."</p>
        <dl class="summary-list">{rows}</dl>
    }
}
