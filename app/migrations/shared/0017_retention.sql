-- Retention and disposal (docs/decisions/0025-destroying-a-family.md): a family's records, once
-- every class's period under the council's schedule has passed and a person has confirmed it,
-- are erased for good; the audit trail keeps that they existed, never what they said.

-- A legal hold (an inquiry, a claim) stops any destruction of the family until it is lifted.
-- Its reasons are erased with the family; the trail keeps that it was placed and lifted.
CREATE TABLE legal_holds (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    placed_by TEXT NOT NULL REFERENCES accounts (id),
    placed_at BIGINT NOT NULL,
    lifted_by TEXT REFERENCES accounts (id),
    lifted_at BIGINT,
    lift_reason TEXT
);
CREATE INDEX legal_holds_family ON legal_holds (family_id, placed_at);

-- A reviewer's decision to keep a family's records beyond their period, until a day, and why.
CREATE TABLE retention_extensions (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL,
    kept_until TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL REFERENCES accounts (id),
    decided_at BIGINT NOT NULL
);
CREATE INDEX retention_extensions_family ON retention_extensions (family_id, decided_at);

-- What is left of a destroyed family: no name, no people, no words. Who destroyed it, when,
-- under which rules, and how many audit entries were erased.
CREATE TABLE destroyed_families (
    family_id TEXT PRIMARY KEY,
    authority_id TEXT NOT NULL REFERENCES local_authorities (id),
    team_id TEXT NOT NULL REFERENCES teams (id),
    closed_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    rules TEXT NOT NULL,
    destroyed_by TEXT NOT NULL REFERENCES accounts (id),
    destroyed_at BIGINT NOT NULL,
    erased_entries BIGINT NOT NULL
);
CREATE INDEX destroyed_families_team ON destroyed_families (team_id, destroyed_at);
CREATE INDEX destroyed_families_authority ON destroyed_families (authority_id, destroyed_at);

-- The families a destruction is erasing, only inside its transaction: the append-only guards
-- on plan history, change plans and the audit trail make way for these families alone.
CREATE TABLE erasing (
    family_id TEXT PRIMARY KEY
);

-- An audit entry whose words were erased names the entry that recorded the destruction; its
-- seal is no longer recomputed, but it stays in the chain (docs/decisions/0025).
ALTER TABLE audit_log ADD COLUMN erased_by TEXT;
CREATE INDEX audit_log_erased ON audit_log (erased_by);
-- Closed families of a council, for the disposal queue.
CREATE INDEX families_closed ON families (team_id, closed_on);
