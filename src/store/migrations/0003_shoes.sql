-- Shoes, in the order they were added.
CREATE TABLE shoes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    start_distance REAL NOT NULL DEFAULT 0,
    retired TEXT,
    added_at TEXT NOT NULL
);
