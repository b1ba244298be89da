//! A runner's comeback as the front ends see it: the saved plan rebuilt from
//! its profile and template, the journal, and the writes that change them.
//! The command line and the terminal UI both work through this.

use crate::checkin::{self, Assessment, CheckIn, Clearance, Journal};
use crate::plan::{self, Plan, Template};
use crate::store::{SavedPlan, Store, StoreError, Undone};
use chrono::NaiveDate;
use std::path::Path;

/// Why a comeback could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no plan in {0}: make one with `comeback new --layoff 3w --weekly 25 --runs 4`")]
    NoPlan(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the saved plan cannot be rebuilt: {0}")]
    Profile(#[from] plan::ProfileError),
}

pub struct Comeback {
    pub store: Store,
    pub plan: Plan,
    pub template: Template,
    pub journal: Journal,
}

impl Comeback {
    /// Loads the comeback in `data_dir`; never creates a database.
    pub fn load(data_dir: &Path) -> Result<Comeback, LoadError> {
        let no_plan = || LoadError::NoPlan(data_dir.display().to_string());
        let store = Store::open_existing(data_dir)?.ok_or_else(no_plan)?;
        let SavedPlan { profile, template } = store.plan()?.ok_or_else(no_plan)?;
        let plan = plan::generate(&profile, &template)?;
        let journal = store.journal()?;
        Ok(Comeback {
            store,
            plan,
            template,
            journal,
        })
    }

    pub fn assess(&self, today: NaiveDate) -> Assessment {
        checkin::assess(&self.plan, &self.template, &self.journal, today)
    }

    /// Re-reads the journal (another process may have written).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.journal = self.store.journal()?;
        Ok(())
    }

    /// Records a check-in, filling in the session from the plan when none is
    /// named; returns the check-in it replaced.
    pub fn record(
        &mut self,
        mut entry: CheckIn,
        today: NaiveDate,
        now: &str,
    ) -> Result<Option<CheckIn>, CheckInFailure> {
        entry.validate(self.plan.profile.start, today)?;
        if entry.session.is_none() {
            let before = self.assess(today);
            entry.session = Some(checkin::default_session(&before, &self.plan, entry.date));
        }
        let (plan, template) = (&self.plan, &self.template);
        let replaced = self.store.record_checkin(&entry, now, |journal| {
            checkin::assess(plan, template, journal, today).decisions
        })?;
        self.reload()?;
        Ok(replaced)
    }

    pub fn clear(
        &mut self,
        clearance: Clearance,
        today: NaiveDate,
        now: &str,
    ) -> Result<(), CheckInFailure> {
        if clearance.date > today || clearance.date < self.plan.profile.start {
            return Err(CheckInFailure::ClearanceDate {
                date: clearance.date,
                start: self.plan.profile.start,
                today,
            });
        }
        let (plan, template) = (&self.plan, &self.template);
        self.store.record_clearance(&clearance, now, |journal| {
            checkin::assess(plan, template, journal, today).decisions
        })?;
        self.reload()?;
        Ok(())
    }

    pub fn undo(&mut self, today: NaiveDate, now: &str) -> Result<Option<Undone>, StoreError> {
        let (plan, template) = (&self.plan, &self.template);
        let undone = self.store.undo(now, |journal| {
            checkin::assess(plan, template, journal, today).decisions
        })?;
        self.reload()?;
        Ok(undone)
    }
}

/// Why a check-in or clearance was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum CheckInFailure {
    #[error(transparent)]
    Invalid(#[from] checkin::CheckInError),
    #[error("date {date}: expected a day from the plan start ({start}) to today ({today})")]
    ClearanceDate {
        date: NaiveDate,
        start: NaiveDate,
        today: NaiveDate,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The local time, for the journal's records.
pub fn timestamp() -> String {
    chrono::Local::now().to_rfc3339()
}
