-- Cross-training read from watch and phone files (a ride, a swim, a walk,
-- a hike, a row, an elliptical session): kept in the activities table
-- beside the runs, with its kind; NULL is a run.
ALTER TABLE activities ADD COLUMN cross TEXT;
