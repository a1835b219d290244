use crate::api::account::ChangePassword;
use crate::components::form::{submit_checked, ErrorSummary, Feedback, SubmitButton, TextField};
use crate::domain::new_password::validate_password_change;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// Changing one's own password. The browser checks length and match; the server also checks
/// the password against the account's own name and login and how easily it could be guessed.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    let feedback = Feedback::new(action);
    let on_submit = submit_checked(action, feedback, |input: &ChangePassword| {
        validate_password_change(
            &input.current_password,
            &input.new_password,
            &input.confirm,
            &[],
        )
    });
    view! {
        <Title text="Change your password"/>
        <ErrorSummary feedback/>
        <p><a href=paths::ACCOUNT>"Back to your account"</a></p>
        <h1>"Change your password"</h1>
        <p>"Choose a password you do not use anywhere else. Three random words work well, for example copper kettle lantern."</p>
        <form method="post" action=ChangePassword::url() novalidate on:submit=on_submit>
            <TextField feedback name="current_password" label="Current password" kind="password" autocomplete="current-password"/>
            <TextField feedback name="new_password" label="New password" hint="At least 12 characters. Not your name or your email" kind="password" autocomplete="new-password"/>
            <TextField feedback name="confirm" label="Type the new password again" kind="password" autocomplete="new-password"/>
            <SubmitButton label="Change password" busy_label="Changing your password…" pending=action.pending().into()/>
        </form>
    }
}
