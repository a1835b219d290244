//! Fields where a person picks: a list, radios, checkboxes, and the 0–10 scale.

use super::form::{described_by, group_class, ErrorMessage, Feedback, FieldHeading};
use leptos::prelude::*;

/// One option: the value sent, and the words shown.
pub type Choice = (String, String);

/// What was typed (if anything was), else the initial value. An empty answer is no answer, so
/// "Choose…" comes back with the error.
fn chosen(feedback: Feedback, name: &'static str, initial: &Option<String>) -> Option<String> {
    feedback
        .value(name)
        .or_else(|| initial.clone())
        .filter(|v| !v.is_empty())
}

#[component]
pub fn Select(
    feedback: Feedback,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: Vec<Choice>,
    #[prop(optional_no_strip, into)] value: Option<String>,
) -> impl IntoView {
    let current = chosen(feedback, name, &value);
    view! {
        <div class=group_class(feedback, name)>
            <FieldHeading feedback name label hint/>
            <select
                class="select"
                id=feedback.id(name)
                name=name
                aria-describedby=described_by(feedback, name, hint.is_some())
                aria-invalid=move || feedback.field(name).is_some().then_some("true")
            >
                {current.is_none().then(|| view! { <option value="" selected=true>"Choose…"</option> })}
                {options.into_iter().map(|(code, text)| {
                    let selected = current.as_deref() == Some(code.as_str());
                    view! { <option value=code selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A group of radios or checkboxes in a fieldset, its legend the question.
#[component]
fn ChoiceGroup(
    feedback: Feedback,
    name: &'static str,
    legend: &'static str,
    hint: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=group_class(feedback, name)>
            <fieldset class="fieldset" aria-describedby=described_by(feedback, name, hint.is_some())>
                <legend class="fieldset__legend">{legend}</legend>
                {hint.map(|text| view! { <div class="hint" id=format!("{}-hint", feedback.id(name))>{text}</div> })}
                <ErrorMessage feedback name/>
                {children()}
            </fieldset>
        </div>
    }
}

/// Radios; the first gets the field's id so the error summary can link to it.
#[component]
pub fn Radios(
    feedback: Feedback,
    name: &'static str,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: Vec<Choice>,
    #[prop(optional_no_strip, into)] value: Option<String>,
    /// Lay the options in a row (short labels).
    #[prop(optional)]
    inline: bool,
) -> impl IntoView {
    let current = chosen(feedback, name, &value);
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (code, text))| {
            let id = if i == 0 { feedback.id(name) } else { format!("{}-{i}", feedback.id(name)) };
            let checked = current.as_deref() == Some(code.as_str());
            view! {
                <div class="radios__item">
                    <input class="radios__input" type="radio" id=id.clone() name=name value=code checked=checked/>
                    <label class="radios__label" for=id>{text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ChoiceGroup feedback name legend hint>
            <div class=if inline { "radios radios--inline" } else { "radios" }>{items}</div>
        </ChoiceGroup>
    }
}

/// The 0–10 scale as eleven radios: big enough to tap on a phone.
#[component]
pub fn ScaleRadios(
    feedback: Feedback,
    #[prop(default = "score")] name: &'static str,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let options: Vec<Choice> = (0..=10).map(|n| (n.to_string(), n.to_string())).collect();
    match hint {
        Some(hint) => view! { <Radios feedback name legend hint options inline=true/> }.into_any(),
        None => view! { <Radios feedback name legend options inline=true/> }.into_any(),
    }
}

/// Checkboxes sent as `name[]`, so the server reads a list.
#[component]
pub fn Checkboxes(
    feedback: Feedback,
    name: &'static str,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: Vec<Choice>,
    /// The values ticked when the page opens; what was typed wins.
    #[prop(optional)]
    checked: Vec<String>,
) -> impl IntoView {
    let ticked: Vec<String> = match feedback.value(name) {
        Some(kept) => kept
            .split(',')
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect(),
        None => checked,
    };
    let field = format!("{name}[]");
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (code, text))| {
            let id = if i == 0 { feedback.id(name) } else { format!("{}-{i}", feedback.id(name)) };
            let is_checked = ticked.contains(&code);
            view! {
                <div class="checkboxes__item">
                    <input class="checkboxes__input" type="checkbox" id=id.clone() name=field.clone() value=code checked=is_checked/>
                    <label class="checkboxes__label" for=id>{text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ChoiceGroup feedback name legend hint>
            <div class="checkboxes">{items}</div>
        </ChoiceGroup>
    }
}
