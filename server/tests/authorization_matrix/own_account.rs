//! Each person's own account: their sessions, sign-in notices, second factor and password. No
//! one reaches another's.

use super::{case, new_id, s, Case};

pub fn cases() -> Vec<Case> {
    vec![
        // Each person's own account: no one reaches another's.
        case("own account and sessions", "AAAAAAAAAUAAA", &[], |_, _| {
            ("my_account", vec![])
        }),
        case(
            "put away own sign-in notice",
            "AAAAAAAAAUAAA",
            &[],
            |_, _| ("dismiss_sign_in_notice", vec![]),
        ),
        case(
            "end a session that is not one's own",
            "nnnnnnnnnUnnn",
            &[],
            |_, _| ("end_other_session", vec![("session", new_id())]),
        ),
        case("a new second-factor key", "AAAAAAFFFUAAA", &[], |_, _| {
            ("second_factor_setup", vec![])
        }),
        case(
            "turn on a second factor with a forged key",
            "BBBBBBFFFUBBB",
            &[],
            |_, _| {
                (
                    "confirm_second_factor",
                    vec![("sealed", s("00ff00ff")), ("code", s("123456"))],
                )
            },
        ),
        case(
            "recovery codes held for no one",
            "NNNNNNNNNUNNN",
            &[],
            |_, _| ("new_recovery_codes", vec![("shown", new_id())]),
        ),
        case(
            "change password without the current one",
            "IIIIIIIIIUIII",
            &[],
            |_, _| {
                (
                    "change_password",
                    vec![
                        ("current_password", s("not the password")),
                        ("new_password", s("copper kettle drizzle lantern")),
                        ("confirm", s("copper kettle drizzle lantern")),
                    ],
                )
            },
        ),
        case(
            "confirm it is them with a wrong password",
            "iiiiiiiiiUiii",
            &[],
            |_, _| {
                (
                    "confirm_identity",
                    vec![("password", s("not the password")), ("then", s("/"))],
                )
            },
        ),
    ]
}
