//! A form that posts to its server function as a plain HTML form, with or without JavaScript.
//! With JavaScript, the browser first runs the form's [`FormCheck`]: the shared core's rules,
//! the same the server applies. If they find anything, the form stays on the page with its
//! errors shown and nothing is sent; otherwise it is sent and its button says so. If the rules
//! cannot be fetched, the form is sent and the server checks it.

use super::error_marks;
use super::form::Feedback;
use super::form_check::{self, FormCheck};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{FormData, HtmlFormElement, SubmitEvent};

#[component]
pub fn CheckedForm(
    /// The server function's URL.
    #[prop(into)]
    action: String,
    check: FormCheck,
    /// The form's refusal and field ids, which the browser's check marks the same way.
    feedback: Feedback,
    #[prop(optional, into)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    let prefix = feedback.prefix();
    let check = check.to_json();
    view! {
        <CheckingForm action check prefix class>{children()}</CheckingForm>
    }
}

/// The island: its props go to the browser with the page, its children stay server-drawn.
#[island]
fn CheckingForm(
    action: String,
    /// The form's [`FormCheck`] as JSON text: the code that reads it is fetched with the
    /// first check (`form_check::run`), so it stays out of the bundle every page loads.
    check: String,
    prefix: String,
    class: Option<String>,
    children: Children,
) -> impl IntoView {
    // Fetch this form's rules when someone first moves into it, not with the page: a family
    // page has a dozen forms and most visits use none. Running the rules on an empty form
    // fetches their chunk; they have no effects.
    let fetched = StoredValue::new(false);
    let fetching = check.clone();
    let on_focus = move |_| {
        if !fetched.get_value() {
            fetched.set_value(true);
            if let Ok(empty) = FormData::new() {
                let rules = errors_of(fetching.clone(), empty);
                leptos::task::spawn_local(async move {
                    rules.await;
                });
            }
        }
    };
    // Set between a check that passed and the submission it starts again.
    let checked = StoredValue::new(false);
    let on_submit = move |ev: SubmitEvent| {
        if checked.get_value() {
            checked.set_value(false);
            if let Some(button) = ev.submitter() {
                sending(&button);
            }
        } else {
            check_then_send(&ev, check.clone(), prefix.clone(), checked);
        }
    };
    view! {
        <form method="post" action=action novalidate class=class on:submit=on_submit on:focusin=on_focus>
            {children()}
        </form>
    }
}

/// What the form's check finds; `None` when it could not be fetched (no signal) or read.
async fn errors_of(check: String, form: FormData) -> Option<crate::error::FieldErrors> {
    match form_check::run(check, form).await {
        Ok(finding) => finding.await,
        Err(_) => None,
    }
}

/// Holds the submission while the rules run (they may have to be fetched first), then shows
/// what they found, or sends the form as its button would have.
fn check_then_send(ev: &SubmitEvent, check: String, prefix: String, checked: StoredValue<bool>) {
    let Some(form) = ev
        .target()
        .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let Ok(data) = FormData::new_with_form(&form) else {
        return;
    };
    ev.prevent_default();
    let submitter = ev.submitter();
    leptos::task::spawn_local(async move {
        let document = document();
        match errors_of(check, data).await {
            Some(errors) if !errors.is_empty() => {
                error_marks::show(&document, &form, &prefix, &errors)
            }
            found => {
                if found.is_some() {
                    error_marks::clear(&document, &form, &prefix);
                }
                // In a task of its own: while the first submit event is still being dispatched
                // (a click's, when the rules were already here), the browser ignores a new one.
                set_timeout(
                    move || {
                        checked.set_value(true);
                        if form
                            .request_submit_with_submitter(submitter.as_ref())
                            .is_err()
                        {
                            checked.set_value(false);
                        }
                    },
                    Duration::ZERO,
                );
            }
        }
    });
}

/// The button that sent the form says what is happening, in the words it was drawn with.
fn sending(button: &web_sys::HtmlElement) {
    if let Some(busy) = button.get_attribute("data-busy-label") {
        button.set_text_content(Some(&busy));
        let _ = button.set_attribute("aria-disabled", "true");
    }
}
