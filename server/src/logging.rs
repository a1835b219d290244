//! Log lines: text for someone at a terminal, JSON (`HEARTH_LOG_FORMAT=json`) for a collector.
//! Every line of a request carries the request's id (see telemetry.rs). Logs name ids, kinds
//! and outcomes, never what someone typed, case content or a secret.

use tracing_subscriber::EnvFilter;

pub fn init() -> Result<(), String> {
    let filter =
        || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    match std::env::var("HEARTH_LOG_FORMAT").as_deref() {
        Ok("json") => tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .with_env_filter(filter())
            .init(),
        Ok("text") | Err(_) => tracing_subscriber::fmt().with_env_filter(filter()).init(),
        Ok(other) => {
            return Err(format!(
                "HEARTH_LOG_FORMAT is \"text\" (the default) or \"json\", not {other:?}"
            ))
        }
    }
    Ok(())
}
