CREATE TRIGGER legal_holds_claim_id AFTER INSERT ON legal_holds
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'legal_hold');
END;
CREATE TRIGGER retention_extensions_claim_id AFTER INSERT ON retention_extensions
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'retention_extension');
END;

-- Append-only, except while a destruction erases the family the rows belong to.
DROP TRIGGER plan_changes_no_delete;
CREATE TRIGGER plan_changes_no_delete BEFORE DELETE ON plan_changes
WHEN NOT EXISTS (SELECT 1 FROM erasing WHERE family_id = OLD.family_id)
BEGIN
    SELECT RAISE(ABORT, 'plan history is append-only');
END;

DROP TRIGGER change_plan_words_no_delete;
CREATE TRIGGER change_plan_words_no_delete BEFORE DELETE ON change_plan_words
WHEN NOT EXISTS (SELECT 1 FROM erasing e JOIN goals g ON g.family_id = e.family_id WHERE g.id = OLD.goal_id)
BEGIN
    SELECT RAISE(ABORT, 'a change plan is kept as written');
END;

-- An entry's words may be erased once, for a family being destroyed (or an account of its
-- people), leaving its number, time, action, kind, family, team, outcome and seals as they were.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    OLD.erased_by IS NULL AND NEW.erased_by IS NOT NULL
    AND (
        EXISTS (SELECT 1 FROM erasing WHERE family_id = OLD.family_id)
        OR EXISTS (SELECT 1 FROM erasing e JOIN members m ON m.family_id = e.family_id
                   JOIN accounts a ON a.member_id = m.id WHERE a.id = OLD.actor_id)
    )
    AND NEW.seq = OLD.seq AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
    AND NEW.record_kind = OLD.record_kind AND NEW.family_id IS OLD.family_id
    AND NEW.team_id IS OLD.team_id AND NEW.outcome = OLD.outcome AND NEW.flagged = OLD.flagged
    AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
)
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
