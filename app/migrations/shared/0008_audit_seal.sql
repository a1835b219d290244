-- The keyed audit seal (docs/decisions/0014-audit-key-and-anchor.md).
--
-- From this version each entry's hash is an HMAC-SHA256 under a key the database does not hold.
-- Entries written before it were sealed with plain SHA-256, which anyone with the database can
-- recompute, so they cannot begin the keyed chain: they are moved, unchanged, into
-- audit_log_unkeyed (read-only, never verified), and the keyed chain starts again at entry 1.
-- Hearth held no real case data when this was written; nothing in the database marks a row as
-- "old" in a way that verification would trust.
CREATE TABLE audit_log_unkeyed (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL,
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
    flagged BIGINT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_log_unkeyed
SELECT seq, id, at, actor_id, actor_name, action, record_kind, record_id, family_id, team_id,
       outcome, detail, origin, flagged, prev_hash, hash
FROM audit_log;
-- (the backend file empties audit_log: its append-only trigger must be lifted for that)
UPDATE audit_head SET seq = 0, hash = '0000000000000000000000000000000000000000000000000000000000000000' WHERE id = 1;

-- What each app server's verifier found, so every server and the manager's page can read it.
-- The verifier's own checkpoint stays in its memory: a row here is a report, never an input.
CREATE TABLE audit_checks (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    -- 1: the whole chain was walked; 0: only the entries after the last verified one.
    whole BIGINT NOT NULL CHECK (whole IN (0, 1)),
    through_seq BIGINT NOT NULL,
    intact BIGINT NOT NULL CHECK (intact IN (0, 1)),
    problem TEXT NOT NULL
);
CREATE INDEX audit_checks_at ON audit_checks (at);
