-- The assessment (verdict, schedule, decisions) kept from the last command of
-- a day, for the build that computed it: a later command the same day with
-- nothing changed reads it instead of walking the whole journal again
-- (src/store/kept.rs). It is derived data: any change to the check-ins,
-- clearances, activities, plan, shoes or ticks deletes it, whoever writes.
-- The sync triggers of migration 0013 already fire on each of those changes:
-- each is made again to do both, so that opening the store parses no more
-- triggers than before. A new table an assessment reads needs the same.
CREATE TABLE IF NOT EXISTS kept_assessment (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    day TEXT NOT NULL,
    build TEXT NOT NULL,
    data BLOB NOT NULL
);
DROP TRIGGER IF EXISTS sync_checkins_insert;
CREATE TRIGGER sync_checkins_insert AFTER INSERT ON checkins BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'checkin/' || NEW.date
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_checkins_update;
CREATE TRIGGER sync_checkins_update AFTER UPDATE ON checkins BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'checkin/' || NEW.date
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_checkins_delete;
CREATE TRIGGER sync_checkins_delete AFTER DELETE ON checkins BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'checkin/' || OLD.date
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_clearances_insert;
CREATE TRIGGER sync_clearances_insert AFTER INSERT ON clearances BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'clearances'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_clearances_update;
CREATE TRIGGER sync_clearances_update AFTER UPDATE ON clearances BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'clearances'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_clearances_delete;
CREATE TRIGGER sync_clearances_delete AFTER DELETE ON clearances BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'clearances'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_shoes_insert;
CREATE TRIGGER sync_shoes_insert AFTER INSERT ON shoes BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'shoes'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_shoes_update;
CREATE TRIGGER sync_shoes_update AFTER UPDATE ON shoes BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'shoes'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_shoes_delete;
CREATE TRIGGER sync_shoes_delete AFTER DELETE ON shoes BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'shoes'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_ticks_insert;
CREATE TRIGGER sync_ticks_insert AFTER INSERT ON ticks BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'ticks'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_ticks_delete;
CREATE TRIGGER sync_ticks_delete AFTER DELETE ON ticks BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'ticks'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_activities_insert;
CREATE TRIGGER sync_activities_insert AFTER INSERT ON activities BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'activities'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_activities_update;
CREATE TRIGGER sync_activities_update AFTER UPDATE ON activities BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'activities'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_activities_delete;
CREATE TRIGGER sync_activities_delete AFTER DELETE ON activities BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'activities'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_plan_insert;
CREATE TRIGGER sync_plan_insert AFTER INSERT ON plan BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'plan'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_plan_update;
CREATE TRIGGER sync_plan_update AFTER UPDATE ON plan BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'plan'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
DROP TRIGGER IF EXISTS sync_plan_delete;
CREATE TRIGGER sync_plan_delete AFTER DELETE ON plan BEGIN
    DELETE FROM kept_assessment;
    INSERT INTO sync_dirty (key) SELECT 'plan'
        WHERE EXISTS (SELECT 1 FROM sync_setup WHERE folder IS NOT NULL);
END;
