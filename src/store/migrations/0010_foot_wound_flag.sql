-- A twelfth warning flag (`foot_wound`: a cut, blister or redness not felt)
-- needs one more bit: the flags take bits 25–36 and what eased the numbness
-- moves from bits 36–39 to 37–40 (see `choices`). SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt with the wider range.
CREATE TABLE checkins_v10 (
    day INTEGER PRIMARY KEY,
    date TEXT GENERATED ALWAYS AS (date(day * 86400, 'unixepoch')) VIRTUAL,
    choices INTEGER NOT NULL CHECK (choices BETWEEN 0 AND 2199023255551),
    counts INTEGER NOT NULL DEFAULT 0 CHECK (counts >= 0),
    shoes TEXT,
    note TEXT,
    recorded_at TEXT NOT NULL,
    actual TEXT
);
INSERT INTO checkins_v10 (day, choices, counts, shoes, note, recorded_at, actual)
SELECT day,
    (choices & 68719476735) | (((choices >> 36) & 15) << 37),
    counts, shoes, note, recorded_at, actual
FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_v10 RENAME TO checkins;
