//! The `decisions` table: the plan's decisions as last derived, each with
//! the time it was first recorded. Derived, so it follows the journal.

use super::error::{At, StoreError};
use super::{Tx, to_json};
use crate::checkin::Decision;
use rusqlite::params;
use std::path::Path;

/// Keeps the decisions table equal to the derived decisions, keeping the
/// recording time of those that did not change.
pub(super) fn sync(
    tx: &Tx<'_>,
    path: &Path,
    decisions: &[Decision],
    now: &str,
) -> Result<(), StoreError> {
    let mut upsert = tx
        .prepare_cached(
            "INSERT INTO decisions (date, data, recorded_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(date) DO UPDATE SET data = ?2, recorded_at = ?3 WHERE data <> ?2",
        )
        .at(path)?;
    let mut keep = std::collections::HashSet::with_capacity(decisions.len());
    for decision in decisions {
        let date = decision.date.to_string();
        let data = to_json(path, decision)?;
        upsert.execute(params![date, data, now]).at(path)?;
        keep.insert(date);
    }
    let existing: Vec<String> = {
        let mut stmt = tx.prepare_cached("SELECT date FROM decisions").at(path)?;
        let rows = stmt.query_map([], |r| r.get(0)).at(path)?;
        rows.collect::<Result<_, _>>().at(path)?
    };
    let mut delete = tx
        .prepare_cached("DELETE FROM decisions WHERE date = ?1")
        .at(path)?;
    for date in existing.iter().filter(|d| !keep.contains(*d)) {
        delete.execute([date]).at(path)?;
    }
    Ok(())
}
