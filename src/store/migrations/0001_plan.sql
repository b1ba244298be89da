-- The profile and the template the plan was built from; the plan itself is
-- derived from them, so it is not stored.
CREATE TABLE plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    profile TEXT NOT NULL,
    template TEXT NOT NULL,
    created_at TEXT NOT NULL
);
