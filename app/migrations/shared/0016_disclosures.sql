-- A subject access request's disclosure: passages withheld (the whole, or every place some
-- words occur in it) with a reason, the reviewer's "ready", and a second person's approval.
-- The records themselves never change. `reviewed_digest` is the digest of the passages as
-- reviewed: a disclosure is made only while the records still read the same.
CREATE TABLE withholdings (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES information_requests (id),
    passage TEXT NOT NULL,
    -- NULL: the whole passage.
    words TEXT,
    reason TEXT NOT NULL CHECK (reason IN ('third_party', 'serious_harm', 'legal_privilege', 'court_report', 'other')),
    note TEXT NOT NULL,
    marked_by TEXT NOT NULL REFERENCES accounts (id),
    marked_at BIGINT NOT NULL,
    -- Taken back before the disclosure was approved.
    removed_at BIGINT
);
CREATE INDEX withholdings_request ON withholdings (request_id, marked_at);

ALTER TABLE information_requests ADD COLUMN reviewed_by TEXT REFERENCES accounts (id);
ALTER TABLE information_requests ADD COLUMN reviewed_at BIGINT;
ALTER TABLE information_requests ADD COLUMN reviewed_digest TEXT;
ALTER TABLE information_requests ADD COLUMN approved_by TEXT REFERENCES accounts (id);
ALTER TABLE information_requests ADD COLUMN approved_at BIGINT;

-- Who read a person's records: the trail's entries about their family, or naming them.
CREATE INDEX audit_log_family ON audit_log (family_id, action);
CREATE INDEX audit_log_record ON audit_log (record_id);
