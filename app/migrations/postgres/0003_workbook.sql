-- The team workbook (issue 4): entries per chapter, group supervisions with actions, and the
-- dates the family's plan runs by. Entries are versioned like goals (history in plan_changes).

CREATE TABLE workbook_entries (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    chapter TEXT NOT NULL,
    kind TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    others TEXT NOT NULL,
    place TEXT NOT NULL,
    -- NULL: not recorded (and always for anything but a visit)
    child_seen_alone BIGINT CHECK (child_seen_alone IN (0, 1)),
    summary TEXT NOT NULL,
    significant BIGINT NOT NULL CHECK (significant IN (0, 1)),
    author_id TEXT NOT NULL REFERENCES accounts (id),
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX workbook_entries_family ON workbook_entries (family_id, occurred_on);

-- Family members an entry is about (who was seen, who was there).
CREATE TABLE entry_people (
    entry_id TEXT NOT NULL REFERENCES workbook_entries (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    PRIMARY KEY (entry_id, member_id)
);

CREATE TABLE supervisions (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    held_on TEXT NOT NULL,
    -- role codes, comma-separated
    attendees TEXT NOT NULL,
    hypotheses TEXT NOT NULL,
    reflections TEXT NOT NULL,
    -- The team's mapping: what is working well, what we are worried about, what needs to happen.
    working_well TEXT NOT NULL,
    worried_about TEXT NOT NULL,
    needs_to_happen TEXT NOT NULL,
    risk BIGINT NOT NULL CHECK (risk BETWEEN 0 AND 10),
    progress BIGINT NOT NULL CHECK (progress BETWEEN 0 AND 10),
    decisions TEXT NOT NULL,
    next_on TEXT,
    recorded_by TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX supervisions_family ON supervisions (family_id, held_on);

CREATE TABLE supervision_actions (
    id TEXT PRIMARY KEY,
    supervision_id TEXT NOT NULL REFERENCES supervisions (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    what TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES accounts (id),
    due_on TEXT NOT NULL,
    done BIGINT NOT NULL CHECK (done IN (0, 1)),
    done_at BIGINT
);
CREATE INDEX supervision_actions_owner ON supervision_actions (owner_id, done, due_on);

CREATE TABLE family_schedules (
    family_id TEXT PRIMARY KEY REFERENCES families (id),
    plan_started_on TEXT NOT NULL,
    initial_conference_on TEXT,
    visit_every_working_days BIGINT NOT NULL CHECK (visit_every_working_days BETWEEN 1 AND 60)
);

-- Core groups and review conferences held.
CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    kind TEXT NOT NULL CHECK (kind IN ('core_group', 'review_conference')),
    held_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX meetings_family ON meetings (family_id, kind, held_on);
