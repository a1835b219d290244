//! The administrators' upload of the case system's extract: a form of CSV files posted to
//! `/imports/upload`, checked or imported, and then the report's page. A route of its own rather
//! than a server function, so the caller is authorized before a byte of the files is read, and
//! the files are read with the extract's own size and time limits.

use app::auth::caller::Caller;
use app::error::AppError;
use app::services::import::{self, ExtractFile, Mode, MAX_BYTES};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;
use std::time::Duration;

/// Room for the form around the files: boundaries, part headers, the mode.
pub const UPLOAD_BODY_LIMIT: usize = MAX_BYTES + 64 * 1024;

/// An administrator at a desk sends 25 MB in well under this; a client that stalls is cut off.
const READ_WITHIN: Duration = Duration::from_secs(300);

pub async fn upload(State(state): State<AppState>, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let content_type = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let owner = Owner::new();
    let result = owner
        .with(|| {
            ScopedFuture::new(async move {
                provide_context(parts);
                provide_context(state);
                let caller = Caller::current().await?;
                import::may_import(&caller).await?;
                match tokio::time::timeout(READ_WITHIN, read_form(&content_type, body)).await {
                    Ok(Ok((files, mode))) => import::upload(&caller, &files, mode).await,
                    Ok(Err(problem)) => Err(import::refuse_upload(&caller, problem).await?),
                    Err(_) => Err(import::refuse_upload(
                        &caller,
                        "The files took too long to arrive: try again on a steadier connection"
                            .into(),
                    )
                    .await?),
                }
            })
        })
        .await;
    match result {
        Ok(done) => Redirect::to(&app::paths::extract_report(done.id)).into_response(),
        Err(AppError::SignInRequired) => Redirect::to("/login").into_response(),
        // Back to the upload page with why, beside the field (kept out of the address on the
        // way, as for every refused form).
        Err(error @ AppError::Invalid(_)) => {
            let encoded = base64::engine::general_purpose::URL_SAFE.encode(error_json(&error));
            Redirect::to(&format!(
                "{}?__path={}&__err={encoded}",
                app::paths::IMPORTS,
                app::paths::IMPORT_UPLOAD
            ))
            .into_response()
        }
        Err(error) => (
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            error.to_string(),
        )
            .into_response(),
    }
}

/// The error as leptos carries a server function's error to a page.
fn error_json(error: &AppError) -> Vec<u8> {
    use leptos::server_fn::error::FromServerFnError;
    error.ser().to_vec()
}

/// The files of the form and whether to check or import them.
async fn read_form(content_type: &str, body: Body) -> Result<(Vec<ExtractFile>, Mode), String> {
    const NOT_A_FORM: &str = "Choose the extract's CSV files with the form on this page";
    let boundary = multer::parse_boundary(content_type).map_err(|_| NOT_A_FORM.to_string())?;
    let mut form = multer::Multipart::new(body.into_data_stream(), boundary);
    let mut files = Vec::new();
    let mut mode = Mode::Check;
    let mut total = 0usize;
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|_| NOT_A_FORM.to_string())?
    {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| NOT_A_FORM.to_string())? {
            total += chunk.len();
            if total > MAX_BYTES {
                return Err(format!(
                    "The files come to more than {} MB; Hearth reads at most {} MB at a time. Check that these are the extract's CSV files",
                    MAX_BYTES / 1_048_576,
                    MAX_BYTES / 1_048_576
                ));
            }
            bytes.extend_from_slice(&chunk);
        }
        match (name.as_str(), file_name) {
            // A form sent with no file chosen still has an empty part.
            ("files", Some(file_name)) if !file_name.is_empty() || !bytes.is_empty() => {
                files.push(ExtractFile {
                    name: file_name,
                    bytes,
                });
            }
            ("mode", None) if bytes == b"apply" => mode = Mode::Apply,
            _ => {}
        }
    }
    if files.is_empty() {
        return Err("Choose the extract's CSV files".into());
    }
    Ok((files, mode))
}
