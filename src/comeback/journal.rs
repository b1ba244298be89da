//! The journal's writes as the faces make them: a check-in (filled in from
//! the plan), a clinician's clearance, and undo. None of them eases or
//! lifts open care (`lifting`): a clinician does.

use super::assess::derive;
use super::{Comeback, lifting};
use crate::checkin::{self, Assessment, CheckIn, Clearance, SessionDone};
use crate::shoes::{self, ShoeMileage};
use crate::store::{Derived, StoreError, Undone};
use chrono::NaiveDate;

impl Comeback {
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
        // A second check-in for a day amends it: the run's numbers and the
        // note said before stay unless said again (a new user's pass: the
        // numbers were lost when numbness was added later that day).
        if let Some(old) = self.journal.on(entry.date) {
            if entry.actual.is_none() {
                entry.actual = old.actual.clone();
            }
            if entry.note.is_none() {
                entry.note = old.note.clone();
            }
        }
        entry.validate(self.plan.profile.start, today)?;
        if !replace
            && !self.answers(&entry, today)
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
        entry.recorded = self.recorded_day(&entry, today);
        // The assessment kept before, read once: for the session of a day
        // with none named, and for the write to resume the walk from.
        let kept = self.store.kept_on_any_day();
        self.fill_in(&mut entry, today, kept.as_ref())?;
        // A replacement that would ease or lift open care is declined
        // inside the write, on the assessment it derives (a clinician lifts
        // care).
        let open = if replace {
            self.open_to_replacing(&entry, today)
        } else {
            None
        };
        let mut declined = None;
        let written = self.write(|store, plan, template, shoes| {
            store.record_checkin(&entry, now, kept, |journal, kept| {
                let derived = derive(
                    (plan, template, shoes),
                    journal,
                    today,
                    kept,
                    Some(entry.date),
                );
                if let Some(open) = &open {
                    declined = lifting::softened(open, derived.assessment.verdict.care.as_ref());
                    if declined.is_some() {
                        return None;
                    }
                }
                Some(derived)
            })
        });
        // The assessment kept is the one the caller wants next: derived once.
        let (replaced, after) = match (written, declined) {
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
        let (assessment, mileage) = self.advised(after);
        Ok(Recorded {
            replaced,
            assessment,
            mileage,
        })
    }

    /// Fills in what the runner left out: the shoes worn now, and the
    /// session from the plan (a run done on a run day, a rest day else).
    /// Refuses shoes by a name no pair has.
    fn fill_in(
        &self,
        entry: &mut CheckIn,
        today: NaiveDate,
        kept: Option<&Derived>,
    ) -> Result<(), CheckInFailure> {
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
            // Cross-training said, and nothing run: the day's exercise was
            // that, not a run (numbness "during" it was not a run's either).
            let cross_only = entry
                .actual
                .as_ref()
                .is_some_and(|a| a.cross.is_some() && a.distance.is_none() && a.minutes.is_none());
            entry.session = Some(match entry.exercise_said().filter(|_| !cross_only) {
                Some(session) => session,
                None => {
                    // Today's kept assessment read in place, not cloned.
                    let fresh;
                    let assessment = match kept {
                        Some(kept) if kept.assessment.today == today => &kept.assessment,
                        _ => {
                            fresh = self.derived_from(kept.cloned(), today, false);
                            &fresh.assessment
                        }
                    };
                    let planned = checkin::default_session(assessment, &self.plan, entry.date);
                    match planned {
                        SessionDone::Done if cross_only => SessionDone::Skipped,
                        other => other,
                    }
                }
            });
        }
        Ok(())
    }

    /// The day a check-in is recorded, when later than its date. A
    /// replacement that says the same about the numbness and its clearing
    /// (a note, shoes or numbers added) keeps the day the facts were
    /// first recorded, and so does a check-in put back by redo.
    fn recorded_day(&self, entry: &CheckIn, today: NaiveDate) -> Option<NaiveDate> {
        if entry.recorded.is_some() {
            return entry.recorded;
        }
        // (Numbness first recorded on its day and said again on a later
        // one to be not gone has lasted until then: the clinician's
        // sixteenth review found such a replacement keeping its own day,
        // and no care.)
        match self.journal.on(entry.date) {
            Some(old)
                if old.numbness == entry.numbness
                    && old.cleared == entry.cleared
                    && old.cleared_minutes == entry.cleared_minutes
                    && (old.recorded.is_some()
                        || entry.cleared != Some(checkin::Cleared::NotYet)) =>
            {
                old.recorded
            }
            _ => (today > entry.date).then_some(today),
        }
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
                derive((plan, template, shoes), journal, today, None, None)
            })
        })?;
        Ok(())
    }

    /// What `undo` would take back, in words: "the check-in of Mon 23 Nov
    /// (partly numb …)" or "the clearance of Mon 23 Nov".
    pub fn last_change(&self) -> Result<Option<crate::store::LastChange>, StoreError> {
        self.store.last_change()
    }

    /// Why [`Comeback::undo`] would be declined today, found without
    /// changing anything (the undo is tried and always rolled back): so a
    /// face can say so before asking to confirm.
    pub fn undo_declined(&mut self, today: NaiveDate, now: &str) -> Option<CheckInFailure> {
        let open = self.assess(today).verdict.care?;
        let mut declined = None;
        let _ = self.write(|store, plan, template, shoes| {
            store.undo(now, |journal| {
                let derived = derive((plan, template, shoes), journal, today, None, None);
                declined = lifting::softened(&open, derived.assessment.verdict.care.as_ref());
                None
            })
        });
        declined.map(|softened| CheckInFailure::UndoLiftsCare {
            verb: softened.verb(),
            since: softened.open.since,
            level: softened.level(),
        })
    }

    /// Takes back the last change. Declined when it would ease or lift the
    /// care open today, as a replacement is: a clinician lifts care.
    pub fn undo(&mut self, today: NaiveDate, now: &str) -> Result<Option<Undone>, CheckInFailure> {
        let open = self.assess(today).verdict.care;
        let mut declined = None;
        let undone = self.write(|store, plan, template, shoes| {
            store.undo(now, |journal| {
                let derived = derive((plan, template, shoes), journal, today, None, None);
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
        "date {date}: replacing its check-in would {verb} the care open since {} (now {level}); expected a clinician's clearance first (`comeback clear`), then record the day again",
        since.format("%a %-d %b %Y")
    )]
    LiftsCare {
        date: NaiveDate,
        verb: &'static str,
        since: NaiveDate,
        level: String,
    },
    #[error(
        "undo: taking back the last change would {verb} the care open since {} (now {level}); expected a clinician's clearance first (`comeback clear`)",
        since.format("%a %-d %b %Y")
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
