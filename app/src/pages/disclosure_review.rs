//! Reviewing what a subject access request gathered: every passage in full, under its
//! section; withholding a passage or words in it, with a reason; saying it is ready; and a
//! second person's approval.

use crate::api::disclosure::{
    disclosure_review, ApproveDisclosure, ReviewDisclosure, TakeBackWithholding, Withhold,
};
use crate::components::checked_form::CheckedForm;
use crate::components::choice::{Choice, Radios};
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextArea, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::family::household_title;
use crate::domain::ids::{InformationRequestId, WithholdingId};
use crate::domain::information_rights::passage::Section;
use crate::domain::information_rights::withholding::WithholdReason;
use crate::domain::legal_status::long_date;
use crate::domain::plain_words::staff_time;
use crate::page_data::disclosure::{ReviewPage, ReviewPassage, WithheldShown};
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DisclosureReviewPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        disclosure_review,
    );
    view! {
        <Title text="Review the disclosure"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(page) => view! { <Review page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Review(page: ReviewPage) -> impl IntoView {
    let id = page.request;
    let count = page.passages.len();
    let withheld = page.withheld_count();
    let sections = Section::ALL
        .iter()
        .filter_map(|section| {
            let passages: Vec<(usize, ReviewPassage)> = page
                .passages
                .iter()
                .cloned()
                .enumerate()
                .filter(|(_, p)| p.passage.section == *section)
                .collect();
            (!passages.is_empty()).then(|| {
                let open = page.open;
                view! {
                    <h2>{section.label()}</h2>
                    <ul class="card-list">
                        {passages.into_iter().map(|(n, passage)| view! { <PassageCard request=id n passage open/> }).collect_view()}
                    </ul>
                }
            })
        })
        .collect_view();
    view! {
        <p><a href=paths::information_request(id)>"Back to the request"</a></p>
        <p class="caption">{household_title(&page.household)}</p>
        <h1>{format!("Review the disclosure for {}", page.subject)}</h1>
        <p class="lead">{format!("{count} passages gathered; {withheld} withheld.")}</p>
        <p>"Read each passage. Withhold a passage, or words in it, only for one of the reasons listed: information about professionals acting in their role is normally disclosed. The records themselves are not changed."</p>
        <Signing page=page.clone()/>
        {sections}
    }
}

/// Where the review stands, and the one step that comes next.
#[component]
fn Signing(page: ReviewPage) -> impl IntoView {
    let which = move || {
        view! {
            <input type="hidden" name="request" value=page.request.to_string()/>
            <input type="hidden" name="version" value=page.version.to_string()/>
        }
    };
    let reviewed = page.reviewed.clone().map(|s| {
        view! { <p>{format!("Ready for approval: said by {}, {}.", s.by, staff_time(s.at))}</p> }
    });
    let changed = page.changed_since_review.then(|| {
        view! { <div class="inset">"The records have changed since this was reviewed: read the passages again, then say it is ready again."</div> }
    });
    let next = if !page.open {
        view! { <p>"The request is closed."</p> }.into_any()
    } else if let Some(approved) = page.approved.clone() {
        view! {
            <p><strong class="tag tag--green">"Approved"</strong> {format!(" by {}, {}.", approved.by, staff_time(approved.at))}</p>
            <p><a class="button" href=paths::disclosure(page.request)>"Open the disclosure"</a></p>
        }
        .into_any()
    } else if page.reviewed.is_none() || page.changed_since_review {
        let feedback = Feedback::of::<ReviewDisclosure>();
        let ready = ServerAction::<ReviewDisclosure>::new();
        view! {
            <ErrorSummary feedback/>
            <ActionForm action=ready>
                {which()}
                <button type="submit" class="button">"Say it is ready for approval"</button>
            </ActionForm>
        }
        .into_any()
    } else if page.viewer_reviewed {
        view! { <p>"You said it is ready: a second person must approve it."</p> }.into_any()
    } else {
        let feedback = Feedback::of::<ApproveDisclosure>();
        let approve = ServerAction::<ApproveDisclosure>::new();
        view! {
            <ErrorSummary feedback/>
            <ActionForm action=approve>
                {which()}
                <button type="submit" class="button">"Approve the disclosure"</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <h2>"Approval"</h2>
        {reviewed}
        {changed}
        {next}
    }
}

#[component]
fn PassageCard(
    request: InformationRequestId,
    n: usize,
    passage: ReviewPassage,
    open: bool,
) -> impl IntoView {
    let p = passage.passage;
    let when =
        p.on.map(|day| view! { <p class="body-s">{long_date(day)}</p> });
    let withheld = (!passage.withheld.is_empty()).then(|| {
        view! {
            <ul class="withheld-list">
                {passage.withheld.into_iter().map(|w| view! { <WithheldItem request w open/> }).collect_view()}
            </ul>
        }
    });
    let form = open
        .then(|| view! { <WithholdForm request n key=p.key.clone() heading=p.heading.clone()/> });
    view! {
        <li class="card">
            <h3 class="card__title">{p.heading.clone()}</h3>
            {when}
            <p class="passage-text">{p.text}</p>
            {withheld}
            {form}
        </li>
    }
}

#[component]
fn WithheldItem(request: InformationRequestId, w: WithheldShown, open: bool) -> impl IntoView {
    let what = match &w.words {
        Some(words) => format!("Withheld: “{words}”"),
        None => "Withheld: the whole passage".to_string(),
    };
    let note = (!w.note.is_empty()).then(|| format!(" ({})", w.note));
    view! {
        <li>
            <strong class="tag tag--red">{what}</strong>
            <p class="body-s">{format!("{}{} Marked by {}.", w.reason.label(), note.unwrap_or_default(), w.marked_by)}</p>
            {open.then(|| view! { <TakeBack request id=w.id/> })}
        </li>
    }
}

#[component]
fn TakeBack(request: InformationRequestId, id: WithholdingId) -> impl IntoView {
    let take_back = ServerAction::<TakeBackWithholding>::new();
    view! {
        <ActionForm action=take_back>
            <input type="hidden" name="request" value=request.to_string()/>
            <input type="hidden" name="withholding" value=id.to_string()/>
            <button type="submit" class="button button--secondary">"Take it back"</button>
        </ActionForm>
    }
}

fn reasons() -> Vec<Choice> {
    WithholdReason::ALL
        .iter()
        .map(|r| (r.code().to_string(), r.label().to_string()))
        .collect()
}

#[component]
fn WithholdForm(
    request: InformationRequestId,
    n: usize,
    key: String,
    heading: String,
) -> impl IntoView {
    let feedback = Feedback::scoped::<Withhold>(format!("p{n}-"), Some(("passage", key.clone())));
    let refused = move || feedback.error.get().is_some();
    view! {
        <details class="details" open=refused>
            <summary class="details__summary">"Withhold this, or words in it"<span class="visually-hidden">{format!(": {heading}")}</span></summary>
            <div class="details__text">
                <ErrorSummary feedback/>
                <CheckedForm action=Withhold::url() check=FormCheck::Withhold feedback>
                    <input type="hidden" name="request" value=request.to_string()/>
                    <input type="hidden" name="withholding" value=WithholdingId::new().to_string()/>
                    <input type="hidden" name="passage" value=key/>
                    <TextField feedback name="words" label="The words to withhold (optional)" hint="Copy them exactly as written; every place they occur is withheld. Leave it empty to withhold the whole passage." autocomplete="off"/>
                    <Radios feedback name="reason" legend="Why is it withheld?" options=reasons()/>
                    <TextArea feedback name="note" label="Note (needed for another reason)" rows=2/>
                    <SubmitButton label="Withhold" busy_label="Withholding…" class="button button--warning"/>
                </CheckedForm>
            </div>
        </details>
    }
}
