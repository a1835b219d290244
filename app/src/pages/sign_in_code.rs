use crate::api::session::SignInCode;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// The second step of signing in, for staff with a second factor.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let feedback = Feedback::of::<SignInCode>();
    view! {
        <Title text="Enter your code"/>
        <ErrorSummary feedback/>
        <h1>"Enter the code from your authenticator app"</h1>
        <p>"Open the app on your phone and enter the 6-digit code it shows for Hearth."</p>
        // Like the sign-in page, checked by the server alone (decision 27).
        <form method="post" action=SignInCode::url() novalidate>
            <TextField feedback name="code" label="Code" hint="6 digits, for example 123456" verbatim=true width="width-10" autocomplete="one-time-code"/>
            <SubmitButton label="Sign in" busy_label="Signing in…"/>
        </form>
        <details class="details">
            <summary class="details__summary"><span class="details__summary-text">"I do not have my phone"</span></summary>
            <div class="details__text">
                <p>"Enter one of your recovery codes in the box above instead. Each one works once."</p>
                <p>"If you have none left, ask your administrator to reset your second factor."</p>
            </div>
        </details>
        <p><a href="/login">"Start again with your password"</a></p>
    }
}
