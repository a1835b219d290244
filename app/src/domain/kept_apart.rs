//! Domestic abuse separation (DOMAIN.md §3): the team can mark two adults of a family as kept
//! apart. From then on nothing written for one of them can be shared with the other: a goal or
//! step for one is never visible to the other, and a record for no one in particular (a danger
//! statement) is never visible to both.

use super::ids::MemberId;
use crate::error::{check, FieldErrors};
use serde::{Deserialize, Serialize};

/// Two people kept apart, the smaller id first so a pair has one form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Pair(MemberId, MemberId);

impl Pair {
    /// `None` for one person twice.
    pub fn new(a: MemberId, b: MemberId) -> Option<Pair> {
        match a.cmp(&b) {
            std::cmp::Ordering::Less => Some(Pair(a, b)),
            std::cmp::Ordering::Greater => Some(Pair(b, a)),
            std::cmp::Ordering::Equal => None,
        }
    }

    pub fn first(self) -> MemberId {
        self.0
    }

    pub fn second(self) -> MemberId {
        self.1
    }

    /// The other one of the pair, if `member` is in it.
    pub fn partner_of(self, member: MemberId) -> Option<MemberId> {
        if member == self.0 {
            Some(self.1)
        } else if member == self.1 {
            Some(self.0)
        } else {
            None
        }
    }
}

/// The pair a share would break, if any: a record `for` someone shared with their partner, or a
/// record for no one shared with both of a pair.
pub fn broken_by(
    pairs: &[Pair],
    for_members: &[MemberId],
    shared_with: &[MemberId],
) -> Option<Pair> {
    pairs.iter().copied().find(|pair| {
        let for_one = for_members
            .iter()
            .filter_map(|m| pair.partner_of(*m))
            .any(|partner| shared_with.contains(&partner));
        let to_both = for_members.is_empty()
            && shared_with.contains(&pair.first())
            && shared_with.contains(&pair.second());
        for_one || to_both
    })
}

/// What the worker reads when a share is refused.
pub fn refusal(first: &str, second: &str) -> String {
    format!(
        "{first} and {second} are kept apart: nothing written for one of them can be shared with the other. Choose who can see it again."
    )
}

form! {
    /// Two adults to keep apart, or to stop keeping apart.
    KeptApartForm {
        first,
        second,
    }
    optional {}
    lists {}
}

/// The pair chosen; `adults` are the household's adults.
pub fn parse_pair(form: &KeptApartForm, adults: &[MemberId]) -> Result<Pair, FieldErrors> {
    let mut errors = form.typed();
    let adult = |text: &str| {
        MemberId::parse(text)
            .filter(|id| adults.contains(id))
            .ok_or_else(|| "Choose an adult of the household".to_string())
    };
    let first = check(&mut errors, "first", adult(&form.first));
    let second = check(&mut errors, "second", adult(&form.second));
    match (first, second) {
        (Some(a), Some(b)) if errors.is_empty() => Pair::new(a, b).ok_or_else(|| {
            let mut errors = form.typed();
            errors.add("second", "Choose two different people");
            errors
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_for_one_is_shared_with_the_other() {
        let (kelly, darren, lily) = (MemberId::new(), MemberId::new(), MemberId::new());
        let pairs = [Pair::new(darren, kelly).expect("two people")];
        // Kelly's goal shown to Darren is refused; to Lily it is not.
        assert!(broken_by(&pairs, &[kelly], &[kelly, darren]).is_some());
        assert!(broken_by(&pairs, &[kelly], &[kelly, lily]).is_none());
        // Lily's goal may be seen by both parents: it is for neither.
        assert!(broken_by(&pairs, &[lily], &[kelly, darren]).is_none());
        // A danger statement for no one is never shown to both.
        assert!(broken_by(&pairs, &[], &[kelly, darren]).is_some());
        assert!(broken_by(&pairs, &[], &[kelly]).is_none());
        assert_eq!(Pair::new(kelly, kelly), None);
        assert_eq!(Pair::new(kelly, darren), Pair::new(darren, kelly));
    }

    #[test]
    fn a_pair_is_two_adults_of_the_household() {
        let (kelly, darren) = (MemberId::new(), MemberId::new());
        let form = |a: MemberId, b: MemberId| KeptApartForm {
            first: a.to_string(),
            second: b.to_string(),
        };
        assert!(parse_pair(&form(kelly, darren), &[kelly, darren]).is_ok());
        assert!(parse_pair(&form(kelly, kelly), &[kelly, darren]).is_err());
        assert!(parse_pair(&form(kelly, MemberId::new()), &[kelly, darren]).is_err());
    }
}
