//! The session cookie, and the short-lived cookie of a sign-in waiting for its second factor.

use crate::state::Settings;
use crate::store::pending_sign_ins::PENDING_MS;
use crate::store::sessions::ABSOLUTE_TIMEOUT_MS;

/// The `__Host-` prefix makes browsers refuse the cookie unless it is Secure, host-only and for
/// the whole site, so it can only be set over TLS.
pub fn name(settings: &Settings) -> &'static str {
    if settings.secure {
        "__Host-hearth_session"
    } else {
        "hearth_session"
    }
}

pub fn pending_name(settings: &Settings) -> &'static str {
    if settings.secure {
        "__Host-hearth_pending"
    } else {
        "hearth_pending"
    }
}

pub fn set(settings: &Settings, token: &str) -> String {
    cookie(name(settings), token, ABSOLUTE_TIMEOUT_MS / 1000, settings)
}

pub fn clear(settings: &Settings) -> String {
    cookie(name(settings), "", 0, settings)
}

pub fn set_pending(settings: &Settings, token: &str) -> String {
    cookie(pending_name(settings), token, PENDING_MS / 1000, settings)
}

pub fn clear_pending(settings: &Settings) -> String {
    cookie(pending_name(settings), "", 0, settings)
}

fn cookie(name: &str, value: &str, max_age: i64, settings: &Settings) -> String {
    format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if settings.secure { "; Secure" } else { "" }
    )
}

/// Finds the cookie called `wanted` in a `Cookie` request header.
pub fn read<'a>(header: &'a str, wanted: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == wanted)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_our_cookie_among_others() {
        let settings = Settings::default();
        let ours = name(&settings);
        assert_eq!(read("a=1; hearth_session=abc; b=2", ours), Some("abc"));
        assert_eq!(read("hearth_session_x=abc", ours), None);
        assert_eq!(
            read(
                "hearth_pending=p; hearth_session=s",
                pending_name(&settings)
            ),
            Some("p")
        );
        let secure = Settings {
            secure: true,
            ..Settings::default()
        };
        assert!(set(&secure, "t").contains("; Secure"));
        assert!(set(&secure, "t")
            .starts_with("__Host-hearth_session=t; Path=/; HttpOnly; SameSite=Lax"));
        assert!(!set(&settings, "t").contains("Secure"));
    }
}
