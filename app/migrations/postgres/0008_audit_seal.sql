-- PostgreSQL: empty the unkeyed trail out of audit_log, then guard the chain's first number.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change;
DELETE FROM audit_log;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change;

-- Entry 1 is the first: a row numbered below it would sit outside the chain.
ALTER TABLE audit_log ADD CONSTRAINT audit_log_seq_from_one CHECK (seq >= 1);

CREATE TRIGGER audit_log_unkeyed_no_change BEFORE INSERT OR UPDATE OR DELETE ON audit_log_unkeyed
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_unkeyed_no_truncate BEFORE TRUNCATE ON audit_log_unkeyed
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
