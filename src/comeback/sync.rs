//! Sync as the faces call it: the folder's changes merged with the
//! decisions derived again from the plan and journal the store then holds.

use crate::plan;
use crate::sync::{Report, SyncError};
use chrono::NaiveDate;
use std::path::Path;

/// Syncs `data_dir` with the folder it joined, if any; `None`: no folder.
/// Before another machine's new plan replaces this one, its export is kept
/// in the archive, as `new --force` keeps it.
pub fn sync(data_dir: &Path, today: NaiveDate) -> Result<Option<Report>, SyncError> {
    crate::sync::sync(
        data_dir,
        chrono::Utc::now(),
        |saved, journal, shoes| {
            plan::generate_saved(&saved.profile, &saved.template)
                .ok()
                .map(|plan| {
                    super::assess::derive(
                        (&plan, &saved.template, shoes),
                        journal,
                        today,
                        None,
                        None,
                    )
                })
        },
        || super::restore::archive(data_dir, today, &super::timestamp()).map_err(|e| e.to_string()),
    )
}
