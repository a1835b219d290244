-- Motivational Interviewing (issue 5, docs/decisions/0007-motivational-interviewing.md).

-- The prompt library: the file's prompts (with their stable key, loaded at every start) and
-- a team's own (with the team). A prompt is retired, never deleted: the key stays taken.
CREATE TABLE mi_prompts (
    id TEXT PRIMARY KEY,
    library_key TEXT UNIQUE,
    team_id TEXT REFERENCES teams (id),
    technique TEXT NOT NULL,
    -- `any`, or codes joined by commas.
    areas TEXT NOT NULL,
    stages TEXT NOT NULL,
    body TEXT NOT NULL,
    why TEXT NOT NULL,
    added_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    retired_at BIGINT,
    CHECK ((library_key IS NULL) <> (team_id IS NULL))
);
CREATE INDEX mi_prompts_team ON mi_prompts (team_id);

-- A goal's stage of change over time, as the practitioner judged it.
CREATE TABLE goal_stages (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    stage TEXT NOT NULL,
    noted_on TEXT NOT NULL,
    noted_by TEXT NOT NULL REFERENCES accounts (id),
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX goal_stages_goal ON goal_stages (goal_id, noted_on);

-- A ruler's two follow-ups, answered in the person's own words.
ALTER TABLE check_ins ADD COLUMN not_lower TEXT NOT NULL DEFAULT '';
ALTER TABLE check_ins ADD COLUMN one_up TEXT NOT NULL DEFAULT '';

-- The change talk and sustain talk heard in one session about a goal.
CREATE TABLE change_talk (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    entry_id TEXT REFERENCES workbook_entries (id),
    heard_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES accounts (id),
    desire BIGINT NOT NULL CHECK (desire BETWEEN 0 AND 50),
    ability BIGINT NOT NULL CHECK (ability BETWEEN 0 AND 50),
    reasons BIGINT NOT NULL CHECK (reasons BETWEEN 0 AND 50),
    need BIGINT NOT NULL CHECK (need BETWEEN 0 AND 50),
    commitment BIGINT NOT NULL CHECK (commitment BETWEEN 0 AND 50),
    activation BIGINT NOT NULL CHECK (activation BETWEEN 0 AND 50),
    taking_steps BIGINT NOT NULL CHECK (taking_steps BETWEEN 0 AND 50),
    sustain BIGINT NOT NULL CHECK (sustain BETWEEN 0 AND 50),
    created_at BIGINT NOT NULL
);
CREATE INDEX change_talk_goal ON change_talk (goal_id, heard_on);

-- A family member's change plan for a goal: each save of their answers (by_member = 1), and
-- workers' notes beside them. One save writes a row per changed part, under one save id.
CREATE TABLE change_plan_words (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    part TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES accounts (id),
    by_member BIGINT NOT NULL CHECK (by_member IN (0, 1)),
    save_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (save_id, part)
);
CREATE INDEX change_plan_words_goal ON change_plan_words (goal_id, member_id, created_at);

-- Decisional balance items for one member and goal. An item can be taken back by whoever
-- wrote it; its words are never changed.
CREATE TABLE balance_items (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    member_id TEXT NOT NULL REFERENCES members (id),
    quadrant TEXT NOT NULL,
    body TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES accounts (id),
    by_member BIGINT NOT NULL CHECK (by_member IN (0, 1)),
    created_at BIGINT NOT NULL,
    removed_at BIGINT
);
CREATE INDEX balance_items_goal ON balance_items (goal_id, member_id, created_at);

CREATE FUNCTION change_plan_words_as_written() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a change plan is kept as written';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER change_plan_words_no_change BEFORE UPDATE OR DELETE ON change_plan_words
FOR EACH ROW EXECUTE FUNCTION change_plan_words_as_written();

CREATE FUNCTION balance_items_as_written() RETURNS trigger AS $$
BEGIN
    IF (NEW.goal_id, NEW.member_id, NEW.quadrant, NEW.body, NEW.author_id, NEW.by_member, NEW.created_at)
        IS DISTINCT FROM
       (OLD.goal_id, OLD.member_id, OLD.quadrant, OLD.body, OLD.author_id, OLD.by_member, OLD.created_at) THEN
        RAISE EXCEPTION 'a balance item is kept as written';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER balance_items_no_rewrite BEFORE UPDATE ON balance_items
FOR EACH ROW EXECUTE FUNCTION balance_items_as_written();
