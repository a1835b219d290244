-- The team dashboard and My week read, for many families at once, the latest visit and monthly
-- summary of each chapter and the supervision actions not yet done (store/due_facts.rs).
CREATE INDEX workbook_entries_due ON workbook_entries (family_id, kind, chapter, occurred_on);
CREATE INDEX supervision_actions_family ON supervision_actions (family_id, done, due_on);
-- Who a family's goals, steps and safety statements are shared with is read by member: without
-- this, every family page, goal page and parent's page read the whole table (30 ms at 1,000
-- families, growing with the country).
CREATE INDEX shared_with_member ON shared_with (member_id, record_id);
