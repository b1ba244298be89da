-- The journal. One check-in per date; every change logged so it can be undone;
-- clearances; and the decisions the plan took, with their reasons.
CREATE TABLE checkins (
    date TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE TABLE clearances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL,
    note TEXT,
    recorded_at TEXT NOT NULL
);
CREATE TABLE changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('checkin', 'clearance')),
    date TEXT NOT NULL,
    before TEXT,
    clearance_id INTEGER,
    at TEXT NOT NULL
);
CREATE TABLE decisions (
    date TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
