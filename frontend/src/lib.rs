//! The browser entry: wakes the page's islands, the few parts of a page that react in the
//! browser. The server sends this bundle only with a page that has one (see
//! `app::components::island_scripts`); every page works without it.

// The islands are exported from `app`; naming the crate links them into the bundle.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // Leptos wakes the islands straight after this returns, within the same task; a zero
    // timeout runs after that, so the mark lets end-to-end tests wait until a page is live.
    gloo_timers::callback::Timeout::new(0, || {
        if let Some(body) = leptos::prelude::document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    })
    .forget();
}
