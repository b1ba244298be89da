//! Why the store refused or failed: typed errors that keep their cause, and
//! the one context helper that turns an SQLite or I/O error into them. Hints
//! for the runner ("add --force", "restore a backup") live at the command
//! line, not here.

use chrono::NaiveDate;
use rusqlite::ErrorCode;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{file}: made by a newer comeback (schema {found}, this one knows up to {supported}); the file was left untouched"
    )]
    Newer {
        file: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The file is not a comeback database, or part of it does not read back.
    #[error("{file}: not a readable comeback database ({what}); the file was left untouched")]
    Damaged {
        file: PathBuf,
        what: String,
        #[source]
        source: Option<Cause>,
    },
    #[error("{file}: {action}")]
    Io {
        file: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{file}: another program's SQLite database, not comeback's; the file was left untouched"
    )]
    Foreign { file: PathBuf },
    #[error("{file}: cannot write there; check that the data folder is writable")]
    NotWritable {
        file: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{file}: the disk is full; nothing was saved")]
    DiskFull {
        file: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "{dest}: that is the store's own file ({own}); expected a file outside the store, which was left as it was"
    )]
    OwnFile { dest: PathBuf, own: PathBuf },
    #[error("{}: that is a folder; expected a file name", .0.display())]
    Folder(PathBuf),
    #[error("{file}: not a store comeback can restore: {why}; it was left as it was")]
    NotABackup { file: PathBuf, why: String },
    #[error(
        "the plan was replaced while the files were read (another comeback ran `new`); nothing was recorded: import them again"
    )]
    PlanReplaced,
    #[error("{file}: another comeback is writing; nothing was saved: try again in a moment")]
    Busy {
        file: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The caller declined the change once it saw what it would derive;
    /// nothing was saved (the caller says why).
    #[error("the change was declined; nothing was saved")]
    Declined,
    #[error("a plan already exists (started {start})")]
    PlanExists { start: NaiveDate },
    #[error("shoes '{0}': a pair with that name exists; pick another name")]
    ShoeExists(String),
    #[error("{file}")]
    Sqlite {
        file: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
}

/// What made a part of the database unreadable.
#[derive(Debug, thiserror::Error)]
pub enum Cause {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Date(#[from] chrono::ParseError),
    #[error(transparent)]
    Choices(#[from] super::choices::Unreadable),
    #[error(transparent)]
    Template(#[from] crate::plan::TemplateError),
    #[error(transparent)]
    Copy(#[from] postcard::Error),
}

impl StoreError {
    /// Whether SQLite could not make or map the shared memory beside the
    /// database (`comeback.db-shm`): a full disk, usually.
    pub(crate) fn is_shared_memory(&self) -> bool {
        // SQLITE_IOERR_SHMOPEN, _SHMSIZE, _SHMLOCK, _SHMMAP.
        const SHM: [i32; 4] = [4618, 4874, 5130, 5386];
        matches!(
            self,
            StoreError::Sqlite {
                source: rusqlite::Error::SqliteFailure(e, _),
                ..
            } if SHM.contains(&e.extended_code)
        )
    }

    /// A part of `file` that does not read back.
    pub(crate) fn damaged(file: &Path, what: impl Into<String>, cause: impl Into<Cause>) -> Self {
        StoreError::Damaged {
            file: file.to_path_buf(),
            what: what.into(),
            source: Some(cause.into()),
        }
    }

    /// An SQLite error on `file`, told apart by what the runner can do.
    pub(crate) fn sqlite(file: &Path, e: rusqlite::Error) -> Self {
        let file = file.to_path_buf();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Damaged {
                file,
                what: "SQLite cannot read it".into(),
                source: Some(e.into()),
            },
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StoreError::NotWritable { file, source: e }
            }
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { file, source: e },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Busy { file, source: e }
            }
            _ => StoreError::Sqlite { file, source: e },
        }
    }
}

/// `.at(path)` on an SQLite result: the one place SQLite errors become
/// store errors (jj's `IoResultExt::context` is the model).
pub(crate) trait At<T> {
    fn at(self, file: &Path) -> Result<T, StoreError>;
}

impl<T> At<T> for rusqlite::Result<T> {
    fn at(self, file: &Path) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::sqlite(file, e))
    }
}

/// `.doing(path, "...")` on an I/O result.
pub(crate) trait Doing<T> {
    fn doing(self, file: &Path, action: &'static str) -> Result<T, StoreError>;
}

impl<T> Doing<T> for std::io::Result<T> {
    fn doing(self, file: &Path, action: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Io {
            file: file.to_path_buf(),
            action,
            source,
        })
    }
}
