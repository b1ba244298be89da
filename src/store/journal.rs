//! The journal tables: check-ins (one a day, their choices and numbers
//! packed as `choices` describes), clearances, the order they were recorded
//! in, and the change log that `undo` walks back.

use super::error::{At, StoreError};
use super::kept::Derived;
use super::{Edit, Store, Tx, choices, data_version};
use crate::checkin::{CheckIn, Clearance, Journal};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;
use std::rc::Rc;

/// What `undo` took back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undone {
    /// A check-in was restored to its earlier value, or removed if it was new.
    CheckIn {
        date: NaiveDate,
        restored: Option<CheckIn>,
    },
    Clearance {
        date: NaiveDate,
    },
    /// An import of runs from files, taken back whole.
    Import {
        date: NaiveDate,
        runs: usize,
        /// Cross-training sessions from files.
        cross: usize,
    },
}

/// The change `undo` would take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastChange {
    CheckIn(NaiveDate),
    Clearance(NaiveDate),
    /// An import of runs, the first of them on this day.
    Import(NaiveDate),
}

/// A row of the change log: what to put back on undo.
struct Change {
    id: i64,
    kind: String,
    date: String,
    before: Option<String>,
    clearance_id: Option<i64>,
}

impl Store {
    /// Every check-in and clearance.
    pub fn journal(&mut self) -> Result<Rc<Journal>, StoreError> {
        let version = data_version(&self.conn).at(&self.path)?;
        if let Some((cached, journal)) = &self.cache
            && *cached == version
        {
            return Ok(Rc::clone(journal));
        }
        let journal = Rc::new(read_journal(&self.conn, &self.path)?);
        self.cache = Some((version, Rc::clone(&journal)));
        Ok(journal)
    }

    /// The check-ins from `from` on, with every clearance and run: enough
    /// for a screen about the last weeks, never for an assessment. Read
    /// from the rows and not cached: [`Store::journal`] reads the whole.
    pub fn recent_journal(&self, from: NaiveDate) -> Result<Journal, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CHECKIN_COLUMNS} FROM checkins WHERE day >= ?1 ORDER BY day"
            ))
            .at(&self.path)?;
        let mut checkins = Vec::new();
        let mut rows = stmt.query([choices::day(from)]).at(&self.path)?;
        while let Some(row) = rows.next().at(&self.path)? {
            let checkin = checkin_from_row(row).at(&self.path)?;
            checkins.push(checkin.map_err(|problem| unreadable(&self.path, problem))?);
        }
        read_journal_with(&self.conn, &self.path, checkins)
    }

    /// Records a check-in (amending the one of the same date), logs the change
    /// for undo, and records the decisions `decide` derives from the new
    /// journal and the assessment kept before it, if any (on whatever
    /// day: `known`, as this connection read it with its journal); all in
    /// one transaction. Returns the check-in it replaced and the assessment
    /// kept. When `decide` gives nothing, nothing is saved
    /// ([`StoreError::Declined`]).
    pub fn record_checkin(
        &mut self,
        checkin: &CheckIn,
        now: &str,
        known: Option<Derived>,
        decide: impl FnOnce(&Journal, Option<Derived>) -> Option<Derived>,
    ) -> Result<(Option<CheckIn>, Derived), StoreError> {
        let path = self.path.clone();
        let seen = self.cache.as_ref().map(|(version, _)| *version);
        let kept = std::cell::Cell::new(None);
        self.write_deriving(
            |journal| decide(journal, kept.take()),
            now,
            |tx| {
                // `known` stands when nobody else has committed since this
                // connection read it; otherwise the one kept now is read,
                // inside the write, before its own change drops it.
                let current = seen.is_some() && data_version(tx).ok() == seen;
                kept.set(if current {
                    known
                } else {
                    super::kept::base(tx)
                });
                let before = read_checkin(tx, &path, checkin.date)?;
                let before_json = before.as_ref().and_then(|c| serde_json::to_string(c).ok());
                // Said again with nothing new about the symptoms (a note
                // added), it keeps its place in the order: a clearance
                // between the two saw it (the clinician's sixteenth review).
                let seq = match &before {
                    Some(b) if checkin.says_the_same_as(b) => b.seq,
                    _ => next_seq(tx, now).at(&path)?,
                };
                let checkin = CheckIn {
                    seq,
                    ..checkin.clone()
                };
                put_checkin(tx, &checkin, now).at(&path)?;
                tx.execute(
                    "INSERT INTO changes (kind, date, before, at) VALUES ('checkin', ?1, ?2, ?3)",
                    params![checkin.date.to_string(), before_json, now],
                )
                .at(&path)?;
                Ok((before, Edit::Put(checkin)))
            },
        )
    }

    /// Records a clinician's clearance.
    pub fn record_clearance(
        &mut self,
        clearance: &Clearance,
        now: &str,
        decide: impl FnOnce(&Journal) -> Derived,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        self.write(|j| Some(decide(j)), now, |tx| {
            let clearance = Clearance {
                seq: next_seq(tx, now).at(&path)?,
                ..clearance.clone()
            };
            insert_clearance(tx, &clearance, now).at(&path)?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO changes (kind, date, clearance_id, at) VALUES ('clearance', ?1, ?2, ?3)",
                params![clearance.date.to_string(), id, now],
            )
            .at(&path)?;
            Ok(((), Edit::AddClearance(clearance)))
        })
    }

    /// What `undo` would take back: the last change's kind and day.
    pub fn last_change(&self) -> Result<Option<LastChange>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT kind, date FROM changes ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .at(&self.path)?;
        let Some((kind, date)) = row else {
            return Ok(None);
        };
        let date = date.parse::<NaiveDate>().map_err(|e| {
            StoreError::damaged(&self.path, format!("a change has the date '{date}'"), e)
        })?;
        Ok(Some(match kind.as_str() {
            "clearance" => LastChange::Clearance(date),
            "import" => LastChange::Import(date),
            _ => LastChange::CheckIn(date),
        }))
    }

    /// Takes back the last change, if any. When `decide` gives nothing,
    /// nothing is taken back ([`StoreError::Declined`]).
    pub fn undo(
        &mut self,
        now: &str,
        decide: impl FnOnce(&Journal) -> Option<Derived>,
    ) -> Result<Option<Undone>, StoreError> {
        let path = self.path.clone();
        self.write(decide, now, |tx| {
            let last = tx
                .query_row(
                    "SELECT id, kind, date, before, clearance_id FROM changes ORDER BY id DESC LIMIT 1",
                    [],
                    |r| {
                        Ok(Change {
                            id: r.get(0)?,
                            kind: r.get(1)?,
                            date: r.get(2)?,
                            before: r.get(3)?,
                            clearance_id: r.get(4)?,
                        })
                    },
                )
                .optional()
                .at(&path)?;
            let Some(change) = last else {
                return Ok((None, Edit::Nothing(None)));
            };
            let date = change.date.parse::<NaiveDate>().map_err(|e| {
                StoreError::damaged(&path, format!("a change has the date '{}'", change.date), e)
            })?;
            let (undone, edit) = if change.kind == "import" {
                let batch = change.clearance_id.unwrap_or_default();
                let (runs, cross) = super::activities::remove_batch(tx, &path, batch)?;
                if let Some(before) = &change.before {
                    super::activities::put_back(tx, &path, before)?;
                }
                (Undone::Import { date, runs, cross }, Edit::Everything)
            } else if change.kind == "clearance" {
                tx.execute(
                    "DELETE FROM clearances WHERE id = ?1",
                    [change.clearance_id],
                )
                .at(&path)?;
                (Undone::Clearance { date }, Edit::RemoveClearance(date))
            } else if let Some(before) = &change.before {
                let checkin: CheckIn = serde_json::from_str(before).map_err(|e| {
                    StoreError::damaged(&path, "an earlier check-in does not read back", e)
                })?;
                put_checkin(tx, &checkin, now).at(&path)?;
                let undone = Undone::CheckIn {
                    date,
                    restored: Some(checkin.clone()),
                };
                (undone, Edit::Put(checkin))
            } else {
                tx.execute("DELETE FROM checkins WHERE day = ?1", [choices::day(date)])
                    .at(&path)?;
                let undone = Undone::CheckIn {
                    date,
                    restored: None,
                };
                (undone, Edit::Remove(date))
            };
            tx.execute("DELETE FROM changes WHERE id = ?1", [change.id])
                .at(&path)?;
            Ok((Some(undone), edit))
        })
    }
}

const CHECKIN_COLUMNS: &str = "day, choices, counts, shoes, note, actual, recorded_day";

/// A check-in from its columns.
fn checkin_from_row(
    row: &rusqlite::Row<'_>,
) -> rusqlite::Result<Result<CheckIn, choices::Unreadable>> {
    // Read by reference: most rows have no shoes, note or numbers, and ten
    // years of rows are read on every command.
    let text = |i: usize| -> rusqlite::Result<Option<String>> {
        match row.get_ref(i)? {
            rusqlite::types::ValueRef::Null => Ok(None),
            value => Ok(Some(value.as_str()?.to_string())),
        }
    };
    let number = |i: usize| -> rusqlite::Result<i64> { Ok(row.get_ref(i)?.as_i64()?) };
    let day = number(0)?;
    let packed = number(1)?;
    let counts = number(2)?;
    let shoes = text(3)?;
    let note = text(4)?;
    let actual = text(5)?;
    let recorded = match row.get_ref(6)? {
        rusqlite::types::ValueRef::Null => None,
        value => Some(value.as_i64()?),
    };
    Ok(choices::unpack(day, packed).and_then(|mut c| {
        choices::put_counts(&mut c, counts)?;
        c.recorded = choices::recorded_of(recorded);
        c.shoes = shoes;
        c.note = note;
        if let Some(json) = actual {
            c.actual =
                Some(
                    serde_json::from_str(&json).map_err(|e| choices::Unreadable::Actual {
                        date: c.date,
                        problem: e.to_string(),
                    })?,
                );
        }
        Ok(c)
    }))
}

/// A saved check-in that does not read back.
fn unreadable(path: &Path, problem: choices::Unreadable) -> StoreError {
    StoreError::damaged(path, "a saved check-in does not read back", problem)
}

pub(super) fn read_checkin(
    tx: &Connection,
    path: &Path,
    date: NaiveDate,
) -> Result<Option<CheckIn>, StoreError> {
    let row = tx
        .query_row(
            &format!("SELECT {CHECKIN_COLUMNS} FROM checkins WHERE day = ?1"),
            [choices::day(date)],
            checkin_from_row,
        )
        .optional()
        .at(path)?;
    row.map(|c| c.map_err(|problem| unreadable(path, problem)))
        .transpose()
}

pub(super) fn put_checkin(tx: &Connection, c: &CheckIn, now: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO checkins (day, choices, counts, shoes, note, recorded_at, actual, recorded_day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(day) DO UPDATE SET choices = ?2, counts = ?3, shoes = ?4, note = ?5,
             recorded_at = ?6, actual = ?7, recorded_day = ?8",
    )?
    .execute(params![
        choices::day(c.date),
        choices::pack(c),
        choices::counts(c),
        c.shoes,
        c.note,
        now,
        c.actual
            .as_ref()
            .filter(|a| !a.is_empty())
            .and_then(|a| serde_json::to_string(a).ok()),
        c.recorded.map(choices::day),
    ])?;
    Ok(())
}

pub(super) fn insert_clearance(tx: &Tx<'_>, c: &Clearance, now: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO clearances (date, note, seq, recorded_at) VALUES (?1, ?2, ?3, ?4)",
        params![c.date.to_string(), c.note, c.seq as i64, now],
    )?;
    Ok(())
}

/// 2020-01-01T00:00:00Z in milliseconds: where the order of recording of a
/// synced record starts.
pub const ORDER_FROM_MS: i64 = 1_577_836_800_000;

/// A moment (milliseconds since 1970) as a place in the order of
/// recording: milliseconds since 2020, which fit the store's 41 bits of
/// `seq` until 2089.
pub fn order_at(millis: i64) -> u64 {
    u64::try_from(millis.saturating_sub(ORDER_FROM_MS)).unwrap_or(0)
}

/// The order number of the next check-in or clearance recorded: one past
/// the last, and at least the moment of recording (`now`) as
/// [`order_at`] numbers it — the order every device derives
/// from a record's stamp — so a record keeps its number when it is synced,
/// and one written while no folder was joined still carries when it was
/// written (the later write wins).
fn next_seq(tx: &Connection, now: &str) -> rusqlite::Result<u64> {
    let at = chrono::DateTime::parse_from_rfc3339(now)
        .map(|t| order_at(t.timestamp_millis()))
        .unwrap_or(0);
    let next: i64 = tx
        .prepare_cached("UPDATE sequence SET last = max(last + 1, ?1) WHERE id = 1 RETURNING last")?
        .query_row([i64::try_from(at).unwrap_or(0)], |r| r.get(0))?;
    Ok(next.max(0) as u64)
}

pub(super) fn read_journal(conn: &Connection, path: &Path) -> Result<Journal, StoreError> {
    let checkins = match super::copy::read(conn, path)? {
        Some(checkins) => checkins,
        None => read_checkins(conn, path)?,
    };
    read_journal_with(conn, path, checkins)
}

/// Every check-in, from its row.
fn read_checkins(conn: &Connection, path: &Path) -> Result<Vec<CheckIn>, StoreError> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {CHECKIN_COLUMNS} FROM checkins ORDER BY day"
        ))
        .at(path)?;
    let count: i64 = conn
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
        .at(path)?;
    let mut checkins = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let mut rows = stmt.query([]).at(path)?;
    while let Some(row) = rows.next().at(path)? {
        let checkin = checkin_from_row(row).at(path)?;
        checkins.push(checkin.map_err(|problem| unreadable(path, problem))?);
    }
    Ok(checkins)
}

/// The journal of `checkins` with the clearances and runs.
pub(super) fn read_journal_with(
    conn: &Connection,
    path: &Path,
    checkins: Vec<CheckIn>,
) -> Result<Journal, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT date, note, seq FROM clearances ORDER BY date, seq, id")
        .at(path)?;
    let mut clearances = Vec::new();
    let mut rows = stmt.query([]).at(path)?;
    while let Some(row) = rows.next().at(path)? {
        let date: String = row.get(0).at(path)?;
        let note: Option<String> = row.get(1).at(path)?;
        let seq: i64 = row.get(2).at(path)?;
        let date = date.parse().map_err(|e| {
            StoreError::damaged(path, format!("a clearance has the date '{date}'"), e)
        })?;
        clearances.push(Clearance {
            date,
            note,
            seq: seq.max(0) as u64,
        });
    }
    let runs = super::activities::read_runs(conn, path)?;
    let cross = super::activities::read_cross(conn, path)?;
    Ok(Journal::new(checkins, clearances)
        .with_runs(runs)
        .with_cross(cross))
}
