CREATE TRIGGER set_up_codes_claim_id AFTER INSERT ON set_up_codes
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('set_up_code');
