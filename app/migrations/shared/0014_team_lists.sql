-- A team's families are listed a page at a time, open cases by name and closed ones by closure
-- (store/families.rs, store/case_closures.rs): one index serves both, read in order and stopped
-- after a page, however many families the team holds.
CREATE INDEX families_team_list ON families (team_id, closed_on, name, id);
