//! Made-up demo data (DOMAIN.md §7): a fictional council with two teams, every role, seven
//! families of varied make-up and one family member account each. Never real people or places.

mod archive;
mod household;
mod mi;
mod openings;
pub mod plans;
mod workbook;

use crate::auth::passwords;
use crate::demo::plans::Person;
use crate::domain::family::{IdentifiedBy, LegalStatusKind, ProtectionCategory};
use crate::domain::findings::Concern;
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, TeamId};
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::store::accounts::NewAccount;
use crate::store::{self, now_ms, Db};
use chrono::NaiveDate;
use std::collections::HashMap;

pub const PASSWORD: &str = "hearth-demo";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Team {
    North,
    South,
}

/// (login, name, role, team)
const STAFF: &[(&str, &str, StaffRole, Option<Team>)] = &[
    (
        "sam.whitfield@brookford.example",
        "Sam Whitfield",
        StaffRole::SocialWorker,
        Some(Team::North),
    ),
    (
        "priya.nair@brookford.example",
        "Priya Nair",
        StaffRole::SocialWorker,
        Some(Team::North),
    ),
    (
        "maya.okafor@brookford.example",
        "Maya Okafor",
        StaffRole::TeamManager,
        Some(Team::North),
    ),
    (
        "dana.price@brookford.example",
        "Dana Price",
        StaffRole::DomesticAbusePractitioner,
        Some(Team::North),
    ),
    (
        "owen.baker@brookford.example",
        "Owen Baker",
        StaffRole::DomesticAbuseOfficer,
        Some(Team::North),
    ),
    (
        "rhys.morgan@brookford.example",
        "Rhys Morgan",
        StaffRole::RecoveryWorker,
        Some(Team::North),
    ),
    (
        "lena.fischer@brookford.example",
        "Lena Fischer",
        StaffRole::MentalHealthPractitioner,
        Some(Team::North),
    ),
    (
        "ada.chen@brookford.example",
        "Ada Chen",
        StaffRole::Psychologist,
        Some(Team::North),
    ),
    (
        "tom.reilly@brookford.example",
        "Tom Reilly",
        StaffRole::FamilySupportWorker,
        Some(Team::North),
    ),
    (
        "noor.haddad@brookford.example",
        "Noor Haddad",
        StaffRole::SocialWorker,
        Some(Team::South),
    ),
    (
        "grace.mensah@brookford.example",
        "Grace Mensah",
        StaffRole::TeamManager,
        Some(Team::South),
    ),
    (
        "jordan.lee@brookford.example",
        "Jordan Lee",
        StaffRole::Administrator,
        None,
    ),
    (
        "hana.ito@brookford.example",
        "Hana Ito",
        StaffRole::InformationGovernance,
        None,
    ),
];

struct DemoMember {
    given: &'static str,
    family: &'static str,
    relationship: &'static str,
    born: (i32, u32, u32),
    /// Children only.
    status: Option<(LegalStatusKind, Option<ProtectionCategory>)>,
    /// Adults with an account sign in with this username.
    login: Option<&'static str>,
}

struct DemoFamily {
    name: &'static str,
    team: Team,
    social_worker: &'static str,
    members: &'static [DemoMember],
    trio: &'static [(Concern, IdentifiedBy, (i32, u32, u32))],
    /// Specialists allocated besides the social worker, by login.
    workers: &'static [&'static str],
}

const fn adult(
    given: &'static str,
    family: &'static str,
    relationship: &'static str,
    born: (i32, u32, u32),
    login: Option<&'static str>,
) -> DemoMember {
    DemoMember {
        given,
        family,
        relationship,
        born,
        status: None,
        login,
    }
}

const fn child(
    given: &'static str,
    family: &'static str,
    relationship: &'static str,
    born: (i32, u32, u32),
    status: LegalStatusKind,
    category: Option<ProtectionCategory>,
) -> DemoMember {
    DemoMember {
        given,
        family,
        relationship,
        born,
        status: Some((status, category)),
        login: None,
    }
}

use Concern::{AlcoholMisuse, DomesticAbuse, DrugMisuse, MentalHealth};
use IdentifiedBy::{Family as ToldUs, Referral, SocialWorkAssessment as Assessed};
use LegalStatusKind::{ChildInNeed, ChildProtectionPlan, PreProceedings};
use ProtectionCategory::{Emotional, Neglect, Physical};

const DANA: &str = "dana.price@brookford.example";
const OWEN: &str = "owen.baker@brookford.example";
const RHYS: &str = "rhys.morgan@brookford.example";
const LENA: &str = "lena.fischer@brookford.example";
const ADA: &str = "ada.chen@brookford.example";
const TOM: &str = "tom.reilly@brookford.example";
const SAM: &str = "sam.whitfield@brookford.example";
const PRIYA: &str = "priya.nair@brookford.example";
const NOOR: &str = "noor.haddad@brookford.example";

const FAMILIES: &[DemoFamily] = &[
    DemoFamily {
        name: "Ashworth",
        team: Team::North,
        social_worker: SAM,
        members: &[
            adult(
                "Kelly",
                "Ashworth",
                "Mother",
                (1994, 3, 12),
                Some("kelly.ashworth"),
            ),
            adult("Darren", "Ashworth", "Father", (1990, 7, 2), None),
            child(
                "Lily",
                "Ashworth",
                "Daughter",
                (2017, 9, 15),
                ChildProtectionPlan,
                Some(Neglect),
            ),
            child(
                "Kai",
                "Ashworth",
                "Son",
                (2020, 3, 1),
                ChildProtectionPlan,
                Some(Neglect),
            ),
        ],
        trio: &[
            (DomesticAbuse, Assessed, (2026, 5, 4)),
            (DrugMisuse, Assessed, (2026, 5, 4)),
            (MentalHealth, Assessed, (2026, 5, 18)),
        ],
        workers: &[DANA, OWEN, RHYS, LENA, TOM],
    },
    DemoFamily {
        name: "Baptiste",
        team: Team::North,
        social_worker: SAM,
        members: &[
            adult(
                "Marcus",
                "Baptiste",
                "Father",
                (1988, 11, 3),
                Some("marcus.baptiste"),
            ),
            adult("Nadia", "Baptiste", "Mother", (1991, 2, 27), None),
            child(
                "Jayden",
                "Baptiste",
                "Son",
                (2013, 5, 20),
                ChildProtectionPlan,
                Some(Emotional),
            ),
            child(
                "Amara",
                "Baptiste",
                "Daughter",
                (2021, 11, 30),
                ChildInNeed,
                None,
            ),
        ],
        trio: &[
            (DomesticAbuse, Assessed, (2026, 2, 10)),
            (AlcoholMisuse, Assessed, (2026, 2, 10)),
            (MentalHealth, Referral, (2026, 7, 1)),
        ],
        workers: &[DANA, OWEN, RHYS],
    },
    DemoFamily {
        name: "Clarke",
        team: Team::North,
        social_worker: SAM,
        members: &[
            adult(
                "Jade",
                "Clarke",
                "Mother",
                (1999, 8, 8),
                Some("jade.clarke"),
            ),
            child(
                "Mason",
                "Clarke",
                "Son",
                (2024, 2, 10),
                PreProceedings,
                Some(Neglect),
            ),
        ],
        trio: &[
            (DomesticAbuse, Assessed, (2026, 3, 2)),
            (AlcoholMisuse, Assessed, (2026, 3, 2)),
            (MentalHealth, Assessed, (2026, 3, 2)),
        ],
        workers: &[DANA, RHYS, LENA, ADA, TOM],
    },
    DemoFamily {
        name: "Dunmore",
        team: Team::North,
        social_worker: PRIYA,
        members: &[
            adult(
                "Leon",
                "Dunmore",
                "Father",
                (1985, 4, 19),
                Some("leon.dunmore"),
            ),
            adult("Tasha", "Reid", "Stepmother", (1992, 12, 5), None),
            child(
                "Ellie",
                "Dunmore",
                "Daughter",
                (2016, 12, 1),
                ChildProtectionPlan,
                Some(Physical),
            ),
            child(
                "Noah",
                "Dunmore",
                "Son",
                (2019, 4, 4),
                ChildProtectionPlan,
                Some(Physical),
            ),
        ],
        trio: &[
            (DomesticAbuse, Assessed, (2026, 6, 15)),
            (AlcoholMisuse, ToldUs, (2026, 8, 20)),
        ],
        workers: &[DANA, OWEN, RHYS, TOM],
    },
    DemoFamily {
        name: "Evans",
        team: Team::North,
        social_worker: PRIYA,
        members: &[
            adult(
                "Sophie",
                "Evans",
                "Mother",
                (1997, 1, 23),
                Some("sophie.evans"),
            ),
            adult(
                "Callum",
                "Price",
                "Mother's partner",
                (1995, 6, 30),
                Some("callum.price"),
            ),
            child(
                "Ruby",
                "Evans",
                "Daughter",
                (2022, 6, 18),
                ChildProtectionPlan,
                Some(Emotional),
            ),
            child(
                "Alfie",
                "Evans",
                "Son",
                (2025, 8, 1),
                ChildProtectionPlan,
                Some(Emotional),
            ),
        ],
        trio: &[
            (DomesticAbuse, Assessed, (2026, 9, 9)),
            (AlcoholMisuse, Assessed, (2026, 9, 9)),
            (MentalHealth, Assessed, (2026, 9, 23)),
        ],
        workers: &[DANA, OWEN, RHYS, LENA, ADA],
    },
    DemoFamily {
        name: "Fairweather",
        team: Team::South,
        social_worker: NOOR,
        members: &[
            adult(
                "Chloe",
                "Fairweather",
                "Mother",
                (1996, 10, 14),
                Some("chloe.fairweather"),
            ),
            adult("Ben", "Fairweather", "Father", (1994, 3, 3), None),
            child(
                "Poppy",
                "Fairweather",
                "Daughter",
                (2018, 1, 22),
                ChildProtectionPlan,
                Some(Neglect),
            ),
        ],
        trio: &[
            (DomesticAbuse, ToldUs, (2026, 4, 30)),
            (MentalHealth, Assessed, (2026, 5, 12)),
        ],
        workers: &[],
    },
    DemoFamily {
        name: "Greenhill",
        team: Team::South,
        social_worker: NOOR,
        members: &[
            adult(
                "Ryan",
                "Greenhill",
                "Father",
                (1989, 9, 9),
                Some("ryan.greenhill"),
            ),
            child(
                "Oscar",
                "Greenhill",
                "Son",
                (2015, 10, 10),
                ChildInNeed,
                None,
            ),
        ],
        trio: &[(AlcoholMisuse, Assessed, (2026, 1, 15))],
        workers: &[],
    },
];

fn date((y, m, d): (i32, u32, u32)) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(AppError::Internal)
}

/// Seeds the demo data unless the database already has a local authority. Returns whether it seeded.
pub async fn seed_if_empty(db: &Db) -> Result<bool, AppError> {
    if store::directory::has_authority(db).await? {
        return Ok(false);
    }
    // One hash for every demo account: they share a password, and hashing once keeps start-up quick.
    let hash = passwords::hash(PASSWORD.to_string()).await?;
    let now = now_ms();
    let authority = AuthorityId::new();
    let teams = [
        (Team::North, TeamId::new(), "Family Safeguarding North"),
        (Team::South, TeamId::new(), "Family Safeguarding South"),
    ];
    let team_id = |team: Team| {
        teams
            .iter()
            .find(|(t, _, _)| *t == team)
            .map(|(_, id, _)| *id)
    };

    let mut write = db.write().await?;
    store::directory::insert_authority(&mut write, authority, "Brookford Council (made up)")
        .await?;
    for (_, id, name) in &teams {
        store::directory::insert_team(&mut write, *id, authority, name).await?;
    }
    let mut staff_ids: HashMap<&str, AccountId> = HashMap::new();
    for (login, name, role, team) in STAFF {
        let id = AccountId::new();
        staff_ids.insert(login, id);
        let account = NewAccount {
            id,
            authority_id: authority,
            login,
            display_name: name,
            password_hash: &hash,
            staff_role: Some(*role),
            team_id: team.and_then(team_id),
            member_id: None,
            now,
        };
        store::accounts::insert(&mut write, &account).await?;
    }
    let role_of = |login: &str| {
        STAFF
            .iter()
            .find(|(l, ..)| *l == login)
            .map(|(_, _, role, _)| *role)
    };
    let today = crate::services::today();
    for (index, family) in FAMILIES.iter().enumerate() {
        let family_id = FamilyId::new();
        let team = team_id(family.team).ok_or(AppError::Internal)?;
        store::families::insert_family(&mut write, family_id, team, family.name, now).await?;
        let social_worker = *staff_ids
            .get(family.social_worker)
            .ok_or(AppError::Internal)?;
        let people = household::seed(
            &mut write,
            authority,
            family_id,
            family,
            social_worker,
            &hash,
            today,
            now,
        )
        .await?;
        let mut workers = Vec::new();
        for login in std::iter::once(&family.social_worker).chain(family.workers) {
            let (Some(worker), Some(role)) = (staff_ids.get(login), role_of(login)) else {
                return Err(AppError::Internal);
            };
            store::families::allocate(&mut write, family_id, role, *worker, now).await?;
            workers.push((role, *worker));
        }
        crate::demo::plans::seed_family(
            &mut write,
            family_id,
            index,
            &people,
            social_worker,
            today,
            now,
        )
        .await?;
        crate::demo::workbook::seed_family(
            &mut write, family_id, index, &people, &workers, today, now,
        )
        .await?;
        if index == 0 {
            let noor = *staff_ids.get(NOOR).ok_or(AppError::Internal)?;
            crate::demo::openings::seed(&mut write, family_id, noor, now).await?;
        }
    }
    let (north, south) = (
        team_id(Team::North).ok_or(AppError::Internal)?,
        team_id(Team::South).ok_or(AppError::Internal)?,
    );
    let noor = *staff_ids.get(NOOR).ok_or(AppError::Internal)?;
    archive::seed(&mut write, authority, (north, south), noor, now).await?;
    write.commit().await?;
    Ok(true)
}

/// The sign-in table printed at start.
pub fn logins() -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = STAFF
        .iter()
        .map(|(login, name, role, _)| {
            (
                login.to_string(),
                format!("{name}, {}", role.label().to_lowercase()),
            )
        })
        .collect();
    for family in FAMILIES {
        for m in family.members {
            if let Some(login) = m.login {
                rows.push((
                    login.to_string(),
                    format!(
                        "{} {}, parent in the {} family",
                        m.given, m.family, family.name
                    ),
                ));
            }
        }
    }
    rows
}
