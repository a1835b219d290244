//! The case system's extract sent as its upload page sends it: a multipart form of CSV files,
//! posted without JavaScript from `/imports`.

use super::http::{send, HOST};
use super::{Reply, TestApp};
use axum::body::Body;
use axum::http::{header, Request};

pub type Files = Vec<(String, Vec<u8>)>;

/// The files of `docs/examples/<set>`, sorted by name.
pub fn example(set: &str) -> Files {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/examples")
        .join(set);
    let mut files: Files = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let name = path
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("an example file"))
        })
        .collect();
    files.sort();
    files
}

/// `files` with the one named `name` replaced by `text` (or added).
pub fn with(mut files: Files, name: &str, text: &[u8]) -> Files {
    files.retain(|(n, _)| n != name);
    files.push((name.to_string(), text.to_vec()));
    files
}

const BOUNDARY: &str = "hearth-test-boundary-7MA4YWxkTrZu0gW";

pub fn form(files: &Files, apply: bool) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    if apply {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\napply\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Posts `body` to the upload, as a browser does, with its length.
pub async fn post(app: &TestApp, cookie: Option<&str>, body: Vec<u8>) -> Reply {
    let mut request = Request::post(app::paths::IMPORT_UPLOAD)
        .header(header::HOST, HOST)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, format!("http://{HOST}/imports"))
        .header(header::CONTENT_LENGTH, body.len());
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(
        &app.router,
        request.body(Body::from(body)).expect("request"),
    )
    .await
}

pub async fn upload(app: &TestApp, cookie: &str, files: &Files, apply: bool) -> Reply {
    post(app, Some(cookie), form(files, apply)).await
}

/// The report a check or import led to, from the address it went to next.
pub fn report_id(reply: &Reply) -> String {
    let to = reply
        .redirected_to()
        .unwrap_or_else(|| panic!("no redirect: {} {}", reply.status, reply.body));
    to.strip_prefix("/imports/")
        .filter(|id| !id.contains(['?', '/']))
        .unwrap_or_else(|| panic!("not a report: {to}"))
        .to_string()
}
