//! The store's side of sync (`crate::sync` is the other): the folder joined
//! and this device's id, each record's stamp and hash as last synced, the
//! other devices' files as last read, and the records other devices changed
//! written in with the decisions derived again — in one transaction that
//! holds the write lock from the first read to the commit, so a check-in
//! saved meanwhile waits and is synced next time.

use super::error::{At, StoreError};
use super::kept::Derived;
use super::plan::SavedPlan;
use super::ticks::Tick;
use super::{Store, choices, copy, decisions, journal, kept, to_json};
use crate::checkin::{CheckIn, Clearance, CrossFromFile, Journal, RecordedRun};
use crate::shoes::Shoe;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use std::collections::{BTreeMap, BTreeSet};

/// The folder joined, this device's id and its clock's last stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncSetup {
    pub folder: Option<String>,
    pub device: String,
    pub clock: String,
}

/// A record as last synced: the stamp of the value the store holds, and
/// that value's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub stamp: String,
    pub hash: i64,
}

/// Another device's file as last read: its size and modification time.
pub type FileMark = (i64, i64);

/// Everything the store holds that is synced, or (`whole` false) the
/// check-ins of some days with every clearance and run: enough to send
/// those check-ins, never to write a device's file whole.
pub struct Local {
    pub plan: Option<SavedPlan>,
    pub journal: Journal,
    pub shoes: Vec<Shoe>,
    pub ticks: BTreeSet<Tick>,
    pub whole: bool,
}

/// What a sync reads: the setup, the files last read and the records
/// written since; the local records and what was last synced when asked
/// (a sync with nothing new reads neither).
pub struct SyncView<'a> {
    store: &'a Store,
    pub setup: &'a SyncSetup,
    pub files: &'a BTreeMap<String, FileMark>,
    /// The records written here since the last sync: a check-in's key, or
    /// a whole table's (`clearances`, `shoes`, `ticks`, `activities`,
    /// `plan`).
    pub dirty: &'a BTreeSet<String>,
}

/// What a sync writes: other devices' records, and what is now synced.
#[derive(Default)]
pub struct Incoming {
    pub plan: Option<SavedPlan>,
    /// Check-ins to put (new, changed, or with a new place in the order of
    /// recording) and days whose check-in goes.
    pub put: Vec<CheckIn>,
    pub removed: Vec<NaiveDate>,
    /// The whole table, when any of it changed.
    pub clearances: Option<Vec<Clearance>>,
    pub shoes: Option<Vec<Shoe>>,
    pub ticks: Option<BTreeSet<Tick>>,
    pub runs: Option<(Vec<RecordedRun>, Vec<CrossFromFile>)>,
    /// Records synced now, and those no device holds any more.
    pub seen: Vec<(String, Seen)>,
    pub clock: String,
    pub files: BTreeMap<String, FileMark>,
    /// The highest place in the order of recording now used.
    pub last_seq: u64,
}

impl Incoming {
    /// Whether the store's records change (not only what is synced).
    pub fn changes_records(&self) -> bool {
        self.plan.is_some()
            || !self.put.is_empty()
            || !self.removed.is_empty()
            || self.clearances.is_some()
            || self.shoes.is_some()
            || self.ticks.is_some()
            || self.runs.is_some()
    }
}

impl SyncView<'_> {
    /// Everything the store holds that is synced.
    pub fn local(&self) -> Result<Local, StoreError> {
        let store = self.store;
        Ok(Local {
            plan: store.plan()?,
            journal: journal::read_journal(&store.conn, &store.path)?,
            shoes: store.shoes()?,
            ticks: store.ticks()?,
            whole: true,
        })
    }

    /// The check-ins of `days` (those the store holds) and nothing else
    /// (`Local::whole` false): what a sync sending only check-ins reads.
    pub fn local_days(&self, days: &[NaiveDate]) -> Result<Local, StoreError> {
        let store = self.store;
        let mut checkins = Vec::with_capacity(days.len());
        for day in days {
            checkins.extend(journal::read_checkin(&store.conn, &store.path, *day)?);
        }
        // Only check-ins: no clearances or activities are read (a sync
        // that needs them reads the whole journal, `SyncView::local`).
        Ok(Local {
            plan: None,
            journal: Journal::new(checkins, Vec::new()),
            shoes: Vec::new(),
            ticks: BTreeSet::new(),
            whole: false,
        })
    }

    /// Whether anything was ever synced from this store.
    pub fn synced_before(&self) -> Result<bool, StoreError> {
        self.store
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM sync_seen)", [], |r| r.get(0))
            .at(&self.store.path)
    }

    /// Every record as last synced.
    pub fn seen(&self) -> Result<BTreeMap<String, Seen>, StoreError> {
        self.store.seen_where("1", &[])
    }

    /// The records as last synced whose keys start with one of `prefixes`.
    pub fn seen_starting(&self, prefixes: &[String]) -> Result<BTreeMap<String, Seen>, StoreError> {
        let mut all = BTreeMap::new();
        for prefix in prefixes {
            // Keys from `prefix` up to (not with) the next prefix.
            let mut end = prefix.clone();
            end.push(char::MAX);
            all.extend(
                self.store
                    .seen_where("key >= ?1 AND key < ?2", &[prefix, &end])?,
            );
        }
        Ok(all)
    }
}

impl Store {
    /// The sync setup, if this store ever joined a folder.
    pub fn sync_setup(&self) -> Result<Option<SyncSetup>, StoreError> {
        // Cached: a synced command asks for it before and after.
        self.conn
            .prepare_cached("SELECT folder, device, clock FROM sync_setup WHERE id = 1")
            .and_then(|mut stmt| {
                stmt.query_row([], |r| {
                    Ok(SyncSetup {
                        folder: r.get(0)?,
                        device: r.get(1)?,
                        clock: r.get(2)?,
                    })
                })
                .optional()
            })
            .at(&self.path)
    }

    /// Joins `folder` (or leaves with `None`), making the device id `device`
    /// once: a device keeps its id and what it synced when it leaves. The
    /// next sync compares every record (writes made while no folder was
    /// joined are not marked) and reads every file in the folder.
    pub fn set_sync_folder(
        &mut self,
        folder: Option<&str>,
        device: &str,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        self.change(|tx| {
            tx.execute(
                "INSERT INTO sync_setup (id, folder, device) VALUES (1, ?1, ?2)
                 ON CONFLICT(id) DO UPDATE SET folder = ?1",
                params![folder, device],
            )
            .at(&path)?;
            tx.execute_batch(
                "DELETE FROM sync_files; DELETE FROM sync_dirty;
                 INSERT INTO sync_dirty (key) VALUES ('everything');",
            )
            .at(&path)?;
            Ok(())
        })
    }

    /// Runs `look` on the sync setup and the files last read, as the store
    /// holds them now, when no record is marked to send: without a
    /// transaction, so that a command's sync with nothing to do takes no
    /// lock and writes nothing. `None`: a record is marked, or no folder
    /// was ever joined.
    pub fn peek_sync<R>(
        &self,
        look: impl FnOnce(SyncView<'_>) -> R,
    ) -> Result<Option<R>, StoreError> {
        let dirty = self.dirty()?;
        if !dirty.is_empty() {
            return Ok(None);
        }
        let Some(setup) = self.sync_setup()? else {
            return Ok(None);
        };
        let files = self.files()?;
        Ok(Some(look(SyncView {
            store: self,
            setup: &setup,
            files: &files,
            dirty: &dirty,
        })))
    }

    /// Runs `sync` on what the store holds with the write lock held; writes
    /// what it returns and the decisions `decide` derives from the journal
    /// then, in the same transaction. `None` from `sync`: nothing to write.
    pub fn sync_with<E: From<StoreError>>(
        &mut self,
        now: &str,
        decide: impl FnOnce(&SavedPlan, &Journal, &[Shoe]) -> Option<Derived>,
        sync: impl FnOnce(SyncView<'_>) -> Result<Option<Incoming>, E>,
    ) -> Result<Option<Incoming>, E> {
        let path = self.path.clone();
        // Everything a sync writes can be written again from the folder and
        // the records still marked: a sync lost on a power cut is the crash
        // between the folder and the store that the next sync repairs (it
        // sends the marked records and merges the same files again). So its
        // commit skips the fsync (`synchronous = NORMAL`, still atomic); the
        // store's own writes keep theirs. SQLite takes the level only
        // outside a transaction.
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .at(&path)?;
        let out = match self.conn.execute_batch("BEGIN IMMEDIATE").at(&path) {
            Ok(()) => {
                let out = self.sync_locked(now, decide, sync);
                let end = if out.is_ok() { "COMMIT" } else { "ROLLBACK" };
                let ended = self.conn.execute_batch(end).at(&path);
                match (out, ended) {
                    (Ok(out), Ok(())) => Ok(out),
                    (Err(e), _) => Err(e),
                    (Ok(_), Err(e)) => Err(e.into()),
                }
            }
            Err(e) => Err(e.into()),
        };
        let durable = self.conn.pragma_update(None, "synchronous", "FULL");
        self.cache = None;
        durable.at(&path)?;
        out
    }

    fn sync_locked<E: From<StoreError>>(
        &mut self,
        now: &str,
        decide: impl FnOnce(&SavedPlan, &Journal, &[Shoe]) -> Option<Derived>,
        sync: impl FnOnce(SyncView<'_>) -> Result<Option<Incoming>, E>,
    ) -> Result<Option<Incoming>, E> {
        let Some(setup) = self.sync_setup()? else {
            return Ok(None);
        };
        let files = self.files()?;
        let dirty = self.dirty()?;
        let Some(incoming) = sync(SyncView {
            store: self,
            setup: &setup,
            files: &files,
            dirty: &dirty,
        })?
        else {
            return Ok(None);
        };
        self.write_incoming(&incoming, &files, now)?;
        if incoming.changes_records()
            && let Some(plan) = self.plan()?
        {
            let journal = journal::read_journal(&self.conn, &self.path)?;
            copy::write(&self.conn, &self.path, journal.checkins(), None)?;
            let shoes = self.shoes()?;
            let derived = decide(&plan, &journal, &shoes);
            let decisions = derived
                .as_ref()
                .map_or(&[][..], |d| &d.assessment.decisions[..]);
            decisions::sync(&self.conn, &self.path, decisions, None, now)?;
            if let Some(derived) = &derived {
                kept::keep(&self.conn, &self.path, derived)?;
            }
        }
        Ok(Some(incoming))
    }

    fn seen_where(
        &self,
        filter: &str,
        params: &[&String],
    ) -> Result<BTreeMap<String, Seen>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT key, stamp, hash FROM sync_seen WHERE {filter}"
            ))
            .at(&self.path)?;
        stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok((
                r.get(0)?,
                Seen {
                    stamp: r.get(1)?,
                    hash: r.get(2)?,
                },
            ))
        })
        .and_then(|rows| rows.collect())
        .at(&self.path)
    }

    fn dirty(&self) -> Result<BTreeSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT key FROM sync_dirty")
            .at(&self.path)?;
        stmt.query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .at(&self.path)
    }

    fn files(&self) -> Result<BTreeMap<String, FileMark>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, size, modified FROM sync_files")
            .at(&self.path)?;
        stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .and_then(|rows| rows.collect())
            .at(&self.path)
    }

    /// Writes other devices' records and what is now synced.
    fn write_incoming(
        &mut self,
        incoming: &Incoming,
        files: &BTreeMap<String, FileMark>,
        now: &str,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = &self.conn;
        if let Some(plan) = &incoming.plan {
            // Another device made a new plan: undo must not reach into the
            // old one.
            tx.execute(
                "INSERT INTO plan (id, profile, template, created_at) VALUES (1, ?1, ?2, ?3)
                 ON CONFLICT(id) DO UPDATE SET profile = ?1, template = ?2, created_at = ?3",
                params![
                    to_json(&path, &plan.profile)?,
                    to_json(&path, &plan.template)?,
                    now
                ],
            )
            .at(&path)?;
            tx.execute("DELETE FROM changes", []).at(&path)?;
        }
        if !(incoming.put.is_empty() && incoming.removed.is_empty()) {
            // The journal's copy is written again from the rows below.
            copy::drop_copy(tx, &path)?;
        }
        for date in &incoming.removed {
            tx.execute("DELETE FROM checkins WHERE day = ?1", [choices::day(*date)])
                .at(&path)?;
        }
        for checkin in &incoming.put {
            journal::put_checkin(tx, checkin, now).at(&path)?;
        }
        if let Some(clearances) = &incoming.clearances {
            tx.execute("DELETE FROM clearances", []).at(&path)?;
            for c in clearances {
                tx.execute(
                    "INSERT INTO clearances (date, note, seq, recorded_at) VALUES (?1, ?2, ?3, ?4)",
                    params![c.date.to_string(), c.note, c.seq as i64, now],
                )
                .at(&path)?;
            }
        }
        if let Some(shoes) = &incoming.shoes {
            tx.execute("DELETE FROM shoes", []).at(&path)?;
            for shoe in shoes {
                super::shoes::insert(tx, shoe, now).at(&path)?;
            }
        }
        if let Some(ticks) = &incoming.ticks {
            tx.execute("DELETE FROM ticks", []).at(&path)?;
            for (date, habit) in ticks {
                tx.execute(
                    "INSERT OR IGNORE INTO ticks (day, habit) VALUES (?1, ?2)",
                    params![choices::day(*date), habit],
                )
                .at(&path)?;
            }
        }
        if let Some((runs, cross)) = &incoming.runs {
            tx.execute("DELETE FROM activities", []).at(&path)?;
            let batch = super::activities::insert_runs(tx, runs).at(&path)?;
            super::activities::insert_cross(tx, cross, batch).at(&path)?;
        }
        self.write_synced(incoming, files)
    }

    /// What is now synced: the order of recording's last number, each
    /// record's stamp and hash, the files read (those whose marks changed
    /// from `before`) and the clock.
    fn write_synced(
        &self,
        incoming: &Incoming,
        before: &BTreeMap<String, FileMark>,
    ) -> Result<(), StoreError> {
        let (tx, path) = (&self.conn, &self.path);
        tx.execute(
            "UPDATE sequence SET last = max(last, ?1) WHERE id = 1",
            [incoming.last_seq as i64],
        )
        .at(path)?;
        let mut put = tx
            .prepare_cached(
                "INSERT INTO sync_seen (key, stamp, hash) VALUES (?1, ?2, ?3)
                 ON CONFLICT(key) DO UPDATE SET stamp = ?2, hash = ?3",
            )
            .at(path)?;
        for (key, seen) in &incoming.seen {
            put.execute(params![key, seen.stamp, seen.hash]).at(path)?;
        }
        drop(put);
        for name in before.keys().filter(|n| !incoming.files.contains_key(*n)) {
            tx.prepare_cached("DELETE FROM sync_files WHERE name = ?1")
                .and_then(|mut gone| gone.execute([name]))
                .at(path)?;
        }
        let changed = incoming
            .files
            .iter()
            .filter(|(name, mark)| before.get(*name) != Some(*mark));
        for (name, (size, modified)) in changed {
            tx.prepare_cached(
                "INSERT INTO sync_files (name, size, modified) VALUES (?1, ?2, ?3)
                 ON CONFLICT(name) DO UPDATE SET size = ?2, modified = ?3",
            )
            .and_then(|mut put| put.execute(params![name, size, modified]))
            .at(path)?;
        }
        // Last: the writes above marked their records; all are synced now.
        tx.execute(
            "UPDATE sync_setup SET clock = ?1 WHERE id = 1",
            [&incoming.clock],
        )
        .at(path)?;
        tx.execute("DELETE FROM sync_dirty", []).at(path)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
