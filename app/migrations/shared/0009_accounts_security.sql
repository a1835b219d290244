-- Accounts that hold under attack: a second factor for staff, sessions a person can list and
-- end, asking for the password again before sensitive actions, telling the owner about failed
-- sign-ins, and a manager's review of every family opened outside its team.

-- A TOTP secret, encrypted with the server's secrets key (which is never in the database).
CREATE TABLE second_factors (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id),
    secret_sealed TEXT NOT NULL,
    confirmed_at BIGINT NOT NULL,
    -- The last 30-second step a code was accepted for: no code is accepted twice.
    last_step BIGINT NOT NULL DEFAULT 0
);

-- Single-use codes for when the phone is lost; only their hashes are kept.
CREATE TABLE recovery_codes (
    code_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_account ON recovery_codes (account_id);

-- A sign-in whose password was right and which waits for its second factor.
CREATE TABLE pending_sign_ins (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    wrong_codes BIGINT NOT NULL DEFAULT 0
);

-- A session has an id that can be shown (the token's hash is not), says where it began, and
-- when the person last gave their password; and carries the notice of failed sign-ins.
ALTER TABLE sessions ADD COLUMN id TEXT;
ALTER TABLE sessions ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN confirmed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN failed_before BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN failed_last_at BIGINT;
CREATE UNIQUE INDEX sessions_id ON sessions (id);

-- Failed sign-ins to an account since it last signed in (folded in from login_failures), and
-- attempts already told to the owner at a sign-in, which no longer count towards throttling
-- but still reach the audit trail.
ALTER TABLE login_failures ADD COLUMN settled BIGINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN failed_sign_ins BIGINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN last_failed_sign_in_at BIGINT;

-- Something shown once as the answer to a POST (recovery codes, an invitation code), kept
-- encrypted for a few minutes for the page the POST leads to, in the session that made it.
CREATE TABLE held_answers (
    id TEXT PRIMARY KEY,
    session TEXT NOT NULL,
    kind TEXT NOT NULL,
    sealed TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX held_answers_expiry ON held_answers (expires_at);

ALTER TABLE break_glass ADD COLUMN reviewed_at BIGINT;
ALTER TABLE break_glass ADD COLUMN reviewed_by TEXT REFERENCES accounts (id);
