-- Each table with its own ids claims them in record_ids as its rows are added; the kind is the
-- trigger's argument.
CREATE FUNCTION claim_record_id() RETURNS trigger AS $$
BEGIN
    INSERT INTO record_ids (id, kind) VALUES (NEW.id, TG_ARGV[0]);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER local_authorities_claim_id AFTER INSERT ON local_authorities
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('authority');

CREATE TRIGGER teams_claim_id AFTER INSERT ON teams
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('team');

CREATE TRIGGER families_claim_id AFTER INSERT ON families
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('family');

CREATE TRIGGER members_claim_id AFTER INSERT ON members
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('member');

CREATE TRIGGER accounts_claim_id AFTER INSERT ON accounts
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('account');

CREATE TRIGGER invitations_claim_id AFTER INSERT ON invitations
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('invitation');

CREATE TRIGGER break_glass_claim_id AFTER INSERT ON break_glass
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('break_glass');

CREATE TRIGGER safety_statements_claim_id AFTER INSERT ON safety_statements
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('safety');

CREATE TRIGGER goals_claim_id AFTER INSERT ON goals
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('goal');

CREATE TRIGGER steps_claim_id AFTER INSERT ON steps
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('step');

CREATE TRIGGER check_ins_claim_id AFTER INSERT ON check_ins
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('check_in');

CREATE TRIGGER family_words_claim_id AFTER INSERT ON family_words
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('family_words');

CREATE TRIGGER three_houses_claim_id AFTER INSERT ON three_houses
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('three_houses');

CREATE TRIGGER plan_changes_claim_id AFTER INSERT ON plan_changes
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('plan_change');

CREATE TRIGGER workbook_entries_claim_id AFTER INSERT ON workbook_entries
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('entry');

CREATE TRIGGER supervisions_claim_id AFTER INSERT ON supervisions
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('supervision');

CREATE TRIGGER supervision_actions_claim_id AFTER INSERT ON supervision_actions
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('supervision_action');

CREATE TRIGGER meetings_claim_id AFTER INSERT ON meetings
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('meeting');

CREATE TRIGGER mi_prompts_claim_id AFTER INSERT ON mi_prompts
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('prompt');

CREATE TRIGGER goal_stages_claim_id AFTER INSERT ON goal_stages
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('stage');

CREATE TRIGGER change_talk_claim_id AFTER INSERT ON change_talk
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('change_talk');

CREATE TRIGGER change_plan_words_claim_id AFTER INSERT ON change_plan_words
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('change_plan');

CREATE TRIGGER balance_items_claim_id AFTER INSERT ON balance_items
    FOR EACH ROW EXECUTE FUNCTION claim_record_id('balance_item');
