-- Running a council's Hearth: members of staff choose their own password with a one-time code,
-- team names are not repeated within a council, and every change of who is allocated to a
-- family keeps its history (changes of worker are something managers are measured on).

-- A code an administrator (or `hearth setup`) makes for a member of staff, who uses it once to
-- choose their password. Only its hash is kept.
CREATE TABLE set_up_codes (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    code_hash TEXT NOT NULL UNIQUE,
    -- NULL when `hearth setup` made it for the council's first administrator.
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX set_up_codes_account ON set_up_codes (account_id);

CREATE UNIQUE INDEX teams_name ON teams (authority_id, name);

-- One row per worker per role per family, from when to when; the open one is in allocations.
CREATE TABLE allocation_periods (
    family_id TEXT NOT NULL REFERENCES families (id),
    role TEXT NOT NULL,
    worker_id TEXT NOT NULL REFERENCES accounts (id),
    from_at BIGINT NOT NULL,
    until_at BIGINT,
    -- NULL for allocations made before this history was kept.
    allocated_by TEXT REFERENCES accounts (id),
    ended_by TEXT REFERENCES accounts (id),
    PRIMARY KEY (family_id, role, from_at)
);
CREATE INDEX allocation_periods_worker ON allocation_periods (worker_id, from_at);

INSERT INTO allocation_periods (family_id, role, worker_id, from_at)
SELECT family_id, role, worker_id, allocated_at FROM allocations;
