CREATE TRIGGER information_requests_claim_id AFTER INSERT ON information_requests
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'information_request');
END;
