//! The session cookie.

use crate::state::Settings;
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

pub fn set(settings: &Settings, token: &str) -> String {
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        name(settings),
        ABSOLUTE_TIMEOUT_MS / 1000,
        if settings.secure { "; Secure" } else { "" }
    )
}

pub fn clear(settings: &Settings) -> String {
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        name(settings),
        if settings.secure { "; Secure" } else { "" }
    )
}

/// Finds our cookie in a `Cookie` request header.
pub fn read<'a>(settings: &Settings, header: &'a str) -> Option<&'a str> {
    let wanted = name(settings);
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
        assert_eq!(read(&settings, "a=1; hearth_session=abc; b=2"), Some("abc"));
        assert_eq!(read(&settings, "hearth_session_x=abc"), None);
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
