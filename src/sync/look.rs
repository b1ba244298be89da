//! A first look at the folder: its listing, whether another device's file
//! changed since it was read, and whether a sync would have anything to do
//! (a command with nothing new takes no lock, `super::sync_store`).

use super::records;
use super::{Report, SyncError, folder};
use crate::store::{FileMark, SyncView};
use std::path::Path;

/// Whether a sync would have nothing to do: nothing marked here, no other
/// device's file changed since it was read, and this device's `main` file
/// there (the folder's lines it skips go into `report`).
pub(super) fn idle(view: &SyncView<'_>, report: &mut Report) -> Result<bool, SyncError> {
    let Some(folder) = view.setup.folder.as_deref().map(Path::new) else {
        return Ok(false);
    };
    if !view.dirty.is_empty() {
        return Ok(false);
    }
    let (listing, news) = look(view, folder, report)?;
    Ok(!news && listing.own.contains_key(records::MAIN))
}

/// The folder's listing, and whether another device's file in it changed
/// since it was last read.
pub(super) fn look(
    view: &SyncView<'_>,
    folder: &Path,
    report: &mut Report,
) -> Result<(folder::Listing, bool), SyncError> {
    let listing = folder::list(folder, &view.setup.device).map_err(|source| SyncError::Folder {
        folder: folder.to_path_buf(),
        action: "cannot read the sync folder",
        source,
    })?;
    report.skipped = listing
        .skipped
        .iter()
        .map(|(name, why)| format!("{name}: {why}"))
        .collect();
    let changed = |name: &String, mark: &FileMark| view.files.get(name) != Some(mark);
    let news = listing.others.iter().any(|(n, (_, m))| changed(n, m));
    Ok((listing, news))
}
