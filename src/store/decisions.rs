//! The `decisions` table: the plan's decisions as last derived, each with
//! the time it was first recorded. Derived, so it follows the journal.

use super::error::{At, StoreError};
use super::to_json;
use crate::checkin::Decision;
use rusqlite::params;
use std::path::Path;

/// Keeps the decisions table equal to the derived decisions, keeping the
/// recording time of those that did not change. Only decisions dated `from`
/// on, or after the latest one kept, are compared: an earlier one was kept
/// when it was taken and a change on `from` cannot reach back before it.
pub(super) fn sync(
    tx: &rusqlite::Connection,
    path: &Path,
    decisions: &[Decision],
    from: Option<chrono::NaiveDate>,
    now: &str,
) -> Result<(), StoreError> {
    let latest: Option<String> = tx
        .query_row("SELECT max(date) FROM decisions", [], |r| r.get(0))
        .at(path)?;
    let latest = latest.and_then(|d| d.parse::<chrono::NaiveDate>().ok());
    let from = match (from, latest) {
        (Some(f), Some(l)) => Some(f.min(l)),
        _ => None,
    };
    let changed = |date: chrono::NaiveDate| from.is_none_or(|f| date >= f);
    let mut upsert = tx
        .prepare_cached(
            "INSERT INTO decisions (date, data, recorded_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(date) DO UPDATE SET data = ?2, recorded_at = ?3 WHERE data <> ?2",
        )
        .at(path)?;
    let mut keep = std::collections::HashSet::with_capacity(decisions.len());
    for decision in decisions.iter().filter(|d| changed(d.date)) {
        let date = decision.date.to_string();
        let data = to_json(path, decision)?;
        upsert.execute(params![date, data, now]).at(path)?;
        keep.insert(date);
    }
    let since = from.map_or_else(String::new, |f| f.to_string());
    let existing: Vec<String> = {
        let mut stmt = tx
            .prepare_cached("SELECT date FROM decisions WHERE date >= ?1")
            .at(path)?;
        let rows = stmt.query_map([&since], |r| r.get(0)).at(path)?;
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
