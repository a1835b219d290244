//! A form that posts to its server function as a plain HTML form, with or without JavaScript.
//! With JavaScript, the browser first runs the form's [`FormCheck`]: the shared core's rules,
//! the same the server applies. If they find anything, the form stays on the page with its
//! errors shown and nothing is sent; otherwise it is sent and its button says so.

use super::error_marks;
use super::form::Feedback;
use super::form_check::FormCheck;
use leptos::prelude::*;
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
    view! {
        <CheckingForm action check prefix class>{children()}</CheckingForm>
    }
}

/// The island: its props go to the browser with the page, its children stay server-drawn.
#[island]
fn CheckingForm(
    action: String,
    check: FormCheck,
    prefix: String,
    class: Option<String>,
    children: Children,
) -> impl IntoView {
    let on_submit = move |ev: SubmitEvent| check_before_sending(&ev, &check, &prefix);
    view! {
        <form method="post" action=action novalidate class=class on:submit=on_submit>
            {children()}
        </form>
    }
}

fn check_before_sending(ev: &SubmitEvent, check: &FormCheck, prefix: &str) {
    let Some(form) = ev
        .target()
        .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let Some(errors) = FormData::new_with_form(&form)
        .ok()
        .and_then(|data| check.errors(&data))
    else {
        return;
    };
    let document = document();
    if errors.is_empty() {
        error_marks::clear(&document, &form, prefix);
        if let Some(button) = ev.submitter() {
            sending(&button);
        }
    } else {
        ev.prevent_default();
        error_marks::show(&document, &form, prefix, &errors);
    }
}

/// The button that sent the form says what is happening, in the words it was drawn with.
fn sending(button: &web_sys::HtmlElement) {
    if let Some(busy) = button.get_attribute("data-busy-label") {
        button.set_text_content(Some(&busy));
        let _ = button.set_attribute("aria-disabled", "true");
    }
}
