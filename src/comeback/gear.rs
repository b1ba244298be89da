//! The runner's gear and runs from files: shoes added, retired and counted,
//! and activity files placed on the plan's days, through the same store
//! writes as the rest of `Comeback`.

use super::Comeback;
use crate::checkin::{self, Assessment};
use crate::plan::Distance;
use crate::runs;
use crate::shoes::{Shoe, ShoeError, ShoeMileage};
use crate::store::StoreError;
use chrono::NaiveDate;

/// Why a pair of shoes was not added or retired.
#[derive(Debug, thiserror::Error)]
pub enum ShoeFailure {
    #[error(transparent)]
    Invalid(#[from] ShoeError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Comeback {
    /// Every pair's distance so far.
    pub fn mileage(&self, assessment: &Assessment) -> Vec<ShoeMileage> {
        self.snapshot().mileage(assessment)
    }
    /// Adds a pair; later check-ins count towards it unless they name one.
    pub fn add_shoe(
        &mut self,
        name: &str,
        start_distance: Distance,
        now: &str,
    ) -> Result<Shoe, ShoeFailure> {
        let shoe = Shoe::new(name, start_distance)?;
        self.store.add_shoe(&shoe, now)?;
        self.reload()?;
        Ok(shoe)
    }
    /// Retires the pair called `name` as of `today`; a pair already retired
    /// keeps the day it was retired.
    pub fn retire_shoe(&mut self, name: &str, today: NaiveDate) -> Result<(), ShoeFailure> {
        if let Some(on) = self
            .shoes
            .iter()
            .find(|s| s.name == name)
            .and_then(|s| s.retired)
        {
            return Err(ShoeError::AlreadyRetired {
                name: name.to_string(),
                on,
            }
            .into());
        }
        if !self.store.retire_shoe(name, today)? {
            return Err(ShoeError::Unknown(name.to_string()).into());
        }
        self.reload()?;
        Ok(())
    }
    /// Reads run files (or folders of them), matches each to its day and,
    /// unless `dry_run`, records the matched ones as one import that undo
    /// takes back. A file that cannot be read, was imported before, falls
    /// outside the plan or could belong to two days changes nothing; the
    /// others are still recorded.
    pub fn import_runs(
        &mut self,
        paths: &[std::path::PathBuf],
        dry_run: bool,
        today: NaiveDate,
        now: &str,
    ) -> Result<Vec<runs::FileOutcome>, StoreError> {
        let assessment = self.assess(today);
        let mut known = self.store.imported_hashes()?;
        let mut outcomes = Vec::new();
        let mut new = Vec::new();
        for entry in runs::files(paths) {
            let path = match entry {
                Ok(path) => path,
                Err(outcome) => {
                    outcomes.push(outcome);
                    continue;
                }
            };
            let outcome = match crate::activity::Activity::read(&path) {
                Err(e) => runs::Outcome::Skipped(e.to_string()),
                Ok(a) if !known.insert(a.hash.clone()) => runs::Outcome::Known,
                Ok(a) => {
                    let matched: Vec<NaiveDate> =
                        new.iter().map(|r: &checkin::RecordedRun| r.date).collect();
                    let outcome = runs::place(
                        &path,
                        &a,
                        &self.plan,
                        (&self.journal, &matched),
                        &assessment,
                        today,
                    );
                    if let runs::Outcome::Matched(run) = &outcome {
                        new.push(run.clone());
                    }
                    outcome
                }
            };
            outcomes.push(runs::FileOutcome {
                file: path,
                outcome,
            });
        }
        if !dry_run && !new.is_empty() {
            self.write(|store, plan, template| {
                store.import_runs(&new, now, |journal| {
                    checkin::assess(plan, template, journal, today).decisions
                })
            })?;
        }
        Ok(outcomes)
    }
}
