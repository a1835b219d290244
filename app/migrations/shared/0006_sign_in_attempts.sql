-- Sign-in attempts and wrong invitation codes. Each attempt is written before its password is
-- checked, so guesses sent in parallel are counted as they arrive; a sign-in that succeeds takes
-- its row back. Rows reach the audit trail in batches (`audited`), so a flood of refusals does not
-- queue on the audit trail's head while case work waits to be saved.
ALTER TABLE login_failures ADD COLUMN id TEXT;
ALTER TABLE login_failures ADD COLUMN kind TEXT NOT NULL DEFAULT 'sign_in';
ALTER TABLE login_failures ADD COLUMN audited BIGINT NOT NULL DEFAULT 0;
CREATE INDEX login_failures_origin ON login_failures (origin, at);
CREATE INDEX login_failures_unaudited ON login_failures (audited, at);
