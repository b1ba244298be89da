-- The checks and habits the runner ticked, per day (day numbers as in
-- `checkins`), so a tick survives a restart.
CREATE TABLE ticks (
    day INTEGER NOT NULL,
    habit TEXT NOT NULL,
    PRIMARY KEY (day, habit)
) WITHOUT ROWID;
