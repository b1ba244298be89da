//! Bringing back a store copied by `comeback backup`: the copy is checked
//! on a copy of its own (a comeback store this version reads, every page
//! sound, a plan that rebuilds), the current store is archived whole, and
//! only then replaced — through SQLite's online backup in one step, so a
//! stale WAL is never replayed onto the restored file and other
//! connections see the new content. A store too damaged to open is moved
//! aside, all its files together, rather than copied.

use super::{Comeback, LoadError};
use crate::store::{Store, StoreError, create_private_dir, own_file};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What a restore put in place and where the store it replaced went.
pub struct Restored {
    pub start: NaiveDate,
    pub checkins: usize,
    /// The replaced store, kept whole; none when there was none.
    pub archived: Option<PathBuf>,
}

fn io(file: &Path, action: &'static str) -> impl FnOnce(std::io::Error) -> LoadError {
    let file = file.to_path_buf();
    move |source| {
        LoadError::Store(StoreError::Io {
            file,
            action,
            source,
        })
    }
}

/// Replaces the store in `data_dir` with the backup `file`, after checking
/// it; the store it replaces is archived under `archive/` first.
pub fn restore(data_dir: &Path, file: &Path, now: &str) -> Result<Restored, LoadError> {
    let db = Store::path_in(data_dir);
    if let Some(own) = own_file(&db, file) {
        return Err(LoadError::Store(StoreError::OwnFile {
            dest: file.to_path_buf(),
            own,
        }));
    }
    if !std::fs::metadata(file)
        .map_err(io(file, "cannot read it"))?
        .is_file()
    {
        return Err(io(file, "cannot read it")(std::io::Error::other(
            "not a regular file: expected a backup made by `comeback backup`",
        )));
    }
    create_private_dir(data_dir).map_err(io(data_dir, "cannot create the data folder"))?;
    // The backup is checked on a copy: the file itself is never written
    // (opening it would migrate it).
    let work = tempfile::Builder::new()
        .prefix(".restore-")
        .tempdir_in(data_dir)
        .map_err(io(data_dir, "cannot write in the data folder"))?;
    let copy = Store::path_in(work.path());
    std::fs::copy(file, &copy).map_err(io(file, "cannot read it"))?;
    let restored = check(work.path(), file)?;
    let stamp: String = now
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let archive_dir = data_dir.join("archive");
    create_private_dir(&archive_dir).map_err(io(&archive_dir, "cannot create it"))?;
    let aside = archive_dir.join(format!("comeback-replaced-{stamp}"));
    let archived = match Store::open_existing(data_dir) {
        Ok(Some(mut live)) => {
            let archived = aside.with_extension("db");
            live.archive_and_replace(&archived, &copy)?;
            return Ok(Restored {
                archived: Some(archived),
                ..restored
            });
        }
        // No database, but perhaps a WAL left beside it, which would be
        // replayed onto the backup; or a store that does not open (damaged,
        // another program's, a newer comeback's): moved aside whole, never
        // deleted.
        Ok(None) | Err(_) => move_aside(data_dir, &aside)?,
    };
    std::fs::rename(&copy, &db).map_err(io(&db, "cannot put the backup in place"))?;
    Ok(Restored {
        archived,
        ..restored
    })
}

/// Checks the copy of the backup `file` in `work` as a comeback store this
/// version reads, every page sound and a plan that rebuilds, and leaves it
/// closed with its WAL folded in; what it holds.
fn check(work: &Path, file: &Path) -> Result<Restored, LoadError> {
    let copy = Store::path_in(work);
    // What is wrong with the backup, said of the file the runner named.
    let not_a_backup = |e: &dyn std::fmt::Display| {
        let why = e.to_string();
        let prefix = format!("{}: ", copy.display());
        LoadError::Store(StoreError::NotABackup {
            file: file.to_path_buf(),
            why: why
                .strip_prefix(&prefix)
                .unwrap_or(&why)
                .trim_end_matches("; the file was left untouched")
                .to_string(),
        })
    };
    let candidate = match Comeback::load(work) {
        Ok(candidate) => candidate,
        Err(LoadError::NoPlan(_)) => return Err(not_a_backup(&"it holds no plan")),
        Err(e) => return Err(not_a_backup(&e)),
    };
    candidate
        .store
        .check_integrity()
        .map_err(|e| not_a_backup(&e))?;
    candidate.checkpoint()?;
    Ok(Restored {
        start: candidate.plan.profile.start,
        checkins: candidate.journal.checkins().len(),
        archived: None,
    })
}

/// Moves the store's files in `data_dir` that are there (the database, its
/// WAL and shared memory, a rollback journal) into the folder `aside`,
/// together; nothing is deleted. The folder, when anything was moved.
fn move_aside(data_dir: &Path, aside: &Path) -> Result<Option<PathBuf>, LoadError> {
    let names = [
        "comeback.db-wal",
        "comeback.db-shm",
        "comeback.db-journal",
        "comeback.db",
    ];
    if !names.iter().any(|n| data_dir.join(n).exists()) {
        return Ok(None);
    }
    create_private_dir(aside).map_err(io(aside, "cannot create it"))?;
    for name in names {
        let from = data_dir.join(name);
        if from.exists() {
            std::fs::rename(&from, aside.join(name)).map_err(io(&from, "cannot move it aside"))?;
        }
    }
    Ok(Some(aside.to_path_buf()))
}
