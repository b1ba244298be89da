//! The `journal_copy` table: the check-ins of each year in one compact blob
//! (postcard), written with each change to the journal, so a command reads
//! a few rows instead of ten years of them, and a change rewrites only the
//! blobs of its year and the years after it (BENCHMARKS.md). The `checkins`
//! table stays the truth: a copy that does not hold as many check-ins as
//! the table is ignored, and the rows are read instead.

use super::choices;
use super::error::{At, StoreError};
use crate::checkin::CheckIn;
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, params};
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
    recorded: Option<i64>,
}

/// Writes the copy of `checkins` (in date order, the whole journal) for a
/// change dated `from` (`None`: anything): the years before it stand when
/// their copies hold as many check-ins as the journal does in them.
pub(super) fn write(
    tx: &Connection,
    path: &Path,
    checkins: &[CheckIn],
    from: Option<NaiveDate>,
) -> Result<(), StoreError> {
    let first_year = |date: NaiveDate| {
        let upto = checkins.partition_point(|c| c.date.year() < date.year());
        let kept: i64 = tx
            .query_row(
                "SELECT coalesce(sum(rows), 0) FROM journal_copy WHERE year < ?1",
                [date.year()],
                |r| r.get(0),
            )
            .unwrap_or(-1);
        (kept == upto as i64).then_some((date.year(), upto))
    };
    let (year, upto) = from.and_then(first_year).unwrap_or((i32::MIN, 0));
    tx.execute("DELETE FROM journal_copy WHERE year >= ?1", [year])
        .at(path)?;
    let mut rest = &checkins[upto..];
    while let Some(first) = rest.first() {
        let year = first.date.year();
        let this = rest.partition_point(|c| c.date.year() == year);
        let data = encode(&rest[..this])
            .map_err(|e| StoreError::damaged(path, "the journal's copy cannot be written", e))?;
        tx.execute(
            "INSERT INTO journal_copy (year, rows, data) VALUES (?1, ?2, ?3)",
            params![year, this as i64, data],
        )
        .at(path)?;
        rest = &rest[this..];
    }
    Ok(())
}

/// One year's check-ins, one record after another (no count in front): read
/// back one at a time, straight into check-ins.
fn encode(checkins: &[CheckIn]) -> Result<Vec<u8>, postcard::Error> {
    let mut data = Vec::with_capacity(checkins.len() * 8);
    for c in checkins {
        let actual = c
            .actual
            .as_ref()
            .and_then(|a| serde_json::to_string(a).ok());
        let kept = Kept {
            day: choices::day(c.date),
            choices: choices::pack(c),
            counts: choices::counts(c),
            shoes: c.shoes.as_deref(),
            note: c.note.as_deref(),
            actual: actual.as_deref(),
            recorded: c.recorded.map(choices::day),
        };
        data = postcard::to_extend(&kept, data)?;
    }
    Ok(data)
}

/// Drops the copy: the next change writes it again.
pub(super) fn drop_copy(tx: &Connection, path: &Path) -> Result<(), StoreError> {
    tx.execute("DELETE FROM journal_copy", []).at(path)?;
    Ok(())
}

/// The check-ins from the copy, when it holds as many as the table and
/// reads back; otherwise `None`, and the rows are read instead.
pub(super) fn read(conn: &Connection, path: &Path) -> Result<Option<Vec<CheckIn>>, StoreError> {
    let count: i64 = conn
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
        .at(path)?;
    let mut checkins = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let mut stmt = conn
        .prepare_cached("SELECT rows, data FROM journal_copy ORDER BY year")
        .at(path)?;
    let mut years = stmt.query([]).at(path)?;
    while let Some(year) = years.next().at(path)? {
        let rows: i64 = year.get(0).at(path)?;
        // Decoded from SQLite's own buffer, not a copy of it.
        let data = year.get_ref(1).at(path)?.as_blob().ok();
        if data
            .and_then(|data| decode(data, rows, &mut checkins))
            .is_none()
        {
            return Ok(None);
        }
    }
    Ok((checkins.len() as i64 == count).then_some(checkins))
}

/// Appends the `rows` check-ins of a year's copy to `checkins`; `None` when
/// any does not read back.
fn decode(mut data: &[u8], rows: i64, checkins: &mut Vec<CheckIn>) -> Option<()> {
    let before = checkins.len();
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
        c.recorded = choices::recorded_of(k.recorded);
        checkins.push(c);
    }
    ((checkins.len() - before) as i64 == rows).then_some(())
}
