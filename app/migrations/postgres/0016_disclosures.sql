CREATE TRIGGER withholdings_claim_id AFTER INSERT ON withholdings
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('withholding');
