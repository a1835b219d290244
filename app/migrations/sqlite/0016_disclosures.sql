CREATE TRIGGER withholdings_claim_id AFTER INSERT ON withholdings
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'withholding');
END;
