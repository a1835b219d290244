use crate::api::set_up::SetUpAccount;
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// A member of staff chooses their own password with the set-up code their administrator gave
/// them (or that `hearth setup` printed for the council's first administrator).
#[component]
pub fn SetUpPage() -> impl IntoView {
    let feedback = Feedback::of::<SetUpAccount>();
    let check = FormCheck::SetUpAccount;
    view! {
        <Title text="Set up your staff account"/>
        <ErrorSummary feedback/>
        <h1>"Set up your staff account"</h1>
        <p class="lead">"Your administrator gave you a set-up code. Use it here to choose your own password."</p>
        <p>"The code works once, for 24 hours. If you have forgotten your password, a new code from your administrator lets you choose another one here."</p>
        <CheckedForm action=SetUpAccount::url() check feedback>
            <TextField feedback name="code" label="Set-up code" hint="12 letters and numbers, for example 7KQM-3XPD-9TWA" verbatim=true width="width-10" autocomplete="one-time-code"/>
            <TextField feedback name="new_password" label="Choose a password" hint="At least 12 characters. Not your name or your email. Three random words work well" kind="password" autocomplete="new-password"/>
            <TextField feedback name="confirm" label="Type the password again" kind="password" autocomplete="new-password"/>
            <SubmitButton label="Set my password" busy_label="Setting your password…"/>
        </CheckedForm>
    }
}
