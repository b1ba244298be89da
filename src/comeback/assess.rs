//! The assessment as the faces ask for it: kept from earlier today when
//! nothing changed, derived and kept otherwise, with shoe advice and each
//! pair's distance.

use super::Comeback;
use crate::checkin::{self, Assessment, Journal};
use crate::plan::{Plan, Template};
use crate::shoes::{self, Shoe, ShoeMileage};
use crate::store::Derived;
use chrono::NaiveDate;

impl Comeback {
    /// The verdict and schedule as of `today`, with advice for worn-out shoes.
    /// Read from the assessment kept earlier today when nothing changed
    /// since; never writes.
    pub fn assess(&self, today: NaiveDate) -> Assessment {
        self.assessed(today, false)
    }

    /// [`Comeback::assess`] for a face that shows it (status, today, plan,
    /// the TUI): one walked afresh is kept for the next command today (best
    /// effort: a busy or read-only store keeps nothing).
    pub fn assess_and_keep(&self, today: NaiveDate) -> Assessment {
        self.assessed(today, true)
    }

    /// [`Comeback::assess_and_keep`] with each pair's distance, as the TUI
    /// shows them.
    pub fn assess_with_mileage(&self, today: NaiveDate) -> (Assessment, Vec<ShoeMileage>) {
        self.advised(self.derived(today, true))
    }

    fn assessed(&self, today: NaiveDate, keep: bool) -> Assessment {
        self.advised(self.derived(today, keep)).0
    }

    fn derived(&self, today: NaiveDate, keep: bool) -> Derived {
        self.derived_from(self.store.kept_on_any_day(), today, keep)
    }

    /// The assessment `kept` when it is today's; derived otherwise, the walk
    /// resuming from `kept`'s week when it can.
    pub(super) fn derived_from(
        &self,
        kept: Option<Derived>,
        today: NaiveDate,
        keep: bool,
    ) -> Derived {
        debug_assert!(self.whole, "assessed before the whole journal was read");
        match kept {
            Some(kept) if kept.assessment.today == today => kept,
            base => {
                let fresh = derive(
                    (&self.plan, &self.template, &self.shoes),
                    &self.journal,
                    today,
                    base,
                    None,
                );
                if keep {
                    self.store.keep_assessment(&fresh);
                }
                fresh
            }
        }
    }

    /// Adds shoe advice, which is running advice: none while care is open.
    pub(super) fn advised(&self, derived: Derived) -> (Assessment, Vec<ShoeMileage>) {
        let Derived {
            mut assessment,
            mileage,
            ..
        } = derived;
        let mileage = mileage.unwrap_or_else(|| self.mileage(&assessment));
        if assessment.verdict.care.is_none() {
            assessment
                .verdict
                .advice
                .extend(shoes::advice(&mileage, self.plan.profile.unit));
        }
        (assessment, mileage)
    }
}

/// The assessment as of `today` and each pair's distance: what a write
/// keeps for the day, and the TUI draws its first frame from. With `base`,
/// an assessment kept before a change dated `changed` (none: nothing
/// changed since), the walk resumes from it when it can
/// (`checkin::resume`), and replays the journal otherwise.
pub(super) fn derive(
    (plan, template, shoes): (&Plan, &Template, &[Shoe]),
    journal: &Journal,
    today: NaiveDate,
    base: Option<Derived>,
    changed: Option<NaiveDate>,
) -> Derived {
    let resumed = base.and_then(|base| {
        let kept = base.resume?;
        let a = base.assessment;
        let from = a.current.and_then(|i| a.weeks.get(i))?.start;
        let changed = changed.unwrap_or(from);
        checkin::resume(plan, template, journal, today, (a, &kept), changed)
    });
    let (assessment, resume) =
        resumed.unwrap_or_else(|| checkin::assess_keeping(plan, template, journal, today));
    let mileage = shoes::mileage(shoes, plan, template, journal, &assessment);
    Derived {
        assessment,
        mileage: Some(mileage),
        resume,
    }
}
