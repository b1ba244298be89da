//! One sync, part by part (a month of records, or `main`): the records
//! written here since the last sync go into this device's document of their
//! part with new stamps, in the order they were recorded; the other
//! devices' changed files of the part are merged; each record's latest
//! write is taken; this device's file of the part gets the new changes.
//! Only the parts with something new are read.

use super::build::build;
use super::clock::Clock;
use super::doc::{Doc, Write};
use super::look::look;
use super::records::{self, Records};
use super::{Report, SyncError, folder};
use crate::store::{FileMark, Incoming, Local, Seen, SyncView};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// This device's document of one part.
struct Own {
    path: PathBuf,
    doc: Doc,
    /// Whether the file must be written whole: missing or unreadable.
    rewrite: bool,
    /// Whether `doc` holds only this sync's writes, to be appended (never
    /// written whole: that would drop the file's earlier changes).
    appending: bool,
}

struct Round<'r> {
    view: &'r SyncView<'r>,
    folder: &'r Path,
    listing: folder::Listing,
    local: Local,
    seen: BTreeMap<String, Seen>,
    /// Whether `seen` holds every record as last synced, not only those
    /// marked.
    seen_whole: bool,
    now_seen: BTreeMap<String, Seen>,
    /// Every record the store holds, when a part is written whole.
    all: Option<Records>,
    /// Each clearance's key by its place in the order of recording.
    clearance_seq: BTreeMap<String, u64>,
    clock: Clock,
    now_millis: u64,
    report: &'r mut Report,
    incoming: Vec<(String, Write)>,
    files: BTreeMap<String, FileMark>,
}

pub(super) fn one_sync(
    view: &SyncView<'_>,
    now_millis: u64,
    report: &mut Report,
) -> Result<Option<Incoming>, SyncError> {
    let setup = view.setup;
    let Some(folder) = setup.folder.as_deref().map(Path::new) else {
        return Ok(None);
    };
    let (listing, news) = look(view, folder, report)?;
    let main_there = listing.own.contains_key(records::MAIN);
    if view.dirty.is_empty() && !news && main_there {
        return Ok(None);
    }
    let everything =
        !main_there || view.dirty.contains(records::EVERYTHING) || !view.synced_before()?;
    // Check-ins written here and nothing from the others: only their
    // years' records as last synced are read, and the order of recording
    // stays as it is (this machine's latest writes are the latest stamps).
    let only_checkins = view.dirty.iter().all(|k| k.starts_with("checkin/"));
    let full = everything || news || !only_checkins;
    // Otherwise only those check-ins, and their records as last synced, are
    // read: a part written whole reads the rest first (`Round::whole_part`).
    let (seen, local) = if full {
        (view.seen()?, view.local()?)
    } else {
        let days: Vec<chrono::NaiveDate> = view
            .dirty
            .iter()
            .filter_map(|k| k.strip_prefix("checkin/")?.parse().ok())
            .collect();
        (
            view.seen_starting(&view.dirty.iter().cloned().collect::<Vec<_>>())?,
            view.local_days(&days)?,
        )
    };
    let mut round = Round {
        view,
        folder,
        seen_whole: full,
        local,
        now_seen: seen.clone(),
        seen,
        all: None,
        clearance_seq: BTreeMap::new(),
        clock: Clock::new(&setup.device, &setup.clock),
        now_millis,
        report,
        incoming: Vec::new(),
        // The marks of every file read before: parts not visited now keep
        // theirs.
        files: view.files.clone(),
        listing,
    };
    round.clearance_seq = records::clearance_keys(round.local.journal.clearances())
        .into_iter()
        .map(|(key, c)| (key, c.seq))
        .collect();
    let candidates = if everything {
        round.all_records()?.clone()
    } else {
        records::marked(&round.local, view.dirty)
    };
    for (part, keys) in round.parts(&candidates, everything) {
        round.part(&part, keys, &candidates, everything)?;
    }
    Ok(Some(round.finish()))
}

impl Round<'_> {
    /// What the store writes: the records that came in, and every record
    /// sent or received with its stamp.
    fn finish(self) -> Incoming {
        self.report.sent = self
            .now_seen
            .iter()
            .filter(|(k, s)| {
                self.seen.get(*k) != Some(s) && !self.incoming.iter().any(|(i, _)| i == *k)
            })
            .count();
        self.report.received = self.incoming.len();
        let touched: BTreeMap<String, Seen> = self
            .now_seen
            .iter()
            .filter(|(key, s)| self.seen.get(*key) != Some(s))
            .map(|(k, s)| (k.clone(), s.clone()))
            .collect();
        let mut out = build(&self.local, &self.incoming, &touched, self.report);
        out.seen = touched.into_iter().collect();
        out.clock = self.clock.last();
        out.files = self.files;
        out
    }

    /// Every record the store holds (read whole first when only some
    /// check-ins were).
    fn all_records(&mut self) -> Result<&Records, SyncError> {
        if !self.local.whole {
            self.local = self.view.local()?;
        }
        Ok(self.all.get_or_insert_with(|| records::all(&self.local)))
    }

    /// Reads every record as last synced, when only those marked were:
    /// before a part is written whole. What this sync put in `now_seen`
    /// stays.
    fn read_all_seen(&mut self) -> Result<(), SyncError> {
        if !self.seen_whole {
            for (key, seen) in self.view.seen()? {
                self.now_seen
                    .entry(key.clone())
                    .or_insert_with(|| seen.clone());
                self.seen.entry(key).or_insert(seen);
            }
            self.seen_whole = true;
        }
        Ok(())
    }

    /// The parts to visit, each with the keys to send: those marked (or all
    /// of them), and the parts of the other devices' changed files.
    fn parts(&self, candidates: &Records, everything: bool) -> BTreeMap<String, Vec<String>> {
        let dirty = self.view.dirty;
        let mut keys: BTreeSet<&String> = candidates.keys().collect();
        keys.extend(
            self.seen
                .keys()
                .filter(|k| everything || records::is_marked(k, dirty)),
        );
        let mut parts: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for key in keys {
            parts
                .entry(records::part(key).to_string())
                .or_default()
                .push(key.clone());
        }
        for (name, (part, mark)) in &self.listing.others {
            if everything || self.view.files.get(name) != Some(mark) {
                parts.entry(part.clone()).or_default();
            }
        }
        if everything {
            for part in self.listing.own.keys() {
                parts.entry(part.clone()).or_default();
            }
        }
        parts
    }

    /// Sends, merges and receives one part, and writes this device's file
    /// of it.
    fn part(
        &mut self,
        part: &str,
        mut keys: Vec<String>,
        candidates: &Records,
        everything: bool,
    ) -> Result<(), SyncError> {
        let device = self.view.setup.device.clone();
        let mut own = if everything || self.must_load(part, &device) {
            self.load_own(part, &device)
        } else {
            self.append_only(part, &device)
        };
        let whole = own.rewrite && !everything;
        if whole {
            // A part missing or unreadable: every record of it again.
            self.read_all_seen()?;
            let all: Vec<String> = self
                .all_records()?
                .keys()
                .filter(|k| records::part(k) == part)
                .cloned()
                .collect();
            let seen = self
                .seen
                .keys()
                .filter(|k| records::part(k) == part)
                .cloned();
            keys.extend(all.into_iter().chain(seen));
            keys.sort();
            keys.dedup();
        }
        let seq = |key: &str| {
            let of_checkin = key
                .strip_prefix("checkin/")
                .and_then(|d| d.parse().ok())
                .and_then(|d| self.local.journal.on(d))
                .map(|c| c.seq);
            of_checkin.or_else(|| self.clearance_seq.get(key).copied())
        };
        let order: BTreeMap<String, u64> = keys
            .iter()
            .filter_map(|k| Some((k.clone(), seq(k)?)))
            .collect();
        keys.sort_by_key(|k| {
            (
                order.get(k.as_str()).copied().unwrap_or(u64::MAX),
                k.clone(),
            )
        });
        for key in &keys {
            let value = if whole {
                self.all_records()?.get(key).cloned()
            } else {
                candidates.get(key).cloned()
            };
            self.send(&mut own, key, value, order.get(key.as_str()).copied())?;
        }
        let merged = self.merge_others(part, &mut own);
        if merged {
            self.receive(&own.doc, part);
        }
        let mark = save_own(&mut own, self.view).map_err(|source| SyncError::Folder {
            folder: self.folder.to_path_buf(),
            action: "cannot write this device's file",
            source,
        })?;
        self.files.extend(mark);
        Ok(())
    }

    /// Whether this device's file of `part` must be read: another
    /// device's file of it changed, or it is missing or due to be written
    /// whole. Otherwise new writes are only appended to it.
    fn must_load(&self, part: &str, device: &str) -> bool {
        let others_changed = self
            .listing
            .others
            .iter()
            .any(|(name, (of, mark))| of == part && self.view.files.get(name) != Some(mark));
        let Some(mark) = self.listing.own.get(part) else {
            return true;
        };
        let name = folder::own_file(self.folder, device, part);
        let name = name.file_name().map(|n| n.to_string_lossy().into_owned());
        let compacted = name
            .and_then(|n| self.view.files.get(&n))
            .map_or(0, |(size, _)| *size);
        others_changed || due_whole(mark.0, compacted)
    }

    /// An empty document whose changes are appended to this device's file
    /// of `part` ([`Doc::appending`]): a check-in sends its one record
    /// without reading the year's document.
    fn append_only(&self, part: &str, device: &str) -> Own {
        Own {
            path: folder::own_file(self.folder, device, part),
            doc: Doc::appending(),
            rewrite: false,
            appending: true,
        }
    }

    fn load_own(&mut self, part: &str, device: &str) -> Own {
        let path = folder::own_file(self.folder, device, part);
        if !self.listing.own.contains_key(part) {
            return Own {
                path,
                doc: Doc::new(device),
                rewrite: true,
                appending: false,
            };
        }
        match folder::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| Doc::load(&bytes, device).map_err(|e| e.to_string()))
        {
            Ok(doc) => Own {
                path,
                doc,
                rewrite: false,
                appending: false,
            },
            Err(e) => {
                self.report.skipped.push(format!(
                    "{}: this machine's own file does not read ({e}): written again from the store",
                    path.display()
                ));
                Own {
                    path,
                    doc: Doc::new(device),
                    rewrite: true,
                    appending: false,
                }
            }
        }
    }

    /// Puts `key`'s value into the part's document when it changed since
    /// it was synced (with a new stamp), or when the file is written whole
    /// (with the stamp it had). A check-in or clearance recorded again, the
    /// same but later in the order of recording (`seq`), changed too.
    fn send(
        &mut self,
        own: &mut Own,
        key: &str,
        value: Option<String>,
        seq: Option<u64>,
    ) -> Result<(), SyncError> {
        let hash = records::hash(value.as_deref());
        let before = self.seen.get(key);
        let unchanged = before.is_some_and(|s| {
            s.hash == hash && seq.is_none_or(|seq| seq == super::clock::order_of(&s.stamp))
        });
        if (unchanged && !own.rewrite) || (before.is_none() && value.is_none()) {
            return Ok(());
        }
        let stamp = match (before, seq) {
            (Some(s), _) if unchanged => s.stamp.clone(),
            // A check-in or clearance is numbered by its moment of
            // recording, which its stamp keeps (no renumbering after the
            // sync, and the later write wins even when written while no
            // folder was joined).
            (_, Some(seq)) => self.clock.stamp_at(seq, before.map(|s| s.stamp.as_str())),
            _ => self.clock.tick(self.now_millis),
        };
        own.doc
            .put(
                key,
                &Write {
                    stamp: stamp.clone(),
                    value,
                },
            )
            .map_err(|e| SyncError::Document(e.to_string()))?;
        self.now_seen.insert(key.to_string(), Seen { stamp, hash });
        Ok(())
    }

    /// Merges the other devices' files of `part` that changed since they
    /// were last read (all of them when this device's file of it is
    /// written whole); a file that cannot be read is skipped with a line
    /// and read again next time. Whether any was merged.
    fn merge_others(&mut self, part: &str, own: &mut Own) -> bool {
        let mut merged = false;
        for (name, (of, mark)) in &self.listing.others {
            if of != part {
                continue;
            }
            if !own.rewrite && self.view.files.get(name) == Some(mark) {
                self.files.insert(name.clone(), *mark);
                continue;
            }
            let read = folder::read(&self.folder.join(name))
                .map_err(|e| e.to_string())
                .and_then(|bytes| own.doc.merge(&bytes).map_err(|e| e.to_string()));
            match read {
                Ok(()) => {
                    merged = true;
                    self.report.read += 1;
                    self.files.insert(name.clone(), *mark);
                }
                Err(e) => self
                    .report
                    .skipped
                    .push(format!("{name}: {e}: left alone, read again next time")),
            }
        }
        merged
    }

    /// The records of the part whose latest write is not the one the store
    /// holds: written by another device, later than this one's.
    fn receive(&mut self, doc: &Doc, part: &str) {
        for key in doc.keys() {
            if records::part(&key) != part {
                continue;
            }
            let Some(latest) = doc.latest(&key) else {
                continue;
            };
            self.clock.observe(&latest.stamp);
            if self.now_seen.get(&key).map(|s| &s.stamp) != Some(&latest.stamp) {
                let hash = records::hash(latest.value.as_deref());
                self.now_seen.insert(
                    key.clone(),
                    Seen {
                        stamp: latest.stamp.clone(),
                        hash,
                    },
                );
                self.incoming.retain(|(k, _)| *k != key);
                self.incoming.push((key, latest));
            }
        }
    }
}

/// Appends the document's new changes to this device's file, or writes it
/// whole when it was missing or unreadable, or has grown to over twice its
/// size when last written whole; returns its name and that size.
fn save_own(own: &mut Own, view: &SyncView<'_>) -> std::io::Result<Option<(String, FileMark)>> {
    let name = own
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let compacted = view.files.get(&name).map_or(0, |(size, _)| *size);
    let size = std::fs::metadata(&own.path).map_or(0, |m| m.len());
    let grown = due_whole(i64::try_from(size).unwrap_or(i64::MAX), compacted);
    if !own.appending && (own.rewrite || grown) {
        let bytes = own.doc.save().map_err(std::io::Error::other)?;
        folder::replace(&own.path, &bytes)?;
        let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        return Ok(Some((name, (size, 0))));
    }
    if let Some(bytes) = own.doc.save_new() {
        folder::append(&own.path, &bytes)?;
    }
    Ok(view.files.get(&name).map(|mark| (name, *mark)))
}

/// Whether a file of `size` bytes, `compacted` when last written whole, has
/// grown to over twice that (and 4 KB more): written whole then.
fn due_whole(size: i64, compacted: i64) -> bool {
    size > 2 * compacted.max(0) + 4096
}
