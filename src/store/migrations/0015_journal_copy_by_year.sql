-- The journal's copy, one row a year: a check-in rewrites the rows of its
-- year and the years after it, not ten years of check-ins. The `checkins`
-- table stays the truth; copies whose row counts do not add up to the
-- table's are not used.
DROP TABLE IF EXISTS journal_copy;
CREATE TABLE journal_copy (
    year INTEGER PRIMARY KEY,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL
);
