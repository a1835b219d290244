use crate::api::account::{new_recovery_codes, second_factor_setup, ConfirmSecondFactor};
use crate::components::checked_form::CheckedForm;
use crate::components::form::{ErrorSummary, Feedback, SubmitButton, TextField};
use crate::components::form_check::FormCheck;
use crate::components::problem::Problem;
use crate::domain::second_factor::format_recovery_code;
use crate::page_data::account::NewSecondFactor;
use crate::paths;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Setting up a second factor: add the key to an authenticator app, then prove it with a code.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let feedback = Feedback::of::<ConfirmSecondFactor>();
    // After a refused code the same key is shown again: it is already in the person's app.
    let setup = Resource::new(
        move || feedback.value("sealed").unwrap_or_default(),
        second_factor_setup,
    );
    view! {
        <Title text="Set up a second factor"/>
        <Suspense fallback=|| view! { <p>"Making your key…"</p> }>
            {move || Suspend::new(async move {
                match setup.await {
                    Err(error) => view! { <Problem error/> }.into_any(),
                    Ok(setup) => view! { <Steps setup feedback/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Steps(setup: NewSecondFactor, feedback: Feedback) -> impl IntoView {
    let check = FormCheck::ConfirmSecondFactor;
    view! {
        <ErrorSummary feedback/>
        <h1>"Set up a second factor"</h1>
        <p class="lead">"You will sign in with your password and a code from an app on your phone, so your password alone cannot open Hearth."</p>
        {setup.already_set_up.then(|| view! {
            <div class="inset">"This replaces the second factor you have now. Your old codes and recovery codes will stop working."</div>
        })}
        <h2>"1. Get an authenticator app"</h2>
        <p>"Any authenticator app works, for example Microsoft Authenticator or Google Authenticator. Your council may have one on your work phone already."</p>
        <h2>"2. Add Hearth to the app"</h2>
        <p>"In the app, choose to add an account and scan this QR code."</p>
        <div class="qr-code" role="img" aria-label="QR code holding your key" inner_html=setup.qr_svg></div>
        <p>"If you cannot scan it, type this key into the app instead:"</p>
        <p class="secret-key" translate="no"><code>{setup.secret_text}</code></p>
        <h2>"3. Enter the code the app shows"</h2>
        <CheckedForm action=ConfirmSecondFactor::url() check feedback>
            <input type="hidden" name="sealed" value=setup.sealed/>
            <TextField feedback name="code" label="Code from the app" hint="6 digits, for example 123456" verbatim=true width="width-5" autocomplete="one-time-code"/>
            <SubmitButton label="Turn on the second factor" busy_label="Checking the code…"/>
        </CheckedForm>
    }
}

/// The new recovery codes, after the second factor was turned on.
#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let query = use_query_map();
    let codes = Resource::new(
        move || query.read().get("shown").unwrap_or_default(),
        new_recovery_codes,
    );
    view! {
        <Title text="Your recovery codes"/>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match codes.await {
                    Err(_) => view! {
                        <h1>"These codes can no longer be shown"</h1>
                        <p>"Recovery codes are shown only for a few minutes after they are made. If you did not keep them, set up your second factor again to get new ones."</p>
                        <p><a href=paths::ACCOUNT>"Go to your account"</a></p>
                    }.into_any(),
                    Ok(codes) => {
                        let items = codes.codes.iter().map(|c| view! { <li><code>{format_recovery_code(c)}</code></li> }).collect_view();
                        view! {
                            <div class="banner banner--success" role="alert" aria-labelledby="on-title">
                                <div class="banner__header"><h2 class="banner__title" id="on-title">"Success"</h2></div>
                                <div class="banner__content"><p class="banner__heading">"Your second factor is on."</p></div>
                            </div>
                            <h1>"Keep your recovery codes"</h1>
                            <p class="lead">"If you lose your phone, each of these codes lets you sign in once instead of a code from the app."</p>
                            <div class="warning-text"><strong>"They are shown only now. Write them down or print this page, and keep them somewhere safe, away from your phone."</strong></div>
                            <ol class="recovery-codes" translate="no">{items}</ol>
                            <p><a class="button" href="/">"I have kept my codes"</a></p>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
