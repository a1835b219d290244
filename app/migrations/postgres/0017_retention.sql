CREATE TRIGGER legal_holds_claim_id AFTER INSERT ON legal_holds
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('legal_hold');
CREATE TRIGGER retention_extensions_claim_id AFTER INSERT ON retention_extensions
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('retention_extension');

-- Append-only, except while a destruction erases the family the rows belong to.
CREATE OR REPLACE FUNCTION plan_changes_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM erasing WHERE family_id = OLD.family_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'plan history is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION change_plan_words_as_written() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM erasing e JOIN goals g ON g.family_id = e.family_id WHERE g.id = OLD.goal_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'a change plan is kept as written';
END;
$$ LANGUAGE plpgsql;

-- An entry's words may be erased once, for a family being destroyed (or an account of its
-- people), leaving its number, time, action, kind, family, team, outcome and seals as they were.
CREATE FUNCTION audit_log_erasure_only() RETURNS trigger AS $$
BEGIN
    IF OLD.erased_by IS NULL AND NEW.erased_by IS NOT NULL
       AND (EXISTS (SELECT 1 FROM erasing WHERE family_id = OLD.family_id)
            OR EXISTS (SELECT 1 FROM erasing e JOIN members m ON m.family_id = e.family_id
                       JOIN accounts a ON a.member_id = m.id WHERE a.id = OLD.actor_id))
       AND (NEW.seq, NEW.id, NEW.at, NEW.action, NEW.record_kind, NEW.outcome, NEW.flagged, NEW.prev_hash, NEW.hash)
           = (OLD.seq, OLD.id, OLD.at, OLD.action, OLD.record_kind, OLD.outcome, OLD.flagged, OLD.prev_hash, OLD.hash)
       AND NEW.family_id IS NOT DISTINCT FROM OLD.family_id
       AND NEW.team_id IS NOT DISTINCT FROM OLD.team_id THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER audit_log_no_change ON audit_log;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_only_erasure BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_erasure_only();
