//! The seal on each audit entry: HMAC-SHA256 under a key from the server's configuration, never
//! stored in the database, so someone with the database alone cannot recompute a changed chain
//! (docs/decisions/0014-audit-key-and-anchor.md).

use crate::store::audit_key::AuditKey;
use hmac::Mac;

/// The `prev_hash` of entry 1.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields a row's seal covers, in a fixed order.
pub(super) struct Sealed<'a> {
    pub seq: i64,
    pub id: &'a str,
    pub at: i64,
    pub actor_id: Option<&'a str>,
    pub actor_name: &'a str,
    pub action: &'a str,
    pub record_kind: &'a str,
    pub record_id: Option<&'a str>,
    pub family_id: Option<&'a str>,
    pub team_id: Option<&'a str>,
    pub outcome: &'a str,
    pub detail: &'a str,
    pub origin: &'a str,
    pub flagged: bool,
}

impl Sealed<'_> {
    pub fn hash(&self, key: &AuditKey, prev_hash: &str) -> String {
        let mut mac = key.mac();
        let seq = self.seq.to_string();
        let at = self.at.to_string();
        let fields: [&str; 15] = [
            prev_hash,
            &seq,
            self.id,
            &at,
            self.actor_id.unwrap_or("\u{0}"),
            self.actor_name,
            self.action,
            self.record_kind,
            self.record_id.unwrap_or("\u{0}"),
            self.family_id.unwrap_or("\u{0}"),
            self.team_id.unwrap_or("\u{0}"),
            self.outcome,
            self.detail,
            self.origin,
            if self.flagged { "1" } else { "0" },
        ];
        for field in fields {
            // Length-prefixed, so no choice of field contents can imitate another row.
            mac.update(&(field.len() as u64).to_be_bytes());
            mac.update(field.as_bytes());
        }
        hex::encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> Sealed<'static> {
        Sealed {
            seq: 1,
            id: "e",
            at: 5,
            actor_id: None,
            actor_name: "Hearth",
            action: "sign_in",
            record_kind: "account",
            record_id: None,
            family_id: None,
            team_id: None,
            outcome: "allowed",
            detail: "",
            origin: "here",
            flagged: false,
        }
    }

    #[test]
    fn the_seal_depends_on_the_key() {
        let a = AuditKey::new(vec![1; 32]).expect("key");
        let b = AuditKey::new(vec![2; 32]).expect("key");
        assert_eq!(sealed().hash(&a, GENESIS), sealed().hash(&a, GENESIS));
        assert_ne!(sealed().hash(&a, GENESIS), sealed().hash(&b, GENESIS));
    }

    #[test]
    fn short_keys_are_refused_and_never_printed() {
        assert!(AuditKey::new(vec![1; 31]).is_err());
        let key = AuditKey::new(b"a secret that is long enough to be a key".to_vec()).expect("key");
        assert_eq!(format!("{key:?}"), "AuditKey(hidden)");
        assert_eq!(AuditKey::generate_text().len(), 64);
    }
}
