-- Shared DDL: a test-only migration proving how versions from 0005 are assembled.
CREATE TABLE fixture_notes (
    id TEXT PRIMARY KEY,
    noted_on TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
