-- Check-ins as columns rather than JSON: reading ten years of them was mostly
-- JSON parsing. Lists are comma-separated words.
CREATE TABLE checkins_v4 (
    date TEXT PRIMARY KEY,
    numbness INTEGER NOT NULL CHECK (numbness BETWEEN 0 AND 3),
    spots TEXT NOT NULL DEFAULT '',
    side TEXT,
    onset TEXT,
    minutes INTEGER,
    cleared TEXT,
    session TEXT,
    flags TEXT NOT NULL DEFAULT '',
    shoes TEXT,
    note TEXT,
    recorded_at TEXT NOT NULL
);
INSERT INTO checkins_v4
SELECT date,
    json_extract(data, '$.numbness'),
    COALESCE((SELECT group_concat(value, ',') FROM json_each(data, '$.where')), ''),
    json_extract(data, '$.side'),
    json_extract(data, '$.onset'),
    json_extract(data, '$.minutes'),
    json_extract(data, '$.cleared'),
    json_extract(data, '$.session'),
    COALESCE((SELECT group_concat(value, ',') FROM json_each(data, '$.flags')), ''),
    json_extract(data, '$.shoes'),
    json_extract(data, '$.note'),
    recorded_at
FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_v4 RENAME TO checkins;
