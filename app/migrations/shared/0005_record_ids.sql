-- Every record's id, once, with its kind. A page makes the id of a record it adds (so a retried
-- save adds it once); an id that any record of any kind already has is refused for a new one,
-- by the services first (with a refusal in the audit trail) and by these triggers at the last.
CREATE TABLE record_ids (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL
);

INSERT INTO record_ids (id, kind) SELECT id, 'authority' FROM local_authorities WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'team' FROM teams WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'family' FROM families WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'member' FROM members WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'account' FROM accounts WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'invitation' FROM invitations WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'break_glass' FROM break_glass WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'safety' FROM safety_statements WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'goal' FROM goals WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'step' FROM steps WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'check_in' FROM check_ins WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'family_words' FROM family_words WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'three_houses' FROM three_houses WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'plan_change' FROM plan_changes WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'entry' FROM workbook_entries WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'supervision' FROM supervisions WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'supervision_action' FROM supervision_actions WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'meeting' FROM meetings WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'prompt' FROM mi_prompts WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'stage' FROM goal_stages WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'change_talk' FROM change_talk WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'change_plan' FROM change_plan_words WHERE true ON CONFLICT (id) DO NOTHING;
INSERT INTO record_ids (id, kind) SELECT id, 'balance_item' FROM balance_items WHERE true ON CONFLICT (id) DO NOTHING;
