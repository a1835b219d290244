//! What the audit trail's verifiers last found, in the words a manager reads.

use serde::{Deserialize, Serialize};

/// How long a trail may go unverified before the page warns: the verifier runs hourly.
pub const STALE_AFTER_MS: i64 = 2 * 60 * 60 * 1000;

/// One verifier's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditCheck {
    /// Unix milliseconds.
    pub at: i64,
    /// The whole chain was walked, not only the entries since the last check.
    pub whole: bool,
    /// The last entry found intact.
    pub through_seq: i64,
    pub intact: bool,
    pub problem: String,
}

/// The trail's state as the audit page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrailState {
    /// Verified within [`STALE_AFTER_MS`], and no server found it broken in that time.
    Intact { at: i64, through_seq: i64 },
    /// Some server found it broken within [`STALE_AFTER_MS`] (or its newest report says so).
    Broken { at: i64, problem: String },
    /// No report in [`STALE_AFTER_MS`]: the newest one is `last`, if any.
    NotRecentlyVerified { last: Option<i64> },
}

/// Any recent report of a break wins over later intact ones: another server checking only new
/// entries would not see an edit that a whole walk found.
pub fn trail_state(now: i64, checks: &[AuditCheck]) -> TrailState {
    let recent = |c: &&AuditCheck| now - c.at <= STALE_AFTER_MS;
    let newest = checks.iter().max_by_key(|c| c.at);
    let broken = checks
        .iter()
        .filter(|c| !c.intact)
        .filter(|c| recent(c) || Some(c.at) == newest.map(|n| n.at))
        .max_by_key(|c| c.at);
    if let Some(b) = broken {
        return TrailState::Broken {
            at: b.at,
            problem: b.problem.clone(),
        };
    }
    match newest.filter(recent) {
        Some(c) => TrailState::Intact {
            at: c.at,
            through_seq: c.through_seq,
        },
        None => TrailState::NotRecentlyVerified {
            last: newest.map(|c| c.at),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(at: i64, intact: bool) -> AuditCheck {
        AuditCheck {
            at,
            whole: false,
            through_seq: at,
            intact,
            problem: if intact {
                String::new()
            } else {
                "entry 3 was changed".into()
            },
        }
    }

    #[test]
    fn a_recent_break_outweighs_later_intact_checks() {
        let now = STALE_AFTER_MS * 10;
        assert_eq!(
            trail_state(now, &[check(now - 10, true), check(now - 20, false)]),
            TrailState::Broken {
                at: now - 20,
                problem: "entry 3 was changed".into()
            }
        );
        assert_eq!(
            trail_state(now, &[check(now - 10, true)]),
            TrailState::Intact {
                at: now - 10,
                through_seq: now - 10
            }
        );
    }

    #[test]
    fn old_or_missing_checks_are_a_warning() {
        let now = STALE_AFTER_MS * 10;
        assert_eq!(
            trail_state(now, &[]),
            TrailState::NotRecentlyVerified { last: None }
        );
        let old = now - STALE_AFTER_MS - 1;
        assert_eq!(
            trail_state(now, &[check(old, true)]),
            TrailState::NotRecentlyVerified { last: Some(old) }
        );
        assert!(matches!(
            trail_state(now, &[check(old, false)]),
            TrailState::Broken { .. }
        ));
    }
}
