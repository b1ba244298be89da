//! Open care is lifted by a clinician's clearance, never by editing what
//! opened it: a health condition taken away, or a check-in replaced, that
//! would make today's open care milder or lift it is refused (DESIGN.md §4:
//! more symptoms never give a milder verdict, health context never does).

use super::Comeback;
use crate::checkin::{self, Care, CheckIn, Journal};
use crate::plan::Plan;
use chrono::NaiveDate;

/// How a change would soften the care open today.
pub(super) struct Softened {
    /// The care open today.
    pub open: Care,
    /// Whether the change lifts it, not only eases it.
    pub lifted: bool,
}

impl Softened {
    /// "urgent, today".
    pub fn level(&self) -> String {
        format!("{}, {}", self.open.level.as_str(), self.open.when_words)
    }

    /// "lift" or "ease".
    pub fn verb(&self) -> &'static str {
        if self.lifted { "lift" } else { "ease" }
    }
}

impl Comeback {
    /// The care open today, when `plan` and `journal` in place of the saved
    /// ones would make it milder (a later "how soon") or lift it.
    pub(super) fn softened_by(
        &self,
        plan: &Plan,
        journal: &Journal,
        today: NaiveDate,
    ) -> Option<Softened> {
        let open = self.assess(today).verdict.care?;
        let after = checkin::assess(plan, &self.template, journal, today)
            .verdict
            .care;
        let urgency = |c: &Care| (c.level, c.when);
        match after {
            None => Some(Softened { open, lifted: true }),
            Some(after) if urgency(&after) > urgency(&open) => Some(Softened {
                open,
                lifted: false,
            }),
            Some(_) => None,
        }
    }

    /// The care open today, when `entry` in place of the check-in of its day
    /// would soften it. Only a replacement that changes what was felt or
    /// done can: a new day's check-in adds to the journal, and a run's
    /// numbers, shoes or note joining a check-in leave its symptoms be.
    pub(super) fn softened_by_replacing(
        &self,
        entry: &CheckIn,
        today: NaiveDate,
    ) -> Option<Softened> {
        let old = self.journal.on(entry.date)?;
        let same_symptoms = CheckIn {
            shoes: old.shoes.clone(),
            note: old.note.clone(),
            seq: old.seq,
            actual: old.actual.clone(),
            ..entry.clone()
        } == *old;
        if same_symptoms {
            return None;
        }
        let mut journal = Journal::clone(&self.journal);
        journal.put(CheckIn {
            seq: journal.last_seq() + 1,
            ..entry.clone()
        });
        self.softened_by(&self.plan, &journal, today)
    }
}
