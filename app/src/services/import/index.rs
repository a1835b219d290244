//! The extract's lines gathered by family: who is in which family (by the case system's family
//! id), and each family's plans, episodes and involvements through its people. A person given
//! twice, in two families or in none is settled here, before anything is matched to Hearth.

use super::files::Table;
use super::outcomes::Outcomes;
use super::rows::{Episode, Involvement, Lines, Membership, Person, Plan};
use crate::page_data::import::LineOutcome;
use std::collections::{BTreeMap, HashMap};

/// One family's lines.
#[derive(Default)]
pub struct FamilyLines<'a> {
    /// Its people, with the line that puts each in the family.
    pub people: Vec<(&'a Membership, &'a Person)>,
    pub plans: Vec<&'a Plan>,
    pub episodes: Vec<&'a Episode>,
    pub involvements: Vec<&'a Involvement>,
}

impl FamilyLines<'_> {
    /// Every line of the family comes to `outcome`, for `why`.
    pub fn all(&self, out: &mut Outcomes, outcome: LineOutcome, why: &str) {
        for (membership, person) in &self.people {
            out.add(
                Table::Family,
                membership.line,
                &membership.person,
                outcome,
                why,
            );
            out.add(Table::Person, person.line, &person.id, outcome, why);
        }
        for plan in &self.plans {
            out.add(Table::CpPlans, plan.line, &plan.id, outcome, why);
        }
        for episode in &self.episodes {
            out.add(Table::CinEpisodes, episode.line, &episode.id, outcome, why);
        }
        for involvement in &self.involvements {
            out.add(
                Table::Involvements,
                involvement.line,
                &involvement.id,
                outcome,
                why,
            );
        }
    }
}

/// The extract by family, in the order of the families' ids.
pub fn by_family<'a>(lines: &'a Lines, out: &mut Outcomes) -> BTreeMap<&'a str, FamilyLines<'a>> {
    let mut people: HashMap<&str, &Person> = HashMap::new();
    for person in &lines.people {
        if let Some(first) = people.get(person.id.as_str()) {
            out.add(
                Table::Person,
                person.line,
                &person.id,
                LineOutcome::Refused,
                format!("person {} is also on line {}", person.id, first.line),
            );
        } else {
            people.insert(&person.id, person);
        }
    }
    // People whose own line was refused: their other lines say so, not that they are missing.
    let refused: HashMap<&str, u64> = lines
        .refused
        .iter()
        .filter(|r| r.table == Table::Person)
        .map(|r| (r.id.as_str(), r.line))
        .collect();
    let missing = |person: &str| match refused.get(person) {
        Some(line) => format!("person {person}'s line in ssd_person.csv (line {line}) was refused"),
        None => format!("there is no person {person} in ssd_person.csv"),
    };
    let mut families: BTreeMap<&str, FamilyLines> = BTreeMap::new();
    let mut family_of: HashMap<&str, (&str, u64)> = HashMap::new();
    for membership in &lines.memberships {
        let Some(person) = people.get(membership.person.as_str()) else {
            out.add(
                Table::Family,
                membership.line,
                &membership.person,
                LineOutcome::Refused,
                missing(&membership.person),
            );
            continue;
        };
        if let Some((other, line)) = family_of.get(membership.person.as_str()) {
            out.add(
                Table::Family,
                membership.line,
                &membership.person,
                LineOutcome::Refused,
                format!(
                    "person {} is already in family {other} (line {line}); Hearth keeps a person in one family",
                    membership.person
                ),
            );
            continue;
        }
        family_of.insert(&membership.person, (&membership.family, membership.line));
        families
            .entry(&membership.family)
            .or_default()
            .people
            .push((membership, person));
    }
    for person in people.values() {
        if !family_of.contains_key(person.id.as_str()) {
            out.add(
                Table::Person,
                person.line,
                &person.id,
                LineOutcome::Skipped,
                "in no family of ssd_family.csv",
            );
        }
    }
    // Plans, episodes and involvements reach their family through their person.
    let mut place = |table: Table, line: u64, id: &str, person: &str| -> Option<&str> {
        match family_of.get(person) {
            Some((family, _)) => Some(family),
            None => {
                let (outcome, why) = if people.contains_key(person) {
                    (
                        LineOutcome::Skipped,
                        format!("person {person} is in no family of ssd_family.csv"),
                    )
                } else {
                    (LineOutcome::Refused, missing(person))
                };
                out.add(table, line, id, outcome, why);
                None
            }
        }
    };
    let mut plans = Vec::new();
    for plan in &lines.plans {
        if let Some(family) = place(Table::CpPlans, plan.line, &plan.id, &plan.person) {
            plans.push((family, plan));
        }
    }
    let mut episodes = Vec::new();
    for episode in lines.episodes.iter().flatten() {
        if let Some(family) = place(
            Table::CinEpisodes,
            episode.line,
            &episode.id,
            &episode.person,
        ) {
            episodes.push((family, episode));
        }
    }
    let mut involvements = Vec::new();
    for involvement in &lines.involvements {
        if let Some(family) = place(
            Table::Involvements,
            involvement.line,
            &involvement.id,
            &involvement.person,
        ) {
            involvements.push((family, involvement));
        }
    }
    for (family, plan) in plans {
        families.entry(family).or_default().plans.push(plan);
    }
    for (family, episode) in episodes {
        families.entry(family).or_default().episodes.push(episode);
    }
    for (family, involvement) in involvements {
        families
            .entry(family)
            .or_default()
            .involvements
            .push(involvement);
    }
    families
}
