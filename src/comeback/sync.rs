//! Sync as the faces call it: the folder's changes merged with the
//! decisions derived again from the plan and journal the store then holds;
//! by data dir, or through a comeback's own store (a check-in syncs before
//! and after without opening the store again).

use super::{Comeback, LoadError};
use crate::plan;
use crate::store::{Derived, SavedPlan, Store};
use crate::sync::{Report, SyncError};
use chrono::NaiveDate;
use std::path::Path;

/// Syncs `data_dir` with the folder it joined, if any; `None`: no folder.
/// Before another machine's new plan replaces this one, its export is kept
/// in the archive, as `new --force` keeps it.
pub fn sync(data_dir: &Path, today: NaiveDate) -> Result<Option<Report>, SyncError> {
    crate::sync::sync(data_dir, chrono::Utc::now(), deciding(today), || {
        archiving(data_dir, today)
    })
}

/// [`sync`] through a store already open.
fn sync_store(
    store: &mut Store,
    data_dir: &Path,
    today: NaiveDate,
) -> Result<Option<Report>, SyncError> {
    crate::sync::sync_store(store, chrono::Utc::now(), deciding(today), || {
        archiving(data_dir, today)
    })
}

/// The assessment (and its decisions) of what a sync leaves in the store.
fn deciding(
    today: NaiveDate,
) -> impl FnOnce(&SavedPlan, &crate::checkin::Journal, &[crate::shoes::Shoe]) -> Option<Derived> {
    move |saved, journal, shoes| {
        plan::generate_saved(&saved.profile, &saved.template)
            .ok()
            .map(|plan| {
                super::assess::derive((&plan, &saved.template, shoes), journal, today, None, None)
            })
    }
}

fn archiving(data_dir: &Path, today: NaiveDate) -> Result<(), String> {
    super::restore::archive(data_dir, today, &super::timestamp(), false)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// How a sync around a command went: what it did, or why it was skipped
/// (the command goes on either way).
pub type Synced = Result<Option<Report>, SyncError>;

impl Comeback {
    /// [`Comeback::load`] after a sync through the same store, when a
    /// folder is joined: the other machines' changes first.
    pub fn load_synced(data_dir: &Path, today: NaiveDate) -> Result<(Comeback, Synced), LoadError> {
        let no_plan = || LoadError::NoPlan(data_dir.display().to_string());
        let mut store = Store::open_existing(data_dir)?.ok_or_else(no_plan)?;
        let synced = if crate::sync::is_joined(data_dir) {
            sync_store(&mut store, data_dir, today)
        } else {
            Ok(None)
        };
        let (comeback, _) = Comeback::read(store, data_dir, None)?;
        Ok((comeback, synced))
    }

    /// Sends what the command wrote through its own store, when a folder
    /// is joined, and ends the command ([`Comeback::close_for_exit`]).
    pub fn sync_and_close(mut self, data_dir: &Path, today: NaiveDate) -> Synced {
        let synced = if crate::sync::is_joined(data_dir) {
            sync_store(&mut self.store, data_dir, today)
        } else {
            Ok(None)
        };
        self.close_for_exit();
        synced
    }
}
