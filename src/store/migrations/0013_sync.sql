-- Sync between the runner's devices (src/sync): the folder joined and this
-- device's id, each record's stamp and hash as last synced, the other
-- devices' files as last read, and the records written since the last sync
-- (kept by triggers while a folder is joined), so a command with nothing
-- new to sync reads one small table.
CREATE TABLE IF NOT EXISTS sync_setup (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    folder TEXT,
    device TEXT NOT NULL,
    clock TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS sync_seen (
    key TEXT PRIMARY KEY,
    stamp TEXT NOT NULL,
    hash INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_files (
    name TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    modified INTEGER NOT NULL
) WITHOUT ROWID;
-- Not unique: a trigger's own conflict clause gives way to an upsert's.
CREATE TABLE IF NOT EXISTS sync_dirty (key TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS sync_checkins_insert AFTER INSERT ON checkins
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('checkin/' || NEW.date); END;
CREATE TRIGGER IF NOT EXISTS sync_checkins_update AFTER UPDATE ON checkins
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('checkin/' || NEW.date); END;
CREATE TRIGGER IF NOT EXISTS sync_checkins_delete AFTER DELETE ON checkins
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('checkin/' || OLD.date); END;
CREATE TRIGGER IF NOT EXISTS sync_clearances_insert AFTER INSERT ON clearances
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('clearances'); END;
CREATE TRIGGER IF NOT EXISTS sync_clearances_update AFTER UPDATE ON clearances
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('clearances'); END;
CREATE TRIGGER IF NOT EXISTS sync_clearances_delete AFTER DELETE ON clearances
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('clearances'); END;
CREATE TRIGGER IF NOT EXISTS sync_shoes_insert AFTER INSERT ON shoes
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('shoes'); END;
CREATE TRIGGER IF NOT EXISTS sync_shoes_update AFTER UPDATE ON shoes
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('shoes'); END;
CREATE TRIGGER IF NOT EXISTS sync_shoes_delete AFTER DELETE ON shoes
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('shoes'); END;
CREATE TRIGGER IF NOT EXISTS sync_ticks_insert AFTER INSERT ON ticks
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('ticks'); END;
CREATE TRIGGER IF NOT EXISTS sync_ticks_delete AFTER DELETE ON ticks
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('ticks'); END;
CREATE TRIGGER IF NOT EXISTS sync_activities_insert AFTER INSERT ON activities
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('activities'); END;
CREATE TRIGGER IF NOT EXISTS sync_activities_update AFTER UPDATE ON activities
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('activities'); END;
CREATE TRIGGER IF NOT EXISTS sync_activities_delete AFTER DELETE ON activities
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('activities'); END;
CREATE TRIGGER IF NOT EXISTS sync_plan_insert AFTER INSERT ON plan
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('plan'); END;
CREATE TRIGGER IF NOT EXISTS sync_plan_update AFTER UPDATE ON plan
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('plan'); END;
CREATE TRIGGER IF NOT EXISTS sync_plan_delete AFTER DELETE ON plan
    WHEN EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL)
    BEGIN INSERT INTO sync_dirty (key) VALUES ('plan'); END;
