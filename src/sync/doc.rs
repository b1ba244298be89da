//! A device's Automerge document: at its root each record's key, holding
//! the record's latest write as text, `{"s": STAMP, "v": VALUE}` (`v`
//! null when the record was removed). Writes made on two devices before
//! they synced are both kept by Automerge; every device reads the one with
//! the later stamp, so all show the same.

use automerge::{ActorId, AutoCommit, ChangeHash, ROOT, ReadDoc, transaction::Transactable};
use serde::{Deserialize, Serialize};

/// The schema of the document, at its root under `schema`.
pub const SCHEMA: &str = "comeback.sync/1";

/// A record's latest write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Write {
    #[serde(rename = "s")]
    pub stamp: String,
    #[serde(rename = "v")]
    pub value: Option<String>,
}

/// Why a document cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error("not an Automerge document, or cut short ({0})")]
    Unreadable(#[from] automerge::AutomergeError),
    #[error("written by a newer comeback (its schema is {0}; this one reads {SCHEMA})")]
    Newer(String),
    #[error("not a comeback sync document")]
    Foreign,
}

pub struct Doc {
    doc: AutoCommit,
    /// The heads when it was loaded or last saved: what is new is after them.
    saved: Vec<ChangeHash>,
}

impl Doc {
    /// A new document of the device `actor`.
    pub fn new(actor: &str) -> Doc {
        let mut doc = AutoCommit::new();
        doc.set_actor(actor_of(actor));
        Doc {
            doc,
            saved: Vec::new(),
        }
    }

    /// An empty document to append new writes to this device's file
    /// without loading it: its own actor, so its changes depend on none
    /// before them (Automerge keeps both of two writes of a key made
    /// without each other; the later stamp wins, as between devices).
    pub fn appending() -> Doc {
        let mut doc = AutoCommit::new();
        doc.set_actor(ActorId::random());
        Doc {
            doc,
            saved: Vec::new(),
        }
    }

    /// The document in `bytes` (a save with incremental saves after it),
    /// written on by the device `actor`.
    pub fn load(bytes: &[u8], actor: &str) -> Result<Doc, DocError> {
        let mut doc = AutoCommit::load(bytes)?;
        check_schema(&doc)?;
        doc.set_actor(actor_of(actor));
        let saved = doc.get_heads();
        Ok(Doc { doc, saved })
    }

    /// Merges another device's document (in `bytes`) into this one.
    pub fn merge(&mut self, bytes: &[u8]) -> Result<(), DocError> {
        let mut other = AutoCommit::load(bytes)?;
        check_schema(&other)?;
        self.doc.merge(&mut other)?;
        Ok(())
    }

    /// Records a write.
    pub fn put(&mut self, key: &str, write: &Write) -> Result<(), automerge::AutomergeError> {
        if self.doc.get(ROOT, "schema")?.is_none() {
            self.doc.put(ROOT, "schema", SCHEMA)?;
        }
        let text = serde_json::to_string(write).unwrap_or_default();
        self.doc.put(ROOT, key, text)
    }

    /// The record keys it holds.
    pub fn keys(&self) -> Vec<String> {
        self.doc.keys(ROOT).filter(|k| k != "schema").collect()
    }

    /// The latest write of `key`: of the writes Automerge kept (one, or
    /// more made before their devices synced), the one with the later
    /// stamp.
    pub fn latest(&self, key: &str) -> Option<Write> {
        self.doc
            .get_all(ROOT, key)
            .ok()?
            .into_iter()
            .filter_map(|(value, _)| {
                let text = value.to_str()?;
                serde_json::from_str::<Write>(text).ok()
            })
            .max_by(|a, b| a.stamp.cmp(&b.stamp))
    }

    /// The changes since it was loaded or last saved (to append to its
    /// file), or `None` when there are none.
    pub fn save_new(&mut self) -> Option<Vec<u8>> {
        let bytes = self.doc.save_after(&self.saved);
        self.saved = self.doc.get_heads();
        (!bytes.is_empty()).then_some(bytes)
    }

    /// The whole document, compact.
    pub fn save(&mut self) -> Vec<u8> {
        let bytes = self.doc.save();
        self.saved = self.doc.get_heads();
        bytes
    }
}

fn actor_of(device: &str) -> ActorId {
    ActorId::try_from(device).unwrap_or_else(|_| ActorId::from(device.as_bytes()))
}

fn check_schema(doc: &AutoCommit) -> Result<(), DocError> {
    let schema = doc
        .get(ROOT, "schema")?
        .and_then(|(v, _)| v.to_str().map(str::to_string));
    match schema {
        None if doc.keys(ROOT).next().is_none() => Ok(()),
        None => Err(DocError::Foreign),
        Some(s) if s == SCHEMA => Ok(()),
        Some(s) if s.starts_with("comeback.sync/") => Err(DocError::Newer(s)),
        Some(_) => Err(DocError::Foreign),
    }
}
