//! Sync between the runner's devices through a folder another tool already
//! syncs (Syncthing, Nextcloud, Dropbox, a git repository, rsync): each
//! device keeps an Automerge document of what the runner recorded in its
//! own file there, merges the others', and writes what they changed into
//! its store. The store stays what every command reads; derived data (the
//! verdict, the decisions) is derived on each device, never synced.
//!
//! One sync, with the store's write lock held throughout: the records
//! written here since the last sync go into the document with a new stamp
//! (`clock`), the other devices' changed files are merged, each record's
//! latest write is taken (the later stamp wins on every device), this
//! device's file gets the new changes, and only then is the store written.
//! A crash before the store's commit leaves the store as it was: the next
//! sync finds the same records marked and merges the same files again.

mod build;
mod clock;
mod doc;
mod folder;
mod look;
mod records;
mod round;

use crate::checkin::Journal;
use crate::shoes::Shoe;
use crate::store::{Derived, SavedPlan, Store, StoreError};
use look::idle;
use round::one_sync;
use std::path::{Path, PathBuf};

pub use doc::SCHEMA;
pub use folder::device_of;

/// What one sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Records written here and sent to the folder.
    pub sent: usize,
    /// Records other devices wrote, now in the store.
    pub received: usize,
    /// Other devices' files read.
    pub read: usize,
    /// One line per file left alone, saying why.
    pub skipped: Vec<String>,
}

/// Why a sync could not run.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}: {action}: {source}", folder.display())]
    Folder {
        folder: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    #[error("{}: {problem}", folder.display())]
    NotAFolder { folder: PathBuf, problem: String },
    #[error("the sync document cannot be written: {0}")]
    Document(String),
    #[error("another machine made a new plan, and this one's could not be archived first: {0}")]
    Archive(String),
}

/// Whether `new` is another plan than `old`, not the same plan with its
/// health context changed.
fn replaces(old: &SavedPlan, new: &SavedPlan) -> bool {
    let without_health = |plan: &SavedPlan| {
        let mut profile = plan.profile.clone();
        profile.health.clear();
        profile.health_since.clear();
        (
            serde_json::to_value(profile).ok(),
            serde_json::to_value(&plan.template).ok(),
        )
    };
    without_health(old) != without_health(new)
}

/// Joins `folder`: this device's changes go there from now on, and the
/// other devices' files there are merged before each command.
pub fn join(data_dir: &Path, folder: &Path) -> Result<PathBuf, SyncError> {
    let not_a_folder = |problem: &str| SyncError::NotAFolder {
        folder: folder.to_path_buf(),
        problem: problem.to_string(),
    };
    let resolved = folder
        .canonicalize()
        .map_err(|_| not_a_folder("no such folder: expected a folder that exists"))?;
    if !resolved.is_dir() {
        return Err(not_a_folder(
            "not a folder: expected the folder your sync tool shares",
        ));
    }
    let data = data_dir
        .canonicalize()
        .unwrap_or_else(|_| data_dir.to_path_buf());
    if resolved.starts_with(&data) || data.starts_with(&resolved) {
        return Err(not_a_folder(
            "it holds the data folder or is inside it: expected a folder of its own (a synced copy of a live database is corrupted by the sync tool)",
        ));
    }
    let mut store = Store::open(data_dir)?;
    let device = match store.sync_setup()? {
        Some(setup) => setup.device,
        None => automerge::ActorId::random().to_hex_string(),
    };
    store.set_sync_folder(Some(&resolved.to_string_lossy()), &device)?;
    let marker = marker(data_dir);
    std::fs::write(&marker, format!("{}\n", resolved.display())).map_err(|source| {
        SyncError::Folder {
            folder: marker.clone(),
            action: "cannot write the note that a folder is joined",
            source,
        }
    })?;
    Ok(resolved)
}

/// The file in the data dir that says a folder is joined (its path, for
/// people): a command checks it exists before it opens the store to sync.
fn marker(data_dir: &Path) -> PathBuf {
    data_dir.join("sync-folder")
}

/// Leaves the folder: nothing is synced until a folder is joined again.
pub fn leave(data_dir: &Path) -> Result<(), SyncError> {
    let Some(mut store) = Store::open_existing(data_dir)? else {
        return Ok(());
    };
    if let Some(setup) = store.sync_setup()? {
        store.set_sync_folder(None, &setup.device)?;
    }
    match std::fs::remove_file(marker(data_dir)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(SyncError::Folder {
            folder: marker(data_dir),
            action: "cannot remove the note that a folder is joined",
            source: e,
        }),
        _ => Ok(()),
    }
}

/// The folder joined and this device's id, if a folder is joined.
pub fn joined(data_dir: &Path) -> Result<Option<(PathBuf, String)>, SyncError> {
    let Some(store) = Store::open_existing(data_dir)? else {
        return Ok(None);
    };
    Ok(store
        .sync_setup()?
        .and_then(|s| Some((PathBuf::from(s.folder?), s.device))))
}

/// Syncs the store in `data_dir` with the folder it joined, if any, at
/// wall-clock time `now`; `decide` derives the assessment (and its decisions) of the journal the
/// store then holds. `None`: no folder joined.
/// `archive` keeps the current plan's export before another device's new
/// plan replaces it (a changed health context is no new plan).
pub fn sync(
    data_dir: &Path,
    now: chrono::DateTime<chrono::Utc>,
    decide: impl FnOnce(&SavedPlan, &Journal, &[Shoe]) -> Option<Derived>,
    archive: impl FnOnce() -> Result<(), String>,
) -> Result<Option<Report>, SyncError> {
    if !is_joined(data_dir) {
        return Ok(None);
    }
    let Some(mut store) = Store::open_existing(data_dir)? else {
        return Ok(None);
    };
    sync_store(&mut store, now, decide, archive)
}

/// Whether the data dir says a folder is joined (its note is there): a
/// command checks it before it syncs.
pub fn is_joined(data_dir: &Path) -> bool {
    marker(data_dir).exists()
}

/// [`sync`] on a store a command already opened: its connection, and its
/// journal when read since the last write (a check-in syncs without opening
/// the store again).
pub fn sync_store(
    store: &mut Store,
    now: chrono::DateTime<chrono::Utc>,
    decide: impl FnOnce(&SavedPlan, &Journal, &[Shoe]) -> Option<Derived>,
    archive: impl FnOnce() -> Result<(), String>,
) -> Result<Option<Report>, SyncError> {
    let mut report = Report::default();
    // A first look without the write lock: with nothing to do (a command
    // run again, nothing new from the others) no transaction is begun.
    // (No folder joined reads as not idle: the check below says so.)
    if store
        .peek_sync(|view| idle(&view, &mut report))?
        .transpose()?
        == Some(true)
    {
        return Ok(Some(report));
    }
    if store.sync_setup()?.and_then(|s| s.folder).is_none() {
        return Ok(None);
    }
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or(0);
    store.sync_with(&now.to_rfc3339(), decide, |view| -> Result<_, SyncError> {
        let out = one_sync(&view, millis, &mut report)?;
        if let Some(incoming) = &out
            && let Some(new) = &incoming.plan
            && view.local()?.plan.is_some_and(|old| replaces(&old, new))
        {
            archive().map_err(SyncError::Archive)?;
        }
        Ok(out)
    })?;
    Ok(Some(report))
}
