-- The council's case system extract (CSV files shaped like the Standard Safeguarding Dataset),
-- read by `hearth import` and the administrators' upload page. What came from it carries the
-- case system's own id, unique within the council, so a later extract finds it again.

ALTER TABLE families ADD COLUMN authority_id TEXT REFERENCES local_authorities (id);
UPDATE families SET authority_id = (SELECT t.authority_id FROM teams t WHERE t.id = families.team_id);
-- ssd_family.fami_family_id
ALTER TABLE families ADD COLUMN case_ref TEXT;
CREATE UNIQUE INDEX families_case_ref ON families (authority_id, case_ref);

ALTER TABLE legal_statuses ADD COLUMN authority_id TEXT REFERENCES local_authorities (id);
UPDATE legal_statuses SET authority_id = (SELECT m.authority_id FROM members m WHERE m.id = legal_statuses.member_id);
-- ssd_cp_plans.cppl_cp_plan_id
ALTER TABLE legal_statuses ADD COLUMN case_ref TEXT;
CREATE UNIQUE INDEX legal_statuses_case_ref ON legal_statuses (authority_id, case_ref);

-- A member of staff's id in the case system (ssd_involvements.invo_professional_id): how the
-- extract's allocations find them.
ALTER TABLE accounts ADD COLUMN worker_ref TEXT;
CREATE UNIQUE INDEX accounts_worker_ref ON accounts (authority_id, worker_ref);

-- What each check or import of an extract came to, line by line. It holds the council's ids and
-- the outcome of each line, never names or case content; the files themselves are not kept.
CREATE TABLE extract_reports (
    id TEXT PRIMARY KEY,
    authority_id TEXT NOT NULL REFERENCES local_authorities (id),
    made_by TEXT NOT NULL REFERENCES accounts (id),
    made_at BIGINT NOT NULL,
    -- SHA-256 of the files' names and bytes: applying needs a check of the same files first.
    fingerprint TEXT NOT NULL,
    applied BIGINT NOT NULL CHECK (applied IN (0, 1)),
    report TEXT NOT NULL
);
CREATE INDEX extract_reports_authority ON extract_reports (authority_id, made_at);
