//! Shows in the page what the browser's check of a form found, in the markup the server draws
//! for a refused form (the GOV.UK error summary and error messages), and takes it away again.
//! The form is drawn by the server, so this marks the elements it drew rather than drawing
//! them anew: every field carries an empty, hidden error message to fill.

use crate::error::FieldErrors;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

const ERROR_ID: &str = "-error";

/// Takes away every error mark inside `form` and the summary above it.
pub fn clear(document: &Document, form: &Element, prefix: &str) {
    each(form, ".error-message", |message| {
        message.set_text_content(None);
        let _ = message.set_attribute("hidden", "");
    });
    each(form, ".form-group--error", |group| {
        let _ = group.class_list().remove_1("form-group--error");
    });
    each(form, ".input--error", |control| {
        let _ = control.class_list().remove_1("input--error");
    });
    each(form, "[aria-invalid]", |control| {
        let _ = control.remove_attribute("aria-invalid");
    });
    each(form, "[aria-describedby]", |described| {
        let kept = described
            .get_attribute("aria-describedby")
            .unwrap_or_default()
            .split_whitespace()
            .filter(|id| !id.ends_with(ERROR_ID))
            .collect::<Vec<_>>()
            .join(" ");
        let _ = if kept.is_empty() {
            described.remove_attribute("aria-describedby")
        } else {
            described.set_attribute("aria-describedby", &kept)
        };
    });
    if let Some(slot) = document.get_element_by_id(&format!("{prefix}error-summary-slot")) {
        slot.set_text_content(None);
    }
}

/// Marks each field named in `errors` and puts the summary in its place, focused, so screen
/// readers announce it and keyboard users start there.
pub fn show(document: &Document, form: &Element, prefix: &str, errors: &FieldErrors) {
    clear(document, form, prefix);
    for error in &errors.errors {
        mark_field(
            document,
            &format!("{prefix}{}", error.field),
            &error.message,
        );
    }
    let Some(slot) = document.get_element_by_id(&format!("{prefix}error-summary-slot")) else {
        return;
    };
    if let Some(summary) = summary(document, prefix, errors) {
        let _ = slot.append_child(&summary);
        if let Ok(summary) = summary.dyn_into::<HtmlElement>() {
            let _ = summary.focus();
        }
    }
}

fn mark_field(document: &Document, id: &str, message: &str) {
    let error_id = format!("{id}{ERROR_ID}");
    let Some(slot) = document.get_element_by_id(&error_id) else {
        return;
    };
    slot.set_text_content(None);
    if let Some(hidden) = element(document, "span", Some("visually-hidden"), Some("Error:")) {
        let _ = slot.append_child(&hidden);
    }
    let _ = slot.append_child(&document.create_text_node(&format!(" {message}")));
    let _ = slot.remove_attribute("hidden");
    if let Ok(Some(group)) = slot.closest(".form-group") {
        let _ = group.class_list().add_1("form-group--error");
    }
    // A single control is described by its message; a group of radios or boxes through its
    // fieldset.
    let control = document.get_element_by_id(id).filter(|c| {
        !matches!(
            c.get_attribute("type").as_deref(),
            Some("radio" | "checkbox")
        )
    });
    let described = match control {
        Some(control) => {
            let _ = control.class_list().add_1("input--error");
            let _ = control.set_attribute("aria-invalid", "true");
            Some(control)
        }
        None => slot.closest("fieldset").ok().flatten(),
    };
    if let Some(described) = described {
        let ids = described
            .get_attribute("aria-describedby")
            .unwrap_or_default();
        let _ = described.set_attribute("aria-describedby", format!("{ids} {error_id}").trim());
    }
}

fn summary(document: &Document, prefix: &str, errors: &FieldErrors) -> Option<Element> {
    let title_id = format!("{prefix}error-summary-title");
    let summary = element(document, "div", Some("error-summary"), None)?;
    for (name, value) in [
        ("role", "alert"),
        ("tabindex", "-1"),
        ("aria-labelledby", title_id.as_str()),
    ] {
        summary.set_attribute(name, value).ok()?;
    }
    let title = element(
        document,
        "h2",
        Some("error-summary__title"),
        Some("There is a problem"),
    )?;
    title.set_id(&title_id);
    let list = element(document, "ul", Some("error-summary__list"), None)?;
    for error in &errors.errors {
        let item = element(document, "li", None, None)?;
        let link = element(document, "a", None, Some(&error.message))?;
        link.set_attribute("href", &format!("#{prefix}{}", error.field))
            .ok()?;
        item.append_child(&link).ok()?;
        list.append_child(&item).ok()?;
    }
    summary.append_child(&title).ok()?;
    summary.append_child(&list).ok()?;
    Some(summary)
}

/// An element with a class and its text (set as text, never parsed as markup).
fn element(
    document: &Document,
    tag: &str,
    class: Option<&str>,
    text: Option<&str>,
) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if let Some(class) = class {
        element.set_class_name(class);
    }
    if let Some(text) = text {
        element.set_text_content(Some(text));
    }
    Some(element)
}

fn each(root: &Element, selector: &str, mut f: impl FnMut(&Element)) {
    let Ok(found) = root.query_selector_all(selector) else {
        return;
    };
    for index in 0..found.length() {
        if let Some(element) = found.item(index).and_then(|n| n.dyn_into::<Element>().ok()) {
            f(&element);
        }
    }
}
