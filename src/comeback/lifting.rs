//! Open care is lifted by a clinician's clearance, never by editing what
//! opened it: a health condition taken away, or a check-in replaced, that
//! would make today's open care milder or lift it is refused (DESIGN.md §4:
//! more symptoms never give a milder verdict, health context never does).

use super::Comeback;
use crate::checkin::{Care, CheckIn, Cleared};
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

/// How `after` compares with the care `open` before a change: `Some` when
/// it is milder (a later "how soon") or gone.
pub(super) fn softened(open: &Care, after: Option<&Care>) -> Option<Softened> {
    let urgency = |c: &Care| (c.level, c.when);
    let lifted = match after {
        None => true,
        Some(after) if urgency(after) > urgency(open) => false,
        Some(_) => return None,
    };
    Some(Softened {
        open: open.clone(),
        lifted,
    })
}

impl Comeback {
    /// The care open today, when `entry` would replace the check-in of its
    /// day with other symptoms: only such a replacement can soften it (a
    /// new day's check-in adds to the journal, and a run's numbers, shoes
    /// or note joining a check-in leave its symptoms be; nor does the
    /// answer to "how is it now?" given that day or the next). Whether it
    /// does is judged on what the write derives (`softened`).
    pub(super) fn open_to_replacing(&self, entry: &CheckIn, today: NaiveDate) -> Option<Care> {
        let old = self.journal.on(entry.date)?;
        if same_symptoms(old, entry, (entry.cleared, entry.cleared_minutes))
            || self.answers(entry, today)
        {
            return None;
        }
        self.assess(today).verdict.care
    }

    /// Whether `entry` answers "how is it now?" for its day: the same
    /// symptoms, with how soon they went where the day said "not yet" (or
    /// nothing), given that day or the next. Such an answer is taken, with
    /// or without `--replace` (a clinician's fifth review: an answer given
    /// that evening is no edit of the facts).
    pub(super) fn answers(&self, entry: &CheckIn, today: NaiveDate) -> bool {
        let Some(old) = self.journal.on(entry.date) else {
            return false;
        };
        let open_question = old.numbness.is_symptomatic()
            && old.cleared_minutes.is_none()
            && matches!(old.cleared, None | Some(Cleared::NotYet));
        let went = entry.cleared_minutes.is_some()
            || matches!(entry.cleared, Some(Cleared::Quickly | Cleared::Hours));
        open_question
            && went
            && same_symptoms(old, entry, (old.cleared, old.cleared_minutes))
            && (today - entry.date).num_days() <= 1
    }
}

/// Whether `entry` says what `old` says about the symptoms, with its
/// clearing taken as `cleared` ([`CheckIn::says_the_same_as`]).
fn same_symptoms(
    old: &CheckIn,
    entry: &CheckIn,
    (cleared, cleared_minutes): (Option<Cleared>, Option<u32>),
) -> bool {
    CheckIn {
        cleared,
        cleared_minutes,
        ..entry.clone()
    }
    .says_the_same_as(old)
}
