-- The day a check-in was recorded, when later than its date (days since
-- 1970-01-01; NULL when recorded on its own day or not known): numbness
-- "not gone when recorded" three days after its date has lasted three days.
-- The journal's copy is written again with the new field.
ALTER TABLE checkins ADD COLUMN recorded_day INTEGER;
DELETE FROM journal_copy;
