//! The store: the only module that touches the database file. SQLite in WAL
//! mode, schema migrations keyed by `PRAGMA user_version`, every change in one
//! transaction. A file that is damaged or from a newer comeback is refused and
//! left exactly as it was.
//!
//! This file opens the database and runs transactions; the tables each have
//! their own file: `plan`, `journal` (check-ins, clearances, undo), `shoes`,
//! `decisions`, `ticks`; `migrations` holds the schema and `choices` the packed columns.

mod activities;
mod backup;
mod choices;
mod copy;
mod decisions;
mod error;
mod journal;
mod kept;
mod migrations;
mod plan;
mod shoes;
mod sync;
mod ticks;

pub use backup::own_file;

/// Creates `dir` (and its parents) owner-only, as the data folder is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    private::create_dir(dir)
}
pub use error::{Cause, StoreError};
pub use journal::{LastChange, ORDER_FROM_MS, Undone, order_at};
pub use kept::Derived;
pub use migrations::SCHEMA_VERSION;
pub use plan::SavedPlan;
pub use sync::{FileMark, Incoming, Local, Seen, SyncSetup, SyncView};
pub use ticks::Tick;

use crate::checkin::{CheckIn, Clearance, Journal};
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

/// How long a write waits for another process's write unless told otherwise.
const PATIENCE: Duration = Duration::from_secs(10);

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The journal as last read or written through this connection, with the
    /// `PRAGMA data_version` it was read at: while no other connection has
    /// committed, it is current and need not be read again. Shared rather
    /// than copied: ten years of check-ins are a few hundred kilobytes.
    cache: Option<(i64, Rc<Journal>)>,
    /// How long a write waits for another process's (see `set_patience`).
    patience: Duration,
}

/// What a write did to the journal, so the cached copy can follow it.
enum Edit {
    Put(CheckIn),
    Remove(chrono::NaiveDate),
    AddClearance(Clearance),
    RemoveClearance(chrono::NaiveDate),
    /// Too much changed: read it all again.
    Everything,
    /// The journal is as it was; decisions from this day on may change.
    Nothing(Option<chrono::NaiveDate>),
}

impl Edit {
    /// The first day whose decisions the edit can change: a decision is
    /// taken at the end of its week from what came before, so one dated
    /// before a changed day stays as it was. `None`: any of them.
    fn from(&self) -> Option<chrono::NaiveDate> {
        match self {
            Edit::Put(c) => Some(c.date),
            Edit::Remove(date) | Edit::RemoveClearance(date) => Some(*date),
            Edit::AddClearance(c) => Some(c.date),
            Edit::Everything => None,
            Edit::Nothing(from) => *from,
        }
    }
}

type Tx<'a> = rusqlite::Transaction<'a>;

impl Store {
    /// The database path inside `dir`.
    pub fn path_in(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }

    /// Opens the store in `dir`, creating the folder (0700) and the database
    /// (0600) if needed. Health data is the runner's alone: an existing
    /// database and its WAL files are tightened to 0600 on open.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        // An absolute path is never read as an SQLite URI ("file:…"), which
        // would put the journal in another file.
        let path =
            std::path::absolute(Self::path_in(dir)).doing(dir, "cannot find the data folder")?;
        if !dir.exists() {
            private::create_dir(dir).doing(dir, "cannot create the data folder")?;
        }
        check_header(&path)?;
        private::create_file(&path).doing(&path, "cannot create the database")?;
        let connect = || {
            Connection::open_with_flags(
                &path,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .at(&path)
        };
        let mut store = Store {
            conn: connect()?,
            path: path.clone(),
            cache: None,
            patience: PATIENCE,
        };
        match store.prepare() {
            Ok(()) => {}
            // No room for the shared memory beside the database (a full disk
            // where another program closed the store last, or only
            // comeback.db was copied): this process alone, with the WAL
            // index in its own memory (SQLite's exclusive locking mode), so
            // reads and exports still work; a write says the disk is full.
            Err(e) if e.is_shared_memory() => {
                store.conn = connect()?;
                store
                    .conn
                    .pragma_update(None, "locking_mode", "EXCLUSIVE")
                    .at(&path)?;
                store.prepare()?;
            }
            Err(e) => return Err(e),
        }
        private::tighten(&store.path);
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

    /// How long a write waits for another process's write to finish before
    /// it gives up with [`StoreError::Busy`] (10 s unless set).
    pub fn set_patience(&mut self, wait: Duration) -> Result<(), StoreError> {
        self.patience = wait;
        self.conn.busy_timeout(wait).at(&self.path)
    }

    /// Recognises the file as comeback's, then sets WAL and migrates inside
    /// one transaction. A file from another program or a newer comeback is
    /// refused before anything is written to it.
    fn prepare(&mut self) -> Result<(), StoreError> {
        let path = &self.path;
        self.conn.busy_timeout(self.patience).at(path)?;
        let version = migrations::recognise(&self.conn, path)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                file: path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        // The first opening of a fresh folder races other processes for the
        // switch to WAL; SQLite's busy handler does not cover it.
        retry_busy(|| self.conn.pragma_update(None, "journal_mode", "WAL")).at(path)?;
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
        if version < SCHEMA_VERSION || migrations::unmarked(&self.conn, path)? {
            migrations::migrate(&mut self.conn, path)?;
            self.empty_wal();
        }
        Ok(())
    }

    /// Copies the WAL into the database file and empties it, so the file
    /// alone holds everything (a clean close of the terminal UI does this).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .at(&self.path)
    }

    /// Runs `read` in one read transaction: the reads see one state of the
    /// database, and SQLite takes its locks once rather than per statement.
    pub fn reading<T, E: From<StoreError>>(
        &mut self,
        read: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.conn.execute_batch("BEGIN").at(&self.path)?;
        let out = read(self);
        if out.is_err() {
            // The read's own error is the one to report, not the rollback's.
            let _ = self.conn.execute_batch("ROLLBACK");
            return out;
        }
        self.conn.execute_batch("COMMIT").at(&self.path)?;
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
        decide: impl FnOnce(&Journal) -> Option<Derived>,
        now: &str,
        change: impl FnOnce(&Tx<'_>) -> Result<(T, Edit), StoreError>,
    ) -> Result<T, StoreError> {
        self.write_deriving(decide, now, change).map(|(out, _)| out)
    }

    /// [`Store::write`], giving back the assessment it derived and kept.
    fn write_deriving<T>(
        &mut self,
        decide: impl FnOnce(&Journal) -> Option<Derived>,
        now: &str,
        change: impl FnOnce(&Tx<'_>) -> Result<(T, Edit), StoreError>,
    ) -> Result<(T, Derived), StoreError> {
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
        let from = edit.from();
        // Edited in place when nobody else holds the journal (see
        // `Comeback::write`), copied otherwise.
        let journal = match (current, edit) {
            (Some(journal), Edit::Nothing(_)) => journal,
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
        copy::write(&tx, &path, journal.checkins(), from)?;
        // Declined: the transaction rolls back as it drops, and the journal
        // edited in place is not kept.
        let Some(derived) = decide(&journal) else {
            return Err(StoreError::Declined);
        };
        decisions::sync(&tx, &path, &derived.assessment.decisions, from, now)?;
        kept::keep(&tx, &path, &derived)?;
        tx.commit().at(&path)?;
        self.empty_wal();
        // Our own commit does not move our data_version.
        self.cache = Some((version, journal));
        Ok((out, derived))
    }
}

/// Refuses a file that exists but does not start like an SQLite database,
/// before SQLite gets a chance to touch it.
fn check_header(path: &Path) -> Result<(), StoreError> {
    // A FIFO or a device would block or be written to: only a regular file
    // (or a link to one) is a store.
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            return Err(StoreError::Damaged {
                file: path.to_path_buf(),
                what: "it is not a regular file".into(),
                source: None,
            });
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).doing(path, "cannot read it"),
    }
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

/// Runs `attempt` again while SQLite answers "busy", for up to ten seconds.
fn retry_busy<T>(mut attempt: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        match attempt() {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// Owner-only folders and files for the runner's health data (ssh and gpg
/// keep theirs the same way). Elsewhere than Unix, the platform's defaults.
mod private {
    use std::path::Path;

    #[cfg(unix)]
    pub fn create_dir(dir: &Path) -> std::io::Result<()> {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }

    #[cfg(not(unix))]
    pub fn create_dir(dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)
    }

    /// Creates the empty database file owner-only, so SQLite's own files
    /// (which take its mode) are owner-only too; an existing file is kept.
    pub fn create_file(path: &Path) -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Takes group and other access off the database and its WAL files.
    pub fn tighten(path: &Path) {
        #[cfg(unix)]
        for suffix in ["", "-wal", "-shm"] {
            use std::os::unix::fs::PermissionsExt;
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            if let Ok(meta) = std::fs::metadata(&name)
                && meta.permissions().mode() & 0o077 != 0
            {
                let _ = std::fs::set_permissions(&name, std::fs::Permissions::from_mode(0o600));
            }
        }
        #[cfg(not(unix))]
        let _ = path;
    }
}

/// Changes whenever another connection commits (SQLite `PRAGMA data_version`).
pub(super) fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

fn to_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::damaged(path, "a value to save", e))
}
