//! The store: the only module that touches the database file. SQLite in WAL
//! mode, schema migrations keyed by `PRAGMA user_version`, every change in one
//! transaction. A file that is damaged or from a newer comeback is refused and
//! left exactly as it was.

use crate::plan::{Profile, Template};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The database file inside the data dir.
pub const FILE_NAME: &str = "comeback.db";

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
    PlanExists { start: chrono::NaiveDate },
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
        let mut store = Store { conn, path };
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

    pub fn path(&self) -> &Path {
        &self.path
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
        tx.commit().map_err(|e| Self::classify(&path, e))
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
        tx.commit().map_err(classify)
    }
}
