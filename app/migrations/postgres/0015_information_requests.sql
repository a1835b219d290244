CREATE TRIGGER information_requests_claim_id AFTER INSERT ON information_requests
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('information_request');
