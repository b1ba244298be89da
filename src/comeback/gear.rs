//! The runner's gear and runs from files: shoes added, retired and counted,
//! and activity files placed on the plan's days (their own, or one the
//! runner chooses), through the same store writes as the rest of `Comeback`.

use super::Comeback;
use crate::activity::{Activity, ActivityFile};
use crate::checkin::{self, Assessment};
use crate::plan::Distance;
use crate::runs;
use crate::shoes::{Shoe, ShoeError, ShoeMileage};
use crate::store::StoreError;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Why a pair of shoes was not added or retired.
#[derive(Debug, thiserror::Error)]
pub enum ShoeFailure {
    #[error(transparent)]
    Invalid(#[from] ShoeError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a run was not placed on the day the runner chose.
#[derive(Debug, thiserror::Error)]
pub enum PlaceFailure {
    #[error(transparent)]
    Refused(#[from] runs::PlaceError),
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
    /// Reads activity files (or folders of them), matches each run in them
    /// to its day and, unless `dry_run`, records the matched ones as one
    /// import that undo takes back. A file that cannot be read, or a run
    /// imported before, outside the plan or that could belong to two days,
    /// changes nothing; nor does an activity that is not a run; the other
    /// runs are still recorded.
    pub fn import_runs(
        &mut self,
        paths: &[PathBuf],
        dry_run: bool,
        today: NaiveDate,
        now: &str,
    ) -> Result<Vec<runs::FileOutcome>, StoreError> {
        let assessment = self.assess(today);
        let mut known = self.store.imported_hashes()?;
        let read = read_files(paths, &known);
        // A run in two files of this import is kept from the one that says
        // more of it.
        let all: Vec<(&Path, &Activity)> = read
            .iter()
            .flat_map(|r| match r {
                FileRead::Activities(path, activities) => {
                    activities.iter().map(|a| (path.as_path(), a)).collect()
                }
                FileRead::Unread(_) => Vec::new(),
            })
            .collect();
        let mut richer = runs::richer_twins(&all).into_iter();
        let mut outcomes = Vec::new();
        let mut batch = Batch::default();
        for entry in &read {
            let (path, activities) = match entry {
                FileRead::Activities(path, activities) => (path, activities),
                FileRead::Unread(outcome) => {
                    outcomes.push(outcome.clone());
                    continue;
                }
            };
            for a in activities {
                let twin = richer.next().flatten();
                let outcome = if let Some(outcome) = runs::not_a_run(a) {
                    match outcome {
                        runs::Outcome::NotARun(_) if known.contains(&a.hash) => {
                            runs::Outcome::Known
                        }
                        runs::Outcome::NotARun(done) => {
                            let outcome = runs::cross(path, a, done, &self.plan, today);
                            if let runs::Outcome::Cross(_, kept) = &outcome {
                                known.insert(a.hash.clone());
                                batch.cross.push(kept.clone());
                            }
                            outcome
                        }
                        other => other,
                    }
                } else if !known.insert(a.hash.clone()) {
                    runs::Outcome::Known
                } else if let Some(twin) = twin {
                    runs::Outcome::SaysLess(twin)
                } else {
                    self.run_outcome((path, a), &mut batch, &assessment, today)
                };
                outcomes.push(runs::FileOutcome::of(path, a, outcome));
            }
        }
        if !dry_run && (!batch.runs.is_empty() || !batch.cross.is_empty()) {
            self.record_runs((&batch.runs, &batch.cross, &batch.replaced), today, now)?;
        }
        Ok(outcomes)
    }
    /// What becomes of a new run `a` from `path`: the same run as one
    /// recorded (kept, or replaced when `a` says more of it), or placed on
    /// its day; what is to be recorded goes into `batch`.
    fn run_outcome(
        &self,
        (path, a): (&Path, &Activity),
        batch: &mut Batch,
        assessment: &Assessment,
        today: NaiveDate,
    ) -> runs::Outcome {
        let recorded = self.journal.runs();
        if let Some(same) = runs::same_run(a, recorded.iter().chain(&batch.runs)).cloned() {
            let earlier = recorded.contains(&same) && !batch.replaced.contains(&same);
            if earlier && runs::says_more(a, &same) {
                let run = runs::in_place_of(path, a, &same);
                batch.runs.push(run.clone());
                let file = same.file.clone();
                batch.replaced.push(same);
                return runs::Outcome::Replaces(run, file);
            }
            return runs::Outcome::SameRun(same.file);
        }
        let matched: Vec<NaiveDate> = batch.runs.iter().map(|r| r.date).collect();
        let outcome = runs::place(
            path,
            a,
            &self.plan,
            (&self.journal, &matched),
            assessment,
            today,
        );
        if let runs::Outcome::Matched(run) = &outcome {
            batch.runs.push(run.clone());
        }
        outcome
    }

    /// Reads the one file in `paths` and places the one run in it on `day`,
    /// which must be a day with a planned run from the plan's start to
    /// `today`, whatever day it was run on; unless `dry_run`, records it as
    /// one import that undo takes back. The run keeps its numbers and its
    /// start. A refusal (another count of files, a folder, another day)
    /// changes nothing; so does a file that cannot be read, holds no run or
    /// several, or was imported before. What is not a run is listed.
    pub fn import_run_to(
        &mut self,
        paths: &[PathBuf],
        day: NaiveDate,
        dry_run: bool,
        today: NaiveDate,
        now: &str,
    ) -> Result<Vec<runs::FileOutcome>, PlaceFailure> {
        let [path] = paths else {
            return Err(runs::PlaceError::Files(paths.len()).into());
        };
        if path.is_dir() {
            return Err(runs::PlaceError::Folder(path.clone()).into());
        }
        runs::check_day(&self.plan, &self.assess(today), day, today)?;
        let activities = match Activity::read(path) {
            Ok(activities) => activities,
            Err(e) => {
                let outcome = runs::Outcome::Skipped(e.to_string());
                return Ok(vec![runs::FileOutcome::whole(path.clone(), outcome)]);
            }
        };
        let known = self.store.imported_hashes()?;
        let count = activities
            .iter()
            .filter(|a| runs::not_a_run(a).is_none())
            .count();
        let mut outcomes = Vec::new();
        for a in &activities {
            let outcome = match runs::not_a_run(a) {
                Some(outcome) => outcome,
                None if count > 1 => runs::Outcome::Skipped(format!(
                    "one of {count} runs in the file: expected one run to place on a day; import the file without --to"
                )),
                None if known.contains(&a.hash) => runs::Outcome::Known,
                None => runs::place_on(path, a, day),
            };
            if let runs::Outcome::Matched(run) | runs::Outcome::Moved(run, _) = &outcome
                && !dry_run
            {
                self.record_runs((std::slice::from_ref(run), &[], &[]), today, now)?;
            }
            outcomes.push(runs::FileOutcome::of(path, a, outcome));
        }
        Ok(outcomes)
    }
    /// Records `runs` as one import, with the decisions they bring.
    fn record_runs(
        &mut self,
        runs: (
            &[checkin::RecordedRun],
            &[checkin::CrossFromFile],
            &[checkin::RecordedRun],
        ),
        today: NaiveDate,
        now: &str,
    ) -> Result<(), StoreError> {
        let key = self.plan_key.clone();
        self.write(|store, plan, template, shoes| {
            store.import_runs(runs, key.as_ref(), now, |journal| {
                super::assess::derive((plan, template, shoes), journal, today, None, None)
            })
        })
    }
}

/// A file of an import: its activities, or what became of it unread.
enum FileRead {
    Activities(PathBuf, Vec<Activity>),
    Unread(runs::FileOutcome),
}

/// Each file of `paths` (folders opened) read, or what became of it: a file
/// imported before (its hash in `known`) is known without being parsed.
fn read_files(paths: &[PathBuf], known: &std::collections::HashSet<String>) -> Vec<FileRead> {
    let unread = |path, outcome| FileRead::Unread(runs::FileOutcome::whole(path, outcome));
    runs::files(paths)
        .into_iter()
        .map(|entry| {
            let path = match entry {
                Ok(path) => path,
                Err(outcome) => return FileRead::Unread(outcome),
            };
            match ActivityFile::open(&path) {
                Ok(file) if known.contains(&file.hash) => unread(path, runs::Outcome::Known),
                Ok(file) => match file.activities() {
                    Ok(activities) => FileRead::Activities(path, activities),
                    Err(e) => unread(path, runs::Outcome::Skipped(e.to_string())),
                },
                Err(e) => unread(path, runs::Outcome::Skipped(e.to_string())),
            }
        })
        .collect()
}

/// What an import will record: its runs, its cross-training, and the runs
/// recorded before that its files say more of.
#[derive(Default)]
struct Batch {
    runs: Vec<checkin::RecordedRun>,
    cross: Vec<checkin::CrossFromFile>,
    replaced: Vec<checkin::RecordedRun>,
}
