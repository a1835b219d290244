//! Form fields and their errors in the GOV.UK pattern. A refused form comes back drawn by the
//! server with its errors and what was typed ([`crate::refusal`]); with JavaScript, the
//! browser's own check marks the same places ([`super::error_marks`]), so every field carries
//! its error message, hidden while there is none.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// What the server said about a form's last submission.
#[derive(Clone, Copy)]
pub struct Feedback {
    pub error: Signal<Option<AppError>>,
    /// Prefixes field ids, so a page can hold the same small form many times.
    prefix: StoredValue<String>,
}

impl Feedback {
    /// The refusal the server kept for the form posting to `S`.
    pub fn of<S: ServerFn>() -> Self {
        Self::scoped::<S>(String::new(), None)
    }

    /// For one of several copies of a form on a page: ids start with `prefix`, and a refusal
    /// is shown only where its kept `(field, value)` matches.
    pub fn scoped<S: ServerFn>(prefix: String, only_if: Option<(&'static str, String)>) -> Self {
        let refused = crate::refusal::for_server_fn(S::PATH);
        let only_if = StoredValue::new(only_if);
        let error = Signal::derive(move || {
            refused.get().filter(|error| {
                only_if.with_value(|only| match (only, error.field_errors()) {
                    (Some((field, wanted)), Some(errors)) => {
                        errors.value(field) == Some(wanted.as_str())
                    }
                    _ => true,
                })
            })
        });
        Feedback {
            error,
            prefix: StoredValue::new(prefix),
        }
    }

    /// For a form posted to a route that is not a server function (the case system's extract is
    /// uploaded so): the refusal kept for `path` when it sent the browser back.
    pub fn kept(path: &'static str) -> Self {
        Feedback {
            error: crate::refusal::for_server_fn(path),
            prefix: StoredValue::new(String::new()),
        }
    }

    /// The element id of a field.
    pub fn id(&self, name: &str) -> String {
        self.prefix.with_value(|p| format!("{p}{name}"))
    }

    /// The prefix of the form's field ids.
    pub fn prefix(&self) -> String {
        self.prefix.get_value()
    }

    pub fn field(&self, name: &str) -> Option<String> {
        self.error.with(|e| {
            e.as_ref()
                .and_then(AppError::field_errors)
                .and_then(|f| f.for_field(name))
                .map(str::to_string)
        })
    }

    pub fn value(&self, name: &str) -> Option<String> {
        self.error.with(|e| {
            e.as_ref()
                .and_then(AppError::field_errors)
                .and_then(|f| f.value(name))
                .map(str::to_string)
        })
    }
}

/// The GOV.UK error summary of a refused form. It takes the focus when the page opens, so
/// screen readers announce it and keyboard users start there, with or without JavaScript.
#[component]
pub fn ErrorSummary(feedback: Feedback) -> impl IntoView {
    let summary_now = move || {
        feedback.error.get().map(|error| {
            let items = match &error {
                AppError::Invalid(errors) | AppError::EditConflict(errors) => errors
                    .errors
                    .iter()
                    .map(|e| view! { <li><a href=format!("#{}", feedback.id(&e.field))>{e.message.clone()}</a></li> }.into_any())
                    .collect_view(),
                other => vec![view! { <li>{other.to_string()}</li> }.into_any()].collect_view(),
            };
            // Scoped like the fields: a page may hold several forms.
            let title = feedback.id("error-summary-title");
            let labelled_by = title.clone();
            view! {
                <div class="error-summary" role="alert" tabindex="-1" aria-labelledby=labelled_by autofocus=true>
                    <h2 class="error-summary__title" id=title>"There is a problem"</h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    };
    // The slot the browser's own check fills, in the same place.
    view! { <div id=feedback.id("error-summary-slot")>{summary_now}</div> }
}

/// `aria-describedby` for a field: its hint, and its error message when there is one.
pub(crate) fn described_by(
    feedback: Feedback,
    name: &'static str,
    has_hint: bool,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{}-hint", feedback.id(name)));
        }
        if feedback.field(name).is_some() {
            ids.push(format!("{}-error", feedback.id(name)));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

pub(crate) fn group_class(
    feedback: Feedback,
    name: &'static str,
) -> impl Fn() -> &'static str + Send + Sync + 'static {
    move || {
        if feedback.field(name).is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    }
}

/// The label, hint and error message above a field.
#[component]
pub(crate) fn FieldHeading(
    feedback: Feedback,
    name: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
) -> impl IntoView {
    let id = feedback.id(name);
    view! {
        <label class="label" for=id.clone()>{label}</label>
        {hint.map(|text| view! { <div class="hint" id=format!("{id}-hint")>{text}</div> })}
        <ErrorMessage feedback name/>
    }
}

/// A field's error message: hidden and empty while there is none, so the browser's check has a
/// place to put one.
#[component]
pub(crate) fn ErrorMessage(feedback: Feedback, name: &'static str) -> impl IntoView {
    let message = move || feedback.field(name);
    view! {
        <p class="error-message" id=format!("{}-error", feedback.id(name)) hidden=move || message().is_none()>
            {move || message().map(|message| view! { <span class="visually-hidden">"Error:"</span>" "{message} })}
        </p>
    }
}

/// A labelled input with its hint and its error message.
#[component]
pub fn TextField(
    feedback: Feedback,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Logins and codes: no autocorrect or capitals from phone keyboards.
    #[prop(optional)]
    verbatim: bool,
    #[prop(optional)] width: Option<&'static str>,
    /// What the field holds when the page opens (an edit form); what was typed wins.
    #[prop(optional_no_strip, into)]
    value: Option<String>,
) -> impl IntoView {
    let secret = kind == "password";
    let input_class = move || {
        let mut class = String::from("input");
        if let Some(width) = width {
            class.push_str(" input--");
            class.push_str(width);
        }
        if feedback.field(name).is_some() {
            class.push_str(" input--error");
        }
        class
    };
    view! {
        <div class=group_class(feedback, name)>
            <FieldHeading feedback name label hint/>
            <input
                class=input_class
                id=feedback.id(name)
                name=name
                type=kind
                autocomplete=autocomplete
                autocapitalize=verbatim.then_some("none")
                spellcheck=verbatim.then_some("false")
                aria-describedby=described_by(feedback, name, hint.is_some())
                aria-invalid=move || feedback.field(name).is_some().then_some("true")
                value=move || if secret { None } else { feedback.value(name).or_else(|| value.clone()) }
            />
        </div>
    }
}

/// A labelled text area with its hint and its error message.
#[component]
pub fn TextArea(
    feedback: Feedback,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional_no_strip, into)] value: Option<String>,
    #[prop(default = 5)] rows: u8,
) -> impl IntoView {
    view! {
        <div class=group_class(feedback, name)>
            <FieldHeading feedback name label hint/>
            <textarea
                class=move || if feedback.field(name).is_some() { "textarea input--error" } else { "textarea" }
                id=feedback.id(name)
                name=name
                rows=rows
                aria-describedby=described_by(feedback, name, hint.is_some())
                aria-invalid=move || feedback.field(name).is_some().then_some("true")
            >
                {move || feedback.value(name).or_else(|| value.clone()).unwrap_or_default()}
            </textarea>
        </div>
    }
}

/// A submit button. Once the browser's check lets its form go, it says what is happening.
#[component]
pub fn SubmitButton(
    label: &'static str,
    busy_label: &'static str,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    view! {
        <button type="submit" class=class.unwrap_or("button") data-busy-label=busy_label>
            {label}
        </button>
    }
}
