//! The `activities` table: runs imported from watch and phone files, each
//! known by its file's content hash so a file is imported once, and each
//! import a batch that undo takes back whole.

use super::error::{At, StoreError};
use super::kept::Derived;
use super::{Edit, Store, choices};
use crate::checkin::{CrossFromFile, Journal, RecordedRun};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashSet;
use std::path::Path;

impl Store {
    /// The content hashes of every file imported so far.
    pub fn imported_hashes(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT hash FROM activities")
            .at(&self.path)?;
        let hashes = stmt
            .query_map([], |row| row.get::<_, String>(0))
            .at(&self.path)?
            .collect::<Result<HashSet<_>, _>>()
            .at(&self.path)?;
        Ok(hashes)
    }

    /// Records `runs` and the cross-training `cross` as one import, logged
    /// for undo, with the decisions `decide` derives; all in one
    /// transaction.
    pub fn import_runs(
        &mut self,
        (runs, cross, replaced): (&[RecordedRun], &[CrossFromFile], &[RecordedRun]),
        plan: Option<&(String, String)>,
        now: &str,
        decide: impl FnOnce(&Journal) -> Derived,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        self.write(|j| Some(decide(j)), now, |tx| {
            // The runs were placed in the plan as it was read; with the
            // write lock held, it is checked to be the plan still there (a
            // `new --force` in between would leave runs outside its window).
            let now_key: Option<(String, String)> = tx
                .query_row(
                    "SELECT created_at, profile FROM plan WHERE id = 1",
                    [],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()
                .at(&path)?;
            if now_key.as_ref() != plan {
                return Err(StoreError::PlanReplaced);
            }
            // Runs a file of this import says more of go, kept with their
            // batch in the change so undo brings them back.
            let mut gone: Vec<(i64, RecordedRun)> = Vec::new();
            for old in replaced {
                let batch: i64 = tx
                    .query_row("SELECT batch FROM activities WHERE hash = ?1", [&old.hash], |r| {
                        r.get(0)
                    })
                    .at(&path)?;
                tx.execute("DELETE FROM activities WHERE hash = ?1", [&old.hash])
                    .at(&path)?;
                gone.push((batch, old.clone()));
            }
            let before = (!gone.is_empty())
                .then(|| serde_json::to_string(&gone))
                .transpose()
                .map_err(|e| StoreError::damaged(&path, "the runs an import replaces", e))?;
            let batch = insert_runs(tx, runs).at(&path)?;
            insert_cross(tx, cross, batch).at(&path)?;
            let first = runs
                .iter()
                .map(|r| r.date)
                .chain(cross.iter().map(|c| c.date))
                .min()
                .unwrap_or_default();
            tx.execute(
                "INSERT INTO changes (kind, date, before, clearance_id, at) VALUES ('import', ?1, ?2, ?3, ?4)",
                params![first.to_string(), before, batch, now],
            )
            .at(&path)?;
            Ok(((), Edit::Everything))
        })
    }
}

/// Inserts `runs` as a new batch; returns the batch.
pub(super) fn insert_runs(tx: &Connection, runs: &[RecordedRun]) -> rusqlite::Result<i64> {
    let batch: i64 = tx.query_row(
        "SELECT COALESCE(MAX(batch), 0) + 1 FROM activities",
        [],
        |r| r.get(0),
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO activities (day, start, distance_m, seconds, heart_rate, file, hash, batch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for run in runs {
        insert.execute(params![
            choices::day(run.date),
            run.start,
            run.distance_m,
            run.seconds,
            run.heart_rate,
            run.file,
            run.hash,
            batch
        ])?;
    }
    Ok(batch)
}

/// Adds the cross-training `cross` to the import `batch`.
pub(super) fn insert_cross(
    tx: &Connection,
    cross: &[CrossFromFile],
    batch: i64,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO activities (day, start, distance_m, seconds, heart_rate, file, hash, batch, cross)
         VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8)",
    )?;
    for c in cross {
        let kind: &'static str = c.kind.into();
        insert.execute(params![
            choices::day(c.date),
            c.start,
            c.distance_m,
            c.seconds,
            c.file,
            c.hash,
            batch,
            kind
        ])?;
    }
    Ok(())
}

/// Takes an import back: its runs and cross-training go. How many of
/// each went.
pub(super) fn remove_batch(
    tx: &Connection,
    path: &Path,
    batch: i64,
) -> Result<(usize, usize), StoreError> {
    let cross: i64 = tx
        .query_row(
            "SELECT count(*) FROM activities WHERE batch = ?1 AND cross IS NOT NULL",
            [batch],
            |r| r.get(0),
        )
        .at(path)?;
    let all = tx
        .execute("DELETE FROM activities WHERE batch = ?1", [batch])
        .at(path)?;
    let cross = usize::try_from(cross).unwrap_or_default();
    Ok((all.saturating_sub(cross), cross))
}

/// Puts back the runs an import replaced, each in the batch it came in.
pub(super) fn put_back(tx: &Connection, path: &Path, before: &str) -> Result<(), StoreError> {
    let gone: Vec<(i64, RecordedRun)> = serde_json::from_str(before)
        .map_err(|e| StoreError::damaged(path, "the runs an import replaced", e))?;
    for (batch, run) in gone {
        let inserted = insert_runs(tx, std::slice::from_ref(&run)).at(path)?;
        tx.execute(
            "UPDATE activities SET batch = ?1 WHERE batch = ?2",
            params![batch, inserted],
        )
        .at(path)?;
    }
    Ok(())
}

/// Every cross-training session imported from a file, by day, then start.
pub(super) fn read_cross(conn: &Connection, path: &Path) -> Result<Vec<CrossFromFile>, StoreError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT day, start, distance_m, seconds, file, hash, cross FROM activities
             WHERE cross IS NOT NULL ORDER BY day, start",
        )
        .at(path)?;
    let mut rows = stmt.query([]).at(path)?;
    let mut cross = Vec::new();
    while let Some(row) = rows.next().at(path)? {
        let day: i64 = row.get(0).at(path)?;
        let kind: String = row.get(6).at(path)?;
        let unreadable = |what: &str| StoreError::Damaged {
            file: path.to_path_buf(),
            what: format!("an imported cross-training session's {what} does not read back"),
            source: None,
        };
        cross.push(CrossFromFile {
            date: i32::try_from(day)
                .ok()
                .and_then(NaiveDate::from_epoch_days)
                .ok_or_else(|| unreadable("day"))?,
            start: row.get(1).at(path)?,
            distance_m: row.get(2).at(path)?,
            seconds: row.get(3).at(path)?,
            file: row.get(4).at(path)?,
            hash: row.get(5).at(path)?,
            kind: kind.parse().map_err(|_| unreadable("kind"))?,
        });
    }
    Ok(cross)
}

/// Every imported run, by day, then start.
pub(super) fn read_runs(conn: &Connection, path: &Path) -> Result<Vec<RecordedRun>, StoreError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT day, start, distance_m, seconds, heart_rate, file, hash FROM activities
             WHERE cross IS NULL ORDER BY day, start",
        )
        .at(path)?;
    let mut rows = stmt.query([]).at(path)?;
    let mut runs = Vec::new();
    while let Some(row) = rows.next().at(path)? {
        let day: i64 = row.get(0).at(path)?;
        let date = i32::try_from(day)
            .ok()
            .and_then(NaiveDate::from_epoch_days)
            .ok_or_else(|| {
                StoreError::damaged(
                    path,
                    "an imported run's day does not read back",
                    choices::Unreadable::NotADate(day),
                )
            })?;
        runs.push(RecordedRun {
            date,
            start: row.get(1).at(path)?,
            distance_m: row.get(2).at(path)?,
            seconds: row.get(3).at(path)?,
            heart_rate: row.get(4).at(path)?,
            file: row.get(5).at(path)?,
            hash: row.get(6).at(path)?,
        });
    }
    Ok(runs)
}
