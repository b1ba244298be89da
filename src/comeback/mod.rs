//! A runner's comeback as the front ends see it: the saved plan rebuilt from
//! its profile and template, the journal, and the writes that change them.
//! The command line and the terminal UI both work through this door only:
//! the store behind it is private.

use crate::checkin::{self, Assessment, CheckIn, Clearance, Journal};
use crate::plan::{self, Plan, Profile, Template};
use crate::shoes::{self, Shoe, ShoeMileage};
pub use crate::snapshot::Snapshot;
use crate::store::{SavedPlan, Store, StoreError, Undone};
use assess::derive;
use chrono::NaiveDate;
use std::path::Path;
use std::rc::Rc;

mod assess;
mod backup;
mod gear;
mod health;
mod lifting;
mod restore;
mod sync;
pub use backup::{Restored, restore};
pub use restore::{ImportFailure, import};
pub use sync::sync;

pub use gear::{PlaceFailure, ShoeFailure};
pub use health::HealthFailure;

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
    /// to replace one unless `replace` is set) and opens it.
    pub fn create(
        data_dir: &Path,
        profile: &Profile,
        template: &Template,
        replace: bool,
        today: NaiveDate,
        now: &str,
    ) -> Result<Comeback, LoadError> {
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
        plan::generate(profile, template)?;
        if replace {
            restore::archive(data_dir, today, now)?;
        }
        Store::open(data_dir)?.save_plan(profile, template, replace, now)?;
        Comeback::load(data_dir)
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
        let mut store = Store::open_existing(data_dir)?.ok_or_else(no_plan)?;
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

    /// Records a check-in, filling in the session from the plan when none is
    /// named; returns the check-in it replaced and the assessment as of
    /// `today` with it.
    ///
    /// A check-in that reports numbness or a warning flag is replaced only
    /// with `replace` set: the runner must say so. A replacement that would
    /// ease or lift the care open today is refused: a clinician lifts care.
    pub fn record(
        &mut self,
        mut entry: CheckIn,
        replace: bool,
        today: NaiveDate,
        now: &str,
    ) -> Result<Recorded, CheckInFailure> {
        entry.normalize();
        entry.validate(self.plan.profile.start, today)?;
        if !replace
            && let Some(what) = self
                .journal
                .on(entry.date)
                .filter(|old| *old != &entry)
                .and_then(CheckIn::what_a_replacement_loses)
        {
            return Err(checkin::CheckInError::WouldReplace {
                date: entry.date,
                what,
            }
            .into());
        }
        match &entry.shoes {
            Some(name) if !self.shoes.iter().any(|s| &s.name == name) => {
                let names: Vec<&str> = self.shoes.iter().map(|s| s.name.as_str()).collect();
                return Err(CheckInFailure::UnknownShoes {
                    name: name.clone(),
                    known: if names.is_empty() {
                        "none yet: add a pair with `comeback shoes add NAME`".into()
                    } else {
                        names.join(", ")
                    },
                });
            }
            Some(_) => {}
            None => entry.shoes = shoes::current(&self.shoes).map(|s| s.name.clone()),
        }
        if entry.session.is_none() {
            entry.session = Some(match entry.exercise_said() {
                Some(session) => session,
                None => checkin::default_session(&self.assess(today), &self.plan, entry.date),
            });
        }
        // A replacement that would ease or lift open care is declined
        // inside the write, on the assessment it derives (a clinician lifts
        // care).
        let open = if replace {
            self.open_to_replacing(&entry, today)
        } else {
            None
        };
        let mut declined = None;
        // The decisions to store, and the assessment kept, are the ones the
        // caller wants next: derived once.
        let mut after = None;
        let written = self.write(|store, plan, template, shoes| {
            store.record_checkin(&entry, now, |journal| {
                let derived = derive(plan, template, shoes, journal, today);
                if let Some(open) = &open {
                    declined = lifting::softened(open, derived.assessment.verdict.care.as_ref());
                    if declined.is_some() {
                        return None;
                    }
                }
                after = Some(derived.clone());
                Some(derived)
            })
        });
        let replaced = match (written, declined) {
            (Err(StoreError::Declined), Some(softened)) => {
                return Err(CheckInFailure::LiftsCare {
                    date: entry.date,
                    verb: softened.verb(),
                    since: softened.open.since,
                    level: softened.level(),
                });
            }
            (written, _) => written?,
        };
        let (assessment, mileage) = match after {
            Some(derived) => self.advised(derived),
            None => self.assess_with_mileage(today),
        };
        Ok(Recorded {
            replaced,
            assessment,
            mileage,
        })
    }

    /// Records a clinician's clearance of the care verdict open today; it
    /// lifts care at once. Refused when no care verdict is open, or when the
    /// date is before the care began.
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
        if let Some(note) = &clearance.note {
            let length = note.chars().count();
            if length > checkin::MAX_TEXT {
                return Err(checkin::CheckInError::TooLong {
                    field: "note",
                    length,
                }
                .into());
            }
        }
        let Some(care) = self.assess(today).verdict.care else {
            return Err(CheckInFailure::NothingToClear);
        };
        if clearance.date < care.since {
            return Err(CheckInFailure::ClearanceBeforeCare {
                date: clearance.date,
                since: care.since,
            });
        }
        self.write(|store, plan, template, shoes| {
            store.record_clearance(&clearance, now, |journal| {
                derive(plan, template, shoes, journal, today)
            })
        })?;
        Ok(())
    }

    /// What `undo` would take back, in words: "the check-in of Mon 23 Nov
    /// (partly numb …)" or "the clearance of Mon 23 Nov".
    pub fn last_change(&self) -> Result<Option<crate::store::LastChange>, StoreError> {
        self.store.last_change()
    }

    /// Takes back the last change. Declined when it would ease or lift the
    /// care open today, as a replacement is: a clinician lifts care.
    pub fn undo(&mut self, today: NaiveDate, now: &str) -> Result<Option<Undone>, CheckInFailure> {
        let open = self.assess(today).verdict.care;
        let mut declined = None;
        let undone = self.write(|store, plan, template, shoes| {
            store.undo(now, |journal| {
                let derived = derive(plan, template, shoes, journal, today);
                if let Some(open) = &open {
                    declined = lifting::softened(open, derived.assessment.verdict.care.as_ref());
                    if declined.is_some() {
                        return None;
                    }
                }
                Some(derived)
            })
        });
        match (undone, declined) {
            (Err(StoreError::Declined), Some(softened)) => Err(CheckInFailure::UndoLiftsCare {
                verb: softened.verb(),
                since: softened.open.since,
                level: softened.level(),
            }),
            (undone, _) => Ok(undone?),
        }
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

/// What recording a check-in did.
pub struct Recorded {
    /// The check-in of the same date it replaced, if any.
    pub replaced: Option<CheckIn>,
    /// The verdict and schedule as of today, with the new check-in.
    pub assessment: Assessment,
    /// Each pair of shoes' distance, with the new check-in.
    pub mileage: Vec<ShoeMileage>,
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
    #[error("nothing to clear: no care verdict is open, so a clearance would change nothing")]
    NothingToClear,
    #[error("date {date}: the care verdict began on {since}; expected a clearance from then on")]
    ClearanceBeforeCare { date: NaiveDate, since: NaiveDate },
    #[error(
        "date {date}: replacing its check-in would {verb} the care open since {since} ({level}); expected a clinician's clearance first (`comeback clear`), then record the day again"
    )]
    LiftsCare {
        date: NaiveDate,
        verb: &'static str,
        since: NaiveDate,
        level: String,
    },
    #[error(
        "undo: taking back the last change would {verb} the care open since {since} ({level}); expected a clinician's clearance first (`comeback clear`)"
    )]
    UndoLiftsCare {
        verb: &'static str,
        since: NaiveDate,
        level: String,
    },
    #[error("shoes '{name}': no pair of that name; expected one of: {known}")]
    UnknownShoes { name: String, known: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The local time, for the journal's records.
pub fn timestamp() -> String {
    chrono::Local::now().to_rfc3339()
}
