-- What the runner actually did on a day (distance, minutes, RPE, strength,
-- cross-training), as the JSON of `checkin::Actual`; NULL when not given,
-- so a day without it costs nothing to read.
ALTER TABLE checkins ADD COLUMN actual TEXT;
