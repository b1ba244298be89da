//! A runner's comeback as the front ends see it: the saved plan rebuilt from
//! its profile and template, the journal, and the writes that change them.
//! The command line and the terminal UI both work through this door only:
//! the store behind it is private.

use crate::checkin::{Assessment, Journal};
use crate::plan::{self, Plan, Profile, Template};
use crate::shoes::{Shoe, ShoeMileage};
pub use crate::snapshot::Snapshot;
use crate::store::{SavedPlan, Store, StoreError};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::rc::Rc;

mod assess;
mod backup;
mod gear;
mod health;
mod journal;
mod lifting;
mod restore;
mod sync;
pub use backup::{Restored, restore};
pub use restore::{ImportFailure, import};
pub use sync::{Synced, sync};

pub use gear::{PlaceFailure, ShoeFailure};
pub use health::HealthFailure;
pub use journal::{CheckInFailure, Recorded};

/// Why a comeback could not be loaded or made.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no plan in {0}")]
    NoPlan(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A new plan's profile, refused.
    #[error(transparent)]
    Profile(#[from] plan::ProfileError),
    /// The saved profile no longer makes a plan.
    #[error("the saved plan cannot be rebuilt: {0}")]
    Rebuild(plan::ProfileError),
    /// A replacement refused while care is open ([`restore::archive`]).
    #[error(
        "replacing the plan would lift the care open since {} (now {level}) and take its check-ins out of the journal; expected a clinician's clearance first (`comeback clear`), then the new plan",
        since.format("%a %-d %b %Y")
    )]
    CareOpen { since: NaiveDate, level: String },
}

pub struct Comeback {
    store: Store,
    /// The checks and habits ticked, by day.
    pub ticks: std::collections::BTreeSet<crate::store::Tick>,
    /// The saved plan's creation time and profile as last read: when another
    /// process replaces the plan, they change.
    plan_key: Option<(String, String)>,
    pub plan: Plan,
    pub template: Template,
    pub journal: Rc<Journal>,
    pub shoes: Vec<Shoe>,
    /// False while the journal holds only the recent check-ins
    /// ([`Comeback::load_first`]) until [`Comeback::complete`].
    whole: bool,
}

/// How far back [`Comeback::load_first`] reads check-ins: the week strip's
/// two weeks with room to spare.
const FIRST_DAYS: u64 = 35;

/// What the first screen draws: the assessment with shoe advice, and each
/// pair's distance.
pub type FirstLook = (Assessment, Vec<ShoeMileage>);

impl Comeback {
    /// Makes a new plan in `data_dir` from `profile` and `template` (refusing
    /// to replace one unless `replace` is set, or while care is open) and
    /// opens it, with the archive the plan it replaced went to.
    pub fn create(
        data_dir: &Path,
        profile: &Profile,
        template: &Template,
        replace: bool,
        today: NaiveDate,
        now: &str,
    ) -> Result<(Comeback, Option<PathBuf>), LoadError> {
        // A start far from today is a typo unless the runner insists.
        if !replace {
            profile.check_start(today)?;
        }
        // A start in the future lengthens the layoff: those days are not run
        // either (Daniels' bands count the days off until the first run).
        let waiting = (profile.start - today).num_days().max(0) as u32;
        let profile = &Profile {
            layoff_days: (profile.layoff_days + waiting).min(*plan::limits::LAYOFF_DAYS.end()),
            ..profile.clone()
        };
        let plan = plan::generate(profile, template)?;
        // A plan over before today is a mistyped year, or a comeback that
        // is done: there is nothing left to record runs against (the
        // coach's seventh review).
        if !replace && plan.end() < today {
            return Err(plan::ProfileError::StartOver {
                start: profile.start,
                end: plan.end(),
                today,
            }
            .into());
        }
        let archived = match replace {
            true => restore::archive(data_dir, today, now, true)?,
            false => None,
        };
        Store::open(data_dir)?.save_plan(profile, template, replace, now)?;
        Ok((Comeback::load(data_dir)?, archived))
    }

    /// A copy of the store at `dest` that opens as it is (`comeback backup`).
    pub fn backup(&self, dest: &Path) -> Result<(), StoreError> {
        self.check_output(dest)?;
        self.store.backup_to(dest)
    }

    /// How long a write waits for another process's write before it gives
    /// up and says so: the terminal UI keeps it short, so its keys stay
    /// responsive (the command line waits up to 10 s).
    pub fn set_patience(&mut self, wait: std::time::Duration) -> Result<(), StoreError> {
        self.store.set_patience(wait)
    }

    /// Refuses `dest` as an export or backup when it is one of the store's
    /// own files (by path or by the file it is).
    pub fn check_output(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.is_dir() {
            return Err(StoreError::Folder(dest.to_path_buf()));
        }
        match self.store.owns(dest) {
            Some(own) => Err(StoreError::OwnFile {
                dest: dest.to_path_buf(),
                own,
            }),
            None => Ok(()),
        }
    }

    /// Ends a one-shot command: closes the store and leaves the rest of the
    /// memory to the process's exit, which takes it back at once (freeing
    /// ten years of check-ins piece by piece was a twentieth of a check-in's
    /// work).
    pub fn close_for_exit(self) {
        let Comeback {
            store,
            ticks,
            plan,
            template,
            journal,
            shoes,
            ..
        } = self;
        drop(store);
        std::mem::forget((ticks, plan, template, journal, shoes));
    }

    /// Folds the WAL into the database file; for a clean close.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.store.checkpoint()
    }

    /// The plan, template, journal and shoes as they are now.
    pub fn snapshot(&self) -> Snapshot<'_> {
        debug_assert!(self.whole, "a snapshot before the whole journal was read");
        Snapshot {
            plan: &self.plan,
            template: &self.template,
            journal: &self.journal,
            shoes: &self.shoes,
            ticks: &self.ticks,
        }
    }

    /// Loads the comeback in `data_dir`; never creates a database.
    pub fn load(data_dir: &Path) -> Result<Comeback, LoadError> {
        Comeback::open(data_dir, None).map(|(comeback, _)| comeback)
    }

    /// Loads the comeback for a first screen about `today`. When an
    /// assessment kept for today (with the shoes' distances) still stands,
    /// it comes with it, and the journal holds only the check-ins of the
    /// last five weeks: [`Comeback::complete`] reads the rest, and must
    /// come before anything else reads the journal or assesses. Otherwise
    /// this is [`Comeback::load`].
    pub fn load_first(
        data_dir: &Path,
        today: NaiveDate,
    ) -> Result<(Comeback, Option<FirstLook>), LoadError> {
        Comeback::open(data_dir, Some(today))
    }

    /// The plan and today's assessment, for a command that shows them and
    /// nothing of the journal (`status`, `today`): from the assessment
    /// kept today when it stands, without reading ten years of check-ins.
    pub fn glance(data_dir: &Path, today: NaiveDate) -> Result<Glance, LoadError> {
        let (comeback, first) = Comeback::load_first(data_dir, today)?;
        let assessment = match first {
            Some((assessment, _)) => assessment,
            None => comeback.assess_and_keep(today),
        };
        Ok(Glance {
            plan: comeback.plan,
            template: comeback.template,
            assessment,
        })
    }

    /// Reads everything in one read transaction: with `first`, the
    /// assessment kept for that day and the recent check-ins when it stands.
    fn open(
        data_dir: &Path,
        first: Option<NaiveDate>,
    ) -> Result<(Comeback, Option<FirstLook>), LoadError> {
        let no_plan = || LoadError::NoPlan(data_dir.display().to_string());
        let store = Store::open_existing(data_dir)?.ok_or_else(no_plan)?;
        Comeback::read(store, data_dir, first)
    }

    /// [`Comeback::open`] on a store already open.
    fn read(
        mut store: Store,
        data_dir: &Path,
        first: Option<NaiveDate>,
    ) -> Result<(Comeback, Option<FirstLook>), LoadError> {
        let no_plan = || LoadError::NoPlan(data_dir.display().to_string());
        let (plan_key, saved, shoes, ticks, kept, journal) = store.reading(|store| {
            let kept = first.and_then(|today| {
                let kept = store.kept_in_this_read(today)?;
                kept.mileage.is_some().then_some((today, kept))
            });
            let journal = match kept {
                Some((today, _)) => {
                    Rc::new(store.recent_journal(today - chrono::Days::new(FIRST_DAYS))?)
                }
                None => store.journal()?,
            };
            Ok::<_, StoreError>((
                store.plan_key()?,
                store.plan()?,
                store.shoes()?,
                store.ticks()?,
                kept,
                journal,
            ))
        })?;
        let SavedPlan { profile, template } = saved.ok_or_else(no_plan)?;
        let plan = plan::generate_saved(&profile, &template).map_err(LoadError::Rebuild)?;
        let comeback = Comeback {
            store,
            ticks,
            plan_key,
            plan,
            template,
            journal,
            shoes,
            whole: kept.is_none(),
        };
        let first = kept.map(|(_, derived)| comeback.advised(derived));
        Ok((comeback, first))
    }

    /// Whether the journal holds every check-in (see [`Comeback::load_first`]).
    pub fn is_whole(&self) -> bool {
        self.whole
    }

    /// Reads the whole journal after [`Comeback::load_first`] read only
    /// the recent check-ins; nothing to do otherwise.
    pub fn complete(&mut self) -> Result<(), StoreError> {
        if !self.whole {
            self.reload()?;
        }
        Ok(())
    }

    /// Re-reads what another process may have written: the journal, the
    /// shoes, and the plan itself when it was replaced (`new --force`,
    /// `import --force`) or its profile changed.
    pub fn refresh(&mut self) -> Result<(), LoadError> {
        let key = self.store.plan_key()?;
        if key != self.plan_key {
            let Some(SavedPlan { profile, template }) = self.store.plan()? else {
                return Err(LoadError::NoPlan("the data folder".into()));
            };
            self.plan = plan::generate_saved(&profile, &template).map_err(LoadError::Rebuild)?;
            self.template = template;
            self.plan_key = key;
        }
        self.reload()?;
        self.ticks = self.store.ticks()?;
        Ok(())
    }

    /// Ticks a check or habit of `date`, or unticks it; says whether it is
    /// ticked now.
    pub fn tick(&mut self, date: NaiveDate, habit: &str) -> Result<bool, StoreError> {
        let key = (date, habit.to_string());
        let on = !self.ticks.contains(&key);
        self.store.set_tick(date, habit, on)?;
        if on {
            self.ticks.insert(key);
        } else {
            self.ticks.remove(&key);
        }
        Ok(on)
    }

    /// Re-reads the journal and shoes (another process may have written).
    pub fn reload(&mut self) -> Result<(), StoreError> {
        (self.journal, self.shoes) = self
            .store
            .reading(|store| Ok::<_, StoreError>((store.journal()?, store.shoes()?)))?;
        self.whole = true;
        Ok(())
    }

    /// Runs a write with this comeback's hold on the journal let go, so the
    /// store edits the journal in place instead of copying ten years of it;
    /// the journal is read back afterwards, whether the write went through or
    /// not.
    fn write<T>(
        &mut self,
        change: impl FnOnce(&mut Store, &Plan, &Template, &[Shoe]) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.journal = Rc::default();
        let out = change(&mut self.store, &self.plan, &self.template, &self.shoes);
        let reloaded = self.reload();
        let out = out?;
        reloaded?;
        Ok(out)
    }
}

/// The plan and the assessment as of a day, and nothing of the journal.
pub struct Glance {
    pub plan: Plan,
    pub template: Template,
    /// With shoe advice.
    pub assessment: Assessment,
}

/// The local time, for the journal's records.
pub fn timestamp() -> String {
    chrono::Local::now().to_rfc3339()
}
