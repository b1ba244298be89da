//! The store: the only module that touches the database file. SQLite in WAL
//! mode, schema migrations keyed by `PRAGMA user_version`, every change in one
//! transaction. A file that is damaged or from a newer comeback is refused and
//! left exactly as it was.
//!
//! This file opens the database and runs transactions; the tables each have
//! their own file: `plan`, `journal` (check-ins, clearances, undo), `shoes`,
//! `decisions`; `migrations` holds the schema and `choices` the packed columns.

mod choices;
mod decisions;
mod error;
mod journal;
mod migrations;
mod plan;
mod shoes;

pub use error::{Cause, StoreError};
pub use journal::Undone;
pub use migrations::SCHEMA_VERSION;
pub use plan::SavedPlan;

use crate::checkin::{CheckIn, Clearance, Decision, Journal};
use error::{At, Doing};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
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
    Remove(chrono::NaiveDate),
    AddClearance(Clearance),
    RemoveClearance(chrono::NaiveDate),
    /// Too much changed: read it all again.
    Everything,
    Nothing,
}

type Tx<'a> = rusqlite::Transaction<'a>;

impl Store {
    /// The database path inside `dir`.
    pub fn path_in(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }

    /// Opens the store in `dir`, creating the folder and the database if needed.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = Self::path_in(dir);
        if !dir.exists() {
            std::fs::create_dir_all(dir).doing(dir, "cannot create the data folder")?;
        }
        check_header(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .at(&path)?;
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

    /// Checks the schema version, sets WAL, and migrates inside one transaction.
    fn prepare(&mut self) -> Result<(), StoreError> {
        let path = &self.path;
        self.conn.busy_timeout(Duration::from_secs(10)).at(path)?;
        let version = migrations::version(&self.conn, path)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                file: path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .at(path)?;
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .at(path)?;
        // Each command is a short process and usually the last connection:
        // skip the checkpoint SQLite runs on close (commits are already durable
        // in the WAL, which SQLite still checkpoints as it grows).
        self.conn
            .set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                true,
            )
            .at(path)?;
        // Read pages through a memory map rather than one read call each.
        self.conn
            .pragma_update(None, "mmap_size", 64 * 1024 * 1024)
            .at(path)?;
        if version < SCHEMA_VERSION {
            migrations::migrate(&mut self.conn, path)?;
            self.empty_wal();
        }
        Ok(())
    }

    /// Runs `read` in one read transaction: the reads see one state of the
    /// database, and SQLite takes its locks once rather than per statement.
    pub fn reading<T, E: From<StoreError>>(
        &mut self,
        read: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn.execute_batch("BEGIN").at(&self.path)?;
        let out = read(self);
        let end = if out.is_ok() { "COMMIT" } else { "ROLLBACK" };
        self.conn.execute_batch(end).at(&self.path)?;
        out
    }

    /// Runs `change` in one immediate transaction (for writes that leave the
    /// journal alone).
    fn change<T>(
        &mut self,
        change: impl FnOnce(&Tx<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(&self.path)?;
        let out = change(&tx)?;
        tx.commit().at(&self.path)?;
        self.empty_wal();
        Ok(out)
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
        change: impl FnOnce(&Tx<'_>) -> Result<(T, Edit), StoreError>,
    ) -> Result<T, StoreError> {
        let path = self.path.clone();
        let cached = self.cache.take();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(&path)?;
        // With the write lock held, nobody else can commit until we do.
        let version = data_version(&tx).at(&path)?;
        let current = cached.filter(|(v, _)| *v == version).map(|(_, j)| j);
        let (out, edit) = change(&tx)?;
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
            _ => Rc::new(journal::read_journal(&tx, &path)?),
        };
        decisions::sync(&tx, &path, &decide(&journal), now)?;
        tx.commit().at(&path)?;
        self.empty_wal();
        // Our own commit does not move our data_version.
        self.cache = Some((version, journal));
        Ok(out)
    }
}

/// Refuses a file that exists but does not start like an SQLite database,
/// before SQLite gets a chance to touch it.
fn check_header(path: &Path) -> Result<(), StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).doing(path, "cannot read it"),
    };
    let mut header = [0u8; 16];
    let read = file.read(&mut header).doing(path, "cannot read it")?;
    if read == 0 {
        return Ok(());
    }
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(StoreError::Damaged {
            file: path.to_path_buf(),
            what: "it does not start with an SQLite header".into(),
            source: None,
        });
    }
    Ok(())
}

/// Changes whenever another connection commits (SQLite `PRAGMA data_version`).
fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

fn to_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::damaged(path, "a value to save", e))
}
