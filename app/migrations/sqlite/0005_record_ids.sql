-- Each table with its own ids claims them in record_ids as its rows are added.

CREATE TRIGGER local_authorities_claim_id AFTER INSERT ON local_authorities
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'authority');
END;

CREATE TRIGGER teams_claim_id AFTER INSERT ON teams
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'team');
END;

CREATE TRIGGER families_claim_id AFTER INSERT ON families
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'family');
END;

CREATE TRIGGER members_claim_id AFTER INSERT ON members
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'member');
END;

CREATE TRIGGER accounts_claim_id AFTER INSERT ON accounts
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'account');
END;

CREATE TRIGGER invitations_claim_id AFTER INSERT ON invitations
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'invitation');
END;

CREATE TRIGGER break_glass_claim_id AFTER INSERT ON break_glass
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'break_glass');
END;

CREATE TRIGGER safety_statements_claim_id AFTER INSERT ON safety_statements
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'safety');
END;

CREATE TRIGGER goals_claim_id AFTER INSERT ON goals
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'goal');
END;

CREATE TRIGGER steps_claim_id AFTER INSERT ON steps
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'step');
END;

CREATE TRIGGER check_ins_claim_id AFTER INSERT ON check_ins
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'check_in');
END;

CREATE TRIGGER family_words_claim_id AFTER INSERT ON family_words
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'family_words');
END;

CREATE TRIGGER three_houses_claim_id AFTER INSERT ON three_houses
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'three_houses');
END;

CREATE TRIGGER plan_changes_claim_id AFTER INSERT ON plan_changes
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'plan_change');
END;

CREATE TRIGGER workbook_entries_claim_id AFTER INSERT ON workbook_entries
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'entry');
END;

CREATE TRIGGER supervisions_claim_id AFTER INSERT ON supervisions
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'supervision');
END;

CREATE TRIGGER supervision_actions_claim_id AFTER INSERT ON supervision_actions
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'supervision_action');
END;

CREATE TRIGGER meetings_claim_id AFTER INSERT ON meetings
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'meeting');
END;

CREATE TRIGGER mi_prompts_claim_id AFTER INSERT ON mi_prompts
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'prompt');
END;

CREATE TRIGGER goal_stages_claim_id AFTER INSERT ON goal_stages
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'stage');
END;

CREATE TRIGGER change_talk_claim_id AFTER INSERT ON change_talk
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'change_talk');
END;

CREATE TRIGGER change_plan_words_claim_id AFTER INSERT ON change_plan_words
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'change_plan');
END;

CREATE TRIGGER balance_items_claim_id AFTER INSERT ON balance_items
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, 'balance_item');
END;
