//! Hashed assets come from their own service: compressed, and cached for a year.

use app::state::{AppState, Settings};
use axum::body::Body;
use axum::http::Request;
use std::sync::Arc;

mod support;

#[tokio::test]
async fn assets_are_precompressed_and_cached() {
    let site = std::env::temp_dir().join(format!("hearth-site-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(site.join("pkg")).expect("site dir");
    std::fs::write(site.join("pkg/hearth.abc123.css"), "body{color:black}").expect("css");
    std::fs::write(site.join("pkg/hearth.abc123.css.br"), b"brotli bytes").expect("br");
    std::fs::write(site.join("pkg/hearth.abc123.css.gz"), b"gzip bytes").expect("gz");
    let _cleanup = support::tempdir::TempDir(site.clone());

    let (url, _dir) = support::Backend::Sqlite.fresh_database().await;
    let db = app::store::Db::connect(&url, support::audit_key())
        .await
        .expect("db");
    let mut options = server::config::leptos_options("127.0.0.1:3000".parse().expect("addr"));
    options.site_root = site.display().to_string().into();
    options.hash_files = true;
    let router = server::router(AppState {
        leptos_options: options,
        db,
        settings: Arc::new(Settings::default()),
    });

    let get = |encoding: &'static str| {
        Request::get("/pkg/hearth.abc123.css")
            .header("host", support::http::HOST)
            .header("accept-encoding", encoding)
            .body(Body::empty())
            .expect("request")
    };
    let brotli = support::http::send(&router, get("gzip, deflate, br")).await;
    assert_eq!(brotli.status, 200);
    assert_eq!(brotli.header("content-encoding"), Some("br"));
    assert_eq!(brotli.body, "brotli bytes");
    assert_eq!(
        brotli.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(brotli.header("x-content-type-options"), Some("nosniff"));
    let gzip = support::http::send(&router, get("gzip")).await;
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    let plain = support::http::send(&router, get("identity")).await;
    assert_eq!(
        (plain.header("content-encoding"), plain.body.as_str()),
        (None, "body{color:black}")
    );
}
