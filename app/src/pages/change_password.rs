use crate::api::account::ChangePassword;
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// Changing one's own password. The browser checks length and match; the server also checks
/// the password against the account's own name and login and how easily it could be guessed.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let feedback = Feedback::of::<ChangePassword>();
    let check = FormCheck::ChangePassword;
    view! {
        <Title text="Change your password"/>
        <ErrorSummary feedback/>
        <p><a href=paths::ACCOUNT>"Back to your account"</a></p>
        <h1>"Change your password"</h1>
        <p>"Choose a password you do not use anywhere else. Three random words work well, for example copper kettle lantern."</p>
        <CheckedForm action=ChangePassword::url() check feedback>
            <TextField feedback name="current_password" label="Current password" kind="password" autocomplete="current-password"/>
            <TextField feedback name="new_password" label="New password" hint="At least 12 characters. Not your name or your email" kind="password" autocomplete="new-password"/>
            <TextField feedback name="confirm" label="Type the new password again" kind="password" autocomplete="new-password"/>
            <SubmitButton label="Change password" busy_label="Changing your password…"/>
        </CheckedForm>
    }
}
