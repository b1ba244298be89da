-- Runs imported from watch and phone files (GPX, TCX, FIT): when, how far,
-- how long, the average heart rate if the file had one. `hash` keeps a file
-- from being imported twice; `batch` is the import it came in, which undo
-- takes back whole.
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    day INTEGER NOT NULL,
    start TEXT NOT NULL,
    distance_m INTEGER NOT NULL,
    seconds INTEGER NOT NULL,
    heart_rate INTEGER,
    file TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    batch INTEGER NOT NULL
);
CREATE INDEX activities_by_day ON activities (day);

-- The change log learns a third kind, an import (its `clearance_id` column
-- holds the import's batch), so undo takes an import back.
CREATE TABLE changes_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('checkin', 'clearance', 'import')),
    date TEXT NOT NULL,
    before TEXT,
    clearance_id INTEGER,
    at TEXT NOT NULL
);
INSERT INTO changes_new (id, kind, date, before, clearance_id, at)
    SELECT id, kind, date, before, clearance_id, at FROM changes;
DROP TABLE changes;
ALTER TABLE changes_new RENAME TO changes;
