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
        copy_to(&self.conn, dest)
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

    /// Archives the store to `archive`, then replaces everything it holds
    /// with what the store file `source` holds (closed, of this schema), with
    /// no commit by another process in between: the write lock is taken
    /// first, the archive is copied through a second, read-only connection
    /// (which sees the last commit, and nothing can commit after it), and
    /// every table is refilled from `source` in that same transaction.
    /// Every saved check-in ends up in the store or in the archive.
    pub fn archive_and_replace(&mut self, archive: &Path, source: &Path) -> Result<(), StoreError> {
        let path = self.path.clone();
        let source = std::path::absolute(source).doing(source, "cannot read it")?;
        self.conn
            .execute("ATTACH DATABASE ?1 AS restored", [source.to_string_lossy()])
            .at(&path)?;
        let replaced = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .at(&path)?;
            // The online backup refuses a source connection that holds the
            // write lock, so the archive is read through another one.
            let reader =
                Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).at(&path)?;
            copy_to(&reader, archive)?;
            drop(reader);
            let tables: Vec<String> = tx
                .prepare(
                    "SELECT name FROM main.sqlite_master WHERE type = 'table'
                     AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')",
                )
                .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
                .at(&path)?;
            for table in &tables {
                // The stored columns by name: a generated column is not
                // written (SQLite's copy shortcut hid that until the sync
                // triggers turned it off).
                let columns: Vec<String> = tx
                    .prepare("SELECT name FROM pragma_table_xinfo(?1, 'main') WHERE hidden = 0")
                    .and_then(|mut s| s.query_map([table], |r| r.get(0))?.collect())
                    .at(&path)?;
                let columns = columns
                    .iter()
                    .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                    .collect::<Vec<_>>()
                    .join(", ");
                let table = table.replace('"', "\"\"");
                tx.execute_batch(&format!(
                    "DELETE FROM main.\"{table}\"; INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM restored.\"{table}\";"
                ))
                .at(&path)?;
            }
            tx.commit().at(&path)
        })();
        let detached = self.conn.execute("DETACH DATABASE restored", []).at(&path);
        self.cache = None;
        replaced.and(detached.map(|_| ()))
    }
}

/// Copies the whole database `conn` reads, the WAL's latest commits
/// included, to `dest` through SQLite's online backup (a temporary file
/// beside it, then a rename): a copy that opens as it is.
fn copy_to(conn: &Connection, dest: &Path) -> Result<(), StoreError> {
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
        let backup = rusqlite::backup::Backup::new(conn, &mut copy).at(dest)?;
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

/// Which of the store's files at `db` (the database, its WAL, its shared
/// memory) `dest` is, by path or by the file it is, if any: writing an
/// export or a backup there would destroy the store.
pub fn own_file(db: &Path, dest: &Path) -> Option<PathBuf> {
    let own = [
        db.to_path_buf(),
        db.with_extension("db-wal"),
        db.with_extension("db-shm"),
        db.with_extension("db-journal"),
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
