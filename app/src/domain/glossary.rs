//! Social care jargon, with everyday words for it (DOMAIN.md §6).
//!
//! For practitioners writing to families: parents and children should not have to know what
//! "ICPC" or "disguised compliance" means. `plain_check` uses this list to suggest simpler words
//! as they type. The plain words are written for a reader aged about 9 to 11, and none of them
//! uses a term from this list.
//!
//! How terms are written, because matching depends on it: ordinary words in lower case,
//! abbreviations in capitals (so "GPs" matches "GP" but "GPS" does not), and words separated by
//! a space or a hyphen (either matches either in the text). Give the singular: a plural or
//! possessive "s" on the last word is matched too.

/// A term families may not understand, and what to say instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Jargon {
    pub term: &'static str,
    pub plain: &'static str,
}

const fn jargon(term: &'static str, plain: &'static str) -> Jargon {
    Jargon { term, plain }
}

/// Grouped by topic; order does not matter, because where terms overlap the longest one wins.
pub const GLOSSARY: &[Jargon] = &[
    // Meetings and processes.
    jargon(
        "core group",
        "the small group of people who meet to check the plan is working",
    ),
    jargon(
        "PLO",
        "a formal stage where we try to sort things out without going to court",
    ),
    jargon(
        "public law outline",
        "a formal stage where we try to sort things out without going to court",
    ),
    jargon(
        "pre-proceedings",
        "a formal stage where we try to sort things out without going to court",
    ),
    jargon(
        "section 47",
        "checking whether a child is safe from serious harm",
    ),
    jargon("s47", "checking whether a child is safe from serious harm"),
    jargon("section 17", "extra help for a child and their family"),
    jargon(
        "section 20",
        "your child living away from home, with your agreement",
    ),
    jargon(
        "initial child protection conference",
        "the first big meeting about keeping your child safe",
    ),
    jargon(
        "ICPC",
        "the first big meeting about keeping your child safe",
    ),
    jargon(
        "review child protection conference",
        "a meeting to check how the safety plan is going",
    ),
    jargon("RCPC", "a meeting to check how the safety plan is going"),
    jargon("child protection plan", "a plan to keep your child safe"),
    jargon("child in need", "a child who needs extra help"),
    jargon(
        "LADO",
        "the person who looks into worries about adults who work with children",
    ),
    jargon("MASH", "the team that first looks at worries about a child"),
    jargon(
        "strategy discussion",
        "a talk between social workers, police and health staff about a worry",
    ),
    jargon("safeguarding", "keeping children safe"),
    jargon("threshold", "the point where we have to step in"),
    jargon("significant harm", "serious harm"),
    jargon("statutory visit", "a visit the law says we must make"),
    jargon("risk assessment", "working out how safe things are"),
    jargon(
        "parenting assessment",
        "a close look at how you care for your child",
    ),
    jargon(
        "family network meeting",
        "a meeting with family and friends to plan support",
    ),
    jargon("multi-agency", "different services working together"),
    jargon("TAF", "the group of people helping your family"),
    jargon(
        "team around the family",
        "the group of people helping your family",
    ),
    jargon(
        "direct work",
        "time with your child to hear what they think and feel",
    ),
    jargon("chronology", "a list of important events in date order"),
    jargon("escalate", "pass a worry on to someone more senior"),
    jargon("escalated", "passed on to someone more senior"),
    // Court and legal status.
    jargon(
        "care proceedings",
        "a court case to decide who your child should live with",
    ),
    jargon(
        "care order",
        "a court order that lets the council share decisions about your child",
    ),
    jargon(
        "interim care order",
        "a court order for a short time, until the court decides",
    ),
    jargon(
        "supervision order",
        "a court order where a social worker helps and checks in",
    ),
    jargon(
        "special guardianship",
        "a court order so a relative or friend can bring up a child",
    ),
    jargon(
        "kinship care",
        "a child living with a relative or family friend",
    ),
    jargon(
        "parental responsibility",
        "the rights and duties a parent has",
    ),
    jargon("LAC", "a child in the council's care"),
    jargon("looked after child", "a child in the council's care"),
    jargon("looked after children", "children in the council's care"),
    jargon("placement", "the home where a child is living for now"),
    // "Contact" on its own usually means "get in touch", so only its family time phrases.
    jargon("supervised contact", "family time with a worker there"),
    jargon("contact session", "family time"),
    jargon("contact centre", "the place where family time happens"),
    // Worries and ways of working.
    jargon(
        "domestic abuse",
        "hurting, scaring or controlling a partner or family member",
    ),
    jargon(
        "domestic abuse perpetrator",
        "the person who has been hurting or scaring someone",
    ),
    jargon("perpetrator", "the person who caused harm"),
    jargon(
        "substance misuse",
        "drug or alcohol use that causes problems",
    ),
    jargon("engagement", "taking part"),
    jargon("non-engagement", "not taking part"),
    jargon(
        "disguised compliance",
        "seeming to go along with the plan without really changing",
    ),
    jargon(
        "protective factor",
        "something that helps keep your child safe",
    ),
    jargon("presenting issue", "the main worry"),
    jargon("outcome", "what will be different"),
    jargon("intervention", "help"),
    // Health and school.
    jargon(
        "mental health crisis team",
        "the team who help quickly when someone's mental health is very bad",
    ),
    jargon("CAMHS", "the children's mental health service"),
    jargon("GP", "family doctor"),
    jargon("ASD", "autism"),
    jargon(
        "ADHD",
        "a condition that can make it hard to focus and sit still",
    ),
    jargon(
        "EHCP",
        "a plan for the extra help your child gets at school",
    ),
    jargon("SENCO", "the teacher in charge of extra help at school"),
];
