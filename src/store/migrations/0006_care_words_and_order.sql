-- The new check-in words (places, night, what eased it, more flags) need more
-- bits, so the choices move to the layout `choices` describes. The minutes,
-- the minutes to clear and `seq` — the order check-ins and clearances were
-- recorded in, numbered here from their recording times, which tells a
-- clearance and a check-in of the same day apart — share one packed integer,
-- `counts` (see `choices`; `counts >> 22` is the order); `sequence` holds the
-- last order number given. Symptom fields on a symptom-free day (which earlier
-- versions accepted and acted on) say nothing and are dropped; session and
-- flags stay.
CREATE TABLE checkins_v6 (
    day INTEGER PRIMARY KEY,
    date TEXT GENERATED ALWAYS AS (date(day * 86400, 'unixepoch')) VIRTUAL,
    choices INTEGER NOT NULL CHECK (choices BETWEEN 0 AND 1099511627775),
    counts INTEGER NOT NULL DEFAULT 0 CHECK (counts >= 0),
    shoes TEXT,
    note TEXT,
    recorded_at TEXT NOT NULL
);
INSERT INTO checkins_v6 (day, choices, counts, shoes, note, recorded_at)
SELECT day,
    CASE WHEN (choices & 3) = 0 THEN 0 ELSE
        (choices & 3)
        | (((choices >> 2) & 3) << 2)
        | (((choices >> 4) & 3) << 4)
        | (((choices >> 6) & 3) << 7)
        | (((choices >> 11) & 127) << 12)
    END
    | (((choices >> 8) & 7) << 9)
    | (((choices >> 18) & 63) << 25),
    CASE WHEN (choices & 3) = 0 OR minutes IS NULL THEN 0 ELSE min(max(minutes, 0), 600) + 1 END,
    shoes, note, recorded_at
FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_v6 RENAME TO checkins;
ALTER TABLE clearances ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE TEMP TABLE recorded AS
SELECT kind, key, row_number() OVER (ORDER BY at, kind, key) AS n
FROM (SELECT 0 AS kind, day AS key, recorded_at AS at FROM checkins
      UNION ALL SELECT 1, id, recorded_at FROM clearances);
UPDATE checkins SET counts = counts
    | ((SELECT n FROM recorded WHERE kind = 0 AND key = checkins.day) << 22);
UPDATE clearances SET seq = (SELECT n FROM recorded WHERE kind = 1 AND key = clearances.id);
CREATE TABLE sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
INSERT INTO sequence VALUES (1, (SELECT COUNT(*) FROM recorded));
DROP TABLE recorded;
