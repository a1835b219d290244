use crate::api::invitations::ClaimInvitation;
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// A family member sets up their account with the code their worker gave them.
#[component]
pub fn JoinPage() -> impl IntoView {
    let feedback = Feedback::of::<ClaimInvitation>();
    let check = FormCheck::ClaimInvitation;
    view! {
        <Title text="Set up your account"/>
        <ErrorSummary feedback/>
        <h1>"Set up your Hearth account"</h1>
        <p class="lead">"Your worker gave you a code. Use it here to make your own account."</p>
        <p>"In Hearth you can see your goals and how things are going. Only you can see your page."</p>
        <CheckedForm action=ClaimInvitation::url() check feedback>
            <TextField feedback name="code" label="Invitation code" hint="12 letters and numbers, for example 7KQM-3XPD-9TWA" verbatim=true width="width-10" autocomplete="one-time-code"/>
            <TextField feedback name="login" label="Choose a username" hint="You will use this to sign in. Use letters, numbers and dots, for example kelly.smith" verbatim=true autocomplete="username"/>
            <TextField feedback name="passphrase" label="Choose a passphrase" hint="At least 10 characters. Three words you will remember work well, for example tea garden robin" kind="password" autocomplete="new-password"/>
            <TextField feedback name="confirm" label="Type the passphrase again" kind="password" autocomplete="new-password"/>
            <SubmitButton label="Create my account" busy_label="Creating your account…"/>
        </CheckedForm>
    }
}
