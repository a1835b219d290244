-- A form sent without JavaScript and refused: why, and what was typed, kept for a few minutes
-- for the page it goes back to, so that none of it travels in the page's address (where it
-- would stay in the browser's history and in proxies' logs). Taken on first read.
CREATE TABLE form_refusals (
    id TEXT PRIMARY KEY,
    server_fn TEXT NOT NULL,
    error TEXT NOT NULL,
    session TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX form_refusals_expiry ON form_refusals (expires_at);
