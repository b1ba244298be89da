//! The store: the only module that touches the database file. SQLite in WAL
//! mode, schema migrations keyed by `PRAGMA user_version`, every change in one
//! transaction. A file that is damaged or from a newer comeback is refused and
//! left exactly as it was.

mod choices;

use crate::checkin::{CheckIn, Clearance, Decision, Journal};
use crate::plan::{Distance, Profile, Template};
use crate::shoes::Shoe;
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Duration;

/// The database file inside the data dir.
pub const FILE_NAME: &str = "comeback.db";

/// How large the WAL may grow before a write empties it: about 30 pages, a
/// week or so of check-ins, which a command opening the store replays in
/// well under a tenth of a millisecond.
const WAL_LIMIT: u64 = 128 * 1024;

/// Each entry migrates the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the profile and the template the plan was built from; the plan itself
    // is derived from them, so it is not stored.
    "CREATE TABLE plan (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        profile TEXT NOT NULL,
        template TEXT NOT NULL,
        created_at TEXT NOT NULL
    );",
    // 2: the journal. One check-in per date; every change logged so it can be
    // undone; clearances; and the decisions the plan took, with their reasons.
    "CREATE TABLE checkins (
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
    );",
    // 3: shoes, in the order they were added.
    "CREATE TABLE shoes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        start_distance REAL NOT NULL DEFAULT 0,
        retired TEXT,
        added_at TEXT NOT NULL
    );",
    // 4: check-ins as columns rather than JSON: reading ten years of them was
    // mostly JSON parsing. Lists are comma-separated words.
    "CREATE TABLE checkins_v4 (
        date TEXT PRIMARY KEY,
        numbness INTEGER NOT NULL CHECK (numbness BETWEEN 0 AND 3),
        spots TEXT NOT NULL DEFAULT '',
        side TEXT,
        onset TEXT,
        minutes INTEGER,
        cleared TEXT,
        session TEXT,
        flags TEXT NOT NULL DEFAULT '',
        shoes TEXT,
        note TEXT,
        recorded_at TEXT NOT NULL
    );
    INSERT INTO checkins_v4
    SELECT date,
        json_extract(data, '$.numbness'),
        COALESCE((SELECT group_concat(value, ',') FROM json_each(data, '$.where')), ''),
        json_extract(data, '$.side'),
        json_extract(data, '$.onset'),
        json_extract(data, '$.minutes'),
        json_extract(data, '$.cleared'),
        json_extract(data, '$.session'),
        COALESCE((SELECT group_concat(value, ',') FROM json_each(data, '$.flags')), ''),
        json_extract(data, '$.shoes'),
        json_extract(data, '$.note'),
        recorded_at
    FROM checkins;
    DROP TABLE checkins;
    ALTER TABLE checkins_v4 RENAME TO checkins;",
    // 5: check-ins keyed by their day number (days since 1970-01-01), so
    // the table itself is in date order, and their choices packed into one
    // integer (see `choices`): reading ten years of them is one pass over one
    // b-tree with five columns. `date` stays readable as a computed column.
    // (In SQL `|` and `<<` bind equally tight, hence every shift in brackets.)
    // A date that is not one makes the migration fail rather than move a row.
    "CREATE TABLE checkins_v5 (
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
    ALTER TABLE checkins_v5 RENAME TO checkins;",
    // 6: the new check-in words (places, night, what eased it, more flags)
    // need more bits, so the choices move to the layout `choices` describes.
    // The minutes, the minutes to clear and `seq` — the order check-ins and
    // clearances were recorded in, numbered here from their recording times,
    // which tells a clearance and a check-in of the same day apart — share one
    // packed integer, `counts` (see `choices`; `counts >> 22` is the order);
    // `sequence` holds the last order number given. Symptom fields on a symptom-free day (which earlier versions
    // accepted and acted on) say nothing and are dropped; session and flags stay.
    "CREATE TABLE checkins_v6 (
        day INTEGER PRIMARY KEY,
        date TEXT GENERATED ALWAYS AS (date(day * 86400, 'unixepoch')) VIRTUAL,
        choices INTEGER NOT NULL CHECK (choices BETWEEN 0 AND 1099511627775),
        counts INTEGER NOT NULL DEFAULT 0 CHECK (counts >= 0),
        shoes TEXT,
        note TEXT,
        recorded_at TEXT NOT NULL
    );
    INSERT INTO checkins_v6 (day, choices, counts, shoes, note, recorded_at)
    SELECT day,
        CASE WHEN (choices & 3) = 0 THEN 0 ELSE
            (choices & 3)
            | (((choices >> 2) & 3) << 2)
            | (((choices >> 4) & 3) << 4)
            | (((choices >> 6) & 3) << 7)
            | (((choices >> 11) & 127) << 12)
        END
        | (((choices >> 8) & 7) << 9)
        | (((choices >> 18) & 63) << 25),
        CASE WHEN (choices & 3) = 0 OR minutes IS NULL THEN 0 ELSE min(max(minutes, 0), 600) + 1 END,
        shoes, note, recorded_at
    FROM checkins;
    DROP TABLE checkins;
    ALTER TABLE checkins_v6 RENAME TO checkins;
    ALTER TABLE clearances ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
    CREATE TEMP TABLE recorded AS
    SELECT kind, key, row_number() OVER (ORDER BY at, kind, key) AS n
    FROM (SELECT 0 AS kind, day AS key, recorded_at AS at FROM checkins
          UNION ALL SELECT 1, id, recorded_at FROM clearances);
    UPDATE checkins SET counts = counts
        | ((SELECT n FROM recorded WHERE kind = 0 AND key = checkins.day) << 22);
    UPDATE clearances SET seq = (SELECT n FROM recorded WHERE kind = 1 AND key = clearances.id);
    CREATE TABLE sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
    INSERT INTO sequence VALUES (1, (SELECT COUNT(*) FROM recorded));
    DROP TABLE recorded;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{file}: made by a newer comeback (schema {found}, this one knows up to {supported}); upgrade comeback — the file was left untouched"
    )]
    Newer {
        file: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "{file}: not a readable comeback database ({detail}); move it aside or restore a backup — the file was left untouched"
    )]
    Damaged { file: PathBuf, detail: String },
    #[error("{file}: {detail}")]
    Io { file: PathBuf, detail: String },
    #[error("a plan already exists (started {start}); add --force to replace it")]
    PlanExists { start: NaiveDate },
    #[error("shoes '{0}': a pair with that name exists; pick another name")]
    ShoeExists(String),
    #[error("{file}: {source}")]
    Sqlite {
        file: PathBuf,
        source: rusqlite::Error,
    },
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The journal as last read or written through this connection, with the
    /// `PRAGMA data_version` it was read at: while no other connection has
    /// committed, it is current and need not be read again. Shared rather
    /// than copied: ten years of check-ins are a few hundred kilobytes.
    cache: Option<(i64, Rc<Journal>)>,
}

/// What a write did to the journal, so the cached copy can follow it.
enum Edit {
    Put(CheckIn),
    Remove(NaiveDate),
    AddClearance(Clearance),
    RemoveClearance(NaiveDate),
    /// Too much changed: read it all again.
    Everything,
    Nothing,
}

/// The profile and template a plan was built from.
#[derive(Debug, Clone)]
pub struct SavedPlan {
    pub profile: Profile,
    pub template: Template,
}

impl Store {
    /// The database path inside `dir`.
    pub fn path_in(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }

    /// Opens the store in `dir`, creating the folder and the database if needed.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = Self::path_in(dir);
        if !dir.exists() {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
                file: dir.to_path_buf(),
                detail: format!("cannot create the data folder: {e}"),
            })?;
        }
        Self::check_header(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Self::classify(&path, e))?;
        let mut store = Store {
            conn,
            path,
            cache: None,
        };
        store.prepare()?;
        Ok(store)
    }

    /// Opens the store in `dir` if a database is there; never creates one.
    pub fn open_existing(dir: &Path) -> Result<Option<Store>, StoreError> {
        if Self::path_in(dir).exists() {
            Self::open(dir).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Refuses a file that exists but does not start like an SQLite database,
    /// before SQLite gets a chance to touch it.
    fn check_header(path: &Path) -> Result<(), StoreError> {
        let mut file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(StoreError::Io {
                    file: path.to_path_buf(),
                    detail: format!("cannot read it: {e}"),
                });
            }
        };
        let mut header = [0u8; 16];
        let read = file.read(&mut header).map_err(|e| StoreError::Io {
            file: path.to_path_buf(),
            detail: format!("cannot read it: {e}"),
        })?;
        if read == 0 {
            return Ok(());
        }
        if read < 16 || &header != b"SQLite format 3\0" {
            return Err(StoreError::Damaged {
                file: path.to_path_buf(),
                detail: "it does not start with an SQLite header".into(),
            });
        }
        Ok(())
    }

    fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
                file: path.to_path_buf(),
                detail: e.to_string(),
            },
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StoreError::Io {
                    file: path.to_path_buf(),
                    detail: format!("{e}; check that the data folder is writable"),
                }
            }
            Some(ErrorCode::DiskFull) => StoreError::Io {
                file: path.to_path_buf(),
                detail: "the disk is full; nothing was saved".into(),
            },
            _ => StoreError::Sqlite {
                file: path.to_path_buf(),
                source: e,
            },
        }
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        Self::classify(&self.path, e)
    }

    /// Checks the schema version, sets WAL, and migrates inside one transaction.
    fn prepare(&mut self) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(Duration::from_secs(10))
            .map_err(|e| self.err(e))?;
        let version = self.user_version()?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                file: self.path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| self.err(e))?;
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(|e| self.err(e))?;
        // Each command is a short process and usually the last connection:
        // skip the checkpoint SQLite runs on close (commits are already durable
        // in the WAL, which SQLite still checkpoints as it grows).
        self.conn
            .set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                true,
            )
            .map_err(|e| self.err(e))?;
        // Read pages through a memory map rather than one read call each.
        self.conn
            .pragma_update(None, "mmap_size", 64 * 1024 * 1024)
            .map_err(|e| self.err(e))?;
        if version < SCHEMA_VERSION {
            self.migrate()?;
        }
        Ok(())
    }

    fn user_version(&self) -> Result<i64, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| self.err(e))
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| Self::classify(&path, e))?;
        // Another process may have migrated while we waited for the lock.
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| Self::classify(&path, e))?;
        for (from, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tx.execute_batch(sql)
                .map_err(|e| Self::classify(&path, e))?;
            tx.pragma_update(None, "user_version", from as i64 + 1)
                .map_err(|e| Self::classify(&path, e))?;
        }
        tx.commit().map_err(|e| Self::classify(&path, e))?;
        self.empty_wal();
        Ok(())
    }

    /// The saved profile and template, if a plan was made.
    pub fn plan(&self) -> Result<Option<SavedPlan>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT profile, template FROM plan WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((profile, template)) = row else {
            return Ok(None);
        };
        let damaged = |what: &str, e: String| StoreError::Damaged {
            file: self.path.clone(),
            detail: format!("the saved {what} does not read back: {e}"),
        };
        let profile: Profile =
            serde_json::from_str(&profile).map_err(|e| damaged("profile", e.to_string()))?;
        let template = Template::parse("(saved with the plan)", &template)
            .map_err(|e| damaged("template", e.to_string()))?;
        Ok(Some(SavedPlan { profile, template }))
    }

    /// Saves a new plan; refuses to replace one unless `replace` is set.
    pub fn save_plan(
        &mut self,
        profile: &Profile,
        template: &Template,
        replace: bool,
        now: &str,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let classify = |e| Self::classify(&path, e);
        let profile_json = serde_json::to_string(profile).map_err(|e| StoreError::Io {
            file: path.clone(),
            detail: e.to_string(),
        })?;
        let template_json = serde_json::to_string(template).map_err(|e| StoreError::Io {
            file: path.clone(),
            detail: e.to_string(),
        })?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(classify)?;
        let existing: Option<String> = tx
            .query_row("SELECT profile FROM plan WHERE id = 1", [], |row| {
                row.get(0)
            })
            .optional()
            .map_err(classify)?;
        if let Some(existing) = existing {
            if !replace {
                let start = serde_json::from_str::<Profile>(&existing)
                    .map(|p| p.start)
                    .unwrap_or_default();
                return Err(StoreError::PlanExists { start });
            }
        }
        tx.execute(
            "INSERT INTO plan (id, profile, template, created_at) VALUES (1, ?1, ?2, ?3)
             ON CONFLICT(id) DO UPDATE SET profile = ?1, template = ?2, created_at = ?3",
            params![profile_json, template_json, now],
        )
        .map_err(classify)?;
        tx.commit().map_err(classify)?;
        self.empty_wal();
        Ok(())
    }
}

/// What `undo` took back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undone {
    /// A check-in was restored to its earlier value, or removed if it was new.
    CheckIn {
        date: NaiveDate,
        restored: Option<CheckIn>,
    },
    Clearance {
        date: NaiveDate,
    },
}

type Tx<'a> = rusqlite::Transaction<'a>;

/// A row of the change log: what to put back on undo.
struct Change {
    id: i64,
    kind: String,
    date: String,
    before: Option<String>,
    clearance_id: Option<i64>,
}

impl Store {
    /// Runs `read` in one read transaction: the reads see one state of the
    /// database, and SQLite takes its locks once rather than per statement.
    pub fn reading<T, E: From<StoreError>>(
        &mut self,
        read: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn.execute_batch("BEGIN").map_err(|e| self.err(e))?;
        let out = read(self);
        let end = if out.is_ok() { "COMMIT" } else { "ROLLBACK" };
        self.conn.execute_batch(end).map_err(|e| self.err(e))?;
        out
    }

    /// Every check-in and clearance.
    pub fn journal(&mut self) -> Result<Rc<Journal>, StoreError> {
        let version = data_version(&self.conn).map_err(|e| self.err(e))?;
        if let Some((cached, journal)) = &self.cache {
            if *cached == version {
                return Ok(Rc::clone(journal));
            }
        }
        let journal = Rc::new(read_journal(&self.conn, &self.path)?);
        self.cache = Some((version, Rc::clone(&journal)));
        Ok(journal)
    }

    /// Records a check-in (amending the one of the same date), logs the change
    /// for undo, and records the decisions `decide` derives from the new
    /// journal; all in one transaction. Returns the check-in it replaced.
    pub fn record_checkin(
        &mut self,
        checkin: &CheckIn,
        now: &str,
        decide: impl FnOnce(&Journal) -> Vec<Decision>,
    ) -> Result<Option<CheckIn>, StoreError> {
        let path = self.path.clone();
        let before = self.write(decide, now, |tx| {
            let before = read_checkin(tx, checkin.date)?;
            let before_json = before
                .as_ref()
                .and_then(|c| c.as_ref().ok())
                .and_then(|c| serde_json::to_string(c).ok());
            let checkin = CheckIn {
                seq: next_seq(tx)?,
                ..checkin.clone()
            };
            put_checkin(tx, &checkin, now)?;
            tx.execute(
                "INSERT INTO changes (kind, date, before, at) VALUES ('checkin', ?1, ?2, ?3)",
                params![checkin.date.to_string(), before_json, now],
            )?;
            Ok((before, Edit::Put(checkin)))
        })?;
        before
            .map(|c| c.map_err(|detail| StoreError::Damaged { file: path, detail }))
            .transpose()
    }

    /// Records a clinician's clearance.
    pub fn record_clearance(
        &mut self,
        clearance: &Clearance,
        now: &str,
        decide: impl FnOnce(&Journal) -> Vec<Decision>,
    ) -> Result<(), StoreError> {
        self.write(decide, now, |tx| {
            let date = clearance.date.to_string();
            let clearance = Clearance {
                seq: next_seq(tx)?,
                ..clearance.clone()
            };
            tx.execute(
                "INSERT INTO clearances (date, note, seq, recorded_at) VALUES (?1, ?2, ?3, ?4)",
                params![date, clearance.note, clearance.seq as i64, now],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO changes (kind, date, clearance_id, at) VALUES ('clearance', ?1, ?2, ?3)",
                params![date, id, now],
            )?;
            Ok(((), Edit::AddClearance(clearance)))
        })
    }

    /// Saves a changed profile of the same plan (its health context), and the
    /// decisions derived with it.
    pub fn update_profile(
        &mut self,
        profile: &Profile,
        now: &str,
        decide: impl FnOnce(&Journal) -> Vec<Decision>,
    ) -> Result<(), StoreError> {
        let profile = to_json(&self.path, profile)?;
        self.write(decide, now, |tx| {
            tx.execute("UPDATE plan SET profile = ?1 WHERE id = 1", [&profile])?;
            Ok(((), Edit::Nothing))
        })
    }

    /// Takes back the last change, if any.
    pub fn undo(
        &mut self,
        now: &str,
        decide: impl FnOnce(&Journal) -> Vec<Decision>,
    ) -> Result<Option<Undone>, StoreError> {
        let path = self.path.clone();
        let undone = self.write(decide, now, |tx| {
            let last = tx
                .query_row(
                    "SELECT id, kind, date, before, clearance_id FROM changes ORDER BY id DESC LIMIT 1",
                    [],
                    |r| {
                        Ok(Change {
                            id: r.get(0)?,
                            kind: r.get(1)?,
                            date: r.get(2)?,
                            before: r.get(3)?,
                            clearance_id: r.get(4)?,
                        })
                    },
                )
                .optional()?;
            let Some(Change {
                id,
                kind,
                date,
                before,
                clearance_id,
            }) = last
            else {
                return Ok((None, Edit::Nothing));
            };
            let day = date.parse::<NaiveDate>().ok();
            let edit = if kind == "clearance" {
                tx.execute("DELETE FROM clearances WHERE id = ?1", [clearance_id])?;
                day.map_or(Edit::Everything, Edit::RemoveClearance)
            } else if let Some(before) = &before {
                // An earlier value that no longer reads back is left alone.
                match serde_json::from_str::<CheckIn>(before) {
                    Ok(checkin) => {
                        put_checkin(tx, &checkin, now)?;
                        Edit::Put(checkin)
                    }
                    Err(_) => Edit::Nothing,
                }
            } else if let Some(day) = day {
                tx.execute("DELETE FROM checkins WHERE day = ?1", [choices::day(day)])?;
                Edit::Remove(day)
            } else {
                Edit::Nothing
            };
            tx.execute("DELETE FROM changes WHERE id = ?1", [id])?;
            Ok((Some((kind, date, before)), edit))
        })?;
        let Some((kind, date, before)) = undone else {
            return Ok(None);
        };
        let date = date.parse::<NaiveDate>().map_err(|e| StoreError::Damaged {
            file: path.clone(),
            detail: format!("a change has the date '{date}': {e}"),
        })?;
        Ok(Some(if kind == "clearance" {
            Undone::Clearance { date }
        } else {
            Undone::CheckIn {
                date,
                restored: before
                    .map(|text| from_json::<CheckIn>(&path, "check-in", &text))
                    .transpose()?,
            }
        }))
    }

    /// Replaces everything with an imported plan and journal, in one
    /// transaction; refuses to replace an existing plan unless `replace` is set.
    pub fn restore(
        &mut self,
        restore: &crate::document::Restore,
        replace: bool,
        now: &str,
        decide: impl FnOnce(&Journal) -> Vec<Decision>,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let profile = to_json(&path, &restore.profile)?;
        let template = to_json(&path, &restore.template)?;
        let existing = self.plan()?;
        if let (Some(saved), false) = (existing, replace) {
            return Err(StoreError::PlanExists {
                start: saved.profile.start,
            });
        }
        self.write(decide, now, |tx| {
            tx.execute_batch(
                "DELETE FROM checkins; DELETE FROM clearances; DELETE FROM changes; DELETE FROM decisions; DELETE FROM shoes;",
            )?;
            for shoe in &restore.shoes {
                tx.execute(
                    "INSERT INTO shoes (name, start_distance, retired, added_at) VALUES (?1, ?2, ?3, ?4)",
                    params![shoe.name, shoe.start_distance.value(), shoe.retired.map(|d| d.to_string()), now],
                )?;
            }
            tx.execute(
                "INSERT INTO plan (id, profile, template, created_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT(id) DO UPDATE SET profile = ?1, template = ?2, created_at = ?3",
                params![profile, template, now],
            )?;
            for checkin in &restore.checkins {
                put_checkin(tx, checkin, now)?;
            }
            for c in &restore.clearances {
                tx.execute(
                    "INSERT INTO clearances (date, note, seq, recorded_at) VALUES (?1, ?2, ?3, ?4)",
                    params![c.date.to_string(), c.note, c.seq as i64, now],
                )?;
            }
            let last = restore
                .checkins
                .iter()
                .map(|c| c.seq)
                .chain(restore.clearances.iter().map(|c| c.seq))
                .max()
                .unwrap_or(0);
            tx.execute("UPDATE sequence SET last = ?1 WHERE id = 1", [last as i64])?;
            Ok(((), Edit::Everything))
        })
    }

    /// The shoes, oldest first.
    pub fn shoes(&self) -> Result<Vec<Shoe>, StoreError> {
        read_shoes(&self.conn, &self.path)
    }

    /// Adds a pair; refuses a name already taken.
    pub fn add_shoe(&mut self, shoe: &Shoe, now: &str) -> Result<(), StoreError> {
        let path = self.path.clone();
        let classify = |e| Self::classify(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(classify)?;
        let taken: bool = tx
            .query_row(
                "SELECT COUNT(*) > 0 FROM shoes WHERE name = ?1",
                [&shoe.name],
                |r| r.get(0),
            )
            .map_err(classify)?;
        if taken {
            return Err(StoreError::ShoeExists(shoe.name.clone()));
        }
        tx.execute(
            "INSERT INTO shoes (name, start_distance, retired, added_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                shoe.name,
                shoe.start_distance.value(),
                shoe.retired.map(|d| d.to_string()),
                now
            ],
        )
        .map_err(classify)?;
        tx.commit().map_err(classify)?;
        self.empty_wal();
        Ok(())
    }

    /// Marks a pair retired on `date`; false when no pair has that name.
    pub fn retire_shoe(&mut self, name: &str, date: NaiveDate) -> Result<bool, StoreError> {
        let changed = self
            .conn
            .execute(
                "UPDATE shoes SET retired = ?2 WHERE name = ?1",
                params![name, date.to_string()],
            )
            .map_err(|e| self.err(e))?;
        self.empty_wal();
        Ok(changed > 0)
    }

    /// Once the WAL holds `WAL_LIMIT` bytes, copies it into the database file
    /// and truncates it. Every command is a new process, and the first
    /// connection to open the database reads the whole WAL to rebuild its
    /// index: left to grow (SQLite checkpoints at 1000 pages, but a fresh
    /// process never restarts the WAL), it made every command after a few
    /// hundred check-ins read megabytes. Emptying it after every write instead
    /// would cost each check-in three more fsyncs. The commit is already
    /// durable, so a checkpoint that cannot finish now (another process is
    /// reading, the disk is full) is left to a later write.
    fn empty_wal(&self) {
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        if std::fs::metadata(wal).is_ok_and(|m| m.len() >= WAL_LIMIT) {
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        }
    }

    /// Runs `change` and then records the decisions derived from the changed
    /// journal, in one immediate transaction. The journal is re-read only if
    /// another connection committed since this one last saw it.
    fn write<T>(
        &mut self,
        decide: impl FnOnce(&Journal) -> Vec<Decision>,
        now: &str,
        change: impl FnOnce(&Tx<'_>) -> rusqlite::Result<(T, Edit)>,
    ) -> Result<T, StoreError> {
        let path = self.path.clone();
        let classify = |e| Self::classify(&path, e);
        let cached = self.cache.take();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(classify)?;
        // With the write lock held, nobody else can commit until we do.
        let version = data_version(&tx).map_err(classify)?;
        let current = cached.filter(|(v, _)| *v == version).map(|(_, j)| j);
        let (out, edit) = change(&tx).map_err(classify)?;
        // Edited in place when nobody else holds the journal (see
        // `Comeback::write`), copied otherwise.
        let journal = match (current, edit) {
            (Some(journal), Edit::Nothing) => journal,
            (Some(mut journal), Edit::Put(c)) => {
                Rc::make_mut(&mut journal).put(c);
                journal
            }
            (Some(mut journal), Edit::Remove(date)) => {
                Rc::make_mut(&mut journal).remove(date);
                journal
            }
            (Some(mut journal), Edit::AddClearance(c)) => {
                Rc::make_mut(&mut journal).add_clearance(c);
                journal
            }
            (Some(mut journal), Edit::RemoveClearance(date)) => {
                Rc::make_mut(&mut journal).remove_clearance(date);
                journal
            }
            _ => Rc::new(read_journal(&tx, &path)?),
        };
        sync_decisions(&tx, &path, &decide(&journal), now)?;
        tx.commit().map_err(classify)?;
        self.empty_wal();
        // Our own commit does not move our data_version.
        self.cache = Some((version, journal));
        Ok(out)
    }
}

fn to_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Io {
        file: path.to_path_buf(),
        detail: e.to_string(),
    })
}

fn from_json<T: serde::de::DeserializeOwned>(
    path: &Path,
    what: &str,
    text: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Damaged {
        file: path.to_path_buf(),
        detail: format!("a saved {what} does not read back: {e}"),
    })
}

const CHECKIN_COLUMNS: &str = "day, choices, counts, shoes, note";

/// A check-in from its columns; a value that does not read back is reported.
fn checkin_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<CheckIn, String>> {
    let day: i64 = row.get(0)?;
    let packed: i64 = row.get(1)?;
    let counts: i64 = row.get(2)?;
    let shoes: Option<String> = row.get(3)?;
    let note: Option<String> = row.get(4)?;
    Ok(choices::unpack(day, packed)
        .and_then(|mut c| {
            choices::put_counts(&mut c, counts)?;
            c.shoes = shoes;
            c.note = note;
            Ok(c)
        })
        .map_err(|e| format!("a saved check-in does not read back: {e}")))
}

fn read_checkin(
    tx: &Connection,
    date: NaiveDate,
) -> rusqlite::Result<Option<Result<CheckIn, String>>> {
    tx.query_row(
        &format!("SELECT {CHECKIN_COLUMNS} FROM checkins WHERE day = ?1"),
        [choices::day(date)],
        checkin_from_row,
    )
    .optional()
}

fn put_checkin(tx: &Connection, c: &CheckIn, now: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO checkins (day, choices, counts, shoes, note, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(day) DO UPDATE SET choices = ?2, counts = ?3, shoes = ?4, note = ?5,
             recorded_at = ?6",
    )?
    .execute(params![
        choices::day(c.date),
        choices::pack(c),
        choices::counts(c),
        c.shoes,
        c.note,
        now
    ])?;
    Ok(())
}

/// The order number of the next check-in or clearance recorded.
fn next_seq(tx: &Connection) -> rusqlite::Result<u64> {
    let next: i64 = tx
        .prepare_cached("UPDATE sequence SET last = last + 1 WHERE id = 1 RETURNING last")?
        .query_row([], |r| r.get(0))?;
    Ok(next.max(0) as u64)
}

/// Changes whenever another connection commits (SQLite `PRAGMA data_version`).
fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

fn read_journal(conn: &Connection, path: &Path) -> Result<Journal, StoreError> {
    let classify = |e| Store::classify(path, e);
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {CHECKIN_COLUMNS} FROM checkins ORDER BY day"
        ))
        .map_err(classify)?;
    let mut checkins = Vec::new();
    let mut rows = stmt.query([]).map_err(classify)?;
    while let Some(row) = rows.next().map_err(classify)? {
        let checkin = checkin_from_row(row).map_err(classify)?;
        checkins.push(checkin.map_err(|detail| StoreError::Damaged {
            file: path.to_path_buf(),
            detail,
        })?);
    }
    let mut stmt = conn
        .prepare_cached("SELECT date, note, seq FROM clearances ORDER BY date, seq, id")
        .map_err(classify)?;
    let mut clearances = Vec::new();
    let mut rows = stmt.query([]).map_err(classify)?;
    while let Some(row) = rows.next().map_err(classify)? {
        let date: String = row.get(0).map_err(classify)?;
        let note: Option<String> = row.get(1).map_err(classify)?;
        let seq: i64 = row.get(2).map_err(classify)?;
        let seq = seq.max(0) as u64;
        let date = date.parse().map_err(|e| StoreError::Damaged {
            file: path.to_path_buf(),
            detail: format!("a clearance has the date '{date}': {e}"),
        })?;
        clearances.push(Clearance { date, note, seq });
    }
    Ok(Journal::new(checkins, clearances))
}

fn read_shoes(conn: &Connection, path: &Path) -> Result<Vec<Shoe>, StoreError> {
    let classify = |e| Store::classify(path, e);
    let mut stmt = conn
        .prepare_cached("SELECT name, start_distance, retired FROM shoes ORDER BY id")
        .map_err(classify)?;
    let mut rows = stmt.query([]).map_err(classify)?;
    let mut shoes = Vec::new();
    while let Some(row) = rows.next().map_err(classify)? {
        let retired: Option<String> = row.get(2).map_err(classify)?;
        let retired = retired
            .map(|d| {
                d.parse::<NaiveDate>().map_err(|e| StoreError::Damaged {
                    file: path.to_path_buf(),
                    detail: format!("a pair of shoes has the date '{d}': {e}"),
                })
            })
            .transpose()?;
        shoes.push(Shoe {
            name: row.get(0).map_err(classify)?,
            start_distance: Distance::from_value(row.get(1).map_err(classify)?),
            retired,
        });
    }
    Ok(shoes)
}

/// Keeps the decisions table equal to the derived decisions, keeping the
/// recording time of those that did not change.
fn sync_decisions(
    tx: &Tx<'_>,
    path: &Path,
    decisions: &[Decision],
    now: &str,
) -> Result<(), StoreError> {
    let classify = |e| Store::classify(path, e);
    let mut upsert = tx
        .prepare_cached(
            "INSERT INTO decisions (date, data, recorded_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(date) DO UPDATE SET data = ?2, recorded_at = ?3 WHERE data <> ?2",
        )
        .map_err(classify)?;
    let mut keep = std::collections::HashSet::with_capacity(decisions.len());
    for decision in decisions {
        let date = decision.date.to_string();
        let data = to_json(path, decision)?;
        upsert.execute(params![date, data, now]).map_err(classify)?;
        keep.insert(date);
    }
    let existing: Vec<String> = {
        let mut stmt = tx
            .prepare_cached("SELECT date FROM decisions")
            .map_err(classify)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(classify)?;
        rows.collect::<Result<_, _>>().map_err(classify)?
    };
    let mut delete = tx
        .prepare_cached("DELETE FROM decisions WHERE date = ?1")
        .map_err(classify)?;
    for date in existing.iter().filter(|d| !keep.contains(*d)) {
        delete.execute([date]).map_err(classify)?;
    }
    Ok(())
}
