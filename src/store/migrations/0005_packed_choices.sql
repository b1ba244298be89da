-- Check-ins keyed by their day number (days since 1970-01-01), so the table
-- itself is in date order, and their choices packed into one integer (see
-- `choices`): reading ten years of them is one pass over one b-tree with five
-- columns. `date` stays readable as a computed column. (In SQL `|` and `<<`
-- bind equally tight, hence every shift in brackets.) A date that is not one
-- makes the migration fail rather than move a row.
CREATE TABLE checkins_v5 (
    day INTEGER PRIMARY KEY,
    date TEXT GENERATED ALWAYS AS (date(day * 86400, 'unixepoch')) VIRTUAL,
    choices INTEGER NOT NULL CHECK (choices BETWEEN 0 AND 16777215),
    minutes INTEGER,
    shoes TEXT,
    note TEXT,
    recorded_at TEXT NOT NULL
);
INSERT INTO checkins_v5 (day, choices, minutes, shoes, note, recorded_at)
SELECT COALESCE(unixepoch(date) / 86400, 'not a date: ' || date),
    numbness
    | ((CASE side WHEN 'left' THEN 1 WHEN 'right' THEN 2 WHEN 'both' THEN 3 ELSE 0 END) << 2)
    | ((CASE onset WHEN 'during' THEN 1 WHEN 'after' THEN 2 WHEN 'rest' THEN 3 ELSE 0 END) << 4)
    | ((CASE cleared WHEN 'quickly' THEN 1 WHEN 'hours' THEN 2 WHEN 'not_yet' THEN 3 ELSE 0 END) << 6)
    | ((CASE session WHEN 'done' THEN 1 WHEN 'partial' THEN 2 WHEN 'skipped' THEN 3
        WHEN 'rest_day' THEN 4 ELSE 0 END) << 8)
    | ((instr(',' || spots || ',', ',toes,') > 0) << 11)
    | ((instr(',' || spots || ',', ',ball,') > 0) << 12)
    | ((instr(',' || spots || ',', ',arch,') > 0) << 13)
    | ((instr(',' || spots || ',', ',heel,') > 0) << 14)
    | ((instr(',' || spots || ',', ',top,') > 0) << 15)
    | ((instr(',' || spots || ',', ',ankle,') > 0) << 16)
    | ((instr(',' || spots || ',', ',calf,') > 0) << 17)
    | ((instr(',' || flags || ',', ',sharp_pain,') > 0) << 18)
    | ((instr(',' || flags || ',', ',skin_colour,') > 0) << 19)
    | ((instr(',' || flags || ',', ',weakness,') > 0) << 20)
    | ((instr(',' || flags || ',', ',back_pain,') > 0) << 21)
    | ((instr(',' || flags || ',', ',saddle,') > 0) << 22)
    | ((instr(',' || flags || ',', ',bladder_bowel,') > 0) << 23),
    minutes, shoes, note, recorded_at
FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_v5 RENAME TO checkins;
