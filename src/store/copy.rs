//! The `journal_copy` table: every check-in in one compact blob (postcard),
//! written with each change to the journal, so a command reads one row
//! instead of ten years of them (BENCHMARKS.md). The `checkins` table stays
//! the truth: a copy that does not hold as many check-ins as the table is
//! ignored, and the rows are read instead.

use super::choices;
use super::error::{At, StoreError};
use crate::checkin::CheckIn;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One check-in as the copy keeps it: the same packed columns as its row.
#[derive(Serialize, Deserialize)]
struct Kept<'a> {
    day: i64,
    choices: i64,
    counts: i64,
    #[serde(borrow)]
    shoes: Option<&'a str>,
    #[serde(borrow)]
    note: Option<&'a str>,
    #[serde(borrow)]
    actual: Option<&'a str>,
}

/// Writes the copy of `checkins` (in date order).
pub(super) fn write(tx: &Connection, path: &Path, checkins: &[CheckIn]) -> Result<(), StoreError> {
    let actual: Vec<Option<String>> = checkins
        .iter()
        .map(|c| {
            c.actual
                .as_ref()
                .and_then(|a| serde_json::to_string(a).ok())
        })
        .collect();
    let kept: Vec<Kept> = checkins
        .iter()
        .zip(&actual)
        .map(|(c, actual)| Kept {
            day: choices::day(c.date),
            choices: choices::pack(c),
            counts: choices::counts(c),
            shoes: c.shoes.as_deref(),
            note: c.note.as_deref(),
            actual: actual.as_deref(),
        })
        .collect();
    // One record after another (no count in front): read back one at a
    // time, straight into check-ins.
    let mut data = Vec::with_capacity(kept.len() * 8);
    for k in &kept {
        data = postcard::to_extend(k, data)
            .map_err(|e| StoreError::damaged(path, "the journal's copy cannot be written", e))?;
    }
    tx.execute(
        "INSERT INTO journal_copy (id, rows, data) VALUES (1, ?1, ?2)
         ON CONFLICT(id) DO UPDATE SET rows = ?1, data = ?2",
        params![checkins.len() as i64, data],
    )
    .at(path)?;
    Ok(())
}

/// Drops the copy: the next change writes it again.
pub(super) fn drop_copy(tx: &Connection, path: &Path) -> Result<(), StoreError> {
    tx.execute("DELETE FROM journal_copy", []).at(path)?;
    Ok(())
}

/// The check-ins from the copy, when it holds as many as the table and
/// reads back; otherwise `None`, and the rows are read instead.
pub(super) fn read(conn: &Connection, path: &Path) -> Result<Option<Vec<CheckIn>>, StoreError> {
    let row: Option<Option<Vec<CheckIn>>> = conn
        .query_row(
            "SELECT rows, data, (SELECT count(*) FROM checkins) FROM journal_copy WHERE id = 1",
            [],
            |r| {
                let (rows, count): (i64, i64) = (r.get(0)?, r.get(2)?);
                // Decoded from SQLite's own buffer, not a copy of it.
                let data = r.get_ref(1)?.as_blob()?;
                Ok((rows == count).then(|| decode(data, rows)).flatten())
            },
        )
        .optional()
        .at(path)?;
    Ok(row.flatten())
}

/// The `rows` check-ins of a copy; `None` when any does not read back.
fn decode(mut data: &[u8], rows: i64) -> Option<Vec<CheckIn>> {
    let mut checkins = Vec::with_capacity(usize::try_from(rows).ok()?);
    while !data.is_empty() {
        let (k, rest): (Kept, &[u8]) = postcard::take_from_bytes(data).ok()?;
        data = rest;
        let mut c = choices::unpack(k.day, k.choices).ok()?;
        choices::put_counts(&mut c, k.counts).ok()?;
        c.shoes = k.shoes.map(str::to_string);
        c.note = k.note.map(str::to_string);
        c.actual = match k.actual {
            Some(json) => Some(serde_json::from_str(json).ok()?),
            None => None,
        };
        checkins.push(c);
    }
    (checkins.len() as i64 == rows).then_some(checkins)
}
