//! Whole-store copies: a backup made while others may write (SQLite's
//! online backup), a store replaced by a checked backup in one step, every
//! page checked, and the store's own files told apart from where an export
//! or a backup may go.

use super::error::{At, Doing, StoreError};
use super::{Store, private};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

impl Store {
    /// Copies the whole store, the WAL's latest commits included, to `dest`
    /// through SQLite's online backup (a temporary file beside it, then a
    /// rename): a copy that opens as it is, made while others may write.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        let dir = match dest.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let temp = tempfile::NamedTempFile::new_in(dir).doing(dest, "cannot write there")?;
        {
            let mut copy = Connection::open_with_flags(
                std::path::absolute(temp.path()).doing(dest, "cannot write there")?,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            )
            .at(dest)?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut copy).at(dest)?;
            backup
                .run_to_completion(256, Duration::from_millis(5), None)
                .at(dest)?;
        }
        temp.as_file()
            .sync_all()
            .doing(dest, "cannot write there")?;
        temp.persist(dest)
            .map_err(|e| e.error)
            .doing(dest, "cannot write there")?;
        private::tighten(dest);
        Ok(())
    }

    /// Whether `dest` is one of the store's own files (see [`own_file`]).
    pub fn owns(&self, dest: &Path) -> Option<PathBuf> {
        own_file(&self.path, dest)
    }

    /// Checks every page of the database (`PRAGMA integrity_check`).
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        let result: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .at(&self.path)?;
        if result == "ok" {
            Ok(())
        } else {
            Err(StoreError::Damaged {
                file: self.path.clone(),
                what: format!("its integrity check says: {result}"),
                source: None,
            })
        }
    }

    /// Replaces everything the store holds with what `source` holds, through
    /// SQLite's online backup in one step: the whole copy or nothing, while
    /// other connections keep their locks and see the new content.
    pub fn replace_with(&mut self, source: &Store) -> Result<(), StoreError> {
        use rusqlite::backup::{Backup, StepResult};
        {
            let backup = Backup::new(&source.conn, &mut self.conn).at(&self.path)?;
            // Every page in one step (-1): one write transaction on the
            // store, committed whole or not at all. Another writer's lock is
            // waited for, as the busy timeout would.
            let mut waited = Duration::ZERO;
            loop {
                match backup.step(-1).at(&self.path)? {
                    StepResult::Done => break,
                    StepResult::Busy | StepResult::Locked | StepResult::More
                        if waited < Duration::from_secs(10) =>
                    {
                        std::thread::sleep(Duration::from_millis(20));
                        waited += Duration::from_millis(20);
                    }
                    _ => {
                        return Err(StoreError::Io {
                            file: self.path.clone(),
                            action: "another comeback is writing; try again",
                            source: std::io::Error::other("the store stayed locked for 10 s"),
                        });
                    }
                }
            }
        }
        self.cache = None;
        Ok(())
    }
}

/// Which of the store's files at `db` (the database, its WAL, its shared
/// memory) `dest` is, by path or by the file it is, if any: writing an
/// export or a backup there would destroy the store.
pub fn own_file(db: &Path, dest: &Path) -> Option<PathBuf> {
    let own = [
        db.to_path_buf(),
        db.with_extension("db-wal"),
        db.with_extension("db-shm"),
    ];
    // Where a path lands: its folder resolved (links and "..") and its name,
    // whether or not the file exists yet.
    let resolved = |p: &Path| -> Option<PathBuf> {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
    };
    let dest_path = std::fs::canonicalize(dest).ok().or_else(|| resolved(dest));
    let same_file = |a: &Path, b: &Path| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
                return a.dev() == b.dev() && a.ino() == b.ino();
            }
        }
        false
    };
    own.into_iter()
        .find(|file| same_file(dest, file) || (dest_path.is_some() && dest_path == resolved(file)))
}
