//! The browser entry: wakes the page's islands, the few parts of a page that react in the
//! browser. The server sends this bundle only with a page that has one, with the script that
//! calls `hydrate` and then wakes each island (see `server/src/island_scripts.rs`); every page
//! works without it.

// The islands are exported from `app`; naming the crate links them into the bundle.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
