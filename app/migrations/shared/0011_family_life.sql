-- A family's life in Hearth: its household changes (versioned, with the council's own person
-- IDs), each child's legal status as a dated history, the trio as findings about people, and
-- the case closed and reopened.

-- The council's person ID is unique within the council, so members carry their council.
ALTER TABLE members ADD COLUMN authority_id TEXT REFERENCES local_authorities (id);
ALTER TABLE members ADD COLUMN person_ref TEXT;
-- An unborn child has the day the baby is due, and no date of birth yet.
ALTER TABLE members ADD COLUMN expected_on TEXT;
-- The day they left the household: their records stay; their account loses access that day.
ALTER TABLE members ADD COLUMN left_on TEXT;
ALTER TABLE members ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
UPDATE members SET authority_id = (
    SELECT t.authority_id FROM families f JOIN teams t ON t.id = f.team_id WHERE f.id = members.family_id
);
CREATE UNIQUE INDEX members_person_ref ON members (authority_id, person_ref);
-- members.legal_status and members.protection_category are no longer written: the history
-- below holds a child's status.

-- One period of a child's status. Categories are the DfE census codes.
CREATE TABLE legal_statuses (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    kind TEXT NOT NULL CHECK (kind IN ('child_in_need', 'child_protection_plan', 'pre_proceedings', 'care_proceedings')),
    initial_category TEXT CHECK (initial_category IN ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
    latest_category TEXT CHECK (latest_category IN ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
    started_on TEXT NOT NULL,
    ended_on TEXT,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (ended_on IS NULL OR ended_on > started_on),
    CHECK ((kind = 'child_protection_plan') = (initial_category IS NOT NULL AND latest_category IS NOT NULL))
);
CREATE INDEX legal_statuses_family ON legal_statuses (family_id, member_id, started_on);

-- One of the trio, found for one adult, with the census's assessment-factor code.
CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    concern TEXT NOT NULL CHECK (concern IN ('1B', '2B', '3B', '4B')),
    identified_by TEXT NOT NULL,
    identified_on TEXT NOT NULL,
    ended_on TEXT,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (ended_on IS NULL OR ended_on >= identified_on)
);
CREATE INDEX findings_family ON findings (family_id);

-- NULL while the case is open; the day it closed otherwise (what retention counts from).
ALTER TABLE families ADD COLUMN closed_on TEXT;

-- Every closure, and the reopening that ended it.
CREATE TABLE case_closures (
    family_id TEXT NOT NULL REFERENCES families (id),
    closed_on TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9')),
    closed_by TEXT NOT NULL REFERENCES accounts (id),
    closed_at BIGINT NOT NULL,
    reopened_at BIGINT,
    reopened_by TEXT REFERENCES accounts (id),
    reopen_reason TEXT,
    PRIMARY KEY (family_id, closed_at)
);

-- Two adults of a family the team keeps apart (domestic abuse separation): nothing written
-- for one of them is shared with the other. `first_member` sorts before `second_member`, so a
-- pair is one row whichever way round it was chosen.
CREATE TABLE kept_apart (
    family_id TEXT NOT NULL REFERENCES families (id),
    first_member TEXT NOT NULL REFERENCES members (id),
    second_member TEXT NOT NULL REFERENCES members (id),
    marked_by TEXT NOT NULL REFERENCES accounts (id),
    marked_at BIGINT NOT NULL,
    ended_by TEXT REFERENCES accounts (id),
    ended_at BIGINT,
    PRIMARY KEY (family_id, first_member, second_member, marked_at),
    CHECK (first_member < second_member)
);
