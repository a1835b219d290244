-- SQLite's trigger dialect.
CREATE TRIGGER fixture_notes_touch AFTER UPDATE OF noted_on ON fixture_notes
BEGIN
    UPDATE fixture_notes SET updated_at = updated_at + 1 WHERE id = NEW.id;
END;
