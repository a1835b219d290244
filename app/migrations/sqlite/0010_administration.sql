CREATE TRIGGER set_up_codes_claim_id AFTER INSERT ON set_up_codes
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'set_up_code');
END;
