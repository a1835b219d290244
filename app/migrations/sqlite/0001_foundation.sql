-- Foundation: tenancy, families, accounts, sessions, invitations, break-glass and the audit trail.
-- Ids are UUIDs as text, instants are Unix milliseconds, dates are ISO 'YYYY-MM-DD' text,
-- flags are 0 or 1 (sqlx::Any reads no SQLite booleans):
-- the same representation on SQLite and PostgreSQL (docs/decisions/0001-two-backends.md).

CREATE TABLE local_authorities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    authority_id TEXT NOT NULL REFERENCES local_authorities (id),
    name TEXT NOT NULL
);

CREATE TABLE families (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams (id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX families_team ON families (team_id);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('adult', 'child')),
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    relationship TEXT NOT NULL,
    date_of_birth TEXT,
    legal_status TEXT,
    protection_category TEXT,
    CHECK (kind = 'child' OR legal_status IS NULL)
);
CREATE INDEX members_family ON members (family_id, position);

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    authority_id TEXT NOT NULL REFERENCES local_authorities (id),
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    staff_role TEXT,
    team_id TEXT REFERENCES teams (id),
    member_id TEXT UNIQUE REFERENCES members (id),
    case_access_granted BIGINT NOT NULL DEFAULT 0 CHECK (case_access_granted IN (0, 1)),
    disabled BIGINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at BIGINT NOT NULL,
    -- An account is either a member of staff or a family member, never both.
    CHECK ((staff_role IS NULL) <> (member_id IS NULL))
);

CREATE TABLE trio_findings (
    family_id TEXT NOT NULL REFERENCES families (id),
    vulnerability TEXT NOT NULL,
    identified_by TEXT NOT NULL,
    identified_on TEXT NOT NULL,
    PRIMARY KEY (family_id, vulnerability)
);

CREATE TABLE allocations (
    family_id TEXT NOT NULL REFERENCES families (id),
    role TEXT NOT NULL,
    worker_id TEXT NOT NULL REFERENCES accounts (id),
    allocated_at BIGINT NOT NULL,
    PRIMARY KEY (family_id, role)
);
CREATE INDEX allocations_worker ON allocations (worker_id);

-- Only a hash of the session token is kept, so a copy of the database cannot sign anyone in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE login_failures (
    login TEXT NOT NULL,
    at BIGINT NOT NULL,
    origin TEXT NOT NULL
);
CREATE INDEX login_failures_login ON login_failures (login, at);

CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members (id),
    code_hash TEXT NOT NULL UNIQUE,
    -- Kept only until the code has been shown once to the worker who made it.
    code_to_show TEXT,
    created_by TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX invitations_member ON invitations (member_id);

CREATE TABLE break_glass (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    reason TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX break_glass_account ON break_glass (account_id, expires_at);

-- Append-only and hash-chained: each row's hash covers the previous row's hash, so
-- `hearth audit verify` finds an edited, inserted or deleted row. No foreign keys, so the
-- trail outlives the records it speaks of.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at BIGINT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT,
    family_id TEXT,
    team_id TEXT,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    origin TEXT NOT NULL,
    flagged BIGINT NOT NULL CHECK (flagged IN (0, 1)),
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_team ON audit_log (team_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);

-- One row: the last sequence number and hash. Updating it first in every audited write
-- transaction serialises appends across every app server sharing the database.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
