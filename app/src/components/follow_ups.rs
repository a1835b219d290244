//! The two ruler follow-ups as answer fields. Without JavaScript they carry the general
//! wording; with it, they name the score as soon as one is chosen ("Why 6 and not a lower
//! number?"), by the same rule the server uses to show them later. Only the questions are an
//! island: the answer fields are the server's.

use super::form::{group_class, ErrorMessage, Feedback};
use crate::domain::rating::FollowUp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlLabelElement};

#[component]
pub fn FollowUpFields(feedback: Feedback) -> impl IntoView {
    // After a refusal the score chosen comes back, and so does its wording.
    let score = feedback.value("score").and_then(|s| s.parse().ok());
    FollowUp::BOTH
        .into_iter()
        .map(|follow_up| {
            let name = follow_up.field();
            let id = feedback.id(name);
            view! {
                <div class=group_class(feedback, name)>
                    <FollowUpQuestion follow_up score for_id=id.clone()/>
                    <ErrorMessage feedback name/>
                    <textarea class="textarea" id=id name=name rows="2">{feedback.value(name).unwrap_or_default()}</textarea>
                </div>
            }
        })
        .collect_view()
}

/// A follow-up's question, which follows the score chosen in the same form.
#[island]
fn FollowUpQuestion(follow_up: FollowUp, score: Option<u8>, for_id: String) -> impl IntoView {
    let score = RwSignal::new(score);
    let label = NodeRef::<leptos::html::Label>::new();
    let listening = window_event_listener(leptos::ev::change, move |ev| {
        let Some(input) = ev
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
            .filter(|input| input.name() == "score")
        else {
            return;
        };
        if same_form(&input, label.get_untracked()) {
            score.set(input.value().parse().ok());
        }
    });
    on_cleanup(move || listening.remove());
    let question = move || {
        follow_up
            .question(score.get())
            .unwrap_or_else(|| "Nothing is lower than 0: leave this empty".into())
    };
    view! { <label class="label" for=for_id node_ref=label>{question}</label> }
}

/// Whether the score was chosen in the form this question belongs to: a page may hold two
/// rulers.
fn same_form(input: &HtmlInputElement, label: Option<HtmlLabelElement>) -> bool {
    let Some(form) = label.and_then(|label| label.closest("form").ok().flatten()) else {
        return false;
    };
    input
        .form()
        .is_some_and(|own| own.is_same_node(Some(&form)))
}
