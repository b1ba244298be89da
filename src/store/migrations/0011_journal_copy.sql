-- A compact copy of every check-in, written in the same transaction as each
-- change to the journal: commands read it instead of ten years of rows. The
-- `checkins` table stays the truth; a copy whose row count differs from the
-- table's is not used (and any change that does not go through the store's
-- write path — a new plan, a migration — deletes it).
DROP TABLE IF EXISTS journal_copy;
CREATE TABLE journal_copy (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    rows INTEGER NOT NULL,
    data BLOB NOT NULL
);
