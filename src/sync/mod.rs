//! Sync between the runner's devices through a folder another tool already
//! syncs (Syncthing, Nextcloud, Dropbox, a git repository, rsync): each
//! device keeps an Automerge document of what the runner recorded in its
//! own file there, merges the others', and writes what they changed into
//! its store. The store stays what every command reads; derived data (the
//! verdict, the decisions) is derived on each device, never synced.
//!
//! One sync, with the store's write lock held throughout: the records
//! written here since the last sync go into the document with a new stamp
//! (`clock`), the other devices' changed files are merged, each record's
//! latest write is taken (the later stamp wins on every device), this
//! device's file gets the new changes, and only then is the store written.
//! A crash before the store's commit leaves the store as it was: the next
//! sync finds the same records marked and merges the same files again.

mod build;
mod clock;
mod doc;
pub mod folder;
mod records;

use crate::checkin::{Decision, Journal};
use crate::store::{Incoming, Local, SavedPlan, Seen, Store, StoreError, SyncView};
use build::build;
use clock::Clock;
use doc::{Doc, Write};
use records::Records;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub use doc::SCHEMA;
pub use folder::device_of;

/// What one sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Records written here and sent to the folder.
    pub sent: usize,
    /// Records other devices wrote, now in the store.
    pub received: usize,
    /// Other devices' files read.
    pub read: usize,
    /// One line per file left alone, saying why.
    pub skipped: Vec<String>,
}

/// Why a sync could not run.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}: {action}: {source}", folder.display())]
    Folder {
        folder: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    #[error("{}: {problem}", folder.display())]
    NotAFolder { folder: PathBuf, problem: String },
    #[error("the sync document cannot be written: {0}")]
    Document(String),
}

/// Joins `folder`: this device's changes go there from now on, and the
/// other devices' files there are merged before each command.
pub fn join(data_dir: &Path, folder: &Path) -> Result<PathBuf, SyncError> {
    let not_a_folder = |problem: &str| SyncError::NotAFolder {
        folder: folder.to_path_buf(),
        problem: problem.to_string(),
    };
    let resolved = folder
        .canonicalize()
        .map_err(|_| not_a_folder("no such folder: expected a folder that exists"))?;
    if !resolved.is_dir() {
        return Err(not_a_folder(
            "not a folder: expected the folder your sync tool shares",
        ));
    }
    let data = data_dir
        .canonicalize()
        .unwrap_or_else(|_| data_dir.to_path_buf());
    if resolved.starts_with(&data) || data.starts_with(&resolved) {
        return Err(not_a_folder(
            "it holds the data folder or is inside it: expected a folder of its own (a synced copy of a live database is corrupted by the sync tool)",
        ));
    }
    let mut store = Store::open(data_dir)?;
    let device = match store.sync_setup()? {
        Some(setup) => setup.device,
        None => automerge::ActorId::random().to_hex_string(),
    };
    store.set_sync_folder(Some(&resolved.to_string_lossy()), &device)?;
    let marker = marker(data_dir);
    std::fs::write(&marker, format!("{}\n", resolved.display())).map_err(|source| {
        SyncError::Folder {
            folder: marker.clone(),
            action: "cannot write the note that a folder is joined",
            source,
        }
    })?;
    Ok(resolved)
}

/// The file in the data dir that says a folder is joined (its path, for
/// people): a command checks it exists before it opens the store to sync.
fn marker(data_dir: &Path) -> PathBuf {
    data_dir.join("sync-folder")
}

/// Leaves the folder: nothing is synced until a folder is joined again.
pub fn leave(data_dir: &Path) -> Result<(), SyncError> {
    let Some(mut store) = Store::open_existing(data_dir)? else {
        return Ok(());
    };
    if let Some(setup) = store.sync_setup()? {
        store.set_sync_folder(None, &setup.device)?;
    }
    match std::fs::remove_file(marker(data_dir)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(SyncError::Folder {
            folder: marker(data_dir),
            action: "cannot remove the note that a folder is joined",
            source: e,
        }),
        _ => Ok(()),
    }
}

/// The folder joined and this device's id, if a folder is joined.
pub fn joined(data_dir: &Path) -> Result<Option<(PathBuf, String)>, SyncError> {
    let Some(store) = Store::open_existing(data_dir)? else {
        return Ok(None);
    };
    Ok(store
        .sync_setup()?
        .and_then(|s| Some((PathBuf::from(s.folder?), s.device))))
}

/// Syncs the store in `data_dir` with the folder it joined, if any, at
/// wall-clock time `now`; `decide` derives the decisions of the journal the
/// store then holds. `None`: no folder joined.
pub fn sync(
    data_dir: &Path,
    now: chrono::DateTime<chrono::Utc>,
    decide: impl FnOnce(&SavedPlan, &Journal) -> Vec<Decision>,
) -> Result<Option<Report>, SyncError> {
    if !marker(data_dir).exists() {
        return Ok(None);
    }
    let Some(mut store) = Store::open_existing(data_dir)? else {
        return Ok(None);
    };
    if store.sync_setup()?.and_then(|s| s.folder).is_none() {
        return Ok(None);
    }
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or(0);
    let mut report = Report::default();
    store.sync_with(&now.to_rfc3339(), decide, |view| {
        one_sync(&view, millis, &mut report)
    })?;
    Ok(Some(report))
}

/// What a sync reads of this device's own file.
struct Own {
    path: PathBuf,
    doc: Doc,
    /// Whether the file must be written whole: missing or unreadable.
    rewrite: bool,
}

fn one_sync(
    view: &SyncView<'_>,
    now_millis: u64,
    report: &mut Report,
) -> Result<Option<Incoming>, SyncError> {
    let setup = view.setup;
    let Some(folder) = setup.folder.as_deref().map(Path::new) else {
        return Ok(None);
    };
    let listing = folder::list(folder, &setup.device).map_err(|source| SyncError::Folder {
        folder: folder.to_path_buf(),
        action: "cannot read the sync folder",
        source,
    })?;
    report.skipped = listing
        .skipped
        .iter()
        .map(|(name, why)| format!("{name}: {why}"))
        .collect();
    let own_path = folder::own_file(folder, &setup.device);
    let unchanged = listing
        .devices
        .iter()
        .all(|(name, mark)| view.files.get(name) == Some(mark));
    if view.dirty.is_empty() && unchanged && own_path.is_file() {
        return Ok(None);
    }
    let mut own = load_own(own_path, &setup.device, report);
    let seen = view.seen()?;
    let local = view.local()?;
    let mut clock = Clock::new(&setup.device, &setup.clock);
    let mut now_seen = seen.clone();
    report.sent = send(
        view,
        &local,
        &seen,
        &mut own,
        &mut clock,
        now_millis,
        &mut now_seen,
    )?;
    let files = merge_others(folder, &listing, view, &mut own, report);
    let incoming = receive(&own.doc, &mut clock, &mut now_seen);
    report.received = incoming.len();
    let own_mark = save_own(&mut own, view).map_err(|source| SyncError::Folder {
        folder: folder.to_path_buf(),
        action: "cannot write this device's file",
        source,
    })?;
    let mut out = build(&local, &incoming, &now_seen, report);
    out.seen = now_seen
        .into_iter()
        .filter(|(key, s)| seen.get(key) != Some(s))
        .collect();
    out.clock = clock.last();
    out.files = files;
    out.files.extend(own_mark);
    Ok(Some(out))
}

fn load_own(path: PathBuf, device: &str, report: &mut Report) -> Own {
    match folder::read(&path) {
        Ok(bytes) => match Doc::load(&bytes, device) {
            Ok(doc) => Own {
                path,
                doc,
                rewrite: false,
            },
            Err(e) => {
                report.skipped.push(format!(
                    "{}: this device's own file does not read ({e}): written again from the store",
                    path.display()
                ));
                Own {
                    path,
                    doc: Doc::new(device),
                    rewrite: true,
                }
            }
        },
        Err(_) => Own {
            path,
            doc: Doc::new(device),
            rewrite: true,
        },
    }
}

/// Puts the records written here since the last sync into the document
/// (all of them when this device's file is written whole), in the order
/// they were recorded; returns how many changed.
fn send(
    view: &SyncView<'_>,
    local: &Local,
    seen: &BTreeMap<String, Seen>,
    own: &mut Own,
    clock: &mut Clock,
    now_millis: u64,
    now_seen: &mut BTreeMap<String, Seen>,
) -> Result<usize, SyncError> {
    let everything = own.rewrite || seen.is_empty() || view.dirty.contains(records::EVERYTHING);
    let candidates: Records = if everything {
        records::all(local)
    } else {
        records::marked(local, view.dirty)
    };
    let mut keys: BTreeSet<&String> = candidates.keys().collect();
    keys.extend(
        seen.keys()
            .filter(|k| everything || records::is_marked(k, view.dirty)),
    );
    let order = recording_order(local);
    let mut keys: Vec<&String> = keys.into_iter().collect();
    keys.sort_by_key(|k| {
        (
            order.get(k.as_str()).copied().unwrap_or(u64::MAX),
            (*k).clone(),
        )
    });
    let mut sent = 0;
    for key in keys {
        let value = candidates.get(key);
        let hash = records::hash(value.map(String::as_str));
        let before = seen.get(key);
        let unchanged = before.is_some_and(|s| s.hash == hash);
        if (unchanged && !own.rewrite) || (before.is_none() && value.is_none()) {
            continue;
        }
        let stamp = match before {
            Some(s) if unchanged => s.stamp.clone(),
            _ => {
                sent += 1;
                clock.tick(now_millis)
            }
        };
        let write = Write {
            stamp: stamp.clone(),
            value: value.cloned(),
        };
        own.doc.put(key, &write).map_err(doc_error)?;
        now_seen.insert(key.clone(), Seen { stamp, hash });
    }
    Ok(sent)
}

fn doc_error(e: automerge::AutomergeError) -> SyncError {
    SyncError::Document(e.to_string())
}

/// Each check-in's and clearance's key by its place in the order recorded.
fn recording_order(local: &Local) -> BTreeMap<String, u64> {
    let mut order: BTreeMap<String, u64> = local
        .journal
        .checkins()
        .iter()
        .map(|c| (records::checkin_key(c.date), c.seq))
        .collect();
    let clearances = records::clearance_keys(local.journal.clearances());
    order.extend(clearances.into_iter().map(|(key, c)| (key, c.seq)));
    order
}

/// Merges the other devices' files that changed since they were last read
/// (all of them when this device's file is written whole); returns every
/// file read as it stands now. A file that cannot be read is skipped with
/// a line and read again next time.
fn merge_others(
    folder: &Path,
    listing: &folder::Listing,
    view: &SyncView<'_>,
    own: &mut Own,
    report: &mut Report,
) -> BTreeMap<String, crate::store::FileMark> {
    let mut files = BTreeMap::new();
    for (name, mark) in &listing.devices {
        if !own.rewrite && view.files.get(name) == Some(mark) {
            files.insert(name.clone(), *mark);
            continue;
        }
        let merged = folder::read(&folder.join(name))
            .map_err(|e| e.to_string())
            .and_then(|bytes| own.doc.merge(&bytes).map_err(|e| e.to_string()));
        match merged {
            Ok(()) => {
                report.read += 1;
                files.insert(name.clone(), *mark);
            }
            Err(e) => report
                .skipped
                .push(format!("{name}: {e}: left alone, read again next time")),
        }
    }
    files
}

/// The records whose latest write is not the one the store holds: written
/// by another device, later than this one's.
fn receive(
    doc: &Doc,
    clock: &mut Clock,
    now_seen: &mut BTreeMap<String, Seen>,
) -> Vec<(String, Write)> {
    let mut incoming = Vec::new();
    for key in doc.keys() {
        let Some(latest) = doc.latest(&key) else {
            continue;
        };
        clock.observe(&latest.stamp);
        if now_seen.get(&key).map(|s| &s.stamp) != Some(&latest.stamp) {
            now_seen.insert(
                key.clone(),
                Seen {
                    stamp: latest.stamp.clone(),
                    hash: records::hash(latest.value.as_deref()),
                },
            );
            incoming.push((key, latest));
        }
    }
    incoming
}

/// Appends the document's new changes to this device's file, or writes it
/// whole when it was missing or unreadable, or has grown to over twice its
/// size when last written whole; returns its name and that size.
fn save_own(
    own: &mut Own,
    view: &SyncView<'_>,
) -> std::io::Result<Option<(String, crate::store::FileMark)>> {
    let name = own
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let compacted = view.files.get(&name).map_or(0, |(size, _)| *size);
    let size = std::fs::metadata(&own.path).map_or(0, |m| m.len());
    let grown = size > 64 * 1024 && size > 2 * u64::try_from(compacted).unwrap_or(0);
    if own.rewrite || grown {
        let bytes = own.doc.save();
        folder::replace(&own.path, &bytes)?;
        let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        return Ok(Some((name, (size, 0))));
    }
    if let Some(bytes) = own.doc.save_new() {
        folder::append(&own.path, &bytes)?;
    }
    Ok(view.files.get(&name).map(|mark| (name, *mark)))
}
