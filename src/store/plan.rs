//! The `plan` table: the profile and template a plan was built from (the
//! plan itself is derived, never stored), and replacing everything at once
//! for an import.

use super::error::{At, StoreError};
use super::kept::Derived;
use super::{Edit, Store, journal, to_json};
use crate::checkin::Journal;
use crate::plan::{Profile, Template};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

/// The profile and template a plan was built from.
#[derive(Debug, Clone)]
pub struct SavedPlan {
    pub profile: Profile,
    pub template: Template,
}

/// Refuses to replace a saved plan unless `replace` is set. Decided inside
/// the writing transaction, so two processes making or importing a plan
/// into an empty folder cannot both find it empty.
fn refuse_to_replace(tx: &Connection, path: &Path, replace: bool) -> Result<(), StoreError> {
    let existing: Option<String> = tx
        .query_row("SELECT profile FROM plan WHERE id = 1", [], |row| {
            row.get(0)
        })
        .optional()
        .at(path)?;
    match (existing, replace) {
        (Some(existing), false) => Err(StoreError::PlanExists {
            start: serde_json::from_str::<Profile>(&existing)
                .map(|p| p.start)
                .unwrap_or_default(),
        }),
        _ => Ok(()),
    }
}

const UPSERT_PLAN: &str =
    "INSERT INTO plan (id, profile, template, created_at) VALUES (1, ?1, ?2, ?3)
     ON CONFLICT(id) DO UPDATE SET profile = ?1, template = ?2, created_at = ?3";

impl Store {
    /// The saved profile and template, if a plan was made.
    pub fn plan(&self) -> Result<Option<SavedPlan>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT profile, template FROM plan WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .at(&self.path)?;
        let Some((profile, template)) = row else {
            return Ok(None);
        };
        let profile: Profile = serde_json::from_str(&profile).map_err(|e| {
            StoreError::damaged(&self.path, "the saved profile does not read back", e)
        })?;
        let template = Template::parse("(saved with the plan)", &template).map_err(|e| {
            StoreError::damaged(&self.path, "the saved template does not read back", e)
        })?;
        Ok(Some(SavedPlan { profile, template }))
    }

    /// What changes when the plan is replaced or its profile edited: its
    /// creation time and its profile as saved (cheap to read and compare).
    pub fn plan_key(&self) -> Result<Option<(String, String)>, StoreError> {
        self.conn
            .query_row(
                "SELECT created_at, profile FROM plan WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .at(&self.path)
    }

    /// Saves a new plan; refuses to replace one unless `replace` is set.
    pub fn save_plan(
        &mut self,
        profile: &Profile,
        template: &Template,
        replace: bool,
        now: &str,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let profile_json = to_json(&path, profile)?;
        let template_json = to_json(&path, template)?;
        self.change(|tx| {
            refuse_to_replace(tx, &path, replace)?;
            // A new plan starts a new journal (the old one was archived):
            // its check-ins could fall before the new start, and undo must
            // not reach into the old plan. The shoes stay.
            tx.execute_batch(
                "DELETE FROM checkins; DELETE FROM clearances; DELETE FROM changes; DELETE FROM decisions; DELETE FROM ticks; DELETE FROM activities;",
            )
            .at(&path)?;
            super::copy::drop_copy(tx, &path)?;
            tx.execute(UPSERT_PLAN, params![profile_json, template_json, now])
                .at(&path)?;
            Ok(())
        })
    }

    /// Saves a changed profile of the same plan (its health context), and the
    /// decisions derived with it from `from` on.
    pub fn update_profile(
        &mut self,
        profile: &Profile,
        from: chrono::NaiveDate,
        now: &str,
        decide: impl FnOnce(&Journal) -> Derived,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let profile = to_json(&path, profile)?;
        self.write(
            |j| Some(decide(j)),
            now,
            |tx| {
                tx.execute("UPDATE plan SET profile = ?1 WHERE id = 1", [&profile])
                    .at(&path)?;
                Ok(((), Edit::Nothing(Some(from))))
            },
        )
    }

    /// Replaces everything with an imported plan and journal, in one
    /// transaction; refuses to replace an existing plan unless `replace` is set.
    pub fn restore(
        &mut self,
        restore: &crate::document::Restore,
        replace: bool,
        now: &str,
        decide: impl FnOnce(&Journal) -> Derived,
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let profile = to_json(&path, &restore.profile)?;
        let template = to_json(&path, &restore.template)?;
        self.write(|j| Some(decide(j)), now, |tx| {
            refuse_to_replace(tx, &path, replace)?;
            tx.execute_batch(
                "DELETE FROM checkins; DELETE FROM clearances; DELETE FROM changes; DELETE FROM decisions; DELETE FROM shoes; DELETE FROM ticks; DELETE FROM activities;",
            )
            .at(&path)?;
            for shoe in &restore.shoes {
                super::shoes::insert(tx, shoe, now).at(&path)?;
            }
            tx.execute(UPSERT_PLAN, params![profile, template, now])
                .at(&path)?;
            for checkin in &restore.checkins {
                journal::put_checkin(tx, checkin, now).at(&path)?;
            }
            for c in &restore.clearances {
                journal::insert_clearance(tx, c, now).at(&path)?;
            }
            if !(restore.activities.is_empty() && restore.cross_training.is_empty()) {
                let batch = super::activities::insert_runs(tx, &restore.activities).at(&path)?;
                super::activities::insert_cross(tx, &restore.cross_training, batch).at(&path)?;
            }
            for t in &restore.ticks {
                tx.execute(
                    "INSERT OR IGNORE INTO ticks (day, habit) VALUES (?1, ?2)",
                    params![super::choices::day(t.date), t.habit],
                )
                .at(&path)?;
            }
            let last = restore
                .checkins
                .iter()
                .map(|c| c.seq)
                .chain(restore.clearances.iter().map(|c| c.seq))
                .max()
                .unwrap_or(0);
            tx.execute("UPDATE sequence SET last = ?1 WHERE id = 1", [last as i64])
                .at(&path)?;
            Ok(((), Edit::Everything))
        })
    }
}
