//! The one error type. Every variant carries words a social worker or a parent can act on;
//! internal details are logged on the server and never sent.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A message to show next to one form field, and in the error summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's `name`, so the page can place the message and link to the field.
    pub field: String,
    pub message: String,
}

/// What was wrong with a form, plus the values to put back (never secrets) so nothing typed is
/// lost when the page comes back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors {
    pub errors: Vec<FieldError>,
    pub values: Vec<(String, String)>,
}

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    pub fn keep(&mut self, field: &str, value: &str) {
        self.values.push((field.into(), value.into()));
    }

    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(())` when nothing was wrong, otherwise the errors as an [`AppError`].
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

/// Collects a field's parse error into `errors`, returning the parsed value if there was none.
pub fn check<T>(errors: &mut FieldErrors, field: &str, parsed: Result<T, String>) -> Option<T> {
    match parsed {
        Ok(value) => Some(value),
        Err(message) => {
            errors.add(field, message);
            None
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// Bad input: messages per field.
    Invalid(FieldErrors),
    SignInRequired,
    /// Not allowed at all.
    Forbidden,
    /// A family of another team: allowed only with a stated reason.
    ReasonRequired,
    NotFound,
    TooManyAttempts,
    /// A sensitive action, and the password was last given more than 15 minutes ago.
    ConfirmIdentity,
    /// This person must set up a second factor before anything else.
    SecondFactorRequired,
    /// Hearth is at its limit for this kind of work (checking passwords): try again shortly.
    Busy,
    /// The record is not in a state for this (for example, an account that exists already).
    Conflict(String),
    /// Someone else saved this record after the form was opened: what they changed is in the
    /// message, and the form comes back with what was typed, ready to save again.
    EditConflict(FieldErrors),
    /// A request Hearth could not read: a missing or malformed field, not typed by a person.
    BadRequest,
    /// Our fault; the details are in the server log.
    Internal,
    /// The request never reached Hearth, or its answer could not be read.
    Connection(String),
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        AppError::Invalid(errors)
    }

    /// The HTTP status this error is sent with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::BadRequest => 400,
            AppError::SignInRequired => 401,
            AppError::Forbidden
            | AppError::ReasonRequired
            | AppError::ConfirmIdentity
            | AppError::SecondFactorRequired => 403,
            AppError::NotFound => 404,
            AppError::TooManyAttempts | AppError::Busy => 429,
            AppError::Conflict(_) | AppError::EditConflict(_) => 409,
            AppError::Internal => 500,
            AppError::Connection(_) => 503,
        }
    }

    /// Seconds to wait before trying again, sent as `Retry-After` with a 429.
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            AppError::TooManyAttempts => Some(15 * 60),
            AppError::Busy => Some(2),
            _ => None,
        }
    }

    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Invalid(errors) | AppError::EditConflict(errors) => Some(errors),
            _ => None,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            AppError::Invalid(_) => "There is a problem with what was entered",
            AppError::SignInRequired => "Sign in to see this page",
            AppError::Forbidden => "You cannot see this page",
            AppError::ReasonRequired => "This family is not in your team",
            AppError::NotFound => "Page not found",
            AppError::TooManyAttempts => "Too many attempts. Wait 15 minutes, then try again",
            AppError::ConfirmIdentity => "For your safety, enter your password again to do this",
            AppError::SecondFactorRequired => "Set up a second factor for your account before you go on",
            AppError::Busy => "Hearth is busy. Wait a moment, then try again",
            AppError::Conflict(what) => return write!(f, "{what}"),
            AppError::EditConflict(_) => "Someone else saved a change while you were editing",
            AppError::BadRequest => "Hearth could not read what was sent. Reload the page and try again",
            AppError::Internal => "Something went wrong on our side. Nothing you entered has been saved; please try again",
            AppError::Connection(_) => "Hearth could not be reached. Check your signal and try again",
        };
        f.write_str(text)
    }
}

impl std::error::Error for AppError {}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Invalid(errors)
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(_) | E::MissingArg(_) => AppError::BadRequest,
            E::Request(message) => AppError::Connection(message),
            other => AppError::Connection(other.to_string()),
        }
    }
}
