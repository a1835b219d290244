-- SQLite: empty the unkeyed trail out of audit_log, then guard the chain's first number.
DROP TRIGGER audit_log_no_delete;
DELETE FROM audit_log;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

-- Entry 1 is the first: a row numbered below it would sit outside the chain.
CREATE TRIGGER audit_log_seq_from_one BEFORE INSERT ON audit_log
WHEN NEW.seq < 1
BEGIN
    SELECT RAISE(ABORT, 'the audit trail starts at entry 1');
END;

CREATE TRIGGER audit_log_unkeyed_no_update BEFORE UPDATE ON audit_log_unkeyed
BEGIN
    SELECT RAISE(ABORT, 'the old audit trail is read-only');
END;
CREATE TRIGGER audit_log_unkeyed_no_delete BEFORE DELETE ON audit_log_unkeyed
BEGIN
    SELECT RAISE(ABORT, 'the old audit trail is read-only');
END;
CREATE TRIGGER audit_log_unkeyed_no_insert BEFORE INSERT ON audit_log_unkeyed
BEGIN
    SELECT RAISE(ABORT, 'the old audit trail is read-only');
END;
