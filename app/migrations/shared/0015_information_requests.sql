-- Subject access requests: whose data (a family member), who asks for them, the days that set
-- when the answer is due, an extension, and how the request ended. `due_on` is worked out by
-- the shared core (domain/information_rights) and kept here so the list sorts by it.
CREATE TABLE information_requests (
    id TEXT PRIMARY KEY,
    authority_id TEXT NOT NULL REFERENCES local_authorities (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    -- NULL when the person asks for their own data.
    requester TEXT,
    received_on TEXT NOT NULL,
    identity_checked_on TEXT,
    due_on TEXT NOT NULL,
    extra_months BIGINT NOT NULL DEFAULT 0 CHECK (extra_months BETWEEN 0 AND 2),
    extension_reason TEXT,
    extension_told_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'withdrawn')),
    finished_on TEXT,
    logged_by TEXT NOT NULL REFERENCES accounts (id),
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK ((extra_months = 0) = (extension_reason IS NULL)),
    CHECK ((status = 'open') = (finished_on IS NULL))
);
-- The council's open requests by due date; a team's through its families.
CREATE INDEX information_requests_due ON information_requests (authority_id, status, due_on);
CREATE INDEX information_requests_family ON information_requests (family_id);
