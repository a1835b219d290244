//! The whole application as one router, built from its state so tests can drive it in-process.

use crate::limits::{self, InFlight};
use crate::{
    api_status, cross_site, exports, import_upload, island_scripts, probes, refusals,
    security_headers, static_files, telemetry,
};
use app::app::{shell, App};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{middleware, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::OnceLock;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;

/// The pages, listed once per process. While leptos lists them it holds back every resource in
/// the process that starts loading meanwhile, and such a resource never loads (leptos issue
/// 4773): a page being drawn by another router in the same process (tests run several) would
/// never finish.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let options = state.leptos_options.clone();
    let settings = state.settings.clone();
    let routes = route_list();
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(app::auth::caller::Resolved::default());
        }
    };
    // Registers every page and, at its own path under /api/, every server function.
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(not_found)
        .with_state(state.clone());
    let app = Router::new()
        .merge(static_files::routes(
            &options.site_root,
            &options.site_pkg_dir,
            options.hash_files,
        ))
        .route(
            "/families/{id}/chronology.csv",
            get(exports::chronology_csv).with_state(state.clone()),
        )
        .route(
            app::paths::IMPORT_UPLOAD,
            post(import_upload::upload).with_state(state.clone()),
        )
        .merge(pages)
        .route_layer(middleware::from_fn(telemetry::mark_route))
        .layer(middleware::from_fn(api_status::correct_error_status))
        .layer(middleware::from_fn(island_scripts::only_where_islands_are))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            refusals::keep_refusals_out_of_addresses,
        ))
        // Pages and server-function answers, compressed as they are made; a low level keeps it
        // cheap per request. Hashed assets arrive precompressed and are left alone.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(middleware::from_fn_with_state(
            settings.body_timeout,
            limits::read_body_in_time,
        ))
        .layer(RequestBodyLimitLayer::new(import_upload::UPLOAD_BODY_LIMIT))
        .layer(middleware::from_fn(limits::require_length))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            cross_site::refuse_cross_site,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers::add_security_headers,
        ))
        // A request waits for a slot before any work is done for it.
        .layer(middleware::from_fn_with_state(
            InFlight::new(settings.max_in_flight, settings.wait_for_slot),
            limits::bound_in_flight,
        ));
    // The probes and metrics answer even when every request slot is taken.
    Router::new()
        .route("/healthz", get(probes::healthz))
        .route("/readyz", get(probes::readyz).with_state(state.clone()))
        .route(
            "/metrics",
            get(telemetry::metrics_endpoint).with_state(state.clone()),
        )
        .route_layer(middleware::from_fn(telemetry::mark_route))
        .merge(app)
        // Outermost: every request, answered or refused, gets its id, span and count.
        .layer(middleware::from_fn(telemetry::observe))
}

/// Any other address: the app renders its "Page not found" with status 404.
async fn not_found(State(state): State<AppState>, request: Request<Body>) -> impl IntoResponse {
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || provide_context(state.clone()),
        move || shell(options.clone()),
    );
    handler(request).await
}
