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
    /// Whether its changes are appended to a file that already holds the
    /// schema (a file is first written whole, and a whole save holds it).
    appending: bool,
}

impl Doc {
    /// A new document of the device `actor`.
    pub fn new(actor: &str) -> Doc {
        let mut doc = AutoCommit::new();
        doc.set_actor(actor_of(actor));
        Doc {
            doc,
            saved: Vec::new(),
            appending: false,
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
            appending: true,
        }
    }

    /// The document in `bytes` (a save with incremental saves after it),
    /// written on by the device `actor`.
    pub fn load(bytes: &[u8], actor: &str) -> Result<Doc, DocError> {
        let mut doc = AutoCommit::load(bytes)?;
        check_schema(&doc)?;
        doc.set_actor(actor_of(actor));
        let saved = doc.get_heads();
        Ok(Doc {
            doc,
            saved,
            appending: false,
        })
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
        if !self.appending {
            self.put_schema()?;
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

    /// The whole document, compact, with its schema (appends to its file
    /// leave the schema out).
    pub fn save(&mut self) -> Result<Vec<u8>, automerge::AutomergeError> {
        self.put_schema()?;
        let bytes = self.doc.save();
        self.saved = self.doc.get_heads();
        Ok(bytes)
    }

    fn put_schema(&mut self) -> Result<(), automerge::AutomergeError> {
        if self.doc.get(ROOT, "schema")?.is_none() {
            self.doc.put(ROOT, "schema", SCHEMA)?;
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn write(stamp: &str, value: &str) -> Write {
        Write {
            stamp: stamp.into(),
            value: Some(value.into()),
        }
    }

    /// A file is first written whole, with the schema even when it holds
    /// no record yet; the changes appended after it leave the schema out,
    /// and the file still reads as a comeback document with every write.
    #[test]
    fn changes_appended_without_the_schema_read_after_a_whole_save_that_has_it() {
        let mut whole = Doc::new("aa");
        let mut file = whole.save().expect("a whole save");
        for (stamp, value) in [("1", "one"), ("2", "two")] {
            let mut append = Doc::appending();
            append
                .put("checkin/2026-11-02", &write(stamp, value))
                .unwrap();
            file.extend(append.save_new().expect("a change to append"));
        }
        let read = Doc::load(&file, "bb").expect("the file reads");
        assert_eq!(read.keys(), ["checkin/2026-11-02"]);
        assert_eq!(read.latest("checkin/2026-11-02"), Some(write("2", "two")));
    }

    /// Records without a schema are another program's document.
    #[test]
    fn records_without_the_schema_are_not_a_comeback_document() {
        let mut append = Doc::appending();
        append
            .put("checkin/2026-11-02", &write("1", "one"))
            .unwrap();
        let bytes = append.save_new().expect("a change");
        assert!(matches!(Doc::load(&bytes, "bb"), Err(DocError::Foreign)));
    }
}
