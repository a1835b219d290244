-- Plans, goals and progress (issue 3). Every change to a goal, step or safety statement is a
-- new version: the row holds the latest, plan_changes holds what changed, by whom and why.

CREATE TABLE safety_statements (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    danger TEXT NOT NULL,
    safety_goal TEXT NOT NULL,
    position BIGINT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX safety_statements_family ON safety_statements (family_id, position);

CREATE TABLE goals (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    owner_member_id TEXT NOT NULL REFERENCES members (id),
    area TEXT NOT NULL,
    family_words TEXT NOT NULL,
    professional_words TEXT NOT NULL,
    target_date TEXT NOT NULL,
    status TEXT NOT NULL,
    position BIGINT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX goals_family ON goals (family_id, position);

CREATE TABLE steps (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    -- 'member:<uuid>' or 'role:<code>'
    who TEXT NOT NULL,
    what TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done BIGINT NOT NULL CHECK (done IN (0, 1)),
    position BIGINT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX steps_goal ON steps (goal_id, position);

-- Who in the family may see a goal, step or safety statement (DOMAIN.md §5).
CREATE TABLE shared_with (
    record_id TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members (id),
    PRIMARY KEY (record_id, member_id)
);

CREATE TABLE check_ins (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    scale TEXT NOT NULL,
    score BIGINT NOT NULL CHECK (score BETWEEN 0 AND 10),
    given_on TEXT NOT NULL,
    given_by TEXT NOT NULL REFERENCES accounts (id),
    comment TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX check_ins_goal ON check_ins (goal_id, given_on);

-- A family member's words and the team's replies: never edited (the triggers below).
CREATE TABLE family_words (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    goal_id TEXT REFERENCES goals (id),
    -- The family member who wrote it, or whose words a reply answers.
    member_id TEXT NOT NULL REFERENCES members (id),
    author_id TEXT NOT NULL REFERENCES accounts (id),
    reply_to TEXT REFERENCES family_words (id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX family_words_family ON family_words (family_id, created_at);

CREATE TABLE three_houses (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    child_id TEXT NOT NULL REFERENCES members (id),
    recorded_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES accounts (id),
    worries TEXT NOT NULL,
    good_things TEXT NOT NULL,
    dreams TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX three_houses_family ON three_houses (family_id, recorded_on);

CREATE TABLE plan_changes (
    id TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES families (id),
    goal_id TEXT REFERENCES goals (id),
    subject TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES accounts (id),
    at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    -- JSON: [{"field", "before", "after"}]
    changes TEXT NOT NULL,
    UNIQUE (subject_id, version)
);
CREATE INDEX plan_changes_family ON plan_changes (family_id, at);
CREATE INDEX plan_changes_goal ON plan_changes (goal_id, at);

-- "What changed since you last looked": when each family account last looked, and, per
-- session, the moment its page compares against (so a reload does not empty the list).
CREATE TABLE plan_looks (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id),
    looked_at BIGINT NOT NULL
);
ALTER TABLE sessions ADD COLUMN changes_since BIGINT;

CREATE FUNCTION family_words_as_written() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a family''s words are kept as written';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER family_words_no_update BEFORE UPDATE ON family_words
FOR EACH ROW EXECUTE FUNCTION family_words_as_written();

CREATE FUNCTION plan_changes_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'plan history is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER plan_changes_no_change BEFORE UPDATE OR DELETE ON plan_changes
FOR EACH ROW EXECUTE FUNCTION plan_changes_append_only();
